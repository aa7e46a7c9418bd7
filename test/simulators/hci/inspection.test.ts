import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { clusters, type ClusterRef, get, post, useHci } from './support.js';

describe('hci one-click inspection', () => {
  const h = useHci();
  let c: ClusterRef;
  beforeEach(async () => {
    h.sim.reset();
    // A cluster that was never inspected, so nothing is running on it.
    const all = await clusters(h.sim);
    for (const candidate of all) {
      const p = (await progress(candidate.uuid)).data;
      if (p.state === 0) {
        c = candidate;
        return;
      }
    }
    throw new Error('no idle cluster');
  });
  const progress = async (uuid: string) => (await get(h.sim, `/v1/cluster/inspection/progress?cluster_uuid=${uuid}`)).body;
  const start = (checks: Record<string, boolean> = { check_system: true, check_network: true, check_hardware: true }) =>
    post(h.sim, '/v1/cluster/inspection', { cluster_uuid: c.uuid, cluster_name: c.name, ...checks });

  it('runs from 0 to 100 percent over simulated time and ends with results', async () => {
    expect((await progress(c.uuid)).data).toMatchObject({ state: 0, finishedPercent: 0, system: null, score: 0 });
    const started = (await start()).body.data;
    expect(started).toMatchObject({ state: 1, finishedPercent: 0, normal: 0 });
    expect(started.checking).not.toBe('');
    const hosts = c.detail.TopoHostNode.length;
    const items = hosts * (5 + 4 + 4);
    const duration = 30_000 + items * 8_000;
    h.sim.advance(duration / 2);
    const mid = (await progress(c.uuid)).data;
    expect(mid.state).toBe(1);
    expect(mid.finishedPercent).toBeGreaterThan(40);
    expect(mid.finishedPercent).toBeLessThan(60);
    expect(mid.normal + mid.alarm + mid.fault).toBeGreaterThan(0);
    expect(mid.normal + mid.alarm + mid.fault).toBeLessThan(items);
    h.sim.advance(duration / 2);
    const done = (await progress(c.uuid)).data;
    expect(done).toMatchObject({ state: 2, finishedPercent: 100, checking: '', status: { code: 0 } });
    expect(done.normal + done.alarm + done.fault).toBe(items);
    expect(done.system).toHaveLength(hosts * 5);
    expect(done.hardware[0]).toMatchObject({ host_uuid: expect.any(String), item: 'disk_smart', level: expect.any(Number) });
    expect(done.score).toBe(Math.max(0, 100 - 2 * done.alarm - 10 * done.fault));
  });

  it('leaves unselected categories null', async () => {
    await start({ check_network: true });
    h.sim.advance(3_600_000);
    const done = (await progress(c.uuid)).data;
    expect(done).toMatchObject({ state: 2, system: null, hardware: null });
    expect(done.network.length).toBe(c.detail.TopoHostNode.length * 4);
  });

  it('stops, freezing progress, and can start again', async () => {
    await start();
    h.sim.advance(120_000);
    const stopped = (await post(h.sim, '/v1/cluster/inspection/stop', { cluster_uuid: c.uuid, cluster_name: c.name })).body;
    expect(stopped).toMatchObject({ scode: 0, data: { state: 3 } });
    const at = stopped.data.finishedPercent;
    expect(at).toBeGreaterThan(0);
    h.sim.advance(3_600_000);
    expect((await progress(c.uuid)).data).toMatchObject({ state: 3, finishedPercent: at, checking: '' });
    expect((await post(h.sim, '/v1/cluster/inspection/stop', { cluster_uuid: c.uuid, cluster_name: c.name })).body.data.state).toBe(3);
    expect((await start()).body.data.state).toBe(1);
  });

  it('refuses a second start while one runs', async () => {
    await start();
    expect(await start()).toMatchObject({ status: 409, body: { scode: 10009, message_cn: '集群正在检测中' } });
  });

  it('ends aborted when the operation fails', async () => {
    await call(h.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
    await start();
    h.sim.advance(3_600_000);
    const failed = (await progress(c.uuid)).data;
    expect(failed.state).toBe(4);
    expect(failed.finishedPercent).toBeGreaterThan(0);
    expect(failed.finishedPercent).toBeLessThan(100);
    expect(failed.status).toMatchObject({ code: 10012, message: expect.stringMatching(/did not respond/), messageCn: expect.stringMatching(/检测中止/) });
  });

  it('validates its body, naming the field', async () => {
    expect(await post(h.sim, '/v1/cluster/inspection', { cluster_uuid: c.uuid, check_system: true })).toMatchObject({
      status: 400,
      body: { scode: 10001, message: 'param cluster_name is required', messageCn: '参数cluster_name不能为空' },
    });
    expect((await start({})).body.scode).toBe(10002);
    expect((await start({ check_system: 'yes' as unknown as boolean })).body.message).toMatch(/check_system/);
    expect((await get(h.sim, '/v1/cluster/inspection/progress?cluster_uuid=nope')).body.scode).toBe(10003);
  });

  it('shows every inspection state across the default fleet', async () => {
    const states = new Set<number>();
    for (const x of await clusters(h.sim)) states.add((await progress(x.uuid)).data.state);
    expect([...states].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
