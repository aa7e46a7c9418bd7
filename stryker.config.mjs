// Mutation testing of the modules that carry the gateway's promises: `npm run test:mutation`.
// Not part of `npm test`; it takes minutes. See README, "Mutation testing".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  // Mutants of module-level values (the status tables, the retryable statuses) run every
  // test for each mutant, which takes the run from minutes to hours: they are left out,
  // and the tables are pinned by tests that spell each row out (test/sources/*/map.test.ts).
  ignoreStatic: true,
  mutate: [
    // Retries, write safety, 401 re-login, timeouts.
    'src/sources/http.ts',
    'src/sources/auth.ts',
    // Whether a failed write's outcome is unknown (callError), shared by the HTTP layer and
    // the decode step, and what a client is told of a source's failure.
    'src/sources/errors.ts',
    // Merged paging, order, filters, cursors.
    'src/lists/*.ts',
    // Gateway API keys and roles.
    'src/auth.ts',
    // The vendors' status mapping: the tables and the functions that read them. Line
    // ranges: move them with the code when a map.ts is rearranged.
    'src/model/status.ts:60-68',
    'src/sources/tiem/map.ts:26-114',
    'src/sources/dcos/map.ts:13-62',
    'src/sources/dws/map.ts:59-231',
    'src/sources/dws/map.ts:925-928',
    'src/sources/hci/map.ts:48-48',
    'src/sources/hci/map.ts:77-106',
    'src/sources/hci/map.ts:230-233',
    'src/sources/otestack/map.ts:59-59',
    'src/sources/otestack/map.ts:80-82',
    'src/sources/otestack/map.ts:129-129',
    'src/sources/otestack/map.ts:375-407',
    'src/sources/otestack/map.ts:508-522',
  ],
  reporters: ['clear-text', 'progress'],
  thresholds: { high: 90, low: 80, break: 80 },
  concurrency: 4,
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
