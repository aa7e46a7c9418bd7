import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { type GraphQLSchema, isObjectType } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { scopesOf } from '../auth.js';
import type { GatewayContext } from '../context.js';
import { DEFAULT_PAGE_SIZE } from '../lists/merge.js';
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
    authScopes: (ctx) => scopesOf(ctx.viewer.role),
    unauthorizedError: (_parent, ctx, info) =>
      new ForbiddenError(`${info.parentType.name}.${info.fieldName} needs a role the ${ctx.viewer.role} token "${ctx.viewer.name}" does not have`),
  },
  defaultFieldNullability: false,
  // Every type, field and argument is described, the relay plugin's own included (a test walks the schema).
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a global id, which `node(id)` and `nodes(ids)` read back' },
    idFieldOptions: { description: 'Global id: names the type, the source and the vendor’s own id; stable across requests' },
    nodeQueryOptions: {
      description:
        'The object with this global id, of any type. An id that names nothing (a deleted object, a source no longer configured) is a NOT_FOUND error.',
      args: { id: { description: 'A global id from any `id` field' } },
    },
    nodesQueryOptions: {
      description: 'The objects with these global ids, in the order asked; an id that fails is null, with an error at its index, and the others still answer',
      args: { ids: { description: 'Global ids from any `id` fields' } },
      // Each id on its own, so one that fails is null with its error at its own index
      // (path ['nodes', i]) and the others still answer; the readers' DataLoaders batch them.
      // A failed id is its error, as a list item, rather than a rejected promise in the
      // list: the compiled executor misplaces the null of a rejected item (graphql-jit
      // 0.8 pushes it at the end), and both executors raise an Error item at its index.
      resolve: (_root, args, ctx, info): Promise<unknown[]> =>
        Promise.all(
          args.ids.map((id) =>
            resolveNodes(builder, ctx, info, [id]).then(
              (found) => found[0],
              (err: unknown) => err,
            ),
          ),
        ),
    },
    pageInfoTypeOptions: { description: 'Where a page lies in its list: whether more items lie either side, and the cursors to ask for them' },
    pageInfoFieldOptions: { description: 'Where this page lies in the list' },
    hasNextPageFieldOptions: { description: 'More items follow this page: ask again with `after: endCursor`' },
    hasPreviousPageFieldOptions: { description: 'Items come before this page: ask again with `before: startCursor`' },
    startCursorFieldOptions: { description: 'Cursor of the first item on the page; null when the page is empty' },
    endCursorFieldOptions: { description: 'Cursor of the last item on the page; null when the page is empty' },
    cursorFieldOptions: { description: 'Opaque; valid only for the same filter and order it was issued for' },
    firstArgOptions: {
      description: `Items to return from the start, or after \`after\`: 0 up to the server's maxPageSize (settings.limits; 200 unless configured). Default page size: ${DEFAULT_PAGE_SIZE}.`,
    },
    afterArgOptions: { description: 'A cursor from this list (an edge’s cursor or pageInfo.endCursor): the page starts after it' },
    lastArgOptions: {
      description: `Items to return from the end, or before \`before\`: 0 up to the server's maxPageSize. Default page size: ${DEFAULT_PAGE_SIZE}. Paging backward reads every matching item.`,
    },
    beforeArgOptions: { description: 'A cursor from this list (an edge’s cursor or pageInfo.startCursor): the page ends before it' },
    encodeGlobalID: (typename, id) => encodeNodeId(typename, String(id)),
    decodeGlobalID: (globalID) => {
      const { type, sourceId, nativeId } = decodeGlobalId(globalID);
      return { typename: type, id: `${sourceId}:${nativeId}` };
    },
  },
  errors: { defaultTypes: [] },
});

/** The local half of a global id, as node types' `id` resolvers return it. */
const localId = (ref: NodeRef) => `${ref.sourceId}:${ref.nativeId}`;

function encodeNodeId(typename: string, local: string): string {
  const at = local.indexOf(':');
  return encodeGlobalId({ type: typename as NodeType, sourceId: local.slice(0, at), nativeId: local.slice(at + 1) });
}

/** A node's source and native id, which its global id encodes. */
type NodeRef = { sourceId: string; nativeId: string };

/** Each node type's reference, by type name, for syncNodeIds. */
const nodeRefs = new Map<string, (parent: never) => NodeRef>();

/**
 * A node type's `id` option: its local id, from the node's reference (the node itself
 * for entities, which carry `sourceId` and `nativeId`), recorded for syncNodeIds.
 */
export function nodeId<T>(ref: { name: string }, refOf: (parent: T) => NodeRef = (parent) => parent as NodeRef): { resolve: (parent: T) => string } {
  nodeRefs.set(ref.name, refOf);
  return { resolve: (parent) => localId(refOf(parent)) };
}

/**
 * The ids of frozen nodes: a list row's item is made once and shared by every request
 * that reads the same vendor reply (sources/kit/once-per-row.ts), so its id is too,
 * rather than encoded again for each of them (about a microsecond an id, a hundred ids
 * a page). Fresh, per-request objects are encoded where they are read.
 */
const sharedIds = new WeakMap<object, string>();

/**
 * The relay plugin resolves every node's `id` through an async function, so each node
 * on a page is a promise the executor must wait on and gather, and a page of plain
 * records is completed asynchronously field by field. Run once over the built schema,
 * this resolves `id` synchronously to the same global id, straight from the node's
 * reference rather than through its local id and back.
 */
export function syncNodeIds(schema: GraphQLSchema): GraphQLSchema {
  for (const [typename, refOf] of nodeRefs) {
    const type = schema.getType(typename);
    const field = isObjectType(type) ? type.getFields().id : undefined;
    if (!field) throw new GatewayError('INTERNAL_SERVER_ERROR', `node type ${typename} has no id field`);
    const nodeType = typename as NodeType;
    field.resolve = (parent) => {
      const shared = Object.isFrozen(parent);
      let id = shared ? sharedIds.get(parent as object) : undefined;
      if (id === undefined) {
        const { sourceId, nativeId } = refOf(parent as never);
        id = encodeGlobalId({ type: nodeType, sourceId, nativeId });
        if (shared) sharedIds.set(parent as object, id);
      }
      return id;
    };
  }
  return schema;
}

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

builder.queryType({ description: 'Reads over every configured source at once (viewer role and up)' });
