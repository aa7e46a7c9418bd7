import type { GraphQLError } from 'graphql';
import { createGraphQLError, type YogaServerOptions } from 'graphql-yoga';
import { GatewayError } from '../model/errors.js';

type MaskError = NonNullable<Extract<YogaServerOptions<object, object>['maskedErrors'], object>['maskError']>;

// By name, not instanceof: the executor may load graphql's CJS build while this file
// loads the ESM one, and each has its own GraphQLError class.
const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError';

/**
 * Errors Fleetgate raises on purpose reach the client with their code and details;
 * anything else is an internal error, logged in full and shown as a bare
 * INTERNAL_SERVER_ERROR — no stack, no path, nothing from a vendor's credentials.
 */
export function maskError(log: (err: unknown) => void): MaskError {
  return (error, message) => {
    const located = isGraphQLError(error) ? { nodes: error.nodes, path: error.path, source: error.source, positions: error.positions } : {};
    const original = isGraphQLError(error) ? error.originalError : error;
    if (original instanceof GatewayError) {
      return createGraphQLError(original.message, { ...located, extensions: { code: original.code, ...original.extensions() } });
    }
    // GraphQL's own errors (syntax, validation, variables) are about the request: keep them.
    if (isGraphQLError(error) && (!original || isGraphQLError(original))) return error;
    log(error);
    return createGraphQLError(message, { ...located, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
