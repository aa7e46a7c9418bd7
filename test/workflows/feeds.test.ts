import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/model/entities.js';
import { SourceError } from '../../src/sources/errors.js';
import { SourceRegistry } from '../../src/sources/registry.js';
import { clusterFeed, EVENTS_PER_LOOK, eventFeed, workflowFeed } from '../../src/workflows/feeds.js';
import { memoryMarks } from '../../src/workflows/marks.js';
import { type Channels, LiveChannels } from '../../src/workflows/pubsub.js';
import { scriptedSource } from './scripted-source.js';

/** A feed's poller taken one look at a time, with what each look published. */
function rig(feed: typeof workflowFeed, sources = [scriptedSource('a')], marks = memoryMarks()) {
  const channels = new LiveChannels(new EventTarget() as never);
  const published: unknown[] = [];
  for (const channel of ['workflowUpdates', 'events', 'clusterStatus'] as const) channels.listen(channel, undefined, (p) => published.push(p));
  const spec = feed({ registry: new SourceRegistry(sources.map((s) => s.adapter)), channels, marks });
  const signal = new AbortController().signal;
  /** One look: what it published, and whether the poller counts it as a change (which resets its backoff). */
  const look = async () => {
    published.length = 0;
    const value = await spec.poll(signal);
    return { published: [...published], changed: await spec.publish({ value }) };
  };
  return { sources, source: sources[0]!, look, marks };
}

describe('workflow feed', () => {
  it('publishes each change of an active workflow once, never a finished one, and backs off while nothing changes', async () => {
    const { source, look } = rig(workflowFeed);
    source.workflow('old-1', { state: 'SUCCEEDED', progress: 1 });
    source.workflow('old-2', { state: 'FAILED', progress: 0.4 });
    source.workflow('w1', { progress: 0.1 });
    // The first look is the baseline.
    expect(await look()).toEqual({ published: [], changed: false });
    // The vendor lists every workflow, finished ones included: only w1 is ever news.
    source.workflow('w1', { progress: 0.2 });
    const second = await look();
    expect(second.changed).toBe(true);
    expect((second.published as Channels['workflowUpdates'][]).map((u) => [u.workflow.nativeId, u.workflow.progress])).toEqual([['w1', 0.2]]);
    for (let i = 0; i < 3; i++) expect(await look()).toEqual({ published: [], changed: false });
    // A workflow started after the baseline is news.
    source.workflow('w2');
    expect(((await look()).published as Channels['workflowUpdates'][]).map((u) => u.workflow.nativeId)).toEqual(['w2']);
  });

  it('takes one last look at a workflow that left the active list, for the state it ended in, and keeps its progress', async () => {
    const { source, look } = rig(workflowFeed);
    source.workflow('w1', { progress: 0.32 });
    await look();
    source.workflow('w1', { state: 'FAILED', progress: 0 });
    // Listed as finished now (this vendor lists every workflow): it has left the active list.
    source.state.calls.length = 0;
    const ended = await look();
    expect((ended.published as Channels['workflowUpdates'][]).map((u) => [u.workflow.state, u.workflow.progress])).toEqual([['FAILED', 0.32]]);
    expect(source.state.calls).toEqual(['list workflows', 'get workflow w1']);
    source.state.calls.length = 0;
    expect(await look()).toEqual({ published: [], changed: false });
    expect(source.state.calls).toEqual(['list workflows']);
  });

  it('publishes nothing for a source while it fails, and only what changed once it answers again', async () => {
    const { source, look } = rig(workflowFeed);
    source.workflow('w1', { progress: 0.1 });
    source.workflow('w2', { progress: 0.5 });
    await look();
    source.state.down = true;
    source.workflow('w1', { progress: 0.6 });
    for (let i = 0; i < 3; i++) expect(await look()).toEqual({ published: [], changed: false });
    source.state.down = false;
    expect(((await look()).published as Channels['workflowUpdates'][]).map((u) => [u.workflow.nativeId, u.workflow.progress])).toEqual([['w1', 0.6]]);
  });
});

describe('event feed', () => {
  const ids = (published: unknown[]) => (published as Event[]).map((e) => e.nativeId);

  it('sends each event once across failures and recoveries, by a high-water mark per source', async () => {
    const { sources, look } = rig(eventFeed, [scriptedSource('a'), scriptedSource('b')]);
    const [a, b] = sources as [ReturnType<typeof scriptedSource>, ReturnType<typeof scriptedSource>];
    a.event('2026-01-01T00:00:00Z');
    a.event('2026-01-01T00:00:01Z');
    b.event('2025-01-01T00:00:00Z');
    // The history is the baseline.
    expect(await look()).toEqual({ published: [], changed: false });
    const a3 = a.event('2026-01-01T00:00:02Z');
    expect(ids((await look()).published)).toEqual([a3.nativeId]);
    const seen = new Set<string>([a3.nativeId]);
    for (let cycle = 0; cycle < 7; cycle++) {
      a.state.down = true;
      expect((await look()).published).toEqual([]);
      a.state.down = false;
      const fresh = a.event(`2026-01-01T00:01:0${cycle}Z`);
      // Two events at one instant: both are new, each once.
      const twin = a.event(`2026-01-01T00:01:0${cycle}Z`);
      const got = ids((await look()).published);
      expect(got).toEqual([fresh.nativeId, twin.nativeId]);
      for (const id of got) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
    expect(await look()).toEqual({ published: [], changed: false });
  });

  it('goes on from the stored mark when another replica takes the feed over', async () => {
    const marks = memoryMarks();
    const a = scriptedSource('a');
    const first = rig(eventFeed, [a], marks);
    a.event('2026-01-01T00:00:00Z');
    await first.look();
    const e2 = a.event('2026-01-01T00:00:01Z');
    expect(ids((await first.look()).published)).toEqual([e2.nativeId]);
    // A second poller (a replica taking over the lease) shares the marks: no replay.
    const second = rig(eventFeed, [a], marks);
    expect(await second.look()).toEqual({ published: [], changed: false });
    const e3 = a.event('2026-01-01T00:00:02Z');
    expect(ids((await second.look()).published)).toEqual([e3.nativeId]);
    // The first replica, coming back to the feed later, reads the mark afresh too.
    expect(await first.look()).toEqual({ published: [], changed: false });
  });

  it('sends a burst after an outage in slices, oldest first, so no subscriber’s mailbox overfills', async () => {
    const { source, look } = rig(eventFeed);
    source.event('2026-01-01T00:00:00Z');
    await look();
    const burst = Array.from({ length: EVENTS_PER_LOOK * 2 + 50 }, (_, i) => source.event(new Date(Date.UTC(2026, 0, 2) + i * 1000).toISOString()));
    const slices = [ids((await look()).published), ids((await look()).published), ids((await look()).published)];
    expect(slices.map((s) => s.length)).toEqual([EVENTS_PER_LOOK, EVENTS_PER_LOOK, 50]);
    expect(slices.flat()).toEqual(burst.map((e) => e.nativeId));
    expect(await look()).toEqual({ published: [], changed: false });
  });

  it('starts publishing after a first look at a source with no events', async () => {
    const { source, look } = rig(eventFeed);
    await look();
    const e = source.event('2026-01-01T00:00:00Z');
    expect(ids((await look()).published)).toEqual([e.nativeId]);
  });
});

describe('cluster status feed', () => {
  it('publishes a status change once, and after an outage only the clusters that changed during it', async () => {
    const { source, look } = rig(clusterFeed);
    source.cluster('c1', 'RUNNING');
    source.cluster('c2', 'RUNNING');
    await look();
    source.cluster('c1', 'UPDATING');
    expect(((await look()).published as Channels['clusterStatus'][]).map((c) => [c.cluster.nativeId, c.previousStatus, c.cluster.status])).toEqual([
      ['c1', 'RUNNING', 'UPDATING'],
    ]);
    expect(await look()).toEqual({ published: [], changed: false });
    source.state.down = true;
    source.cluster('c2', 'STOPPED');
    expect(await look()).toEqual({ published: [], changed: false });
    source.state.down = false;
    expect(((await look()).published as Channels['clusterStatus'][]).map((c) => c.cluster.nativeId)).toEqual(['c2']);
  });

  it('takes a status it could not read (a gap) as no change: the last one known stands until one is read', async () => {
    const { source, look } = rig(clusterFeed);
    source.cluster('c1', 'RUNNING');
    await look();
    source.cluster('c1', new SourceError('SOURCE_UNAVAILABLE', 'statistics call failed', { sourceId: 'a', sourceKind: 'tiem' }));
    expect(await look()).toEqual({ published: [], changed: false });
    source.cluster('c1', 'RUNNING');
    expect(await look()).toEqual({ published: [], changed: false });
    source.cluster('c1', new SourceError('SOURCE_UNAVAILABLE', 'statistics call failed', { sourceId: 'a', sourceKind: 'tiem' }));
    await look();
    source.cluster('c1', 'STOPPED');
    expect(((await look()).published as Channels['clusterStatus'][]).map((c) => [c.previousStatus, c.cluster.status])).toEqual([['RUNNING', 'STOPPED']]);
  });
});
