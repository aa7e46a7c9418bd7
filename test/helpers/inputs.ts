/**
 * Mutation inputs the simulators accept, shared by the tests that need a valid one and
 * change only what they are about.
 */

/** A small TiDB cluster on TiEM: three PD, three TiKV, two TiDB in one region. */
export const tiemCreateInput = (name: string, dbPassword = 'Secr3t!pass') => ({
  sourceId: 'tiem',
  name,
  version: 'v6.1.0',
  region: 'CN-HANGZHOU',
  tiem: {
    dbPassword,
    components: [
      { type: 'PD', count: 3, spec: '4C8G', zone: 'CN-HANGZHOU-G' },
      { type: 'TiKV', count: 3, spec: '8C32G', zone: 'CN-HANGZHOU-H' },
      { type: 'TiDB', count: 2, spec: '8C16G', zone: 'CN-HANGZHOU-G' },
    ],
  },
});
