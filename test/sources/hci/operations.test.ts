import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourceConfig } from '../../../src/config.js';
import { createMetrics } from '../../../src/metrics.js';
import type { Workflow } from '../../../src/model/entities.js';
import { NotFoundError, ValidationError } from '../../../src/model/errors.js';
import type { SourceOperations } from '../../../src/model/operations.js';
import type { HciCreateRequest } from '../../../src/sources/hci/inputs.js';
import { hciSimulator } from '../../../src/simulators/hci/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import { SourceError } from '../../../src/sources/errors.js';
import { createHciAdapter } from '../../../src/sources/hci/index.js';
import type { HciSession } from '../../../src/sources/hci/session.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { rejection } from '../../helpers/rejection.js';
import { known } from '../../helpers/known.js';

const SOURCE_ID = 'hci-ops';
const MINUTE = 60_000;
let sim: RunningSimulator;
let adapter: SourceAdapter;

const build = (timeoutMs = 5_000) =>
  createHciAdapter(
    { id: SOURCE_ID, kind: 'hci', name: 'HCI under test', url: sim.url, timeoutMs, retries: 0, concurrency: 8, credentials: {} } satisfies SourceConfig,
    { metrics: createMetrics() },
  );
const ops = (a: SourceAdapter = adapter): SourceOperations => a.operations!;
const read = (): HciSession => adapter.session(new RequestScope()) as HciSession;

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

/** The error a request the gateway refuses, and proof that nothing reached the vendor. */
async function refusedField(run: () => Promise<unknown>): Promise<string> {
  sim.resetStats();
  const err = await rejection(run);
  expect(err).toBeInstanceOf(ValidationError);
  expect(sim.stats().total).toBe(0);
  return (err as ValidationError).field;
}

/**
 * Looks at a workflow through the reader every `stepMs` of simulated time until it
 * ends; progress never goes backwards between looks.
 */
async function follow(id: string, stepMs: number, maxSteps = 100): Promise<Workflow[]> {
  const seen: Workflow[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const w = await read().workflows.get(id);
    expect(w, `workflow ${id}`).not.toBeNull();
    const prev = seen.at(-1);
    if (prev) expect(w!.progress!).toBeGreaterThanOrEqual(prev.progress!);
    seen.push(w!);
    if (!['PENDING', 'RUNNING'].includes(w!.state)) return seen;
    sim.advance(stepMs);
  }
  throw new Error(`workflow ${id} did not end`);
}

const firstCluster = async () => (await read().clusters.list({}))[0]!;

const addRequest = (name: string, centerIp: string): HciCreateRequest => ({ name, labels: [], hci: { centerIp, description: 'from the test' } });

describe('hci operations: createCluster', () => {
  it('adds the cluster and returns its join, which runs host by host to SUCCEEDED', async () => {
    sim.resetStats();
    const { target, workflow } = await ops().createCluster!(addRequest('hci-ops-01', '10.88.1.11'));
    expect(sim.stats().routes['POST /v1/cluster/add']).toBe(1);
    const uuid = target!.nativeId;
    expect(target).toEqual({ type: 'Cluster', nativeId: uuid });
    // The simulated clock runs at real speed: a busy machine may see the first host begin.
    expect(workflow).toMatchObject({ nativeId: `${uuid}/join`, kind: 'JoinCluster', state: expect.stringMatching(/^(PENDING|RUNNING)$/), sourceId: SOURCE_ID });
    expect(workflow!.progress).toBeLessThan(0.1);
    expect(await read().workflows.get(workflow!.nativeId)).toMatchObject({ nativeId: workflow!.nativeId, kind: 'JoinCluster' });
    expect(await read().clusters.get(uuid)).toMatchObject({ name: 'hci-ops-01', status: 'CREATING' });

    const seen = await follow(workflow!.nativeId, 5 * MINUTE);
    expect(seen.map((w) => w.state)).toContain('RUNNING');
    expect(seen.at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    const hosts = await read().hosts.byCluster!(uuid);
    expect(seen.at(-1)!.steps).toHaveLength(hosts.length);
    expect(hosts.every((h) => h.status === 'ONLINE')).toBe(true);
    // In service now; a new cluster may still report degraded volumes (the simulator draws them).
    expect(['RUNNING', 'DEGRADED']).toContain((await read().clusters.get(uuid))!.status);
  });

  it('a failing join ends FAILED with the vendor’s message once every host has stopped', async () => {
    sim.setFaults({ operationFailureRate: 1 });
    const { workflow } = await ops().createCluster!(addRequest('hci-ops-02', '10.88.2.11'));
    const end = (await follow(workflow!.nativeId, 5 * MINUTE)).at(-1)!;
    expect(end).toMatchObject({ state: 'FAILED', rawState: '10011', message: expect.stringContaining('host task failed') });
    expect(end.progress).toBeLessThan(1);
    expect(end.steps.every((s) => s.state === 'FAILED')).toBe(true);
  });

  it('refuses what the platform cannot take, sending nothing', async () => {
    const refuse = (req: Partial<HciCreateRequest>) => refusedField(() => ops().createCluster!({ ...addRequest('x', '10.88.3.11'), ...req }));
    expect(await refuse({ hci: undefined })).toBe('input.hci');
    expect(await refuse({ hci: { centerIp: 'not-an-ip' } })).toBe('input.hci.centerIp');
    expect(await refuse({ name: '' })).toBe('input.name');
    expect(await refuse({ labels: [{ key: 'env', value: 'prod' }] })).toBe('input.labels');
    expect(await refuse({ region: 'cn-east' })).toBe('input.region');
  });

  it('a name in use is the vendor’s refusal, with its code', async () => {
    const taken = await firstCluster();
    sim.resetStats();
    const err = await rejection(() => ops().createCluster!(addRequest(taken.name, '10.88.4.11')));
    expect(err).toBeInstanceOf(SourceError);
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', detail: { vendorCode: '10005', httpStatus: 409 } });
    expect(sim.stats().routes).toEqual({ 'POST /v1/cluster/add': 1 });
  });

  it('an add that times out is outcomeUnknown, was sent once, and may well have happened', async () => {
    const slow = build(100);
    sim.setFaults({ latencyMs: 400 });
    sim.resetStats();
    const err = await rejection(() => ops(slow).createCluster!(addRequest('hci-ops-05', '10.88.5.11')));
    expect(err).toMatchObject({ code: 'SOURCE_TIMEOUT', detail: { outcomeUnknown: true } });
    // Counted on arrival; the vendor finishes the create after its latency, and the list then has it.
    await vi.waitFor(() => expect(sim.stats().routes['POST /v1/cluster/add']).toBe(1), { timeout: 5_000 });
    sim.setFaults({ latencyMs: 0 });
    await vi.waitFor(async () => expect((await read().clusters.list({})).some((c) => c.name === 'hci-ops-05')).toBe(true), { timeout: 5_000 });
    expect(sim.stats().routes['POST /v1/cluster/add']).toBe(1);
    await slow.close();
  });
});

describe('hci operations: deleteCluster', () => {
  it('refuses a busy cluster without force (vendor code 10010), deletes it with force, at once', async () => {
    const busy = await firstCluster();
    const err = await rejection(() => ops().deleteCluster!(busy.nativeId, { force: false, keepLastSnapshot: false }));
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', detail: { vendorCode: '10010', httpStatus: 409 } });
    expect(await read().clusters.get(busy.nativeId)).not.toBeNull();
    sim.resetStats();
    expect(await ops().deleteCluster!(busy.nativeId, { force: true, keepLastSnapshot: false })).toEqual({
      target: { type: 'Cluster', nativeId: busy.nativeId },
    });
    expect(sim.stats().routes).toEqual({ 'POST /v1/cluster/delete': 1 });
    expect(await read().clusters.get(busy.nativeId)).toBeNull();
  });

  it('an unknown cluster is NotFoundError; keeping a last snapshot is refused before anything is sent', async () => {
    expect(await rejection(() => ops().deleteCluster!('no-such-cluster', { force: true, keepLastSnapshot: false }))).toBeInstanceOf(NotFoundError);
    const cluster = await firstCluster();
    expect(await refusedField(() => ops().deleteCluster!(cluster.nativeId, { force: true, keepLastSnapshot: true }))).toBe('keepLastSnapshot');
  });
});

describe('hci operations: metadata snapshots', () => {
  it('saves one at once and names the new file as the target; deletes it; a second delete is NotFoundError', async () => {
    const cluster = await firstCluster();
    const before = await read().snapshots.byCluster!(cluster.nativeId);
    sim.resetStats();
    // The vendor names a save after the second it happened; the simulated clock runs on meanwhile.
    const savedFrom = Math.floor(sim.clock.now() / 1000);
    const result = await ops().createSnapshot!(cluster.nativeId, {});
    const savedBy = Math.floor(sim.clock.now() / 1000);
    expect(sim.stats().routes['POST /v1/cluster/data/snapshot/save']).toBe(1);
    expect(result.workflow).toBeUndefined();
    const id = result.target!.nativeId;
    const [, second] = /^.+\/snapshot(\d+)\.db$/.exec(id) ?? [];
    expect(id).toBe(`${cluster.nativeId}/${known(cluster.endpoints)[0]!.address}/snapshot${second}.db`);
    expect(Number(second)).toBeGreaterThanOrEqual(savedFrom);
    expect(Number(second)).toBeLessThanOrEqual(savedBy);
    expect(await read().snapshots.get(id)).toMatchObject({ type: 'MANUAL', status: 'AVAILABLE', clusterNativeId: cluster.nativeId });
    expect(await read().snapshots.byCluster!(cluster.nativeId)).toHaveLength(before.length + 1);

    sim.resetStats();
    expect(await ops().deleteSnapshot!(id)).toEqual({ target: { type: 'Snapshot', nativeId: id } });
    expect(sim.stats().routes).toEqual({ 'POST /v1/cluster/data/snapshot/delete': 1 });
    expect(await read().snapshots.get(id)).toBeNull();
    expect(await rejection(() => ops().deleteSnapshot!(id))).toMatchObject({ code: 'NOT_FOUND', type: 'Snapshot', id });
  });

  it('refuses a name or a description, sending nothing; a node that is not a center node is the vendor’s refusal', async () => {
    const cluster = await firstCluster();
    expect(await refusedField(() => ops().createSnapshot!(cluster.nativeId, { name: 'mine' }))).toBe('name');
    expect(await refusedField(() => ops().createSnapshot!(cluster.nativeId, { description: 'x' }))).toBe('description');
    const err = await rejection(() => ops().deleteSnapshot!(`${cluster.nativeId}/10.255.255.1/snapshot1.db`));
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', detail: { vendorCode: '10006', httpStatus: 400 } });
  });
});

describe('hci operations: inspections', () => {
  it('starts one and returns the run the reader serves, which runs to SUCCEEDED; a second start is refused', async () => {
    const cluster = await firstCluster();
    const { target, workflow } = await ops().startInspection!(cluster.nativeId);
    expect(target).toEqual({ type: 'Cluster', nativeId: cluster.nativeId });
    expect(workflow).toMatchObject({ kind: 'InspectCluster', state: 'RUNNING' });
    expect(workflow!.nativeId).toMatch(new RegExp(`^${cluster.nativeId}/inspection/.+`));
    expect(await read().workflows.get(workflow!.nativeId)).toMatchObject({ nativeId: workflow!.nativeId, state: 'RUNNING' });

    const err = await rejection(() => ops().startInspection!(cluster.nativeId));
    expect(err).toMatchObject({ code: 'SOURCE_ERROR', detail: { vendorCode: '10009', httpStatus: 409 } });

    const end = (await follow(workflow!.nativeId, MINUTE)).at(-1)!;
    expect(end).toMatchObject({ state: 'SUCCEEDED', progress: 1, message: expect.stringMatching(/normal/) });
  });

  it('an aborted inspection ends FAILED with the vendor’s message', async () => {
    sim.setFaults({ operationFailureRate: 1 });
    const { workflow } = await ops().startInspection!((await firstCluster()).nativeId);
    const end = (await follow(workflow!.nativeId, MINUTE)).at(-1)!;
    expect(end).toMatchObject({ state: 'FAILED', message: expect.stringContaining('inspection aborted') });
  });

  it('stops a run: the same workflow, CANCELLED; stopping again answers it as it ended', async () => {
    const cluster = await firstCluster();
    const started = (await ops().startInspection!(cluster.nativeId)).workflow!;
    sim.advance(MINUTE);
    sim.resetStats();
    const stopped = await ops().stopInspection!(cluster.nativeId);
    expect(sim.stats().routes['POST /v1/cluster/inspection/stop']).toBe(1);
    expect(stopped.workflow).toMatchObject({ nativeId: started.nativeId, state: 'CANCELLED' });
    expect(stopped.workflow!.progress).toBeGreaterThan(started.progress!);
    expect((await ops().stopInspection!(cluster.nativeId)).workflow).toEqual(stopped.workflow);
  });

  it('an unknown cluster is NotFoundError before anything is sent', async () => {
    sim.resetStats();
    expect(await rejection(() => ops().startInspection!('no-such-cluster'))).toBeInstanceOf(NotFoundError);
    expect(await rejection(() => ops().stopInspection!('no-such-cluster'))).toBeInstanceOf(NotFoundError);
    expect(Object.keys(sim.stats().routes)).toEqual(['GET /v1/cluster/get']);
  });

  it('has exactly the operations the platform can do', () => {
    expect(Object.keys(ops()).sort()).toEqual(['createCluster', 'createSnapshot', 'deleteCluster', 'deleteSnapshot', 'startInspection', 'stopInspection']);
  });
});
