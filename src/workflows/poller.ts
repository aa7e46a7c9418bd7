import { setTimeout as sleep } from 'node:timers/promises';
import type { Metrics } from '../metrics.js';
import { type PollLease, localLease } from './lock.js';

export interface PollSpec<T> {
  /** What is watched; one poller per key however many subscribers. */
  key: string;
  /** One look at the thing. */
  poll(signal: AbortSignal): Promise<T>;
  /**
   * Hands a result (or the error that replaced it) to the subscribers; returns whether
   * anything changed, which resets the backoff.
   */
  publish(result: { value: T } | { error: unknown }): boolean | Promise<boolean>;
  /** True once there is nothing more to watch (a workflow reached a terminal state). */
  finished?(value: T): boolean;
}

export interface PollerOptions {
  metrics: Metrics;
  lease?: PollLease;
  /** First interval, and the interval after every change. */
  minIntervalMs?: number;
  /** Longest interval while nothing changes. */
  maxIntervalMs?: number;
}

/** How often a poller looks unless the config's `poll` says otherwise. */
export const POLL_DEFAULTS = { minIntervalMs: 1_000, maxIntervalMs: 10_000 } as const;

interface Running {
  refs: number;
  stop: AbortController;
  done: Promise<void>;
}

/**
 * Shared pollers: the first subscriber to a key starts its poller, later ones share it,
 * the last to leave stops it, so the vendor calls per interval depend on what is
 * watched, never on how many watch it. A poller backs off (×1.5 up to the maximum)
 * while nothing changes and snaps back when something does; an error is published and
 * polling goes on, because a vendor hiccup must not end anyone's subscription. Nothing
 * a look, a publish or the lease throws leaves the loop.
 */
export class PollerHub {
  readonly #running = new Map<string, Running>();
  readonly #lease: PollLease;
  readonly #min: number;
  readonly #max: number;

  constructor(private readonly options: PollerOptions) {
    this.#lease = options.lease ?? localLease;
    this.#min = options.minIntervalMs ?? POLL_DEFAULTS.minIntervalMs;
    this.#max = options.maxIntervalMs ?? POLL_DEFAULTS.maxIntervalMs;
  }

  /** Starts or joins the poller for `spec.key`; call the returned function to leave. */
  acquire<T>(spec: PollSpec<T>): () => void {
    let running = this.#running.get(spec.key);
    if (running) {
      running.refs++;
    } else {
      const stop = new AbortController();
      running = { refs: 1, stop, done: Promise.resolve() };
      this.#running.set(spec.key, running);
      running.done = this.#loop(spec, stop.signal).finally(() => {
        if (this.#running.get(spec.key)?.stop === stop) this.#running.delete(spec.key);
        this.options.metrics.pollers.set(this.#running.size);
      });
      this.options.metrics.pollers.set(this.#running.size);
    }
    const mine = running;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      if (--mine.refs === 0) {
        mine.stop.abort();
        if (this.#running.get(spec.key) === mine) this.#running.delete(spec.key);
        this.options.metrics.pollers.set(this.#running.size);
      }
    };
  }

  running(key: string): boolean {
    return this.#running.has(key);
  }

  /** Pollers running on this replica. */
  get size(): number {
    return this.#running.size;
  }

  async close(): Promise<void> {
    const all = [...this.#running.values()];
    for (const r of all) r.stop.abort();
    this.#running.clear();
    this.options.metrics.pollers.set(0);
    await Promise.all(all.map((r) => r.done));
  }

  async #loop<T>(spec: PollSpec<T>, signal: AbortSignal): Promise<void> {
    let interval = this.#min;
    const leaseMs = this.#max * 3;
    // An unreachable lease store (Redis away) means this replica does not hold the lease.
    const hold = () => this.#lease.hold(spec.key, leaseMs).catch(() => false);
    const publish = async (result: { value: T } | { error: unknown }) => {
      try {
        return await spec.publish(result);
      } catch {
        return false;
      }
    };
    try {
      while (!signal.aborted) {
        if (await hold()) {
          this.options.metrics.polls.inc();
          let changed: boolean;
          let finished = false;
          // A look may outlast the lease (a slow vendor, a short maxIntervalMs): renew it
          // meanwhile, or another replica would take it and poll the same thing.
          const renewing = setInterval(() => void hold(), leaseMs / 3);
          try {
            const value = await spec.poll(signal);
            if (signal.aborted) break;
            changed = await publish({ value });
            finished = spec.finished?.(value) ?? false;
          } catch (error) {
            if (signal.aborted) break;
            changed = await publish({ error });
          } finally {
            clearInterval(renewing);
          }
          if (finished) break;
          interval = changed ? this.#min : Math.min(this.#max, Math.round(interval * 1.5));
        }
        await sleep(interval, undefined, { signal }).catch(() => undefined);
      }
    } finally {
      await this.#lease.release(spec.key).catch(() => undefined);
    }
  }
}
