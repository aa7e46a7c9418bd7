import { beforeAll, describe, expect, it } from 'vitest';
import { dcosSimulator } from '../../../src/simulators/dcos/index.js';
import { CLUSTER_STATUSES, HOST_STATUSES } from '../../../src/simulators/dcos/state.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { type Session, expectError, fixture, login, useDcos } from './support.js';

describe('dcos clusters: reads', () => {
  const dcos = useDcos();
  let s: Session;
  let all: any[];
  beforeAll(async () => {
    s = await login(dcos.sim);
    all = (await s.request('GET', '/v1/cluster')).body.data;
  });

  const byStatus = (status: string) => all.find((c) => c.status === status);

  it('lists clusters in the documented shape, with count and X-Object-Count on count=true', async () => {
    const res = await s.request('GET', '/v1/cluster?count=true');
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, fixture('clusters-list.response.json'))).toEqual([]);
    expect(res.body.count).toBe(24);
    expect(res.headers.get('x-object-count')).toBe('24');
    const plain = await s.request('GET', '/v1/cluster');
    expect(plain.body).not.toHaveProperty('count');
    expect(plain.headers.get('x-object-count')).toBeNull();
  });

  it('pages with skip and limit: first page, last partial page, past the end, limit=0 = all', async () => {
    const page = (q: string) => s.request('GET', `/v1/cluster?count=true&${q}`);
    const first = await page('skip=0&limit=10');
    expect(first.body.data.map((c: any) => c._id)).toEqual(all.slice(0, 10).map((c) => c._id));
    expect(first.body.count).toBe(24);
    const last = await page('skip=20&limit=10');
    expect(last.body.data.map((c: any) => c._id)).toEqual(all.slice(20).map((c) => c._id));
    const past = await page('skip=30&limit=10');
    expect(past.body.data).toEqual([]);
    expect(past.headers.get('x-object-count')).toBe('24');
    expect((await page('limit=0')).body.data).toHaveLength(24);
    expect((await page('limit=1')).body.data).toHaveLength(1);
  });

  it('refuses negative or non-numeric skip and limit, naming the parameter', async () => {
    expect(expectError(await s.request('GET', '/v1/cluster?limit=-1'), 'E12002')).toMatch(/Invalid parameter limit/);
    expect(expectError(await s.request('GET', '/v1/cluster?skip=abc'), 'E12002')).toMatch(/Invalid parameter skip/);
  });

  it('sorts by a field, descending with a leading minus', async () => {
    const res = await s.request('GET', '/v1/cluster?sort=-time_create');
    const times = res.body.data.map((c: any) => c.time_create);
    expect(times).toEqual([...times].sort().reverse());
    const names = (await s.request('GET', '/v1/cluster?sort=name')).body.data.map((c: any) => c.name);
    expect(names).toEqual([...names].sort());
  });

  it('filters by name, status, username, user_id and the special status "unterminated"', async () => {
    const target = all[3];
    const byName = await s.request('GET', `/v1/cluster?name=${target.name}`);
    expect(byName.body.data.map((c: any) => c._id)).toEqual([target._id]);
    const running = (await s.request('GET', '/v1/cluster?status=RUNNING&count=true')).body;
    expect(running.count).toBe(all.filter((c) => c.status === 'RUNNING').length);
    expect(running.data.every((c: any) => c.status === 'RUNNING')).toBe(true);
    const unterminated = (await s.request('GET', '/v1/cluster?status=unterminated')).body.data;
    expect(unterminated.length).toBe(all.filter((c) => c.status !== 'TERMINATED').length);
    const devops = (await s.request('GET', '/v1/cluster?username=devops')).body.data;
    expect(devops.length).toBeGreaterThan(0);
    expect(devops.every((c: any) => c.owner === 'devops')).toBe(true);
    const mine = (await s.request('GET', `/v1/cluster?user_id=${s.userId}`)).body.data;
    expect(mine.every((c: any) => c.user_id === s.userId)).toBe(true);
    expect(mine.length + devops.length).toBeLessThan(all.length);
    expect(expectError(await s.request('GET', '/v1/cluster?status=BROKEN'), 'E12002')).toMatch(/status/);
  });

  it('shows every cluster and host status at the default size', async () => {
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(CLUSTER_STATUSES));
    const hostStatuses = new Set<string>();
    for (const c of all) {
      for (const h of (await s.request('GET', `/v1/cluster/${c._id}/hosts`)).body.data) hostStatuses.add(h.status);
    }
    expect(hostStatuses).toEqual(new Set(HOST_STATUSES));
  });

  it('generates realistic clusters of 3 to 10 nodes with masters and agents', async () => {
    for (const c of all.filter((x) => x.status === 'RUNNING')) {
      expect(c.name).toMatch(/^(prod|stg|dev|qa)-[a-z]+-\d{2}$/);
      expect(c.endPoint).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      const hosts = (await s.request('GET', `/v1/cluster/${c._id}/hosts?status=unterminated`)).body.data;
      expect(hosts.length).toBeGreaterThanOrEqual(3);
      expect(hosts.length).toBeLessThanOrEqual(10);
      expect(hosts.some((h: any) => h.isMasterNode)).toBe(true);
      expect(hosts.some((h: any) => h.isSharedNode && h.isSlaveNode)).toBe(true);
      const agent = hosts.find((h: any) => h.isSlaveNode && h.status === 'RUNNING');
      expect(agent.cpu).toMatch(/^\d+(\.\d)?\/\d+$/);
      expect(agent.memory).toMatch(/^\d+\/\d+$/);
      expect(Date.parse(c.time_create)).toBeLessThan(dcos.sim.clock.startedAt);
    }
  });

  it('reads one cluster in the documented shape; bad and unknown ids get the vendor errors', async () => {
    const c = byStatus('RUNNING');
    const res = await s.request('GET', `/v1/cluster/${c._id}`);
    expect(shapeDifferences(res.body, fixture('cluster-detail.response.json'))).toEqual([]);
    expect(res.body.data).toEqual(c);
    expect(expectError(await s.request('GET', '/v1/cluster/59bb43f8284ae3000bf663ea'), 'E50004')).toMatch(/not found/);
    expectError(await s.request('GET', '/v1/cluster/not-an-id'), 'E12002');
  });

  it('validates cluster names: free, taken, bad userid, missing name', async () => {
    const free = await s.request('GET', `/v1/cluster/validate?userid=${s.userId}&clustername=brand-new`);
    expect(free.body).toEqual({ success: true });
    expect(shapeDifferences(free.body, fixture('cluster-validate.response.json'))).toEqual([]);
    const taken = all.find((c) => c.user_id === s.userId && c.status !== 'TERMINATED');
    expectError(await s.request('GET', `/v1/cluster/validate?userid=${s.userId}&clustername=${taken.name}`), 'E50003');
    const gone = all.find((c) => c.status === 'TERMINATED');
    expect((await s.request('GET', `/v1/cluster/validate?clustername=${gone.name}`)).body).toEqual({ success: true });
    expect(expectError(await s.request('GET', '/v1/cluster/validate?userid=42&clustername=x'), 'E12002')).toMatch(/userid/);
    expect(expectError(await s.request('GET', '/v1/cluster/validate'), 'E50011')).toMatch(/clustername/);
  });

  it('reports components per node, unhealthy on an offline node, and none before installation', async () => {
    const c = byStatus('RUNNING');
    const res = await s.request('GET', `/v1/cluster/${c._id}/components`);
    expect(shapeDifferences(res.body, fixture('components.response.json'))).toEqual([]);
    const images = new Set(res.body.data.componentStatus.map((x: any) => x.imageName));
    for (const image of ['mesosmaster', 'marathon', 'mesosslave', 'webconsole', 'genresolvconf']) expect(images).toContain(image);
    for (const cluster of all.filter((x) => x.status === 'RUNNING')) {
      const hosts = (await s.request('GET', `/v1/cluster/${cluster._id}/hosts?status=OFFLINE`)).body.data;
      if (hosts.length === 0) continue;
      const comps = (await s.request('GET', `/v1/cluster/${cluster._id}/components`)).body.data.componentStatus;
      expect(comps.filter((x: any) => x.ip === hosts[0].ip).every((x: any) => x.status === 'UnHealthy')).toBe(true);
    }
    expectError(await s.request('GET', `/v1/cluster/${byStatus('INSTALLING')._id}/components`), 'E50020');
  });

  it('generates the same fleet from the same seed (and epoch) and a different one from another seed', async () => {
    // Ids and times are relative to where simulated time starts, so pin it.
    const epochMs = Date.parse('2026-03-01T08:00:00Z');
    const [a, b, other] = await Promise.all([
      startSimulator(dcosSimulator, { speed: 1, operationFailureRate: 0, epochMs }),
      startSimulator(dcosSimulator, { speed: 1, operationFailureRate: 0, epochMs }),
      startSimulator(dcosSimulator, { speed: 1, operationFailureRate: 0, epochMs, seed: 'other' }),
    ]);
    try {
      const list = async (x: RunningSimulator, path: string) => (await (await login(x)).request('GET', path)).body.data;
      expect(await list(a, '/v1/cluster')).toEqual(await list(b, '/v1/cluster'));
      expect(await list(a, '/v1/logs')).toEqual(await list(b, '/v1/logs'));
      expect((await list(other, '/v1/cluster')).map((c: any) => c.instances)).not.toEqual((await list(a, '/v1/cluster')).map((c: any) => c.instances));
    } finally {
      await Promise.all([a.close(), b.close(), other.close()]);
    }
  });
});
