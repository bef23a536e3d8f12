import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The suite runs with a HOME full of a user's socket-lessons state; see the file.
    globalSetup: ['./test/support/poisoned-home.ts'],
    // Real sockets and real ptys: give slow CI machines room, but every wait in a test
    // still has its own bounded timeout.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
