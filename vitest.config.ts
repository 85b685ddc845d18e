import { defineConfig } from 'vitest/config';

// Unit tests: pure logic and modules with injected fakes, run in Node.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/e2e-firefox/**', 'node_modules/**'],
    environment: 'node',
  },
});
