import { GatewayError } from '../model/errors.js';

/** Ends the stream of a subscriber that fell further behind than its mailbox holds. */
export class SubscriberTooSlowError extends GatewayError {
  constructor(readonly capacity: number) {
    super(
      'SUBSCRIBER_TOO_SLOW',
      `this subscription fell more than ${capacity} updates behind and was closed; subscribe again to continue from the latest state`,
    );
  }
  override extensions() {
    return { capacity: this.capacity };
  }
}

/** What a mailbox hands out: an item, or the error that ended the stream. */
export type Letter<T> = { item: T } | { error: GatewayError };

export interface MailboxOptions<T> {
  /** Items under one key replace each other while waiting: a subscriber gets the latest state, not every one it missed. */
  key(item: T): string;
  /** How an item replaces the one waiting under its key (default: the newer wins). */
  merge?(waiting: T, newer: T): T;
  /** Distinct keys that may wait at once; one more ends the stream. */
  capacity: number;
}

/**
 * One subscriber's queue, bounded. Publishing puts into it synchronously and never
 * throws or waits, so a slow subscriber can neither block the poller nor grow memory:
 * it is coalesced to the latest state per key, and when more distinct things wait than
 * the capacity, its stream ends with SubscriberTooSlowError.
 */
export class Mailbox<T> implements AsyncIterableIterator<Letter<T>> {
  readonly #waiting = new Map<string, T>();
  #reader: ((result: IteratorResult<Letter<T>>) => void) | undefined;
  #error: GatewayError | undefined;
  #closed = false;

  constructor(
    private readonly options: MailboxOptions<T>,
    /** Called once when the stream ends, whoever ends it. */
    private readonly onClose: () => void = () => undefined,
  ) {}

  get size(): number {
    return this.#waiting.size;
  }

  get closed(): boolean {
    return this.#closed;
  }

  put(item: T): void {
    if (this.#closed || this.#error) return;
    if (this.#reader) {
      const read = this.#reader;
      this.#reader = undefined;
      read({ value: { item }, done: false });
      return;
    }
    const key = this.options.key(item);
    const waiting = this.#waiting.get(key);
    if (waiting !== undefined) {
      this.#waiting.set(key, this.options.merge ? this.options.merge(waiting, item) : item);
      return;
    }
    if (this.#waiting.size >= this.options.capacity) {
      this.fail(new SubscriberTooSlowError(this.options.capacity));
      return;
    }
    this.#waiting.set(key, item);
  }

  /** Ends the stream with `error` as its last letter; what still waits is dropped. */
  fail(error: GatewayError): void {
    if (this.#closed || this.#error) return;
    this.#waiting.clear();
    this.#error = error;
    if (this.#reader) {
      const read = this.#reader;
      this.#reader = undefined;
      read({ value: { error }, done: false });
      this.#close();
    }
  }

  next(): Promise<IteratorResult<Letter<T>>> {
    if (this.#closed) return Promise.resolve({ value: undefined, done: true });
    const [first] = this.#waiting;
    if (first) {
      this.#waiting.delete(first[0]);
      return Promise.resolve({ value: { item: first[1] }, done: false });
    }
    if (this.#error) {
      const error = this.#error;
      this.#close();
      return Promise.resolve({ value: { error }, done: false });
    }
    return new Promise((resolve) => (this.#reader = resolve));
  }

  return(): Promise<IteratorResult<Letter<T>>> {
    this.#waiting.clear();
    this.#close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  #close() {
    if (this.#closed) return;
    this.#closed = true;
    const read = this.#reader;
    this.#reader = undefined;
    read?.({ value: undefined, done: true });
    this.onClose();
  }
}
