import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ClusterHostsDocument,
  ClusterPageDocument,
  CreateClusterDocument,
  DeleteClusterDocument,
  RestartClusterDocument,
  ScaleClusterDocument,
  WorkflowStateDocument,
} from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { mutate, started } from '../helpers/mutations.js';
import { readNode } from '../helpers/nodes.js';

const MINUTE = 60_000;
const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAo+lO2hhDo6wkRZSk32qmYTN8Hdao1BFreJE2bZNcbwkb0daY\n-----END RSA PRIVATE KEY-----';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());
beforeEach(() => demo.resetCounts());

const host = (ip: string) => ({ ip, sshUser: 'root', privateKey: KEY });
const workflow = (id: string) => readNode(demo, WorkflowStateDocument, id, 'Workflow');
const cluster = (id: string) => readNode(demo, ClusterHostsDocument, id, 'Cluster');
const dcosWrites = () => Object.keys(demo.vendorCalls().dcos!.routes).filter((r) => !r.startsWith('GET ') && r !== 'POST /v1/token');

/** Moves the DC/OS simulator's clock until the workflow ends, reading it back each time. */
async function runToEnd(workflowId: string): Promise<{ state: string; progress: number | null; message: string | null }> {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const wf = await workflow(workflowId);
    if (wf.progress !== null) {
      expect(wf.progress).toBeGreaterThanOrEqual(last);
      last = wf.progress;
    }
    if (wf.state !== 'RUNNING') return wf;
    demo.fleet.simulators.dcos.advance(2 * MINUTE);
  }
  throw new Error('the workflow did not end');
}

describe('DC/OS mutations through /graphql', () => {
  it('creates a cluster, adds and removes an agent, deletes it: each workflow runs to SUCCEEDED', async () => {
    const created = started(
      await mutate(demo, CreateClusterDocument, {
        input: { sourceId: 'dcos', name: 'e2e-dcos', dcos: { masters: [host('172.30.0.1')], shared: [host('172.30.0.2')], slaves: [host('172.30.0.3')] } },
      }),
    );
    expect(created).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_CLUSTER', state: 'RUNNING', progress: 0 } });
    expect(JSON.stringify(created)).not.toContain('PRIVATE KEY');
    const clusterId = created.targetId;
    expect(await cluster(clusterId)).toMatchObject({ status: 'CREATING', nodeCount: 3 });
    expect(await runToEnd(created.workflow.id)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });

    const added = started(await mutate(demo, ScaleClusterDocument, { id: clusterId, input: { addHosts: [host('172.30.0.4')] } }));
    expect(added).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId, workflow: { kind: 'ADD_HOSTS', state: 'RUNNING' } });
    // The vendor runs one change per cluster at a time.
    const busy = await mutate(demo, ScaleClusterDocument, { id: clusterId, input: { addHosts: [host('172.30.0.5')] } });
    expect(busy).toMatchObject({ __typename: 'SourceError', vendorCode: 'E50016', outcomeUnknown: false });
    expect(await runToEnd(added.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });

    const hosts = (await cluster(clusterId)).hosts.edges.map((e) => e.node);
    const master = hosts.find((h) => h.role === 'master')!;
    const newcomer = hosts.find((h) => h.addresses?.includes('172.30.0.4'))!;
    const refused = await mutate(demo, ScaleClusterDocument, { id: clusterId, input: { removeHostIds: [master.id] } });
    expect(refused).toMatchObject({ __typename: 'ValidationError', field: 'input.removeHostIds[0]' });
    const wrongType = await mutate(demo, ScaleClusterDocument, { id: clusterId, input: { removeHostIds: [clusterId] } });
    expect(wrongType).toMatchObject({ __typename: 'ValidationError', field: 'input.removeHostIds[0]' });
    const removed = started(await mutate(demo, ScaleClusterDocument, { id: clusterId, input: { removeHostIds: [newcomer.id] } }));
    expect(removed).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'DELETE_HOSTS', state: 'RUNNING' } });
    expect(await runToEnd(removed.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect((await cluster(clusterId)).hosts.edges.find((e) => e.node.nativeId === newcomer.nativeId)!.node.rawStatus).toBe('TERMINATED');

    const deleted = started(await mutate(demo, DeleteClusterDocument, { id: clusterId }));
    expect(deleted).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId, workflow: { kind: 'DELETE_CLUSTER', state: 'RUNNING' } });
    expect(await runToEnd(deleted.workflow.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await cluster(clusterId)).toMatchObject({ status: 'DELETED' });
  });

  it('a failed install is a FAILED workflow with the vendor’s message', async () => {
    const sim = demo.fleet.simulators.dcos;
    sim.setFaults({ operationFailureRate: 1 });
    try {
      const created = started(
        await mutate(demo, CreateClusterDocument, {
          input: { sourceId: 'dcos', name: 'e2e-doomed', dcos: { masters: [host('172.30.1.1')], shared: [host('172.30.1.2')] } },
        }),
      );
      expect(await runToEnd(created.workflow.id)).toMatchObject({ state: 'FAILED', message: expect.stringContaining('install failed on 172.30.1.') });
    } finally {
      sim.setFaults({ operationFailureRate: 0 });
    }
  });

  it('refusals come back as typed results; the gateway’s own send nothing', async () => {
    const ha = await mutate(demo, CreateClusterDocument, {
      input: { sourceId: 'dcos', name: 'e2e-small', dcos: { type: 'ha', masters: [host('172.30.2.1')], shared: [host('172.30.2.2')] } },
    });
    expect(ha).toMatchObject({ __typename: 'ValidationError', field: 'input.dcos' });
    const keyless = await mutate(demo, CreateClusterDocument, {
      input: { sourceId: 'dcos', name: 'e2e-keyless', dcos: { masters: [{ ip: '172.30.2.1', sshUser: 'root' }], shared: [host('172.30.2.2')] } },
    });
    expect(keyless).toMatchObject({ __typename: 'ValidationError', field: 'input.dcos.masters[0].privateKey' });

    const { data } = await demo.run(ClusterPageDocument, { first: 50, filter: { sourceIds: ['dcos'], status: ['RUNNING'] } });
    const running = data!.clusters.edges[0]!.node;
    expect(await mutate(demo, DeleteClusterDocument, { id: running.id, force: true })).toMatchObject({ __typename: 'ValidationError', field: 'force' });
    expect(await mutate(demo, ScaleClusterDocument, { id: running.id, input: { nodeCount: 5 } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.nodeCount',
    });
    expect(await mutate(demo, RestartClusterDocument, { id: running.id })).toMatchObject({
      __typename: 'UnsupportedOperationError',
      operation: 'restartCluster',
      sourceKind: 'DCOS',
    });
    expect(dcosWrites()).toEqual([]);

    // The vendor's own refusal: the logged-in user already has a cluster of that name.
    const input = (net: number) => ({ sourceId: 'dcos', name: 'e2e-twice', dcos: { masters: [host(`172.30.${net}.1`)], shared: [host(`172.30.${net}.2`)] } });
    expect(await mutate(demo, CreateClusterDocument, { input: input(3) })).toMatchObject({ __typename: 'OperationPayload' });
    expect(await mutate(demo, CreateClusterDocument, { input: input(4) })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: 'E50003',
      outcomeUnknown: false,
    });
  });
});
