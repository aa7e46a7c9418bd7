import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

const QUERY = '{ clusters(first: 10, filter: { sourceIds: ["dcos"] }) { edges { node { id name } } } }';

const post = () =>
  fetch(`${demo.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.token}` },
    body: JSON.stringify({ query: QUERY }),
  }).then((r) => r.json() as Promise<{ data?: unknown; errors?: unknown }>);

async function metric(name: string) {
  const text = await (await fetch(`${demo.gateway.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes('source="dcos"'));
  return line === undefined ? 0 : Number(line.split(' ').pop());
}

describe('identical requests at the same moment', () => {
  it('share one vendor call per URL, and /metrics counts the shared calls', async () => {
    const sim = demo.fleet.simulators.dcos;
    await post(); // logs in, so the counted calls below are the reads alone
    sim.resetStats();
    // The vendor holds its answers long enough that all three requests ask while the first call is in flight.
    sim.setFaults({ latencyMs: 3_000, routes: ['GET /v1/cluster'] });
    const requests = [post(), post(), post()];
    await vi.waitFor(async () => expect(await metric('fleetgate_source_shared_calls_total')).toBe(2), { timeout: 10_000 });
    const results = await Promise.all(requests);
    sim.setFaults({ latencyMs: 0, routes: [] });
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    const urls = sim.stats().urls;
    expect(Object.keys(urls).length).toBeGreaterThan(0);
    expect(
      Object.values(urls).every((n) => n === 1),
      JSON.stringify(urls),
    ).toBe(true);
    expect(await metric('fleetgate_source_cache_hits_total')).toBe(0);
  });
});
