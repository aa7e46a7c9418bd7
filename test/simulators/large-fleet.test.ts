import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS, type SourceKind } from '../../src/model/source-kind.js';
import { SIMULATORS } from '../../src/simulators/fleet.js';
import { type RunningSimulator, startSimulator } from '../../src/simulators/kit/server.js';
import { call } from '../helpers/sim-client.js';
import { login as dcosLogin } from './dcos/support.js';
import { client as dwsClient } from './dws/support.js';
import { client as oteClient, login as oteLogin } from './otestack/support.js';
import { login as tiemLogin } from './tiem/support.js';

/*
 * Every simulator generates a fleet far past its default size: every cluster under its
 * own name and id, and the same fleet again for the same seed. (How fast is the
 * benchmark's business: `npm run bench:scale`.)
 */

const CLUSTERS = 2000;
const epochMs = Date.parse('2026-06-01T08:00:00Z');

interface Listed {
  id: string;
  name: string;
}

/** Every cluster as the vendor's own list gives it, in its order. */
const LIST: Record<SourceKind, (sim: RunningSimulator) => Promise<Listed[]>> = {
  tiem: async (sim) => {
    const headers = { authorization: `Bearer ${await tiemLogin(sim)}` };
    const out: Listed[] = [];
    for (let page = 1; out.length < CLUSTERS; page++) {
      const rows = (await call(sim, 'GET', `/api/v1/clusters/?page=${page}&pageSize=1000`, { headers })).body.data.clusters;
      if (rows.length === 0) break;
      out.push(...rows.map((c: any) => ({ id: c.clusterId, name: c.clusterName })));
    }
    return out;
  },
  hci: async (sim) => (await call(sim, 'GET', '/v1/cluster/list')).body.data.list.map((c: any) => ({ id: c.cluster_uuid, name: c.cluster_name })),
  dcos: async (sim) => (await (await dcosLogin(sim)).request('GET', '/v1/cluster?limit=0')).body.data.map((c: any) => ({ id: c._id, name: c.name })),
  dws: async (sim) => (await (await dwsClient(sim)).get('/clusters')).body.clusters.map((c: any) => ({ id: c.id, name: c.name })),
  // The cluster name is OTE-stack's only identity.
  otestack: async (sim) =>
    (await oteClient(sim, await oteLogin(sim))('GET', '/v1/cluster?page=1&pageSize=0')).body.data.map((c: any) => ({ id: c.clusterName, name: c.clusterName })),
};

async function listed(kind: SourceKind): Promise<Listed[]> {
  const sim = await startSimulator(SIMULATORS[kind], { clusters: CLUSTERS, speed: 1, operationFailureRate: 0, epochMs });
  try {
    return await LIST[kind](sim);
  } finally {
    await sim.close();
  }
}

describe(`a fleet of ${CLUSTERS} clusters`, () => {
  for (const kind of SOURCE_KINDS) {
    it(`${kind}: every cluster has its own name and id, and the same seed gives the same fleet`, { timeout: 300_000 }, async () => {
      const first = await listed(kind);
      expect(first).toHaveLength(CLUSTERS);
      expect(new Set(first.map((c) => c.id)).size).toBe(CLUSTERS);
      expect(new Set(first.map((c) => c.name)).size).toBe(CLUSTERS);
      expect(await listed(kind)).toEqual(first);
    });
  }
});
