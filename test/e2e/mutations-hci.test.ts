import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ClusterPageDocument,
  ClusterStateDocument,
  CreateClusterDocument,
  CreateSnapshotDocument,
  DeleteClusterDocument,
  DeleteSnapshotDocument,
  RestartClusterDocument,
  StartInspectionDocument,
  SnapshotStateDocument,
  StopInspectionDocument,
  WorkflowStateDocument,
} from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { mutate, payload, started } from '../helpers/mutations.js';
import { expectGone, readNode } from '../helpers/nodes.js';

const MINUTE = 60_000;

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());
beforeEach(() => demo.resetCounts());

const hci = () => demo.fleet.simulators.hci;
const hciWrites = () => Object.keys(demo.vendorCalls().hci!.routes).filter((r) => !r.startsWith('GET '));

const workflow = (id: string) => readNode(demo, WorkflowStateDocument, id, 'Workflow');
const cluster = (id: string) => readNode(demo, ClusterStateDocument, id, 'Cluster');
const snapshot = (id: string) => readNode(demo, SnapshotStateDocument, id, 'Snapshot');

/** Moves the HCI simulator's clock until the workflow ends, reading it back each time. */
async function runToEnd(workflowId: string, stepMs: number): Promise<{ state: string; progress: number | null; message: string | null }> {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const wf = await workflow(workflowId);
    expect(wf.progress).toBeGreaterThanOrEqual(last);
    last = wf.progress ?? last;
    if (wf.state !== 'PENDING' && wf.state !== 'RUNNING') return wf;
    hci().advance(stepMs);
  }
  throw new Error('the workflow did not end');
}

const addInput = (name: string, centerIp: string, extra: Record<string, unknown> = {}) => ({
  input: { sourceId: 'hci', name, hci: { centerIp, description: 'e2e' }, ...extra },
});

describe('HCI mutations through /graphql', () => {
  it('adds a cluster (its join runs to SUCCEEDED), inspects it, snapshots it and deletes it', async () => {
    const created = started(await mutate(demo, CreateClusterDocument, addInput('e2e-hci', '10.99.1.11')));
    expect(created).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'JOIN_CLUSTER', state: expect.stringMatching(/^(PENDING|RUNNING)$/) } });
    expect(created.workflow.progress).toBeLessThan(0.1);
    const clusterId = created.targetId;
    expect(await cluster(clusterId)).toMatchObject({ __typename: 'Cluster', name: 'e2e-hci', status: 'CREATING' });
    expect(await runToEnd(created.workflow.id, 5 * MINUTE)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    // In service now; a new cluster may still report degraded volumes (the simulator draws them).
    expect(['RUNNING', 'DEGRADED']).toContain((await cluster(clusterId)).status);

    const inspection = started(await mutate(demo, StartInspectionDocument, { id: clusterId }));
    expect(inspection).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId, workflow: { kind: 'INSPECT_CLUSTER', state: 'RUNNING' } });
    // The vendor refuses a second run, and a delete without force while one runs.
    expect(await mutate(demo, StartInspectionDocument, { id: clusterId })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: '10009',
      httpStatus: 409,
      outcomeUnknown: false,
    });
    expect(await mutate(demo, DeleteClusterDocument, { id: clusterId, force: false })).toMatchObject({ __typename: 'SourceError', vendorCode: '10010' });
    hci().advance(MINUTE);
    const stopped = await mutate(demo, StopInspectionDocument, { id: clusterId });
    expect(stopped).toMatchObject({ __typename: 'OperationPayload', workflow: { id: inspection.workflow.id, state: 'CANCELLED' } });
    const rerun = started(await mutate(demo, StartInspectionDocument, { id: clusterId }));
    expect(rerun.workflow.id).not.toBe(inspection.workflow.id);
    expect(await runToEnd(rerun.workflow.id, MINUTE)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });

    const saved = payload(await mutate(demo, CreateSnapshotDocument, { clusterId }));
    expect(saved).toMatchObject({ __typename: 'OperationPayload', workflow: null });
    expect(await snapshot(saved.targetId)).toMatchObject({ __typename: 'Snapshot', type: 'MANUAL', status: 'AVAILABLE' });
    expect(await mutate(demo, DeleteSnapshotDocument, { id: saved.targetId })).toMatchObject({
      __typename: 'OperationPayload',
      targetId: saved.targetId,
      workflow: null,
    });
    await expectGone(demo, saved.targetId);
    expect(await mutate(demo, DeleteSnapshotDocument, { id: saved.targetId })).toMatchObject({ __typename: 'NotFoundError', id: saved.targetId });

    expect(await mutate(demo, DeleteClusterDocument, { id: clusterId, force: false })).toMatchObject({
      __typename: 'OperationPayload',
      targetId: clusterId,
      workflow: null,
    });
    await expectGone(demo, clusterId);
  });

  it('a join whose hosts fail ends FAILED with the vendor’s message', async () => {
    hci().setFaults({ operationFailureRate: 1 });
    try {
      const created = started(await mutate(demo, CreateClusterDocument, addInput('e2e-hci-doomed', '10.99.2.11')));
      expect(await runToEnd(created.workflow.id, 5 * MINUTE)).toMatchObject({ state: 'FAILED', message: expect.stringContaining('host task failed') });
    } finally {
      hci().setFaults({ operationFailureRate: 0 });
    }
  });

  it('refusals come back as typed results; the gateway’s own send nothing', async () => {
    const { data } = await demo.run(ClusterPageDocument, { first: 1, filter: { sourceIds: ['hci'] } });
    const existing = data!.clusters.edges[0]!.node;
    expect(await mutate(demo, CreateClusterDocument, addInput('e2e-bad-ip', '10.99.3.300'))).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.hci.centerIp',
    });
    expect(await mutate(demo, CreateClusterDocument, addInput('e2e-labels', '10.99.3.11', { labels: [{ key: 'env', value: 'prod' }] }))).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.labels',
    });
    expect(await mutate(demo, CreateClusterDocument, { input: { sourceId: 'hci', name: 'e2e-no-block' } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.hci',
    });
    expect(await mutate(demo, DeleteClusterDocument, { id: existing.id, keepLastSnapshot: true })).toMatchObject({
      __typename: 'ValidationError',
      field: 'keepLastSnapshot',
    });
    expect(await mutate(demo, CreateSnapshotDocument, { clusterId: existing.id, name: 'mine' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'name',
    });
    expect(await mutate(demo, RestartClusterDocument, { id: existing.id })).toMatchObject({
      __typename: 'UnsupportedOperationError',
      operation: 'restartCluster',
      sourceKind: 'HCI',
    });
    expect(hciWrites()).toEqual([]);

    const taken = await mutate(demo, CreateClusterDocument, addInput(existing.name, '10.99.4.11'));
    expect(taken).toMatchObject({ __typename: 'SourceError', vendorCode: '10005', httpStatus: 409, outcomeUnknown: false });
    expect(demo.vendorCalls().hci!.routes).toMatchObject({ 'POST /v1/cluster/add': 1 });
  });
});
