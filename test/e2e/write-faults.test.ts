import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceKind } from '../../src/model/source-kind.js';
import type { Faults } from '../../src/simulators/kit/faults.js';
import {
  ClusterPageDocument,
  CreateSnapshotDocument,
  DeleteClusterDocument,
  DeleteDeploymentDocument,
  DeploymentPageDocument,
  type OperationResultFieldsFragment,
  RestartClusterDocument,
  RollbackDeploymentDocument,
  SetClusterLabelsDocument,
} from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { mutate } from '../helpers/mutations.js';

/**
 * Faults aimed at the write itself: each adapter reads before it writes, so the fault is
 * set on the write's route alone and the reads before it succeed. The vendor's counters
 * then say exactly how often the write was sent.
 */

/** A running cluster and a deployment of the source, for the write's variables. */
interface Targets {
  cluster: string;
  deployment?: string;
}

interface Write {
  kind: SourceKind;
  /** What the mutation sends, named as the simulator's counters name it. */
  route: string;
  send: (targets: Targets) => Promise<OperationResultFieldsFragment>;
}

/** Each write's variables fit its own document: `send` binds the two, so one list holds writes of every shape. */
const write = <V>(
  kind: SourceKind,
  route: string,
  document: TypedDocumentNode<Record<string, OperationResultFieldsFragment>, V>,
  variables: (targets: Targets) => V,
): Write => ({ kind, route, send: (targets) => mutate(demo, document, variables(targets)) });

const WRITES: Write[] = [
  write('tiem', 'POST /api/v1/clusters/{clusterId}/restart', RestartClusterDocument, ({ cluster }) => ({ id: cluster })),
  write('tiem', 'DELETE /api/v1/clusters/{clusterId}', DeleteClusterDocument, ({ cluster }) => ({ id: cluster, force: true })),
  write('dws', 'POST /v1.0/{project_id}/clusters/{cluster_id}/restart', RestartClusterDocument, ({ cluster }) => ({ id: cluster })),
  write('dws', 'DELETE /v1.0/{project_id}/clusters/{cluster_id}', DeleteClusterDocument, ({ cluster }) => ({ id: cluster })),
  write('dcos', 'DELETE /v1/cluster/{cluster_id}', DeleteClusterDocument, ({ cluster }) => ({ id: cluster })),
  write('hci', 'POST /v1/cluster/data/snapshot/save', CreateSnapshotDocument, ({ cluster }) => ({ clusterId: cluster })),
  write('otestack', 'POST /v1/cluster/label', SetClusterLabelsDocument, ({ cluster }) => ({ id: cluster, labels: [{ key: 'write-fault-test' }] })),
  write('otestack', 'PUT /v1/deploy/id/{deployId}', RollbackDeploymentDocument, ({ deployment }) => ({ id: deployment! })),
  write('otestack', 'DELETE /v1/deploy/id/{deployId}', DeleteDeploymentDocument, ({ deployment }) => ({ id: deployment! })),
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
  const clusters = (await demo.run(ClusterPageDocument, { first: 100, filter: { sourceIds: [write.kind] } })).data!.clusters.edges.map((e) => e.node);
  const cluster = clusters.find((c) => c.status === 'RUNNING')!.id;
  const deployment = write.kind === 'otestack' ? (await demo.run(DeploymentPageDocument, { first: 100 })).data!.deployments.edges[0]!.node.id : undefined;
  const sim = demo.fleet.simulators[write.kind];
  sim.resetStats();
  return { sim, targets: { cluster, ...(deployment ? { deployment } : {}) } };
}

const sent = (write: Write, route = write.route) => demo.fleet.simulators[write.kind].stats().routes[route] ?? 0;

describe.each(WRITES)('$kind: $route', (write) => {
  it('is sent once when nothing fails (the fault-free baseline)', async () => {
    const { targets } = await prepare(write);
    expect((await write.send(targets)).__typename).toBe('OperationPayload');
    expect(sent(write)).toBe(1);
  });

  it.each(FAULTS)('$name: a SourceError with $code, the write sent exactly once', async ({ faults, code, outcomeUnknown }) => {
    const { sim, targets } = await prepare(write);
    sim.setFaults({ ...faults, routes: [write.route] });
    expect(await write.send(targets)).toMatchObject({ __typename: 'SourceError', code, sourceId: write.kind, outcomeUnknown });
    expect(sent(write)).toBe(1);
  });
});

// HCI has no credentials: a 401 from it is no token's fault, and no case here could fail for it.
describe.each(WRITES.filter((w) => LOGIN[w.kind]))('$kind: $route refused with 401', (write) => {
  it('logs in once, sends the write once more, then answers SOURCE_AUTH_FAILED', async () => {
    const { sim, targets } = await prepare(write);
    sim.setFaults({ errorRate: 1, errorStatus: 401, routes: [write.route] });
    expect(await write.send(targets)).toMatchObject({ __typename: 'SourceError', code: 'SOURCE_AUTH_FAILED', sourceId: write.kind, outcomeUnknown: false });
    expect(sent(write)).toBe(2);
    expect(sent(write, LOGIN[write.kind])).toBe(1);
  });
});
