import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { JSONResolver } from 'graphql-scalars';
import type { GatewayContext } from '../context.js';
import { GatewayError } from '../model/errors.js';
import { decodeGlobalId, encodeGlobalId, type NodeType } from '../model/ids.js';

/**
 * The one Pothos builder. Global ids are Fleetgate's own `(type, source, native id)`
 * encoding (model/ids.ts); node types resolve `id` to `sourceId:nativeId`, which the
 * encoder splits again, so a malformed id fails in one place with one clear error.
 */
export class ForbiddenError extends GatewayError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  AuthScopes: { operator: boolean; admin: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Scope auth runs first so a viewer's mutation is refused before anything else runs.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({ operator: ctx.viewer.role !== 'viewer', admin: ctx.viewer.role === 'admin' }),
    unauthorizedError: (_parent, ctx, info) =>
      new ForbiddenError(`${info.parentType.name}.${info.fieldName} needs a role the ${ctx.viewer.role} token "${ctx.viewer.name}" does not have`),
  },
  defaultFieldNullability: false,
  relay: {
    // Each id on its own, so one that fails is null with its error at its own index
    // (path ['nodes', i]) and the others still answer; the readers' DataLoaders batch them.
    nodesQueryOptions: {
      resolve: (_root, args, ctx, info): Promise<unknown>[] => args.ids.map(async (id) => (await resolveNodes(builder, ctx, info, [id]))[0]),
    },
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (typename, id) => {
      const local = String(id);
      const at = local.indexOf(':');
      return encodeGlobalId({ type: typename as NodeType, sourceId: local.slice(0, at), nativeId: local.slice(at + 1) });
    },
    decodeGlobalID: (globalID) => {
      const { type, sourceId, nativeId } = decodeGlobalId(globalID);
      return { typename: type, id: `${sourceId}:${nativeId}` };
    },
  },
  errors: { defaultTypes: [] },
});

/** The local half of a global id, as node types' `id` resolvers return it. */
export const localId = (ref: { sourceId: string; nativeId: string }) => `${ref.sourceId}:${ref.nativeId}`;

export function splitLocalId(local: string): { sourceId: string; nativeId: string } {
  const at = local.indexOf(':');
  return { sourceId: local.slice(0, at), nativeId: local.slice(at + 1) };
}

builder.scalarType('DateTime', {
  description: 'An ISO-8601 instant in UTC, e.g. 2026-11-22T04:33:48.000Z',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new TypeError('DateTime must be an ISO-8601 string');
    return new Date(value).toISOString();
  },
});

// Vendor records as they came, for admins' rawData.
builder.addScalarType('JSON', JSONResolver);

builder.queryType({});
