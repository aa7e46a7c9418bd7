import type { Workflow } from '../model/entities.js';
import { GatewayError, NotFoundError } from '../model/errors.js';
import { decodeGlobalId } from '../model/ids.js';
import type { SourceRegistry } from '../sources/registry.js';
import { clusterChanges, fingerprint, forward, isTerminal, mergeStatusChanges, newEvents, workflowChanges, workflowId } from './changes.js';
import { clusterFeed, eventFeed, type FeedSpec, read, workflowFeed } from './feeds.js';
import { type Letter, Mailbox } from './mailbox.js';
import type { MarkStore } from './marks.js';
import type { PollerHub } from './poller.js';
import type { ChannelName, Channels, LiveChannels, LiveError, WorkflowUpdate } from './pubsub.js';
import { UpdateReads } from './reads.js';

export { isTerminal } from './changes.js';

export type LiveStream<T> = AsyncIterableIterator<T> & { return(): Promise<IteratorResult<T>> };

/**
 * An async iterator whose `return()` takes effect at once, even while a `next()` waits:
 * a subscriber who leaves an idle feed releases its poller and mailbox now, not at the
 * feed's next update (an async generator would queue the return behind the wait).
 */
function stream<T>(pull: () => Promise<IteratorResult<T>>, end: () => void): LiveStream<T> {
  let done = false;
  return {
    next: () => (done ? Promise.resolve({ value: undefined, done: true }) : pull()),
    return: () => {
      done = true;
      end();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** What a subscription stream yields: an update with the reads its fields share, or the error that ends the stream. */
export type Delivered<T> = { item: T; reads: UpdateReads } | { error: GatewayError };

export interface LiveOptions {
  /** Updates one subscriber may have waiting (distinct workflows, clusters or events) before its stream is closed. */
  maxPendingUpdates: number;
}

export const LIVE_DEFAULTS: LiveOptions = { maxPendingUpdates: 1_000 };

function liveError(sourceId: string, error: unknown): LiveError {
  return error instanceof GatewayError
    ? { sourceId, code: error.code, message: error.message }
    : { sourceId, code: 'INTERNAL_SERVER_ERROR', message: 'the source could not be polled' };
}

interface Subscription<T> {
  /** Coalescing key: waiting items under one key replace each other. */
  key(item: T): unknown;
  merge?(waiting: T, newer: T): T;
  /** The subscriber's filter, applied as items are published so others' items never take room in its mailbox. */
  keep?(item: T): boolean;
  /** What this subscriber has not had yet (undefined: nothing new), applied as it reads. */
  news(item: T): T | undefined;
}

/**
 * The live side: subscriptions read from the channels through bounded mailboxes of
 * their own, and shared pollers feed the channels. A workflow has one poller however
 * many subscribers watch it; the fleet-wide feeds (workflow updates, events, cluster
 * status) have one each. Each subscriber gets only what it has not had, and one that
 * falls behind is coalesced to the latest state or closed (see mailbox.ts).
 */
export class LiveFeeds {
  /** The latest state each running workflow poller has seen, for subscribers who join late. */
  readonly #latest = new Map<string, Workflow>();
  /** First looks in flight: a burst of new subscribers costs the vendor one call. */
  readonly #looking = new Map<string, Promise<Workflow>>();
  /** One UpdateReads per published payload in this process, shared by its subscribers. */
  readonly #reads = new WeakMap<object, UpdateReads>();
  /** Each payload's coalescing key, worked out once for all its subscribers. */
  readonly #keys = new WeakMap<object, unknown>();
  readonly #options: LiveOptions;

  constructor(
    private readonly registry: SourceRegistry,
    private readonly transport: { channels: LiveChannels; marks: MarkStore },
    private readonly hub: PollerHub,
    options: Partial<LiveOptions> = {},
  ) {
    this.#options = { ...LIVE_DEFAULTS, ...options };
  }

  /** The workflow now, then every change, ending after its terminal state. */
  workflowProgress(globalId: string): LiveStream<Delivered<WorkflowUpdate>> {
    const news = workflowChanges();
    let mailbox: Mailbox<WorkflowUpdate> | undefined;
    let release: (() => void) | undefined;
    let updates: AsyncIterator<Delivered<WorkflowUpdate>> | undefined;
    const first = async (): Promise<IteratorResult<Delivered<WorkflowUpdate>>> => {
      const id = decodeGlobalId(globalId);
      if (id.type !== 'Workflow') throw new NotFoundError('Workflow', globalId);
      const adapter = this.registry.locate(id);
      const fetchOne = async (signal?: AbortSignal) => {
        const w = await read(adapter, 'workflows', signal)?.get(id.nativeId);
        if (!w) throw new NotFoundError('Workflow', globalId);
        return w;
      };
      // Listen before the first look, so a change between the two is not lost.
      mailbox = this.#mailbox('workflow', globalId, { key: () => globalId });
      const workflow = await this.#firstLook(globalId, () => fetchOne());
      if (isTerminal(workflow)) end();
      else {
        release = this.hub.acquire({
          key: `workflow:${globalId}`,
          poll: (signal) => fetchOne(signal),
          publish: (result) => this.#publishWorkflow(globalId, id.sourceId, result),
          finished: isTerminal,
        });
        updates = this.#letters(mailbox, news);
      }
      return { value: { item: news({ workflow }) ?? { workflow }, reads: this.#readsFor(workflow) }, done: false };
    };
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      release?.();
      // Nobody watches any more: a later subscriber must look afresh, not at our last state.
      if (!this.hub.running(`workflow:${globalId}`)) this.#latest.delete(globalId);
      void mailbox?.return();
    };
    let started = false;
    return stream(async () => {
      if (!started) {
        started = true;
        return first().catch((error: unknown) => {
          end();
          throw error;
        });
      }
      if (ended || !updates) return { value: undefined, done: true };
      const next = await updates.next();
      if (next.done || 'error' in next.value || isTerminal(next.value.item.workflow)) end();
      return next;
    }, end);
  }

  #publishWorkflow(globalId: string, sourceId: string, result: { value: Workflow } | { error: unknown }): boolean {
    const last = this.#latest.get(globalId);
    if ('error' in result) {
      if (last) this.transport.channels.publish('workflow', globalId, { workflow: last, error: liveError(sourceId, result.error) });
      return false;
    }
    const workflow = forward(last, result.value);
    if (last && fingerprint(last) === fingerprint(workflow)) return false;
    if (isTerminal(workflow)) this.#latest.delete(globalId);
    else this.#latest.set(globalId, workflow);
    this.transport.channels.publish('workflow', globalId, { workflow });
    return true;
  }

  /** The poller's latest state if one runs, else one vendor call shared by everyone asking now. */
  async #firstLook(globalId: string, fetchOne: () => Promise<Workflow>): Promise<Workflow> {
    const known = this.#latest.get(globalId);
    if (known) return known;
    let pending = this.#looking.get(globalId);
    if (!pending) {
      pending = fetchOne().finally(() => this.#looking.delete(globalId));
      this.#looking.set(globalId, pending);
    }
    const workflow = await pending;
    if (!isTerminal(workflow) && !this.#latest.has(globalId)) this.#latest.set(globalId, workflow);
    return workflow;
  }

  /** Every change to any active workflow on any source that `keep` accepts. */
  workflowUpdates(keep?: (update: WorkflowUpdate) => boolean) {
    return this.#feed('workflowUpdates', 'feed:workflows', workflowFeed(this.#feedDeps()), {
      key: (u) => workflowId(u.workflow),
      news: workflowChanges(),
      ...(keep ? { keep } : {}),
    });
  }

  /** Each new event on any source that `keep` accepts, once. */
  events(keep?: (event: Channels['events']) => boolean) {
    return this.#feed('events', 'feed:events', eventFeed(this.#feedDeps()), {
      key: (e) => `${e.sourceId}:${e.nativeId}`,
      news: newEvents(),
      ...(keep ? { keep } : {}),
    });
  }

  /** Each change of a cluster's status that `keep` accepts. */
  clusterStatusChanged(keep?: (change: Channels['clusterStatus']) => boolean) {
    return this.#feed('clusterStatus', 'feed:clusters', clusterFeed(this.#feedDeps()), {
      key: (c) => `${c.cluster.sourceId}:${c.cluster.nativeId}`,
      merge: mergeStatusChanges,
      news: clusterChanges(),
      ...(keep ? { keep } : {}),
    });
  }

  #feedDeps() {
    return { registry: this.registry, channels: this.transport.channels, marks: this.transport.marks };
  }

  /** Relays a fleet-wide channel and keeps its poller running while anyone listens. */
  #feed<C extends ChannelName>(channel: C, pollKey: string, spec: FeedSpec, subscription: Subscription<Channels[C]>): LiveStream<Delivered<Channels[C]>> {
    const mailbox = this.#mailbox(channel, undefined, subscription);
    const release = this.hub.acquire({ key: pollKey, ...spec });
    const letters = this.#letters(mailbox, subscription.news);
    const end = () => {
      release();
      void mailbox.return();
    };
    return stream(async () => {
      const next = await letters.next();
      if (next.done) end();
      return next;
    }, end);
  }

  /** A mailbox receiving `channel` from now on, through the subscriber's filter. */
  #mailbox<C extends ChannelName>(channel: C, id: string | undefined, subscription: Omit<Subscription<Channels[C]>, 'news'>): Mailbox<Channels[C]> {
    let stop = () => undefined as void;
    const mailbox = new Mailbox<Channels[C]>(
      {
        key: (item) => this.#keyOf(item, subscription.key),
        ...(subscription.merge ? { merge: subscription.merge } : {}),
        capacity: this.#options.maxPendingUpdates,
      },
      () => stop(),
    );
    const keep = subscription.keep;
    stop = this.transport.channels.listen(channel, id, (payload) => {
      if (!keep || keep(payload)) mailbox.put(payload);
    });
    return mailbox;
  }

  /** The mailbox's letters as deliveries: what the subscriber already has is skipped, an error ends the stream. */
  async *#letters<T extends object>(mailbox: Mailbox<T>, news: (item: T) => T | undefined): AsyncGenerator<Delivered<T>> {
    for await (const letter of mailbox as AsyncIterable<Letter<T>>) {
      if ('error' in letter) {
        yield letter;
        return;
      }
      const item = news(letter.item);
      if (item !== undefined) yield { item, reads: this.#readsFor(letter.item) };
    }
  }

  #keyOf<T extends object>(item: T, key: (item: T) => unknown): string {
    let k = this.#keys.get(item);
    if (k === undefined) {
      k = key(item);
      this.#keys.set(item, k);
    }
    return k as string;
  }

  #readsFor(payload: object): UpdateReads {
    let reads = this.#reads.get(payload);
    if (!reads) {
      reads = new UpdateReads(this.registry);
      this.#reads.set(payload, reads);
    }
    return reads;
  }
}
