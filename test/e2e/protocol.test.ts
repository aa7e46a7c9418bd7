import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

/** The audits speak for an authenticated client: every request carries the token. */
const authedFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('authorization', `Bearer ${demo.token}`);
  return fetch(input, { ...init, headers });
};

describe('GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  it('passes every required audit', async () => {
    const failures: string[] = [];
    for (const audit of serverAudits({ url: () => `${demo.gateway.url}/graphql`, fetchFn: authedFetch })) {
      const result = await audit.fn();
      if (result.status === 'error') failures.push(`${audit.name}: ${result.reason}`);
      if ('response' in result) await (result as { response?: Response }).response?.body?.cancel().catch(() => undefined);
    }
    expect(failures).toEqual([]);
  });
});
