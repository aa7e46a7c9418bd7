import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SourceConfig } from '../../../src/config.js';
import { createMetrics } from '../../../src/metrics.js';
import type { Cluster, Workflow } from '../../../src/model/entities.js';
import { NotFoundError, ValidationError } from '../../../src/model/errors.js';
import type { SourceOperations } from '../../../src/model/operations.js';
import type { TiemCreateRequest } from '../../../src/sources/tiem/inputs.js';
import { TERMINAL_WORKFLOW_STATES } from '../../../src/model/status.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import { SourceError } from '../../../src/sources/errors.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { findRegion } from '../../../src/simulators/tiem/catalog.js';
import { tiemSimulator } from '../../../src/simulators/tiem/index.js';
import { createTiemAdapter } from '../../../src/sources/tiem/index.js';
import { rejection } from '../../helpers/rejection.js';
import { known } from '../../helpers/known.js';
import { call } from '../../helpers/sim-client.js';
import { login as tiemLogin } from '../../simulators/tiem/support.js';
import type { TiemVendor } from '../../../src/sources/tiem/vendor.js';

const SOURCE_ID = 'tiem-ops';
const PASSWORD = 'Secr3t!pass';

let sim: RunningSimulator;
let adapter: SourceAdapter;
let ops: SourceOperations;
const opened: SourceAdapter[] = [];

function adapterFor(overrides: Partial<SourceConfig> = {}): SourceAdapter {
  const built = createTiemAdapter(
    {
      id: SOURCE_ID,
      kind: 'tiem',
      name: 'TiEM under test',
      url: sim.url,
      timeoutMs: 5_000,
      retries: 0,
      concurrency: 4,
      credentials: { ...sim.credentials },
      ...overrides,
    },
    { metrics: createMetrics() },
  );
  opened.push(built);
  return built;
}

/** A fresh session, so every look is a new vendor read. */
function readers() {
  const s = adapter.session(new RequestScope());
  if (!s.clusters || !s.snapshots || !s.workflows) throw new Error('the TiEM session lacks a reader');
  return { clusters: s.clusters, snapshots: s.snapshots, workflows: s.workflows };
}

/** Vendor writes since the last stats reset, by route. */
const writes = () => Object.fromEntries(Object.entries(sim.stats().routes).filter(([route]) => !route.startsWith('GET') && !route.includes('/user/login')));

/** A cluster in this status with no maintenance under way. */
async function idleCluster(status: Cluster['status'] = 'RUNNING'): Promise<Cluster> {
  const found = (await readers().clusters.list({})).find((c) => c.status === status && !known(c.rawStatus).includes('/'));
  if (!found) throw new Error(`no idle ${status} cluster`);
  return found;
}

/**
 * Looks at the workflow, moves simulated time on, and looks again until it ends; checks
 * every look has the same id and that progress never goes back before the end.
 */
async function runToEnd(workflow: Workflow | undefined, stepMs = 20_000): Promise<Workflow> {
  if (!workflow) throw new Error('the operation returned no workflow');
  let last = workflow;
  for (let i = 0; i < 500 && !TERMINAL_WORKFLOW_STATES.has(last.state); i++) {
    sim.advance(stepMs);
    const next = await readers().workflows.get(workflow.nativeId);
    expect(next?.nativeId).toBe(workflow.nativeId);
    if (!next) throw new Error('the workflow vanished');
    if (!TERMINAL_WORKFLOW_STATES.has(next.state)) expect(next.progress ?? 0).toBeGreaterThanOrEqual(last.progress ?? 0);
    last = next;
  }
  return last;
}

/** The ValidationError's field; checks nothing was written to TiEM. */
async function invalidField(work: () => Promise<unknown>): Promise<string> {
  sim.resetStats();
  const err = await rejection(work());
  expect(err).toBeInstanceOf(ValidationError);
  expect(writes()).toEqual({});
  return (err as ValidationError).field;
}

async function vendorError(work: Promise<unknown>): Promise<SourceError> {
  const err = await rejection(work);
  expect(err).toBeInstanceOf(SourceError);
  expect((err as SourceError).code).toBe('SOURCE_ERROR');
  return err as SourceError;
}

const createRequest = (name: string, patch: Partial<TiemCreateRequest> = {}): TiemCreateRequest => ({
  name,
  version: 'v6.1.0',
  region: 'CN-HANGZHOU',
  labels: [
    { key: 'team', value: 'dba' },
    { key: 'critical', value: '' },
  ],
  tiem: {
    dbPassword: PASSWORD,
    components: [
      { type: 'PD', count: 3, spec: '4C8G', zone: 'CN-HANGZHOU-G' },
      { type: 'TiKV', count: 3, spec: '8C32G', zone: 'CN-HANGZHOU-H', diskType: 'NVMeSSD', diskCapacityGb: 500 },
      { type: 'TiDB', count: 2, spec: '8C16G', zone: 'CN-HANGZHOU-G' },
    ],
  },
  ...patch,
});

const op = <K extends keyof SourceOperations>(name: K): NonNullable<SourceOperations[K]> => {
  const fn = ops[name];
  if (!fn) throw new Error(`the TiEM adapter has no ${name}`);
  return fn.bind(ops) as NonNullable<SourceOperations[K]>;
};

beforeAll(async () => {
  sim = await startSimulator(tiemSimulator, { speed: 1, operationFailureRate: 0, clusters: 16 });
  adapter = adapterFor();
  ops = adapter.operations ?? {};
});
afterEach(() => {
  sim.setFaults({ operationFailureRate: 0, latencyMs: 0 });
});
afterAll(async () => {
  await Promise.all(opened.map((a) => a.close()));
  await sim.close();
});

describe('the operations a TiEM source has', () => {
  it('are exactly what TiEM can do: no labels, scaling, deployments or inspections', () => {
    expect(Object.keys(ops).sort()).toEqual(
      [
        'cancelWorkflow',
        'createCluster',
        'createSnapshot',
        'deleteCluster',
        'deleteSnapshot',
        'restartCluster',
        'restoreSnapshot',
        'startCluster',
        'stopCluster',
        'takeOverCluster',
      ].sort(),
    );
  });

  it('ask for the restored cluster’s root password when the source has no restoreDbPassword', async () => {
    const { restoreDbPassword: _, ...credentials } = sim.credentials;
    const restore = adapterFor({ credentials }).operations?.restoreSnapshot;
    const before = sim.stats().total;
    await expect(restore?.('any-backup', { clusterName: 'ops-restored-00' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'dbPassword' });
    expect(sim.stats().total).toBe(before);
  });
});

describe('createCluster', () => {
  it('creates the cluster with its components and labels; the CreateCluster workflow runs to SUCCEEDED', async () => {
    const result = await op('createCluster')(createRequest('ops-create-01'));
    expect(result.target).toMatchObject({ type: 'Cluster' });
    const id = result.target?.nativeId ?? '';
    expect(result.workflow).toMatchObject({ sourceId: SOURCE_ID, kind: 'CreateCluster', state: 'PENDING', target: { type: 'Cluster', nativeId: id } });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
    // The answer is the workflow as the reader serves it, under TiEM's workFlowId.
    expect(await readers().workflows.get(result.workflow?.nativeId ?? '')).toEqual(result.workflow);
    expect(await readers().clusters.get(id)).toMatchObject({ name: 'ops-create-01', status: 'CREATING', version: 'v6.1.0', region: 'CN-HANGZHOU' });

    expect(await runToEnd(result.workflow)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await readers().clusters.get(id)).toMatchObject({
      status: 'RUNNING',
      nodeCount: 8,
      labels: [
        { key: 'team', value: 'dba' },
        { key: 'critical', value: '' },
      ],
    });
  });

  it('places the cluster on the hosts named and applies the parameter group given (SpecificHost, parameterGroupID)', async () => {
    const hosts = ['172.31.9.1', '172.31.9.2', '172.31.9.3'];
    const tiem = createRequest('ops-create-hosts').tiem!;
    const request = createRequest('ops-create-hosts', {
      tiem: { ...tiem, parameterGroupId: 'pg-oltp', components: tiem.components.map((c, i) => ({ ...c, hostIp: hosts[i], diskId: `disk-${i}` })) },
    });
    const result = await op('createCluster')(request);
    expect(await runToEnd(result.workflow)).toMatchObject({ state: 'SUCCEEDED' });
    const scope = new RequestScope();
    const resources = await (adapter.vendor as TiemVendor).resources(scope, result.target?.nativeId ?? '');
    expect(resources?.mode).toBe('SpecificHost');
    expect(resources?.lines.map((l) => [l.component, l.hostIp, l.diskId])).toEqual([
      ['TiDB', hosts[2], 'disk-2'],
      ['TiKV', hosts[1], 'disk-1'],
      ['PD', hosts[0], 'disk-0'],
    ]);
    const token = await tiemLogin(sim);
    const flow = await call(sim, 'GET', `/api/v1/workflow/${result.workflow?.nativeId}`, { headers: { authorization: `Bearer ${token}` } });
    const applied = flow.body.data.nodes.find((n: { name: string }) => n.name === 'applyParameterGroup');
    expect(JSON.parse(applied.parameters)).toMatchObject({ parameterGroupID: 'pg-oltp' });
  });

  it('validates before sending anything', async () => {
    expect(await invalidField(() => op('createCluster')(createRequest('x', { version: undefined })))).toBe('input.version');
    const { tiem: _block, ...withoutBlock } = createRequest('x');
    expect(await invalidField(() => op('createCluster')(withoutBlock))).toBe('input.tiem');
    expect(await invalidField(() => op('createCluster')(createRequest('x', { labels: [{ key: 'a:b', value: '' }] })))).toBe('input.labels[0].key');
  });

  it('reports TiEM’s refusals with TiEM’s code: a taken name, an unknown region', async () => {
    const taken = await idleCluster();
    expect((await vendorError(op('createCluster')(createRequest(taken.name)))).detail).toMatchObject({ vendorCode: '20101', httpStatus: 400 });
    expect((await vendorError(op('createCluster')(createRequest('ops-create-02', { region: 'MARS-1' })))).detail.vendorCode).toBe('30109');
  });

  it('a failed creation ends FAILED with TiEM’s message, and the cluster FAILED', async () => {
    sim.setFaults({ operationFailureRate: 1 });
    const result = await op('createCluster')(createRequest('ops-create-03'));
    const end = await runToEnd(result.workflow);
    expect(end.state).toBe('FAILED');
    expect(end.message).toMatch(/failed/);
    expect((await readers().clusters.get(result.target?.nativeId ?? ''))?.status).toBe('FAILED');
  });
});

describe('stop, start and restart', () => {
  it('stops a running cluster, refuses to stop it twice, and starts it only once it is stopped', async () => {
    const { nativeId: id } = await idleCluster();
    sim.resetStats();
    expect(await invalidField(() => op('startCluster')(id))).toBe('id');

    const stop = await op('stopCluster')(id);
    expect(stop.workflow).toMatchObject({ kind: 'StopCluster', target: { type: 'Cluster', nativeId: id } });
    expect((await readers().clusters.get(id))?.status).toBe('STOPPING');
    expect(await runToEnd(stop.workflow)).toMatchObject({ state: 'SUCCEEDED' });
    expect((await readers().clusters.get(id))?.status).toBe('STOPPED');
    expect((await vendorError(op('stopCluster')(id))).detail.vendorCode).toBe('20114');

    const start = await op('startCluster')(id);
    // TiEM starts a stopped cluster with its RestartCluster flow.
    expect(start.workflow?.kind).toBe('RestartCluster');
    expect(start.workflow?.steps.map((s) => s.name)).toContain('startCluster');
    expect(await runToEnd(start.workflow)).toMatchObject({ state: 'SUCCEEDED' });
    expect((await readers().clusters.get(id))?.status).toBe('RUNNING');
  });

  it('restarts a running cluster; a second restart meanwhile is TiEM’s maintenance conflict', async () => {
    const { nativeId: id } = await idleCluster();
    const restart = await op('restartCluster')(id);
    expect((await readers().clusters.get(id))?.status).toBe('UPDATING');
    const busy = await vendorError(op('restartCluster')(id));
    expect(busy.detail).toMatchObject({ vendorCode: '20114', httpStatus: 409 });
    expect(await runToEnd(restart.workflow)).toMatchObject({ state: 'SUCCEEDED', kind: 'RestartCluster' });
  });

  it('a failed stop ends FAILED with TiEM’s message', async () => {
    const { nativeId: id } = await idleCluster();
    sim.setFaults({ operationFailureRate: 1 });
    const end = await runToEnd((await op('stopCluster')(id)).workflow);
    expect(end).toMatchObject({ state: 'FAILED' });
    expect(end.message).toMatch(/^clusterStop: tiup cluster stop .* failed/);
  });

  it('answers an unknown cluster with NotFoundError', async () => {
    expect(await rejection(op('restartCluster')('no-such-cluster'))).toBeInstanceOf(NotFoundError);
    expect(await rejection(op('startCluster')('no-such-cluster'))).toMatchObject({ code: 'NOT_FOUND', type: 'Cluster' });
  });
});

describe('deleteCluster', () => {
  it('with keepLastSnapshot takes a backup first and keeps it after the cluster is gone', async () => {
    const { nativeId: id } = await idleCluster();
    const result = await op('deleteCluster')(id, { force: false, keepLastSnapshot: true });
    expect(result.workflow).toMatchObject({ kind: 'DeleteCluster', steps: expect.arrayContaining([expect.objectContaining({ name: 'backupBeforeDelete' })]) });
    expect((await readers().clusters.get(id))?.status).toBe('DELETING');
    expect(await runToEnd(result.workflow)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await readers().clusters.get(id)).toBeNull();
    const kept = await readers().snapshots.list({ clusterNativeId: id });
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((s) => s.status === 'AVAILABLE')).toBe(true);
  });

  it('without it the backups go with the cluster', async () => {
    const { nativeId: id } = await idleCluster();
    await runToEnd((await op('deleteCluster')(id, { force: false, keepLastSnapshot: false })).workflow);
    expect(await readers().clusters.get(id)).toBeNull();
    expect(await readers().snapshots.list({ clusterNativeId: id })).toEqual([]);
  });

  it('force deletes a busy cluster; unforced it is TiEM’s conflict', async () => {
    const { nativeId: id } = await idleCluster();
    const restart = await op('restartCluster')(id);
    expect((await vendorError(op('deleteCluster')(id, { force: false, keepLastSnapshot: false }))).detail.vendorCode).toBe('20114');
    const forced = await op('deleteCluster')(id, { force: true, keepLastSnapshot: false });
    expect((await readers().workflows.get(restart.workflow?.nativeId ?? ''))?.state).toBe('CANCELLED');
    expect(await runToEnd(forced.workflow)).toMatchObject({ state: 'SUCCEEDED' });
  });
});

describe('takeOverCluster', () => {
  const takeover = (name: string) => ({
    name,
    dbPassword: PASSWORD,
    controlHost: { ip: '172.16.4.147', port: 22, user: 'root', password: 'ssh-pass', tiupPath: '.tiup/' },
  });

  it('brings the cluster under TiEM; the TakeoverCluster workflow runs to SUCCEEDED', async () => {
    const result = await op('takeOverCluster')(takeover('ops-taken-01'));
    expect(result.workflow).toMatchObject({ kind: 'TakeOverCluster', rawKind: 'TakeoverCluster' });
    expect(JSON.stringify(result)).not.toMatch(/ssh-pass|Secr3t/);
    expect(await runToEnd(result.workflow)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await readers().clusters.get(result.target?.nativeId ?? '')).toMatchObject({ name: 'ops-taken-01', status: 'RUNNING' });
  });

  it('validates the control machine before sending anything', async () => {
    const bad = takeover('x');
    expect(await invalidField(() => op('takeOverCluster')({ ...bad, controlHost: { ...bad.controlHost, ip: 'tiup.local' } }))).toBe('input.controlHostIp');
    expect(await invalidField(() => op('takeOverCluster')({ ...bad, controlHost: { ...bad.controlHost, port: 0 } }))).toBe('input.controlHostPort');
  });

  it('a failed takeover ends FAILED and TiEM forgets the cluster', async () => {
    sim.setFaults({ operationFailureRate: 1 });
    const result = await op('takeOverCluster')(takeover('ops-taken-02'));
    expect((await runToEnd(result.workflow)).state).toBe('FAILED');
    expect(await readers().clusters.get(result.target?.nativeId ?? '')).toBeNull();
  });
});

describe('snapshots', () => {
  it('createSnapshot starts a backup: CREATING, then AVAILABLE with its size when BackupCluster succeeds', async () => {
    const { nativeId: id } = await idleCluster();
    const result = await op('createSnapshot')(id, {});
    expect(result.target?.type).toBe('Snapshot');
    const backupId = result.target?.nativeId ?? '';
    expect(result.workflow).toMatchObject({ kind: 'CreateSnapshot', rawKind: 'BackupCluster', target: { type: 'Cluster', nativeId: id } });
    expect((await readers().snapshots.get(backupId))?.status).toBe('CREATING');
    expect(await runToEnd(result.workflow)).toMatchObject({ state: 'SUCCEEDED' });
    const done = await readers().snapshots.get(backupId);
    expect(done).toMatchObject({ status: 'AVAILABLE', clusterNativeId: id, type: 'MANUAL' });
    expect(done?.sizeBytes).toBeGreaterThan(0);
  });

  it('createSnapshot refuses a name before sending, and TiEM refuses a stopped cluster', async () => {
    const { nativeId: id } = await idleCluster();
    expect(await invalidField(() => op('createSnapshot')(id, { name: 'nightly' }))).toBe('name');
    const stopped = await idleCluster('STOPPED');
    expect((await vendorError(op('createSnapshot')(stopped.nativeId, {}))).detail.vendorCode).toBe('20114');
    expect(await rejection(op('createSnapshot')('no-such-cluster', {}))).toMatchObject({ code: 'NOT_FOUND', type: 'Cluster' });
  });

  it('a failed backup ends FAILED and the snapshot FAILED', async () => {
    const { nativeId: id } = await idleCluster();
    sim.setFaults({ operationFailureRate: 1 });
    const result = await op('createSnapshot')(id, {});
    const end = await runToEnd(result.workflow);
    expect(end.state).toBe('FAILED');
    expect(end.message).toMatch(/br backup full failed/);
    expect((await readers().snapshots.get(result.target?.nativeId ?? ''))?.status).toBe('FAILED');
  });

  it('deleteSnapshot removes a backup at once (no workflow); a running one is TiEM’s refusal, an unknown one NotFound', async () => {
    const { nativeId: id } = await idleCluster();
    const created = await op('createSnapshot')(id, {});
    const backupId = created.target?.nativeId ?? '';
    expect((await vendorError(op('deleteSnapshot')(backupId))).detail.vendorCode).toBe('20610');
    await runToEnd(created.workflow);
    expect(await op('deleteSnapshot')(backupId)).toEqual({ target: { type: 'Snapshot', nativeId: backupId } });
    expect(await readers().snapshots.get(backupId)).toBeNull();
    expect(await rejection(op('deleteSnapshot')(backupId))).toMatchObject({ code: 'NOT_FOUND', type: 'Snapshot' });
  });

  it('restoreSnapshot creates a cluster like the backup’s own, in the zone asked for, through RestoreNewCluster', async () => {
    const source = await idleCluster();
    const detail = await readers().clusters.get(source.nativeId);
    const zone = findRegion(source.region ?? '')?.zones.at(-1)?.zoneId ?? '';
    const backup = await op('createSnapshot')(source.nativeId, {});
    await runToEnd(backup.workflow);
    const restored = await op('restoreSnapshot')(backup.target?.nativeId ?? '', { clusterName: 'ops-restored-01', availabilityZone: zone });
    expect(restored.workflow).toMatchObject({ kind: 'RestoreSnapshot', rawKind: 'RestoreNewCluster' });
    expect(JSON.stringify(restored)).not.toContain(sim.credentials.restoreDbPassword);
    expect(await runToEnd(restored.workflow, 60_000)).toMatchObject({ state: 'SUCCEEDED' });
    const copyId = restored.target?.nativeId ?? '';
    const copy = await readers().clusters.get(copyId);
    expect(copy).toMatchObject({
      name: 'ops-restored-01',
      status: 'RUNNING',
      version: source.version,
      region: source.region,
      nodeCount: detail?.nodeCount,
      labels: [],
    });
    const hosts = (await adapter.session(new RequestScope()).hosts?.byCluster?.(copyId)) ?? [];
    expect(new Set(hosts.map((h) => known(h.labels).find((l) => l.key === 'zone')?.value))).toEqual(new Set([zone]));
  });

  it('restoreSnapshot validates its name first, and TiEM refuses a backup that has not finished', async () => {
    const { nativeId: id } = await idleCluster();
    const backup = await op('createSnapshot')(id, {});
    expect(await invalidField(() => op('restoreSnapshot')(backup.target?.nativeId ?? '', { clusterName: ' ' }))).toBe('clusterName');
    expect((await vendorError(op('restoreSnapshot')(backup.target?.nativeId ?? '', { clusterName: 'ops-restored-02' }))).detail.vendorCode).toBe('20610');
    await runToEnd(backup.workflow);
    expect(await rejection(op('restoreSnapshot')('no-such-backup', { clusterName: 'ops-restored-03' }))).toMatchObject({ code: 'NOT_FOUND', type: 'Snapshot' });
  });
});

describe('cancelWorkflow', () => {
  it('stops a running workflow (CANCELLED); an ended one is TiEM’s refusal, an unknown one NotFound', async () => {
    const { nativeId: id } = await idleCluster();
    const stop = await op('stopCluster')(id);
    sim.advance(30_000);
    const canceled = await op('cancelWorkflow')(stop.workflow?.nativeId ?? '');
    expect(canceled.target).toEqual({ type: 'Workflow', nativeId: stop.workflow?.nativeId });
    expect(canceled.workflow).toMatchObject({ nativeId: stop.workflow?.nativeId, state: 'CANCELLED', rawState: 'Canceled' });
    expect((await vendorError(op('cancelWorkflow')(stop.workflow?.nativeId ?? ''))).detail.vendorCode).toBe('40106');
    expect(await rejection(op('cancelWorkflow')('no-such-flow'))).toMatchObject({ code: 'NOT_FOUND', type: 'Workflow' });
  });
});

describe('a write that times out', () => {
  it('is outcomeUnknown and was sent exactly once', async () => {
    const slow = adapterFor({ timeoutMs: 300 });
    const { nativeId: id } = await idleCluster();
    await slow.session(new RequestScope()).clusters?.get(id); // signs in while TiEM is quick
    sim.resetStats();
    sim.setFaults({ latencyMs: 800 });
    const err = await rejection(slow.operations?.restartCluster?.(id) ?? Promise.resolve());
    expect(err).toBeInstanceOf(SourceError);
    expect(err).toMatchObject({ code: 'SOURCE_TIMEOUT', detail: { outcomeUnknown: true } });
    await vi.waitFor(() => expect(writes()).toEqual({ 'POST /api/v1/clusters/{clusterId}/restart': 1 }), { timeout: 3_000 });
  });
});
