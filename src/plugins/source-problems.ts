import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';

/**
 * Partial results: a list that left a failed source out still answers with the other
 * sources' data, and this plugin adds one error per failed source next to it, with
 * the source and the reason in `extensions`, so a client can show "DWS is down" beside
 * the rows it did get.
 */
export function useSourceProblems(): Plugin {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as unknown as GatewayContext;
      return {
        onExecuteDone({ result, setResult }) {
          if (!ctx.problems?.length || Symbol.asyncIterator in result) return;
          const seen = new Set<string>();
          const errors = ctx.problems.flatMap(({ sourceId, error }) => {
            const key = `${sourceId}\u0000${error.code}`;
            if (seen.has(key)) return [];
            seen.add(key);
            return [
              new GraphQLError(error.message, {
                extensions: { code: error.code, sourceId, ...error.extensions(), partial: true },
              }),
            ];
          });
          setResult({ ...result, errors: [...(result.errors ?? []), ...errors] });
        },
      };
    },
  };
}
