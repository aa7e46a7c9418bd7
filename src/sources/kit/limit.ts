import pLimit from 'p-limit';

/** A vendor call run under a source's cap on concurrent calls. */
export type Limit = <R>(call: () => Promise<R>) => Promise<R>;

/**
 * A cap of `concurrency` vendor calls at once, for one request's (or one operation's)
 * calls to one source. The p-limit behind it is made on the first call: every request
 * builds a session per source it reads, most sessions never fan out, and setting up a
 * p-limit was over a per cent of a small query's CPU.
 */
export function cap(concurrency: number): Limit {
  let limit: Limit | undefined;
  return (call) => {
    limit ??= pLimit(concurrency);
    return limit(call);
  };
}
