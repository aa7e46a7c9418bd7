import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { tiemCreateInput } from '../helpers/inputs.js';
import { liveClient, subscribe } from '../helpers/live.js';

const PROGRESS = print(parse(`subscription($id: ID!) { workflowProgress(id: $id) { workflow { id state progress message } error { code } } }`));
const CREATE = parse(`mutation($input: CreateClusterInput!) { createCluster(input: $input) { ... on OperationPayload { workflow { id } } } }`) as TypedDocumentNode<
  { createCluster: { workflow?: { id: string } | null } },
  { input: unknown }
>;

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
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
    const workflowLooks = () => Object.entries(tiem.stats().routes).filter(([route]) => route.startsWith('GET /api/v1/workflow/')).reduce((n, [, c]) => n + c, 0);
    const pollsBefore = await polls();
    tiem.resetStats();
    const client = liveClient(demo.gateway.url, demo.token);
    const streams = Array.from({ length: 500 }, () => client.subscribe<Update>(PROGRESS, { id }, 'workflowProgress'));
    let maxPollers = 0;
    for (let i = 0; i < 400 && !streams.every((s) => s.completed); i++) {
      maxPollers = Math.max(maxPollers, demo.gateway.hub.size);
      // Until everyone has the first state, the clock stands still: nobody may miss a step.
      if (streams.every((s) => s.updates.length > 0)) tiem.advance(30_000);
      await new Promise((r) => setTimeout(r, 25));
    }
    await Promise.all(streams.map((s) => s.done));
    await client.dispose();
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
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('event: complete')) {
            finished = true;
            return;
          }
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) updates.push((JSON.parse(data.slice(6)) as { data: { workflowProgress: Update } }).data.workflowProgress);
        }
      }
      finished = true;
    })();
    await driveClock(() => finished);
    await reading;
    checkStream(updates);
  });

  it('refuses a WebSocket subscription without a valid token', async () => {
    const client = createClient({ url: demo.gateway.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { Authorization: 'Bearer nope' }, retryAttempts: 0 });
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: PROGRESS, variables: { id: 'x' } }, { next: () => resolve('next'), error: resolve, complete: () => resolve('complete') });
    });
    await client.dispose();
    // graphql-ws closes a connection its onConnect refuses with 4403 Forbidden.
    expect((outcome as { code?: number }).code).toBe(4403);
  });
});
