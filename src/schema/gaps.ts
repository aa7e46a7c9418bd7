import { defaultFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { GAP_FIELDS, type GapField, gapOf } from '../model/partial.js';

const canBeGap = (field: string): field is GapField => (GAP_FIELDS as readonly string[]).includes(field);

/**
 * Every field a source can leave as a gap (model/partial.ts) raises the gap its parent
 * records for it: the field is null and the error sits at its own path, with the source
 * and the vendor's code in `extensions`, while the object's other fields stand. Done once
 * over the built schema, so no resolver has to remember it; fields that can never be gaps
 * keep their own resolver, or none, which the compiled executor reads as a plain property
 * instead of a call with its own resolve info.
 */
export function raiseGaps(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const name = field.name;
      if (!canBeGap(name)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, ctx, info) => {
        const gap = gapOf(parent, name);
        if (gap) throw gap;
        return resolve(parent, args, ctx, info);
      };
    }
  }
  return schema;
}
