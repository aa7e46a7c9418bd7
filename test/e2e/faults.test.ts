import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SOURCE_KINDS, type SourceKind } from '../../src/model/source-kind.js';
import type { Faults } from '../../src/simulators/kit/faults.js';
import { ClusterPageDocument } from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway({ source: { timeoutMs: 400, retries: 1, breaker: { threshold: 3, halfOpenAfterMs: 50 } } });
});
afterAll(() => demo.close());
beforeEach(() => demo.fleet.reset());

const allClusters = () => demo.run(ClusterPageDocument, { first: 200 });

/** Until the breaker's trial call succeeds, a recovered source may still be refused. */
async function servesEveryone() {
  for (let i = 0; i < 50; i++) {
    const res = await allClusters();
    if (!res.errors && new Set(res.data!.clusters.edges.map((e) => e.node.source.sourceId)).size === SOURCE_KINDS.length) return res;
    await new Promise((r) => setTimeout(r, 60));
  }
  throw new Error(`the gateway did not recover: ${JSON.stringify((await allClusters()).errors)}`);
}

const FAULTS: [string, Partial<Faults>, string][] = [
  ['down', { down: true }, 'SOURCE_UNAVAILABLE'],
  ['slow past the timeout', { latencyMs: 1_000 }, 'SOURCE_TIMEOUT'],
  ['answering 503', { errorRate: 1, errorStatus: 503 }, 'SOURCE_UNAVAILABLE'],
  ['throttling with 429', { errorRate: 1, errorStatus: 429 }, 'SOURCE_RATE_LIMITED'],
  ['answering malformed JSON', { malformed: true }, 'SOURCE_BAD_RESPONSE'],
  ['cutting bodies short', { truncated: true }, 'SOURCE_BAD_RESPONSE'],
  ['behind a proxy’s HTML error page', { errorRate: 1, errorStatus: 502, htmlErrors: true }, 'SOURCE_UNAVAILABLE'],
];

describe.each(SOURCE_KINDS)('when %s fails', (kind: SourceKind) => {
  it.each(FAULTS)('%s, the others still answer and the error names it; then it recovers', async (_name, faults, code) => {
    await servesEveryone();
    demo.fleet.simulators[kind].setFaults(faults);
    const { data, errors } = await allClusters();
    const sources = new Set(data!.clusters.edges.map((e) => e.node.source.sourceId));
    expect(sources.has(kind)).toBe(false);
    expect(sources.size).toBe(SOURCE_KINDS.length - 1);
    expect(data!.clusters.missingSources.map((m) => m.sourceId)).toEqual([kind]);
    const error = errors?.find((e) => e.extensions?.sourceId === kind);
    expect(error?.extensions?.code).toBe(code);
    demo.fleet.simulators[kind].reset();
    await servesEveryone();
  });

  it('flapping (half the calls fail): every answer either has its clusters or says why not', async () => {
    demo.fleet.simulators[kind].setFaults({ errorRate: 0.5, errorStatus: 503 });
    for (let i = 0; i < 5; i++) {
      const { data, errors } = await allClusters();
      const has = data!.clusters.edges.some((e) => e.node.source.sourceId === kind);
      const said = errors?.some((e) => e.extensions?.sourceId === kind) ?? false;
      expect(has !== said).toBe(true);
    }
    demo.fleet.simulators[kind].reset();
    await servesEveryone();
  });

  it('expired tokens mid-run are renewed without the client noticing', async () => {
    await servesEveryone();
    demo.fleet.simulators[kind].setFaults({ expireTokens: true });
    const { errors, data } = await allClusters();
    expect(errors).toBeUndefined();
    expect(data!.clusters.edges.some((e) => e.node.source.sourceId === kind)).toBe(true);
  });
});

describe('readiness', () => {
  it('says which source is not ready', async () => {
    demo.fleet.simulators.dws.setFaults({ down: true });
    const res = await fetch(`${demo.gateway.url}/readyz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { sources: { id: string; ready: boolean; code?: string }[] };
    expect(body.sources.find((s) => s.id === 'dws')).toMatchObject({ ready: false, code: 'SOURCE_UNAVAILABLE' });
    expect(body.sources.filter((s) => s.ready)).toHaveLength(4);
    demo.fleet.simulators.dws.reset();
    await servesEveryone();
    expect((await fetch(`${demo.gateway.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${demo.gateway.url}/healthz`)).status).toBe(200);
  });
});

