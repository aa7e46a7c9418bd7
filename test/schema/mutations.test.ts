import { createLiveTransport } from '../../src/workflows/pubsub.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import { encodeGlobalId } from '../../src/model/ids.js';
import { createGatewayYoga } from '../../src/server.js';
import { SourceRegistry } from '../../src/sources/registry.js';
import { LiveFeeds } from '../../src/workflows/live.js';
import { PollerHub } from '../../src/workflows/poller.js';
import { fakeSource } from '../helpers/fake-source.js';

const RESULT = `
  __typename
  ... on OperationPayload { targetId workflow { id kind state } source { sourceId } }
  ... on Error { code message }
  ... on UnsupportedOperationError { sourceKind operation }
  ... on ValidationError { field }
  ... on SourceError { sourceId vendorCode vendorMessage httpStatus outcomeUnknown }
  ... on NotFoundError { type id }
`;

function setup() {
  const source = fakeSource({ id: 'a', clusters: 3 });
  const registry = new SourceRegistry([source.adapter]);
  const live = new LiveFeeds(registry, createLiveTransport(), new PollerHub({ metrics: createMetrics() }));
  const yoga = createGatewayYoga({ deps: { registry, live }, logger: createLogger('silent'), graphiql: false });
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const res = await yoga.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  return { source, run };
}

const cluster = (n: string) => encodeGlobalId({ type: 'Cluster', sourceId: 'a', nativeId: n });

describe('mutations', () => {
  it('returns the workflow a change started', async () => {
    const { run } = setup();
    const { data, errors } = await run(`mutation($id: ID!) { restartCluster(id: $id) { ${RESULT} } }`, { id: cluster('c0000') });
    expect(errors).toBeUndefined();
    expect(data.restartCluster).toMatchObject({
      __typename: 'OperationPayload',
      targetId: cluster('c0000'),
      workflow: { kind: 'RESTART_CLUSTER', state: 'RUNNING' },
    });
  });

  it('names the operation and kind a source cannot do', async () => {
    const { run, source } = setup();
    const { data } = await run(`mutation($id: ID!) { stopCluster(id: $id) { ${RESULT} } }`, { id: cluster('c0000') });
    expect(data.stopCluster).toMatchObject({
      __typename: 'UnsupportedOperationError',
      code: 'UNSUPPORTED_OPERATION',
      sourceKind: 'TIEM',
      operation: 'stopCluster',
    });
    expect(source.calls).toEqual([]);
  });

  it('answers a missing target with NotFoundError and a wrong id type with ValidationError, sending nothing', async () => {
    const { run, source } = setup();
    const missing = await run(`mutation($id: ID!) { restartCluster(id: $id) { ${RESULT} } }`, { id: cluster('nope') });
    expect(missing.data.restartCluster).toMatchObject({ __typename: 'NotFoundError', type: 'Cluster' });
    const wrongType = await run(`mutation($id: ID!) { restartCluster(id: $id) { ${RESULT} } }`, {
      id: encodeGlobalId({ type: 'Host', sourceId: 'a', nativeId: 'x' }),
    });
    expect(wrongType.data.restartCluster).toMatchObject({ __typename: 'ValidationError', field: 'id' });
    expect(source.calls.filter((c) => c.startsWith('restart'))).toEqual([]);
  });

  it('carries the vendor’s code and message when it refuses', async () => {
    const { run } = setup();
    const { data } = await run(`mutation($id: ID!) { restartCluster(id: $id) { ${RESULT} } }`, { id: cluster('c0001') });
    expect(data.restartCluster).toMatchObject({
      __typename: 'SourceError',
      code: 'SOURCE_ERROR',
      sourceId: 'a',
      vendorCode: '20114',
      vendorMessage: 'cluster is busy',
      httpStatus: 409,
      outcomeUnknown: false,
    });
  });

  it('validates input a vendor block needs', async () => {
    const { run } = setup();
    const { data } = await run(`mutation { createCluster(input: { sourceId: "nope", name: "x" }) { ${RESULT} } }`);
    expect(data.createCluster).toMatchObject({ __typename: 'ValidationError', field: 'input.sourceId' });
  });
});
