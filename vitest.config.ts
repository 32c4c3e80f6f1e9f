import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // DuckDB and Chromium each use both cores; running test files one at a time is faster here.
    fileParallelism: false,
  },
});
