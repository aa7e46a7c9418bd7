import { RequestAbortedError } from './errors.js';
import type { SourceReply } from './http.js';

export interface SharedAnswersOptions {
  /** How long a successful answer is kept for later callers; absent, nothing is kept (freshness first). */
  ttlMs?: number;
  /** A caller joined a call already in flight instead of making its own. */
  onShared: () => void;
  /** A caller was answered from a kept answer. */
  onHit: () => void;
}

/**
 * One source's reads shared across GraphQL requests: callers asking for the same key
 * (URL and credential identity, built by SourceHttp) while a call is in flight wait for
 * that call rather than send their own, and with a ttl a successful answer serves
 * later callers too. A caller that goes away stops waiting without cancelling the call
 * for the others; the call is cancelled only when every caller has gone. A write
 * through the source (`forget`) drops every kept answer and detaches calls in flight,
 * so nothing read before a write answers a caller that came after it.
 */
export class SharedAnswers {
  readonly #inFlight = new Map<string, Flight>();
  readonly #kept = new Map<string, { reply: SourceReply; until: number }>();
  /** Bumped by every write: an answer read across a write is not kept. */
  #epoch = 0;

  constructor(private readonly options: SharedAnswersOptions) {}

  /** `send` makes the call under the signal given, which aborts once no caller waits for it. */
  get(key: string, signal: AbortSignal | undefined, send: (signal: AbortSignal) => Promise<SourceReply>): Promise<SourceReply> {
    if (signal?.aborted) return Promise.reject(new RequestAbortedError({ cause: signal.reason }));
    const kept = this.#kept.get(key);
    if (kept) {
      if (Date.now() < kept.until) {
        this.options.onHit();
        return Promise.resolve(kept.reply);
      }
      this.#kept.delete(key);
    }
    let flight = this.#inFlight.get(key);
    if (flight) this.options.onShared();
    else flight = this.#start(key, send);
    return flight.join(signal);
  }

  /** A write went through the source. */
  forget(): void {
    this.#epoch++;
    this.#inFlight.clear();
    this.#kept.clear();
  }

  #start(key: string, send: (signal: AbortSignal) => Promise<SourceReply>): Flight {
    const epoch = this.#epoch;
    // A write may have detached this flight and a later caller started another under the key.
    const drop = () => {
      if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
    };
    const flight = new Flight(send, drop);
    this.#inFlight.set(key, flight);
    const { ttlMs } = this.options;
    flight.answer.then((reply) => {
      drop();
      if (ttlMs && epoch === this.#epoch && reply.status >= 200 && reply.status < 300) this.#kept.set(key, { reply, until: Date.now() + ttlMs });
    }, drop);
    return flight;
  }
}

/** One call in flight and the callers waiting for it. */
class Flight {
  readonly answer: Promise<SourceReply>;
  readonly #controller = new AbortController();
  #waiting = 0;

  constructor(
    send: (signal: AbortSignal) => Promise<SourceReply>,
    private readonly abandoned: () => void,
  ) {
    this.answer = send(this.#controller.signal);
  }

  join(signal: AbortSignal | undefined): Promise<SourceReply> {
    this.#waiting++;
    if (!signal) return this.answer;
    return new Promise((resolve, reject) => {
      const leavers = leaversOf(signal);
      const leave = () => {
        reject(new RequestAbortedError({ cause: signal.reason }));
        if (--this.#waiting === 0) {
          // Nobody is left to read the answer: stop asking, and let the next caller start afresh.
          this.abandoned();
          this.#controller.abort(signal.reason);
        }
      };
      leavers.add(leave);
      this.answer.then(
        (reply) => {
          leavers.delete(leave);
          resolve(reply);
        },
        (err: unknown) => {
          leavers.delete(leave);
          reject(err);
        },
      );
    });
  }
}

/**
 * What to do when a caller's signal aborts, for every call it waits on: one 'abort'
 * listener per signal, not one per call. A request waits on dozens of calls (one per
 * cluster of a page, nested), and an event listener added and removed for each cost
 * more than the waiting.
 */
const leaversBySignal = new WeakMap<AbortSignal, Set<() => void>>();

function leaversOf(signal: AbortSignal): Set<() => void> {
  let leavers = leaversBySignal.get(signal);
  if (!leavers) {
    const created = new Set<() => void>();
    signal.addEventListener(
      'abort',
      () => {
        for (const leave of created) leave();
        created.clear();
      },
      { once: true },
    );
    leaversBySignal.set(signal, created);
    leavers = created;
  }
  return leavers;
}
