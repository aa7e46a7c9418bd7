import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ClusterPageDocument,
  ClusterStateDocument,
  CopySnapshotDocument,
  CreateClusterDocument,
  CreateSnapshotDocument,
  DeleteClusterDocument,
  DeleteSnapshotDocument,
  RestartClusterDocument,
  RestoreSnapshotDocument,
  ScaleClusterDocument,
  SetClusterLabelsDocument,
  SnapshotPageDocument,
  SnapshotStateDocument,
  StopClusterDocument,
  WorkflowStateDocument,
} from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { mutate, started } from '../helpers/mutations.js';
import { expectGone, readNode } from '../helpers/nodes.js';

const MINUTE = 60_000;
const PASSWORD = 'Gauss_2024!x';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());
beforeEach(() => demo.resetCounts());

const dws = () => demo.fleet.simulators.dws;
const dwsWrites = () => Object.keys(demo.vendorCalls().dws!.routes).filter((r) => !r.startsWith('GET ') && r !== 'POST /v3/auth/tokens');

/** Sends a mutation; no answer may carry the admin password back. */
async function send<R, V>(document: TypedDocumentNode<Record<string, R>, V>, variables: V): Promise<R> {
  const result = await mutate(demo, document, variables);
  expect(JSON.stringify(result)).not.toContain(PASSWORD);
  return result;
}

const workflow = (id: string) => readNode(demo, WorkflowStateDocument, id, 'Workflow');
const cluster = (id: string) => readNode(demo, ClusterStateDocument, id, 'Cluster');
const snapshot = (id: string) => readNode(demo, SnapshotStateDocument, id, 'Snapshot');

/** Moves the DWS simulator's clock until the workflow ends, reading it back each time. */
async function runToEnd(workflowId: string, stepMs: number): Promise<{ state: string; progress: number | null; message: string | null }> {
  let last = 0;
  for (let i = 0; i < 80; i++) {
    const wf = await workflow(workflowId);
    if (wf.progress !== null) {
      expect(wf.progress).toBeGreaterThanOrEqual(last);
      last = wf.progress;
    }
    if (wf.state !== 'PENDING' && wf.state !== 'RUNNING') return wf;
    dws().advance(stepMs);
  }
  throw new Error('the workflow did not end');
}

const createInput = (name: string, extra: Record<string, unknown> = {}, block: Record<string, unknown> = {}) => ({
  input: {
    sourceId: 'dws',
    name,
    dws: {
      nodeType: 'dws.m3.xlarge',
      nodes: 3,
      coordinators: 2,
      vpcId: '85b20d7e-9eb7-4b2a-98f3-3c8843ea3574',
      subnetId: '374eca02-cfc4-4de7-8ab5-dbebf7d9a720',
      securityGroupId: 'dc3ec145-9029-4b39-b5a3-ace5a01f772b',
      availabilityZone: 'cn-north-4a',
      adminUser: 'dbadmin',
      adminPassword: PASSWORD,
      ...block,
    },
    ...extra,
  },
});

describe('DWS mutations through /graphql', () => {
  it('creates, relabels, scales, restarts, snapshots, restores and deletes a cluster, each workflow to SUCCEEDED', async () => {
    const created = started(await send(CreateClusterDocument, createInput('e2e-dws', { labels: [{ key: 'env', value: 'e2e' }] })));
    expect(created).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_CLUSTER', state: 'RUNNING', rawState: 'CREATING' } });
    const clusterId = created.targetId;
    expect(await cluster(clusterId)).toMatchObject({ __typename: 'Cluster', name: 'e2e-dws', status: 'CREATING', labels: [{ key: 'env', value: 'e2e' }] });
    expect(await runToEnd(created.workflow.id, 3 * MINUTE)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });

    const relabelled = await send(SetClusterLabelsDocument, { id: clusterId, labels: [{ key: 'team', value: 'bi' }] });
    expect(relabelled).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId, workflow: null });
    expect((await cluster(clusterId)).labels).toEqual([{ key: 'team', value: 'bi' }]);

    const scaled = started(await send(ScaleClusterDocument, { id: clusterId, input: { nodeCount: 6 } }));
    expect(scaled).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId, workflow: { kind: 'SCALE_CLUSTER', state: 'RUNNING' } });
    expect(await runToEnd(scaled.workflow.id, 3 * MINUTE)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await cluster(clusterId)).toMatchObject({ status: 'RUNNING', nodeCount: 6 });

    const cns = started(await send(ScaleClusterDocument, { id: clusterId, input: { coordinatorCount: 3 } }));
    expect(cns).toMatchObject({ workflow: { kind: 'ADD_COORDINATORS', state: 'RUNNING' } });
    expect(await runToEnd(cns.workflow.id, MINUTE)).toMatchObject({ state: 'SUCCEEDED' });

    const restarted = started(await send(RestartClusterDocument, { id: clusterId }));
    expect(restarted).toMatchObject({ workflow: { kind: 'RESTART_CLUSTER', rawState: 'REBOOTING' } });
    expect(await send(RestartClusterDocument, { id: clusterId })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: 'DWS.0011',
      httpStatus: 409,
      outcomeUnknown: false,
    });
    expect(await runToEnd(restarted.workflow.id, MINUTE)).toMatchObject({ state: 'SUCCEEDED' });

    const saved = started(await send(CreateSnapshotDocument, { clusterId }));
    expect(saved).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_SNAPSHOT', state: 'RUNNING' } });
    expect(await runToEnd(saved.workflow.id, MINUTE)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await snapshot(saved.targetId)).toMatchObject({
      __typename: 'Snapshot',
      type: 'MANUAL',
      status: 'AVAILABLE',
      name: expect.stringMatching(/^e2e-dws-\d{14}$/),
    });

    const restored = started(await send(RestoreSnapshotDocument, { id: saved.targetId, clusterName: 'e2e-dws-restored' }));
    expect(restored).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'RESTORE_SNAPSHOT', state: 'RUNNING', rawState: 'RESTORING' } });
    expect(restored.targetId).not.toBe(clusterId);
    expect(await runToEnd(restored.workflow.id, 3 * MINUTE)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await cluster(restored.targetId)).toMatchObject({ __typename: 'Cluster', name: 'e2e-dws-restored', status: 'RUNNING' });

    expect(await send(DeleteSnapshotDocument, { id: saved.targetId })).toMatchObject({
      __typename: 'OperationPayload',
      targetId: saved.targetId,
      workflow: null,
    });
    await expectGone(demo, saved.targetId);
    expect(await send(DeleteSnapshotDocument, { id: saved.targetId })).toMatchObject({ __typename: 'NotFoundError', id: saved.targetId });

    const deleted = started(await send(DeleteClusterDocument, { id: clusterId, keepLastSnapshot: true }));
    expect(deleted).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId, workflow: { kind: 'DELETE_CLUSTER', state: 'RUNNING' } });
    expect(await runToEnd(deleted.workflow.id, MINUTE)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
  });

  it('a restart that fails ends FAILED with the vendor’s message', async () => {
    const created = started(await send(CreateClusterDocument, createInput('e2e-dws-doomed')));
    await runToEnd(created.workflow.id, 3 * MINUTE);
    dws().setFaults({ operationFailureRate: 1 });
    try {
      const restarted = started(await send(RestartClusterDocument, { id: created.targetId }));
      expect(await runToEnd(restarted.workflow.id, MINUTE)).toMatchObject({ state: 'FAILED', message: expect.stringContaining('DWS.6002') });
    } finally {
      dws().setFaults({ operationFailureRate: 0 });
    }
  });

  it('refusals come back as typed results; the gateway’s own send nothing', async () => {
    const { data } = await demo.run(ClusterPageDocument, { first: 50, filter: { sourceIds: ['dws'] } });
    const existing = data!.clusters.edges.map((e) => e.node).find((c) => c.rawStatus === 'AVAILABLE')!;
    expect(await send(CreateClusterDocument, { input: { sourceId: 'dws', name: 'e2e-no-block' } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.dws',
    });
    expect(await send(CreateClusterDocument, createInput('e2e-weak', {}, { adminPassword: 'weakpassword' }))).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.dws.adminPassword',
    });
    expect(await send(CreateClusterDocument, createInput('e2e-versioned', { version: '8.2.0' }))).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.version',
    });
    expect(await send(DeleteClusterDocument, { id: existing.id, force: true })).toMatchObject({ __typename: 'ValidationError', field: 'force' });
    expect(await send(ScaleClusterDocument, { id: existing.id, input: { nodeCount: 9, coordinatorCount: 3 } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input',
    });
    expect(await send(SetClusterLabelsDocument, { id: existing.id, labels: [{ key: 'a*b', value: '' }] })).toMatchObject({
      __typename: 'ValidationError',
      field: 'labels[0].key',
    });
    expect(await send(CreateSnapshotDocument, { clusterId: existing.id, name: 'x' })).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    expect(await send(StopClusterDocument, { id: existing.id })).toMatchObject({
      __typename: 'UnsupportedOperationError',
      operation: 'stopCluster',
      sourceKind: 'DWS',
    });
    const snapshots = (await demo.run(SnapshotPageDocument, { first: 100, filter: { sourceIds: ['dws'] } })).data!.snapshots.edges.map((e) => e.node);
    const manual = snapshots.find((s) => s.type === 'MANUAL' && s.status === 'AVAILABLE')!;
    expect(await send(RestoreSnapshotDocument, { id: manual.id, clusterName: 'e2e-with-pwd', dbPassword: PASSWORD })).toMatchObject({
      __typename: 'ValidationError',
      field: 'dbPassword',
    });
    expect(dwsWrites()).toEqual([]);

    expect(await send(CreateClusterDocument, createInput(existing.name))).toMatchObject({
      __typename: 'SourceError',
      vendorCode: 'DWS.5050',
      httpStatus: 409,
      outcomeUnknown: false,
    });
    expect(await send(CopySnapshotDocument, { id: manual.id, name: 'e2e-copy' })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: 'DWS.5089',
      httpStatus: 400,
    });
    expect(dwsWrites().sort()).toEqual(['POST /v1.0/{project_id}/clusters', 'POST /v1.0/{project_id}/snapshots/{snapshot_id}/linked-copy']);
  });
});
