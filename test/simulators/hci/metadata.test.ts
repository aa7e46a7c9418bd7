import { beforeEach, describe, expect, it } from 'vitest';
import { clusters, type ClusterRef, get, post, useHci } from './support.js';

describe('hci metadata snapshots', () => {
  const h = useHci();
  let c: ClusterRef;
  let ip: string;
  beforeEach(async () => {
    h.sim.reset();
    // A cluster whose first center node is up.
    for (const candidate of await clusters(h.sim)) {
      const res = await get(h.sim, `/v1/cluster/data/snapshot/list?cluster_uuid=${candidate.uuid}&ip=${candidate.detail.candidates[0]}`);
      if (res.status === 200) {
        c = candidate;
        ip = candidate.detail.candidates[0];
        return;
      }
    }
    throw new Error('no cluster with a reachable center node');
  });
  const list = async (extra = '') =>
    (await get(h.sim, `/v1/cluster/data/snapshot/list?cluster_uuid=${c.uuid}&ip=${ip}${extra}`)).body.data.meta_data.Snapshot as string[];
  const config = async () => (await get(h.sim, `/v1/cluster/data/snapshot/config/inspect?cluster_uuid=${c.uuid}&ip=${ip}`)).body.data.meta_data.SnapshotConfig;

  it('lists a node’s snapshot files, oldest first, taken before the simulation started', async () => {
    const files = await list();
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files).toEqual([...files].sort());
    for (const f of files) {
      expect(f).toMatch(/^snapshot\d{10}\.db$/);
      expect(Number(f.slice(8, 18)) * 1000).toBeLessThan(h.sim.clock.startedAt);
    }
    expect(await list(`&file_name=${files[0]}`)).toEqual([files[0]]);
    expect(await list('&file_name=nothing')).toEqual([]);
  });

  it('saves immediately and deletes; a deleted file is gone', async () => {
    const save = await post(h.sim, '/v1/cluster/data/snapshot/save', { cluster_uuid: c.uuid, ip });
    expect(save.body).toMatchObject({ scode: 0, data: { meta_data: { Snapshot: null, status: { code: 0 } } } });
    const name = `snapshot${Math.floor(h.sim.clock.now() / 1000)}.db`;
    const files = await list();
    expect(files.some((f) => Math.abs(Number(f.slice(8, 18)) - Number(name.slice(8, 18))) <= 1)).toBe(true);
    const newest = files[files.length - 1]!;
    expect((await post(h.sim, '/v1/cluster/data/snapshot/delete', { cluster_uuid: c.uuid, ip, file_name: newest })).body.scode).toBe(0);
    expect(await list()).not.toContain(newest);
    expect(await post(h.sim, '/v1/cluster/data/snapshot/delete', { cluster_uuid: c.uuid, ip, file_name: newest })).toMatchObject({
      status: 404,
      body: { scode: 10008 },
    });
  });

  it('takes automatic snapshots on the policy’s schedule, keeping the newest seven', async () => {
    const { duration } = await config();
    const before = await list();
    h.sim.advance(duration * 1000 + 10_000);
    const after = await list();
    expect(after.filter((f) => !before.includes(f)).length).toBeGreaterThanOrEqual(1);
    h.sim.advance(duration * 1000 * 20);
    const autos = await list();
    expect(autos.length).toBeLessThanOrEqual(7 + 2);
    expect(Number(autos[autos.length - 1]!.slice(8, 18)) * 1000).toBeGreaterThan(h.sim.clock.now() - duration * 1000 - 10_000);
  });

  it('updates the backup policy and reschedules', async () => {
    const from = Math.floor(h.sim.clock.now() / 1000);
    const res = await post(h.sim, '/v1/cluster/data/snapshot/config/update', { cluster_uuid: c.uuid, ip, duration: 86400, display_option: 'day' });
    expect(res.body.scode).toBe(0);
    // MTime is the second of the update; the simulated clock runs on meanwhile.
    const policy = await config();
    expect(policy).toEqual({ duration: 86400, DisplayOption: 'day', MTime: expect.any(Number) });
    expect(policy.MTime).toBeGreaterThanOrEqual(from);
    expect(policy.MTime).toBeLessThanOrEqual(Math.floor(h.sim.clock.now() / 1000));
    const before = await list();
    h.sim.advance(86_400_000 - 60_000);
    expect(await list()).toEqual(before);
    h.sim.advance(120_000);
    expect(await list()).not.toEqual(before);
  });

  it('validates fields and the center node, naming them', async () => {
    const upd = (body: Record<string, unknown>) => post(h.sim, '/v1/cluster/data/snapshot/config/update', { cluster_uuid: c.uuid, ip, ...body });
    expect((await upd({ display_option: 'day' })).body).toMatchObject({ scode: 10001, message: 'param duration is required' });
    expect((await upd({ display_option: 'month', duration: 60 })).body).toMatchObject({ scode: 10002, message: expect.stringMatching(/display_option/) });
    expect((await upd({ display_option: 'hour', duration: 0 })).body.scode).toBe(10002);
    expect((await post(h.sim, '/v1/cluster/data/snapshot/delete', { cluster_uuid: c.uuid, ip })).body.message).toBe('param file_name is required');
    expect(await post(h.sim, '/v1/cluster/data/snapshot/save', { cluster_uuid: c.uuid, ip: '10.255.255.1' })).toMatchObject({
      status: 400,
      body: { scode: 10006 },
    });
    expect((await get(h.sim, `/v1/cluster/data/snapshot/list?cluster_uuid=${c.uuid}`)).body.message).toBe('param ip is required');
  });

  it('cannot reach a center node that is down', async () => {
    for (const x of await clusters(h.sim)) {
      const down = x.detail.TopoHostNode.find((n: any) => n.IsSystemService && n.services.agentStatus === 0);
      if (!down) continue;
      const res = await get(h.sim, `/v1/cluster/data/snapshot/list?cluster_uuid=${x.uuid}&ip=${down.name}`);
      expect(res).toMatchObject({ status: 500, body: { scode: 10007 } });
      return;
    }
    throw new Error('no down center node in the default fleet');
  });
});

describe('hci metadata daemon', () => {
  const h = useHci();
  let c: ClusterRef;
  let ip: string;
  beforeEach(async () => {
    h.sim.reset();
    for (const candidate of await clusters(h.sim)) {
      const node = candidate.detail.TopoHostNode.find((n: any) => n.IsSystemService && n.services.agentStatus === 1);
      if (node) {
        c = candidate;
        ip = node.name;
        return;
      }
    }
    throw new Error('no cluster with a reachable center node');
  });
  const daemon = async () => (await get(h.sim, `/v1/cluster/data/daemon/state?cluster_uuid=${c.uuid}&ip=${ip}`)).body.data.meta_data.DaemonState;
  const files = async () => (await get(h.sim, `/v1/cluster/data/snapshot/list?cluster_uuid=${c.uuid}&ip=${ip}`)).body.data.meta_data.Snapshot as string[];
  const duration = async () =>
    (await get(h.sim, `/v1/cluster/data/snapshot/config/inspect?cluster_uuid=${c.uuid}&ip=${ip}`)).body.data.meta_data.SnapshotConfig.duration as number;

  it('runs, stops (no automatic snapshots while stopped) and starts again', async () => {
    expect(await daemon()).toBe('running');
    const period = (await duration()) * 1000;
    const stop = await post(h.sim, '/v1/cluster/data/daemon/stop', { ip, cluster_uuid: c.uuid });
    expect(stop.body).toMatchObject({ scode: 0, data: { meta_data: { DaemonState: '' } } });
    expect(await daemon()).toBe('stopped');
    const before = await files();
    h.sim.advance(period * 3);
    expect(await files()).toEqual(before);
    await post(h.sim, '/v1/cluster/data/daemon/start', { ip, cluster_uuid: c.uuid });
    expect(await daemon()).toBe('running');
    h.sim.advance(period + 5_000);
    expect((await files()).filter((f) => !before.includes(f))).toHaveLength(1);
  });

  it('asks for the node, and refuses one that is not a center node', async () => {
    expect((await post(h.sim, '/v1/cluster/data/daemon/start', { cluster_uuid: c.uuid })).body.message).toBe('param ip is required');
    expect(await get(h.sim, `/v1/cluster/data/daemon/state?cluster_uuid=${c.uuid}&ip=10.255.255.1`)).toMatchObject({ status: 400, body: { scode: 10006 } });
  });
});
