import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { tiemCreateInput } from '../helpers/inputs.js';
import { liveClient, sseMessages, subscribe } from '../helpers/live.js';

const PROGRESS = print(parse(`subscription($id: ID!) { workflowProgress(id: $id) { workflow { id state progress message } error { code } } }`));
const CREATE = parse(
  `mutation($input: CreateClusterInput!) { createCluster(input: $input) { ... on OperationPayload { workflow { id } } } }`,
) as TypedDocumentNode<{ createCluster: { workflow?: { id: string } | null } }, { input: unknown }>;

let demo: DemoGateway;
beforeAll(async () => {
  // A small body limit, so the oversized-message test need not build megabytes.
  demo = await startDemoGateway({ limits: { maxBodyBytes: 64 * 1024 } });
});
afterAll(() => demo.close());

type Update = { workflow: { id: string; state: string; progress: number | null; message: string | null } };

/** Moves the TiEM simulator's clock until the stream ends, so the test never waits on real time. */
async function driveClock(done: () => boolean) {
  for (let i = 0; i < 400 && !done(); i++) {
    demo.fleet.simulators.tiem.advance(30_000);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A TiEM cluster creation of the test's own, so no test depends on where a seeded
 * workflow stands after another test moved the clock.
 */
let created = 0;
async function newWorkflowId(): Promise<string> {
  const { data, errors } = await demo.run(CREATE, { input: tiemCreateInput(`e2e-live-${++created}`) });
  if (!data?.createCluster.workflow) throw new Error(`createCluster did not start a workflow: ${JSON.stringify(errors ?? data)}`);
  return data.createCluster.workflow.id;
}

function checkStream(updates: Update[]) {
  expect(updates.length).toBeGreaterThan(1);
  const states = updates.map((u) => u.workflow.state);
  expect(['SUCCEEDED', 'FAILED', 'CANCELLED']).toContain(states.at(-1));
  expect(states.slice(0, -1).every((s) => s === 'RUNNING' || s === 'PENDING')).toBe(true);
  const progress = updates.map((u) => u.workflow.progress ?? 0);
  for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1] as number);
}

describe('subscriptions', () => {
  it('streams a workflow over graphql-ws until it ends, progress never going back', async () => {
    const id = await newWorkflowId();
    const stream = subscribe<Update>(demo.gateway.url, demo.token, PROGRESS, { id }, 'workflowProgress');
    await driveClock(() => stream.completed);
    await stream.done;
    await stream.dispose();
    checkStream(stream.updates);
  });

  it('serves 500 subscribers to one workflow from one poller: the vendor sees one look per poll', async () => {
    const id = await newWorkflowId();
    const tiem = demo.fleet.simulators.tiem;
    const polls = async () => Number(/^fleetgate_polls_total (\d+)/m.exec(await (await fetch(`${demo.gateway.url}/metrics`)).text())?.[1]);
    const workflowLooks = () =>
      Object.entries(tiem.stats().routes)
        .filter(([route]) => route.startsWith('GET /api/v1/workflow/'))
        .reduce((n, [, c]) => n + c, 0);
    const pollsBefore = await polls();
    tiem.resetStats();
    // Five connections of 100, the most one connection may have open by default.
    const clients = Array.from({ length: 5 }, () => liveClient(demo.gateway.url, demo.token));
    const streams = clients.flatMap((client) => Array.from({ length: 100 }, () => client.subscribe<Update>(PROGRESS, { id }, 'workflowProgress')));
    let maxPollers = 0;
    for (let i = 0; i < 400 && !streams.every((s) => s.completed); i++) {
      maxPollers = Math.max(maxPollers, demo.gateway.hub.size);
      // Until everyone has the first state, the clock stands still: nobody may miss a step.
      if (streams.every((s) => s.updates.length > 0)) tiem.advance(30_000);
      await new Promise((r) => setTimeout(r, 25));
    }
    await Promise.all(streams.map((s) => s.done));
    await Promise.all(clients.map((c) => c.dispose()));
    expect(maxPollers).toBe(1);
    expect(demo.gateway.hub.size).toBe(0);
    // One first look shared by all 500, then one vendor call per poll however many listen.
    expect(workflowLooks()).toBe((await polls()) - pollsBefore + 1);
    const reference = JSON.stringify(streams[0]!.updates);
    expect(streams.every((s) => JSON.stringify(s.updates) === reference)).toBe(true);
    checkStream(streams[0]!.updates);
  });

  it('streams the same over SSE', async () => {
    const id = await newWorkflowId();
    const res = await fetch(`${demo.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${demo.token}` },
      body: JSON.stringify({ query: PROGRESS, variables: { id } }),
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const updates: Update[] = [];
    let finished = false;
    const reading = (async () => {
      for await (const msg of sseMessages<{ data: { workflowProgress: Update } }>(res)) updates.push(msg.data.workflowProgress);
      finished = true;
    })();
    await driveClock(() => finished);
    await reading;
    checkStream(updates);
  });

  it('refuses a WebSocket subscription without a valid token', async () => {
    const client = createClient({
      url: `${demo.gateway.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: 'Bearer nope' },
      retryAttempts: 0,
    });
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: PROGRESS, variables: { id: 'x' } }, { next: () => resolve('next'), error: resolve, complete: () => resolve('complete') });
    });
    await client.dispose();
    // graphql-ws closes a connection its onConnect refuses with 4403 Forbidden.
    expect((outcome as { code?: number }).code).toBe(4403);
  });

  it('ends the final update with the cluster as the operation left it, read afresh, not as the first update found it', async () => {
    const id = await newWorkflowId();
    const query = `subscription($id: ID!) { workflowProgress(id: $id) { workflow { state cluster { status } } } }`;
    const stream = subscribe<{ workflow: { state: string; cluster: { status: string } | null } }>(
      demo.gateway.url,
      demo.token,
      query,
      { id },
      'workflowProgress',
    );
    await driveClock(() => stream.completed);
    await stream.done;
    await stream.dispose();
    expect(stream.updates[0]?.workflow.cluster?.status).toBe('CREATING');
    expect(stream.updates.at(-1)?.workflow).toEqual({ state: 'SUCCEEDED', cluster: { status: 'RUNNING' } });
  });
});

/** Why the gateway refused a subscription: the errors of its error or errors-only message. */
async function refusal(query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const stream = subscribe(demo.gateway.url, demo.token, query, variables, 'x');
  const outcome = await stream.done.then(
    () => 'completed',
    (err: unknown) => (err instanceof Error ? err.message : JSON.stringify(err)),
  );
  await stream.dispose();
  return outcome;
}

describe('limits on subscriptions', () => {
  it('applies the fan-out and page-size estimate to a subscription’s selection as to a query’s', async () => {
    // Each alias reads a cluster's 200 hosts' snapshots: 201 vendor fetches an update, 25 times over.
    const heavy = Array.from(
      { length: 25 },
      (_, i) => `c${i}: cluster { hosts(first: 200) { edges { node { cluster { snapshots(first: 200) { edges { node { id } } } } } } } }`,
    );
    expect(await refusal(`subscription { workflowUpdates { workflow { ${heavy.join(' ')} } } }`)).toContain('QUERY_TOO_COSTLY');
    // The issue's own selection: pages larger than maxPageSize.
    const page = `subscription { workflowUpdates { workflow { id cluster { hosts(first: 500) { edges { node { cluster { snapshots(first: 500) { edges { node { id } } } } } } } } } } }`;
    expect(await refusal(page)).toContain('pages hold at most');
  });

  it('applies graphql-armor’s depth, alias and token limits over graphql-ws, refusing the subscription and keeping the socket', async () => {
    const client = liveClient(demo.gateway.url, demo.token);
    const refused = (query: string) =>
      client.subscribe(query, {}, 'workflowUpdates').done.then(
        () => 'completed',
        (err: unknown) => JSON.stringify(err instanceof Error ? err.message : err),
      );
    const deep = `subscription { workflowUpdates { workflow { cluster { hosts { edges { node { cluster { hosts { edges { node { cluster { hosts { edges { node { id } } } } } } } } } } } } } } }`;
    expect(await refused(deep)).toMatch(/depth limit of 12/i);
    const aliases = `subscription { workflowUpdates { workflow { ${Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ')} } } }`;
    expect(await refused(aliases)).toMatch(/aliases limit of 30/i);
    const tokens = `subscription { workflowUpdates { workflow { ${'id '.repeat(6_000)} } } }`;
    expect(await refused(tokens)).toMatch(/token limit of 5000/i);
    // The same socket still serves a subscription within the limits.
    const id = await newWorkflowId();
    const ok = client.subscribe<Update>(PROGRESS, { id }, 'workflowProgress');
    await until(() => ok.updates.length > 0);
    expect(ok.updates[0]?.workflow.id).toBe(id);
    await client.dispose();
  });

  it('closes a socket whose message is larger than maxBodyBytes before parsing it, connection_init included', async () => {
    const limit = demo.config.limits.maxBodyBytes;
    const closeCode = async (message: string) => {
      const socket = new WebSocket(`${demo.gateway.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(message);
      return closed;
    };
    // 1009: message too big, from ws itself, which reads the frame's length first.
    expect(await closeCode(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(limit) } }))).toBe(1009);
    const subscribeMessage = JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { events { id } } # ${'x'.repeat(limit)}` } });
    expect(await closeCode(subscribeMessage)).toBe(1009);
    // Just under the limit is read as usual (and refused for want of a token).
    expect(await closeCode(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(limit - 100) } }))).toBe(4403);
  });

  it('admits at most maxSubscriptionsPerConnection on one connection, and another once one ends', async () => {
    const max = demo.config.limits.maxSubscriptionsPerConnection;
    const client = liveClient(demo.gateway.url, demo.token);
    const feed = `subscription { clusterStatusChanged { cluster { id } } }`;
    const open = Array.from({ length: max }, () => client.subscribe(feed, {}, 'clusterStatusChanged'));
    const extra = client.subscribe(feed, {}, 'clusterStatusChanged');
    await expect(extra.done).rejects.toThrow(/TOO_MANY_SUBSCRIPTIONS/);
    // Another connection of the same token is under its own limit; this one is under it again once one ends.
    const other = subscribe(demo.gateway.url, demo.token, PROGRESS, { id: await newWorkflowId() }, 'workflowProgress');
    await until(() => other.updates.length > 0);
    open[0]?.unsubscribe();
    const again = client.subscribe(PROGRESS, { id: await newWorkflowId() }, 'workflowProgress');
    await until(() => again.updates.length > 0);
    expect(again.completed).toBe(false);
    await other.dispose();
    await client.dispose();
  });
});

/** Until `ok()`, checking as the event loop turns; the test's own timeout is the limit. */
async function until(ok: () => boolean) {
  while (!ok()) await new Promise((r) => setTimeout(r, 10));
}
