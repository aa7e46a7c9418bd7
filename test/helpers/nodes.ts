import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { expect } from 'vitest';
import { NodeByIdDocument } from '../generated/operations.js';
import type { DemoGateway } from './gateway.js';

/**
 * Reads one object through node(id) as the type the test expects: node(id) answers a
 * union of every Node type, and only that member has the fields the test reads. A GraphQL
 * error, null or another type fails the test.
 */
export async function readNode<N extends { __typename: string }, T extends N['__typename']>(
  demo: DemoGateway,
  document: TypedDocumentNode<{ node: N | null }, { id: string }>,
  id: string,
  type: T,
): Promise<Extract<N, { __typename: T }>> {
  const res = await demo.run(document, { id });
  expect(res.errors).toBeUndefined();
  const node = res.data?.node;
  if (node?.__typename !== type) expect.unreachable(`expected the ${type} ${id}, got ${JSON.stringify(node)}`);
  return node as Extract<N, { __typename: T }>;
}

/** The object no longer exists: node(id) answers null with a NOT_FOUND error naming the id. */
export async function expectGone(demo: DemoGateway, id: string) {
  const res = await demo.run(NodeByIdDocument, { id });
  expect(res.data?.node).toBeNull();
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id });
}
