import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourceConfig } from '../../../src/config.js';
import { createMetrics } from '../../../src/metrics.js';
import type { Workflow } from '../../../src/model/entities.js';
import { NotFoundError, ValidationError } from '../../../src/model/errors.js';
import type { SourceOperations } from '../../../src/model/operations.js';
import type { DwsCreateRequest, DwsClusterParams } from '../../../src/sources/dws/inputs.js';
import { dwsSimulator } from '../../../src/simulators/dws/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import { createDwsAdapter } from '../../../src/sources/dws/index.js';
import { SourceError } from '../../../src/sources/errors.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { rejection } from '../../helpers/rejection.js';
import { withoutRaw } from '../../helpers/shape.js';
import { known } from '../../helpers/known.js';

const SOURCE_ID = 'dws-ops';
const MINUTE = 60_000;
const PASSWORD = 'Gauss_2024!x';
const UNKNOWN_ID = '00000000-1111-4222-8333-444444444444';
const LOGIN = 'POST /v3/auth/tokens';

let sim: RunningSimulator;
let adapter: SourceAdapter;

const build = (timeoutMs = 5_000) =>
  createDwsAdapter(
    {
      id: SOURCE_ID,
      kind: 'dws',
      name: 'DWS under test',
      url: sim.url,
      timeoutMs,
      retries: 0,
      concurrency: 4,
      credentials: { ...sim.credentials },
    } satisfies SourceConfig,
    { metrics: createMetrics() },
  );
const ops = (a: SourceAdapter = adapter): SourceOperations => a.operations!;
const read = () => {
  const s = adapter.session(new RequestScope());
  return { clusters: s.clusters!, hosts: s.hosts!, snapshots: s.snapshots!, workflows: s.workflows! };
};

beforeAll(async () => {
  sim = await startSimulator(dwsSimulator, { speed: 1, operationFailureRate: 0 });
});
afterAll(async () => {
  await adapter?.close();
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await adapter?.close();
  adapter = build();
  // Logged in before each test, so call counts below are the operations' own.
  await read().clusters.get(UNKNOWN_ID);
  sim.resetStats();
});

/** Vendor routes called since the last resetStats that change something. */
const writes = () => Object.fromEntries(Object.entries(sim.stats().routes).filter(([route]) => !route.startsWith('GET ') && route !== LOGIN));

/** A request the gateway refuses: the field it names, and proof that nothing was sent. */
async function refusedField(run: () => Promise<unknown>, { reads = false } = {}): Promise<string> {
  sim.resetStats();
  const err = await rejection(run);
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as Error).message).not.toContain(PASSWORD);
  if (reads) expect(writes()).toEqual({});
  else expect(sim.stats().total).toBe(0);
  return (err as ValidationError).field;
}

/** Looks at a workflow through the reader every `stepMs` of simulated time until it ends; progress never goes backwards. */
async function follow(id: string, stepMs: number, maxSteps = 80): Promise<Workflow[]> {
  const seen: Workflow[] = [];
  let progress = 0;
  for (let i = 0; i < maxSteps; i++) {
    const w = await read().workflows.get(id);
    expect(w, `workflow ${id}`).not.toBeNull();
    expect(w!.nativeId).toBe(id);
    if (w!.progress !== undefined) {
      expect(w!.progress).toBeGreaterThanOrEqual(progress);
      progress = w!.progress;
    }
    seen.push(w!);
    if (!['PENDING', 'RUNNING'].includes(w!.state)) return seen;
    sim.advance(stepMs);
  }
  throw new Error(`workflow ${id} did not end`);
}

const params = (over: Partial<DwsClusterParams> = {}): DwsClusterParams => ({
  nodeType: 'dws.m3.xlarge',
  nodes: 3,
  coordinators: 2,
  vpcId: '85b20d7e-9eb7-4b2a-98f3-3c8843ea3574',
  subnetId: '374eca02-cfc4-4de7-8ab5-dbebf7d9a720',
  securityGroupId: 'dc3ec145-9029-4b39-b5a3-ace5a01f772b',
  availabilityZone: 'cn-north-4a',
  adminUser: 'dbadmin',
  adminPassword: PASSWORD,
  ...over,
});
const createRequest = (name: string, over: Partial<DwsCreateRequest> = {}, dws: Partial<DwsClusterParams> = {}): DwsCreateRequest => ({
  name,
  labels: [],
  dws: params(dws),
  ...over,
});

/** A cluster created through the operation and run to AVAILABLE (creation takes 10 to 15 minutes). */
async function readyCluster(name: string, dws: Partial<DwsClusterParams> = {}, labels: DwsCreateRequest['labels'] = []): Promise<string> {
  const { target } = await ops().createCluster!(createRequest(name, { labels }, dws));
  sim.advance(16 * MINUTE);
  expect((await read().clusters.get(target!.nativeId))?.status).toBe('RUNNING');
  sim.resetStats();
  return target!.nativeId;
}

/** The workflow the reader lists for a cluster now. */
const listedFor = async (clusterId: string) => (await read().workflows.list({})).filter((w) => w.clusterNativeId === clusterId);

const failEverything = () => sim.setFaults({ operationFailureRate: 1 });

describe('dws operations: what DWS cannot do stays absent', () => {
  it('has no stop, start, takeover, deployments, inspections or cancel', () => {
    const o = ops();
    for (const name of ['stopCluster', 'startCluster', 'takeOverCluster', 'createDeployment', 'startInspection', 'cancelWorkflow'] as const) {
      expect(o[name], name).toBeUndefined();
    }
  });
});

describe('dws operations: createCluster', () => {
  it('creates the cluster with its tags and returns the creation the reader lists, which runs to SUCCEEDED', async () => {
    const result = await ops().createCluster!(createRequest('dws-ops-01', { labels: [{ key: 'env', value: 'test' }] }, { publicIp: true }));
    expect(sim.stats().routes['POST /v1.0/{project_id}/clusters']).toBe(1);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
    const id = result.target!.nativeId;
    expect(result.target).toEqual({ type: 'Cluster', nativeId: id });
    const cluster = await read().clusters.get(id);
    expect(cluster).toMatchObject({ name: 'dws-ops-01', status: 'CREATING', labels: [{ key: 'env', value: 'test' }] });
    expect(known(cluster!.endpoints).some((e) => e.public)).toBe(true);
    const created = Math.floor(Date.parse(cluster!.createdAt!) / 1000);
    expect(result.workflow).toMatchObject({ nativeId: `cluster:${id}:CREATING:${created}`, kind: 'CreateCluster', state: 'RUNNING', sourceId: SOURCE_ID });
    expect(withoutRaw(await listedFor(id))).toEqual(withoutRaw([result.workflow]));

    const seen = await follow(result.workflow!.nativeId, 3 * MINUTE);
    expect(seen.at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await read().clusters.get(id)).toMatchObject({ status: 'RUNNING', nodeCount: 3 });
  });

  it('a failing creation ends FAILED with the vendor’s reason', async () => {
    failEverything();
    const { workflow } = await ops().createCluster!(createRequest('dws-ops-02'));
    expect((await follow(workflow!.nativeId, 5 * MINUTE)).at(-1)).toMatchObject({ state: 'FAILED', message: expect.stringContaining('DWS.6000') });
  });

  it('refuses what DWS cannot take, sending nothing', async () => {
    const refuse = (over: Partial<DwsCreateRequest>, dws: Partial<DwsClusterParams> = {}) =>
      refusedField(() => ops().createCluster!(createRequest('dws-ops-03', over, dws)));
    expect(await refuse({ dws: undefined })).toBe('input.dws');
    expect(await refuse({ version: '8.2.0' })).toBe('input.version');
    expect(await refuse({ region: 'eu-west-0' })).toBe('input.region');
    expect(await refuse({ zone: 'cn-north-4b' })).toBe('input.zone');
    expect(await refuse({ name: 'x' })).toBe('input.name');
    expect(await refuse({ labels: [{ key: 'a,b', value: '' }] })).toBe('input.labels[0].key');
    expect(await refuse({}, { nodes: 2 })).toBe('input.dws.nodes');
    expect(await refuse({}, { coordinators: 4 })).toBe('input.dws.coordinators');
    expect(await refuse({}, { adminUser: 'Admin' })).toBe('input.dws.adminUser');
    expect(await refuse({}, { adminPassword: 'lowercaseonly' })).toBe('input.dws.adminPassword');
    expect(await refuse({}, { adminPassword: 'Dbadmin#2024' })).toBe('input.dws.adminPassword');
    // The source's own region is fine.
    const { target } = await ops().createCluster!(createRequest('dws-ops-03', { region: 'cn-north-4', zone: 'cn-north-4a' }));
    expect(target).toBeDefined();
  });

  it('a refusal is the vendor’s code: a taken name, an unknown flavor', async () => {
    const taken = (await read().clusters.list({})).find((c) => c.rawStatus === 'AVAILABLE')!;
    const err = await rejection(() => ops().createCluster!(createRequest(taken.name)));
    expect(err).toBeInstanceOf(SourceError);
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', detail: { vendorCode: 'DWS.5050', httpStatus: 409 } });
    expect(await rejection(() => ops().createCluster!(createRequest('dws-ops-04', {}, { nodeType: 'dws.nonsense' })))).toMatchObject({
      detail: { vendorCode: 'DWS.5240', httpStatus: 400 },
    });
    expect((err as Error).message).not.toContain(PASSWORD);
    expect(writes()).toEqual({ 'POST /v1.0/{project_id}/clusters': 2 });
  });

  it('a creation that times out is outcomeUnknown, was sent once, and did happen', async () => {
    const slow = build(100);
    await slow.session(new RequestScope()).clusters!.get(UNKNOWN_ID);
    sim.setFaults({ latencyMs: 400 });
    sim.resetStats();
    const err = await rejection(() => ops(slow).createCluster!(createRequest('dws-ops-05')));
    expect(err).toMatchObject({ code: 'SOURCE_TIMEOUT', detail: { outcomeUnknown: true } });
    // Counted on arrival; the vendor finishes the create after its latency, and the list then has it.
    await vi.waitFor(() => expect(sim.stats().routes['POST /v1.0/{project_id}/clusters']).toBe(1), { timeout: 5_000 });
    sim.setFaults({ latencyMs: 0 });
    await vi.waitFor(async () => expect((await read().clusters.list({})).some((c) => c.name === 'dws-ops-05')).toBe(true), { timeout: 5_000 });
    expect(writes()).toEqual({ 'POST /v1.0/{project_id}/clusters': 1 });
    await slow.close();
  });
});

describe('dws operations: restartCluster', () => {
  it('restarts (REBOOTING) to SUCCEEDED; a second restart meanwhile is refused as busy', async () => {
    const id = await readyCluster('dws-ops-10');
    const { target, workflow } = await ops().restartCluster!(id);
    expect(target).toEqual({ type: 'Cluster', nativeId: id });
    expect(workflow).toMatchObject({ kind: 'RestartCluster', rawState: 'REBOOTING', state: 'RUNNING' });
    expect(withoutRaw(await listedFor(id))).toEqual(withoutRaw([workflow]));
    expect(await rejection(() => ops().restartCluster!(id))).toMatchObject({ code: 'SOURCE_ERROR', detail: { vendorCode: 'DWS.0011', httpStatus: 409 } });
    expect(writes()).toEqual({ 'POST /v1.0/{project_id}/clusters/{cluster_id}/restart': 2 });
    expect((await follow(workflow!.nativeId, MINUTE)).at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
  });

  it('a failing restart ends FAILED with the vendor’s reason', async () => {
    const id = await readyCluster('dws-ops-11');
    failEverything();
    const { workflow } = await ops().restartCluster!(id);
    expect((await follow(workflow!.nativeId, MINUTE)).at(-1)).toMatchObject({
      state: 'FAILED',
      message: 'DWS.6002: Failed to restart the cluster. Contact the customer service or try again later.',
    });
  });

  it('an unknown cluster is NotFoundError', async () => {
    expect(await rejection(() => ops().restartCluster!(UNKNOWN_ID))).toBeInstanceOf(NotFoundError);
  });
});

describe('dws operations: scaleCluster', () => {
  it('scales out (CREATING_NODE → GROWING → REDISTRIBUTING) as one workflow to SUCCEEDED', async () => {
    const id = await readyCluster('dws-ops-20');
    const { workflow } = await ops().scaleCluster!(id, { nodeCount: 6 });
    expect(writes()).toEqual({ 'POST /v1.0/{project_id}/clusters/{cluster_id}/resize': 1 });
    expect(workflow).toMatchObject({ kind: 'ScaleCluster', rawState: 'CREATING_NODE', state: 'RUNNING' });
    expect(withoutRaw(await listedFor(id))).toEqual(withoutRaw([workflow]));
    const seen = await follow(workflow!.nativeId, 2 * MINUTE);
    expect(new Set(seen.map((w) => w.rawState))).toEqual(new Set(['CREATING_NODE', 'GROWING', 'REDISTRIBUTING']));
    expect(seen.at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect((await read().clusters.get(id))?.nodeCount).toBe(6);
  });

  it('a failing scale-out ends FAILED with the vendor’s reason, never SUCCEEDED on the way', async () => {
    const id = await readyCluster('dws-ops-21');
    failEverything();
    const { workflow } = await ops().scaleCluster!(id, { nodeCount: 6 });
    const seen = await follow(workflow!.nativeId, 2 * MINUTE);
    expect(seen.slice(0, -1).every((w) => w.state === 'RUNNING')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ state: 'FAILED', message: expect.stringContaining('DWS.6001') });
    expect((await read().clusters.get(id))?.nodeCount).toBe(3);
  });

  it('scales in (SHRINK_CHECKING → CLUSTER_SHRINKING) to SUCCEEDED', async () => {
    const id = await readyCluster('dws-ops-22', { nodes: 6 });
    const { workflow } = await ops().scaleCluster!(id, { nodeCount: 4 });
    expect(writes()).toEqual({ 'POST /v1.0/{project_id}/clusters/{cluster_id}/cluster-shrink': 1 });
    expect(workflow).toMatchObject({ kind: 'ScaleCluster', rawState: 'SHRINK_CHECKING', state: 'RUNNING' });
    const seen = await follow(workflow!.nativeId, MINUTE);
    expect(seen.some((w) => w.rawState === 'CLUSTER_SHRINKING')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect((await read().clusters.get(id))?.nodeCount).toBe(4);
  });

  it('adds CNs to a total, then removes the one on the highest-numbered node', async () => {
    const id = await readyCluster('dws-ops-23', { nodes: 6, coordinators: 2 });
    const added = await ops().scaleCluster!(id, { coordinatorCount: 4 });
    expect(writes()).toEqual({ 'POST /v1.0/{project_id}/clusters/{cluster_id}/cns/batch-create': 1 });
    expect(added.workflow).toMatchObject({ kind: 'AddCoordinators', rawState: 'ADD_CN_ING', state: 'RUNNING' });
    expect((await follow(added.workflow!.nativeId, MINUTE)).at(-1)).toMatchObject({ state: 'SUCCEEDED' });
    const cnHosts = async () => (await read().hosts.byCluster!(id)).filter((h) => h.role === 'CN').map((h) => h.name);
    const four = await cnHosts();
    expect(four).toHaveLength(4);

    const removed = await ops().scaleCluster!(id, { coordinatorCount: 3 });
    expect(removed.workflow).toMatchObject({ kind: 'RemoveCoordinators', rawState: 'DEL_CN_ING' });
    expect((await follow(removed.workflow!.nativeId, MINUTE)).at(-1)).toMatchObject({ state: 'SUCCEEDED' });
    const highest = [...four].sort(new Intl.Collator('en', { numeric: true }).compare).at(-1);
    expect(await cnHosts()).toEqual(four.filter((n) => n !== highest));
  });

  it('a failing CN change ends FAILED with failed_reasons, for want of a failure word', async () => {
    const id = await readyCluster('dws-ops-24', { nodes: 6, coordinators: 2 });
    failEverything();
    const { workflow } = await ops().scaleCluster!(id, { coordinatorCount: 3 });
    expect((await follow(workflow!.nativeId, MINUTE)).at(-1)).toMatchObject({ state: 'FAILED', message: 'DWS.0005: Server failure.' });
  });

  it('refuses impossible counts before any write; the vendor refuses a busy cluster', async () => {
    const id = await readyCluster('dws-ops-25');
    expect(await refusedField(() => ops().scaleCluster!(id, { nodeCount: 6, coordinatorCount: 3 }))).toBe('input');
    expect(await refusedField(() => ops().scaleCluster!(id, { addHosts: [{ ip: '10.0.0.1' }] }))).toBe('input.addHosts');
    expect(await refusedField(() => ops().scaleCluster!(id, { nodeCount: 4 }), { reads: true })).toBe('input.nodeCount');
    expect(await refusedField(() => ops().scaleCluster!(id, { nodeCount: 3 }), { reads: true })).toBe('input.nodeCount');
    expect(await refusedField(() => ops().scaleCluster!(id, { coordinatorCount: 1 }), { reads: true })).toBe('input.coordinatorCount');
    expect(await refusedField(() => ops().scaleCluster!(id, { coordinatorCount: 4 }), { reads: true })).toBe('input.coordinatorCount');
    await ops().restartCluster!(id);
    expect(await rejection(() => ops().scaleCluster!(id, { nodeCount: 6 }))).toMatchObject({ detail: { vendorCode: 'DWS.0011' } });
    expect(await rejection(() => ops().scaleCluster!(UNKNOWN_ID, { nodeCount: 6 }))).toBeInstanceOf(NotFoundError);
  });
});

describe('dws operations: setClusterLabels', () => {
  const tagsOf = async (id: string) => (await read().clusters.get(id))!.labels;

  it('replaces the tags with one batch delete and one batch create, at once', async () => {
    const id = await readyCluster('dws-ops-30', {}, [
      { key: 'env', value: 'test' },
      { key: 'team', value: 'bi' },
      { key: 'tier', value: 'gold' },
    ]);
    const result = await ops().setClusterLabels!(id, [
      { key: 'env', value: 'test' },
      { key: 'team', value: 'ops' },
      { key: 'cost', value: '' },
    ]);
    expect(result).toEqual({ target: { type: 'Cluster', nativeId: id } });
    expect(writes()).toEqual({
      'POST /v1.0/{project_id}/clusters/{cluster_id}/tags/batch-delete': 1,
      'POST /v1.0/{project_id}/clusters/{cluster_id}/tags/batch-create': 1,
    });
    expect(new Map(known(await tagsOf(id)).map((t) => [t.key, t.value]))).toEqual(
      new Map([
        ['env', 'test'],
        ['team', 'ops'],
        ['cost', ''],
      ]),
    );
    sim.resetStats();
    await ops().setClusterLabels!(id, known(await tagsOf(id)));
    expect(writes()).toEqual({});
    await ops().setClusterLabels!(id, []);
    expect(await tagsOf(id)).toEqual([]);
  });

  it('says which part was applied when the additions fail after the removals', async () => {
    const id = await readyCluster('dws-ops-31', {}, [{ key: 'old', value: '1' }]);
    // The gateway passes "#" (the document does not forbid it); the simulated DWS refuses it.
    const err = await rejection(() => ops().setClusterLabels!(id, [{ key: 'new#1', value: 'x' }]));
    expect(err).toBeInstanceOf(SourceError);
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', detail: { vendorCode: 'DWS.5197' } });
    expect((err as Error).message).toMatch(/only partly replaced: "old" removed, but adding "new#1" failed/);
    expect(await tagsOf(id)).toEqual([]);
  });

  it('refuses a tag DWS forbids, sending nothing; an unknown cluster is NotFoundError', async () => {
    expect(await refusedField(() => ops().setClusterLabels!(UNKNOWN_ID, [{ key: 'a/b', value: '' }]))).toBe('labels[0].key');
    expect(await rejection(() => ops().setClusterLabels!(UNKNOWN_ID, []))).toBeInstanceOf(NotFoundError);
  });
});

describe('dws operations: snapshots', () => {
  it('creates a snapshot under a default name; its creation runs to SUCCEEDED', async () => {
    const id = await readyCluster('dws-ops-40');
    const { target, workflow } = await ops().createSnapshot!(id, { description: 'before the upgrade' });
    expect(writes()).toEqual({ 'POST /v1.0/{project_id}/snapshots': 1 });
    expect(workflow).toMatchObject({ nativeId: `snapshot:${target!.nativeId}:CREATE`, kind: 'CreateSnapshot', state: 'RUNNING', target });
    expect(withoutRaw((await read().workflows.list({})).find((w) => w.nativeId === workflow!.nativeId))).toEqual(withoutRaw(workflow));
    const snapshot = await read().snapshots.get(target!.nativeId);
    expect(snapshot).toMatchObject({
      clusterNativeId: id,
      status: 'CREATING',
      description: 'before the upgrade',
      name: expect.stringMatching(/^dws-ops-40-\d{14}$/),
    });
    expect((await follow(workflow!.nativeId, MINUTE)).at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect((await read().snapshots.get(target!.nativeId))?.status).toBe('AVAILABLE');
  });

  it('a failing snapshot ends FAILED; a busy cluster and a bad name are refused', async () => {
    const id = await readyCluster('dws-ops-41');
    expect(await refusedField(() => ops().createSnapshot!(id, { name: 'no' }))).toBe('name');
    expect(await refusedField(() => ops().createSnapshot!(id, { name: 'fine-name', description: 'a "quoted" word' }))).toBe('description');
    failEverything();
    const { workflow } = await ops().createSnapshot!(id, { name: 'doomed-1' });
    expect(await rejection(() => ops().createSnapshot!(id, { name: 'second-1' }))).toMatchObject({ detail: { vendorCode: 'DWS.0011' } });
    expect((await follow(workflow!.nativeId, MINUTE)).at(-1)).toMatchObject({ state: 'FAILED', rawState: 'UNAVAILABLE' });
    expect(await rejection(() => ops().createSnapshot!(UNKNOWN_ID, { name: 'orphan-1' }))).toBeInstanceOf(NotFoundError);
  });

  it('deletes a manual snapshot at once; an automated one is the vendor’s refusal, a gone one NotFoundError', async () => {
    const id = await readyCluster('dws-ops-42');
    const { target, workflow } = await ops().createSnapshot!(id, { name: 'keep-me-not' });
    await follow(workflow!.nativeId, MINUTE);
    expect(await ops().deleteSnapshot!(target!.nativeId)).toEqual({ target });
    expect(await read().snapshots.get(target!.nativeId)).toBeNull();
    expect(await rejection(() => ops().deleteSnapshot!(target!.nativeId))).toBeInstanceOf(NotFoundError);
    const automated = (await read().snapshots.list({})).find((s) => s.type === 'AUTOMATED')!;
    expect(await rejection(() => ops().deleteSnapshot!(automated.nativeId))).toMatchObject({ detail: { vendorCode: 'DWS.5089' } });
  });

  it('restores into a new cluster, returned with its RESTORING workflow to SUCCEEDED', async () => {
    const id = await readyCluster('dws-ops-43');
    const snap = await ops().createSnapshot!(id, { name: 'restore-me' });
    await follow(snap.workflow!.nativeId, MINUTE);
    expect(await refusedField(() => ops().restoreSnapshot!(snap.target!.nativeId, { clusterName: 'dws-ops-43r', dbPassword: PASSWORD }))).toBe('dbPassword');
    sim.resetStats();
    const { target, workflow } = await ops().restoreSnapshot!(snap.target!.nativeId, { clusterName: 'dws-ops-43r' });
    expect(writes()).toEqual({ 'POST /v1.0/{project_id}/snapshots/{snapshot_id}/actions': 1 });
    expect(target?.type).toBe('Cluster');
    expect(target?.nativeId).not.toBe(id);
    expect(workflow).toMatchObject({ kind: 'RestoreSnapshot', rawState: 'RESTORING', state: 'RUNNING', target });
    expect(withoutRaw(await listedFor(target!.nativeId))).toEqual(withoutRaw([workflow]));
    expect((await read().snapshots.get(snap.target!.nativeId))?.status).toBe('RESTORING');
    expect((await follow(workflow!.nativeId, 3 * MINUTE)).at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await read().clusters.get(target!.nativeId)).toMatchObject({ name: 'dws-ops-43r', status: 'RUNNING' });
  });

  it('a failing restore ends FAILED with the vendor’s reason; an unknown snapshot is NotFoundError', async () => {
    const id = await readyCluster('dws-ops-44');
    const snap = await ops().createSnapshot!(id, { name: 'restore-me' });
    await follow(snap.workflow!.nativeId, MINUTE);
    failEverything();
    const { workflow } = await ops().restoreSnapshot!(snap.target!.nativeId, { clusterName: 'dws-ops-44r' });
    expect((await follow(workflow!.nativeId, 5 * MINUTE)).at(-1)).toMatchObject({ state: 'FAILED', message: expect.stringContaining('DWS.6003') });
    expect(await rejection(() => ops().restoreSnapshot!(UNKNOWN_ID, { clusterName: 'dws-ops-44s' }))).toBeInstanceOf(NotFoundError);
  });

  it('copies an automated snapshot; a manual one is the vendor’s refusal', async () => {
    const clusters = new Set((await read().clusters.list({})).map((c) => c.nativeId));
    const automated = (await read().snapshots.list({})).find((s) => s.type === 'AUTOMATED' && s.status === 'AVAILABLE' && clusters.has(s.clusterNativeId!))!;
    sim.resetStats();
    const { target, workflow } = await ops().copySnapshot!(automated.nativeId, { name: 'copy-of-auto', description: 'kept' });
    expect(writes()).toEqual({ 'POST /v1.0/{project_id}/snapshots/{snapshot_id}/linked-copy': 1 });
    expect(workflow).toMatchObject({ nativeId: `snapshot:${target!.nativeId}:CREATE`, state: 'SUCCEEDED' });
    expect(await read().snapshots.get(target!.nativeId)).toMatchObject({ name: 'copy-of-auto', type: 'MANUAL', clusterNativeId: automated.clusterNativeId });
    expect(await rejection(() => ops().copySnapshot!(target!.nativeId, { name: 'copy-of-copy' }))).toMatchObject({ detail: { vendorCode: 'DWS.5089' } });
  });
});

describe('dws operations: deleteCluster', () => {
  it('deletes (DELETING) to SUCCEEDED, keeping the newest manual snapshot', async () => {
    const id = await readyCluster('dws-ops-50');
    for (const name of ['first-snap', 'second-snap']) {
      const { workflow } = await ops().createSnapshot!(id, { name });
      await follow(workflow!.nativeId, MINUTE);
      sim.advance(MINUTE);
    }
    const { target, workflow } = await ops().deleteCluster!(id, { force: false, keepLastSnapshot: true });
    expect(target).toEqual({ type: 'Cluster', nativeId: id });
    expect(workflow).toMatchObject({ kind: 'DeleteCluster', rawState: 'DELETING', state: 'RUNNING' });
    expect(withoutRaw(await listedFor(id))).toEqual(withoutRaw([workflow]));
    expect((await follow(workflow!.nativeId, MINUTE)).at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect((await read().snapshots.list({})).filter((s) => s.clusterNativeId === id).map((s) => s.name)).toEqual(['second-snap']);
    // Gone for good after DWS's retention: the deletion still reads SUCCEEDED.
    sim.advance(40 * MINUTE);
    expect(await read().clusters.get(id)).toBeNull();
    expect(await read().workflows.get(workflow!.nativeId)).toMatchObject({ state: 'SUCCEEDED' });
  });

  it('a failing deletion ends FAILED with the vendor’s reason', async () => {
    const id = await readyCluster('dws-ops-51');
    failEverything();
    const { workflow } = await ops().deleteCluster!(id, { force: false, keepLastSnapshot: false });
    expect((await follow(workflow!.nativeId, MINUTE)).at(-1)).toMatchObject({ state: 'FAILED', message: 'DWS.0005: Server failure.' });
    expect((await read().clusters.get(id))?.rawStatus).toBe('DELETE_FAILED');
  });

  it('refuses force without a call; an unknown cluster is NotFoundError', async () => {
    expect(await refusedField(() => ops().deleteCluster!(UNKNOWN_ID, { force: true, keepLastSnapshot: false }))).toBe('force');
    expect(await rejection(() => ops().deleteCluster!(UNKNOWN_ID, { force: false, keepLastSnapshot: false }))).toBeInstanceOf(NotFoundError);
  });
});
