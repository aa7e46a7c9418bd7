import {
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

/**
 * What a user reads in GraphiQL's docs is the schema's descriptions: every type, field,
 * argument, enum value and input field has one. Built-in scalars and introspection
 * types are GraphQL's own; relay-generated ones (PageInfo, Node) are ours to describe.
 */
function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  const check = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(path);
  };
  check(type.name, type.description);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      check(`${type.name}.${field.name}`, field.description);
      for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
    }
  }
  if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
  if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
  return missing;
}

const ours = Object.values(schema.getTypeMap()).filter((t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t));

describe('schema descriptions', () => {
  it('describe every type, field, argument, enum value and input field', () => {
    expect(ours.flatMap(undescribed)).toEqual([]);
  });

  it('the check sees the kinds it claims to', () => {
    // A walk that skipped a kind would pass vacuously: each kind is present and walked.
    expect(ours.some(isObjectType) && ours.some(isInterfaceType) && ours.some(isUnionType) && ours.some(isEnumType) && ours.some(isInputObjectType)).toBe(true);
    expect(ours.some((t) => t.name === 'PageInfo')).toBe(true);
  });

  it('state the default page size on every first and last argument', () => {
    const pageArgs = ours.flatMap((t) =>
      isObjectType(t)
        ? Object.values(t.getFields()).flatMap((f) =>
            f.args.filter((a) => a.name === 'first' || a.name === 'last').map((a) => `${t.name}.${f.name}(${a.name}): ${a.description}`),
          )
        : [],
    );
    expect(pageArgs.length).toBeGreaterThan(0);
    expect(pageArgs.filter((a) => !/Default page size: \d+\./.test(a))).toEqual([]);
  });
});
