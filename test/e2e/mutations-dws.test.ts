import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

const MINUTE = 60_000;
const PASSWORD = 'Gauss_2024!x';

const gql = (text: string) => parse(text) as TypedDocumentNode<any, any>;

/** Every branch of a mutation's result union. */
const RESULT = `
  __typename
  ... on OperationPayload { targetId workflow { id kind state rawState progress message } }
  ... on ValidationError { field message }
  ... on SourceError { vendorCode vendorMessage httpStatus outcomeUnknown }
  ... on NotFoundError { id }
  ... on UnsupportedOperationError { operation sourceKind }
`;
const CREATE = gql(`mutation($input: CreateClusterInput!) { createCluster(input: $input) { ${RESULT} } }`);
const DELETE = gql(`mutation($id: ID!, $force: Boolean, $keep: Boolean) { deleteCluster(id: $id, force: $force, keepLastSnapshot: $keep) { ${RESULT} } }`);
const RESTART = gql(`mutation($id: ID!) { restartCluster(id: $id) { ${RESULT} } }`);
const STOP = gql(`mutation($id: ID!) { stopCluster(id: $id) { ${RESULT} } }`);
const SCALE = gql(`mutation($id: ID!, $input: ScaleClusterInput!) { scaleCluster(id: $id, input: $input) { ${RESULT} } }`);
const LABELS = gql(`mutation($id: ID!, $labels: [LabelInput!]!) { setClusterLabels(id: $id, labels: $labels) { ${RESULT} } }`);
const CREATE_SNAPSHOT = gql(`mutation($id: ID!, $name: String) { createSnapshot(clusterId: $id, name: $name) { ${RESULT} } }`);
const DELETE_SNAPSHOT = gql(`mutation($id: ID!) { deleteSnapshot(id: $id) { ${RESULT} } }`);
const RESTORE = gql(`mutation($id: ID!, $name: String!, $pwd: String) { restoreSnapshot(id: $id, clusterName: $name, dbPassword: $pwd) { ${RESULT} } }`);
const COPY = gql(`mutation($id: ID!, $name: String!) { copySnapshot(id: $id, name: $name) { ${RESULT} } }`);
const NODE = gql(`query($id: ID!) {
  node(id: $id) {
    __typename
    ... on Workflow { state progress message rawState }
    ... on Cluster { name status nodeCount labels { key value } }
    ... on Snapshot { name type snapshotStatus: status }
  }
}`);
const DWS_CLUSTERS = gql(`query { clusters(first: 50, filter: { sourceIds: ["dws"] }) { edges { node { id name rawStatus } } } }`);
const DWS_SNAPSHOTS = gql(`query { snapshots(first: 100, filter: { sourceIds: ["dws"] }) { edges { node { id type snapshotStatus: status } } } }`);

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());
beforeEach(() => demo.resetCounts());

const dws = () => demo.fleet.simulators.dws;
const dwsWrites = () => Object.keys(demo.vendorCalls().dws!.routes).filter((r) => !r.startsWith('GET ') && r !== 'POST /v3/auth/tokens');

async function mutate(doc: TypedDocumentNode<any, any>, variables: Record<string, unknown>) {
  const res = await demo.run(doc, variables);
  expect(res.errors).toBeUndefined();
  expect(JSON.stringify(res.data)).not.toContain(PASSWORD);
  return Object.values(res.data as Record<string, any>)[0];
}

const node = async (id: string) => (await demo.run(NODE, { id })).data.node;

/** Moves the DWS simulator's clock until the workflow ends, reading it back each time. */
async function runToEnd(workflowId: string, stepMs: number): Promise<{ state: string; progress: number | null; message: string | null }> {
  let last = 0;
  for (let i = 0; i < 80; i++) {
    const wf = await node(workflowId);
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
    const created = await mutate(CREATE, createInput('e2e-dws', { labels: [{ key: 'env', value: 'e2e' }] }));
    expect(created).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_CLUSTER', state: 'RUNNING', rawState: 'CREATING' } });
    const clusterId = created.targetId as string;
    expect(await node(clusterId)).toMatchObject({ __typename: 'Cluster', name: 'e2e-dws', status: 'CREATING', labels: [{ key: 'env', value: 'e2e' }] });
    expect(await runToEnd(created.workflow.id, 3 * MINUTE)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });

    const relabelled = await mutate(LABELS, { id: clusterId, labels: [{ key: 'team', value: 'bi' }] });
    expect(relabelled).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId, workflow: null });
    expect((await node(clusterId)).labels).toEqual([{ key: 'team', value: 'bi' }]);

    const scaled = await mutate(SCALE, { id: clusterId, input: { nodeCount: 6 } });
    expect(scaled).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId, workflow: { kind: 'SCALE_CLUSTER', state: 'RUNNING' } });
    expect(await runToEnd(scaled.workflow.id, 3 * MINUTE)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await node(clusterId)).toMatchObject({ status: 'RUNNING', nodeCount: 6 });

    const cns = await mutate(SCALE, { id: clusterId, input: { coordinatorCount: 3 } });
    expect(cns).toMatchObject({ workflow: { kind: 'ADD_COORDINATORS', state: 'RUNNING' } });
    expect(await runToEnd(cns.workflow.id, MINUTE)).toMatchObject({ state: 'SUCCEEDED' });

    const restarted = await mutate(RESTART, { id: clusterId });
    expect(restarted).toMatchObject({ workflow: { kind: 'RESTART_CLUSTER', rawState: 'REBOOTING' } });
    expect(await mutate(RESTART, { id: clusterId })).toMatchObject({ __typename: 'SourceError', vendorCode: 'DWS.0011', httpStatus: 409, outcomeUnknown: false });
    expect(await runToEnd(restarted.workflow.id, MINUTE)).toMatchObject({ state: 'SUCCEEDED' });

    const snapshot = await mutate(CREATE_SNAPSHOT, { id: clusterId });
    expect(snapshot).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_SNAPSHOT', state: 'RUNNING' } });
    expect(await runToEnd(snapshot.workflow.id, MINUTE)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await node(snapshot.targetId)).toMatchObject({ __typename: 'Snapshot', type: 'MANUAL', snapshotStatus: 'AVAILABLE', name: expect.stringMatching(/^e2e-dws-\d{14}$/) });

    const restored = await mutate(RESTORE, { id: snapshot.targetId, name: 'e2e-dws-restored' });
    expect(restored).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'RESTORE_SNAPSHOT', state: 'RUNNING', rawState: 'RESTORING' } });
    expect(restored.targetId).not.toBe(clusterId);
    expect(await runToEnd(restored.workflow.id, 3 * MINUTE)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await node(restored.targetId)).toMatchObject({ __typename: 'Cluster', name: 'e2e-dws-restored', status: 'RUNNING' });

    expect(await mutate(DELETE_SNAPSHOT, { id: snapshot.targetId })).toMatchObject({ __typename: 'OperationPayload', targetId: snapshot.targetId, workflow: null });
    expect(await node(snapshot.targetId)).toBeNull();
    expect(await mutate(DELETE_SNAPSHOT, { id: snapshot.targetId })).toMatchObject({ __typename: 'NotFoundError', id: snapshot.targetId });

    const deleted = await mutate(DELETE, { id: clusterId, keep: true });
    expect(deleted).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId, workflow: { kind: 'DELETE_CLUSTER', state: 'RUNNING' } });
    expect(await runToEnd(deleted.workflow.id, MINUTE)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
  });

  it('a restart that fails ends FAILED with the vendor’s message', async () => {
    const created = await mutate(CREATE, createInput('e2e-dws-doomed'));
    await runToEnd(created.workflow.id, 3 * MINUTE);
    dws().setFaults({ operationFailureRate: 1 });
    try {
      const restarted = await mutate(RESTART, { id: created.targetId });
      expect(await runToEnd(restarted.workflow.id, MINUTE)).toMatchObject({ state: 'FAILED', message: expect.stringContaining('DWS.6002') });
    } finally {
      dws().setFaults({ operationFailureRate: 0 });
    }
  });

  it('refusals come back as typed results; the gateway’s own send nothing', async () => {
    const { data } = await demo.run(DWS_CLUSTERS);
    const existing = data.clusters.edges.map((e: any) => e.node).find((c: any) => c.rawStatus === 'AVAILABLE');
    expect(await mutate(CREATE, { input: { sourceId: 'dws', name: 'e2e-no-block' } })).toMatchObject({ __typename: 'ValidationError', field: 'input.dws' });
    expect(await mutate(CREATE, createInput('e2e-weak', {}, { adminPassword: 'weakpassword' }))).toMatchObject({ __typename: 'ValidationError', field: 'input.dws.adminPassword' });
    expect(await mutate(CREATE, createInput('e2e-versioned', { version: '8.2.0' }))).toMatchObject({ __typename: 'ValidationError', field: 'input.version' });
    expect(await mutate(DELETE, { id: existing.id, force: true })).toMatchObject({ __typename: 'ValidationError', field: 'force' });
    expect(await mutate(SCALE, { id: existing.id, input: { nodeCount: 9, coordinatorCount: 3 } })).toMatchObject({ __typename: 'ValidationError', field: 'input' });
    expect(await mutate(LABELS, { id: existing.id, labels: [{ key: 'a*b', value: '' }] })).toMatchObject({ __typename: 'ValidationError', field: 'labels[0].key' });
    expect(await mutate(CREATE_SNAPSHOT, { id: existing.id, name: 'x' })).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    expect(await mutate(STOP, { id: existing.id })).toMatchObject({ __typename: 'UnsupportedOperationError', operation: 'stopCluster', sourceKind: 'DWS' });
    const snapshots = (await demo.run(DWS_SNAPSHOTS)).data.snapshots.edges.map((e: any) => e.node);
    const manual = snapshots.find((s: any) => s.type === 'MANUAL' && s.snapshotStatus === 'AVAILABLE');
    expect(await mutate(RESTORE, { id: manual.id, name: 'e2e-with-pwd', pwd: PASSWORD })).toMatchObject({ __typename: 'ValidationError', field: 'dbPassword' });
    expect(dwsWrites()).toEqual([]);

    expect(await mutate(CREATE, createInput(existing.name))).toMatchObject({ __typename: 'SourceError', vendorCode: 'DWS.5050', httpStatus: 409, outcomeUnknown: false });
    expect(await mutate(COPY, { id: manual.id, name: 'e2e-copy' })).toMatchObject({ __typename: 'SourceError', vendorCode: 'DWS.5089', httpStatus: 400 });
    expect(dwsWrites().sort()).toEqual(['POST /v1.0/{project_id}/clusters', 'POST /v1.0/{project_id}/snapshots/{snapshot_id}/linked-copy']);
  });
});
