import DataLoader from 'dataloader';

/**
 * The per-request memo of GETs. Two resolvers asking for the same vendor URL in one
 * GraphQL request share one call; nothing is kept past the request, so freshness is
 * never traded for it.
 */
export class RequestScope {
  readonly #calls = new Map<string, Promise<unknown>>();

  constructor(
    readonly signal?: AbortSignal,
    /**
     * false sends every GET, duplicates included, and makes every loader fetch key by
     * key: the benchmark's baseline, to show what batching and dedupe save.
     */
    readonly batching = true,
  ) {}

  /** The DataLoader adapters build per request, made on first use; batching and caching follow the scope's switch. */
  loader<K, V>(batch: DataLoader.BatchLoadFn<K, V>): Loader<K, V> {
    return new LazyLoader(batch, this.batching);
  }

  memo<R>(key: string, call: () => Promise<R>): Promise<R> {
    if (!this.batching) return call();
    let pending = this.#calls.get(key) as Promise<R> | undefined;
    if (!pending) {
      pending = call();
      this.#calls.set(key, pending);
    }
    return pending;
  }
}

/** What sessions use of a DataLoader. */
export interface Loader<K, V> {
  load(key: K): Promise<V>;
  prime(key: K, value: V): void;
}

/**
 * A DataLoader made on its first use. A request's session has a loader for every lookup
 * its source can make, five or more a source, and most requests use one or two: made up
 * front for every source a list touched, they were a twentieth of what it allocated.
 */
class LazyLoader<K, V> implements Loader<K, V> {
  #loader?: DataLoader<K, V>;

  constructor(
    private readonly batch: DataLoader.BatchLoadFn<K, V>,
    private readonly batching: boolean,
  ) {}

  load(key: K): Promise<V> {
    return this.#made().load(key);
  }

  prime(key: K, value: V): void {
    this.#made().prime(key, value);
  }

  #made(): DataLoader<K, V> {
    this.#loader ??= new DataLoader(this.batch, this.batching ? {} : { batch: false, cache: false });
    return this.#loader;
  }
}
