import { defineConfig } from 'vitest/config';

// Browser suites: one real server process for the run (e2e/shared-platform.ts) and Debian's chromium, one file at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/shared-platform.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // The menu walk's roles walk two at a time, each in its own tab (a third would only queue for the two cores).
    maxConcurrency: 2,
  },
});
