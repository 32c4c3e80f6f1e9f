import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests generate the full-size dataset on a fresh machine (about a minute) and
    // build the real edition from it.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // DuckDB and Chromium each use both cores; running test files one at a time is faster here.
    fileParallelism: false,
  },
});
