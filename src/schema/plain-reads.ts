import { type GraphQLField, type GraphQLSchema, isObjectType } from 'graphql';

/** The relay plugin's connection and edge fields, each resolved by reading the parent's property of its name. */
const RELAY_READS: Readonly<Record<string, readonly string[]>> = { Connection: ['edges', 'pageInfo'], Edge: ['node'] };

/** Whether `field` resolves to its parent's property of the same name, tried on a parent that has only that. */
function readsOwnProperty(field: GraphQLField<unknown, unknown>): boolean {
  const marker = {};
  try {
    return field.args.length === 0 && field.resolve?.({ [field.name]: marker }, {}, undefined, undefined as never) === marker;
  } catch {
    return false;
  }
}

/**
 * The relay plugin gives a connection's `edges` and `pageInfo` and an edge's `node` a
 * resolver that reads the parent's property of the same name. A field with no resolver
 * is read by the compiled executor as a plain property; one with a resolver is a call
 * with its own resolve info and path, for every edge of every page (a hundred a list).
 * Run once over the built schema, this drops those resolvers where they are confirmed
 * to be that read, and leaves any other resolver alone.
 */
export function plainRelayReads(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const suffix = Object.keys(RELAY_READS).find((s) => type.name.endsWith(s));
    if (!suffix) continue;
    const fields = type.getFields();
    for (const name of RELAY_READS[suffix] ?? []) {
      const field = fields[name];
      if (field && readsOwnProperty(field)) field.resolve = undefined;
    }
  }
  return schema;
}
