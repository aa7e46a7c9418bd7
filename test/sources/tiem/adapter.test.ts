import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config.js';
import { ConfigError } from '../../../src/config.js';
import { createMetrics } from '../../../src/metrics.js';
import type { SourceAdapter, SourceSession } from '../../../src/sources/adapter.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { startSimulator, type RunningSimulator } from '../../../src/simulators/kit/server.js';
import { tiemSimulator } from '../../../src/simulators/tiem/index.js';
import { createTiemAdapter } from '../../../src/sources/tiem/index.js';
import { call } from '../../helpers/sim-client.js';
import { failure } from '../../helpers/rejection.js';
import { known } from '../../helpers/known.js';
import type { TiemVendor } from '../../../src/sources/tiem/vendor.js';
import { login as tiemLogin } from '../../simulators/tiem/support.js';

const SOURCE_ID = 'tiem-test';
const LOGIN = 'POST /api/v1/user/login';
const CLUSTER_LIST = 'GET /api/v1/clusters/';
const CLUSTER_DETAIL = 'GET /api/v1/clusters/{clusterId}';
const WORKFLOW_LIST = 'GET /api/v1/workflow/';
const WORKFLOW_DETAIL = 'GET /api/v1/workflow/{workFlowId}';
const BACKUP_LIST = 'GET /api/v1/backups/';
const MINUTE = 60_000;

let sim: RunningSimulator;
const opened: SourceAdapter[] = [];

function adapterFor(target: RunningSimulator, overrides: Partial<SourceConfig> = {}): SourceAdapter {
  const adapter = createTiemAdapter(
    {
      id: SOURCE_ID,
      kind: 'tiem',
      name: 'TiEM under test',
      url: target.url,
      timeoutMs: 5_000,
      retries: 0,
      concurrency: 4,
      credentials: { ...target.credentials },
      ...overrides,
    },
    { metrics: createMetrics() },
  );
  opened.push(adapter);
  return adapter;
}

const session = (adapter: SourceAdapter): Required<Pick<SourceSession, 'clusters' | 'hosts' | 'snapshots' | 'workflows'>> => {
  const s = adapter.session(new RequestScope());
  if (!s.clusters || !s.hosts || !s.snapshots || !s.workflows) throw new Error('the TiEM session lacks a reader');
  return { clusters: s.clusters, hosts: s.hosts, snapshots: s.snapshots, workflows: s.workflows };
};

/** Vendor calls since the last reset, by route, without the one login a fresh adapter makes. */
const calls = (target: RunningSimulator = sim) => {
  const { [LOGIN]: _login, ...routes } = target.stats().routes;
  return routes;
};

/** Every URL the simulator saw was asked for once. */
const noRepeatedGets = (target: RunningSimulator = sim) =>
  expect(Object.entries(target.stats().urls ?? {}).filter(([url, n]) => url.startsWith('GET') && n > 1)).toEqual([]);

beforeAll(async () => {
  sim = await startSimulator(tiemSimulator, { speed: 1, operationFailureRate: 0, clusters: 30 });
});
afterEach(async () => {
  sim.setFaults({ down: false, malformed: false, htmlErrors: false, errorRate: 0, errorStatus: 500 });
  await Promise.all(opened.splice(0).map((a) => a.close()));
});
afterAll(() => sim.close());

describe('clusters', () => {
  it('lists every live cluster in one call, with both of TiEM status words considered', async () => {
    const adapter = adapterFor(sim);
    sim.resetStats();
    const clusters = await session(adapter).clusters.list({});
    expect(clusters).toHaveLength(30);
    expect(calls()).toEqual({ [CLUSTER_LIST]: 1 });
    expect(sim.stats().urls).toHaveProperty(['GET /api/v1/clusters/?page=1&pageSize=1000']);
    for (const c of clusters) {
      expect(c).toMatchObject({ sourceId: SOURCE_ID, kind: 'DATABASE' });
      expect(c.status).not.toBe('UNKNOWN');
      expect(c.createdAt).toMatch(/Z$/);
    }
    const byRaw = Object.fromEntries(clusters.map((c) => [c.rawStatus, c.status]));
    expect(byRaw).toMatchObject({ Running: 'RUNNING', 'Running/Stopping': 'STOPPING', 'Running/BackUp': 'RUNNING', Stopped: 'STOPPED', Failure: 'FAILED' });
  });

  it('serves a window from one vendor page, in TiEM order, with its total', async () => {
    const adapter = adapterFor(sim);
    const all = await session(adapter).clusters.list({});
    sim.resetStats();
    const reader = session(adapter).clusters;
    const window = await reader.window?.({}, 5, 7);
    expect(window?.items.map((c) => c.nativeId)).toEqual(all.slice(5, 12).map((c) => c.nativeId));
    expect(window?.total).toBe(30);
    expect((await reader.window?.({}, 28, 5))?.items).toHaveLength(2);
    expect(calls()).toEqual({ [CLUSTER_LIST]: 2 });
    expect(reader.nativeOrder).toBeUndefined();
  });

  it('pushes a cluster id down as clusterId, and nothing it cannot match exactly', async () => {
    const adapter = adapterFor(sim);
    const reader = session(adapter).clusters;
    expect([...reader.pushdown]).toEqual(['clusterNativeId']);
    const [some] = await reader.list({});
    sim.resetStats();
    const found = await session(adapter).clusters.list({ clusterNativeId: some?.nativeId });
    expect(found.map((c) => c.nativeId)).toEqual([some?.nativeId]);
    expect(Object.keys(sim.stats().urls ?? {})).toEqual([`GET /api/v1/clusters/?clusterId=${some?.nativeId}&page=1&pageSize=1000`]);
  });

  it('gets one cluster from its detail, and null for an unknown id', async () => {
    const adapter = adapterFor(sim);
    const [some] = await session(adapter).clusters.list({});
    const cluster = await session(adapter).clusters.get(some?.nativeId ?? '');
    expect(cluster).toMatchObject({ nativeId: some?.nativeId, name: some?.name, status: some?.status });
    expect(cluster?.nodeCount).toBeGreaterThan(0);
    expect(await session(adapter).clusters.get('no-such-cluster')).toBeNull();
  });
});

describe('hosts', () => {
  it('are the cluster topology; a cluster and its hosts in one request cost one detail call', async () => {
    const adapter = adapterFor(sim);
    const [some] = await session(adapter).clusters.list({});
    const id = some?.nativeId ?? '';
    sim.resetStats();
    const s = session(adapter);
    const [cluster, hosts] = await Promise.all([s.clusters.get(id), s.hosts.byCluster?.(id)]);
    expect(calls()).toEqual({ [CLUSTER_DETAIL]: 1 });
    expect(hosts).toHaveLength(known(cluster?.nodeCount) ?? -1);
    for (const h of hosts ?? []) {
      expect(h).toMatchObject({ clusterNativeId: id, sourceId: SOURCE_ID });
      expect(h.name).toMatch(/^172\.16\.\d+\.\d+:\d+$/);
      expect(['TiDB', 'TiKV', 'PD', 'TiFlash', 'CDC']).toContain(h.role);
    }
    const one = hosts?.[0];
    expect(await s.hosts.get(one?.nativeId ?? '')).toEqual(one);
    expect(calls()).toEqual({ [CLUSTER_DETAIL]: 1 });
    expect(await s.hosts.get(`${id}/no-such-instance`)).toBeNull();
    expect(await s.hosts.get('not-a-host-id')).toBeNull();
    expect(await s.hosts.get('no-such-cluster/x')).toBeNull();
  });

  it('of 30 clusters: one detail call each (TiEM has no batch read), none repeated', async () => {
    const adapter = adapterFor(sim);
    const ids = (await session(adapter).clusters.list({})).map((c) => c.nativeId);
    sim.resetStats();
    const s = session(adapter);
    const hosts = await Promise.all(ids.map((id) => s.hosts.byCluster?.(id)));
    expect(hosts.every((h) => (h?.length ?? 0) > 0)).toBe(true);
    expect(calls()).toEqual({ [CLUSTER_DETAIL]: 30 });
    noRepeatedGets();
    sim.resetStats();
    expect((await session(adapter).hosts.list({})).length).toBe(hosts.flat().length);
    expect(calls()).toEqual({ [CLUSTER_LIST]: 1, [CLUSTER_DETAIL]: 30 });
  });
});

describe('vendor: what TiEM alone says (TiemClusterDetails, TiemHostDetails)', () => {
  const vendorOf = (adapter: SourceAdapter) => adapter.vendor as TiemVendor;
  /** The simulator's own rows, read around the adapter (stats reset after). */
  async function vendorRows(): Promise<any[]> {
    const token = await tiemLogin(sim);
    const res = await call(sim, 'GET', '/api/v1/clusters/?page=1&pageSize=100', { headers: { authorization: `Bearer ${token}` } });
    sim.resetStats();
    return res.body.data.clusters;
  }

  it('reads monitoring, disaster recovery and access from the rows the clusters were listed from: no call', async () => {
    const adapter = adapterFor(sim);
    const rows = await vendorRows();
    const listed = await session(adapter).clusters.list({});
    sim.resetStats();
    const scope = new RequestScope();
    const facts = await Promise.all(listed.map((c) => vendorOf(adapter).clusterFacts(scope, c.nativeId, c.raw)));
    expect(calls()).toEqual({});
    const byId = new Map(listed.map((c, i) => [c.nativeId, facts[i]]));
    for (const row of rows) {
      expect(byId.get(row.clusterId)).toMatchObject({
        grafanaUrl: row.grafanaUrl,
        alertmanagerUrl: row.alertUrl,
        drMasters: row.relations.masters,
        drSlaves: row.relations.slaves,
        whitelist: row.whitelist,
        tls: row.tls,
        copies: row.copies,
      });
    }
    // The seeded disaster-recovery chains: a standby names its master, the master the standby.
    const standby = rows.find((r) => r.relations.masters.length > 0);
    expect(byId.get(standby.relations.masters[0])?.drSlaves).toContain(standby.clusterId);
  });

  it('without the row reads the cluster’s detail once per request, shared with clusters.get; null for a gone cluster', async () => {
    const adapter = adapterFor(sim);
    const [some] = await session(adapter).clusters.list({});
    const id = some?.nativeId ?? '';
    sim.resetStats();
    const scope = new RequestScope();
    const s = adapter.session(scope);
    const [cluster, facts, resources] = await Promise.all([
      s.clusters?.get(id),
      vendorOf(adapter).clusterFacts(scope, id),
      vendorOf(adapter).resources(scope, id),
    ]);
    expect(calls()).toEqual({ [CLUSTER_DETAIL]: 1 });
    expect(facts).toEqual(await vendorOf(adapter).clusterFacts(scope, id, cluster?.raw));
    expect(resources?.mode).toBe('SpecificZone');
    expect(resources?.lines.reduce((n, l) => n + (l.count ?? 0), 0)).toBe(cluster?.nodeCount);
    expect(await vendorOf(adapter).clusterFacts(scope, 'no-such-cluster')).toBeNull();
    expect(await vendorOf(adapter).resources(scope, 'no-such-cluster')).toBeNull();
  });

  it('reads an instance’s ports and disk load from the host’s own record, or its cluster’s detail', async () => {
    const adapter = adapterFor(sim);
    const [some] = await session(adapter).clusters.list({});
    const id = some?.nativeId ?? '';
    const scope = new RequestScope();
    const hosts = (await adapter.session(scope).hosts?.byCluster?.(id)) ?? [];
    sim.resetStats();
    const fromRecords = await Promise.all(hosts.map((h) => vendorOf(adapter).instanceFacts(scope, h.nativeId, h.raw)));
    expect(calls()).toEqual({});
    for (const [i, h] of hosts.entries()) {
      const raw = h.raw as { ports: number[]; ioUtil: number; iops: number[] };
      expect(fromRecords[i]).toMatchObject({ ports: raw.ports, ioUtil: raw.ioUtil, iops: raw.iops });
      expect(h.name.endsWith(`:${raw.ports[0]}`)).toBe(true);
    }
    const fresh = new RequestScope();
    expect(await vendorOf(adapter).instanceFacts(fresh, hosts[0]?.nativeId ?? '')).toEqual(fromRecords[0]);
    expect(calls()).toEqual({ [CLUSTER_DETAIL]: 1 });
    expect(await vendorOf(adapter).instanceFacts(fresh, `${id}/no-such-instance`)).toBeNull();
    expect(await vendorOf(adapter).instanceFacts(fresh, 'not-a-host-id')).toBeNull();
  });
});

describe('snapshots', () => {
  it('of 30 clusters come from one unfiltered backup list, grouped; of one cluster from its filtered list', async () => {
    const adapter = adapterFor(sim);
    const ids = (await session(adapter).clusters.list({})).map((c) => c.nativeId);
    sim.resetStats();
    const s = session(adapter);
    const grouped = await Promise.all(ids.map((id) => s.snapshots.byCluster?.(id)));
    expect(calls()).toEqual({ [BACKUP_LIST]: 1 });
    expect(grouped.flat().length).toBeGreaterThan(30);
    const withBackups = ids.findIndex((_, i) => (grouped[i]?.length ?? 0) > 0);
    sim.resetStats();
    const single = await session(adapter).snapshots.byCluster?.(ids[withBackups] ?? '');
    expect(Object.keys(sim.stats().urls ?? {})).toEqual([`GET /api/v1/backups/?clusterId=${ids[withBackups]}&page=1&pageSize=1000`]);
    expect(single).toEqual(grouped[withBackups]);
    for (const snap of grouped.flatMap((g) => g ?? [])) {
      expect(['AUTOMATED', 'MANUAL']).toContain(snap.type);
      if (snap.status === 'AVAILABLE') expect(snap.sizeBytes).toBeGreaterThan(0);
    }
  });

  it('gets one backup by id, null for an unknown one, and pushes time bounds down as Unix seconds', async () => {
    const adapter = adapterFor(sim);
    const all = await session(adapter).snapshots.list({});
    const some = all.find((b) => b.status === 'AVAILABLE');
    expect(await session(adapter).snapshots.get(some?.nativeId ?? '')).toEqual(some);
    expect(await session(adapter).snapshots.get('no-such-backup')).toBeNull();

    const since = some?.startedAt ?? '';
    sim.resetStats();
    const reader = session(adapter).snapshots;
    const window = await reader.window?.({ since }, 0, 500);
    expect(Object.keys(sim.stats().urls ?? {})).toEqual([`GET /api/v1/backups/?startTime=${Date.parse(since) / 1000}&page=1&pageSize=500`]);
    expect(window?.items.every((b) => (b.startedAt ?? '') >= since)).toBe(true);
    expect(window?.total).toBe(all.filter((b) => (b.startedAt ?? '') >= since).length);
    // A bound with milliseconds is rounded outwards for TiEM and applied exactly here.
    const precise = new Date(Date.parse(since) + 1).toISOString();
    const after = await reader.list({ since: precise });
    expect(after.find((b) => b.nativeId === some?.nativeId)).toBeUndefined();
  });
});

describe('workflows', () => {
  it('list running ones through status=Processing, each read in detail for its progress', async () => {
    const adapter = adapterFor(sim);
    sim.resetStats();
    const running = await session(adapter).workflows.list({ state: ['RUNNING'] });
    expect(running.length).toBeGreaterThan(0);
    expect(sim.stats().urls).toHaveProperty(['GET /api/v1/workflow/?status=Processing&page=1&pageSize=1000']);
    expect(calls()).toEqual({ [WORKFLOW_LIST]: 1, [WORKFLOW_DETAIL]: running.length });
    for (const wf of running) {
      expect(wf).toMatchObject({ state: 'RUNNING', rawState: 'Processing', target: { type: 'Cluster' } });
      expect(wf.progress).toBeGreaterThan(0);
      expect(wf.progress).toBeLessThan(1);
      expect(wf.steps.some((s) => s.state === 'RUNNING')).toBe(true);
    }
  });

  it('with several states walk the list once and keep those states, in TiEM order', async () => {
    const adapter = adapterFor(sim);
    const everything = await session(adapter).workflows.list({});
    const ended = everything.filter((w) => w.state === 'FAILED' || w.state === 'CANCELLED');
    expect(ended.length).toBeGreaterThan(0);
    sim.resetStats();
    const window = await session(adapter).workflows.window?.({ state: ['FAILED', 'CANCELLED'] }, 0, 100);
    expect(window?.items.map((w) => w.nativeId)).toEqual(ended.map((w) => w.nativeId));
    expect(window?.total).toBe(ended.length);
    expect(calls()).toEqual({ [WORKFLOW_LIST]: 1 });
  });

  it('of 30 clusters come from one workflow list plus a detail per active flow', async () => {
    const adapter = adapterFor(sim);
    const ids = (await session(adapter).clusters.list({})).map((c) => c.nativeId);
    sim.resetStats();
    const s = session(adapter);
    const perCluster = await Promise.all(ids.map((id) => s.workflows.byCluster?.(id)));
    const active = perCluster.flat().filter((w) => w && (w.state === 'RUNNING' || w.state === 'PENDING'));
    expect(active.length).toBeGreaterThan(0);
    expect(calls()).toEqual({ [WORKFLOW_LIST]: 1, [WORKFLOW_DETAIL]: active.length });
    noRepeatedGets();
    perCluster.forEach((flows, i) => {
      expect(flows?.length).toBeGreaterThan(0);
      for (const w of flows ?? []) expect(w.clusterNativeId).toBe(ids[i]);
    });
  });

  it('progress as simulated time passes, and get null for an unknown id', async () => {
    const adapter = adapterFor(sim);
    const [first] = await session(adapter).workflows.list({ state: ['RUNNING'] });
    const id = first?.nativeId ?? '';
    sim.advance(MINUTE);
    const later = await session(adapter).workflows.get(id);
    expect(later?.progress).toBeGreaterThan(first?.progress ?? 1);
    sim.advance(60 * MINUTE);
    const done = await session(adapter).workflows.get(id);
    expect(done).toMatchObject({ state: 'SUCCEEDED', progress: 1, rawState: 'Finished' });
    expect(done?.steps.every((s) => s.state === 'SUCCEEDED')).toBe(true);
    expect(done?.finishedAt).toBeDefined();
    expect(await session(adapter).workflows.get('no-such-flow')).toBeNull();
  });
});

describe('pagination beyond one vendor page', () => {
  let big: RunningSimulator;
  beforeAll(async () => {
    big = await startSimulator(tiemSimulator, { speed: 1, operationFailureRate: 0, clusters: 1005 });
  });
  afterAll(() => big.close());

  it('walks every page of 1000, and a window spanning two pages fetches just those', async () => {
    const adapter = adapterFor(big);
    big.resetStats();
    const clusters = await session(adapter).clusters.list({});
    expect(clusters).toHaveLength(1005);
    expect(new Set(clusters.map((c) => c.nativeId)).size).toBe(1005);
    expect(calls(big)).toEqual({ [CLUSTER_LIST]: 2 });
    big.resetStats();
    const window = await session(adapter).clusters.window?.({}, 995, 10);
    expect(window?.items.map((c) => c.nativeId)).toEqual(clusters.slice(995, 1005).map((c) => c.nativeId));
    expect(calls(big)).toEqual({ [CLUSTER_LIST]: 1 });
  });

  it('reads two clusters’ backups with filtered lists when the whole list has more pages than that', async () => {
    const adapter = adapterFor(big);
    const [a, b] = await session(adapter).clusters.list({});
    big.resetStats();
    const s = session(adapter);
    await Promise.all([s.snapshots.byCluster?.(a?.nativeId ?? ''), s.snapshots.byCluster?.(b?.nativeId ?? '')]);
    // The first unfiltered page said the list is longer than two pages: one filtered list each.
    expect(calls(big)).toEqual({ [BACKUP_LIST]: 3 });
  });
});

describe('auth', () => {
  it('logs in once for ten concurrent calls after every token expired', async () => {
    const adapter = adapterFor(sim);
    const ids = (await session(adapter).clusters.list({})).slice(0, 10).map((c) => c.nativeId);
    sim.setFaults({ expireTokens: true });
    sim.resetStats();
    const found = await Promise.all(ids.map((id) => session(adapter).clusters.get(id)));
    expect(found.every((c) => c !== null)).toBe(true);
    expect(sim.stats().routes[LOGIN]).toBe(1);
  });

  it('reports a wrong password as SOURCE_AUTH_FAILED, naming the source', async () => {
    const adapter = adapterFor(sim, { credentials: { userName: 'admin', userPassword: 'wrong' } });
    const err = await failure(session(adapter).clusters.list({}));
    expect(err).toMatchObject({ code: 'SOURCE_AUTH_FAILED', sourceId: SOURCE_ID });
    expect(err.detail.vendorCode).toBe('70603');
  });

  it('takes a static bearer token instead: no login, and a refused token fails at once', async () => {
    const login = await call(sim, 'POST', '/api/v1/user/login', { body: sim.credentials });
    const token = login.body.data.token as string;
    sim.resetStats();
    expect(await session(adapterFor(sim, { credentials: { token } })).clusters.list({})).toHaveLength(30);
    expect(sim.stats().routes).toEqual({ [CLUSTER_LIST]: 1 });
    sim.resetStats();
    const err = await failure(session(adapterFor(sim, { credentials: { token: 'forged' } })).clusters.list({}));
    expect(err).toMatchObject({ code: 'SOURCE_AUTH_FAILED', sourceId: SOURCE_ID });
    expect(sim.stats().total).toBe(1);
  });

  it('refuses a config without credentials', () => {
    expect(() => adapterFor(sim, { credentials: {} })).toThrow(ConfigError);
  });
});

describe('faults', () => {
  it.each([
    ['malformed bodies', { malformed: true }, 'SOURCE_BAD_RESPONSE'],
    ['a dead backend', { down: true }, 'SOURCE_UNAVAILABLE'],
    ['HTML 500 pages from a proxy', { htmlErrors: true, errorRate: 1 }, 'SOURCE_UNAVAILABLE'],
    ['TiEM error envelopes', { errorRate: 1, errorStatus: 500 }, 'SOURCE_ERROR'],
  ] as const)('%s → %s', async (_name, faults, code) => {
    const adapter = adapterFor(sim);
    await adapter.probe();
    sim.setFaults(faults);
    const err = await failure(session(adapter).clusters.list({}));
    expect(err).toMatchObject({ code, sourceId: SOURCE_ID });
    expect(err.message).toContain(SOURCE_ID);
    if (code === 'SOURCE_ERROR') expect(err.detail).toMatchObject({ vendorCode: '10000', httpStatus: 500 });
  });

  it.each([
    [
      'an item without its id',
      { code: 0, data: { clusters: [{ clusterName: 'x' }] }, message: 'OK', page: { page: 1, pageSize: 1000, total: 1 } },
      'clusters.0.clusterId',
    ],
    ['a list without its page block', { code: 0, data: { clusters: [] }, message: 'OK' }, '`page` block'],
    ['a body without the envelope', { clusters: [] }, 'code'],
  ])('names what is wrong with %s (SOURCE_BAD_RESPONSE)', async (_name, body, named) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const adapter = adapterFor(sim, { url, credentials: { token: 't' } });
      const err = await failure(session(adapter).clusters.list({}));
      expect(err).toMatchObject({ code: 'SOURCE_BAD_RESPONSE', sourceId: SOURCE_ID });
      expect(err.message).toContain(named);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('probes with one cheap call and reports health', async () => {
    const adapter = adapterFor(sim);
    sim.resetStats();
    await adapter.probe();
    expect(sim.stats().urls).toEqual({ [LOGIN]: 1, 'GET /api/v1/clusters/?page=1&pageSize=1': 1 });
    expect(adapter.health().health).toBe('UP');
    expect(adapter.capabilities.entities).toEqual(['clusters', 'hosts', 'snapshots', 'workflows']);
  });
});
