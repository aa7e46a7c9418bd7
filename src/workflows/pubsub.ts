import { randomUUID } from 'node:crypto';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Cluster, Event, Workflow } from '../model/entities.js';
import type { ClusterStatus } from '../model/status.js';
import { DEFAULT_REDIS_PREFIX, type PollLease, localLease, redisLease } from './lock.js';

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

export type Topics = {
  workflow: [string, WorkflowUpdate];
  workflowUpdates: [WorkflowUpdate];
  events: [Event];
  clusterStatus: [ClusterStatusChange];
};

export type GatewayPubSub = ReturnType<typeof createPubSub<Topics>>;

export interface LiveTransport {
  pubsub: GatewayPubSub;
  lease: PollLease;
  close(): Promise<void>;
}

/**
 * In-memory by default. With a Redis URL, replicas share one PubSub (graphql-yoga's
 * Redis event target) and one poll lease per watched thing, so a subscriber on any
 * replica sees what a poller on any other publishes, and only one replica polls.
 * Every channel and key starts with `prefix`: replicas of one gateway share it, and
 * two gateways (or two test runs) on one Redis keep apart by choosing different ones.
 */
export function createLiveTransport(redisUrl?: string, prefix = DEFAULT_REDIS_PREFIX): LiveTransport {
  if (!redisUrl) return { pubsub: createPubSub<Topics>(), lease: localLease, close: async () => undefined };
  const options = { lazyConnect: false, maxRetriesPerRequest: 3 };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  const eventTarget = prefixed(createRedisEventTarget({ publishClient, subscribeClient }), prefix);
  return {
    pubsub: createPubSub<Topics>({ eventTarget: eventTarget as never }),
    lease: redisLease(publishClient, randomUUID(), `${prefix}poll:`),
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

type RedisTarget = ReturnType<typeof createRedisEventTarget>;

/**
 * The event target under a channel prefix. Yoga's PubSub names channels after topics
 * (`workflow:<id>`) and its listeners read only `detail`, so renaming the channel on
 * the way in and out is all it takes.
 */
function prefixed(target: RedisTarget, prefix: string): RedisTarget {
  return {
    addEventListener: (topic, listener) => target.addEventListener(prefix + topic, listener),
    removeEventListener: (topic, listener) => target.removeEventListener(prefix + topic, listener),
    dispatchEvent: (event) => target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: (event as CustomEvent).detail })),
  };
}
