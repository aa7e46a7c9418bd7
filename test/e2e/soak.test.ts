import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { tiemCreateInput } from '../helpers/inputs.js';
import { type LiveClient, type LiveStream, liveClient, sseSubscribe } from '../helpers/live.js';

/**
 * The soak the live feeds must survive: 1,000 subscriptions from 10 clients (eight
 * graphql-ws connections of 100, two clients of 100 SSE streams) to the three fleet
 * feeds on the demo gateway, while operations run and DWS goes down, comes back and
 * fails 30% of its calls. The simulators' clocks stand still unless the test moves
 * them, so every change is one the test made; the test waits on the pollers' own
 * count of looks (fleetgate_polls_total), never on time.
 */

const FEEDS = {
  workflowUpdates: print(parse(`subscription { workflowUpdates { workflow { id state progress message } error { code } } }`)),
  events: print(parse(`subscription { events { id occurredAt message } }`)),
  clusterStatusChanged: print(parse(`subscription { clusterStatusChanged { cluster { id status } previousStatus } }`)),
};
type Feed = keyof typeof FEEDS;
const FEED_NAMES = Object.keys(FEEDS) as Feed[];

interface WorkflowUpdate {
  workflow: { id: string; state: string; progress: number | null; message: string | null };
  error: { code: string } | null;
}
interface EventItem {
  id: string;
  occurredAt: string;
  message: string;
}
interface StatusChange {
  cluster: { id: string; status: string };
  previousStatus: string;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway({
    // A small fleet: the feeds look at every cluster of every source each time.
    env: { SIM_SPEED: '1e-9', SIM_CLUSTERS: '4' },
    // A failed vendor call fails at once and the breaker tries again soon: the outages
    // below last a few looks, not the production defaults' ten seconds.
    source: { retries: 0, timeoutMs: 2_000, breaker: { threshold: 5, halfOpenAfterMs: 50 } },
  });
});
afterAll(() => demo?.close());

async function polls(): Promise<number> {
  return (await demo.gateway.metrics.registry.getSingleMetric('fleetgate_polls_total')?.get())?.values[0]?.value ?? 0;
}

/** Until the pollers have taken `n` more looks than now: what changed since has been looked at by every feed. */
async function looks(n: number) {
  const target = (await polls()) + n;
  while ((await polls()) < target) await new Promise((r) => setTimeout(r, 5));
}

async function until(what: string, ok: () => boolean | Promise<boolean>) {
  for (let i = 0; !(await ok()); i++) {
    if (i > 1_500) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const vendorCalls = () => Object.values(demo.vendorCalls()).reduce((n, s) => n + s.total, 0);

/** Vendor calls per poller look while the fleet stands still, over `n` looks. */
async function callsPerLook(n: number): Promise<number> {
  await looks(3);
  const [calls, before] = [vendorCalls(), await polls()];
  await looks(n);
  return (vendorCalls() - calls) / ((await polls()) - before);
}

async function run(doc: string, variables: Record<string, unknown>) {
  const { data, errors } = await demo.run(parse(doc) as never, variables as never);
  if (errors?.length) throw new Error(JSON.stringify(errors));
  return data as any;
}

interface Subscriber {
  feed: Feed;
  stream: LiveStream<unknown>;
}

describe('soak: 1,000 subscriptions from 10 clients while sources fail and recover', () => {
  it('stays up with bounded memory and vendor calls; each subscriber gets each change once and no event twice', async () => {
    const dws = demo.fleet.simulators.dws;
    const tiem = demo.fleet.simulators.tiem;
    const soakStartedAt = dws.clock.now();

    // A look's vendor calls with one subscriber per feed: the pollers' bound.
    const ws: LiveClient[] = Array.from({ length: 8 }, () => liveClient(demo.gateway.url, demo.token));
    const subscribers: Subscriber[] = FEED_NAMES.map((feed) => ({ feed, stream: ws[0]!.subscribe(FEEDS[feed], {}, feed) }));
    await until('one poller per feed', () => demo.gateway.hub.size === 3);
    const alone = await callsPerLook(6);

    // The other 997, eight graphql-ws connections of 100 and two clients of 100 SSE streams.
    const opened: Promise<unknown>[] = [];
    for (let c = 0; c < 10; c++) {
      for (let i = c === 0 ? 3 : 0; i < 100; i++) {
        const feed = FEED_NAMES[i % 3] as Feed;
        if (c < 8) subscribers.push({ feed, stream: ws[c]!.subscribe(FEEDS[feed], {}, feed) });
        else {
          const stream = sseSubscribe(demo.gateway.url, demo.token, FEEDS[feed], {}, feed);
          opened.push(stream.opened);
          subscribers.push({ feed, stream });
        }
      }
      // A query after a connection's subscriptions comes back once they are all set up.
      if (c < 8) opened.push(ws[c]!.subscribe('{ __typename }', {}, '__typename').done);
    }
    await Promise.all(opened);
    expect(subscribers).toHaveLength(1_000);
    const failures: unknown[] = [];
    for (const s of subscribers) s.stream.done.catch((err: unknown) => failures.push(err));
    const heapBefore = process.memoryUsage().heapUsed;
    const crowded = await callsPerLook(6);
    expect(demo.gateway.hub.size).toBe(3);
    // However many subscribe, a look costs the vendors what it cost with one subscriber per
    // feed. Calls in flight at a window's edges, token renewals and a loaded machine's slower
    // looks move the ratio by a few calls a look (17.8 against 11 alone was seen in CI);
    // calls that followed the subscribers would multiply it by hundreds.
    expect(crowded).toBeLessThanOrEqual(alone * 2 + 2);

    // Changes: two TiEM cluster creations and two DWS restarts, driven by the clocks,
    // while DWS goes down and comes back, and then fails 30% of its calls.
    const created: string[] = [];
    for (const name of ['soak-a', 'soak-b']) {
      created.push(
        (
          await run(`mutation($input: CreateClusterInput!) { createCluster(input: $input) { ... on OperationPayload { workflow { id } } } }`, {
            input: tiemCreateInput(name),
          })
        ).createCluster.workflow.id,
      );
    }
    const running = await run(`{ clusters(first: 2, filter: { sourceIds: ["dws"], status: [RUNNING] }) { edges { node { id } } } }`, {});
    for (const { node } of running.clusters.edges) {
      const restarted = await run(`mutation($id: ID!) { restartCluster(id: $id) { __typename } }`, { id: node.id });
      expect(restarted.restartCluster.__typename).toBe('OperationPayload');
    }
    for (let step = 0; step < 10; step++) {
      if (step % 4 === 1) dws.setFaults({ down: true });
      if (step % 4 === 3) dws.setFaults({ down: false });
      if (step === 6) dws.setFaults({ errorRate: 0.3 });
      if (step === 9) dws.setFaults({ errorRate: 0 });
      tiem.advance(30_000);
      dws.advance(30_000);
      await looks(3);
    }
    const ended = async () => {
      const states = await Promise.all(
        created.map(async (id) => (await run(`query($id: ID!) { node(id: $id) { ... on Workflow { state } } }`, { id })).node.state),
      );
      return states.every((s: string) => TERMINAL.has(s));
    };
    await until('the TiEM creations to end', async () => {
      if (await ended()) return true;
      tiem.advance(60_000);
      await looks(3);
      return false;
    });
    // Every subscriber catches up: each workflowUpdates subscriber has both creations' end.
    const updates = (s: Subscriber) => s.stream.updates as WorkflowUpdate[];
    await until('every workflowUpdates subscriber to see both creations end', () =>
      subscribers
        .filter((s) => s.feed === 'workflowUpdates')
        .every((s) =>
          created.every((id) =>
            TERMINAL.has(
              updates(s)
                .filter((u) => u.workflow.id === id)
                .at(-1)?.workflow.state ?? '',
            ),
          ),
        ),
    );
    const events = (s: Subscriber) => s.stream.updates as EventItem[];
    const eventSubscribers = subscribers.filter((s) => s.feed === 'events');
    const allEvents = () => new Set(eventSubscribers.flatMap((s) => events(s).map((e) => e.id)));
    await until('every events subscriber to have every event', () => eventSubscribers.every((s) => events(s).length === allEvents().size));

    // The process is up and answers.
    expect((await fetch(`${demo.gateway.url}/healthz`)).status).toBe(200);
    expect(failures).toEqual([]);
    // Memory stays bounded: what 1,000 subscribers and a few hundred updates hold, not a backlog.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);

    for (const s of subscribers) {
      if (s.feed === 'workflowUpdates') {
        // Each change once: never the same state of a workflow twice in a row; progress never back.
        const byWorkflow = new Map<string, WorkflowUpdate[]>();
        for (const u of updates(s)) byWorkflow.set(u.workflow.id, [...(byWorkflow.get(u.workflow.id) ?? []), u]);
        for (const list of byWorkflow.values()) {
          for (let i = 1; i < list.length; i++) {
            expect(JSON.stringify(list[i])).not.toBe(JSON.stringify(list[i - 1]));
            expect(list[i]!.workflow.progress ?? 0).toBeGreaterThanOrEqual(list[i - 1]!.workflow.progress ?? 0);
          }
          expect(list.filter((u) => TERMINAL.has(u.workflow.state)).length).toBeLessThanOrEqual(1);
        }
      } else if (s.feed === 'events') {
        // No event twice, none from before the soak (no history replayed after an outage).
        const ids = events(s).map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(events(s).every((e) => Date.parse(e.occurredAt) >= soakStartedAt - 1_000)).toBe(true);
      } else {
        const changes = s.stream.updates as StatusChange[];
        const last = new Map<string, string>();
        for (const c of changes) {
          expect(c.cluster.status).not.toBe(last.get(c.cluster.id));
          last.set(c.cluster.id, c.cluster.status);
        }
      }
    }
    // The restarts were news on every events subscriber, the creations on every status subscriber.
    expect(allEvents().size).toBeGreaterThanOrEqual(2);
    const statusSubscribers = subscribers.filter((s) => s.feed === 'clusterStatusChanged');
    expect(statusSubscribers.every((s) => (s.stream.updates as StatusChange[]).length >= 2)).toBe(true);

    for (const s of subscribers) s.stream.unsubscribe();
    await Promise.all(ws.map((c) => c.dispose()));
  }, 240_000);
});
