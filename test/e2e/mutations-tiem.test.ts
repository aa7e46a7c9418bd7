import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { tiemCreateInput } from '../helpers/inputs.js';

/** Every mutation's answer, whichever member of its result union it is. */
const RESULT = `
  __typename
  ... on OperationPayload { targetId workflow { id nativeId kind state progress message } }
  ... on ValidationError { field message }
  ... on SourceError { vendorCode vendorMessage httpStatus outcomeUnknown }
  ... on NotFoundError { type id }
  ... on UnsupportedOperationError { sourceKind operation }
`;

const doc = (text: string) => parse(text) as TypedDocumentNode<any, any>;

const CREATE = doc(`mutation($input: CreateClusterInput!) { createCluster(input: $input) { ${RESULT} } }`);
const DELETE = doc(`mutation($id: ID!, $keep: Boolean) { deleteCluster(id: $id, keepLastSnapshot: $keep) { ${RESULT} } }`);
const STOP = doc(`mutation($id: ID!) { stopCluster(id: $id) { ${RESULT} } }`);
const START = doc(`mutation($id: ID!) { startCluster(id: $id) { ${RESULT} } }`);
const RESTART = doc(`mutation($id: ID!) { restartCluster(id: $id) { ${RESULT} } }`);
const TAKE_OVER = doc(`mutation($input: TakeOverClusterInput!) { takeOverCluster(input: $input) { ${RESULT} } }`);
const LABELS = doc(`mutation($id: ID!) { setClusterLabels(id: $id, labels: [{ key: "team", value: "dba" }]) { ${RESULT} } }`);
const SCALE = doc(`mutation($id: ID!) { scaleCluster(id: $id, input: { nodeCount: 5 }) { ${RESULT} } }`);
const BACKUP = doc(`mutation($id: ID!, $name: String) { createSnapshot(clusterId: $id, name: $name) { ${RESULT} } }`);
const DROP_BACKUP = doc(`mutation($id: ID!) { deleteSnapshot(id: $id) { ${RESULT} } }`);
const RESTORE = doc(`mutation($id: ID!, $name: String!) { restoreSnapshot(id: $id, clusterName: $name) { ${RESULT} } }`);
const CANCEL = doc(`mutation($id: ID!) { cancelWorkflow(id: $id) { ${RESULT} } }`);
const NODE = doc(`query($id: ID!) {
  node(id: $id) {
    __typename
    ... on Workflow { state progress message kind }
    ... on Cluster { name status rawStatus version nodeCount labels { key value } }
    ... on Snapshot { snapshotStatus: status }
  }
}`);
const RUNNING = doc(`{ clusters(first: 100, filter: { sourceIds: ["tiem"], status: [RUNNING] }) { edges { node { id name rawStatus } } } }`);

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

const tiem = () => demo.fleet.simulators.tiem;

/** Runs a mutation and returns its result union member. */
async function mutate(document: TypedDocumentNode<any, any>, variables: Record<string, unknown>) {
  const res = await demo.run(document, variables);
  expect(res.errors).toBeUndefined();
  const [result] = Object.values(res.data ?? {}) as any[];
  return result;
}

async function node(id: string) {
  const res = await demo.run(NODE, { id });
  expect(res.errors).toBeUndefined();
  return res.data.node;
}

/** The object no longer exists: node(id) answers NOT_FOUND. */
async function expectGone(id: string) {
  const res = await demo.run(NODE, { id });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id });
}

/** TiEM calls other than reads (and logins) since the last stats reset. */
const tiemWrites = () => Object.entries(tiem().stats().routes).filter(([route]) => !route.startsWith('GET') && !route.includes('/user/login'));

/** Moves TiEM's clock until the workflow ends, looking through GraphQL; progress never goes back before the end. */
async function finish(workflowId: string, stepMs = 30_000) {
  let last = await node(workflowId);
  for (let i = 0; i < 300 && ['PENDING', 'RUNNING'].includes(last.state); i++) {
    tiem().advance(stepMs);
    const next = await node(workflowId);
    if (['PENDING', 'RUNNING'].includes(next.state)) expect(next.progress ?? 0).toBeGreaterThanOrEqual(last.progress ?? 0);
    last = next;
  }
  return last;
}

/** A running TiEM cluster with no maintenance under way, not one another test uses. */
const taken = new Set<string>();
async function idleCluster(): Promise<string> {
  const res = await demo.run(RUNNING);
  const found = res.data.clusters.edges.map((e: any) => e.node).find((c: any) => !c.rawStatus.includes('/') && !taken.has(c.id));
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
    const created = await mutate(CREATE, { input: createInput('e2e-tiem-01') });
    expect(created).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_CLUSTER', state: 'PENDING', progress: 0 } });
    expect(await finish(created.workflow.id)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await node(created.targetId)).toMatchObject({ name: 'e2e-tiem-01', status: 'RUNNING', nodeCount: 8, labels: [{ key: 'team', value: 'dba' }] });
  });

  it('answers bad input with ValidationError before calling TiEM, and TiEM’s refusal with SourceError', async () => {
    tiem().resetStats();
    expect(await mutate(CREATE, { input: createInput('e2e-tiem-02', { version: null }) })).toMatchObject({ __typename: 'ValidationError', field: 'input.version' });
    const components = [{ type: 'TiKV', count: 3, spec: '8C32G', zone: 'CN-HANGZHOU-H' }];
    const noPd = createInput('e2e-tiem-02', { tiem: { dbPassword: 'x', components } });
    expect(await mutate(CREATE, { input: noPd })).toMatchObject({ __typename: 'ValidationError', field: 'input.tiem.components' });
    expect(tiemWrites()).toEqual([]);
    expect(await mutate(CREATE, { input: createInput('e2e-tiem-01') })).toMatchObject({ __typename: 'SourceError', vendorCode: '20101', outcomeUnknown: false });
  });

  it('has no way to set labels or scale: UnsupportedOperationError', async () => {
    const id = await idleCluster();
    expect(await mutate(LABELS, { id })).toMatchObject({ __typename: 'UnsupportedOperationError', sourceKind: 'TIEM', operation: 'setClusterLabels' });
    expect(await mutate(SCALE, { id })).toMatchObject({ __typename: 'UnsupportedOperationError', operation: 'scaleCluster' });
  });

  it('stops a cluster, refuses to start a running one, starts the stopped one, and cancels a restart', async () => {
    const id = await idleCluster();
    expect(await mutate(START, { id })).toMatchObject({ __typename: 'ValidationError', field: 'id' });
    const stop = await mutate(STOP, { id });
    expect(stop.workflow.kind).toBe('STOP_CLUSTER');
    expect(await finish(stop.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await node(id)).toMatchObject({ status: 'STOPPED' });
    expect(await mutate(STOP, { id })).toMatchObject({ __typename: 'SourceError', vendorCode: '20114' });

    const start = await mutate(START, { id });
    expect(start.workflow.kind).toBe('RESTART_CLUSTER');
    expect(await finish(start.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await node(id)).toMatchObject({ status: 'RUNNING' });

    const restart = await mutate(RESTART, { id });
    expect(await mutate(CANCEL, { id: restart.workflow.id })).toMatchObject({ __typename: 'OperationPayload', targetId: restart.workflow.id, workflow: { state: 'CANCELLED' } });
    expect(await mutate(CANCEL, { id: restart.workflow.id })).toMatchObject({ __typename: 'SourceError', vendorCode: '40106' });
  });

  it('backs up, restores the backup into a new cluster, and deletes the backup at once', async () => {
    const id = await idleCluster();
    expect(await mutate(BACKUP, { id, name: 'nightly' })).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    const backup = await mutate(BACKUP, { id });
    expect(backup).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_SNAPSHOT' } });
    expect(await node(backup.targetId)).toMatchObject({ snapshotStatus: 'CREATING' });
    expect(await finish(backup.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await node(backup.targetId)).toMatchObject({ snapshotStatus: 'AVAILABLE' });

    const restore = await mutate(RESTORE, { id: backup.targetId, name: 'e2e-tiem-restored' });
    expect(restore).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'RESTORE_SNAPSHOT' } });
    expect(await finish(restore.workflow.id, 60_000)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await node(restore.targetId)).toMatchObject({ name: 'e2e-tiem-restored', status: 'RUNNING' });

    expect(await mutate(DROP_BACKUP, { id: backup.targetId })).toEqual({ __typename: 'OperationPayload', targetId: backup.targetId, workflow: null });
    await expectGone(backup.targetId);
    expect(await mutate(DROP_BACKUP, { id: backup.targetId })).toMatchObject({ __typename: 'NotFoundError', type: 'Snapshot' });
  });

  it('deletes a cluster keeping a last backup, and takes one over', async () => {
    const id = await idleCluster();
    const deleted = await mutate(DELETE, { id, keep: true });
    expect(deleted.workflow.kind).toBe('DELETE_CLUSTER');
    expect(await finish(deleted.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    await expectGone(id);

    const input = { sourceId: 'tiem', name: 'e2e-tiem-taken', dbPassword: 'pw', controlHostIp: '172.16.4.147', controlHostUser: 'root', controlHostPassword: 'ssh' };
    expect(await mutate(TAKE_OVER, { input: { ...input, controlHostPort: 0 } })).toMatchObject({ __typename: 'ValidationError', field: 'input.controlHostPort' });
    const takeover = await mutate(TAKE_OVER, { input });
    expect(takeover.workflow.kind).toBe('TAKE_OVER_CLUSTER');
    expect(await finish(takeover.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await node(takeover.targetId)).toMatchObject({ name: 'e2e-tiem-taken', status: 'RUNNING' });
  });
});
