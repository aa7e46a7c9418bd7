import { describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { tiemSimulator } from '../../../src/simulators/tiem/index.js';
import { CLUSTER_STATUSES } from '../../../src/simulators/tiem/state.js';
import { call } from '../../helpers/sim-client.js';
import { login, useTiem } from './support.js';

const get = async (sim: RunningSimulator, path: string) => (await call(sim, 'GET', path, { headers: { authorization: `Bearer ${await login(sim)}` } })).body;

describe('tiem seeded fleet', () => {
  const epochMs = Date.parse('2024-06-01T08:00:00Z');
  const a = useTiem({ epochMs });
  const b = useTiem({ epochMs });

  it('serves identical lists for the same seed', async () => {
    for (const path of ['/api/v1/clusters/?pageSize=1000', '/api/v1/workflow/?pageSize=1000', '/api/v1/backups/?pageSize=1000']) {
      expect(await get(a.sim, path)).toEqual(await get(b.sim, path));
    }
    const other = await startSimulator(tiemSimulator, { speed: 1, seed: 'another', epochMs });
    try {
      const names = async (sim: RunningSimulator) => (await get(sim, '/api/v1/clusters/?pageSize=1000')).data.clusters.map((c: any) => c.clusterName);
      expect(await names(other)).not.toEqual(await names(a.sim));
    } finally {
      await other.close();
    }
  });

  it('shows every cluster status at the default size, with realistic data from before the start', async () => {
    const clusters = (await get(a.sim, '/api/v1/clusters/?pageSize=1000')).data.clusters as Array<Record<string, any>>;
    expect(clusters).toHaveLength(24);
    expect(new Set(clusters.map((c) => c.status))).toEqual(new Set(CLUSTER_STATUSES));
    for (const c of clusters) {
      expect(c.clusterName).toMatch(/^tidb-[a-z-]+-\d{2}$/);
      expect(Date.parse(c.createTime)).toBeLessThan(epochMs);
      expect(c.clusterVersion).toMatch(/^v\d+\.\d+\.\d+$/);
      expect(c.intranetConnectAddresses[0]).toMatch(/^172\.16\.\d+\.\d+:4000$/);
      expect(c.storageUsage.usageRate).toBeGreaterThan(0);
    }
    expect(new Set(clusters.map((c) => c.maintainStatus))).toEqual(new Set(['', 'Creating', 'Stopping', 'Restarting', 'BackUp', 'Takeover']));
  });

  it('scales with the cluster count', async () => {
    const small = await startSimulator(tiemSimulator, { speed: 1, clusters: 3 });
    try {
      expect((await get(small, '/api/v1/clusters/')).page.total).toBe(3);
    } finally {
      await small.close();
    }
  });
});
