import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceKind } from '../../src/model/source-kind.js';
import type { Faults } from '../../src/simulators/kit/faults.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

/**
 * Faults aimed at the write itself: each adapter reads before it writes, so the fault is
 * set on the write's route alone and the reads before it succeed. The vendor's counters
 * then say exactly how often the write was sent.
 */

const doc = (text: string) => parse(text) as TypedDocumentNode<any, Record<string, unknown>>;
const RESULT = '__typename ... on SourceError { code sourceId outcomeUnknown } ... on OperationPayload { targetId }';

const CLUSTERS = doc('query($kind: SourceKind!) { clusters(first: 100, filter: { sourceKinds: [$kind] }) { edges { node { id status labels { key } } } } }');
const DEPLOYMENTS = doc('{ deployments(first: 100) { edges { node { id } } } }');

interface Write {
  kind: SourceKind;
  /** What the mutation sends, named as the simulator's counters name it. */
  route: string;
  mutation: string;
  /** The mutation's variables, given a running cluster and a deployment of the source. */
  variables: (ids: { cluster: string; deployment?: string }) => Record<string, unknown>;
}

const mutation = (field: string, args: string) => `mutation($id: ID!) { result: ${field}(${args}) { ${RESULT} } }`;
const WRITES: Write[] = [
  { kind: 'tiem', route: 'POST /api/v1/clusters/{clusterId}/restart', mutation: mutation('restartCluster', 'id: $id'), variables: ({ cluster }) => ({ id: cluster }) },
  { kind: 'tiem', route: 'DELETE /api/v1/clusters/{clusterId}', mutation: mutation('deleteCluster', 'id: $id, force: true'), variables: ({ cluster }) => ({ id: cluster }) },
  { kind: 'dws', route: 'POST /v1.0/{project_id}/clusters/{cluster_id}/restart', mutation: mutation('restartCluster', 'id: $id'), variables: ({ cluster }) => ({ id: cluster }) },
  { kind: 'dws', route: 'DELETE /v1.0/{project_id}/clusters/{cluster_id}', mutation: mutation('deleteCluster', 'id: $id'), variables: ({ cluster }) => ({ id: cluster }) },
  { kind: 'dcos', route: 'DELETE /v1/cluster/{cluster_id}', mutation: mutation('deleteCluster', 'id: $id'), variables: ({ cluster }) => ({ id: cluster }) },
  { kind: 'hci', route: 'POST /v1/cluster/data/snapshot/save', mutation: mutation('createSnapshot', 'clusterId: $id'), variables: ({ cluster }) => ({ id: cluster }) },
  {
    kind: 'otestack',
    route: 'POST /v1/cluster/label',
    mutation: mutation('setClusterLabels', 'id: $id, labels: $labels').replace('$id: ID!', '$id: ID!, $labels: [LabelInput!]!'),
    variables: ({ cluster }) => ({ id: cluster, labels: [{ key: 'write-fault-test' }] }),
  },
  { kind: 'otestack', route: 'PUT /v1/deploy/id/{deployId}', mutation: mutation('rollbackDeployment', 'id: $id'), variables: ({ deployment }) => ({ id: deployment }) },
  { kind: 'otestack', route: 'DELETE /v1/deploy/id/{deployId}', mutation: mutation('deleteDeployment', 'id: $id'), variables: ({ deployment }) => ({ id: deployment }) },
];

/** The route each kind logs in by; HCI has no credentials. */
const LOGIN: Record<SourceKind, string | undefined> = {
  tiem: 'POST /api/v1/user/login',
  dws: 'POST /v3/auth/tokens',
  dcos: 'POST /v1/token',
  otestack: 'POST /v1/authorization',
  hci: undefined,
};

interface Fault {
  name: string;
  faults: Partial<Faults>;
  code: string;
  outcomeUnknown: boolean;
}

const FAULTS: Fault[] = [
  { name: 'refused with 503', faults: { errorRate: 1, errorStatus: 503 }, code: 'SOURCE_UNAVAILABLE', outcomeUnknown: false },
  // The body stops half way and the connection closes: the vendor may have applied it.
  { name: 'its connection dropped mid-answer', faults: { truncated: true }, code: 'SOURCE_BAD_RESPONSE', outcomeUnknown: true },
  // Far past the source's deadline, which is far past what a read on this machine takes.
  { name: 'unanswered before the deadline', faults: { latencyMs: 20_000 }, code: 'SOURCE_TIMEOUT', outcomeUnknown: true },
];

let demo: DemoGateway;
beforeAll(async () => {
  // Two retries, so a write wrongly retried shows as three calls; a breaker that never opens here.
  demo = await startDemoGateway({ env: { SIM_CLUSTERS: '8' }, source: { timeoutMs: 3_000, retries: 2, breaker: { threshold: 1_000, halfOpenAfterMs: 50 } } });
});
afterAll(() => demo.close());
beforeEach(() => demo.fleet.reset());

/**
 * Ids for the write, read through the API (which also logs the gateway in again after
 * the simulator's reset forgot its token); then the vendor's counters start from zero.
 */
async function prepare(write: Write) {
  const clusters = (await demo.run(CLUSTERS, { kind: write.kind.toUpperCase() })).data!.clusters.edges.map((e: any) => e.node);
  const cluster = clusters.find((c: { status: string }) => c.status === 'RUNNING')!.id as string;
  const deployment = write.kind === 'otestack' ? ((await demo.run(DEPLOYMENTS)).data!.deployments.edges[0].node.id as string) : undefined;
  const sim = demo.fleet.simulators[write.kind];
  sim.resetStats();
  return { sim, variables: write.variables({ cluster, ...(deployment ? { deployment } : {}) }) };
}

const sent = (write: Write, route = write.route) => demo.fleet.simulators[write.kind].stats().routes[route] ?? 0;

describe.each(WRITES)('$kind: $route', (write) => {
  it('is sent once when nothing fails (the fault-free baseline)', async () => {
    const { variables } = await prepare(write);
    const { result } = (await demo.run(doc(write.mutation), variables)).data!;
    expect(result.__typename).toBe('OperationPayload');
    expect(sent(write)).toBe(1);
  });

  it.each(FAULTS)('$name: a SourceError with $code, the write sent exactly once', async ({ faults, code, outcomeUnknown }) => {
    const { sim, variables } = await prepare(write);
    sim.setFaults({ ...faults, routes: [write.route] });
    const { result } = (await demo.run(doc(write.mutation), variables)).data!;
    expect(result).toEqual({ __typename: 'SourceError', code, sourceId: write.kind, outcomeUnknown });
    expect(sent(write)).toBe(1);
  });

});

// HCI has no credentials: a 401 from it is no token's fault, and no case here could fail for it.
describe.each(WRITES.filter((w) => LOGIN[w.kind]))('$kind: $route refused with 401', (write) => {
  it('logs in once, sends the write once more, then answers SOURCE_AUTH_FAILED', async () => {
    const { sim, variables } = await prepare(write);
    sim.setFaults({ errorRate: 1, errorStatus: 401, routes: [write.route] });
    const { result } = (await demo.run(doc(write.mutation), variables)).data!;
    expect(result).toEqual({ __typename: 'SourceError', code: 'SOURCE_AUTH_FAILED', sourceId: write.kind, outcomeUnknown: false });
    expect(sent(write)).toBe(2);
    expect(sent(write, LOGIN[write.kind])).toBe(1);
  });
});
