import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SOURCE_KINDS, type SourceKind } from '../../src/model/source-kind.js';
import { type Faults, noFaults } from '../../src/simulators/kit/faults.js';
import { ClusterPageDocument, SourcesDocument } from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { subscribe } from '../helpers/live.js';

// The deadline is far above what a read takes on a busy machine, and the slow fault far
// above the deadline. The breaker opens after five failures in a row: more than one fault
// case's mutation and query make, so each case sees the fault's own code.
let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway({ env: { SIM_CLUSTERS: '8' }, source: { timeoutMs: 2_500, retries: 1, breaker: { threshold: 5, halfOpenAfterMs: 50 } } });
});
afterAll(() => demo.close());
beforeEach(() => demo.fleet.reset());

const allClusters = () => demo.run(ClusterPageDocument, { first: 200 });
type Page = Awaited<ReturnType<typeof allClusters>>;
/** A cluster of `kind` that accepts changes. */
const runningCluster = (page: Page, kind: SourceKind) =>
  page.data!.clusters.edges.find((e) => e.node.source.sourceId === kind && e.node.status === 'RUNNING')!.node.id;

/** Until the breaker's trial call succeeds, a recovered source may still be refused. */
async function servesEveryone() {
  for (let i = 0; i < 50; i++) {
    const res = await allClusters();
    if (!res.errors && new Set(res.data!.clusters.edges.map((e) => e.node.source.sourceId)).size === SOURCE_KINDS.length) return res;
    await new Promise((r) => setTimeout(r, 60));
  }
  throw new Error(`the gateway did not recover: ${JSON.stringify((await allClusters()).errors)}`);
}

const FAULTS: [string, Partial<Faults>, string][] = [
  ['down', { down: true }, 'SOURCE_UNAVAILABLE'],
  ['slow past the timeout', { latencyMs: 30_000 }, 'SOURCE_TIMEOUT'],
  ['answering 503', { errorRate: 1, errorStatus: 503 }, 'SOURCE_UNAVAILABLE'],
  ['throttling with 429', { errorRate: 1, errorStatus: 429 }, 'SOURCE_RATE_LIMITED'],
  ['answering malformed JSON', { malformed: true }, 'SOURCE_BAD_RESPONSE'],
  ['cutting bodies short', { truncated: true }, 'SOURCE_BAD_RESPONSE'],
  ['behind a proxy’s HTML error page', { errorRate: 1, errorStatus: 502, htmlErrors: true }, 'SOURCE_UNAVAILABLE'],
];

/** Per kind, one mutation that writes to the vendor, on an existing cluster. */
const doc = (text: string) => parse(text) as TypedDocumentNode<any, any>;
const RESULT = '__typename ... on SourceError { code sourceId outcomeUnknown } ... on OperationPayload { targetId }';
const WRITES: Record<SourceKind, TypedDocumentNode<any, any>> = {
  tiem: doc(`mutation($id: ID!) { result: restartCluster(id: $id) { ${RESULT} } }`),
  dws: doc(`mutation($id: ID!) { result: restartCluster(id: $id) { ${RESULT} } }`),
  dcos: doc(`mutation($id: ID!) { result: deleteCluster(id: $id) { ${RESULT} } }`),
  hci: doc(`mutation($id: ID!) { result: startInspection(id: $id) { ${RESULT} } }`),
  otestack: doc(`mutation($id: ID!) { result: setClusterLabels(id: $id, labels: [{ key: "fault-test" }]) { ${RESULT} } }`),
};

/** Requests other than GETs the simulator has seen since its counters were cleared (logins included). */
const writesSeen = (kind: SourceKind) =>
  Object.entries(demo.fleet.simulators[kind].stats().routes)
    .filter(([route]) => !route.startsWith('GET '))
    .reduce((n, [, count]) => n + count, 0);

describe.each(SOURCE_KINDS)('when %s fails', (kind: SourceKind) => {
  it.each(FAULTS)(
    '%s: queries get the others and an error naming it, a write fails on the read before it and is never sent; then it recovers',
    async (_name, faults, code) => {
      const before = await servesEveryone();
      const clusterId = runningCluster(before, kind);
      const sim = demo.fleet.simulators[kind];
      sim.setFaults(faults);
      sim.resetStats();

      const { result } = (await demo.run(WRITES[kind], { id: clusterId })).data!;
      expect(result).toMatchObject({ __typename: 'SourceError', code, sourceId: kind });
      // The fault hits every route, so the adapter's read fails first (test/e2e/write-faults.test.ts aims at the write itself).
      expect(writesSeen(kind)).toBe(0);

      const { data, errors } = await allClusters();
      const sources = new Set(data!.clusters.edges.map((e) => e.node.source.sourceId));
      expect(sources.has(kind)).toBe(false);
      expect(sources.size).toBe(SOURCE_KINDS.length - 1);
      expect(data!.clusters.missingSources.map((m) => m.sourceId)).toEqual([kind]);
      const error = errors?.find((e) => e.extensions?.sourceId === kind);
      expect(error?.extensions?.code).toBe(code);
      sim.reset();
      await servesEveryone();
    },
  );

  it('flapping (half the calls fail): every answer either has its clusters or says why not', async () => {
    demo.fleet.simulators[kind].setFaults({ errorRate: 0.5, errorStatus: 503 });
    for (let i = 0; i < 5; i++) {
      const { data, errors } = await allClusters();
      const has = data!.clusters.edges.some((e) => e.node.source.sourceId === kind);
      const missing = data!.clusters.missingSources.some((m) => m.sourceId === kind);
      // A list that arrived keeps its clusters even when a detail call behind one of them
      // failed (that cluster's gap is an error naming the source); a list that did not is missing.
      expect(has !== missing).toBe(true);
      if (missing) expect(errors?.some((e) => e.extensions?.sourceId === kind)).toBe(true);
      for (const e of errors ?? []) expect(e.extensions?.sourceId).toBe(kind);
    }
    demo.fleet.simulators[kind].reset();
    await servesEveryone();
  });
});

/** HCI has no credentials: no token of it can expire. */
const LOGIN: Partial<Record<SourceKind, string>> = {
  tiem: 'POST /api/v1/user/login',
  dws: 'POST /v3/auth/tokens',
  dcos: 'POST /v1/token',
  otestack: 'POST /v1/authorization',
};

describe.each(Object.keys(LOGIN) as SourceKind[])('when %s expires every token', (kind: SourceKind) => {
  it('renews it once for a read and once for a write, without the client noticing', async () => {
    const before = await servesEveryone();
    const clusterId = runningCluster(before, kind);
    const sim = demo.fleet.simulators[kind];
    const logins = () => sim.stats().routes[LOGIN[kind]!] ?? 0;
    sim.resetStats();
    sim.setFaults({ expireTokens: true });
    const { errors, data } = await allClusters();
    expect(errors).toBeUndefined();
    expect(data!.clusters.edges.some((e) => e.node.source.sourceId === kind)).toBe(true);
    expect(logins()).toBe(1);
    // The write's read is refused for its token and sent again after the login; the write then goes through.
    sim.setFaults({ expireTokens: true });
    const { result } = (await demo.run(WRITES[kind], { id: clusterId })).data!;
    expect(result).toMatchObject({ __typename: 'OperationPayload' });
    expect(logins()).toBe(2);
  });
});

const PROGRESS = print(parse('subscription($id: ID!) { workflowProgress(id: $id) { workflow { state progress } error { code } } }'));
const RUNNING = doc('query($kind: SourceKind!) { workflows(first: 50, filter: { active: true, sourceKinds: [$kind] }) { edges { node { id state } } } }');
type Update = { workflow: { state: string; progress: number | null }; error: { code: string } | null };

describe.each(SOURCE_KINDS)('a workflow on %s watched through trouble', (kind: SourceKind) => {
  async function watchRunning() {
    const running = (await demo.run(RUNNING, { kind: kind.toUpperCase() })).data!.workflows.edges.find((e: any) => e.node.state === 'RUNNING');
    const stream = subscribe<Update>(demo.gateway.url, demo.token, PROGRESS, { id: running.node.id }, 'workflowProgress');
    await vi.waitFor(() => expect(stream.updates.length).toBeGreaterThan(0), { timeout: 10_000 });
    return stream;
  }
  const tick = () => new Promise((r) => setTimeout(r, 25));

  /** Moves the vendor's clock until the stream ends; the stream must end at a terminal state, progress never going back. */
  async function followToEnd(stream: Awaited<ReturnType<typeof watchRunning>>) {
    for (let i = 0; i < 600 && !stream.completed; i++) {
      demo.fleet.simulators[kind].advance(60_000);
      await tick();
    }
    await stream.done;
    await stream.dispose();
    const states = stream.updates.map((u) => u.workflow.state);
    expect(['SUCCEEDED', 'FAILED', 'CANCELLED']).toContain(states.at(-1));
    expect(stream.updates.at(-1)?.error).toBeNull();
    const progress = stream.updates.map((u) => u.workflow.progress ?? 0);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1] as number);
  }

  it('sees tokens expire without a word in the stream, and follows the workflow to its end', async () => {
    const stream = await watchRunning();
    demo.fleet.simulators[kind].setFaults({ expireTokens: true });
    await followToEnd(stream);
    expect(stream.updates.filter((u) => u.error)).toEqual([]);
  });

  it('reports an outage in the stream, keeps watching, and follows the workflow to its end', async () => {
    const sim = demo.fleet.simulators[kind];
    const stream = await watchRunning();
    sim.setFaults({ errorRate: 1, errorStatus: 503 });
    await vi.waitFor(() => expect(stream.updates.some((u) => u.error)).toBe(true), { timeout: 10_000 });
    expect(stream.updates.find((u) => u.error)?.error?.code).toBe('SOURCE_UNAVAILABLE');
    expect(stream.completed).toBe(false);

    // Lift the fault without resetting: the vendor's operation is still under way.
    sim.setFaults({ errorRate: noFaults(0).errorRate });
    await followToEnd(stream);
  });
});

describe('the circuit breaker', () => {
  // Its own gateway: a breaker that stays open for two seconds, long enough to watch.
  let slow: DemoGateway;
  beforeAll(async () => {
    slow = await startDemoGateway({ env: { SIM_CLUSTERS: '8' }, source: { timeoutMs: 2_500, retries: 0, breaker: { threshold: 2, halfOpenAfterMs: 2_000 } } });
  });
  afterAll(() => slow.close());

  it('opens on a source that keeps failing, shows it in health, refuses without calling, and closes once it answers', async () => {
    const sim = slow.fleet.simulators.dws;
    const clusters = () => slow.run(ClusterPageDocument, { first: 200 });
    const health = async () => (await slow.run(SourcesDocument)).data!.sources.find((s) => s.sourceId === 'dws')!.health;
    sim.setFaults({ errorRate: 1, errorStatus: 503 });
    for (let i = 0; i < 2; i++) await clusters();
    expect(await health()).toBe('DOWN');
    sim.resetStats();
    const { data, errors } = await clusters();
    expect(errors?.find((e) => e.extensions?.sourceId === 'dws')?.message).toMatch(/circuit breaker is open/);
    expect(data!.clusters.missingSources.map((m) => m.sourceId)).toEqual(['dws']);
    expect(sim.stats().total).toBe(0);
    sim.reset();
    for (let i = 0; i < 100 && (await health()) !== 'UP'; i++) {
      await clusters();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await health()).toBe('UP');
  });
});

describe('readiness', () => {
  it('is ready while a source is, and says which are not, by id only', async () => {
    demo.fleet.simulators.dws.setFaults({ down: true });
    const res = await fetch(`${demo.gateway.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, sources: { ready: ['tiem', 'hci', 'dcos', 'otestack'], notReady: ['dws'] } });
    for (const kind of SOURCE_KINDS) demo.fleet.simulators[kind].setFaults({ down: true });
    const none = await fetch(`${demo.gateway.url}/readyz`);
    expect(none.status).toBe(503);
    expect(await none.json()).toEqual({ ready: false, sources: { ready: [], notReady: [...SOURCE_KINDS] } });
    for (const kind of SOURCE_KINDS) demo.fleet.simulators[kind].reset();
    await servesEveryone();
    expect((await fetch(`${demo.gateway.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${demo.gateway.url}/healthz`)).status).toBe(200);
  });
});
