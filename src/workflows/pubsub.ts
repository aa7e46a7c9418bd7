import { randomUUID } from 'node:crypto';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Cluster, Event, Workflow } from '../model/entities.js';
import type { ClusterStatus } from '../model/status.js';
import { DEFAULT_REDIS_PREFIX, type PollLease, localLease, redisLease } from './lock.js';
import { type MarkStore, memoryMarks, redisMarks } from './marks.js';

/** A source failure as subscribers see it: plain data, so it crosses Redis intact. */
export interface LiveError {
  sourceId: string;
  code: string;
  message: string;
}

export interface WorkflowUpdate {
  workflow: Workflow;
  /** Set when the latest look failed; `workflow` is then the last state seen. */
  error?: LiveError;
}

export interface ClusterStatusChange {
  cluster: Cluster;
  previousStatus: ClusterStatus;
}

/** What each channel carries; `workflow:<global id>` is one workflow's own channel. */
export interface Channels {
  workflow: WorkflowUpdate;
  workflowUpdates: WorkflowUpdate;
  events: Event;
  clusterStatus: ClusterStatusChange;
}
export type ChannelName = keyof Channels;

/** The part of an EventTarget channels need: Node's own, or yoga's Redis event target. */
interface ChannelTarget {
  addEventListener(type: string, listener: (event: CustomEvent) => void): void;
  removeEventListener(type: string, listener: (event: CustomEvent) => void): void;
  dispatchEvent(event: CustomEvent): unknown;
}

type Receiver = (payload: unknown) => void;

/**
 * Publish/subscribe by channel name over an event target, with one listener per channel
 * per process however many subscribers it has: the receivers are called in turn with
 * the same payload object, and must not throw (a receiver that does is skipped, never
 * allowed to reach the publisher). Nothing is queued here: receivers put what they get
 * into their subscribers' bounded mailboxes.
 */
export class LiveChannels {
  readonly #receivers = new Map<string, { listener: (event: CustomEvent) => void; receivers: Set<Receiver> }>();

  constructor(private readonly target: ChannelTarget) {}

  /** Starts calling `receive` with every payload published on `channel` from now on; call the result to stop. */
  listen<C extends ChannelName>(channel: C, id: string | undefined, receive: (payload: Channels[C]) => void): () => void {
    const name = channelName(channel, id);
    let entry = this.#receivers.get(name);
    if (!entry) {
      const receivers = new Set<Receiver>();
      const listener = (event: CustomEvent) => {
        for (const r of receivers) {
          try {
            r(event.detail);
          } catch {
            // A receiver's fault is its subscriber's: the others still get the payload.
          }
        }
      };
      entry = { listener, receivers };
      this.#receivers.set(name, entry);
      this.target.addEventListener(name, listener);
    }
    const mine = entry;
    const receiver = receive as Receiver;
    mine.receivers.add(receiver);
    return () => {
      if (!mine.receivers.delete(receiver) || mine.receivers.size > 0) return;
      if (this.#receivers.get(name) === mine) this.#receivers.delete(name);
      this.target.removeEventListener(name, mine.listener);
    };
  }

  publish<C extends ChannelName>(channel: C, id: string | undefined, payload: Channels[C]): void {
    try {
      this.target.dispatchEvent(new CustomEvent(channelName(channel, id), { detail: payload }));
    } catch {
      // Publishing is best effort: a broken transport must not take the poller with it.
    }
  }

  /** Channels with at least one receiver in this process. */
  get size(): number {
    return this.#receivers.size;
  }
}

/** `workflow:<id>`: the names yoga's PubSub gave, so replicas of either version share channels. */
const channelName = (channel: ChannelName, id?: string) => (id === undefined ? channel : `${channel}:${id}`);

export interface LiveTransport {
  channels: LiveChannels;
  lease: PollLease;
  /** Where feeds keep what they have already published (events' high-water marks). */
  marks: MarkStore;
  close(): Promise<void>;
}

/**
 * In-memory by default. With a Redis URL, replicas share the channels (graphql-yoga's
 * Redis event target), one poll lease per watched thing, and the feeds' high-water
 * marks, so a subscriber on any replica sees what a poller on any other publishes, only
 * one replica polls, and a replica taking over a feed goes on where the last one stopped.
 * Every channel and key starts with `prefix`: replicas of one gateway share it, and
 * two gateways (or two test runs) on one Redis keep apart by choosing different ones.
 */
export function createLiveTransport(redisUrl?: string, prefix = DEFAULT_REDIS_PREFIX): LiveTransport {
  if (!redisUrl)
    return { channels: new LiveChannels(new EventTarget() as ChannelTarget), lease: localLease, marks: memoryMarks(), close: async () => undefined };
  const options = { lazyConnect: false, maxRetriesPerRequest: 3 };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  const target = createRedisEventTarget({ publishClient: quiet(publishClient), subscribeClient: quiet(subscribeClient) });
  return {
    channels: new LiveChannels(prefixed(target as unknown as ChannelTarget, prefix)),
    lease: redisLease(publishClient, randomUUID(), `${prefix}poll:`),
    marks: redisMarks(publishClient, `${prefix}mark:`),
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

/**
 * The event target fires Redis commands without awaiting them; while Redis is away
 * their rejections would go unhandled and end the process. Failed publishes are lost
 * (the next change publishes again), failed subscriptions are retried by ioredis.
 */
function quiet(redis: Redis): Redis {
  const ignore = () => undefined;
  return new Proxy(redis, {
    get(target, prop, receiver) {
      if (prop === 'publish' || prop === 'subscribe' || prop === 'unsubscribe') {
        return (...args: unknown[]) => (target[prop] as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch(ignore);
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The event target under a channel prefix. Listeners read only `detail`, so renaming
 * the channel on the way in and out is all it takes.
 */
function prefixed(target: ChannelTarget, prefix: string): ChannelTarget {
  return {
    addEventListener: (name, listener) => target.addEventListener(prefix + name, listener),
    removeEventListener: (name, listener) => target.removeEventListener(prefix + name, listener),
    dispatchEvent: (event) => target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: event.detail })),
  };
}
