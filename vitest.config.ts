import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for the libraries (graphql has no "exports"
    // map); Vite would pick its "module" build for our files. Two copies of graphql
    // cannot share a schema, so point ours at the one Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: more workers than that only adds contention.
    maxWorkers: 2,
    // The fuzz test measures the heap after a collection, not whenever V8 felt like one.
    execArgv: ['--expose-gc'],
  },
});
