import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { expectError, fixture, HOUR, login, MINUTE, type Session, useDcos } from './support.js';

describe('dcos cluster deletion and operation logs', () => {
  const dcos = useDcos();
  let s: Session;
  beforeEach(async () => {
    dcos.sim.reset();
    s = await login(dcos.sim);
  });

  const first = async (status: string) => (await s.request('GET', `/v1/cluster?status=${status}`)).body.data[0];
  const hostStatuses = async (id: string) => ((await s.request('GET', `/v1/cluster/${id}/hosts`)).body.data as any[]).map((h) => h.status);
  const logStatuses = async (id: string, type: string) =>
    ((await s.request('GET', `/v1/logs?cluster_id=${id}&queryType=cluster`)).body.data as any[]).filter((l) => l.operateType === type).map((l) => l.status);

  it('deletes a running cluster: TERMINATING node by node, then TERMINATED', async () => {
    const c = await first('RUNNING');
    const res = await s.request('DELETE', `/v1/cluster/${c._id}`);
    expect(res.body).toEqual({ success: true, data: [] });
    expect(shapeDifferences(res.body, fixture('cluster-delete.response.json'))).toEqual([]);
    expect((await s.request('GET', `/v1/cluster/${c._id}`)).body.data.status).toBe('TERMINATING');
    const live = (await hostStatuses(c._id)).filter((x) => x !== 'TERMINATED');
    expect(live.every((x) => x === 'TERMINATING')).toBe(true);
    dcos.sim.advance(2 * MINUTE);
    const midway = await hostStatuses(c._id);
    expect(midway.filter((x) => x === 'TERMINATING').length).toBe(live.length - 1);
    expect(await logStatuses(c._id, 'delete_cluster')).toEqual(['start']);
    expectError(await s.request('DELETE', `/v1/cluster/${c._id}`), 'E50016');
    dcos.sim.advance(HOUR);
    expect((await s.request('GET', `/v1/cluster/${c._id}`)).body.data).toMatchObject({ status: 'TERMINATED', instances: 0 });
    expect((await hostStatuses(c._id)).every((x) => x === 'TERMINATED')).toBe(true);
    expect(await logStatuses(c._id, 'delete_cluster')).toEqual(['start', 'success']);
    expectError(await s.request('GET', `/v1/cluster/${c._id}/components`), 'E50020');
  });

  it('ends a failing deletion FAILED; a FAILED cluster can be deleted again', async () => {
    const c = await first('RUNNING');
    await call(dcos.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
    await s.request('DELETE', `/v1/cluster/${c._id}`);
    dcos.sim.advance(HOUR);
    expect((await s.request('GET', `/v1/cluster/${c._id}`)).body.data.status).toBe('FAILED');
    expect(await hostStatuses(c._id)).toContain('FAILED');
    expect(await logStatuses(c._id, 'delete_cluster')).toEqual(['start', 'fail']);
    await call(dcos.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 0 } });
    expect((await s.request('DELETE', `/v1/cluster/${c._id}`)).body.success).toBe(true);
    dcos.sim.advance(HOUR);
    expect((await s.request('GET', `/v1/cluster/${c._id}`)).body.data.status).toBe('TERMINATED');
  });

  it('refuses to delete busy or gone clusters and unknown ids', async () => {
    for (const status of ['INSTALLING', 'MODIFYING', 'TERMINATING', 'TERMINATED']) {
      expect(expectError(await s.request('DELETE', `/v1/cluster/${(await first(status))._id}`), 'E50016')).toBe(`Cannot operate on a ${status} cluster`);
    }
    expectError(await s.request('DELETE', '/v1/cluster/59bb43f8284ae3000bf663ea'), 'E50004');
  });

  it('finishes the operations in flight at start-up', async () => {
    const installing = await first('INSTALLING');
    dcos.sim.advance(2 * HOUR);
    expect(['RUNNING', 'FAILED']).toContain((await s.request('GET', `/v1/cluster/${installing._id}`)).body.data.status);
    const statuses = new Set(((await s.request('GET', '/v1/cluster')).body.data as any[]).map((c) => c.status));
    expect(statuses.has('INSTALLING') || statuses.has('MODIFYING') || statuses.has('TERMINATING')).toBe(false);
  });

  it('lists logs in the documented shape, in time order, with count, paging and sort', async () => {
    const res = await s.request('GET', '/v1/logs?count=true');
    expect(shapeDifferences(res.body, fixture('logs-list.response.json'))).toEqual([]);
    const logs = res.body.data as any[];
    expect(res.body.count).toBe(logs.length);
    expect(res.headers.get('x-object-count')).toBe(String(logs.length));
    const times = logs.map((l) => l.time_create);
    expect(times).toEqual([...times].sort());
    expect(new Set(logs.map((l) => l.status))).toEqual(new Set(['start', 'success', 'fail']));
    expect(new Set(logs.map((l) => l.operateType))).toEqual(
      new Set([
        'create_cluster',
        'delete_cluster',
        'add_hosts',
        'delete_hosts',
        'create_service',
        'create_component',
        'start_component',
        'stop_component',
        'scale_component',
      ]),
    );
    const page = await s.request('GET', '/v1/logs?skip=10&limit=5&sort=-time_update');
    const desc = [...logs].sort((a, b) => (a.time_update < b.time_update ? 1 : a.time_update > b.time_update ? -1 : 0));
    expect(page.body.data.map((l: any) => l.time_update)).toEqual(desc.slice(10, 15).map((l) => l.time_update));
    expectError(await s.request('GET', '/v1/logs?limit=x'), 'E12002');
  });

  it('filters logs by cluster, query type, user name and user id', async () => {
    const c = await first('TERMINATED');
    const mine = (await s.request('GET', `/v1/logs?cluster_id=${c._id}`)).body.data as any[];
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.every((l) => l.clusterId === c._id && l.clusterName === c.name)).toBe(true);
    const services = (await s.request('GET', '/v1/logs?queryType=service')).body.data as any[];
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((l) => l.queryType === 'service')).toBe(true);
    const devops = (await s.request('GET', '/v1/logs?user_name=devops')).body.data as any[];
    expect(devops.length).toBeGreaterThan(0);
    expect(devops.every((l) => l.userName === 'devops')).toBe(true);
    const own = (await s.request('GET', `/v1/logs?user_id=${s.userId}&count=true`)).body;
    expect(own.data.every((l: any) => l.user_id === s.userId)).toBe(true);
    expect(own.count).toBeLessThan((await s.request('GET', '/v1/logs?count=true')).body.count);
  });
});
