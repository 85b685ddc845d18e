import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (dist/chrome) in real headless Chromium. One file at a time:
// each launches its own browser, and the machines have two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
