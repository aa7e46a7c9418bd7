import type { Cluster, Event, Workflow } from '../model/entities.js';
import type { ClusterStatus } from '../model/status.js';
import { readOr } from '../model/partial.js';
import type { EntityReader, SourceAdapter } from '../sources/adapter.js';
import type { EntityName, EntityTypes } from '../model/entity-types.js';
import { RequestScope } from '../sources/scope.js';
import type { SourceRegistry } from '../sources/registry.js';
import { fingerprint, forward, isTerminal, workflowId } from './changes.js';
import { HighWaterMark, type MarkStore } from './marks.js';
import type { PollSpec } from './poller.js';
import type { LiveChannels } from './pubsub.js';

/*
 * The fleet-wide feeds' pollers: one each for workflow updates, events and cluster
 * status, however many subscribe. Each looks at every source in parallel and keeps
 * what it knows per source, so a source that fails is simply not looked at this round:
 * what was known of it stands, nothing of it is published, and when it answers again
 * only what changed meanwhile goes out. A source's first answer is the baseline:
 * subscribers want what happens from now on, not the history.
 */

export type FeedSpec = Omit<PollSpec<number>, 'key'>;

export interface FeedDeps {
  registry: SourceRegistry;
  channels: LiveChannels;
  marks: MarkStore;
}

/** A fresh session per look: pollers outlive requests, and must never see a cached answer. */
export function read<E extends EntityName>(adapter: SourceAdapter, entity: E, signal?: AbortSignal) {
  return adapter.session(new RequestScope(signal))[entity] as EntityReader<EntityTypes[E]['item'], EntityTypes[E]['filter']> | undefined;
}

/**
 * Runs `look` on every source that has `entity`; a source whose look throws is left out
 * of the round. Each look returns what it found to publish; the poll returns how many
 * items it published, so the poller backs off while that is zero.
 */
function everySource<E extends EntityName>(
  deps: FeedDeps,
  entity: E,
  look: (adapter: SourceAdapter, reader: EntityReader<EntityTypes[E]['item'], EntityTypes[E]['filter']>, signal: AbortSignal) => Promise<number>,
): FeedSpec {
  return {
    poll: async (signal) => {
      const counts = await Promise.all(
        deps.registry.adapters.map(async (adapter) => {
          const reader = read(adapter, entity, signal);
          if (!reader) return 0;
          return look(adapter, reader, signal).catch(() => 0);
        }),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
    // Published during the look, source by source; a failed round publishes nothing.
    publish: (result) => 'value' in result && result.value > 0,
  };
}

/**
 * Workflow updates: each source's active workflows (what subscribers can be sent:
 * finished ones do not change), plus one last look at each that left the active list,
 * for the state it ended in. A change is published once; a workflow that finished
 * before this feed saw it run is history, not news.
 */
export function workflowFeed(deps: FeedDeps): FeedSpec {
  const known = new Map<string, Map<string, Workflow>>();
  return everySource(deps, 'workflows', async (adapter, reader, signal) => {
    const sourceId = adapter.info.id;
    // `active` and `state` both: readers push down whichever their vendor filters by.
    const listed = await reader.list({ active: true, state: ['PENDING', 'RUNNING'] });
    const before = known.get(sourceId);
    const now = new Map<string, Workflow>();
    const changes: Workflow[] = [];
    for (const listedWorkflow of listed) {
      if (isTerminal(listedWorkflow)) continue;
      const id = workflowId(listedWorkflow);
      const last = before?.get(id);
      const workflow = forward(last, listedWorkflow);
      now.set(id, workflow);
      if (before && (!last || fingerprint(last) !== fingerprint(workflow))) changes.push(workflow);
    }
    for (const [id, last] of before ?? []) {
      if (now.has(id)) continue;
      try {
        const ended = await read(adapter, 'workflows', signal)?.get(last.nativeId);
        if (!ended) continue;
        const workflow = forward(last, ended);
        if (fingerprint(last) !== fingerprint(workflow)) changes.push(workflow);
      } catch {
        // Look again next round rather than lose how it ended.
        now.set(id, last);
      }
    }
    if (signal.aborted) return 0;
    known.set(sourceId, now);
    for (const workflow of changes) deps.channels.publish('workflowUpdates', undefined, { workflow });
    return changes.length;
  });
}

/** New events one look publishes per source at most; the rest wait for the next look, which comes soon after a change. */
export const EVENTS_PER_LOOK = 100;

/**
 * Events: each source's high-water mark (the latest instant delivered and the ids at
 * it) decides what is new, so an event goes out once however often its source fails
 * and recovers. The marks live in the transport's store — in Redis when replicas share
 * one — and are read at every look, so a replica taking the feed over goes on from
 * where the last holder stopped.
 */
export function eventFeed(deps: FeedDeps): FeedSpec {
  return everySource(deps, 'events', async (adapter, reader, signal) => {
    const key = `events:${adapter.info.id}`;
    const events = await reader.list({});
    const stored = await deps.marks.get(key);
    if (signal.aborted) return 0;
    const mark = new HighWaterMark(stored);
    const ordered = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.nativeId.localeCompare(b.nativeId));
    if (!stored) {
      // The first look at a source: its history is the baseline, not news.
      for (const e of ordered) mark.pass(e.occurredAt, e.nativeId);
      await deps.marks.set(key, mark.toJSON());
      return 0;
    }
    const fresh: Event[] = [];
    for (const e of ordered) {
      // A source back from a long outage goes out in slices, oldest first, one a look,
      // so a burst never overfills subscribers' mailboxes (see LIVE_DEFAULTS).
      if (fresh.length === EVENTS_PER_LOOK) break;
      if (mark.pass(e.occurredAt, e.nativeId)) fresh.push(e);
    }
    if (!fresh.length) return 0;
    // Recorded before publishing: a crash in between loses events rather than repeats them.
    await deps.marks.set(key, mark.toJSON());
    for (const event of fresh) deps.channels.publish('events', undefined, event);
    return fresh.length;
  });
}

/** Cluster status: each source's clusters' statuses, and a change published when one differs from the last look. */
export function clusterFeed(deps: FeedDeps): FeedSpec {
  const known = new Map<string, Map<string, ClusterStatus>>();
  return everySource(deps, 'clusters', async (adapter, reader, signal) => {
    const clusters = await reader.list({});
    if (signal.aborted) return 0;
    const before = known.get(adapter.info.id);
    const now = new Map<string, ClusterStatus>();
    const changes: { cluster: Cluster; previousStatus: ClusterStatus }[] = [];
    for (const cluster of clusters) {
      const previousStatus = before?.get(cluster.nativeId);
      // A status that could not be read this time is no change: the last one known stands.
      const status = readOr(cluster.status) ?? previousStatus;
      if (status === undefined) continue;
      now.set(cluster.nativeId, status);
      if (previousStatus !== undefined && previousStatus !== status) changes.push({ cluster, previousStatus });
    }
    known.set(adapter.info.id, now);
    for (const change of changes) deps.channels.publish('clusterStatus', undefined, change);
    return changes.length;
  });
}
