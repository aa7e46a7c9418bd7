import type { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { scopesOf } from '../auth.js';
import type { GatewayContext, Viewer } from '../context.js';
import { isSourceErrorCode, sourceErrorSummary } from '../sources/errors.js';

/**
 * What a vendor said when it failed — its message and code, a quoted HTML error page,
 * ids such as a DWS project's — is for operators and admins. Viewers learn which
 * source failed and the code, in the gateway's own words.
 */
export const seesVendorDetail = (viewer: Viewer): boolean => scopesOf(viewer.role).operator;

/** A source failure's message as `viewer` may read it. */
export function sourceMessageFor(viewer: Viewer, failure: { sourceId: string; code: string; message: string }): string {
  return seesVendorDetail(viewer) || !isSourceErrorCode(failure.code) ? failure.message : sourceErrorSummary(failure.sourceId, failure.code);
}

const toViewers = new WeakSet<GraphQLError>();

/** Whether this error goes to a viewer: error masking then tells of a source failure in summary only. */
export const goesToViewer = (error: GraphQLError): boolean => toViewers.has(error);

/**
 * Marks the errors of a viewer's result, for the error mask (plugins/error-masking.ts),
 * which runs after every plugin of ours and logs each error in full before it rewrites it.
 */
export function useVendorDetailScope(): Plugin {
  const marking = (ctx: GatewayContext) =>
    seesVendorDetail(ctx.viewer)
      ? undefined
      : (payload: Parameters<typeof handleStreamOrSingleExecutionResult>[0]) =>
          handleStreamOrSingleExecutionResult(payload, ({ result }) => {
            for (const error of result.errors ?? []) toViewers.add(error);
          });
  return {
    onExecute({ args }) {
      const onExecuteDone = marking(args.contextValue as unknown as GatewayContext);
      return onExecuteDone ? { onExecuteDone } : undefined;
    },
    onSubscribe({ args }) {
      const onSubscribeResult = marking(args.contextValue as unknown as GatewayContext);
      return onSubscribeResult ? { onSubscribeResult } : undefined;
    },
  };
}
