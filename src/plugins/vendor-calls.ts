import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';

/** The request header that asks for the vendor calls a response cost. */
export const VENDOR_CALLS_HEADER = 'x-fleetgate-vendor-calls';

/**
 * With `x-fleetgate-vendor-calls: 1`, the response's `extensions.vendorCalls` says what
 * the query cost the vendors: calls per source for anyone, and each call (route,
 * outcome, time) for operators and admins; routes name a vendor's API, which viewers
 * are not shown. Reads shared with another request in flight, or served from a source's
 * cache, were not made by this request and are not listed.
 */
export function useVendorCalls(): Plugin {
  return {
    onExecute({ args }) {
      const context = args.contextValue as unknown as GatewayContext & { request?: Request };
      if (context.request?.headers.get(VENDOR_CALLS_HEADER) !== '1') return;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const calls = context.vendorCalls;
          const bySource: Record<string, number> = {};
          for (const call of calls) bySource[call.source] = (bySource[call.source] ?? 0) + 1;
          const detail = context.viewer.role === 'viewer' ? {} : { calls };
          const single = result as ExecutionResult;
          setResult({ ...single, extensions: { ...single.extensions, vendorCalls: { total: calls.length, bySource, ...detail } } });
        },
      };
    },
  };
}
