import { defaultFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { gapOf } from '../model/partial.js';

/**
 * Every field of every object type raises the gap its parent records for it (see
 * model/partial.ts): the field is null and the error sits at its own path, with the
 * source and the vendor's code in `extensions`, while the object's other fields stand.
 * Done once over the built schema, so no resolver has to remember it.
 */
export function raiseGaps(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, ctx, info) => {
        const gap = gapOf(parent, info.fieldName);
        if (gap) throw gap;
        return resolve(parent, args, ctx, info);
      };
    }
  }
  return schema;
}
