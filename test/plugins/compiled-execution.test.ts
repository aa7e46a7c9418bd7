import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

const doc = <T>(text: string) => parse(text) as TypedDocumentNode<T, Record<string, unknown>>;
type Page = { clusters: { edges: { node: { name: string } }[] } };

describe('variables under compiled execution', () => {
  it('takes a variable’s default when it is not given, a non-null one included', async () => {
    const query = doc<Page>(
      'query Two($first: Int! = 2, $order: ClusterOrder = { field: NAME, direction: DESC }) { clusters(first: $first, orderBy: $order) { edges { node { name } } } }',
    );
    const defaulted = await demo.run(query, {});
    expect(defaulted.errors).toBeUndefined();
    expect(defaulted.data?.clusters.edges).toHaveLength(2);
    const names = defaulted.data?.clusters.edges.map((e) => e.node.name) ?? [];
    expect(names).toEqual([...names].sort().reverse());
    const given = await demo.run(query, { first: 3 });
    expect(given.data?.clusters.edges).toHaveLength(3);
  });

  it('refuses a variable of the wrong type in graphql-js’s words, naming the variable', async () => {
    const result = await demo.run(doc<Page>('query($first: Int!) { clusters(first: $first) { edges { node { name } } } }'), { first: 'two' });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/^Variable "\$first" got an invalid value/);
  });
});
