import type { GraphQLError } from 'graphql';
import { createGraphQLError, type YogaServerOptions } from 'graphql-yoga';
import { GatewayError } from '../model/errors.js';
import { SourceError, sourceErrorSummary } from '../sources/errors.js';
import { goesToViewer } from './vendor-detail.js';

type MaskError = NonNullable<Extract<YogaServerOptions<object, object>['maskedErrors'], object>['maskError']>;

// By name, not instanceof: the executor may load graphql's CJS build while this file
// loads the ESM one, and each has its own GraphQLError class.
export const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError';

/**
 * Errors Fleetgate raises on purpose reach the client with their code and details;
 * anything else is an internal error, shown as a bare INTERNAL_SERVER_ERROR — no stack,
 * no path, nothing from a vendor's credentials. A source's failure going to a viewer
 * keeps only its source and code (see plugins/vendor-detail.ts). Yoga logs the original
 * of every error this replaces (see plugins/logging.ts), so nothing is logged here.
 */
export const maskError: MaskError = (error, message) => {
  const located = isGraphQLError(error) ? { nodes: error.nodes, path: error.path, source: error.source, positions: error.positions } : {};
  const original = isGraphQLError(error) ? error.originalError : error;
  if (original instanceof SourceError && isGraphQLError(error) && goesToViewer(error)) {
    return createGraphQLError(sourceErrorSummary(original.sourceId, original.code), {
      ...located,
      extensions: { code: original.code, sourceId: original.sourceId },
    });
  }
  if (original instanceof GatewayError) {
    return createGraphQLError(original.message, { ...located, extensions: { code: original.code, ...original.extensions() } });
  }
  // GraphQL's own errors (syntax, validation, variables) are about the request: keep them.
  if (isGraphQLError(error) && (!original || isGraphQLError(original))) return withoutVariableValue(error);
  return createGraphQLError(message, { ...located, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
};

const INVALID_VARIABLE = /^Variable "\$([^"]+)" got invalid value /;

/**
 * graphql-js quotes a variable's offending value back ("got invalid value { …,
 * adminPassword: "…" } at "input.dws"; Field "nodes" … was not provided"), and that value
 * may carry a secret the caller sent. Keep which variable, where in it and why; drop the
 * value, and the value a scalar's reason quotes ("… non string value: 12345678").
 * The message is rewritten in place: yoga logs the original of any error the mask
 * replaces, so a replacement would move the secret from the response into the log.
 */
function withoutVariableValue(error: GraphQLError): GraphQLError {
  const variable = INVALID_VARIABLE.exec(error.message)?.[1];
  const reason = error.originalError?.message;
  if (variable === undefined || !reason || !error.message.endsWith(`; ${reason}`)) return error;
  const prefix = error.message.slice(0, -(reason.length + 2));
  const at = / at "[^"]*"$/.exec(prefix)?.[0] ?? '';
  error.message = `Variable "$${variable}" got an invalid value${at}; ${reason.replace(/(value): [\s\S]*$/, '$1')}`;
  return error;
}
