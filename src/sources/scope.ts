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

  /** The DataLoader adapters build per request; batching and caching follow the scope's switch. */
  loader<K, V>(batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    return new DataLoader(batch, this.batching ? {} : { batch: false, cache: false });
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
