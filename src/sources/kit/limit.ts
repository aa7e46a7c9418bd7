/** A vendor call run under a source's cap on concurrent calls. */
export type Limit = <R>(call: () => Promise<R>) => Promise<R>;

/**
 * A cap of `concurrency` vendor calls at once, for one request's (or one operation's)
 * calls to one source; calls past the cap start in the order they came, as earlier ones
 * settle. Every request builds a session per source it reads, so a cap is made per
 * source per request: p-limit, which this replaced, cost over a per cent of a small
 * query's CPU just being set up, for a queue most requests never use.
 */
export function cap(concurrency: number): Limit {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (call) => {
    if (running < concurrency) running++;
    // The slot is handed over by the call that frees it, so no later caller takes it first.
    else await new Promise<void>((start) => waiting.push(start));
    try {
      return await call();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
