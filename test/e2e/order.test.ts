import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

/**
 * The order of `clusters` as a client sees it, over every simulator at once, checked
 * item by item against the rule the schema states (the sort value, nulls last, ties by
 * source id then native id), never against the gateway's own comparator.
 */

const PAGE = parse(`query($first: Int, $after: String, $last: Int, $before: String, $orderBy: ClusterOrder, $filter: ClusterFilter) {
  clusters(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id nativeId name status createdAt labels { key value } source { sourceId } } }
  }
}`) as TypedDocumentNode<any, Record<string, unknown>>;

interface Node {
  id: string;
  nativeId: string;
  name: string;
  status: string;
  createdAt: string | null;
  labels: { key: string; value: string }[];
  source: { sourceId: string };
}
type Direction = 'ASC' | 'DESC';
type Field = 'SOURCE' | 'NAME' | 'CREATED_AT' | 'STATUS';

/** A second source over the TiEM simulator, listed last but first in tie-break order: every TiEM cluster ties with its twin. */
const TWIN = 'a-tiem';

let demo: DemoGateway;
let configOrder: string[];
beforeAll(async () => {
  demo = await startDemoGateway({
    env: { SIM_CLUSTERS: '10' },
    sources: (sources) => [...sources, { ...sources.find((s) => s.kind === 'tiem')!, id: TWIN, name: 'TiEM again' }],
  });
  configOrder = demo.config.sources.map((s) => s.id);
});
afterAll(() => demo.close());

async function page(variables: Record<string, unknown>) {
  const res = await demo.run(PAGE, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.clusters as { totalCount: number; pageInfo: Record<string, any>; edges: { node: Node }[] };
}
const all = async (orderBy: { field: Field; direction: Direction }, filter?: unknown) =>
  (await page({ first: 200, orderBy, ...(filter ? { filter } : {}) })).edges.map((e) => e.node);
const key = (n: Node) => `${n.source.sourceId}/${n.nativeId}`;

const VALUE: Record<Exclude<Field, 'SOURCE'>, (n: Node) => string | null> = {
  NAME: (n) => n.name.toLowerCase(),
  CREATED_AT: (n) => n.createdAt,
  STATUS: (n) => n.status,
};

/** Why `a` may not come right before `b` in this order; undefined when it may. */
function misorder(a: Node, b: Node, field: Exclude<Field, 'SOURCE'>, direction: Direction): string | undefined {
  const va = VALUE[field](a);
  const vb = VALUE[field](b);
  const pair = `${key(a)} (${va}) before ${key(b)} (${vb})`;
  if (va !== vb) {
    if (va === null) return `${pair}: a missing value sorts last`;
    if (vb === null) return undefined;
    return (direction === 'ASC' ? va < vb : va > vb) ? undefined : `${pair}: not ${direction}`;
  }
  const tie = a.source.sourceId === b.source.sourceId ? a.nativeId < b.nativeId : a.source.sourceId < b.source.sourceId;
  return tie ? undefined : `${pair}: a tie not broken by source, then id`;
}

const FIELDS: Exclude<Field, 'SOURCE'>[] = ['NAME', 'CREATED_AT', 'STATUS'];
const DIRECTIONS: Direction[] = ['ASC', 'DESC'];

describe.each(FIELDS.flatMap((field) => DIRECTIONS.map((direction) => ({ field, direction }))))('clusters by $field $direction', ({ field, direction }) => {
  it('lists every cluster of every source, each next to the one the rule puts there', async () => {
    const nodes = await all({ field, direction });
    const { totalCount } = await page({ first: 0, orderBy: { field, direction } });
    expect(nodes).toHaveLength(totalCount);
    expect(new Set(nodes.map((n) => n.source.sourceId))).toEqual(new Set(configOrder));
    const wrong = nodes.slice(1).flatMap((n, i) => misorder(nodes[i]!, n, field, direction) ?? []);
    expect(wrong).toEqual([]);
    // The values really vary, so the order says something.
    expect(new Set(nodes.map(VALUE[field])).size).toBeGreaterThan(2);
  });

  it('puts each TiEM cluster’s twin from the later-configured source first', async () => {
    const order = (await all({ field, direction })).map(key);
    const tiem = order.filter((k) => k.startsWith('tiem/'));
    expect(tiem.length).toBeGreaterThan(0);
    for (const k of tiem) expect(order.indexOf(`${TWIN}/${k.slice('tiem/'.length)}`)).toBeLessThan(order.indexOf(k));
  });
});

describe.each(DIRECTIONS)('clusters by SOURCE %s', (direction) => {
  it('lists each source’s clusters together, sources in config order', async () => {
    const nodes = await all({ field: 'SOURCE', direction });
    const runs = nodes.map((n) => n.source.sourceId).filter((s, i, list) => s !== list[i - 1]);
    expect(runs).toEqual(configOrder);
  });
});

/** Forward page by page with `first`/`after`, then backward with `last`/`before` from the end. */
async function walks(orderBy: { field: Field; direction: Direction }, size: number) {
  const forward: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const p = await page({ first: size, after, orderBy });
    forward.push(...p.edges.map((e) => key(e.node)));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  const backward: string[][] = [];
  let before: string | null = null;
  for (let i = 0; i < 100; i++) {
    const p = await page({ last: size, before, orderBy });
    backward.push(p.edges.map((e) => key(e.node)));
    if (!p.pageInfo.hasPreviousPage) break;
    before = p.pageInfo.startCursor;
  }
  return { forward, backward };
}

describe('paging backward', () => {
  it.each(['NAME', 'CREATED_AT', 'STATUS', 'SOURCE'] as Field[])('serves the forward walk’s items, pages in reverse, by %s both ways', async (field) => {
    for (const direction of DIRECTIONS) {
      const orderBy = { field, direction };
      const whole = (await all(orderBy)).map(key);
      const { forward, backward } = await walks(orderBy, 9);
      expect(forward).toEqual(whole);
      expect(backward.length).toBe(Math.ceil(whole.length / 9));
      expect(backward.every((p) => p.length > 0)).toBe(true);
      expect([...backward].reverse().flat()).toEqual(whole);
    }
  });
});

describe('label filters', () => {
  it('matches a key-only label whatever its value, and a key with its value exactly', async () => {
    const nodes = await all({ field: 'NAME', direction: 'ASC' });
    const labelled = nodes.filter((n) => n.labels.some((l) => l.value !== ''));
    expect(labelled.length).toBeGreaterThan(0);
    // A key that carries more than one value across the fleet, if there is one.
    const values = new Map<string, Set<string>>();
    for (const n of nodes) for (const l of n.labels) values.set(l.key, (values.get(l.key) ?? new Set()).add(l.value));
    const [labelKey] = [...values.entries()].sort((a, b) => b[1].size - a[1].size)[0]!;
    const carrying = nodes.filter((n) => n.labels.some((l) => l.key === labelKey)).map(key);
    expect((await all({ field: 'NAME', direction: 'ASC' }, { labels: [{ key: labelKey }] })).map(key)).toEqual(carrying);
    expect((await all({ field: 'NAME', direction: 'ASC' }, { labels: [{ key: labelKey, value: '' }] })).map(key)).toEqual(carrying);
    for (const value of values.get(labelKey)!) {
      const exact = nodes.filter((n) => n.labels.some((l) => l.key === labelKey && l.value === value)).map(key);
      if (value === '') continue;
      expect((await all({ field: 'NAME', direction: 'ASC' }, { labels: [{ key: labelKey, value }] })).map(key)).toEqual(exact);
    }
    expect(await all({ field: 'NAME', direction: 'ASC' }, { labels: [{ key: 'no-such-label-key' }] })).toEqual([]);
  });

  it('matches an OTE-stack bare label by its name', async () => {
    const nodes = (await all({ field: 'NAME', direction: 'ASC' })).filter((n) => n.source.sourceId === 'otestack');
    const bare = nodes.flatMap((n) => n.labels.filter((l) => l.value === '').map((l) => l.key));
    expect(bare.length).toBeGreaterThan(0);
    const name = bare[0]!;
    const carrying = nodes.filter((n) => n.labels.some((l) => l.key === name)).map(key);
    expect((await all({ field: 'NAME', direction: 'ASC' }, { labels: [{ key: name }], sourceIds: ['otestack'] })).map(key)).toEqual(carrying);
  });
});
