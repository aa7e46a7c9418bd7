import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { expect } from 'vitest';
import type { OperationResultFieldsFragment } from '../generated/operations.js';
import type { DemoGateway } from './gateway.js';

type Payload = Extract<OperationResultFieldsFragment, { __typename: 'OperationPayload' }>;

/** Sends a document selecting one mutation and returns that mutation's answer; a GraphQL error fails the test. */
export async function mutate<R, V>(demo: DemoGateway, document: TypedDocumentNode<Record<string, R>, V>, variables: V): Promise<R> {
  const res = await demo.run(document, variables);
  expect(res.errors).toBeUndefined();
  const [result] = Object.values(res.data ?? {});
  if (result === undefined) expect.unreachable('the mutation answered no data');
  return result;
}

/**
 * The answer as the OperationPayload the test expects, its target named: the union's
 * other members have no such fields, so a test must say which member it reads.
 */
export function payload(result: OperationResultFieldsFragment): Payload & { targetId: string } {
  if (result.__typename !== 'OperationPayload' || result.targetId === null) expect.unreachable(`no OperationPayload with a target: ${JSON.stringify(result)}`);
  return { ...result, targetId: result.targetId };
}

/** The answer as an OperationPayload whose workflow the change started. */
export function started(result: OperationResultFieldsFragment): Payload & { targetId: string; workflow: NonNullable<Payload['workflow']> } {
  const answer = payload(result);
  if (answer.workflow === null) expect.unreachable(`no workflow started: ${JSON.stringify(result)}`);
  return { ...answer, workflow: answer.workflow };
}
