import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { clusters, get, post, statistic, useHci } from './support.js';

describe('hci host task progress', () => {
  const h = useHci();
  beforeEach(() => h.sim.reset());
  const progress = (cluster: string, host: string) => get(h.sim, `/v1/cluster/host/task/progress?cluster_uuid=${cluster}&host_uuid=${host}`);

  it('follows hosts joining a newly added cluster from 0 to 1, putting them in service', async () => {
    const uuid = (await post(h.sim, '/v1/cluster/add', { ip: '10.77.3.11', name: 'hci-new-01' })).body.data.uuid;
    const hosts = (await statistic(h.sim, uuid)).HostStatistics;
    expect(hosts.every((s: any) => s.Status === 0)).toBe(true);
    const first = hosts[0].HostUUID;
    expect((await progress(uuid, first)).body).toMatchObject({ scode: 0, data: { progress: 0 } });
    h.sim.advance(5 * 60_000);
    const mid = (await progress(uuid, first)).body.data.progress;
    expect(mid).toBeGreaterThan(0.3);
    expect(mid).toBeLessThan(1);
    h.sim.advance(90 * 60_000);
    for (const s of hosts) expect((await progress(uuid, s.HostUUID)).body.data.progress).toBe(1);
    expect((await statistic(h.sim, uuid)).HostSummary).toMatchObject({ Healthy: hosts.length, NoInUse: 0 });
  });

  it('reports a failed task with its vendor code and the progress it reached', async () => {
    await call(h.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
    const uuid = (await post(h.sim, '/v1/cluster/add', { ip: '10.77.4.11', name: 'hci-new-02' })).body.data.uuid;
    const host = (await statistic(h.sim, uuid)).HostStatistics[0].HostUUID;
    h.sim.advance(20 * 60_000);
    const res = await progress(uuid, host);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scode: 10011, message: expect.stringMatching(/host task failed/) });
    expect(res.body.data.progress).toBeGreaterThan(0);
    expect(res.body.data.progress).toBeLessThan(1);
    expect((await statistic(h.sim, uuid)).HostStatistics[0].Status).toBe(0);
  });

  it('names unknown hosts and missing parameters', async () => {
    const [c] = await clusters(h.sim);
    expect(await progress(c!.uuid, 'nope')).toMatchObject({ status: 404, body: { scode: 10004 } });
    expect((await get(h.sim, `/v1/cluster/host/task/progress?cluster_uuid=${c!.uuid}`)).body.message).toBe('param host_uuid is required');
  });

  it('shows running, finished and failed tasks across the default fleet', async () => {
    const seen = new Set<string>();
    for (const c of await clusters(h.sim)) {
      for (const n of c.detail.TopoHostNode) {
        const body = (await progress(c.uuid, n.UUID)).body;
        seen.add(body.scode !== 0 ? 'failed' : body.data.progress === 1 ? 'done' : 'running');
      }
    }
    expect([...seen].sort()).toEqual(['done', 'failed', 'running']);
  });
});
