import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/metrics.js';
import type { SourceAdapter, SourceSession } from '../../../src/sources/adapter.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { createOtestackAdapter } from '../../../src/sources/otestack/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { otestackSimulator } from '../../../src/simulators/otestack/index.js';
import { call } from '../../helpers/sim-client.js';
import { oteSourceConfig } from './support.js';
import { known } from '../../helpers/known.js';

const MINUTE = 60_000;

/** The simulator's own view, read with a token of our own (not counted after resetStats). */
async function vendor(sim: RunningSimulator, path: string): Promise<any> {
  const token = (await call(sim, 'POST', '/v1/authorization', { body: sim.credentials })).body.token;
  return (await call(sim, 'GET', path, { headers: { authorization: token } })).body;
}

const routes = (sim: RunningSimulator) => sim.stats().routes;
const urls = (sim: RunningSimulator) => sim.stats().urls as Record<string, number>;

describe('otestack adapter', () => {
  let sim: RunningSimulator;
  let adapter: SourceAdapter;
  const session = (): SourceSession => adapter.session(new RequestScope());

  beforeAll(async () => {
    sim = await startSimulator(otestackSimulator, { speed: 1, operationFailureRate: 0, clusters: 30 });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.reset();
    adapter = createOtestackAdapter(oteSourceConfig(sim), { metrics: createMetrics() });
    await adapter.probe();
    sim.resetStats();
  });

  describe('clusters', () => {
    it('lists every cluster with its labels, node count, status and capacity', async () => {
      const raw = (await vendor(sim, '/v1/cluster')).data;
      sim.resetStats();
      const clusters = await session().clusters!.list({});
      expect(clusters.map((c) => c.nativeId)).toEqual(raw.map((c: any) => c.clusterName));
      const first = clusters[0]!;
      const labels = (await vendor(sim, `/v1/cluster/label/${first.nativeId}?pageSize=0`)).data.map((l: any) => l.clusterLabel);
      expect(first).toMatchObject({ sourceId: 'ote-edge', kind: 'EDGE', nodeCount: raw[0].nodeCount, rawStatus: `isReady=${raw[0].isReady}` });
      expect(known(first.labels).map((l) => l.key)).toEqual([...labels].sort());
      expect(known(known(first.usage)?.cpu)?.unit).toBe('CORES');
      expect(clusters.find((c) => c.rawStatus === 'isReady=false')?.status).toBe('FAILED');
      expect(new Set(clusters.map((c) => c.status))).toContain('RUNNING');
    });

    it('pushes one label down as clusterLabel; a valued label matches nothing without a call', async () => {
      const s = session();
      const north = await s.clusters!.list({ labels: [{ key: 'north-china' }] });
      expect(urls(sim)['GET /v1/cluster?clusterLabel=north-china']).toBe(1);
      expect(north.length).toBe((await vendor(sim, '/v1/cluster?clusterLabel=north-china')).total);
      expect(north.every((c) => known(c.labels).some((l) => l.key === 'north-china'))).toBe(true);
      const both = await s.clusters!.list({ labels: [{ key: 'north-china' }, { key: 'beijing' }] });
      expect(both.every((c) => c.nativeId.startsWith('bj-'))).toBe(true);
      sim.resetStats();
      expect(await s.clusters!.list({ labels: [{ key: 'gpu', value: 'yes' }] })).toEqual([]);
      expect(sim.stats().total).toBe(0);
    });

    it('serves a window from one vendor page with the vendor total', async () => {
      const all = await session().clusters!.list({});
      sim.resetStats();
      const window = await session().clusters!.window!({}, 7, 9);
      expect(window.total).toBe(30);
      expect(window.items.map((c) => c.nativeId)).toEqual(all.slice(7, 16).map((c) => c.nativeId));
      expect(Object.keys(urls(sim)).filter((u) => u.startsWith('GET /v1/cluster?') && u.includes('page='))).toHaveLength(1);
    });

    it('gets a cluster by name and null for an unknown one', async () => {
      const s = session();
      const [known, unknown] = await Promise.all([s.clusters!.get('bj-haidian-01'), s.clusters!.get('GuangZhou')]);
      expect(known?.name).toBe('bj-haidian-01');
      expect(unknown).toBeNull();
    });
  });

  describe('hosts', () => {
    it('groups hosts of 30 clusters from one node list call (plus the node label index)', async () => {
      const s = session();
      const names = (await s.clusters!.list({})).map((c) => c.nativeId);
      sim.resetStats();
      const perCluster = await Promise.all(names.map((n) => s.hosts!.byCluster!(n)));
      const vocabulary = (await vendor(sim, '/v1/node/label')).data as string[];
      const counts = urls(sim);
      // The node list itself was already fetched for the clusters' status: zero more list calls.
      expect(Object.keys(counts).filter((u) => u.startsWith('GET /v1/node?page='))).toEqual([]);
      expect(routes(sim)['GET /v1/node']).toBe(vocabulary.length);
      expect(perCluster.reduce((a, h) => a + h.length, 0)).toBe((await vendor(sim, '/v1/node?pageSize=0')).total);
      perCluster.forEach((hosts, i) => expect(hosts.every((h) => h.clusterNativeId === names[i])).toBe(true));

      sim.resetStats();
      const fresh = session();
      await Promise.all(names.map((n) => fresh.hosts!.byCluster!(n)));
      expect(routes(sim)).toEqual({ 'GET /v1/node': 1 + vocabulary.length, 'GET /v1/node/label': 1 });
    });

    it('maps nodes with their labels, addresses and capacity', async () => {
      const raw = (await vendor(sim, '/v1/node?pageSize=1')).data[0];
      const host = await session().hosts!.get(`${raw.clusterName}/${raw.nodeName}`);
      expect(host).toMatchObject({
        clusterNativeId: raw.clusterName,
        name: raw.nodeName,
        addresses: [raw.ip],
        os: raw.operatingSystem,
        kernel: raw.kernelVersion,
        status: raw.isReady ? 'ONLINE' : 'OFFLINE',
        usage: { cpu: { total: raw.cpu, unit: 'CORES' }, memory: { total: raw.memory, unit: 'BYTES' }, storage: { total: raw.disk, unit: 'BYTES' } },
      });
      const carriers = await vendor(sim, `/v1/node?nodeLabel=${known(host!.labels)[0]!.key}&pageSize=0`);
      expect(carriers.data.some((n: any) => n.nodeName === raw.nodeName)).toBe(true);
      expect(await session().hosts!.get(`${raw.clusterName}/no-such-node`)).toBeNull();
      expect(await session().hosts!.get('not-a-host-id')).toBeNull();
    });

    it('pushes cluster and label down as clusterName and nodeLabel', async () => {
      const hosts = await session().hosts!.list({ clusterNativeId: 'bj-haidian-01', labels: [{ key: 'gateway' }] });
      expect(urls(sim)['GET /v1/node?clusterName=bj-haidian-01&nodeLabel=gateway&page=1&pageSize=1000']).toBe(1);
      expect(hosts.length).toBeGreaterThan(0);
      expect(hosts.every((h) => h.clusterNativeId === 'bj-haidian-01' && known(h.labels).some((l) => l.key === 'gateway'))).toBe(true);
      const window = await session().hosts!.window!({ labels: [{ key: 'gateway' }] }, 3, 5);
      expect(window.items).toHaveLength(5);
      expect(window.total).toBe((await vendor(sim, '/v1/node?nodeLabel=gateway')).total);
    });
  });

  describe('deployments', () => {
    it('lists deployments (deleted ones left out) with replicas and approval state', async () => {
      const raw = (await vendor(sim, '/v1/deploy?pageSize=0')).data;
      sim.resetStats();
      const deployments = await session().deployments!.list({});
      expect(deployments.map((d) => d.nativeId)).toEqual(raw.filter((d: any) => d.status !== 9).map((d: any) => String(d.id)));
      const statuses = new Set(deployments.map((d) => d.status));
      for (const s of ['AWAITING_APPROVAL', 'PENDING', 'DEPLOYING', 'SUCCEEDED', 'PARTIAL', 'FAILED']) expect(statuses).toContain(s);
      const partial = deployments.find((d) => d.status === 'PARTIAL')!;
      expect(partial.replicas!.error).toBeGreaterThan(0);
      expect(routes(sim)['GET /v1/deploy']).toBe(1);
    });

    it('groups deployments of 30 clusters from one list call, asking only label targets once each', async () => {
      const names: string[] = (await vendor(sim, '/v1/cluster')).data.map((c: any) => c.clusterName);
      const raw = (await vendor(sim, '/v1/deploy?pageSize=0')).data;
      const labels = new Set((await vendor(sim, '/v1/cluster/label')).data);
      sim.resetStats();
      const s = session();
      const perCluster = await Promise.all(names.map((n: string) => s.deployments!.byCluster!(n)));
      const labelTargets = new Set(raw.map((d: any) => d.cluster).filter((t: string) => labels.has(t)));
      // deploy list + audit list (some are at status 0) + cluster list + label list + one per label target.
      expect(sim.stats().total).toBe(4 + labelTargets.size);
      expect(routes(sim)['GET /v1/deploy']).toBe(1);
      // A deployment targeting a label is listed under exactly the clusters carrying it.
      const spanning = raw.find((d: any) => labels.has(d.cluster) && d.status !== 9);
      const members = (await vendor(sim, `/v1/cluster?clusterLabel=${spanning.cluster}`)).data.map((c: any) => c.clusterName);
      expect(members.length).toBeGreaterThan(1);
      names.forEach((n: string, i: number) => expect(perCluster[i]!.some((d) => d.nativeId === String(spanning.id))).toBe(members.includes(n)));
      expect(perCluster.flat().length).toBeGreaterThan(0);
    });

    it('gets one deployment with its version history; unknown ids are null', async () => {
      const raw = (await vendor(sim, '/v1/deploy?pageSize=0')).data;
      const rolledBack = raw.find((d: any) => d.deployType === 3 && d.status === 5);
      const got = await session().deployments!.get(String(rolledBack.id));
      expect(got?.history.length).toBeGreaterThanOrEqual(2);
      expect(got?.history.at(-1)?.version).toBe(rolledBack.version);
      expect(await session().deployments!.get('99999')).toBeNull();
      expect(await session().deployments!.get('abc')).toBeNull();
      const deleted = raw.find((d: any) => d.status === 9);
      expect(await session().deployments!.get(String(deleted.id))).toBeNull();
    });
  });

  describe('workflows', () => {
    it('synthesizes running workflows with progress, and follows one to success', async () => {
      const token = (await call(sim, 'POST', '/v1/authorization', { body: sim.credentials })).body.token;
      const body = { deployName: 'nginx-north', appName: 'nginx-edge', version: '1.24', cluster: 'north-china', nodeLabel: 'all', comment: '' };
      expect((await call(sim, 'POST', '/v1/deploy', { headers: { authorization: token }, body })).status).toBe(200);
      const id = (await session().workflows!.list({ active: true })).find((w) => w.message === 'queued')!.nativeId;
      expect(Object.keys(urls(sim))).toContain('GET /v1/deploy?pageSize=0&editable=false');
      const seen: { state: string; progress?: number }[] = [];
      for (let i = 0; i < 40; i++) {
        const w = (await session().workflows!.get(id))!;
        seen.push({ state: w.state, ...(w.progress !== undefined ? { progress: w.progress } : {}) });
        if (w.state === 'SUCCEEDED') break;
        sim.advance(10_000);
      }
      expect(seen[0]).toEqual({ state: 'PENDING' });
      const running = seen.filter((w) => w.progress !== undefined && w.state === 'RUNNING').map((w) => w.progress!);
      expect(running.some((p) => p > 0 && p < 1)).toBe(true);
      expect([...running].sort((a, b) => a - b)).toEqual(running);
      expect(seen.at(-1)).toEqual({ state: 'SUCCEEDED', progress: 1 });
      const done = await session().workflows!.get(id);
      expect(done).toMatchObject({ kind: 'CreateDeployment', target: { type: 'Deployment' }, finishedAt: expect.any(String), startedAt: expect.any(String) });
      const active = await session().workflows!.list({ active: true });
      expect(active.some((w) => w.state === 'PENDING' && /audit/.test(w.message ?? ''))).toBe(true);
      expect(await session().workflows!.get('deployment:99999:1:1.0')).toBeNull();
      expect(await session().workflows!.get('nonsense')).toBeNull();
    });

    it('resolves an operation the deployment has moved past from its history', async () => {
      const raw = (await vendor(sim, '/v1/deploy?pageSize=0')).data;
      const rolledBack = raw.find((d: any) => d.deployType === 3 && d.status === 5);
      const history = (await vendor(sim, `/v1/deploy/id/${rolledBack.id}?field=historyVersion`)).data.historyVersion;
      const install = history[0];
      const past = await session().workflows!.get(`deployment:${rolledBack.id}:1:${install.version}`);
      expect(past).toMatchObject({ kind: 'CreateDeployment', state: 'SUCCEEDED' });
    });
  });

  it('never sends the same GET twice in one session', async () => {
    const s = session();
    const clusters = await s.clusters!.list({});
    await Promise.all([
      s.hosts!.list({}),
      s.deployments!.list({}),
      s.workflows!.list({}),
      ...clusters.map((c) => s.hosts!.byCluster!(c.nativeId)),
      ...clusters.map((c) => s.deployments!.byCluster!(c.nativeId)),
      ...clusters.map((c) => s.workflows!.byCluster!(c.nativeId)),
      ...clusters.slice(0, 3).map((c) => s.clusters!.get(c.nativeId)),
    ]);
    await s.deployments!.get('1');
    await s.workflows!.list({});
    const repeated = Object.entries(urls(sim)).filter(([, n]) => n > 1);
    expect(repeated).toEqual([]);
  });

  describe('auth', () => {
    it('logs in once for ten concurrent calls after every token expired', async () => {
      // Ten different reads: identical ones in flight at once would share one call.
      sim.setFaults({ expireTokens: true });
      sim.resetStats();
      await Promise.all(Array.from({ length: 10 }, (_, i) => session().deployments!.get(String(i + 1))));
      expect(routes(sim)['POST /v1/authorization']).toBe(1);
      // Each refused once with the expired token, and sent again with the new one.
      expect(routes(sim)['GET /v1/deploy/id/{deployId}']).toBe(20);
    });

    it('sends the token raw and logs in again when the vendor’s hour is over', async () => {
      sim.advance(2 * 60 * MINUTE);
      await session().clusters!.get('bj-haidian-01');
      expect(routes(sim)['POST /v1/authorization']).toBe(1);
    });

    it('refuses a wrong password as SOURCE_AUTH_FAILED', async () => {
      const wrong = createOtestackAdapter(oteSourceConfig(sim, { credentials: { user: 'admin', password: 'nope' } }), { metrics: createMetrics() });
      await expect(wrong.probe()).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED', sourceId: 'ote-edge' });
      await wrong.close();
    });

    it('requires exactly the simulator’s credential names', () => {
      expect(Object.keys(otestackSimulator.credentials).sort()).toEqual(['password', 'user']);
      expect(() => createOtestackAdapter(oteSourceConfig(sim, { credentials: { user: 'admin' } }), { metrics: createMetrics() })).toThrow(/password/);
    });
  });

  describe('faults', () => {
    const fresh = () => createOtestackAdapter(oteSourceConfig(sim), { metrics: createMetrics() });

    it('a malformed body is SOURCE_BAD_RESPONSE', async () => {
      const a = fresh();
      await a.probe();
      sim.setFaults({ malformed: true });
      await expect(a.session(new RequestScope()).clusters!.list({})).rejects.toMatchObject({ code: 'SOURCE_BAD_RESPONSE', sourceId: 'ote-edge' });
      await a.close();
    });

    it('a body unlike the document’s is SOURCE_BAD_RESPONSE naming the field', async () => {
      const a = fresh();
      const broken = new RequestScope();
      // A reply that is JSON but not the document's shape, planted in the request's memo
      // under the key SourceHttp gives this source's GET /v1/cluster.
      broken.memo(`ote-edge ${sim.url} source  /v1/cluster`, async () => ({ status: 200, headers: {}, body: { code: 200, data: [{ clusterName: 'x' }] } }));
      await expect(a.session(broken).clusters!.list({})).rejects.toMatchObject({ code: 'SOURCE_BAD_RESPONSE', message: expect.stringContaining('isReady') });
      await a.close();
    });

    it('a dropped connection is SOURCE_UNAVAILABLE', async () => {
      const a = fresh();
      sim.setFaults({ down: true });
      await expect(a.probe()).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', sourceId: 'ote-edge' });
      await a.close();
    });

    it('a proxy’s HTML 5xx page is SOURCE_UNAVAILABLE', async () => {
      const a = fresh();
      await a.probe();
      sim.setFaults({ htmlErrors: true, errorRate: 1 });
      await expect(a.session(new RequestScope()).deployments!.list({})).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', sourceId: 'ote-edge' });
      await a.close();
    });

    it('a vendor error envelope is SOURCE_ERROR with the vendor’s code and message', async () => {
      const a = fresh();
      await a.probe();
      sim.setFaults({ errorRate: 1, errorStatus: 500 });
      await expect(a.session(new RequestScope()).deployments!.list({})).rejects.toMatchObject({
        code: 'SOURCE_ERROR',
        detail: { sourceId: 'ote-edge', httpStatus: 500, vendorCode: '500' },
      });
      await a.close();
    });
  });
});

describe('otestack adapter: paging and token refresh', () => {
  it('walks every page of a node list longer than one page', async () => {
    const big = await startSimulator(otestackSimulator, { speed: 1, operationFailureRate: 0, clusters: 160 });
    try {
      const adapter = createOtestackAdapter(oteSourceConfig(big), { metrics: createMetrics() });
      const total = (await vendor(big, '/v1/node?pageSize=1')).total;
      expect(total).toBeGreaterThan(1000);
      big.resetStats();
      const hosts = await adapter.session(new RequestScope()).hosts!.list({});
      expect(hosts).toHaveLength(total);
      expect(new Set(hosts.map((h) => h.nativeId)).size).toBe(total);
      const pages = Object.keys(big.stats().urls).filter((u) => u.startsWith('GET /v1/node?page='));
      expect(pages).toEqual(['GET /v1/node?page=1&pageSize=1000', 'GET /v1/node?page=2&pageSize=1000']);
      await adapter.close();
    } finally {
      await big.close();
    }
  });

  it('refreshes a token close to its JWT expiry with PUT instead of logging in again', async () => {
    // The vendor's clock runs 59.5 minutes behind ours: its tokens expire 30 s from now.
    const late = await startSimulator(otestackSimulator, { speed: 1, operationFailureRate: 0, epochMs: Date.now() - 59.5 * MINUTE });
    try {
      const adapter = createOtestackAdapter(oteSourceConfig(late), { metrics: createMetrics() });
      await adapter.probe();
      await adapter.probe();
      expect(late.stats().routes).toMatchObject({ 'POST /v1/authorization': 1, 'PUT /v1/authorization': 1, 'GET /v1/authorization': 2 });
      await adapter.close();
    } finally {
      await late.close();
    }
  });
});
