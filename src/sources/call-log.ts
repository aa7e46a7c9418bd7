/** One vendor call a GraphQL request made, as the access log and `extensions.vendorCalls` show it. */
export interface VendorCall {
  source: string;
  /** `METHOD /path` with the document's parameter names, never the values. */
  route: string;
  /** The HTTP status the vendor answered, or the error code when it gave none usable. */
  outcome: number | string;
  ms: number;
}

/**
 * The calls each request made, found by the request's AbortSignal: every read and every
 * write a request sends carries that signal (mutations pass it to the vendor operation),
 * so the http layer can log a call without each adapter handing a log down.
 */
const logs = new WeakMap<AbortSignal, VendorCall[]>();

/** Starts the log of the request `signal` belongs to. */
export function openCallLog(signal: AbortSignal): VendorCall[] {
  const log: VendorCall[] = [];
  logs.set(signal, log);
  return log;
}

/** The log a call with this signal goes to, if its request keeps one. */
export const callLogOf = (signal: AbortSignal | undefined): VendorCall[] | undefined => (signal ? logs.get(signal) : undefined);

/** Settles as `reply` does, having logged the call with its outcome and duration. */
export function logged<R extends { status: number }>(log: VendorCall[], source: string, route: string, reply: Promise<R>): Promise<R> {
  const startedAt = performance.now();
  const done = (outcome: number | string) => log.push({ source, route, outcome, ms: Math.round((performance.now() - startedAt) * 10) / 10 });
  return reply.then(
    (r) => {
      done(r.status);
      return r;
    },
    (err: unknown) => {
      done((err as { code?: string }).code ?? 'ERROR');
      throw err;
    },
  );
}
