import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config.js';
import { ConfigError } from '../../../src/config.js';
import { NotFoundError, ValidationError } from '../../../src/model/errors.js';
import { createMetrics } from '../../../src/metrics.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import { createDwsAdapter } from '../../../src/sources/dws/index.js';
import type { DwsVendor } from '../../../src/sources/dws/vendor.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { dwsSimulator } from '../../../src/simulators/dws/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { createBody, client as simClient, idleCluster, MIN } from '../../simulators/dws/support.js';
import { failure, rejectionOf } from '../../helpers/rejection.js';
import { withoutRaw } from '../../helpers/shape.js';
import { known } from '../../helpers/known.js';

const UNKNOWN_ID = '00000000-1111-4222-8333-444444444444';
const LOGIN = 'POST /v3/auth/tokens';
const CLUSTERS = 'GET /v1.0/{project_id}/clusters';
const CNS = 'GET /v1.0/{project_id}/clusters/{cluster_id}/cns';
const SNAPSHOTS = 'GET /v1.0/{project_id}/snapshots';
const CLUSTER_SNAPSHOTS = 'GET /v1.0/{project_id}/clusters/{cluster_id}/snapshots';
const EVENTS = 'GET /v2/{project_id}/events';
const ALARMS = 'GET /v2/{project_id}/alarms';

let sim: RunningSimulator;
let adapter: SourceAdapter;

const config = (overrides: Partial<SourceConfig> = {}): SourceConfig => ({
  id: 'dws-test',
  kind: 'dws',
  name: 'DWS test',
  url: sim.url,
  timeoutMs: 2_000,
  retries: 0,
  concurrency: 4,
  credentials: { ...sim.credentials },
  ...overrides,
});
const build = (overrides: Partial<SourceConfig> = {}) => createDwsAdapter(config(overrides), { metrics: createMetrics() });
const session = (a: SourceAdapter = adapter) => {
  const s = a.session(new RequestScope());
  return { clusters: s.clusters!, hosts: s.hosts!, snapshots: s.snapshots!, events: s.events!, workflows: s.workflows! };
};
const routes = () => sim.stats().routes;
/** Vendor calls since the last resetStats, logins left out. */
const vendorCalls = () =>
  Object.entries(routes())
    .filter(([r]) => r !== LOGIN)
    .reduce((n, [, c]) => n + c, 0);
const repeatedUrls = () => Object.entries(sim.stats().urls).filter(([, n]) => n > 1);

beforeAll(async () => {
  sim = await startSimulator(dwsSimulator, { speed: 1, operationFailureRate: 0 });
  adapter = build();
});
afterAll(async () => {
  await adapter.close();
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  sim.resetStats();
  // A reset forgets every token: a fresh adapter keeps call counts free of re-logins.
  await adapter.close();
  adapter = build();
});

describe('dws adapter: readers', () => {
  it('lists clusters in one call and gets one by id from its detail', async () => {
    const r = session();
    const all = await r.clusters.list({});
    expect(all).toHaveLength(24);
    expect(routes()[CLUSTERS]).toBe(1);
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['CREATING', 'UPDATING', 'FAILED', 'DEGRADED', 'DELETING', 'RUNNING', 'STOPPED', 'DELETED']));
    for (const c of all) expect(c).toMatchObject({ sourceId: 'dws-test', kind: 'DATA_WAREHOUSE', region: 'cn-north-4' });
    const showcase = all.find((c) => known(c.labels).length === 2 && known(c.endpoints).some((e) => e.public));
    expect(showcase).toBeDefined();

    const fresh = session();
    const one = await fresh.clusters.get(all[3]!.nativeId);
    expect(withoutRaw(one)).toEqual(withoutRaw(all[3]));
    expect(routes()['GET /v1.0/{project_id}/clusters/{cluster_id}']).toBe(1);
    expect(await fresh.clusters.get(UNKNOWN_ID)).toBeNull();
  });

  it('reads hosts of 24 clusters with one cluster list and one CN list per cluster', async () => {
    const r = session();
    const clusters = await r.clusters.list({});
    sim.resetStats();
    const hosts = await Promise.all(clusters.map((c) => r.hosts.byCluster!(c.nativeId)));
    expect(routes()[CLUSTERS]).toBeUndefined(); // already fetched by this request
    expect(routes()[CNS]).toBe(24);
    expect(vendorCalls()).toBe(24);
    const flat = hosts.flat();
    // Every member node, plus nodes still joining or idle (which number_of_node leaves out).
    for (const [i, c] of clusters.entries()) expect(hosts[i]!.length).toBeGreaterThanOrEqual(known(c.nodeCount) ?? 0);
    const cn = flat.find((h) => h.role === 'CN' && h.rawStatus === '200');
    expect(cn).toMatchObject({ addresses: [expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/)], status: 'ONLINE' });
    expect(flat.some((h) => h.role === 'IDLE')).toBe(true);

    const again = session();
    expect(await again.hosts.get(cn!.nativeId)).toEqual(cn);
    expect(await again.hosts.get(UNKNOWN_ID)).toBeNull();
    expect(await again.hosts.list({ clusterNativeId: cn!.clusterNativeId! })).toEqual(hosts[clusters.findIndex((c) => c.nativeId === cn!.clusterNativeId)]);
  });

  it('groups snapshots by cluster from ONE project-wide list call', async () => {
    const r = session();
    const clusters = await r.clusters.list({});
    sim.resetStats();
    const perCluster = await Promise.all(clusters.map((c) => r.snapshots.byCluster!(c.nativeId)));
    expect(routes()).toEqual({ [SNAPSHOTS]: 1 });
    const all = await r.snapshots.list({});
    expect(perCluster.flat()).toHaveLength(all.length);
    for (const [i, list] of perCluster.entries()) for (const s of list) expect(s.clusterNativeId).toBe(clusters[i]!.nativeId);
    const s = all.find((x) => x.status === 'AVAILABLE')!;
    expect(s).toMatchObject({ sizeBytes: expect.any(Number), startedAt: expect.any(String), finishedAt: expect.any(String) });
    expect(new Set(all.map((x) => x.type))).toEqual(new Set(['MANUAL', 'AUTOMATED']));
    expect(withoutRaw(await r.snapshots.get(s.nativeId))).toEqual(withoutRaw(s));
    expect(await r.snapshots.get(UNKNOWN_ID)).toBeNull();
    expect(await r.snapshots.get('not-a-snapshot-id')).toBeNull();
  });

  it('pushes a cluster filter down to the per-cluster list and pages it by page index', async () => {
    const r = session();
    const all = await r.snapshots.list({});
    const counts = new Map<string, number>();
    for (const s of all) counts.set(s.clusterNativeId!, (counts.get(s.clusterNativeId!) ?? 0) + 1);
    const [clusterId, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    sim.resetStats();
    const own = await r.snapshots.list({ clusterNativeId: clusterId });
    expect(routes()).toEqual({ [CLUSTER_SNAPSHOTS]: 1 });
    expect(own).toHaveLength(count);
    // Every window of two, walked to the end, is the list in order.
    const walked = [];
    for (let offset = 0; offset < count; offset += 2) {
      const w = await r.snapshots.window!({ clusterNativeId: clusterId }, offset, 2);
      expect(w.total).toBe(count);
      walked.push(...w.items);
    }
    expect(walked.map((s) => s.nativeId)).toEqual(own.map((s) => s.nativeId));
    expect(Object.keys(sim.stats().urls).filter((u) => u.includes('limit=2')).length).toBe(Math.ceil(count / 2));
    // An odd window straddling page boundaries is one call for one page that holds it.
    sim.resetStats();
    const odd = await r.snapshots.window!({ clusterNativeId: clusterId }, 1, 2);
    expect(odd.items.map((s) => s.nativeId)).toEqual(own.slice(1, 3).map((s) => s.nativeId));
    expect(routes()[CLUSTER_SNAPSHOTS]).toBe(1);
    expect(await r.snapshots.list({ clusterNativeId: UNKNOWN_ID })).toEqual([]);
  });

  it('merges events and alarms newest first; byCluster for every cluster is one walk of each list', async () => {
    const r = session();
    const clusters = await r.clusters.list({});
    sim.resetStats();
    const perCluster = await Promise.all(clusters.map((c) => r.events.byCluster!(c.nativeId)));
    // Events, alarms, and the snapshot list that says whose backup events are.
    expect(routes()).toEqual({ [EVENTS]: 1, [ALARMS]: 1, [SNAPSHOTS]: 1 });
    const all = await r.events.list({});
    const alarms = all.filter((e) => e.nativeId.startsWith('alarm:'));
    expect(alarms.length).toBeGreaterThan(0);
    for (const a of alarms) expect(['WARNING', 'ERROR', 'CRITICAL']).toContain(a.severity);
    expect(new Set(all.map((e) => e.nativeId)).size).toBe(all.length);
    expect([...all].sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0)).map((e) => e.occurredAt)).toEqual(
      all.map((e) => e.occurredAt),
    );
    const attributed = perCluster.flat();
    expect(attributed.some((e) => e.category === 'alarm')).toBe(true);
    // Backup events reach their cluster through the snapshot list.
    expect(attributed.some((e) => /snapshot/i.test(e.message))).toBe(true);

    const w = await r.events.window!({}, 5, 10);
    expect(w.items).toEqual(all.slice(5, 15));
    expect(w.total).toBe(all.length);
    expect(await r.events.get(alarms[0]!.nativeId)).toEqual(alarms[0]);
    expect(await r.events.get(all[0]!.nativeId)).toEqual(all[0]);
    expect(await r.events.get(UNKNOWN_ID)).toBeNull();
  });

  it('never sends the same GET twice in one request', async () => {
    const r = session();
    const clusters = await r.clusters.list({});
    await Promise.all(
      clusters.flatMap((c) => [
        r.clusters.get(c.nativeId),
        r.hosts.byCluster!(c.nativeId),
        r.snapshots.byCluster!(c.nativeId),
        r.events.byCluster!(c.nativeId),
        r.workflows.byCluster!(c.nativeId),
      ]),
    );
    await Promise.all([r.snapshots.list({}), r.events.list({}), r.workflows.list({}), r.hosts.list({})]);
    expect(repeatedUrls()).toEqual([]);
    expect(routes()[CLUSTERS]).toBe(1);
  });

  it('probes with one cheap call', async () => {
    const a = build();
    try {
      await a.probe();
      expect(routes()).toEqual({ [LOGIN]: 1, [EVENTS]: 1 });
      expect(Object.keys(sim.stats().urls).some((u) => u.endsWith('/events?offset=0&limit=1'))).toBe(true);
    } finally {
      await a.close();
    }
  });
});

describe('dws adapter: pagination', () => {
  it('walks every page of a long event list', async () => {
    const big = await startSimulator(dwsSimulator, { speed: 1, operationFailureRate: 0, clusters: 400 });
    const a = createDwsAdapter({ ...config(), url: big.url, credentials: { ...big.credentials } }, { metrics: createMetrics() });
    try {
      const events = await a.session(new RequestScope()).events!.list({});
      const pages = Object.keys(big.stats().urls).filter((u) => u.startsWith('GET /v2/') && u.includes('/events'));
      expect(events.length).toBeGreaterThan(1000);
      expect(pages.length).toBe(Math.ceil((events.length - events.filter((e) => e.nativeId.startsWith('alarm:')).length) / 1000));
      expect(pages.some((u) => u.includes('offset=1&limit=1000'))).toBe(true);
    } finally {
      await a.close();
      await big.close();
    }
  });
});

describe('dws adapter: workflows', () => {
  it('synthesizes running workflows and settles them once the cluster is idle', async () => {
    const r = session();
    const all = await r.workflows.list({});
    const running = all.filter((w) => w.state === 'RUNNING');
    expect(running.length).toBeGreaterThan(5);
    for (const w of running) {
      expect(w.target?.type).toMatch(/Cluster|Snapshot/);
      expect(w.clusterNativeId).toBeDefined();
      if (w.progress !== undefined) expect(w.progress).toBeGreaterThanOrEqual(0);
    }
    expect(all.some((w) => w.state === 'FAILED' && w.message)).toBe(true);
    const reboot = all.find((w) => w.kind === 'RestartCluster' && w.state === 'RUNNING')!;
    expect(withoutRaw(await session().workflows.get(reboot.nativeId))).toEqual(withoutRaw(reboot));

    sim.advance(60 * MIN);
    const later = await session().workflows.get(reboot.nativeId);
    expect(later).toMatchObject({ nativeId: reboot.nativeId, state: 'SUCCEEDED', progress: 1 });
    const snapshot = all.find((w) => w.kind === 'CreateSnapshot' && w.state === 'RUNNING')!;
    expect(await session().workflows.get(snapshot.nativeId)).toMatchObject({ state: 'SUCCEEDED', finishedAt: expect.any(String) });
    expect(await session().workflows.get('no-such-workflow')).toBeNull();
  });

  it('follows a restart the gateway did not start, to FAILED when it fails', async () => {
    const vendor = await simClient(sim);
    const target = await idleCluster(vendor);
    sim.setFaults({ operationFailureRate: 1 });
    expect((await vendor.post(`/clusters/${target.id}/restart`, { restart: {} })).status).toBe(200);
    const w = (await session().workflows.byCluster!(target.id)).find((x) => x.kind === 'RestartCluster');
    expect(w).toMatchObject({ state: 'RUNNING', target: { type: 'Cluster', nativeId: target.id } });
    sim.advance(10 * MIN);
    expect(await session().workflows.get(w!.nativeId)).toMatchObject({ state: 'FAILED', message: expect.stringContaining('restart') });
  });

  it('follows a snapshot creation from CREATING to SUCCEEDED', async () => {
    const vendor = await simClient(sim);
    const target = await idleCluster(vendor);
    const created = await vendor.post('/snapshots', { snapshot: { name: 'adapter-test', cluster_id: target.id } });
    const id = `snapshot:${created.body.snapshot.id}:CREATE`;
    const listed = (await session().workflows.list({})).filter((w) => w.clusterNativeId === target.id && w.state === 'RUNNING');
    expect(listed).toHaveLength(1); // the cluster's SNAPSHOTTING is this snapshot's creation
    expect(listed[0]).toMatchObject({ nativeId: id, state: 'RUNNING', kind: 'CreateSnapshot' });
    sim.advance(30 * MIN);
    expect(await session().workflows.get(id)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
  });
});

describe('dws adapter: its own capabilities', () => {
  const vendor = (a: SourceAdapter = adapter) => a.vendor as DwsVendor;

  it('reads what a create form offers, one vendor call each, as the vendor lists them', async () => {
    const raw = await simClient(sim);
    const [rawZones, rawTypes, rawQuotas] = await Promise.all([raw.get('/availability-zones'), raw.get('/v2/{pid}/node-types'), raw.get('/quotas')]);
    sim.resetStats();
    const scope = new RequestScope();
    const [zones, types, quotas] = await Promise.all([vendor().availabilityZones(scope), vendor().nodeTypes(scope), vendor().quotas(scope)]);
    expect(routes()).toEqual({
      [LOGIN]: 1,
      'GET /v1.0/{project_id}/availability-zones': 1,
      'GET /v2/{project_id}/node-types': 1,
      'GET /v1.0/{project_id}/quotas': 1,
    });

    expect(zones.map((z) => [z.code, z.available])).toEqual(rawZones.body.availability_zones.map((z: any) => [z.code, z.status === 'available']));
    expect(zones.some((z) => !z.available)).toBe(true);
    expect(types.map((t) => [t.nativeId, t.specName])).toEqual(rawTypes.body.node_types.map((t: any) => [t.id, t.spec_name]));
    // Sold out or withdrawn in a zone: offered there, but not available.
    const soldOut = types.flatMap((t) => t.zones.filter((z) => !z.available).map((z) => z.rawStatus));
    expect(new Set(soldOut)).toEqual(new Set(['sellout', 'abandon']));
    expect(types.map((t) => [t.vcpus, t.memoryBytes, t.versions.length])).toEqual(
      rawTypes.body.node_types.map((t: any) => [t.vcpus, t.ram * 1024 ** 3, t.datastores.length]),
    );
    expect(quotas).toEqual(rawQuotas.body.quotas.resources.map((q: any) => ({ resource: q.type, used: Number(q.used), limit: Number(q.quota), unit: q.unit })));
    expect(quotas.find((q) => q.resource === 'instances')!.used).toBeGreaterThan(0);
  });

  it('counts a new cluster’s nodes in the quotas', async () => {
    const before = await vendor().quotas(new RequestScope());
    const raw = await simClient(sim);
    const [type] = await vendor().nodeTypes(new RequestScope());
    const zone = type!.zones.find((z) => z.available)!.code;
    expect((await raw.post('/clusters', createBody('quota-test', { node_type: type!.nativeId, availability_zone: zone, number_of_node: 3 }))).status).toBe(200);
    const after = await vendor().quotas(new RequestScope());
    const used = (qs: typeof before, r: string) => qs.find((q) => q.resource === r)!.used;
    expect(used(after, 'instances') - used(before, 'instances')).toBe(3);
    expect(used(after, 'core') - used(before, 'core')).toBe(3 * type!.vcpus!);
  });

  it('resets the administrator’s password in one write, done at once, and reads DWS’s refusal of the same one again', async () => {
    const raw = await simClient(sim);
    const target = await idleCluster(raw);
    sim.resetStats();
    const scope = new RequestScope();
    expect(await vendor().resetPassword(scope, target.id, 'NewPassw0rd!')).toEqual({ target: { type: 'Cluster', nativeId: target.id } });
    expect(routes()).toMatchObject({ 'GET /v1.0/{project_id}/clusters/{cluster_id}': 1, 'POST /v1.0/{project_id}/clusters/{cluster_id}/reset-password': 1 });
    const again = await failure(vendor().resetPassword(new RequestScope(), target.id, 'NewPassw0rd!'));
    expect(again).toMatchObject({ code: 'SOURCE_ERROR', detail: { httpStatus: 400, vendorCode: 'DWS.5144' } });
    // The administrator's name is read from the cluster: refused before anything is sent.
    sim.resetStats();
    const named = await rejectionOf(vendor().resetPassword(new RequestScope(), target.id, `X${target.user_name}_2024!`), ValidationError);
    expect(named).toMatchObject({ code: 'VALIDATION_FAILED', field: 'newPassword' });
    expect(routes()['POST /v1.0/{project_id}/clusters/{cluster_id}/reset-password']).toBeUndefined();
    await rejectionOf(vendor().resetPassword(new RequestScope(), UNKNOWN_ID, 'NewPassw0rd!'), NotFoundError);
  });

  it('cancels a cluster’s read-only state once; a second time DWS refuses', async () => {
    const raw = await simClient(sim);
    const readonly = (await raw.get('/clusters')).body.clusters.find((c: any) => (c.sub_status ?? '').split(' ').includes('READONLY'));
    expect(await vendor().cancelReadOnly(new RequestScope(), readonly.id)).toEqual({ target: { type: 'Cluster', nativeId: readonly.id } });
    expect((await raw.get(`/clusters/${readonly.id}`)).body.cluster.sub_status.split(' ')).not.toContain('READONLY');
    expect(await failure(vendor().cancelReadOnly(new RequestScope(), readonly.id))).toMatchObject({
      code: 'SOURCE_ERROR',
      detail: { httpStatus: 400, vendorCode: 'DWS.5095' },
    });
    await rejectionOf(vendor().cancelReadOnly(new RequestScope(), UNKNOWN_ID), NotFoundError);
  });

  it('reads a cluster’s snapshot policy, adds, edits and deletes a strategy, one write each', async () => {
    const raw = await simClient(sim);
    const target = await idleCluster(raw);
    const policy = await vendor().snapshotPolicy(new RequestScope(), target.id);
    expect(policy).toMatchObject({ automated: true, device: 'OBS', retentionDays: 3 });
    expect(policy!.strategies.map((s) => [s.type, s.schedule])).toEqual([
      ['full', '0 0 2 ? * 1'],
      ['increment', '0 7 2/8 ? * 2,3,4,5,6,7'],
    ]);
    expect(policy!.strategies.every((s) => s.nextRunAt !== null && Date.parse(s.nextRunAt) > sim.clock.now())).toBe(true);

    sim.resetStats();
    const change = { retentionDays: 7, strategies: [{ name: 'test', schedule: '0 0 3 ? * 1,2,3,4,5,6,7', type: 'full' as const }] };
    expect(await vendor().setSnapshotPolicy(new RequestScope(), target.id, change)).toEqual({ target: { type: 'Cluster', nativeId: target.id } });
    expect(routes()['PUT /v2/{project_id}/clusters/{cluster_id}/snapshot-policies']).toBe(1);
    const added = (await vendor().snapshotPolicy(new RequestScope(), target.id))!;
    expect(added.retentionDays).toBe(7);
    const test = added.strategies.find((s) => s.name === 'test')!;
    expect(new Date(test.nextRunAt!).toISOString().slice(11, 19)).toBe('03:00:00');

    await vendor().setSnapshotPolicy(new RequestScope(), target.id, { strategies: [{ nativeId: test.nativeId, type: 'increment' }] });
    expect((await vendor().snapshotPolicy(new RequestScope(), target.id))!.strategies.find((s) => s.nativeId === test.nativeId)?.type).toBe('increment');
    // The vendor's own refusal: a name the policy already has.
    expect(await failure(vendor().setSnapshotPolicy(new RequestScope(), target.id, change))).toMatchObject({ detail: { vendorCode: 'DWS.5065' } });

    sim.resetStats();
    await vendor().deleteSnapshotStrategy(new RequestScope(), target.id, test.nativeId);
    expect(routes()).toMatchObject({
      'GET /v2/{project_id}/clusters/{cluster_id}/snapshot-policies': 1,
      'DELETE /v1.0/{project_id}/clusters/{cluster_id}/snapshot-policies/{id}': 1,
    });
    expect((await vendor().snapshotPolicy(new RequestScope(), target.id))!.strategies).toHaveLength(2);
    const again = await rejectionOf(vendor().deleteSnapshotStrategy(new RequestScope(), target.id, test.nativeId), ValidationError);
    expect(again.field).toBe('strategyId');
  });

  it('answers no policy for a cluster that is not there, and NOT_FOUND for a change to one', async () => {
    expect(await vendor().snapshotPolicy(new RequestScope(), UNKNOWN_ID)).toBeNull();
    await rejectionOf(vendor().setSnapshotPolicy(new RequestScope(), UNKNOWN_ID, { retentionDays: 2 }), NotFoundError);
    await rejectionOf(vendor().deleteSnapshotStrategy(new RequestScope(), UNKNOWN_ID, 'any'), NotFoundError);
  });

  it('reads a cluster’s parameter templates and the parameterGroup’s parameters, one call each', async () => {
    const raw = await simClient(sim);
    const target = await idleCluster(raw);
    sim.resetStats();
    const templates = (await vendor().parameterTemplates(new RequestScope(), target.id))!;
    expect(routes()['GET /v1.0/{project_id}/clusters/{cluster_id}/configurations']).toBe(1);
    expect(vendorCalls()).toBe(1);
    expect(templates.map((t) => t.type)).toEqual(['GUConfig', 'hiddenParameterGroup', 'OBSConfig', 'parameterGroup', 'securityParameterGroup']);
    expect(templates.every((t) => t.status === 'IN_SYNC' && t.failReason === null)).toBe(true);
    const group = templates.find((t) => t.type === 'parameterGroup')!;
    const params = (await vendor().parameters(new RequestScope(), target.id, group.nativeId))!;
    expect(routes()['GET /v1.0/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}']).toBe(1);
    expect(params.find((p) => p.name === 'enable_constraint_optimization')).toMatchObject({
      type: 'boolean',
      valueRange: 'on|off',
      cnValue: 'on',
      cnDefault: 'on',
      dnValue: 'on',
      dnDefault: 'on',
    });
    expect(await vendor().parameters(new RequestScope(), target.id, templates[0]!.nativeId)).toEqual([]);
    expect(await vendor().parameterTemplates(new RequestScope(), UNKNOWN_ID)).toBeNull();
    expect(await vendor().parameters(new RequestScope(), target.id, UNKNOWN_ID)).toBeNull();
  });

  it('changes parameters of the parameterGroup as a task, answered as its workflow, which ends when the template is applied', async () => {
    const raw = await simClient(sim);
    const target = await idleCluster(raw);
    sim.resetStats();
    const values = [
      { name: 'enable_constraint_optimization', role: 'cn', value: 'off' },
      { name: 'enable_constraint_optimization', role: 'dn', value: 'off' },
    ] as const;
    const result = await vendor().setParameters(new RequestScope(), target.id, values);
    expect(routes()).toMatchObject({
      'GET /v1.0/{project_id}/clusters/{cluster_id}/configurations': 1,
      'PUT /v2/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}': 1,
      'GET /v1.0/{project_id}/clusters/{cluster_id}': 1,
    });
    expect(vendorCalls()).toBe(3);
    expect(result.target).toEqual({ type: 'Cluster', nativeId: target.id });
    expect(result.workflow).toMatchObject({ kind: 'ConfigureSecurity', state: 'RUNNING', rawState: 'SETTING_CONFIGURATION' });
    expect((await vendor().parameterTemplates(new RequestScope(), target.id))!.find((t) => t.type === 'parameterGroup')!.status).toBe('APPLYING');
    sim.advance(4 * MIN);
    expect(await session().workflows.get(result.workflow!.nativeId)).toMatchObject({ state: 'SUCCEEDED' });
    const group = (await vendor().parameterTemplates(new RequestScope(), target.id))!.find((t) => t.type === 'parameterGroup')!;
    expect(group.status).toBe('IN_SYNC');
    const changed = (await vendor().parameters(new RequestScope(), target.id, group.nativeId))!.find((p) => p.name === 'enable_constraint_optimization')!;
    expect([changed.cnValue, changed.dnValue]).toEqual(['off', 'off']);
  });

  it('refuses an unknown template before any write, and reads DWS’s refusal of a value out of range', async () => {
    const raw = await simClient(sim);
    const target = await idleCluster(raw);
    const values = [{ name: 'session_timeout', role: 'cn', value: '90000' }] as const;
    sim.resetStats();
    const unknown = await rejectionOf(vendor().setParameters(new RequestScope(), target.id, values, UNKNOWN_ID), ValidationError);
    expect(unknown.field).toBe('templateId');
    expect(Object.keys(routes()).filter((r) => !r.startsWith('GET ') && r !== LOGIN)).toEqual([]);
    expect(await failure(vendor().setParameters(new RequestScope(), target.id, values))).toMatchObject({
      code: 'SOURCE_ERROR',
      detail: { httpStatus: 400, vendorCode: 'DWS.5038' },
    });
    await rejectionOf(vendor().setParameters(new RequestScope(), UNKNOWN_ID, values), NotFoundError);
  });

  it('creates, lists, changes and deletes alarm and event subscriptions, one vendor call each (a change reads the list first)', async () => {
    const raw = await simClient(sim);
    const topic = { topicUrn: `urn:smn:cn-north-4:${raw.projectId}:ops`, topicName: 'ops' };
    sim.resetStats();
    expect(await vendor().createSubscription(new RequestScope(), 'alarm', { name: 'oncall', levels: ['urgent'], timeZone: 'GMT+08:00', ...topic })).toEqual({});
    expect(await vendor().createSubscription(new RequestScope(), 'event', { name: 'audit', categories: ['security'], ...topic })).toEqual({});
    expect(routes()).toMatchObject({ 'POST /v2/{project_id}/alarm-subs': 1, 'POST /v2/{project_id}/event-subs': 1 });

    sim.resetStats();
    const [alarm] = await vendor().subscriptions(new RequestScope(), 'alarm');
    const [event] = await vendor().subscriptions(new RequestScope(), 'event');
    expect(vendorCalls()).toBe(2);
    expect(alarm).toMatchObject({ name: 'oncall', enabled: true, levels: ['urgent'], topicUrn: topic.topicUrn, topicType: 'SMN', timeZone: 'GMT+08:00' });
    expect(event).toMatchObject({ name: 'audit', categories: ['security'], sourceTypes: [], timeZone: 'GMT+08:00' });

    sim.resetStats();
    await vendor().updateSubscription(new RequestScope(), 'alarm', alarm!.nativeId, { levels: ['urgent', 'important'], enabled: false });
    expect(routes()).toMatchObject({ 'GET /v2/{project_id}/alarm-subs': 1, 'PUT /v2/{project_id}/alarm-subs/{alarm_sub_id}': 1 });
    expect((await vendor().subscriptions(new RequestScope(), 'alarm'))[0]).toMatchObject({
      name: 'oncall',
      enabled: false,
      levels: ['urgent', 'important'],
      topicName: 'ops',
    });

    await vendor().deleteSubscription(new RequestScope(), 'event', event!.nativeId);
    expect(await vendor().subscriptions(new RequestScope(), 'event')).toEqual([]);
    for (const attempt of [
      vendor().deleteSubscription(new RequestScope(), 'event', event!.nativeId),
      vendor().updateSubscription(new RequestScope(), 'event', event!.nativeId, { name: 'again' }),
    ]) {
      expect(await rejectionOf(attempt, NotFoundError)).toMatchObject({ type: 'DwsEventSubscription', id: event!.nativeId });
    }
    // DWS's own refusal: a topic that is no SMN URN.
    expect(await failure(vendor().createSubscription(new RequestScope(), 'event', { name: 'x', topicUrn: 'mailto:ops', topicName: 'ops' }))).toMatchObject({
      detail: { httpStatus: 400, vendorCode: 'DWS.5065' },
    });
  });

  it('binds an ELB as a task answered as its workflow, then unbinds it; the ELB must be one the cluster can be bound to', async () => {
    const raw = await simClient(sim);
    const target = (await raw.get('/clusters')).body.clusters.find((c: any) => c.status === 'AVAILABLE' && c.task_status === null && !c.elb);
    expect((await vendor().bindings(new RequestScope(), target.id))!.loadBalancer).toBeNull();
    sim.resetStats();
    const elbs = (await vendor().bindableLoadBalancers(new RequestScope(), target.id))!;
    expect(routes()['GET /v2/{project_id}/clusters/{cluster_id}/elbs']).toBe(1);
    expect(elbs.length).toBeGreaterThan(0);
    expect(elbs.some((e) => e.bound)).toBe(false);

    const wrong = await rejectionOf(vendor().bindLoadBalancer(new RequestScope(), target.id, UNKNOWN_ID), ValidationError);
    expect(wrong.field).toBe('elbId');
    sim.resetStats();
    const bound = await vendor().bindLoadBalancer(new RequestScope(), target.id, elbs[0]!.nativeId);
    expect(routes()).toMatchObject({
      'GET /v2/{project_id}/clusters/{cluster_id}/elbs': 1,
      'POST /v2/{project_id}/clusters/{cluster_id}/elbs/{elb_id}': 1,
      'GET /v1.0/{project_id}/clusters/{cluster_id}': 1,
    });
    expect(vendorCalls()).toBe(3);
    expect(bound.workflow).toMatchObject({ kind: 'BindLoadBalancer', state: 'RUNNING', rawState: 'ELB_BINDING' });
    sim.advance(4 * MIN);
    expect(await session().workflows.get(bound.workflow!.nativeId)).toMatchObject({ state: 'SUCCEEDED' });
    expect((await vendor().bindings(new RequestScope(), target.id))!.loadBalancer).toMatchObject({ nativeId: elbs[0]!.nativeId, privateIp: elbs[0]!.address });
    expect((await vendor().bindableLoadBalancers(new RequestScope(), target.id))!.find((e) => e.bound)?.nativeId).toBe(elbs[0]!.nativeId);

    const unbound = await vendor().unbindLoadBalancer(new RequestScope(), target.id);
    expect(unbound.workflow).toMatchObject({ kind: 'UnbindLoadBalancer', state: 'RUNNING' });
    sim.advance(4 * MIN);
    expect((await vendor().bindings(new RequestScope(), target.id))!.loadBalancer).toBeNull();
    expect((await rejectionOf(vendor().unbindLoadBalancer(new RequestScope(), target.id), ValidationError)).field).toBe('id');
  });

  it('binds and unbinds an EIP at once, the unbinding naming the EIP the cluster’s detail shows', async () => {
    const raw = await simClient(sim);
    const target = (await raw.get('/clusters')).body.clusters.find((c: any) => c.status === 'AVAILABLE' && !c.public_ip);
    const eipId = 'ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983';
    sim.resetStats();
    expect(await vendor().bindEip(new RequestScope(), target.id, eipId)).toEqual({ target: { type: 'Cluster', nativeId: target.id } });
    expect(vendorCalls()).toBe(1);
    expect((await vendor().bindings(new RequestScope(), target.id))!.eip).toEqual({ nativeId: eipId, bindType: 'bind_existing' });
    expect(await failure(vendor().bindEip(new RequestScope(), target.id, eipId))).toMatchObject({ detail: { vendorCode: 'DWS.5133' } });
    sim.resetStats();
    await vendor().unbindEip(new RequestScope(), target.id);
    expect(routes()).toMatchObject({ 'GET /v1.0/{project_id}/clusters/{cluster_id}': 1, 'DELETE /v2/{project_id}/clusters/{cluster_id}/eips/{eip_id}': 1 });
    expect((await vendor().bindings(new RequestScope(), target.id))!.eip).toBeNull();
    expect((await rejectionOf(vendor().unbindEip(new RequestScope(), target.id), ValidationError)).field).toBe('id');
    await rejectionOf(vendor().unbindEip(new RequestScope(), UNKNOWN_ID), NotFoundError);
  });

  it('applies for, changes and deletes a public domain name, one write each; the private one cannot go', async () => {
    const raw = await simClient(sim);
    const target = await idleCluster(raw);
    const change = { type: 'public' as const, name: 'demo' };
    sim.resetStats();
    expect(await vendor().setDomainName(new RequestScope(), target.id, change, true)).toEqual({ target: { type: 'Cluster', nativeId: target.id } });
    expect(routes()['POST /v1.0/{project_id}/clusters/{cluster_id}/dns']).toBe(1);
    expect(await failure(vendor().setDomainName(new RequestScope(), target.id, change, true))).toMatchObject({ detail: { vendorCode: 'DWS.5065' } });
    await vendor().setDomainName(new RequestScope(), target.id, { ...change, name: 'demo2', ttl: 600 }, false);
    await vendor().setDomainName(new RequestScope(), target.id, { type: 'private', name: 'inside' }, false);
    await vendor().deletePublicDomainName(new RequestScope(), target.id);
    expect(routes()).toMatchObject({ 'PUT /v1.0/{project_id}/clusters/{cluster_id}/dns': 2, 'DELETE /v1.0/{project_id}/clusters/{cluster_id}/dns': 1 });
    expect(sim.stats().urls[`DELETE /v1.0/${raw.projectId}/clusters/${target.id}/dns?type=public`]).toBe(1);
    expect((await rejectionOf(vendor().deletePublicDomainName(new RequestScope(), target.id), ValidationError)).field).toBe('id');
    expect((await rejectionOf(vendor().setDomainName(new RequestScope(), target.id, change, false), ValidationError)).field).toBe('input.type');
  });

  it('reads and switches resource management, creates a plan, and creates and deletes resource pools, one write each', async () => {
    const raw = await simClient(sim);
    const target = await idleCluster(raw);
    sim.resetStats();
    expect(await vendor().workload(new RequestScope(), target.id)).toEqual({ enabled: true, rawSwitch: 'on', maxConcurrency: 60 });
    expect(await vendor().resourcePools(new RequestScope(), target.id)).toEqual([]);
    expect(vendorCalls()).toBe(2);

    sim.resetStats();
    await vendor().setWorkload(new RequestScope(), target.id, true, 5);
    await vendor().createWorkloadPlan(new RequestScope(), target.id, 'planA');
    await vendor().createResourcePool(new RequestScope(), target.id, { name: 'test11', resources: [{ name: 'cpu_share', value: 12 }] });
    await vendor().createResourcePool(new RequestScope(), target.id, {
      name: 'other',
      logicalCluster: 'v3_logical',
      resources: [{ name: 'memory', value: 0 }],
    });
    expect(vendorCalls()).toBe(4);
    expect(await vendor().workload(new RequestScope(), target.id)).toMatchObject({ enabled: true, maxConcurrency: 5 });
    expect(await vendor().resourcePools(new RequestScope(), target.id)).toEqual(['test11']);
    expect(await vendor().resourcePools(new RequestScope(), target.id, 'v3_logical')).toEqual(['other']);

    await vendor().deleteResourcePool(new RequestScope(), target.id, 'test11');
    expect(await vendor().resourcePools(new RequestScope(), target.id)).toEqual([]);
    expect(await rejectionOf(vendor().deleteResourcePool(new RequestScope(), target.id, 'test11'), NotFoundError)).toMatchObject({ type: 'DwsResourcePool' });
    expect(await failure(vendor().createWorkloadPlan(new RequestScope(), target.id, 'planA'))).toMatchObject({ detail: { vendorCode: 'DWS.5065' } });
    await vendor().setWorkload(new RequestScope(), target.id, false);
    expect(await vendor().workload(new RequestScope(), target.id)).toMatchObject({ enabled: false, maxConcurrency: 5 });
    expect(await vendor().workload(new RequestScope(), UNKNOWN_ID)).toBeNull();
    await rejectionOf(vendor().setWorkload(new RequestScope(), UNKNOWN_ID, true), NotFoundError);
  });

  it('reads a cluster’s audit log dumps in one call, as the vendor lists them', async () => {
    const raw = await simClient(sim);
    const target = await idleCluster(raw);
    const records = (await raw.get(`/clusters/${target.id}/audit-log-records`)).body.records;
    expect(records.length).toBeGreaterThan(0);
    sim.resetStats();
    const dumps = (await vendor().auditDumps(new RequestScope(), target.id))!;
    expect(vendorCalls()).toBe(1);
    expect(dumps.map((d) => [d.result, d.bucket, d.startsAt])).toEqual(
      records.map((r: any) => [r.result, r.bucket_name, new Date(`${r.begin_time}Z`).toISOString()]),
    );
    expect(await vendor().auditDumps(new RequestScope(), UNKNOWN_ID)).toBeNull();
  });

  it('lists every alarm with its state, walking the vendor’s pages, and filters by it', async () => {
    const raw = await simClient(sim);
    const all = (await raw.get('/v2/{pid}/alarms?time_zone=GMT&limit=1000')).body.alarm_details;
    expect(new Set(all.map((a: any) => a.alarm_status))).toEqual(new Set(['0', '1']));
    sim.resetStats();
    const alarms = await vendor().alarms(new RequestScope());
    expect(routes()['GET /v2/{project_id}/alarms']).toBe(Math.max(1, Math.ceil(all.length / 1000)));
    expect(alarms.map((a) => [a.definitionId, a.clusterNativeId, a.active])).toEqual(all.map((a: any) => [a.alarm_id, a.resource_id, a.alarm_status === '0']));
    const active = await vendor().alarms(new RequestScope(), true);
    const cleared = await vendor().alarms(new RequestScope(), false);
    expect(active.every((a) => a.active) && cleared.every((a) => !a.active)).toBe(true);
    expect(active.length + cleared.length).toBe(all.length);
    // The same alarm as the unified events list has it.
    const events = new Set((await session().events.list({})).map((e) => e.nativeId));
    expect(alarms.every((a) => events.has(a.eventNativeId))).toBe(true);
  });

  it('counts the alarms of the last seven days by level, as the vendor does, in one call', async () => {
    const raw = (await (await simClient(sim)).get('/v2/{pid}/alarm-statistic?time_zone=GMT')).body.alarm_statistics;
    sim.resetStats();
    const days = await vendor().alarmStatistics(new RequestScope());
    expect(routes()['GET /v2/{project_id}/alarm-statistic']).toBe(1);
    expect(days).toEqual(raw.map((d: any) => ({ date: d.date, urgent: d.urgent, important: d.important, minor: d.minor, prompt: d.prompt })));
    expect(days).toHaveLength(7);
    expect(days.at(-1)!.date).toBe(new Date(sim.clock.now()).toISOString().slice(0, 10));
  });

  it('a vendor refusal is a SOURCE_ERROR naming the source and route', async () => {
    sim.setFaults({ errorRate: 1, errorStatus: 500, routes: ['GET /v1.0/{project_id}/quotas'] });
    const err = await failure(vendor().quotas(new RequestScope()));
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', sourceId: 'dws-test', detail: { route: 'GET /v1.0/{project_id}/quotas', httpStatus: 500 } });
  });
});

describe('dws adapter: auth', () => {
  it('logs in once for ten concurrent calls after the tokens expire', async () => {
    const a = build();
    try {
      const ids = (await session(a).clusters.list({})).slice(0, 10).map((c) => c.nativeId);
      sim.setFaults({ expireTokens: true });
      sim.resetStats();
      const got = await Promise.all(ids.map((id) => session(a).clusters.get(id)));
      expect(got.every((c) => c !== null)).toBe(true);
      expect(routes()[LOGIN]).toBe(1);
    } finally {
      await a.close();
    }
  });

  it('says SOURCE_AUTH_FAILED for a wrong password, naming the source', async () => {
    const a = build({ credentials: { ...sim.credentials, password: 'wrong' } });
    try {
      const err = await failure(session(a).clusters.list({}));
      expect(err.code).toBe('SOURCE_AUTH_FAILED');
      expect(err.sourceId).toBe('dws-test');
    } finally {
      await a.close();
    }
  });

  it('requires exactly the simulator’s credential names', () => {
    expect(Object.keys(sim.credentials).sort()).toEqual(['domain', 'password', 'project', 'user']);
    const { domain: _domain, ...withoutDomain } = sim.credentials;
    expect(() => build({ credentials: withoutDomain })).toThrow(ConfigError);
  });

  it('sends the login to authUrl when set', async () => {
    const a = build({ authUrl: 'http://127.0.0.1:9' });
    try {
      const err = await failure(session(a).clusters.list({}));
      expect(err.code).toBe('SOURCE_UNAVAILABLE');
      expect(err.detail.route).toBe(LOGIN);
      expect(routes()[LOGIN]).toBeUndefined();
    } finally {
      await a.close();
    }
  });

  it('puts a projectId override in the paths, and reads the vendor’s refusal', async () => {
    const a = build({ credentials: { ...sim.credentials, projectId: 'f'.repeat(32) } });
    try {
      const err = await failure(session(a).clusters.list({}));
      expect(err).toMatchObject({ code: 'SOURCE_ERROR', detail: { vendorCode: 'DWS.5045' } });
    } finally {
      await a.close();
    }
  });
});

describe('dws adapter: faults', () => {
  const withFault = async (faults: Parameters<RunningSimulator['setFaults']>[0]) => {
    const a = build();
    try {
      await session(a).clusters.list({}); // logged in before the fault
      sim.setFaults(faults);
      return await failure(session(a).clusters.list({}));
    } finally {
      sim.setFaults({ malformed: false, down: false, htmlErrors: false, errorRate: 0 });
      await a.close();
    }
  };

  it('malformed bodies → SOURCE_BAD_RESPONSE', async () => {
    const err = await withFault({ malformed: true });
    expect(err).toMatchObject({ code: 'SOURCE_BAD_RESPONSE', sourceId: 'dws-test' });
  });

  it('a dead vendor → SOURCE_UNAVAILABLE', async () => {
    const err = await withFault({ down: true });
    expect(err).toMatchObject({ code: 'SOURCE_UNAVAILABLE', sourceId: 'dws-test' });
  });

  it('a proxy’s HTML 5xx page → SOURCE_UNAVAILABLE', async () => {
    const err = await withFault({ htmlErrors: true, errorRate: 1, errorStatus: 503 });
    expect(err).toMatchObject({ code: 'SOURCE_UNAVAILABLE', sourceId: 'dws-test', detail: { httpStatus: 503 } });
  });

  it('a vendor error envelope → SOURCE_ERROR with its code and message', async () => {
    const err = await withFault({ errorRate: 1, errorStatus: 500 });
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', sourceId: 'dws-test', detail: { httpStatus: 500, vendorCode: 'DWS.0005' } });
  });
});
