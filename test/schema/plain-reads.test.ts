import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { plainRelayReads } from '../../src/schema/plain-reads.js';

const fieldOf = (s: ReturnType<typeof buildSchema>, type: string, field: string) => (s.getType(type) as GraphQLObjectType).getFields()[field];

describe('plainRelayReads', () => {
  it('leaves the gateway’s connection and edge fields that read a property of their name without a resolver', () => {
    for (const [type, field] of [
      ['ClusterConnection', 'edges'],
      ['ClusterConnection', 'pageInfo'],
      ['ClusterEdge', 'node'],
      ['HostEdge', 'node'],
    ] as const) {
      expect(fieldOf(schema, type, field)?.resolve, `${type}.${field}`).toBeUndefined();
    }
    // Fields that compute stay resolved.
    expect(fieldOf(schema, 'ClusterConnection', 'totalCount')?.resolve).toBeTypeOf('function');
  });

  it('drops only resolvers that return the parent’s property of the field’s name, and no others', () => {
    const s = buildSchema(
      'type ThingEdge { node: String } type ThingConnection { edges: [ThingEdge] pageInfo: String } type OtherEdge { node: String } type Query { x: Int }',
    );
    const read = (name: string) => (p: Record<string, unknown>) => p[name];
    (fieldOf(s, 'ThingEdge', 'node') as { resolve?: unknown }).resolve = read('node');
    (fieldOf(s, 'ThingConnection', 'edges') as { resolve?: unknown }).resolve = (p: { edges: unknown[] }) => [...p.edges];
    (fieldOf(s, 'ThingConnection', 'pageInfo') as { resolve?: unknown }).resolve = () => {
      throw new Error('needs a context');
    };
    (fieldOf(s, 'OtherEdge', 'node') as { resolve?: unknown }).resolve = read('other');
    plainRelayReads(s);
    expect(fieldOf(s, 'ThingEdge', 'node')?.resolve).toBeUndefined();
    expect(fieldOf(s, 'ThingConnection', 'edges')?.resolve).toBeTypeOf('function');
    expect(fieldOf(s, 'ThingConnection', 'pageInfo')?.resolve).toBeTypeOf('function');
    expect(fieldOf(s, 'OtherEdge', 'node')?.resolve).toBeTypeOf('function');
  });
});
