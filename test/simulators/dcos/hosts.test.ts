import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { expectError, fixture, HOUR, login, MINUTE, type Session, useDcos } from './support.js';

describe('dcos hosts', () => {
  const dcos = useDcos();
  let s: Session;
  beforeEach(async () => {
    dcos.sim.reset();
    s = await login(dcos.sim);
  });

  /** A seeded RUNNING compact cluster with at least one pure slave to spare. */
  async function runningCluster(): Promise<any> {
    const clusters = (await s.request('GET', '/v1/cluster?status=RUNNING')).body.data;
    for (const c of clusters) {
      const hosts = await hostsOf(c._id, '?status=RUNNING');
      if (c.createCategory === 'compact' && hosts.filter((h) => h.isSlaveNode && !h.isSharedNode).length >= 1 && hosts.length >= 4) return c;
    }
    throw new Error('no suitable seeded cluster');
  }
  const hostsOf = async (id: string, q = '') => (await s.request('GET', `/v1/cluster/${id}/hosts${q}`)).body.data as any[];
  const clusterOf = async (id: string) => (await s.request('GET', `/v1/cluster/${id}`)).body.data;
  const lastLogs = async (id: string, type: string) =>
    ((await s.request('GET', `/v1/logs?cluster_id=${id}&queryType=host`)).body.data as any[]).filter((l) => l.operateType === type).map((l) => l.status);

  it('lists hosts and reads one in the documented shapes; unknown ids get the vendor errors', async () => {
    const c = await runningCluster();
    const list = await s.request('GET', `/v1/cluster/${c._id}/hosts`);
    expect(shapeDifferences(list.body, fixture('hosts-list.response.json'))).toEqual([]);
    const agent = list.body.data.find((h: any) => h.isSlaveNode);
    const detail = await s.request('GET', `/v1/cluster/${c._id}/hosts/${agent.hostId}`);
    expect(shapeDifferences(detail.body, fixture('host-detail.response.json'))).toEqual([]);
    expect(detail.body.data).toMatchObject({ _id: agent.hostId, ip: agent.ip, clusterName: c.name, sshUser: expect.any(String) });
    expect(detail.body.data).not.toHaveProperty('privateKey');
    expectError(await s.request('GET', `/v1/cluster/${c._id}/hosts/59bb5373284ae3000bf663ef`), 'E50103');
    expectError(await s.request('GET', `/v1/cluster/${c._id}/hosts/nope`), 'E12002');
    const other = (await s.request('GET', '/v1/cluster?status=RUNNING')).body.data.find((x: any) => x._id !== c._id);
    expectError(await s.request('GET', `/v1/cluster/${other._id}/hosts/${agent.hostId}`), 'E50103');
    expectError(await s.request('GET', '/v1/cluster/59bb43f8284ae3000bf663ea/hosts'), 'E50004');
  });

  it('pages, counts and filters hosts by status and tag', async () => {
    const c = await runningCluster();
    const all = await hostsOf(c._id);
    const page = await s.request('GET', `/v1/cluster/${c._id}/hosts?count=true&skip=1&limit=2`);
    expect(page.body.count).toBe(all.length);
    expect(page.headers.get('x-object-count')).toBe(String(all.length));
    expect(page.body.data.map((h: any) => h.hostId)).toEqual(all.slice(1, 3).map((h) => h.hostId));
    const lb = await hostsOf(c._id, '?tag=lb%3Denable');
    expect(lb.length).toBeGreaterThan(0);
    expect(lb.every((h) => h.isSharedNode)).toBe(true);
    expect((await hostsOf(c._id, '?status=RUNNING')).every((h) => h.status === 'RUNNING')).toBe(true);
    expectError(await s.request('GET', `/v1/cluster/${c._id}/hosts?status=UP`), 'E12002');
  });

  it('adds reused nodes: answers the cluster as it was, goes MODIFYING, then RUNNING with one more node', async () => {
    const c = await runningCluster();
    const request: any = { ...fixture('hosts-add.request.json'), clusterId: c._id };
    const res = await s.request('POST', `/v1/cluster/${c._id}/hosts`, request);
    expect(shapeDifferences(res.body, fixture('hosts-add.response.json'))).toEqual([]);
    expect(res.body.data).toMatchObject({ _id: c._id, status: 'RUNNING', instances: c.instances });
    expect((await clusterOf(c._id)).status).toBe('MODIFYING');
    const added = (await hostsOf(c._id)).find((h) => h.ip === '192.168.10.214');
    expect(added).toMatchObject({ status: 'INSTALLING', hostName: '', isSlaveNode: true, isSharedNode: false, type: 'customized' });
    expect(await lastLogs(c._id, 'add_hosts')).toEqual(['start']);
    expectError(
      await s.request('POST', `/v1/cluster/${c._id}/hosts`, { ...request, pureslaveNodes: [{ ...request.pureslaveNodes[0], ip: '192.168.10.215' }] }),
      'E50016',
    );

    dcos.sim.advance(3 * MINUTE + 30_000);
    expect(await clusterOf(c._id)).toMatchObject({ status: 'RUNNING', instances: c.instances + 1 });
    expect((await hostsOf(c._id)).find((h) => h.ip === '192.168.10.214').status).toBe('RUNNING');
    expect(await lastLogs(c._id, 'add_hosts')).toEqual(['start', 'success']);
  });

  it('marks the nodes of a failed addition FAILED and reopens the cluster', async () => {
    const c = await runningCluster();
    await call(dcos.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
    await s.request('POST', `/v1/cluster/${c._id}/hosts`, { ...fixture('hosts-add.request.json'), clusterId: c._id });
    dcos.sim.advance(HOUR);
    expect(await clusterOf(c._id)).toMatchObject({ status: 'RUNNING', instances: c.instances });
    expect((await hostsOf(c._id)).find((h) => h.ip === '192.168.10.214').status).toBe('FAILED');
    expect(await lastLogs(c._id, 'add_hosts')).toEqual(['start', 'fail']);
  });

  it('validates additions', async () => {
    const c = await runningCluster();
    const base: any = { ...fixture('hosts-add.request.json'), clusterId: c._id };
    expect(expectError(await s.request('POST', `/v1/cluster/${c._id}/hosts`, { ...base, pureslaveCount: 0, pureslaveNodes: [] }), 'E50010')).toMatch(
      /positive/,
    );
    expectError(await s.request('POST', `/v1/cluster/${c._id}/hosts`, { ...base, pureslaveCount: 2 }), 'E12002');
    expectError(await s.request('POST', `/v1/cluster/${c._id}/hosts`, { ...base, clusterId: '59bb43f8284ae3000bf663ea' }), 'E12002');
    const taken = (await hostsOf(c._id))[0].ip;
    expectError(await s.request('POST', `/v1/cluster/${c._id}/hosts`, { ...base, pureslaveNodes: [{ ...base.pureslaveNodes[0], ip: taken }] }), 'E50019');
    expect(expectError(await s.request('POST', `/v1/cluster/${c._id}/hosts`, { ...base, addMode: 'new' }), 'E12002')).toMatch(/addMode/);
    const installing = (await s.request('GET', '/v1/cluster?status=INSTALLING')).body.data[0];
    expectError(await s.request('POST', `/v1/cluster/${installing._id}/hosts`, { ...base, clusterId: installing._id }), 'E50016');
  });

  it('removes nodes: TERMINATING one by one, then TERMINATED and the cluster RUNNING again', async () => {
    const c = await runningCluster();
    const victim = (await hostsOf(c._id, '?status=RUNNING')).find((h) => h.isSlaveNode && !h.isSharedNode);
    const res = await s.request('DELETE', `/v1/cluster/${c._id}/hosts`, { ...fixture('hosts-delete.request.json'), host_ids: [victim.hostId] });
    expect(res.body).toEqual({ success: true, data: [] });
    expect(shapeDifferences(res.body, fixture('hosts-delete.response.json'))).toEqual([]);
    expect((await clusterOf(c._id)).status).toBe('MODIFYING');
    expect((await s.request('GET', `/v1/cluster/${c._id}/hosts/${victim.hostId}`)).body.data.status).toBe('TERMINATING');
    dcos.sim.advance(MINUTE + 30_000);
    expect((await s.request('GET', `/v1/cluster/${c._id}/hosts/${victim.hostId}`)).body.data.status).toBe('TERMINATED');
    expect(await clusterOf(c._id)).toMatchObject({ status: 'RUNNING', instances: c.instances - 1 });
    expect(await lastLogs(c._id, 'delete_hosts')).toEqual(['start', 'success']);
  });

  it('puts nodes back as they were when a removal fails', async () => {
    const c = await runningCluster();
    const victim = (await hostsOf(c._id, '?status=RUNNING')).find((h) => h.isSlaveNode && !h.isSharedNode);
    await call(dcos.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
    await s.request('DELETE', `/v1/cluster/${c._id}/hosts`, { host_ids: [victim.hostId] });
    dcos.sim.advance(HOUR);
    expect((await s.request('GET', `/v1/cluster/${c._id}/hosts/${victim.hostId}`)).body.data.status).toBe('RUNNING');
    expect((await clusterOf(c._id)).status).toBe('RUNNING');
    expect(await lastLogs(c._id, 'delete_hosts')).toEqual(['start', 'fail']);
  });

  it('refuses to remove masters, too many nodes, or nothing', async () => {
    const c = await runningCluster();
    const hosts = await hostsOf(c._id, '?status=RUNNING');
    const master = hosts.find((h) => h.isMasterNode);
    expect(expectError(await s.request('DELETE', `/v1/cluster/${c._id}/hosts`, { host_ids: [master.hostId] }), 'E50105')).toMatch(/master/);
    const agents = hosts.filter((h) => h.isSlaveNode).map((h) => h.hostId);
    expectError(await s.request('DELETE', `/v1/cluster/${c._id}/hosts`, { host_ids: agents }), 'E50018');
    expect(expectError(await s.request('DELETE', `/v1/cluster/${c._id}/hosts`, {}), 'E12002')).toMatch(/host_ids/);
    expect((await clusterOf(c._id)).status).toBe('RUNNING');
  });
});
