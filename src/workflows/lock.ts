import type { Redis } from 'ioredis';

/**
 * Who polls a watched thing when several gateway replicas share a PubSub: the replica
 * holding the thing's lease polls and publishes, the others only listen. A lease lapses
 * by itself when its holder dies or stops renewing, so another replica with
 * subscribers takes over within one lease.
 */
export interface PollLease {
  /** True when this replica holds (or has just taken) the lease for `key`. */
  hold(key: string, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
}

/** One replica: it always holds every lease. */
export const localLease: PollLease = {
  hold: async () => true,
  release: async () => undefined,
};

// Renew only our own lease, release only our own: a compare-and-set in one round trip.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** What every Redis key and channel of a gateway starts with unless `redis.prefix` says otherwise. */
export const DEFAULT_REDIS_PREFIX = 'fleetgate:';

export function redisLease(redis: Redis, replicaId: string, prefix = `${DEFAULT_REDIS_PREFIX}poll:`): PollLease {
  return {
    async hold(key, ttlMs) {
      const k = prefix + key;
      if ((await redis.set(k, replicaId, 'PX', ttlMs, 'NX')) === 'OK') return true;
      return (await redis.eval(RENEW, 1, k, replicaId, String(ttlMs))) === 1;
    },
    async release(key) {
      await redis.eval(RELEASE, 1, prefix + key, replicaId);
    },
  };
}
