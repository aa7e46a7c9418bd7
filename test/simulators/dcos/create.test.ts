import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { expectError, fixture, HOUR, login, MINUTE, type Session, useDcos } from './support.js';

/** The document's create request, owned by the logged-in user and with a fresh name. */
function createRequest(s: Session, patch: Record<string, unknown> = {}) {
  return { ...fixture('cluster-create.request.json'), user_id: s.userId, name: 'demo-01', ...patch };
}

describe('dcos cluster creation', () => {
  const dcos = useDcos();
  let s: Session;
  beforeEach(async () => {
    dcos.sim.reset();
    s = await login(dcos.sim);
  });

  const hostsOf = async (id: string) => (await s.request('GET', `/v1/cluster/${id}/hosts`)).body.data as any[];
  const logsOf = async (id: string) => (await s.request('GET', `/v1/logs?cluster_id=${id}`)).body.data as any[];

  it('answers in the documented shape and installs node by node until RUNNING', async () => {
    const res = await s.request('POST', '/v1/cluster', createRequest(s));
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, fixture('cluster-create.response.json'))).toEqual([]);
    const c = res.body.data;
    expect(c).toMatchObject({
      name: 'demo-01',
      owner: 'sysadmin',
      status: 'INSTALLING',
      endPoint: '',
      instances: 2,
      type: 'customized',
      createCategory: 'compact',
    });
    expect(c.dockerRegistries[0]).toMatchObject({ _id: '59bb43f8284ae3000bf663e7', registry: '192.168.10.95:5000', isSystemRegistry: true });
    expect((await hostsOf(c._id)).map((h) => [h.ip, h.status])).toEqual([
      ['192.168.10.212', 'INSTALLING'],
      ['192.168.10.213', 'INSTALLING'],
    ]);
    expect((await logsOf(c._id)).map((l) => [l.operateType, l.status])).toEqual([['create_cluster', 'start']]);

    dcos.sim.advance(5 * MINUTE);
    expect((await hostsOf(c._id)).map((h) => h.status)).toEqual(['RUNNING', 'INSTALLING']);
    expect((await s.request('GET', `/v1/cluster/${c._id}`)).body.data.status).toBe('INSTALLING');

    dcos.sim.advance(2 * MINUTE);
    const done = (await s.request('GET', `/v1/cluster/${c._id}`)).body.data;
    expect(done).toMatchObject({ status: 'RUNNING', endPoint: '192.168.10.212', instances: 2 });
    const hosts = await hostsOf(c._id);
    expect(hosts.every((h) => h.status === 'RUNNING' && h.hostName.endsWith('-demo-01-sysadmin'))).toBe(true);
    expect(hosts[1].cpu).toMatch(/^[\d.]+\/\d+$/);
    expect((await logsOf(c._id)).map((l) => [l.operateType, l.status])).toEqual([
      ['create_cluster', 'start'],
      ['create_cluster', 'success'],
    ]);
    expect((await s.request('GET', `/v1/cluster/${c._id}/components`)).status).toBe(200);
  });

  it('ends a failing installation FAILED, with its nodes and a fail log', async () => {
    await call(dcos.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
    const c = (await s.request('POST', '/v1/cluster', createRequest(s))).body.data;
    dcos.sim.advance(HOUR);
    expect((await s.request('GET', `/v1/cluster/${c._id}`)).body.data.status).toBe('FAILED');
    expect((await hostsOf(c._id)).map((h) => h.status)).toEqual(['FAILED', 'FAILED']);
    const logs = await logsOf(c._id);
    expect(logs.map((l) => l.status)).toEqual(['start', 'fail']);
    expect(logs[1].comments).toMatch(/^install failed on 192\.168\.10\.\d+: /);
  });

  it('creates provider clusters with generated nodes and an HA layout', async () => {
    const res = await s.request('POST', '/v1/cluster', {
      name: 'gce-ha',
      user_id: s.userId,
      type: 'google',
      providerId: '59c3556b284ae3000bf663f9',
      createCategory: 'ha',
      masterCount: 3,
      sharedCount: 2,
      pureslaveCount: 1,
    });
    expect(res.body.data).toMatchObject({ status: 'INSTALLING', instances: 6, createCategory: 'ha', providerId: '59c3556b284ae3000bf663f9' });
    const hosts = await hostsOf(res.body.data._id);
    expect(hosts.filter((h) => h.isMasterNode)).toHaveLength(3);
    expect(hosts.every((h) => /^10\.250\.\d+\.\d+$/.test(h.ip))).toBe(true);
  });

  it('validates the request, naming the field at fault', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: undefined }, 'E50011', /name is required/],
      [{ name: 'bad name!' }, 'E50011', /Invalid cluster name/],
      [{ name: 'a-very-long-cluster-name' }, 'E50011', /less than 15/],
      [{ user_id: undefined }, 'E12002', /user_id is required/],
      [{ user_id: 'abc' }, 'E12002', /not a object id/],
      [{ user_id: '59bb4331403cba000a116359' }, 'E50013', /no user/],
      [{ type: undefined }, 'E50012', /type is required/],
      [{ type: 'vmware' }, 'E50012', /Invalid cluster type/],
      [{ masterCount: undefined }, 'E50010', /masterCount is required/],
      [{ masterCount: 0, masterNodes: [] }, 'E50010', /one master node/],
      [{ createCategory: 'ha' }, 'E50010', /instance number for ha/],
      [{ sharedCount: 2 }, 'E12002', /sharedNodes has 1, count is 2/],
      [{ sharedNodes: [{ ip: '192.168.10.213', sshUser: 'root' }] }, 'E12002', /sharedNodes\[0\]\.privateKey is required/],
      [{ sharedNodes: [{ ip: '192.168.10.212', sshUser: 'root', privateKey: 'k' }] }, 'E50019', /ip is exist/],
      [{ type: 'google', providerId: undefined }, 'E12002', /providerId is required/],
    ];
    for (const [patch, code, message] of cases) {
      const res = await s.request('POST', '/v1/cluster', createRequest(s, patch));
      expect(expectError(res, code), JSON.stringify(patch)).toMatch(message);
    }
    const seeded = (await s.request('GET', `/v1/cluster?user_id=${s.userId}&status=RUNNING`)).body.data[0];
    expectError(await s.request('POST', '/v1/cluster', createRequest(s, { name: seeded.name })), 'E50003');
    const hostIp = (await hostsOf(seeded._id))[0].ip;
    const clash = { ...fixture('cluster-create.request.json').masterNodes[0], ip: hostIp };
    expectError(await s.request('POST', '/v1/cluster', createRequest(s, { masterNodes: [clash] })), 'E50019');
    expect((await s.request('GET', '/v1/cluster?name=demo-01')).body.data).toEqual([]);
  });
});
