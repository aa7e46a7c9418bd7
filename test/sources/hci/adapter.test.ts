import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config.js';
import { createMetrics } from '../../../src/metrics.js';
import { hciSimulator } from '../../../src/simulators/hci/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import type { SourceAdapter, SourceSession } from '../../../src/sources/adapter.js';
import { NotFoundError } from '../../../src/model/errors.js';
import { SourceError } from '../../../src/sources/errors.js';
import { hostId } from '../../../src/sources/hci/ids.js';
import { createHciAdapter } from '../../../src/sources/hci/index.js';
import type { HciVendor } from '../../../src/sources/hci/vendor.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { call } from '../../helpers/sim-client.js';
import { known } from '../../helpers/known.js';

const SOURCE_ID = 'hci-test';
let sim: RunningSimulator;
let adapter: SourceAdapter;

const config = (): SourceConfig => ({
  id: SOURCE_ID,
  kind: 'hci',
  name: 'HCI under test',
  url: sim.url,
  timeoutMs: 5_000,
  // No retries: a failing call fails at once, without backoff sleeps.
  retries: 0,
  concurrency: 8,
  credentials: sim.credentials,
});
const build = () => createHciAdapter(config(), { metrics: createMetrics() });
const session = (a: SourceAdapter = adapter): SourceSession => a.session(new RequestScope());
const raw = async (path: string) => (await call(sim, 'GET', path)).body;

/** Calls per route since the last reset, and proof that no URL was asked twice. */
function calls(): Record<string, number> {
  const stats = sim.stats();
  for (const [url, n] of Object.entries(stats.urls)) expect(n, url).toBe(1);
  return stats.routes;
}

/** The SourceError `run` fails with. */
const failure = async (run: () => Promise<unknown>): Promise<SourceError> => {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(SourceError);
    return err as SourceError;
  }
  throw new Error('expected a SourceError');
};

interface RawCluster {
  uuid: string;
  name: string;
  detail: any;
  stats: any;
}

async function rawClusters(): Promise<RawCluster[]> {
  const rows = (await raw('/v1/cluster/list')).data.list as Array<{ cluster_uuid: string; cluster_name: string }>;
  return Promise.all(
    rows.map(async (r) => ({
      uuid: r.cluster_uuid,
      name: r.cluster_name,
      detail: (await raw(`/v1/cluster/get?cluster_uuid=${r.cluster_uuid}`)).data,
      stats: (await raw(`/v1/cluster/compute/service/statistic?cluster_uuid=${r.cluster_uuid}`)).data,
    })),
  );
}

beforeAll(async () => {
  sim = await startSimulator(hciSimulator, { speed: 1, operationFailureRate: 0 });
});
afterAll(async () => {
  await adapter?.close();
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await adapter?.close();
  adapter = build();
});

describe('hci adapter: clusters', () => {
  it('lists every cluster with status, usage and center-node endpoints: 1 list + 3 calls per cluster', async () => {
    const truth = await rawClusters();
    sim.resetStats();
    const clusters = await session().clusters!.list({});
    expect(calls()).toEqual({
      'GET /v1/cluster/list': 1,
      'GET /v1/cluster/get': truth.length,
      'GET /v1/cluster/compute/service/statistic': truth.length,
      'GET /v1/cluster/system/service/storage': truth.length,
    });
    expect(clusters.map((c) => c.nativeId)).toEqual(truth.map((t) => t.uuid));
    for (const [i, c] of clusters.entries()) {
      const t = truth[i]!;
      expect(c).toMatchObject({ sourceId: SOURCE_ID, name: t.name, kind: 'HCI', nodeCount: t.stats.HostSummary.Total });
      expect(known(c.endpoints).map((e) => e.address)).toEqual(t.detail.candidates);
      expect(known(c.usage)?.cpu).toEqual({ used: t.stats.UsageRatio.Cpu.Logical, total: t.stats.UsageRatio.Cpu.Physical, unit: 'CORES' });
      expect(Date.parse(c.createdAt!)).toBeLessThan(sim.clock.now());
    }
    // The default fleet has healthy clusters and clusters with a host down.
    expect(new Set(clusters.map((c) => `${c.rawStatus}:${c.status}`))).toEqual(
      new Set(['healthy:RUNNING', 'hosts-down:DEGRADED', 'hosts-not-in-use:RUNNING', 'volumes-degraded:DEGRADED']),
    );
  });

  it('sums converged and external storage', async () => {
    const clusters = await session().clusters!.list({});
    for (const c of clusters.slice(0, 6)) {
      const { inner, external } = (await raw(`/v1/cluster/system/service/storage?cluster_uuid=${c.nativeId}`)).data;
      expect(known(c.usage)?.storage).toEqual({ used: inner.used + external.used, total: inner.total_size + external.total_size, unit: 'BYTES' });
    }
  });

  it('serves a window from one vendor page, completing only the clusters in it', async () => {
    const all = await session().clusters!.list({});
    sim.resetStats();
    const window = await session().clusters!.window!({}, 5, 3);
    expect(window.total).toBe(all.length);
    expect(window.items).toEqual(all.slice(5, 8));
    expect(sim.stats().urls).toHaveProperty(['GET /v1/cluster/list?page_num=1&page_size=4']);
    expect(calls()).toMatchObject({ 'GET /v1/cluster/list': 1, 'GET /v1/cluster/get': 3 });
    const tail = await session().clusters!.window!({}, all.length - 2, 5);
    expect(tail.items).toEqual(all.slice(-2));
  });

  it('gets by id through filter_uuid, batches several ids into one list call, and answers null for an unknown id', async () => {
    const all = await session().clusters!.list({});
    sim.resetStats();
    const s = session();
    expect(await s.clusters!.get(all[3]!.nativeId)).toEqual(all[3]);
    expect(sim.stats().urls).toHaveProperty([`GET /v1/cluster/list?filter_uuid=${all[3]!.nativeId}`]);
    sim.resetStats();
    const s2 = session();
    const batch = await Promise.all([...all.slice(0, 4).map((c) => s2.clusters!.get(c.nativeId)), s2.clusters!.get('no-such-cluster')]);
    expect(batch).toEqual([...all.slice(0, 4), null]);
    expect(sim.stats().urls).toHaveProperty(['GET /v1/cluster/list']);
    expect(sim.stats().routes['GET /v1/cluster/list']).toBe(1);
    expect(await session().clusters!.get('no-such-cluster')).toBeNull();
  });

  it('pushes clusterNativeId down as filter_uuid, and not nameContains (the vendor matches case-sensitively)', async () => {
    const reader = session().clusters!;
    expect([...reader.pushdown]).toEqual(['clusterNativeId']);
    const [first] = await session().clusters!.list({});
    sim.resetStats();
    expect((await session().clusters!.list({ clusterNativeId: first!.nativeId })).map((c) => c.nativeId)).toEqual([first!.nativeId]);
    expect(sim.stats().urls).toHaveProperty([`GET /v1/cluster/list?filter_uuid=${first!.nativeId}`]);
  });
});

describe('hci adapter: hosts', () => {
  it('byCluster for every cluster costs one compute statistic call per cluster', async () => {
    const truth = await rawClusters();
    sim.resetStats();
    const s = session();
    const perCluster = await Promise.all(truth.map((t) => s.hosts!.byCluster!(t.uuid)));
    expect(calls()).toEqual({ 'GET /v1/cluster/compute/service/statistic': truth.length });
    for (const [i, hosts] of perCluster.entries()) {
      const t = truth[i]!;
      expect(hosts.map((h) => h.nativeId)).toEqual(t.stats.HostStatistics.map((h: any) => `${t.uuid}/${h.HostUUID}`));
      expect(hosts.every((h) => h.clusterNativeId === t.uuid && known(h.addresses)[0] === h.name)).toBe(true);
    }
    const statuses = new Set(perCluster.flat().map((h) => `${h.rawStatus}:${h.status}`));
    expect(statuses).toEqual(new Set(['0:OFFLINE', '1:ONLINE', '2:FAILED']));
    // A down host reports no hardware: no usage figures.
    expect(
      perCluster
        .flat()
        .filter((h) => h.status === 'FAILED')
        .every((h) => h.usage === undefined),
    ).toBe(true);
  });

  it('lists all hosts, or one cluster’s with clusterNativeId pushed down', async () => {
    const truth = await rawClusters();
    const all = await session().hosts!.list({});
    expect(all).toHaveLength(truth.reduce((n, t) => n + t.stats.HostStatistics.length, 0));
    sim.resetStats();
    const one = await session().hosts!.list({ clusterNativeId: truth[2]!.uuid });
    expect(one).toEqual(all.filter((h) => h.clusterNativeId === truth[2]!.uuid));
    expect(calls()).toEqual({ 'GET /v1/cluster/compute/service/statistic': 1 });
    expect(await session().hosts!.list({ clusterNativeId: 'no-such-cluster' })).toEqual([]);
  });

  it('gets a host by id with one host call, several of a cluster with one statistic call; unknown → null', async () => {
    const hosts = await session().hosts!.byCluster!((await rawClusters())[0]!.uuid);
    sim.resetStats();
    expect(await session().hosts!.get(hosts[1]!.nativeId)).toEqual(hosts[1]);
    expect(calls()).toEqual({ 'GET /v1/cluster/compute/service/statistic/host': 1 });
    sim.resetStats();
    const s = session();
    expect(await Promise.all(hosts.map((h) => s.hosts!.get(h.nativeId)))).toEqual(hosts);
    expect(calls()).toEqual({ 'GET /v1/cluster/compute/service/statistic': 1 });
    const clusterUuid = hosts[0]!.clusterNativeId!;
    expect(await session().hosts!.get(`${clusterUuid}/no-such-host`)).toBeNull();
    expect(await session().hosts!.get('no-such-cluster/no-such-host')).toBeNull();
    expect(await session().hosts!.get('not-an-id')).toBeNull();
  });
});

describe('hci adapter: metadata snapshots', () => {
  async function clusterWithCenters(upCenters: number): Promise<RawCluster> {
    for (const t of await rawClusters()) {
      const up = t.detail.TopoHostNode.filter((n: any) => n.IsSystemService && n.services.agentStatus === 1).length;
      if (t.detail.candidates.length >= 2 && up === upCenters) return t;
    }
    throw new Error(`no cluster with ${upCenters} reachable center nodes`);
  }

  it('lists every center node’s files: 1 detail + 1 list per node + 1 policy call; a manual save is MANUAL', async () => {
    const t = await clusterWithCenters(3);
    const ip = t.detail.candidates[0];
    // The vendor names a save after the second it happened; the simulated clock runs on meanwhile.
    const savedFrom = Math.floor(sim.clock.now() / 1000);
    await call(sim, 'POST', '/v1/cluster/data/snapshot/save', { body: { cluster_uuid: t.uuid, ip } });
    const savedBy = Math.floor(sim.clock.now() / 1000);
    sim.resetStats();
    const snapshots = await session().snapshots!.byCluster!(t.uuid);
    expect(calls()).toEqual({
      'GET /v1/cluster/get': 1,
      'GET /v1/cluster/data/snapshot/list': t.detail.candidates.length,
      'GET /v1/cluster/data/snapshot/config/inspect': 1,
    });
    for (const node of t.detail.candidates as string[]) {
      const files = (await raw(`/v1/cluster/data/snapshot/list?cluster_uuid=${t.uuid}&ip=${node}`)).data.meta_data.Snapshot;
      expect(snapshots.filter((s) => s.nativeId.startsWith(`${t.uuid}/${node}/`)).map((s) => s.name)).toEqual(files);
    }
    const savedAt = (s: { name: string }) => Number(/^snapshot(\d+)\.db$/.exec(s.name)?.[1]);
    const manual = snapshots.find((s) => s.nativeId.startsWith(`${t.uuid}/${ip}/`) && savedAt(s) >= savedFrom && savedAt(s) <= savedBy);
    expect(manual).toMatchObject({ type: 'MANUAL', status: 'AVAILABLE', clusterNativeId: t.uuid });
    expect(Date.parse(manual!.startedAt!)).toBe(savedAt(manual!) * 1000);
    // The schedule keeps seven automatic files per node.
    for (const node of t.detail.candidates as string[]) {
      expect(snapshots.filter((s) => s.nativeId.startsWith(`${t.uuid}/${node}/`) && s.type === 'AUTOMATED').length).toBeGreaterThanOrEqual(7);
    }
    expect(await session().snapshots!.get(manual!.nativeId)).toEqual(manual);
  });

  it('leaves out a center node that is down and lists the others', async () => {
    const t = await clusterWithCenters(2);
    const snapshots = await session().snapshots!.byCluster!(t.uuid);
    const down = t.detail.TopoHostNode.find((n: any) => n.IsSystemService && n.services.agentStatus === 0).name;
    expect(snapshots.length).toBeGreaterThan(0);
    expect(snapshots.some((s) => s.nativeId.includes(`/${down}/`))).toBe(false);
  });

  it('new automatic files appear as the simulated clock runs; unknown ids are null', async () => {
    const t = await clusterWithCenters(3);
    const before = await session().snapshots!.list({ clusterNativeId: t.uuid });
    sim.advance(7 * 86_400_000 + 60_000);
    const after = await session().snapshots!.list({ clusterNativeId: t.uuid });
    const fresh = after.filter((s) => !before.some((b) => b.nativeId === s.nativeId));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((s) => s.type === 'AUTOMATED')).toBe(true);
    const ip = t.detail.candidates[0];
    expect(await session().snapshots!.get(`${t.uuid}/${ip}/snapshot1.db`)).toBeNull();
    expect(await session().snapshots!.get(`${t.uuid}/10.255.255.1/snapshot1.db`)).toBeNull();
    expect(await session().snapshots!.get(`no-such-cluster/${ip}/snapshot1.db`)).toBeNull();
  });
});

describe('hci adapter: workflows', () => {
  it('synthesizes workflows from inspections in every state and from joining hosts', async () => {
    const workflows = await session().workflows!.list({});
    const kinds = new Set(workflows.map((w) => `${w.kind}:${w.state}`));
    for (const k of ['InspectCluster:RUNNING', 'InspectCluster:SUCCEEDED', 'InspectCluster:CANCELLED', 'InspectCluster:FAILED', 'HostTask:RUNNING']) {
      expect(kinds).toContain(k);
    }
    for (const w of workflows) {
      expect(w.progress).toBeGreaterThanOrEqual(0);
      expect(w.progress).toBeLessThanOrEqual(1);
      expect(w.clusterNativeId).toBeDefined();
      if (w.state === 'SUCCEEDED') expect(w.progress).toBe(1);
      if (w.state === 'RUNNING') expect(w.progress).toBeLessThan(1);
    }
  });

  it('follows an inspection from start to finish', async () => {
    const [t] = await rawClusters();
    const idle = (await session().workflows!.byCluster!(t!.uuid)).find((w) => w.kind === 'InspectCluster');
    await call(sim, 'POST', '/v1/cluster/inspection', { body: { cluster_uuid: t!.uuid, cluster_name: t!.name, check_system: true } });
    const running = (await session().workflows!.byCluster!(t!.uuid)).find((w) => w.kind === 'InspectCluster');
    expect(running).toMatchObject({ state: 'RUNNING', target: { type: 'Cluster', nativeId: t!.uuid } });
    expect(running!.nativeId).not.toBe(idle?.nativeId);
    sim.advance(60_000);
    const mid = await session().workflows!.get(running!.nativeId);
    expect(mid!.progress).toBeGreaterThan(running!.progress!);
    sim.advance(60 * 60_000);
    expect(await session().workflows!.get(running!.nativeId)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    await call(sim, 'POST', '/v1/cluster/inspection', { body: { cluster_uuid: t!.uuid, cluster_name: t!.name, check_system: true } });
    // A newer run replaces it: the old id names nothing any more.
    expect(await session().workflows!.get(running!.nativeId)).toBeNull();
  });

  it('follows hosts joining a newly added cluster, one call per not-in-use host, and the join they make up', async () => {
    const uuid = (await call(sim, 'POST', '/v1/cluster/add', { body: { ip: '10.77.3.11', name: 'hci-new-01' } })).body.data.uuid;
    sim.advance(5 * 60_000);
    sim.resetStats();
    const listed = await session().workflows!.byCluster!(uuid);
    const hostCount = (await raw(`/v1/cluster/compute/service/statistic?cluster_uuid=${uuid}`)).data.HostStatistics.length;
    expect(sim.stats().routes['GET /v1/cluster/host/task/progress']).toBe(hostCount);
    const tasks = listed.filter((w) => w.kind === 'HostTask');
    expect(tasks).toHaveLength(hostCount);
    expect(tasks.every((w) => w.state === 'RUNNING' && w.target?.type === 'Host')).toBe(true);
    expect(tasks[0]!.progress).toBeGreaterThan(0.3);
    expect(tasks.slice(1).every((w) => w.progress === 0)).toBe(true);
    const join = listed.find((w) => w.kind === 'JoinCluster');
    expect(join).toMatchObject({ nativeId: `${uuid}/join`, state: 'RUNNING', target: { type: 'Cluster', nativeId: uuid } });
    expect(join!.progress).toBeCloseTo(tasks.reduce((sum, w) => sum + w.progress!, 0) / hostCount);
    expect(join!.steps.map((s) => s.state)).toEqual(['RUNNING', ...tasks.slice(1).map(() => 'PENDING')]);
    expect(listed).toHaveLength(hostCount + 1);
    sim.advance(90 * 60_000);
    expect(await session().workflows!.byCluster!(uuid)).toEqual([]);
    expect(await session().workflows!.get(tasks[0]!.nativeId)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await session().workflows!.get(join!.nativeId)).toMatchObject({
      state: 'SUCCEEDED',
      progress: 1,
      message: `${hostCount} of ${hostCount} hosts joined`,
    });
  });

  it('reports a failed host task with the vendor’s message', async () => {
    sim.setFaults({ operationFailureRate: 1 });
    const uuid = (await call(sim, 'POST', '/v1/cluster/add', { body: { ip: '10.77.4.11', name: 'hci-new-02' } })).body.data.uuid;
    sim.advance(20 * 60_000);
    const [first] = await session().workflows!.byCluster!(uuid);
    expect(first).toMatchObject({ kind: 'HostTask', state: 'FAILED', rawState: '10011', message: expect.stringMatching(/host task failed/) });
    expect(first!.progress).toBeGreaterThan(0);
    expect(first!.progress).toBeLessThan(1);
  });

  it('answers null for unknown workflow ids', async () => {
    const [t] = await rawClusters();
    expect(await session().workflows!.get(`${t!.uuid}/host-task/no-such-host`)).toBeNull();
    expect(await session().workflows!.get(`no-such-cluster/inspection/x`)).toBeNull();
    expect(await session().workflows!.get('garbage')).toBeNull();
  });
});

describe('hci adapter: one session', () => {
  it('never sends the same GET twice across readers', async () => {
    const truth = await rawClusters();
    sim.resetStats();
    const s = session();
    await s.clusters!.list({});
    await Promise.all(truth.map((t) => s.hosts!.byCluster!(t.uuid)));
    await s.snapshots!.list({});
    await s.workflows!.list({});
    await Promise.all(truth.map((t) => s.clusters!.get(t.uuid)));
    const routes = calls();
    // Hosts, workflows and clusters share each cluster's compute statistic.
    expect(routes['GET /v1/cluster/compute/service/statistic']).toBe(truth.length);
    expect(routes['GET /v1/cluster/get']).toBe(truth.length);
  });
});

describe('hci adapter: source', () => {
  it('needs no credentials, declares what it serves, probes with one call', async () => {
    expect(adapter.info).toMatchObject({ id: SOURCE_ID, kind: 'hci' });
    expect(adapter.capabilities.entities).toEqual(['clusters', 'hosts', 'snapshots', 'workflows']);
    sim.resetStats();
    await adapter.probe();
    expect(sim.stats().urls).toEqual({ 'GET /v1/cluster/list?page_num=0&page_size=1': 1 });
    expect(adapter.health().health).toBe('UP');
  });

  it('malformed bodies → SOURCE_BAD_RESPONSE naming the source', async () => {
    sim.setFaults({ malformed: true });
    const err = await failure(() => session().clusters!.list({}));
    expect(err).toMatchObject({ code: 'SOURCE_BAD_RESPONSE', sourceId: SOURCE_ID });
    expect(err.message).toContain(SOURCE_ID);
  });

  it('a vendor down → SOURCE_UNAVAILABLE; a proxy’s HTML 5xx page → SOURCE_UNAVAILABLE', async () => {
    sim.setFaults({ down: true });
    expect(await failure(() => session().hosts!.list({}))).toMatchObject({ code: 'SOURCE_UNAVAILABLE', sourceId: SOURCE_ID });
    sim.setFaults({ down: false, htmlErrors: true, errorRate: 1 });
    // A fresh adapter, so the failure above has not opened the circuit for it.
    const fresh = build();
    expect(await failure(() => session(fresh).snapshots!.list({}))).toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      sourceId: SOURCE_ID,
      detail: { httpStatus: 500 },
    });
    await fresh.close();
  });

  it('a vendor error envelope → SOURCE_ERROR with its code, message and HTTP status', async () => {
    sim.setFaults({ errorRate: 1, errorStatus: 409 });
    const err = await failure(() => session().clusters!.list({}));
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', sourceId: SOURCE_ID, detail: { vendorCode: '409', httpStatus: 409 } });
    expect(err.detail.vendorMessage).toBeTruthy();
  });
});

describe('hci adapter: its own capabilities', () => {
  const vendor = (a: SourceAdapter = adapter) => a.vendor as HciVendor;
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';

  it('draws a cluster’s network from one topology call in the canvas asked for, and links each drawn host to its host through the detail', async () => {
    const [t] = await rawClusters();
    const canvas = { width: 800, height: 600 };
    const answer = (await call(sim, 'POST', '/v1/cluster/all_cluster/topology', { body: { ...canvas, cluster_uuid: t!.uuid } })).body.data.info[t!.uuid];
    sim.resetStats();
    const scope = new RequestScope();
    const drawn = (await vendor().networkTopology(scope, t!.uuid, canvas))!;
    expect(sim.stats().routes).toEqual({ 'POST /v1/cluster/all_cluster/topology': 1 });
    expect(drawn.clusterName).toBe(t!.name);
    const ids = (vms: Array<{ nativeId: string }>) => vms.map((v) => v.nativeId);
    // The same places as the vendor drew in that canvas: the canvas was sent.
    expect(drawn.hosts.map((h) => [h.address, h.x, h.y, ids(h.platformVms), ids(h.securityVms), ids(h.vms), h.interfaces.map((i) => i.healthy)])).toEqual(
      Object.entries(answer.HostIFacesInfo).map(([address, h]: [string, any]) => [
        address,
        h.CoordinateX,
        h.CoordinateY,
        h.Hosts.map((v: any) => v.UUID),
        h.SecVirtMachine.map((v: any) => v.VmSeverUUID),
        h.VirtMachine.map((v: any) => v.UUID),
        Object.values(h.IFacesInfo).map((i: any) => i.Health),
      ]),
    );
    expect(drawn.hosts.flatMap((h) => h.vms).length).toBeGreaterThan(0);
    const links = (await vendor().hostsByAddress(scope, t!.uuid))!;
    expect(calls()).toEqual({ 'POST /v1/cluster/all_cluster/topology': 1, 'GET /v1/cluster/get': 1 });
    expect(drawn.hosts.map((h) => links.get(h.address))).toEqual(t!.detail.TopoHostNode.map((n: any) => hostId(t!.uuid, n.UUID)));
    expect(await vendor().networkTopology(new RequestScope(), UNKNOWN, canvas)).toBeNull();
    expect(await vendor().hostsByAddress(new RequestScope(), UNKNOWN)).toBeNull();
  });

  it('refuses a canvas out of bounds before asking the vendor', async () => {
    const [t] = await rawClusters();
    sim.resetStats();
    await expect(vendor().networkTopology(new RequestScope(), t!.uuid, { width: 50, height: 550 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'width',
    });
    expect(sim.stats().routes).toEqual({});
  });

  it('lists the latest inspection’s findings item by item, as the vendor reports them, in one call shared with its workflow', async () => {
    const [t] = await rawClusters();
    await call(sim, 'POST', '/v1/cluster/inspection', { body: { cluster_uuid: t!.uuid, cluster_name: t!.name, check_system: true, check_hardware: true } });
    sim.advance(60 * 60_000);
    const report = (await raw(`/v1/cluster/inspection/progress?cluster_uuid=${t!.uuid}`)).data;
    sim.resetStats();
    const scope = new RequestScope();
    const [inspection, workflows] = await Promise.all([vendor().inspection(scope, t!.uuid), adapter.session(scope).workflows!.byCluster!(t!.uuid)]);
    expect(calls()).toMatchObject({ 'GET /v1/cluster/inspection/progress': 1 });
    expect(inspection!.workflow).toEqual(workflows.find((w) => w.kind === 'InspectCluster'));
    expect(inspection!.workflow).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    const vendorItems = [...report.system, ...report.hardware];
    expect(vendorItems.length).toBeGreaterThan(0);
    expect(inspection!.findings.map((f) => [f.category, f.hostNativeId, f.item, f.rawLevel, f.value])).toEqual(
      vendorItems.map((i: any) => [report.system.includes(i) ? 'system' : 'hardware', hostId(t!.uuid, i.host_uuid), i.item, String(i.level), i.value]),
    );
    expect(inspection!.findings.filter((f) => f.level === 'NORMAL')).toHaveLength(report.normal);
    expect(inspection!.findings.filter((f) => f.level === 'ALARM' || f.level === 'FAULT')).toHaveLength(report.alarm + report.fault);
    expect(inspection!.findings.some((f) => f.category === 'network')).toBe(false);
    expect(await vendor().inspection(new RequestScope(), UNKNOWN)).toBeNull();
  });

  it('ranks hosts by any figure from one call per cluster and count, as the vendor ranks them', async () => {
    const [t] = await rawClusters();
    const answer = (await raw(`/v1/cluster/top?cluster_uuid=${t!.uuid}&count=3`)).data;
    sim.resetStats();
    const scope = new RequestScope();
    const [cpu, iowait, netIn] = await Promise.all(
      (['cpu_usage_info', 'disk_wiowait_usage_info', 'net_riops_usage_info'] as const).map((r) => vendor().topHosts(scope, t!.uuid, 3, r)),
    );
    expect(calls()).toEqual({ 'GET /v1/cluster/top': 1 });
    expect(cpu!.map((u) => [u.hostNativeId, u.cpuPercent])).toEqual(answer.cpu_usage_info.map((u: any) => [hostId(t!.uuid, u.host_info.uuid), u.cpu_usage]));
    expect(iowait!.map((u) => u.diskWriteIowait)).toEqual(answer.disk_wiowait_usage_info.map((u: any) => u.disk_wiowait));
    expect(netIn!.map((u) => u.netReceiveIops)).toEqual(answer.net_riops_usage_info.map((u: any) => u.net_riops));
    expect(cpu).toHaveLength(3);
    expect(await vendor().topHosts(new RequestScope(), UNKNOWN, 3, 'cpu_usage_info')).toBeNull();
  });

  it('reads DRS and DPM as the vendor has them, in one call', async () => {
    const [t] = await rawClusters();
    const { DRS, DPM } = (await raw(`/v1/cluster/compute/service/drsconfig/get?cluster_uuid=${t!.uuid}`)).data.config;
    sim.resetStats();
    expect(await vendor().drs(new RequestScope(), t!.uuid)).toEqual({
      drs: {
        enabled: DRS.Enabled,
        maxStep: DRS.MaxStep,
        maxConcurrentMigrations: DRS.MaxConcurrentMigration,
        maxHostConcurrentMigrations: DRS.MaxHostConcurrentMigration,
        thresholdLevel: DRS.ThresholdLevel,
        minBenefitLevel: DRS.MinBenefitLevel,
      },
      dpm: { enabled: DPM.Enabled, highThreshold: DPM.HighThreshold, lowThreshold: DPM.LowThreshold },
    });
    expect(calls()).toEqual({ 'GET /v1/cluster/compute/service/drsconfig/get': 1 });
    expect(await vendor().drs(new RequestScope(), UNKNOWN)).toBeNull();
  });

  it('changes DRS/DPM and the over-allocation caps, one write each, and reads them back; the vendor’s refusal is its error', async () => {
    const [t] = await rawClusters();
    sim.resetStats();
    const done = { target: { type: 'Cluster', nativeId: t!.uuid } };
    expect(await vendor().setDrs(new RequestScope(), t!.uuid, { drs: { enabled: false, thresholdLevel: 1 }, dpm: { enabled: true } })).toEqual(done);
    expect(await vendor().setOverAllocation(new RequestScope(), t!.uuid, { cpu: 0.8, storage: 0.7 })).toEqual(done);
    expect(calls()).toEqual({ 'POST /v1/cluster/compute/service/drsconfig/update': 1, 'POST /v1/cluster/set/global/config': 1 });
    const drs = (await vendor().drs(new RequestScope(), t!.uuid))!;
    expect(drs.drs).toMatchObject({ enabled: false, thresholdLevel: 1, maxStep: 4 });
    expect(drs.dpm).toMatchObject({ enabled: true, highThreshold: 0.8 });
    expect(await vendor().overAllocation(new RequestScope(), t!.uuid)).toMatchObject({ cpu: 0.8, storage: 0.7 });
    // DPM's low threshold above the high one it keeps: only the vendor knows the high one.
    expect(await failure(() => vendor().setDrs(new RequestScope(), t!.uuid, { dpm: { lowThreshold: 0.9 } }))).toMatchObject({
      code: 'SOURCE_ERROR',
      detail: { httpStatus: 400, vendorCode: '10002' },
    });
    await expect(vendor().setOverAllocation(new RequestScope(), UNKNOWN, { cpu: 0.5 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await vendor().overAllocation(new RequestScope(), UNKNOWN)).toBeNull();
  });

  it('reads the management plane: the licence and every center node’s etcd member, in one call', async () => {
    const [t] = await rawClusters();
    const nodes = (await raw(`/v1/cluster/cloud/manage?cluster_uuid=${t!.uuid}`)).data.host_info;
    sim.resetStats();
    const management = (await vendor().management(new RequestScope(), t!.uuid))!;
    expect(calls()).toEqual({ 'GET /v1/cluster/cloud/manage': 1 });
    expect(management.centerNodes.map((n) => [n.hostNativeId, n.address, n.leader, n.etcd?.healthy ?? null])).toEqual(
      nodes.map((n: any) => [
        hostId(t!.uuid, n.uuid),
        n.ip,
        n.is_leader,
        n.etcd_base_info?.etcd_cluter_health ? n.etcd_base_info.etcd_cluter_health === 'health' : null,
      ]),
    );
    expect(management.centerNodes.filter((n) => n.leader)).toHaveLength(1);
    expect(management.centerNodes.map((n) => n.etcd?.dbSizeBytes ?? null)).toEqual(
      nodes.map((n: any) =>
        n.etcd_base_info?.etcd_debugging_mvcc_db_total_size_in_bytes ? Number(n.etcd_base_info.etcd_debugging_mvcc_db_total_size_in_bytes) : null,
      ),
    );
    expect(management.centerNodes.some((n) => (n.etcd?.dbSizeBytes ?? 0) > 0)).toBe(true);
    const leader = nodes.find((n: any) => n.is_leader);
    expect(management.licenceExpiresAt).toBe(new Date(leader.license_expire_date * 1000).toISOString());
    expect(await vendor().management(new RequestScope(), UNKNOWN)).toBeNull();
  });

  it('reads each center node’s metadata backup schedule and daemon: the cluster’s detail, then two calls per center node', async () => {
    const [t] = await rawClusters();
    const centers: string[] = t!.detail.candidates;
    const expected = await Promise.all(
      centers.map(async (ip) => ({
        config: (await raw(`/v1/cluster/data/snapshot/config/inspect?cluster_uuid=${t!.uuid}&ip=${ip}`)).data.meta_data.SnapshotConfig,
        daemon: (await raw(`/v1/cluster/data/daemon/state?cluster_uuid=${t!.uuid}&ip=${ip}`)).data.meta_data.DaemonState,
      })),
    );
    await call(sim, 'POST', '/v1/cluster/data/daemon/stop', { body: { cluster_uuid: t!.uuid, ip: centers[0] } });
    sim.resetStats();
    const backups = (await vendor().metadataBackups(new RequestScope(), t!.uuid))!;
    expect(calls()).toEqual({
      'GET /v1/cluster/get': 1,
      'GET /v1/cluster/data/snapshot/config/inspect': centers.length,
      'GET /v1/cluster/data/daemon/state': centers.length,
    });
    expect(backups.map((b) => [b.address, b.intervalSeconds])).toEqual(centers.map((ip, i) => [ip, expected[i]!.config.duration]));
    expect(backups.map((b) => b.daemonRunning)).toEqual(centers.map((_, i) => i > 0 && expected[i]!.daemon === 'running'));
    expect(await vendor().metadataBackups(new RequestScope(), UNKNOWN)).toBeNull();
  });

  it('changes the metadata backup schedule and stops and starts the daemon on a center node, each once, after its detail names the node', async () => {
    const [, t] = await rawClusters();
    const ip: string = t!.detail.candidates[0];
    sim.resetStats();
    const scope = new RequestScope();
    expect(await vendor().setMetadataBackupSchedule(scope, t!.uuid, ip, { intervalSeconds: 86_400, displayOption: 'day' })).toEqual({
      target: { type: 'Cluster', nativeId: t!.uuid },
    });
    await vendor().setMetadataBackupDaemon(scope, t!.uuid, ip, false);
    expect(sim.stats().routes).toEqual({
      'GET /v1/cluster/get': 1,
      'POST /v1/cluster/data/snapshot/config/update': 1,
      'POST /v1/cluster/data/daemon/stop': 1,
    });
    const [after] = (await vendor().metadataBackups(new RequestScope(), t!.uuid))!;
    expect(after).toMatchObject({ address: ip, intervalSeconds: 86_400, displayOption: 'day', daemonRunning: false });
    await vendor().setMetadataBackupDaemon(new RequestScope(), t!.uuid, ip, true);
    expect((await vendor().metadataBackups(new RequestScope(), t!.uuid))![0]).toMatchObject({ daemonRunning: true, rawDaemonState: 'running' });
  });

  it('refuses an address that is no center node of the cluster, and a cluster that is gone, before any write', async () => {
    const [t] = await rawClusters();
    sim.resetStats();
    await expect(vendor().setMetadataBackupDaemon(new RequestScope(), t!.uuid, '10.255.255.254', false)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'address',
    });
    await expect(
      vendor().setMetadataBackupSchedule(new RequestScope(), t!.uuid, t!.detail.candidates[0], { intervalSeconds: 0, displayOption: 'hour' }),
    ).rejects.toMatchObject({ field: 'input.intervalSeconds' });
    await expect(vendor().setMetadataBackupDaemon(new RequestScope(), UNKNOWN, '10.0.0.1', true)).rejects.toBeInstanceOf(NotFoundError);
    expect(Object.keys(sim.stats().routes).filter((r) => r.startsWith('POST'))).toEqual([]);
  });
});
