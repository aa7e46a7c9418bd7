import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/simulators/kit/rng.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

const VALID = `query Q($first: Int, $id: ID!) { clusters(first: $first, filter: { sourceIds: ["dws"] }) { totalCount edges { node { id name hosts(first: 2) { edges { node { name } } } } } } node(id: $id) { id } }`;

/** Heap in use after a full collection (vitest runs with --expose-gc). */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (vitest.config.ts sets it)');
  gc();
  return process.memoryUsage().heapUsed;
}

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${demo.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.token}`, ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text };
}

/** `cluster { hosts { edges { node { …` nested n times: valid GraphQL, far too deep. */
const deepQuery = (n: number) => `{ clusters { edges { node { ${'hosts { edges { node { cluster { '.repeat(n)}name${' } } } }'.repeat(n)} } } } }`;

/** Bad requests of every kind, drawn from a seeded generator so a failure can be replayed. */
function* badRequests(seed: string, count: number): Generator<[string, string]> {
  const rng = createRng(seed);
  const json = (query: unknown, variables?: unknown) => JSON.stringify({ query, variables });
  for (let i = 0; i < count; i++) {
    switch (i % 9) {
      case 0:
        yield ['truncated query', json(VALID.slice(0, rng.int(1, VALID.length - 1)), { id: 'x' })];
        break;
      case 1:
        yield [
          'garbled query',
          json(
            VALID.split('')
              .map((c) => (rng.chance(0.05) ? rng.pick(['{', '}', '(', ')', '$', '!', '"', ':']) : c))
              .join(''),
          ),
        ];
        break;
      case 2:
        yield [
          'random id',
          json(VALID, {
            first: 1,
            id: rng.chance(0.5) ? rng.alnum(rng.int(0, 40)) : Buffer.from(`Cluster:${rng.alnum(5)}:${rng.alnum(5)}`).toString('base64url'),
          }),
        ];
        break;
      case 3:
        yield ['wrongly typed variables', json(VALID, { first: rng.pick(['ten', -5, 1e12, null, [1], { a: 1 }]), id: rng.pick([5, true, null, {}]) })];
        break;
      case 4:
        yield ['not JSON', rng.pick(['{', '', 'null', '[]', '"query"', '{"query": 5}', `{"query": "${'a'.repeat(50)}`])];
        break;
      case 5:
        yield ['deep query', json(deepQuery(rng.int(3, 6)))];
        break;
      case 6:
        yield ['huge query', json(`{ ${Array.from({ length: rng.int(2_000, 6_000) }, (_, k) => `f${k}: __typename`).join(' ')} }`)];
        break;
      case 7:
        yield ['oversized page', json(`{ clusters(first: ${rng.int(201, 1_000_000)}) { totalCount } }`)];
        break;
      default:
        yield ['unknown field', json(`{ ${rng.alnum(8)} }`)];
    }
  }
}

describe('fuzzed bad requests', () => {
  it('answers each with a clear error and no server error, with memory staying flat', async () => {
    const round = async (seed: string) => {
      for (const [kind, body] of badRequests(seed, 90)) {
        const { status, text } = await post(body);
        expect(status, `${kind}: ${body.slice(0, 120)}`).toBeLessThan(500);
        expect(text, kind).toMatch(/"errors"|"message"/);
      }
    };
    // The first pass fills the bounded parse/validation caches; repeating the same
    // requests afterwards must not grow the heap: nothing is kept per request.
    const seeds = ['a', 'b', 'c'];
    for (const seed of seeds) await round(seed);
    const before = heapAfterGc();
    for (let i = 0; i < 2; i++) for (const seed of seeds) await round(seed);
    const grown = heapAfterGc() - before;
    expect(grown).toBeLessThan(8 * 1024 * 1024);
    // And the gateway still serves normally.
    const ok = await post(JSON.stringify({ query: '{ sources { sourceId } }' }));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).data.sources).toHaveLength(5);
  }, 60_000); // thousands of requests: a budget for a machine shared with other runs, not a speed check

  it('refuses a body over the size limit', async () => {
    const { status } = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(2 * 1024 * 1024)}` }));
    expect(status).toBe(413);
  });
});
