/**
 * Simulated time. It starts at the real time the simulator starts (or SIM_EPOCH) and
 * runs `speed` times faster than the wall clock, so a cluster creation that takes
 * fifteen vendor minutes finishes in half a minute of demo time. Tests move it forward
 * explicitly (`advance`, or `POST /__sim/clock`) instead of sleeping, which keeps them
 * independent of how busy the machine is.
 */
export class SimClock {
  readonly #realStart: number;
  readonly #simStart: number;
  #offsetMs = 0;
  #speed: number;

  constructor(options: { speed: number; epochMs?: number; realNow?: () => number }) {
    this.#realNow = options.realNow ?? Date.now;
    this.#realStart = this.#realNow();
    this.#simStart = options.epochMs ?? this.#realStart;
    this.#speed = options.speed;
  }

  readonly #realNow: () => number;

  /** Simulated milliseconds since the Unix epoch. */
  now(): number {
    return this.#simStart + (this.#realNow() - this.#realStart) * this.#speed + this.#offsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** The instant the simulation started at: generated history lies before it. */
  get startedAt(): number {
    return this.#simStart;
  }

  get speed(): number {
    return this.#speed;
  }

  /** Jumps simulated time forward; running operations catch up on the next request. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance() takes a non-negative duration, got ${ms}`);
    this.#offsetMs += ms;
  }
}
