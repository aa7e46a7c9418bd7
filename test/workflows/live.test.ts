import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics.js';
import { encodeGlobalId } from '../../src/model/ids.js';
import { SourceRegistry } from '../../src/sources/registry.js';
import { type Delivered, LiveFeeds } from '../../src/workflows/live.js';
import { PollerHub } from '../../src/workflows/poller.js';
import { createLiveTransport } from '../../src/workflows/pubsub.js';
import type { Workflow } from '../../src/model/entities.js';
import { workflowId } from '../../src/workflows/changes.js';
import { fakeSource } from '../helpers/fake-source.js';
import { scriptedSource } from './scripted-source.js';

function setup(options: { maxPendingUpdates?: number } = {}) {
  const source = fakeSource({ id: 'a', clusters: 2 });
  const metrics = createMetrics();
  const hub = new PollerHub({ metrics, minIntervalMs: 2, maxIntervalMs: 5 });
  const transport = createLiveTransport();
  const live = new LiveFeeds(new SourceRegistry([source.adapter]), transport, hub, options);
  return { source, metrics, hub, live, transport };
}

/** The items of a stream, failing on an error delivery. */
async function collect<T>(stream: AsyncIterable<Delivered<T>>) {
  const out: T[] = [];
  for await (const d of stream) {
    if ('error' in d) throw d.error;
    out.push(d.item);
  }
  return out;
}

const item = <T>(r: IteratorResult<Delivered<T>>) => (r.value && 'item' in r.value ? r.value.item : undefined);

const gauge = async (metrics: ReturnType<typeof createMetrics>, name: string) => (await metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;

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
    expect(firsts.every((r) => item(r)?.workflow.state === 'RUNNING')).toBe(true);
    // Each subscriber took one first look; from then on a single poller serves them all.
    const before = source.calls.length;
    const seconds = await Promise.all(streams.map((s) => s.next()));
    expect(new Set(seconds.map((r) => item(r)?.workflow.progress)).size).toBe(1);
    expect(hub.size).toBe(1);
    expect(await gauge(metrics, 'fleetgate_pollers')).toBe(1);
    const polls = source.calls.length - before;
    expect(polls).toBeLessThanOrEqual(2);
    await Promise.all(streams.map((s) => s.return(undefined)));
    expect(hub.size).toBe(0);
    expect(await gauge(metrics, 'fleetgate_pollers')).toBe(0);
  });

  it('gives a subscriber that has not asked for a while the latest state, not a backlog', async () => {
    const { source, live } = setup();
    source.startWorkflow('w4');
    const id = encodeGlobalId({ type: 'Workflow', sourceId: 'a', nativeId: 'w4' });
    const watching = live.workflowProgress(id);
    const first = item(await watching.next());
    const late = live.workflowProgress(id);
    expect(item(await late.next())).toEqual(first);
    // The first subscriber's poller runs the workflow to its end while the late one waits.
    const rest = await collect(watching);
    expect(rest.map((u) => u.workflow.progress)).toEqual([0.5, 0.75, 1]);
    expect(await collect(late)).toEqual([rest.at(-1)]);
  });

  it('keeps the last progress when the workflow fails, and never sends the same state twice', async () => {
    const source = scriptedSource('s');
    const hub = new PollerHub({ metrics: createMetrics(), minIntervalMs: 60_000, maxIntervalMs: 60_000 });
    const transport = createLiveTransport();
    const live = new LiveFeeds(new SourceRegistry([source.adapter]), transport, hub);
    const w = source.workflow('w5');
    const id = workflowId(w);
    const stream = live.workflowProgress(id);
    expect(item(await stream.next())?.workflow.progress).toBe(0);
    // Published as a poller on another replica would, repeats and a vendor rounding down included.
    const publish = (state: Workflow['state'], progress?: number) =>
      transport.channels.publish('workflow', id, { workflow: { ...w, state, progress } as Workflow });
    publish('RUNNING', 0.32);
    expect(item(await stream.next())?.workflow).toMatchObject({ state: 'RUNNING', progress: 0.32 });
    publish('RUNNING', 0.32);
    publish('RUNNING', 0.3);
    publish('FAILED', 0);
    expect(item(await stream.next())?.workflow).toMatchObject({ state: 'FAILED', progress: 0.32 });
    expect((await stream.next()).done).toBe(true);
    await hub.close();
  });

  it('rejects an id that is not a workflow', async () => {
    const { live } = setup();
    await expect(live.workflowProgress(encodeGlobalId({ type: 'Cluster', sourceId: 'a', nativeId: 'c0000' })).next()).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('fleet feeds', () => {
  function feedSetup(maxPendingUpdates = 1_000) {
    const source = scriptedSource('s');
    const metrics = createMetrics();
    const hub = new PollerHub({ metrics, minIntervalMs: 1, maxIntervalMs: 2 });
    const live = new LiveFeeds(new SourceRegistry([source.adapter]), createLiveTransport(), hub, { maxPendingUpdates });
    return { source, metrics, hub, live };
  }

  it('polls the vendor as often with 1,000 subscribers as with one: one poller, one list call a look', async () => {
    const { source, metrics, hub, live } = feedSetup();
    source.workflow('w1');
    const streams = Array.from({ length: 1_000 }, () => live.workflowUpdates());
    const pending = streams.map((s) => s.next());
    await source.called(20);
    expect(hub.size).toBe(1);
    await Promise.all(streams.map((s) => s.return(undefined)));
    await Promise.all(pending);
    const polls = (await metrics.registry.getSingleMetric('fleetgate_polls_total')?.get())?.values[0]?.value;
    expect(source.state.calls.every((c) => c === 'list workflows')).toBe(true);
    expect(source.state.calls.length).toBe(polls);
    expect(hub.size).toBe(0);
  });

  it('closes a subscriber that does not read with SUBSCRIBER_TOO_SLOW while the others get everything', async () => {
    const { source, hub, live } = feedSetup(10);
    const fast = live.events();
    const slow = live.events();
    const fastFirst = fast.next();
    const slowFirst = slow.next();
    await source.called(1);
    // Two bursts the size of the mailbox less one: the reader keeps up, the other falls behind.
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    const fresh = Array.from({ length: 9 }, (_, i) => source.event(at(i)));
    const got = [item(await fastFirst)];
    while (got.length < 9) got.push(item(await fast.next()));
    fresh.push(...Array.from({ length: 9 }, (_, i) => source.event(at(10 + i))));
    while (got.length < 18) got.push(item(await fast.next()));
    expect(got.map((e) => e?.nativeId)).toEqual(fresh.map((e) => e.nativeId));
    expect(item(await slowFirst)?.nativeId).toBe(fresh[0]?.nativeId);
    expect((await slow.next()).value).toMatchObject({ error: { code: 'SUBSCRIBER_TOO_SLOW' } });
    expect((await slow.next()).done).toBe(true);
    // The poller goes on for the subscriber that keeps up.
    expect(hub.size).toBe(1);
    await fast.return(undefined);
    expect(hub.size).toBe(0);
  });

  it('sends a subscriber a workflow state it already has only once, however often it is published', async () => {
    const { source, hub, live } = feedSetup();
    const transport = createLiveTransport();
    const feeds = new LiveFeeds(new SourceRegistry([source.adapter]), transport, hub);
    const stream = feeds.workflowUpdates((u) => u.workflow.kind !== 'Other');
    const next = stream.next();
    await source.called(1);
    const w = source.workflow('w1', { progress: 0.5 });
    for (let i = 0; i < 5; i++) transport.channels.publish('workflowUpdates', undefined, { workflow: { ...w } });
    transport.channels.publish('workflowUpdates', undefined, { workflow: { ...w, kind: 'Other', nativeId: 'w2' } });
    transport.channels.publish('workflowUpdates', undefined, { workflow: { ...w, progress: 0.6 } });
    expect(item(await next)?.workflow.progress).toBe(0.5);
    expect(item(await stream.next())?.workflow.progress).toBe(0.6);
    await stream.return(undefined);
    void live;
  });
});

describe('poller', () => {
  it('survives a lease store and a publish that throw: nothing escapes the loop, polling goes on', async () => {
    let holds = 0;
    let looks = 0;
    let threeLooks!: () => void;
    const looked = new Promise<void>((r) => (threeLooks = r));
    const hub = new PollerHub({
      metrics: createMetrics(),
      minIntervalMs: 1,
      maxIntervalMs: 2,
      lease: {
        hold: async () => {
          if (++holds === 1) throw new Error('redis is away');
          return true;
        },
        release: async () => {
          throw new Error('redis is away');
        },
      },
    });
    hub.acquire({
      key: 'k',
      poll: async () => {
        if (++looks === 3) threeLooks();
        if (looks === 2) throw new Error('vendor hiccup');
        return looks;
      },
      publish: () => {
        throw new Error('a subscriber broke');
      },
    });
    await looked;
    await hub.close();
    expect(looks).toBeGreaterThanOrEqual(3);
  });
});

describe('poll lease', () => {
  it('is renewed while a look outlasts it, so no other replica takes over mid-look', async () => {
    const holds: number[] = [];
    let renewed!: () => void;
    const fourRenewals = new Promise<void>((r) => (renewed = r));
    const hub = new PollerHub({
      metrics: createMetrics(),
      minIntervalMs: 5,
      maxIntervalMs: 10,
      lease: {
        hold: async (_key, ttl) => {
          holds.push(ttl);
          // The hold before the look, then four renewals while it runs.
          if (holds.length === 5) renewed();
          return true;
        },
        release: async () => undefined,
      },
    });
    let looked!: () => void;
    const lookEnded = new Promise<void>((r) => (looked = r));
    hub.acquire({
      key: 'slow',
      // A look that lasts until the lease has been renewed four times: it ends only if renewals come while it runs.
      poll: async () => {
        await fourRenewals;
        return 'done';
      },
      publish: () => (looked(), true),
      finished: () => true,
    });
    await lookEnded;
    await hub.close();
    expect(holds).toHaveLength(5);
    // Every hold asks for the same lease: three maximum intervals.
    expect(new Set(holds)).toEqual(new Set([30]));
  });
});
