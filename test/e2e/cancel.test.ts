import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    demo.fleet.simulators.dws.setFaults({ latencyMs: 5_000 });
    const controller = new AbortController();
    const pending = fetch(`${demo.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.token}` },
      body: JSON.stringify({ query: '{ clusters(filter: { sourceIds: ["dws"] }) { totalCount } }' }),
      signal: controller.signal,
    });
    // Wait until the gateway has the vendor call in flight (the simulator has seen the login).
    for (let i = 0; i < 100 && demo.fleet.simulators.dws.stats().total === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await expect(pending).rejects.toThrow();
    for (let i = 0; i < 100 && (await abortedDwsCalls()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await abortedDwsCalls()).toBeGreaterThan(0);
    const sources = await demo.run((await import('../generated/operations.js')).SourcesDocument);
    const dws = sources.data!.sources.find((s) => s.sourceId === 'dws');
    expect(dws, JSON.stringify(dws)).toMatchObject({ health: 'UP', lastError: null });
    demo.fleet.simulators.dws.reset();
  });
});
