import { parse, print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../src/log.js';
import { type Gateway, startGateway } from '../../src/server.js';
import { ADAPTERS } from '../../src/sources/kinds.js';
import { ADMIN_TOKEN, type DemoGateway, startDemoGateway, TEST_POLL } from '../helpers/gateway.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PROGRESS = print(parse(`subscription($id: ID!) { workflowProgress(id: $id) { workflow { id state progress } } }`));
const ACTIVE = print(parse(`{ workflows(first: 10, filter: { active: true, sourceIds: ["tiem"] }) { edges { node { id } } } }`));

// Replica A is the demo gateway; replica B is a second gateway over the same simulators.
// They share nothing but Redis.
let a: DemoGateway;
let b: Gateway;
beforeAll(async () => {
  a = await startDemoGateway({ redisUrl: REDIS_URL });
  b = await startGateway(
    { ...a.config, graphiql: false, demo: false },
    { factories: ADAPTERS, logger: createLogger('silent'), poll: TEST_POLL },
  );
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

function subscribe(url: string, id: string, updates: string[]) {
  const client = createClient({ url: url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  const done = new Promise<void>((resolve, reject) => {
    client.subscribe<{ workflowProgress: { workflow: { state: string } } }>(
      { query: PROGRESS, variables: { id } },
      { next: (m) => m.data && updates.push(m.data.workflowProgress.workflow.state), error: reject, complete: resolve },
    );
  });
  return { client, done };
}

describe('two replicas sharing Redis', () => {
  it('delivers every update to subscribers on both replicas from a single poller', async () => {
    const res = await fetch(`${a.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: ACTIVE }),
    });
    const id = ((await res.json()) as any).data.workflows.edges[0].node.id as string;
    const onA: string[] = [];
    const onB: string[] = [];
    const subA = subscribe(a.gateway.url, id, onA);
    const subB = subscribe(b.url, id, onB);
    let ended = false;
    void Promise.all([subA.done, subB.done]).then(() => (ended = true));
    let maxPollers = 0;
    for (let i = 0; i < 400 && !ended; i++) {
      maxPollers = Math.max(maxPollers, a.gateway.hub.size + b.hub.size);
      a.fleet.simulators.tiem.advance(30_000);
      await new Promise((r) => setTimeout(r, 25));
    }
    await Promise.all([subA.done, subB.done]);
    await Promise.all([subA.client.dispose(), subB.client.dispose()]);
    expect(['SUCCEEDED', 'FAILED', 'CANCELLED']).toContain(onA.at(-1));
    expect(onB.at(-1)).toBe(onA.at(-1));
    expect(onB.length).toBeGreaterThan(1);
    // Each replica keeps a poller for its own subscriber, but only the lease holder polls.
    expect(maxPollers).toBeLessThanOrEqual(2);
    const polls = async (g: Gateway) => (await g.metrics.registry.getSingleMetric('fleetgate_polls_total')?.get())?.values[0]?.value ?? 0;
    const [pollsA, pollsB] = [await polls(a.gateway), await polls(b)];
    expect(Math.min(pollsA, pollsB)).toBeLessThanOrEqual(1);
  });
});
