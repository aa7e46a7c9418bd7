import type { Cluster, Event, Workflow } from '../model/entities.js';
import { GatewayError, NotFoundError } from '../model/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../model/ids.js';
import { TERMINAL_WORKFLOW_STATES } from '../model/status.js';
import type { EntityName, EntityReader, EntityTypes, SourceAdapter } from '../sources/adapter.js';
import { RequestScope } from '../sources/http.js';
import type { SourceRegistry } from '../sources/registry.js';
import type { PollerHub, PollSpec } from './poller.js';
import type { ClusterStatusChange, GatewayPubSub, LiveError, WorkflowUpdate } from './pubsub.js';

export const isTerminal = (w: Workflow) => TERMINAL_WORKFLOW_STATES.has(w.state);

/** What a subscriber compares to tell "changed" from "the same again". */
const fingerprint = (w: Workflow) =>
  JSON.stringify([w.state, w.progress, w.message, w.steps.map((s) => [s.name, s.state, s.message]), w.finishedAt]);

function liveError(sourceId: string, error: unknown): LiveError {
  return error instanceof GatewayError
    ? { sourceId, code: error.code, message: error.message }
    : { sourceId, code: 'INTERNAL_SERVER_ERROR', message: 'the source could not be polled' };
}

/**
 * The PubSub with subscriptions that listen from the moment they are made. Yoga's PubSub
 * attaches a subscription's listener only on its first `next()`, so whatever is published
 * before a subscriber first asks would be lost; asking at once makes the PubSub buffer it.
 */
function listeningFromStart(pubsub: GatewayPubSub): GatewayPubSub {
  const subscribe = (...args: Parameters<GatewayPubSub['subscribe']>) => listening(pubsub.subscribe(...args));
  return { ...pubsub, subscribe: subscribe as GatewayPubSub['subscribe'] };
}

function listening<T>(subscription: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let first: Promise<IteratorResult<T>> | undefined = subscription.next();
  return {
    next: () => {
      const next = first ?? subscription.next();
      first = undefined;
      return next;
    },
    return: (value?: unknown) => subscription.return?.(value) ?? Promise.resolve({ done: true, value: undefined }),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** A fresh session per look: pollers outlive requests, and must never see a cached answer. */
function read<E extends EntityName>(adapter: SourceAdapter, entity: E, signal?: AbortSignal) {
  return adapter.session(new RequestScope(signal))[entity] as EntityReader<EntityTypes[E]['item'], EntityTypes[E]['filter']> | undefined;
}

/**
 * The live side: subscriptions read from the PubSub, and shared pollers feed it. A
 * workflow has one poller however many subscribers watch it; the fleet-wide feeds
 * (workflow updates, events, cluster status) have one each.
 */
export class LiveFeeds {
  /** The latest state each running workflow poller has seen, for subscribers who join late. */
  readonly #latest = new Map<string, Workflow>();
  /** First looks in flight: a burst of new subscribers costs the vendor one call. */
  readonly #looking = new Map<string, Promise<Workflow>>();
  private readonly pubsub: GatewayPubSub;

  constructor(
    private readonly registry: SourceRegistry,
    pubsub: GatewayPubSub,
    private readonly hub: PollerHub,
  ) {
    this.pubsub = listeningFromStart(pubsub);
  }

  /** The workflow now, then every change, ending after its terminal state. */
  async *workflowProgress(globalId: string, signal?: AbortSignal): AsyncGenerator<WorkflowUpdate> {
    const id = decodeGlobalId(globalId);
    if (id.type !== 'Workflow') throw new NotFoundError('Workflow', globalId);
    const adapter = this.registry.locate(id);
    const fetchOne = async (s?: AbortSignal) => {
      const w = await read(adapter, 'workflows', s)?.get(id.nativeId);
      if (!w) throw new NotFoundError('Workflow', globalId);
      return w;
    };
    // Listen before the first look, so a change between the two is not lost.
    const updates = this.pubsub.subscribe('workflow', globalId);
    let release: (() => void) | undefined;
    try {
      let last = await this.#firstLook(globalId, () => fetchOne(signal));
      yield { workflow: last };
      if (isTerminal(last)) return;
      release = this.hub.acquire({
        key: `workflow:${globalId}`,
        poll: (s) => fetchOne(s),
        publish: (result) => {
          const published = this.#latest.get(globalId) ?? last;
          if ('error' in result) {
            this.pubsub.publish('workflow', globalId, { workflow: published, error: liveError(id.sourceId, result.error) });
            return false;
          }
          if (fingerprint(result.value) === fingerprint(published)) return false;
          this.#latest.set(globalId, result.value);
          if (isTerminal(result.value)) this.#latest.delete(globalId);
          this.pubsub.publish('workflow', globalId, { workflow: result.value });
          return true;
        },
        finished: isTerminal,
      });
      for await (const update of updates) {
        if (!update.error && fingerprint(update.workflow) === fingerprint(last)) continue;
        // Progress only moves forward: a vendor that rounds differently between two
        // looks must not make a progress bar jump back.
        const workflow =
          update.workflow.progress !== undefined && last.progress !== undefined && !isTerminal(update.workflow)
            ? { ...update.workflow, progress: Math.max(update.workflow.progress, last.progress) }
            : update.workflow;
        last = workflow;
        yield { ...update, workflow };
        if (isTerminal(workflow)) return;
      }
    } finally {
      release?.();
      // Nobody watches any more: a later subscriber must look afresh, not at our last state.
      if (!this.hub.running(`workflow:${globalId}`)) this.#latest.delete(globalId);
      await updates.return?.();
    }
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

  /** Every change to any workflow on any source, as the shared feed sees it. */
  workflowUpdates(): AsyncIterable<WorkflowUpdate> {
    return this.#join(this.pubsub.subscribe('workflowUpdates'), 'feed:workflows', this.#workflowFeedSpec());
  }

  events(): AsyncIterable<Event> {
    return this.#join(this.pubsub.subscribe('events'), 'feed:events', this.#eventFeedSpec());
  }

  clusterStatusChanged(): AsyncIterable<ClusterStatusChange> {
    return this.#join(this.pubsub.subscribe('clusterStatus'), 'feed:clusters', this.#clusterFeedSpec());
  }

  /** Relays a fleet-wide topic and keeps its poller running while anyone listens. */
  async *#join<T>(updates: AsyncIterableIterator<T>, key: string, spec: Omit<PollSpec<unknown>, 'key'>): AsyncGenerator<T> {
    const release = this.hub.acquire({ key, ...spec });
    try {
      yield* updates;
    } finally {
      release();
      await updates.return?.();
    }
  }

  /** Polls every source's list of `entity`; a failing source is skipped this round. */
  async #lists<E extends EntityName>(entity: E, filter: EntityTypes[E]['filter'], signal: AbortSignal) {
    const lists = await Promise.all(
      this.registry.adapters.map(async (adapter) => {
        try {
          return (await read(adapter, entity, signal)?.list(filter)) ?? [];
        } catch {
          return [];
        }
      }),
    );
    return lists.flat();
  }

  #workflowFeedSpec() {
    let known: Map<string, { workflow: Workflow; print: string }> | undefined;
    return {
      poll: async (signal: AbortSignal) => {
        const active = await this.#lists('workflows', { active: true }, signal);
        const current = new Map(active.map((w) => [encodeGlobalId({ type: 'Workflow', sourceId: w.sourceId, nativeId: w.nativeId }), w]));
        // A workflow that left the active list has finished: look once more for its end state.
        for (const [id, { workflow }] of known ?? []) {
          if (current.has(id)) continue;
          try {
            const w = await read(this.registry.get(workflow.sourceId), 'workflows', signal)?.get(workflow.nativeId);
            if (w) current.set(id, w);
          } catch {
            current.set(id, workflow);
          }
        }
        return current;
      },
      publish: (result: { value: unknown } | { error: unknown }) => {
        if ('error' in result) return false;
        const current = result.value as Map<string, Workflow>;
        const first = known === undefined;
        const next = new Map<string, { workflow: Workflow; print: string }>();
        let changed = false;
        for (const [id, workflow] of current) {
          const print = fingerprint(workflow);
          if (!isTerminal(workflow)) next.set(id, { workflow, print });
          if (!first && known?.get(id)?.print !== print) {
            this.pubsub.publish('workflowUpdates', { workflow });
            changed = true;
          }
        }
        known = next;
        return changed;
      },
    };
  }

  #eventFeedSpec() {
    let seen: Set<string> | undefined;
    return {
      poll: (signal: AbortSignal) => this.#lists('events', {}, signal),
      publish: (result: { value: unknown } | { error: unknown }) => {
        if ('error' in result) return false;
        const events = (result.value as Event[]).slice().sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
        const ids = new Set(events.map((e) => `${e.sourceId}:${e.nativeId}`));
        // The first look is the baseline: subscribers want what happens from now on.
        const fresh = seen ? events.filter((e) => !seen?.has(`${e.sourceId}:${e.nativeId}`)) : [];
        for (const e of fresh) this.pubsub.publish('events', e);
        seen = ids;
        return fresh.length > 0;
      },
    };
  }

  #clusterFeedSpec() {
    let statuses: Map<string, Cluster['status']> | undefined;
    return {
      poll: (signal: AbortSignal) => this.#lists('clusters', {}, signal),
      publish: (result: { value: unknown } | { error: unknown }) => {
        if ('error' in result) return false;
        const clusters = result.value as Cluster[];
        let changed = false;
        const next = new Map<string, Cluster['status']>();
        for (const cluster of clusters) {
          const key = `${cluster.sourceId}:${cluster.nativeId}`;
          next.set(key, cluster.status);
          const previousStatus = statuses?.get(key);
          if (previousStatus !== undefined && previousStatus !== cluster.status) {
            this.pubsub.publish('clusterStatus', { cluster, previousStatus });
            changed = true;
          }
        }
        statuses = next;
        return changed;
      },
    };
  }
}
