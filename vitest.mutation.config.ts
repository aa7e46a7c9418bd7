import { defineConfig } from 'vitest/config';

/**
 * The unit tests that hold the mutated modules (stryker.config.mjs), and nothing that
 * starts a simulator or a gateway: each mutant runs them, so they must take seconds.
 * Stryker runs them in worker threads, which take no `--expose-gc` (vitest.config.ts).
 */
export default defineConfig({
  resolve: {
    // As in vitest.config.ts: one copy of graphql.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: [
      'test/sources/http.test.ts',
      'test/sources/auth.test.ts',
      'test/lists/*.test.ts',
      'test/auth/*.test.ts',
      'test/model/status.test.ts',
      'test/sources/{tiem,hci,dcos,dws,otestack}/map.test.ts',
    ],
    testTimeout: 20_000,
    // One module graph per worker across files and runs: each mutant's run then costs its tests, not their imports.
    isolate: false,
  },
});
