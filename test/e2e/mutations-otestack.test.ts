import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/model/ids.js';
import {
  ApproveDeploymentDocument,
  ClusterStateDocument,
  CreateDeploymentDocument,
  type CreateDeploymentInput,
  DeleteDeploymentDocument,
  DeploymentPageDocument,
  DeploymentStateDocument,
  HostLabelsDocument,
  HostPageDocument,
  LabelledClustersDocument,
  RejectDeploymentDocument,
  RestartClusterDocument,
  RollbackDeploymentDocument,
  SetClusterLabelsDocument,
  SetHostLabelsDocument,
  UpgradeDeploymentDocument,
  WorkflowStateDocument,
} from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { mutate, started } from '../helpers/mutations.js';
import { expectGone, readNode } from '../helpers/nodes.js';

/** OTE-stack's mutations through `/graphql`, against the demo fleet's simulator. */

let demo: DemoGateway;
/** A ready OTE-stack cluster whose name is no label (so it can be targeted by name alone). */
let site: { id: string; nativeId: string };
let allClusterIds: string[];

beforeAll(async () => {
  demo = await startDemoGateway();
  const { edges } = (await demo.run(LabelledClustersDocument, { first: 100, filter: { sourceIds: ['otestack'] } })).data!.clusters;
  const labels = new Set(edges.flatMap((e) => e.node.labels!.map((l) => l.key)));
  site = edges.map((e) => e.node).find((c) => c.status !== 'FAILED' && !labels.has(c.nativeId))!;
  allClusterIds = edges.map((e) => e.node.id);
});
afterAll(() => demo.close());

const workflow = (id: string) => readNode(demo, WorkflowStateDocument, id, 'Workflow');
const deployment = (id: string) => readNode(demo, DeploymentStateDocument, id, 'Deployment');
const cluster = (id: string) => readNode(demo, ClusterStateDocument, id, 'Cluster');

/** Moves the OTE-stack simulator's clock until the workflow ends; the states seen, in order. */
async function runToEnd(workflowId: string): Promise<{ state: string; progress: number | null }[]> {
  const seen: { state: string; progress: number | null }[] = [];
  for (let i = 0; i < 80; i++) {
    const w = await workflow(workflowId);
    seen.push(w);
    if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(w.state)) return seen;
    demo.fleet.simulators.otestack.advance(15_000);
  }
  throw new Error(`workflow ${workflowId} did not end`);
}

const input = (overrides: Record<string, unknown> = {}) => ({
  clusterIds: [site.id],
  name: 'fg-e2e',
  application: 'rtsp-gateway',
  version: '1.4',
  labels: [{ key: 'gateway' }],
  ...overrides,
});

describe('OTE-stack mutations over GraphQL', () => {
  it('creates, upgrades, rolls back and deletes a deployment, each workflow running to SUCCEEDED', async () => {
    const created = started(await mutate(demo, CreateDeploymentDocument, { input: input() }));
    expect(created).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_DEPLOYMENT', state: 'PENDING' } });
    const deploymentId = created.targetId;
    const seen = await runToEnd(created.workflow.id);
    expect(seen.at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    const progress = seen.map((w) => w.progress ?? 0);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);

    const upgraded = started(await mutate(demo, UpgradeDeploymentDocument, { id: deploymentId, version: '1.5' }));
    expect(upgraded).toMatchObject({ targetId: deploymentId, workflow: { kind: 'UPGRADE_DEPLOYMENT', nativeId: expect.stringMatching(/:2:1\.5$/) } });
    expect((await runToEnd(upgraded.workflow.id)).at(-1)?.state).toBe('SUCCEEDED');
    expect(await deployment(deploymentId)).toEqual({ __typename: 'Deployment', version: '1.5', status: 'SUCCEEDED' });

    const rolledBack = started(await mutate(demo, RollbackDeploymentDocument, { id: deploymentId }));
    expect(rolledBack.workflow).toMatchObject({ kind: 'ROLLBACK_DEPLOYMENT', nativeId: expect.stringMatching(/:3:1\.4$/) });
    expect((await runToEnd(rolledBack.workflow.id)).at(-1)?.state).toBe('SUCCEEDED');

    const deleted = started(await mutate(demo, DeleteDeploymentDocument, { id: deploymentId }));
    expect(deleted.workflow).toMatchObject({ kind: 'DELETE_DEPLOYMENT', nativeId: expect.stringMatching(/:4:1\.4$/) });
    expect((await runToEnd(deleted.workflow.id)).at(-1)).toMatchObject({ state: 'SUCCEEDED', message: 'deleted' });
    await expectGone(demo, deploymentId);
  });

  it('answers bad input with ValidationError naming the field, and sends nothing', async () => {
    demo.resetCounts();
    const cases: [CreateDeploymentInput, string][] = [
      [input({ labels: [{ key: 'gateway', value: 'yes' }] }), 'input.labels'],
      [input({ application: 'no-such-app' }), 'input.application'],
      [input({ version: '9.9' }), 'input.version'],
      [input({ name: 'Bad_Name' }), 'input.name'],
    ];
    for (const [variables, field] of cases) {
      expect(await mutate(demo, CreateDeploymentDocument, { input: variables })).toMatchObject({ __typename: 'ValidationError', field });
    }
    expect(await mutate(demo, SetClusterLabelsDocument, { id: site.id, labels: [{ key: 'gpu', value: 'yes' }] })).toMatchObject({
      __typename: 'ValidationError',
      field: 'labels',
    });
    const routes = demo.vendorCalls().otestack!.routes;
    expect(Object.keys(routes).filter((r) => !r.startsWith('GET ') && r !== 'POST /v1/authorization')).toEqual([]);
  });

  it('maps the whole fleet to "all", and refuses clusters no one target covers', async () => {
    const fleet = await mutate(demo, CreateDeploymentDocument, { input: input({ name: 'fg-e2e-fleet', clusterIds: allClusterIds, labels: [] }) });
    expect(fleet).toMatchObject({ __typename: 'OperationPayload', workflow: { state: 'PENDING' } });
    const others = allClusterIds.filter((id) => id !== site.id).slice(0, 1);
    expect(await mutate(demo, CreateDeploymentDocument, { input: input({ name: 'fg-e2e-two', clusterIds: [site.id, ...others] }) })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.clusterIds',
    });
  });

  it('passes on the vendor’s refusal as SourceError, and an unknown cluster as NotFoundError', async () => {
    await mutate(demo, CreateDeploymentDocument, { input: input({ name: 'fg-e2e-twice' }) });
    expect(await mutate(demo, CreateDeploymentDocument, { input: input({ name: 'fg-e2e-twice' }) })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: '422',
      vendorMessage: expect.stringContaining('already exists'),
      outcomeUnknown: false,
    });
    const nowhere = encodeGlobalId({ type: 'Cluster', sourceId: 'otestack', nativeId: 'nowhere-01' });
    expect(await mutate(demo, CreateDeploymentDocument, { input: input({ clusterIds: [nowhere] }) })).toMatchObject({
      __typename: 'NotFoundError',
      type: 'Cluster',
    });
  });

  it('sets a cluster’s labels at once, with no workflow', async () => {
    const result = await mutate(demo, SetClusterLabelsDocument, { id: site.id, labels: [{ key: 'fg-canary' }, { key: 'prod', value: '' }] });
    expect(result).toEqual(expect.objectContaining({ __typename: 'OperationPayload', targetId: site.id, workflow: null }));
    expect((await cluster(site.id)).labels).toEqual([
      { key: 'fg-canary', value: '' },
      { key: 'prod', value: '' },
    ]);
  });

  it('approves a deployment waiting for approval, whose held-back operation then runs, and rejects another, which never runs', async () => {
    const { edges } = (await demo.run(DeploymentPageDocument, { first: 200, filter: { sourceIds: ['otestack'] } })).data!.deployments;
    const waiting = edges.map((e) => e.node).filter((d) => d.status === 'AWAITING_APPROVAL');
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const [toApprove, toReject] = waiting as [(typeof waiting)[number], (typeof waiting)[number]];

    demo.resetCounts();
    const approved = started(await mutate(demo, ApproveDeploymentDocument, { id: toApprove.id, comment: 'fits the window' }));
    expect(approved.targetId).toBe(toApprove.id);
    expect(demo.vendorCalls().otestack!.routes['PUT /v1/admin/deploy']).toBe(1);
    const seen = await runToEnd(approved.workflow.id);
    expect(['SUCCEEDED', 'FAILED']).toContain(seen.at(-1)?.state);
    expect((await deployment(toApprove.id)).status).not.toBe('AWAITING_APPROVAL');

    const rejected = await mutate(demo, RejectDeploymentDocument, { id: toReject.id, comment: 'not during the freeze' });
    expect(rejected).toMatchObject({
      __typename: 'OperationPayload',
      targetId: toReject.id,
      workflow: { message: 'rejected by the auditor: not during the freeze' },
    });
    expect(['FAILED', 'CANCELLED']).toContain((rejected as { workflow: { state: string } }).workflow.state);
    const after = await deployment(toReject.id);
    expect(after.status).not.toBe('AWAITING_APPROVAL');
    demo.fleet.simulators.otestack.advance(600_000);
    expect((await deployment(toReject.id)).status).toBe(after.status);

    // Decided once: a second decision is refused before anything is sent.
    demo.resetCounts();
    expect(await mutate(demo, ApproveDeploymentDocument, { id: toReject.id })).toMatchObject({ __typename: 'ValidationError', field: 'id' });
    expect(await mutate(demo, RejectDeploymentDocument, { id: toApprove.id, comment: ' ' })).toMatchObject({ __typename: 'ValidationError', field: 'comment' });
    expect(demo.vendorCalls().otestack!.routes['PUT /v1/admin/deploy']).toBeUndefined();
  });

  it('sets a node’s labels at once, one vendor call per label that changes, and refuses labels OTE-stack cannot have', async () => {
    const { edges } = (await demo.run(HostPageDocument, { first: 1, filter: { sourceIds: ['otestack'] } })).data!.hosts;
    const host = edges[0]!.node;
    const labels = async () => (await readNode(demo, HostLabelsDocument, host.id, 'Host')).labels!;
    const before = await labels();

    demo.resetCounts();
    const added = await mutate(demo, SetHostLabelsDocument, { id: host.id, labels: [...before, { key: 'fg-canary' }] });
    expect(added).toEqual(expect.objectContaining({ __typename: 'OperationPayload', targetId: host.id, workflow: null }));
    expect(await labels()).toEqual(expect.arrayContaining([...before, { key: 'fg-canary', value: '' }]));
    expect(demo.vendorCalls().otestack!.routes).toMatchObject({ 'POST /v1/node/label': 1 });
    expect(demo.vendorCalls().otestack!.routes['DELETE /v1/node/label']).toBeUndefined();

    demo.resetCounts();
    expect(await mutate(demo, SetHostLabelsDocument, { id: host.id, labels: before })).toMatchObject({ __typename: 'OperationPayload' });
    expect(await labels()).toEqual(before);
    expect(demo.vendorCalls().otestack!.routes).toMatchObject({ 'DELETE /v1/node/label': 1 });
    expect(demo.vendorCalls().otestack!.routes['POST /v1/node/label']).toBeUndefined();

    demo.resetCounts();
    expect(await mutate(demo, SetHostLabelsDocument, { id: host.id, labels: [{ key: 'gpu', value: 'yes' }] })).toMatchObject({
      __typename: 'ValidationError',
      field: 'labels',
    });
    expect(await mutate(demo, SetHostLabelsDocument, { id: host.id, labels: [{ key: 'a' }, { key: 'a' }] })).toMatchObject({
      __typename: 'ValidationError',
      field: 'labels',
    });
    const nowhere = encodeGlobalId({ type: 'Host', sourceId: 'otestack', nativeId: 'nowhere-01/node-9' });
    expect(await mutate(demo, SetHostLabelsDocument, { id: nowhere, labels: [] })).toMatchObject({ __typename: 'NotFoundError', type: 'Host' });
    expect(Object.keys(demo.vendorCalls().otestack!.routes).filter((r) => !r.startsWith('GET '))).toEqual([]);
  });

  it('passes on the vendor’s refusal to take away a label a deployment is placed by', async () => {
    const { edges } = (await demo.run(HostPageDocument, { first: 1, filter: { clusterId: site.id } })).data!.hosts;
    const host = edges[0]!.node;
    const current = (await readNode(demo, HostLabelsDocument, host.id, 'Host')).labels!;
    expect(await mutate(demo, SetHostLabelsDocument, { id: host.id, labels: [...current, { key: 'fg-placed' }] })).toMatchObject({
      __typename: 'OperationPayload',
    });
    const placed = await mutate(demo, CreateDeploymentDocument, { input: input({ name: 'fg-e2e-placed', labels: [{ key: 'fg-placed' }] }) });
    expect(placed).toMatchObject({ __typename: 'OperationPayload' });
    expect(await mutate(demo, SetHostLabelsDocument, { id: host.id, labels: [] })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: '422',
      vendorMessage: expect.stringContaining('fg-e2e-placed'),
      outcomeUnknown: false,
    });
  });

  it('answers what OTE-stack cannot do with UnsupportedOperationError', async () => {
    expect(await mutate(demo, RestartClusterDocument, { id: site.id })).toMatchObject({
      __typename: 'UnsupportedOperationError',
      sourceKind: 'OTESTACK',
      operation: 'restartCluster',
    });
  });
});
