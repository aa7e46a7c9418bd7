import { describe, expect, it } from 'vitest';
import { otestackSimulator } from '../../../src/simulators/otestack/index.js';
import { startSimulator } from '../../../src/simulators/kit/server.js';
import { client, login, useOtestack } from './support.js';

const LISTS = ['/v1/cluster', '/v1/node?pageSize=0', '/v1/app?pageSize=0', '/v1/deploy?pageSize=0', '/v1/admin/deploy?pageSize=0', '/v1/cluster/label'];

describe('otestack generated fleet', () => {
  const epochMs = Date.parse('2025-03-01T08:00:00Z');
  const a = useOtestack({ epochMs });
  const b = useOtestack({ epochMs });

  it('serves identical lists for the same seed, and different ones for another seed', async () => {
    const apiA = client(a.sim, await login(a.sim));
    const apiB = client(b.sim, await login(b.sim));
    for (const path of LISTS) expect((await apiA('GET', path)).body).toEqual((await apiB('GET', path)).body);
    const other = await startSimulator(otestackSimulator, { seed: 'other', epochMs });
    try {
      const apiO = client(other, await login(other));
      expect((await apiO('GET', '/v1/cluster')).body).not.toEqual((await apiA('GET', '/v1/cluster')).body);
    } finally {
      await other.close();
    }
  });

  it('shows every deployment status, deploy type and both readiness values at the default size', async () => {
    const api = client(a.sim, await login(a.sim));
    const deps = (await api('GET', '/v1/deploy?pageSize=0')).body.data;
    expect(new Set(deps.map((d: any) => d.status))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(new Set(deps.map((d: any) => d.deployType))).toEqual(new Set([1, 2, 3, 4]));
    expect(deps.every((d: any) => d.createTime * 1000 <= epochMs)).toBe(true);
    const nodes = (await api('GET', '/v1/node?pageSize=0')).body.data;
    expect(new Set(nodes.map((n: any) => n.isReady))).toEqual(new Set([true, false]));
  });

  it('scales with the configured number of clusters and resets to the seed', async () => {
    const small = await startSimulator(otestackSimulator, { clusters: 5, epochMs });
    try {
      const api = client(small, await login(small));
      expect((await api('GET', '/v1/cluster')).body.total).toBe(5);
      expect((await api('GET', '/v1/deploy?pageSize=0')).body.total).toBe(12);
      const before = (await api('GET', '/v1/cluster/label')).body;
      const name = (await api('GET', '/v1/cluster')).body.data[0].clusterName;
      await api('POST', '/v1/cluster/label', { clusterLabel: 'temp', clusterName: [name] });
      small.reset();
      const fresh = client(small, await login(small));
      expect((await fresh('GET', '/v1/cluster/label')).body).toEqual(before);
    } finally {
      await small.close();
    }
  });
});
