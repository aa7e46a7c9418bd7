import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancelWorkflowDocument,
  ClusterPageDocument,
  ClusterStateDocument,
  CreateClusterDocument,
  CreateSnapshotDocument,
  DeleteClusterDocument,
  DeleteSnapshotDocument,
  RestartClusterDocument,
  RestoreSnapshotDocument,
  ScaleClusterDocument,
  SetClusterLabelsDocument,
  SnapshotStateDocument,
  StartClusterDocument,
  StopClusterDocument,
  TakeOverClusterDocument,
  WorkflowStateDocument,
} from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { tiemCreateInput } from '../helpers/inputs.js';
import { mutate, started } from '../helpers/mutations.js';
import { expectGone, readNode } from '../helpers/nodes.js';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

const tiem = () => demo.fleet.simulators.tiem;

const workflow = (id: string) => readNode(demo, WorkflowStateDocument, id, 'Workflow');
const cluster = (id: string) => readNode(demo, ClusterStateDocument, id, 'Cluster');
const snapshot = (id: string) => readNode(demo, SnapshotStateDocument, id, 'Snapshot');

/** TiEM calls other than reads (and logins) since the last stats reset. */
const tiemWrites = () => Object.entries(tiem().stats().routes).filter(([route]) => !route.startsWith('GET') && !route.includes('/user/login'));

/** Moves TiEM's clock until the workflow ends, looking through GraphQL; progress never goes back before the end. */
async function finish(workflowId: string, stepMs = 30_000) {
  let last = await workflow(workflowId);
  for (let i = 0; i < 300 && ['PENDING', 'RUNNING'].includes(last.state); i++) {
    tiem().advance(stepMs);
    const next = await workflow(workflowId);
    if (['PENDING', 'RUNNING'].includes(next.state)) expect(next.progress ?? 0).toBeGreaterThanOrEqual(last.progress ?? 0);
    last = next;
  }
  return last;
}

/** A running TiEM cluster with no maintenance under way, not one another test uses. */
const taken = new Set<string>();
async function idleCluster(): Promise<string> {
  const res = await demo.run(ClusterPageDocument, { first: 100, filter: { sourceIds: ['tiem'], status: ['RUNNING'] } });
  const found = res.data!.clusters.edges.map((e) => e.node).find((c) => c.rawStatus !== null && !c.rawStatus.includes('/') && !taken.has(c.id));
  if (!found) throw new Error('no idle running TiEM cluster');
  taken.add(found.id);
  return found.id;
}

const createInput = (name: string, patch: Record<string, unknown> = {}) => ({
  ...tiemCreateInput(name),
  labels: [{ key: 'team', value: 'dba' }],
  ...patch,
});

describe('TiEM mutations through /graphql', () => {
  it('createCluster returns the CreateCluster workflow, which runs to SUCCEEDED with the cluster RUNNING', async () => {
    const created = started(await mutate(demo, CreateClusterDocument, { input: createInput('e2e-tiem-01') }));
    expect(created).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_CLUSTER', state: 'PENDING', progress: 0 } });
    expect(await finish(created.workflow.id)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await cluster(created.targetId)).toMatchObject({ name: 'e2e-tiem-01', status: 'RUNNING', nodeCount: 8, labels: [{ key: 'team', value: 'dba' }] });
  });

  it('answers bad input with ValidationError before calling TiEM, and TiEM’s refusal with SourceError', async () => {
    tiem().resetStats();
    expect(await mutate(demo, CreateClusterDocument, { input: createInput('e2e-tiem-02', { version: null }) })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.version',
    });
    const components = [{ type: 'TiKV', count: 3, spec: '8C32G', zone: 'CN-HANGZHOU-H' }];
    const noPd = createInput('e2e-tiem-02', { tiem: { dbPassword: 'x', components } });
    expect(await mutate(demo, CreateClusterDocument, { input: noPd })).toMatchObject({ __typename: 'ValidationError', field: 'input.tiem.components' });
    expect(tiemWrites()).toEqual([]);
    expect(await mutate(demo, CreateClusterDocument, { input: createInput('e2e-tiem-01') })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: '20101',
      outcomeUnknown: false,
    });
  });

  it('has no way to set labels or scale: UnsupportedOperationError', async () => {
    const id = await idleCluster();
    expect(await mutate(demo, SetClusterLabelsDocument, { id, labels: [{ key: 'team', value: 'dba' }] })).toMatchObject({
      __typename: 'UnsupportedOperationError',
      sourceKind: 'TIEM',
      operation: 'setClusterLabels',
    });
    expect(await mutate(demo, ScaleClusterDocument, { id, input: { nodeCount: 5 } })).toMatchObject({
      __typename: 'UnsupportedOperationError',
      operation: 'scaleCluster',
    });
  });

  it('stops a cluster, refuses to start a running one, starts the stopped one, and cancels a restart', async () => {
    const id = await idleCluster();
    expect(await mutate(demo, StartClusterDocument, { id })).toMatchObject({ __typename: 'ValidationError', field: 'id' });
    const stop = started(await mutate(demo, StopClusterDocument, { id }));
    expect(stop.workflow.kind).toBe('STOP_CLUSTER');
    expect(await finish(stop.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await cluster(id)).toMatchObject({ status: 'STOPPED' });
    expect(await mutate(demo, StopClusterDocument, { id })).toMatchObject({ __typename: 'SourceError', vendorCode: '20114' });

    const start = started(await mutate(demo, StartClusterDocument, { id }));
    expect(start.workflow.kind).toBe('RESTART_CLUSTER');
    expect(await finish(start.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await cluster(id)).toMatchObject({ status: 'RUNNING' });

    const restart = started(await mutate(demo, RestartClusterDocument, { id }));
    expect(await mutate(demo, CancelWorkflowDocument, { id: restart.workflow.id })).toMatchObject({
      __typename: 'OperationPayload',
      targetId: restart.workflow.id,
      workflow: { state: 'CANCELLED' },
    });
    expect(await mutate(demo, CancelWorkflowDocument, { id: restart.workflow.id })).toMatchObject({ __typename: 'SourceError', vendorCode: '40106' });
  });

  it('backs up, restores the backup into a new cluster, and deletes the backup at once', async () => {
    const id = await idleCluster();
    expect(await mutate(demo, CreateSnapshotDocument, { clusterId: id, name: 'nightly' })).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    const backup = started(await mutate(demo, CreateSnapshotDocument, { clusterId: id }));
    expect(backup).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_SNAPSHOT' } });
    expect(await snapshot(backup.targetId)).toMatchObject({ status: 'CREATING' });
    expect(await finish(backup.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await snapshot(backup.targetId)).toMatchObject({ status: 'AVAILABLE' });

    const restore = started(await mutate(demo, RestoreSnapshotDocument, { id: backup.targetId, clusterName: 'e2e-tiem-restored' }));
    expect(restore).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'RESTORE_SNAPSHOT' } });
    expect(await finish(restore.workflow.id, 60_000)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await cluster(restore.targetId)).toMatchObject({ name: 'e2e-tiem-restored', status: 'RUNNING' });

    expect(await mutate(demo, DeleteSnapshotDocument, { id: backup.targetId })).toEqual({
      __typename: 'OperationPayload',
      targetId: backup.targetId,
      workflow: null,
    });
    await expectGone(demo, backup.targetId);
    expect(await mutate(demo, DeleteSnapshotDocument, { id: backup.targetId })).toMatchObject({ __typename: 'NotFoundError', type: 'Snapshot' });
  });

  it('deletes a cluster keeping a last backup, and takes one over', async () => {
    const id = await idleCluster();
    const deleted = started(await mutate(demo, DeleteClusterDocument, { id, keepLastSnapshot: true }));
    expect(deleted.workflow.kind).toBe('DELETE_CLUSTER');
    expect(await finish(deleted.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    await expectGone(demo, id);

    const input = {
      sourceId: 'tiem',
      name: 'e2e-tiem-taken',
      dbPassword: 'pw',
      controlHostIp: '172.16.4.147',
      controlHostUser: 'root',
      controlHostPassword: 'ssh',
    };
    expect(await mutate(demo, TakeOverClusterDocument, { input: { ...input, controlHostPort: 0 } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.controlHostPort',
    });
    const takeover = started(await mutate(demo, TakeOverClusterDocument, { input }));
    expect(takeover.workflow.kind).toBe('TAKE_OVER_CLUSTER');
    expect(await finish(takeover.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await cluster(takeover.targetId)).toMatchObject({ name: 'e2e-tiem-taken', status: 'RUNNING' });
  });
});
