import { defineConfig } from 'vitest/config';

// Unit and integration tests: everything beside the code except the browser suites.
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/web/src/**/*.test.{ts,tsx}',
      'apps/web/vite-plugins/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Integration files wait on the database as much as they compute: two at a time on two cores.
    maxWorkers: 2,
    // One migrated database for the whole run; each file starts from a copy of it.
    globalSetup: ['apps/server/src/test/migrated-snapshot.ts'],
    // The web app's English texts and the office portals' Dutch ones load on demand; component tests have them at once.
    setupFiles: ['apps/web/src/test/load-texts.ts'],
  },
});
