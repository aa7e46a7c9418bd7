import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

async function abortedDwsCalls() {
  const metric = await demo.gateway.metrics.registry.getSingleMetric('fleetgate_source_requests_total')?.get();
  return (metric?.values ?? []).filter((v) => v.labels.source === 'dws' && v.labels.status === '0').reduce((n, v) => n + v.value, 0);
}

describe('a client that goes away', () => {
  it('aborts the vendor calls made for it, without counting them against the source', async () => {
    const dws = demo.fleet.simulators.dws;
    // Held far longer than the test runs: the call is still in flight when the client leaves.
    dws.setFaults({ latencyMs: 60_000 });
    dws.resetStats();
    const controller = new AbortController();
    const pending = fetch(`${demo.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.token}` },
      body: JSON.stringify({ query: '{ clusters(filter: { sourceIds: ["dws"] }) { totalCount } }' }),
      signal: controller.signal,
    });
    // The simulator counts a call on arrival, before the latency: then it is in flight.
    await vi.waitFor(() => expect(dws.stats().total).toBeGreaterThan(0), { timeout: 10_000 });
    controller.abort();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(async () => expect(await abortedDwsCalls()).toBeGreaterThan(0), { timeout: 10_000 });
    const sources = await demo.run((await import('../generated/operations.js')).SourcesDocument);
    const health = sources.data!.sources.find((s) => s.sourceId === 'dws');
    expect(health, JSON.stringify(health)).toMatchObject({ health: 'UP', lastError: null });
    dws.reset();
  });
});
