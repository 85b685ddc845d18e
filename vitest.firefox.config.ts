import { defineConfig } from 'vitest/config';

// The Firefox end-to-end test: the built extension (dist/firefox) in Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi. One browser launch for the whole file.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.firefox.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
