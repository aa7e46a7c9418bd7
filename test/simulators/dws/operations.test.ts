import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/kit/server.js';
import { call } from '../../helpers/sim-client.js';
import { type Client, client, createBody, idleCluster, MIN, readyCluster, useDws } from './support.js';

const failAll = (sim: RunningSimulator) => call(sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
const pct = (v: string | undefined) => Number((v ?? '').replace('%', ''));

describe('dws: long-running operations in simulated time', () => {
  const dws = useDws();
  let c: Client;
  beforeEach(async () => {
    dws.sim.reset();
    c = await client(dws.sim);
  });
  const detail = async (id: string) => (await c.get(`/clusters/${id}`)).body.cluster;
  const eventNames = async (id: string) => (await c.get('/v2/{pid}/events')).body.events.filter((e: any) => e.source_id === id).map((e: any) => e.name);

  it('creates a cluster: CREATING with rising progress, then AVAILABLE, with events', async () => {
    const id = (await c.post('/clusters', createBody('dws-grow-01'))).body.cluster.id;
    const start = await detail(id);
    expect(start).toMatchObject({ status: 'CREATING', task_status: null, action_progress: { CREATING: '0%' } });
    expect(start.nodes.every((n: any) => n.status === '100')).toBe(true);
    dws.sim.advance(5 * MIN);
    const mid = await detail(id);
    expect(pct(mid.action_progress.CREATING)).toBeGreaterThan(30);
    dws.sim.advance(10 * MIN);
    const done = await detail(id);
    expect(done).toMatchObject({ status: 'AVAILABLE', sub_status: 'NORMAL', action_progress: {}, failed_reasons: null });
    expect(done.nodes.every((n: any) => n.status === '200')).toBe(true);
    expect(await eventNames(id)).toEqual(['createClusterSuccess', 'createClusterStart']);
    expect(done.recent_event).toBe(2);
  });

  it('fails a creation as CREATION FAILED with failed_reasons', async () => {
    await failAll(dws.sim);
    const id = (await c.post('/clusters', createBody('dws-doomed-01'))).body.cluster.id;
    dws.sim.advance(16 * MIN);
    const d = await detail(id);
    expect(d).toMatchObject({ status: 'CREATION FAILED', failed_reasons: { error_code: 'DWS.6000' } });
    expect(d.nodes.every((n: any) => n.status === '303')).toBe(true);
    expect(await eventNames(id)).toContain('createClusterFailure');
  });

  it('restarts: REBOOTING then idle; a failure leaves REBOOT_FAILURE', async () => {
    const idle = await idleCluster(c);
    await c.post(`/clusters/${idle.id}/restart`, { restart: {} });
    expect(await detail(idle.id)).toMatchObject({ task_status: 'REBOOTING', action_progress: { REBOOTING: '0%' } });
    dws.sim.advance(7 * MIN);
    expect(await detail(idle.id)).toMatchObject({ status: 'AVAILABLE', task_status: null, action_progress: {} });
    await failAll(dws.sim);
    await c.post(`/clusters/${idle.id}/restart`, { restart: {} });
    dws.sim.advance(7 * MIN);
    expect(await detail(idle.id)).toMatchObject({ task_status: 'REBOOT_FAILURE', failed_reasons: { error_code: 'DWS.6002' } });
    expect(await eventNames(idle.id)).toEqual(expect.arrayContaining(['rebootClusterSuccess', 'rebootClusterFailure']));
  });

  it('scales out through CREATING_NODE, GROWING and REDISTRIBUTING to the new size', async () => {
    const id = await readyCluster(dws.sim, c, 'dws-scale-01');
    await c.post(`/clusters/${id}/resize`, { scale_out: { count: 3 } });
    const first = await detail(id);
    expect(first).toMatchObject({ task_status: 'CREATING_NODE', resize_info: { origin_node_num: '6', target_node_num: '9', resize_status: 'GROWING' } });
    expect(first.nodes.filter((n: any) => n.status === '100')).toHaveLength(3);
    dws.sim.advance(7 * MIN);
    expect((await detail(id)).task_status).toBe('GROWING');
    dws.sim.advance(10 * MIN);
    const redistributing = await detail(id);
    expect(redistributing.task_status).toBe('REDISTRIBUTING');
    expect(Object.keys(redistributing.action_progress)).toEqual(['REDISTRIBUTING']);
    dws.sim.advance(15 * MIN);
    expect(await detail(id)).toMatchObject({ task_status: null, number_of_node: 9, resize_info: null, sub_status: 'NORMAL' });
  });

  it('rolls a failed scale-out back to RESIZE_FAILURE; without auto_redistribute it waits', async () => {
    const id = await readyCluster(dws.sim, c, 'dws-scale-02');
    await c.post(`/clusters/${id}/resize`, { scale_out: { count: 3 }, auto_redistribute: false });
    dws.sim.advance(20 * MIN);
    expect(await detail(id)).toMatchObject({ task_status: 'WAITING_REDISTRIBUTION', sub_status: 'UNBALANCED', number_of_node: 9 });
    expect((await c.post(`/clusters/${id}/restart`, { restart: {} })).status).toBe(409);
    const other = await readyCluster(dws.sim, c, 'dws-scale-03');
    await failAll(dws.sim);
    await c.post(`/clusters/${other}/resize`, { scale_out: { count: 3 } });
    dws.sim.advance(20 * MIN);
    expect(await detail(other)).toMatchObject({ task_status: 'RESIZE_FAILURE', number_of_node: 6, resize_info: { resize_status: 'RESIZE_FAILURE' } });
  });

  it('scales in (SHRINK_CHECKING, CLUSTER_SHRINKING) and fails a scale-in', async () => {
    const id = await readyCluster(dws.sim, c, 'dws-shrink-01');
    const res = await c.post(`/clusters/${id}/cluster-shrink`, { shrink_number: 3 });
    expect(res.body.job_id).toMatch(/^[0-9a-f]{32}$/);
    expect((await detail(id)).task_status).toBe('SHRINK_CHECKING');
    dws.sim.advance(3 * MIN);
    expect((await detail(id)).task_status).toBe('CLUSTER_SHRINKING');
    dws.sim.advance(15 * MIN);
    expect(await detail(id)).toMatchObject({ task_status: null, number_of_node: 3 });
    const other = await readyCluster(dws.sim, c, 'dws-shrink-02');
    await failAll(dws.sim);
    await c.post(`/clusters/${other}/cluster-shrink`, { shrink_number: 3 });
    dws.sim.advance(20 * MIN);
    expect(['SHRINK_CHECK_FAILED', 'CLUSTER_SHRINK_FAILED']).toContain((await detail(other)).task_status);
    expect((await detail(other)).number_of_node).toBe(6);
  });

  it('adds and deletes CNs (ADD_CN_ING / DEL_CN_ING)', async () => {
    const id = await readyCluster(dws.sim, c, 'dws-cn-01');
    await c.post(`/clusters/${id}/cns/batch-create`, { num: 4 });
    expect(await detail(id)).toMatchObject({ task_status: 'ADD_CN_ING' });
    dws.sim.advance(7 * MIN);
    const cns = (await c.get(`/clusters/${id}/cns`)).body;
    expect(cns).toMatchObject({ min_num: 2, max_num: 6 });
    expect(cns.instances).toHaveLength(4);
    await c.post(`/clusters/${id}/cns/batch-delete`, { instances: [cns.instances[3].id] });
    expect((await detail(id)).task_status).toBe('DEL_CN_ING');
    dws.sim.advance(7 * MIN);
    expect((await c.get(`/clusters/${id}/cns`)).body.instances).toHaveLength(3);
    await failAll(dws.sim);
    await c.post(`/clusters/${id}/cns/batch-create`, { num: 5 });
    dws.sim.advance(7 * MIN);
    expect((await c.get(`/clusters/${id}/cns`)).body.instances).toHaveLength(3);
    expect((await detail(id)).failed_reasons).toMatchObject({ error_code: 'DWS.0005' });
  });

  it('takes a snapshot (SNAPSHOTTING on the cluster, CREATING → AVAILABLE) and fails one (UNAVAILABLE)', async () => {
    const idle = await idleCluster(c);
    const sid = (await c.post('/snapshots', { snapshot: { name: 'nightly-manual', cluster_id: idle.id } })).body.snapshot.id;
    expect((await c.get(`/snapshots/${sid}`)).body.snapshot).toMatchObject({ status: 'CREATING', finished: null, progress: '0%' });
    expect(await detail(idle.id)).toMatchObject({ task_status: 'SNAPSHOTTING', action_progress: { SNAPSHOTTING: '0%' } });
    dws.sim.advance(MIN);
    expect(pct((await detail(idle.id)).action_progress.SNAPSHOTTING)).toBeGreaterThan(0);
    dws.sim.advance(20 * MIN);
    expect((await c.get(`/snapshots/${sid}`)).body.snapshot).toMatchObject({ status: 'AVAILABLE', progress: '100%', type: 'MANUAL' });
    expect((await detail(idle.id)).task_status).toBeNull();
    await failAll(dws.sim);
    const bad = (await c.post('/snapshots', { snapshot: { name: 'doomed-manual', cluster_id: idle.id } })).body.snapshot.id;
    dws.sim.advance(21 * MIN);
    expect((await c.get(`/snapshots/${bad}`)).body.snapshot.status).toBe('UNAVAILABLE');
    const names = (await c.get('/v2/{pid}/events')).body.events.filter((e: any) => e.source_type === 'backup').map((e: any) => e.name);
    expect(names).toEqual(expect.arrayContaining(['createSnapshotStart', 'createSnapshotSuccess', 'createSnapshotFailure']));
  });

  it('restores a snapshot into a new cluster (RESTORING) and fails a restore', async () => {
    const snap = (await c.get('/snapshots')).body.snapshots.find((s: any) => s.status === 'AVAILABLE');
    const id = (await c.post(`/snapshots/${snap.id}/actions`, { restore: { name: 'dws-restored-01' } })).body.cluster.id;
    expect(await detail(id)).toMatchObject({ status: 'CREATING', task_status: 'RESTORING', action_progress: { RESTORING: '0%' } });
    expect((await c.get(`/snapshots/${snap.id}`)).body.snapshot.status).toBe('RESTORING');
    dws.sim.advance(26 * MIN);
    expect(await detail(id)).toMatchObject({ status: 'AVAILABLE', task_status: null });
    expect((await c.get(`/snapshots/${snap.id}`)).body.snapshot.status).toBe('AVAILABLE');
    await failAll(dws.sim);
    const bad = (await c.post(`/snapshots/${snap.id}/actions`, { restore: { name: 'dws-restored-02' } })).body.cluster.id;
    dws.sim.advance(26 * MIN);
    expect(await detail(bad)).toMatchObject({ status: 'CREATION FAILED', failed_reasons: { error_code: 'DWS.6003' } });
  });

  it('deletes a cluster (DELETING → DELETED → gone), keeping the newest manual snapshots', async () => {
    const idle = await idleCluster(c);
    const manual = (await c.get(`/clusters/${idle.id}/snapshots`)).body.snapshots.filter((s: any) => s.type === 'MANUAL');
    expect((await c.del(`/clusters/${idle.id}`, { keep_last_manual_snapshot: 1 })).status).toBe(202);
    expect(await detail(idle.id)).toMatchObject({ status: 'DELETING' });
    dws.sim.advance(6 * MIN);
    expect(await detail(idle.id)).toMatchObject({ status: 'DELETED' });
    const left = (await c.get('/snapshots')).body.snapshots.filter((s: any) => s.cluster_id === idle.id);
    expect(left).toHaveLength(Math.min(1, manual.length));
    dws.sim.advance(31 * MIN);
    expect((await c.get(`/clusters/${idle.id}`)).status).toBe(404);
    await failAll(dws.sim);
    const other = await idleCluster(c);
    await c.del(`/clusters/${other.id}`, { keep_last_manual_snapshot: 0 });
    dws.sim.advance(6 * MIN);
    expect(await detail(other.id)).toMatchObject({ status: 'DELETE_FAILED' });
  });

  it('lets seeded in-flight tasks finish over time', async () => {
    const before = (await c.get('/clusters')).body.clusters;
    const running = before.filter((x: any) => Object.keys(x.action_progress).length > 0);
    expect(running.length).toBeGreaterThan(3);
    dws.sim.advance(40 * MIN);
    const after = (await c.get('/clusters')).body.clusters;
    for (const r of running) {
      const now = after.find((x: any) => x.id === r.id);
      expect(now.action_progress).toEqual({});
    }
  });
});
