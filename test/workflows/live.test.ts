import { createPubSub } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics.js';
import { encodeGlobalId } from '../../src/model/ids.js';
import { SourceRegistry } from '../../src/sources/registry.js';
import { LiveFeeds } from '../../src/workflows/live.js';
import { PollerHub } from '../../src/workflows/poller.js';
import type { WorkflowUpdate } from '../../src/workflows/pubsub.js';
import { fakeSource } from '../helpers/fake-source.js';

function setup() {
  const source = fakeSource({ id: 'a', clusters: 2 });
  const metrics = createMetrics();
  const hub = new PollerHub({ metrics, minIntervalMs: 2, maxIntervalMs: 5 });
  const live = new LiveFeeds(new SourceRegistry([source.adapter]), createPubSub(), hub);
  return { source, metrics, hub, live };
}

async function collect(stream: AsyncIterable<WorkflowUpdate>) {
  const out: WorkflowUpdate[] = [];
  for await (const u of stream) out.push(u);
  return out;
}

const gauge = async (metrics: ReturnType<typeof createMetrics>, name: string) =>
  (await metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;

describe('workflow progress', () => {
  it('sends the state at once, then each change in order, ending at the terminal state', async () => {
    const { source, live } = setup();
    source.startWorkflow('w1');
    const updates = await collect(live.workflowProgress(encodeGlobalId({ type: 'Workflow', sourceId: 'a', nativeId: 'w1' })));
    expect(updates.map((u) => [u.workflow.state, u.workflow.progress])).toEqual([
      ['RUNNING', 0.25],
      ['RUNNING', 0.5],
      ['RUNNING', 0.75],
      ['SUCCEEDED', 1],
    ]);
  });

  it('ends FAILED with the vendor’s message', async () => {
    const { source, live } = setup();
    source.startWorkflow('w2', 'Doomed');
    const updates = await collect(live.workflowProgress(encodeGlobalId({ type: 'Workflow', sourceId: 'a', nativeId: 'w2' })));
    expect(updates.at(-1)?.workflow).toMatchObject({ state: 'FAILED', message: 'the vendor gave up' });
  });

  it('shares one poller among 500 subscribers and stops it when they leave', async () => {
    const { source, live, metrics, hub } = setup();
    source.startWorkflow('w3');
    const id = encodeGlobalId({ type: 'Workflow', sourceId: 'a', nativeId: 'w3' });
    const streams = Array.from({ length: 500 }, () => live.workflowProgress(id));
    const firsts = await Promise.all(streams.map((s) => s.next()));
    expect(firsts.every((r) => r.value?.workflow.state === 'RUNNING')).toBe(true);
    // Each subscriber took one first look; from then on a single poller serves them all.
    const before = source.calls.length;
    const seconds = await Promise.all(streams.map((s) => s.next()));
    expect(new Set(seconds.map((r) => r.value?.workflow.progress)).size).toBe(1);
    expect(hub.size).toBe(1);
    expect(await gauge(metrics, 'fleetgate_pollers')).toBe(1);
    const polls = source.calls.length - before;
    expect(polls).toBeLessThanOrEqual(2);
    await Promise.all(streams.map((s) => s.return(undefined)));
    expect(hub.size).toBe(0);
    expect(await gauge(metrics, 'fleetgate_pollers')).toBe(0);
  });

  it('gives a subscriber every change published after its first state, even before it asks for the next', async () => {
    const { source, live } = setup();
    source.startWorkflow('w4');
    const id = encodeGlobalId({ type: 'Workflow', sourceId: 'a', nativeId: 'w4' });
    const watching = live.workflowProgress(id);
    const first = (await watching.next()).value;
    const late = live.workflowProgress(id);
    expect((await late.next()).value).toEqual(first);
    // The first subscriber's poller runs the workflow to its end while the late one waits.
    const rest = await collect(watching);
    expect(rest.at(-1)?.workflow.state).toBe('SUCCEEDED');
    expect(await collect(late)).toEqual(rest);
  });

  it('rejects an id that is not a workflow', async () => {
    const { live } = setup();
    await expect(live.workflowProgress(encodeGlobalId({ type: 'Cluster', sourceId: 'a', nativeId: 'c0000' })).next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('poll lease', () => {
  it('is renewed while a look outlasts it, so no other replica takes over mid-look', async () => {
    const holds: number[] = [];
    const hub = new PollerHub({
      metrics: createMetrics(),
      minIntervalMs: 5,
      maxIntervalMs: 10,
      lease: { hold: async (_key, ttl) => (holds.push(ttl), true), release: async () => undefined },
    });
    let looked!: () => void;
    const lookEnded = new Promise<void>((r) => (looked = r));
    hub.acquire({
      key: 'slow',
      // One look as long as four leases (3 × maxIntervalMs each).
      poll: () => new Promise((r) => setTimeout(() => r('done'), 120)),
      publish: () => (looked(), true),
      finished: () => true,
    });
    await lookEnded;
    await hub.close();
    // The hold before the look, then renewals every third of a lease while it ran.
    expect(holds.length).toBeGreaterThanOrEqual(4);
    expect(new Set(holds)).toEqual(new Set([30]));
  });
});
