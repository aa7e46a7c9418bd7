import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import { encodeGlobalId } from '../../src/model/ids.js';
import { createGatewayYoga } from '../../src/server.js';
import { SourceRegistry } from '../../src/sources/registry.js';
import { LiveFeeds } from '../../src/workflows/live.js';
import { PollerHub } from '../../src/workflows/poller.js';
import { createLiveTransport } from '../../src/workflows/pubsub.js';
import { fakeSource } from '../helpers/fake-source.js';

describe('subscription limits per token', () => {
  it('refuses a token’s subscription over maxSubscriptionsPerToken (over SSE too), and admits one again when another ends', async () => {
    const source = fakeSource({ id: 'a', clusters: 2 });
    const registry = new SourceRegistry([source.adapter]);
    const hub = new PollerHub({ metrics: createMetrics(), minIntervalMs: 60_000, maxIntervalMs: 60_000 });
    const live = new LiveFeeds(registry, createLiveTransport(), hub);
    const yoga = createGatewayYoga({ deps: { registry, live }, logger: createLogger('silent'), limits: { ...DEFAULT_LIMITS, maxSubscriptionsPerToken: 2 } });
    source.startWorkflow('w1');
    const query = `subscription($id: ID!) { workflowProgress(id: $id) { workflow { state } } }`;
    const id = encodeGlobalId({ type: 'Workflow', sourceId: 'a', nativeId: 'w1' });
    const open = async () => {
      const res = await yoga.fetch('http://fleetgate/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query, variables: { id } }),
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      // Up to the first data event: the workflow's state, or the refusal.
      while (!text.includes('data:')) text += new TextDecoder().decode((await reader.read()).value);
      return { text, close: () => reader.cancel() };
    };
    const first = await open();
    const second = await open();
    expect(first.text).toContain('RUNNING');
    expect(second.text).toContain('RUNNING');
    const third = await open();
    expect(third.text).toContain('TOO_MANY_SUBSCRIPTIONS');
    await first.close();
    const fourth = await open();
    expect(fourth.text).toContain('RUNNING');
    await Promise.all([second.close(), third.close(), fourth.close()]);
    await hub.close();
  });
});
