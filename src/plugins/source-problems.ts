import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { seesVendorDetail, sourceMessageFor } from './vendor-detail.js';

/**
 * Partial results: a list that left a failed source out still answers with the other
 * sources' data, and this plugin adds one error per failed source next to it, with
 * the source and the reason in `extensions`, so a client can show "DWS is down" beside
 * the rows it did get. Viewers get the source and the code, not what the vendor said.
 */
export function useSourceProblems(): Plugin {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as unknown as GatewayContext;
      return {
        onExecuteDone({ result, setResult }) {
          if (!ctx.problems?.length || Symbol.asyncIterator in result) return;
          const seen = new Set<string>();
          const detail = seesVendorDetail(ctx.viewer);
          const errors = ctx.problems.flatMap(({ sourceId, error }) => {
            const key = `${sourceId}\u0000${error.code}`;
            if (seen.has(key)) return [];
            seen.add(key);
            const message = sourceMessageFor(ctx.viewer, { sourceId, code: error.code, message: error.message });
            return [new GraphQLError(message, { extensions: { code: error.code, sourceId, ...(detail ? error.extensions() : {}), partial: true } })];
          });
          setResult({ ...result, errors: [...(result.errors ?? []), ...errors] });
        },
      };
    },
  };
}
