import { describe, expect, it } from 'vitest';
import { type MergedPage, mergedPage, type SourceSlot } from '../../src/lists/merge.js';
import type { Order } from '../../src/lists/order.js';
import type { ClusterFilter } from '../../src/model/entity-types.js';
import type { Cluster } from '../../src/model/entities.js';
import { goneItem, withMissing } from '../../src/model/partial.js';
import { GatewayError } from '../../src/model/errors.js';
import { SourceError } from '../../src/sources/errors.js';
import { fakeSource } from '../helpers/fake-source.js';
import { comparator } from '../helpers/order.js';
import { known } from '../helpers/known.js';

const slotsOf = (...sources: ReturnType<typeof fakeSource>[]): SourceSlot<'clusters'>[] =>
  sources.map((s) => ({ sourceId: s.adapter.info.id, reader: s.readers.clusters }));

async function walk(slots: SourceSlot<'clusters'>[], order: Order<'clusters'>, first: number, filter: ClusterFilter = {}) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const page: MergedPage<'clusters'> = await mergedPage({ entity: 'clusters', slots, filter, order, args: { first, after } });
    seen.push(...page.edges.map((e) => `${e.node.sourceId}/${e.node.nativeId}`));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('merged paging across sources', () => {
  const a = fakeSource({ id: 'a', clusters: 23, paged: true });
  const b = fakeSource({ id: 'b', clusters: 40 });
  const c = fakeSource({ id: 'c', clusters: 11, paged: true, pushdown: ['status'] });
  const d = fakeSource({ id: 'd', clusters: 17, outlined: true });
  const everyone = [...a.clusters, ...b.clusters, ...c.clusters, ...d.clusters].map((x) => `${x.sourceId}/${x.nativeId}`);

  for (const order of [
    { field: 'NAME', direction: 'ASC' },
    { field: 'CREATED_AT', direction: 'DESC' },
    { field: 'SOURCE', direction: 'ASC' },
  ] as Order<'clusters'>[]) {
    for (const size of [1, 7, 50]) {
      it(`walks every item exactly once by ${order.field} ${order.direction}, ${size} a page`, async () => {
        const seen = await walk(slotsOf(a, b, c, d), order, size);
        expect(seen).toHaveLength(everyone.length);
        expect(new Set(seen)).toEqual(new Set(everyone));
      });
    }
  }

  it('returns items in the requested order, ties broken by source and id', async () => {
    const page = await mergedPage({ entity: 'clusters', slots: slotsOf(a, b, c), filter: {}, order: { field: 'NAME', direction: 'ASC' }, args: { first: 74 } });
    const keys = page.edges.map((e) => [e.node.name, e.node.sourceId, e.node.nativeId].join('|'));
    const sorted = [...page.edges]
      .map((e) => e.node)
      .sort((x, y) => x.name.localeCompare(y.name) || x.sourceId.localeCompare(y.sourceId) || x.nativeId.localeCompare(y.nativeId))
      .map((n) => [n.name, n.sourceId, n.nativeId].join('|'));
    expect(keys).toEqual(sorted);
  });

  describe('ties across sources listed against tie-break order', () => {
    // Same names and ids in both; the source config lists zeta first, so only the
    // (source, id) tie-break puts alpha first. Names: c0000 cluster-0, c0001 cluster-62,
    // c0002 cluster-27, c0003 cluster-89, c0004 cluster-54.
    const zeta = fakeSource({ id: 'zeta', clusters: 5 });
    const alpha = fakeSource({ id: 'alpha', clusters: 5, outlined: true });
    const byName = ['c0000', 'c0002', 'c0004', 'c0001', 'c0003'];
    const pairs = (ids: string[]) => ids.flatMap((id) => [`alpha/${id}`, `zeta/${id}`]);

    for (const size of [1, 3, 10]) {
      it(`walks NAME ASC and DESC in exactly the tie-broken order, ${size} a page`, async () => {
        expect(await walk(slotsOf(zeta, alpha), { field: 'NAME', direction: 'ASC' }, size)).toEqual(pairs(byName));
        expect(await walk(slotsOf(zeta, alpha), { field: 'NAME', direction: 'DESC' }, size)).toEqual(pairs([...byName].reverse()));
      });
    }

    it('pages backward over the same order', async () => {
      const order = { field: 'NAME', direction: 'DESC' } as const;
      const slots = slotsOf(zeta, alpha);
      const last = await mergedPage({ entity: 'clusters', slots, filter: {}, order, args: { last: 3 } });
      expect(last.edges.map((e) => `${e.node.sourceId}/${e.node.nativeId}`)).toEqual(['zeta/c0002', 'alpha/c0000', 'zeta/c0000']);
      const before = await mergedPage({ entity: 'clusters', slots, filter: {}, order, args: { last: 3, before: last.pageInfo.startCursor } });
      expect(before.edges.map((e) => `${e.node.sourceId}/${e.node.nativeId}`)).toEqual(['alpha/c0004', 'zeta/c0004', 'alpha/c0002']);
    });
  });

  it('applies filters the vendor cannot, and counts what matches', async () => {
    const filter: ClusterFilter = { status: ['FAILED'], labels: [{ key: 'env', value: 'prod' }] };
    const page = await mergedPage({ entity: 'clusters', slots: slotsOf(a, b, c), filter, order: { field: 'NAME', direction: 'ASC' }, args: { first: 100 } });
    const expected = [...a.clusters, ...b.clusters, ...c.clusters].filter((x) => x.status === 'FAILED' && known(x.labels).some((l) => l.value === 'prod'));
    expect(page.edges.map((e) => e.node.nativeId + e.node.sourceId).sort()).toEqual(expected.map((x) => x.nativeId + x.sourceId).sort());
    expect(await page.totalCount()).toBe(expected.length);
  });

  it('in SOURCE order fetches only the vendor pages a page needs', async () => {
    const s = fakeSource({ id: 's', clusters: 30, paged: true });
    const t = fakeSource({ id: 't', clusters: 30, paged: true });
    const page = await mergedPage({ entity: 'clusters', slots: slotsOf(s, t), filter: {}, order: { field: 'SOURCE', direction: 'ASC' }, args: { first: 10 } });
    expect(page.edges).toHaveLength(10);
    expect(s.calls).toEqual(['window 0+11']);
    expect(t.calls).toEqual([]);
    expect(await page.totalCount()).toBe(60);
    // The total of a source already windowed is the one its window gave; another's, an empty window's.
    expect(s.calls).toEqual(['window 0+11']);
    expect(t.calls).toEqual(['window 0+0']);
  });

  it('reads by vendor window in another order only where the vendor serves that order, else lists the source whole', async () => {
    const byName = fakeSource({ id: 'n', clusters: 30, paged: true, nativeOrder: 'NAME_ASC' });
    const asc = await mergedPage({ entity: 'clusters', slots: slotsOf(byName), filter: {}, order: { field: 'NAME', direction: 'ASC' }, args: { first: 5 } });
    expect(asc.edges.map((e) => e.node.nativeId)).toEqual(
      [...byName.clusters]
        .sort(comparator({ field: 'NAME', direction: 'ASC' }))
        .slice(0, 5)
        .map((c) => c.nativeId),
    );
    expect(await asc.totalCount()).toBe(30);
    expect(byName.calls).toEqual(['window 0+6']);
    for (const order of [
      { field: 'NAME', direction: 'DESC' },
      { field: 'CREATED_AT', direction: 'ASC' },
    ] as Order<'clusters'>[]) {
      byName.calls.length = 0;
      const page = await mergedPage({ entity: 'clusters', slots: slotsOf(byName), filter: {}, order, args: { first: 5 } });
      expect(page.edges.map((e) => e.node.nativeId)).toEqual(
        [...byName.clusters]
          .sort(comparator(order))
          .slice(0, 5)
          .map((c) => c.nativeId),
      );
      expect(byName.calls).toEqual(['list']);
    }
  });

  it('pages backward with last/before over the same sequence', async () => {
    const slots = slotsOf(a, b, c);
    const order = { field: 'NAME', direction: 'ASC' } as const;
    const forward = await mergedPage({ entity: 'clusters', slots, filter: {}, order, args: { first: 74 } });
    const mid = forward.edges[40]?.cursor as string;
    const back = await mergedPage({ entity: 'clusters', slots, filter: {}, order, args: { last: 5, before: mid } });
    expect(back.edges.map((e) => e.node.nativeId + e.node.sourceId)).toEqual(forward.edges.slice(35, 40).map((e) => e.node.nativeId + e.node.sourceId));
    expect(back.pageInfo.hasPreviousPage).toBe(true);
  });

  it('reports a source whose reader fails with a gateway error, but lets any other fault through', async () => {
    const order = { field: 'NAME', direction: 'ASC' } as const;
    const failing = (err: Error): SourceSlot<'clusters'> => ({
      sourceId: 'x',
      reader: {
        ...fakeSource({ id: 'x', clusters: 3 }).readers.clusters,
        list: async () => Promise.reject(err),
      },
    });
    const refused = await mergedPage({
      entity: 'clusters',
      slots: [...slotsOf(a), failing(new GatewayError('NOT_SUPPORTED', 'no listing here'))],
      filter: {},
      order,
      args: { first: 5 },
    });
    expect(refused.edges).toHaveLength(5);
    expect(refused.missing().map((p) => [p.sourceId, p.error.code])).toEqual([['x', 'NOT_SUPPORTED']]);
    await expect(
      mergedPage({ entity: 'clusters', slots: [...slotsOf(a), failing(new TypeError('a bug'))], filter: {}, order, args: { first: 5 } }),
    ).rejects.toThrow(TypeError);
  });

  it('asks a failed source nothing more for the same page, its total included', async () => {
    const down = fakeSource({ id: 'down', clusters: 5, paged: true, fail: true });
    const page = await mergedPage({
      entity: 'clusters',
      slots: slotsOf(a, down),
      filter: {},
      order: { field: 'SOURCE', direction: 'ASC' },
      args: { first: 30 },
    });
    expect(await page.totalCount()).toBe(a.clusters.length);
    expect(down.calls).toEqual(['window 0+8']);
    expect(page.missing().map((p) => [p.sourceId, p.error.code])).toEqual([['down', 'SOURCE_UNAVAILABLE']]);
  });

  it('reads outlines only when they hold the order’s field: by status, an outlined source is listed complete', async () => {
    const o = fakeSource({ id: 'o', clusters: 12, outlined: true });
    const order = { field: 'STATUS', direction: 'ASC' } as const;
    const page = await mergedPage({ entity: 'clusters', slots: slotsOf(o), filter: {}, order, args: { first: 4 } });
    expect(page.edges.map((e) => e.node.nativeId)).toEqual(
      [...o.clusters]
        .sort(comparator(order))
        .slice(0, 4)
        .map((c) => c.nativeId),
    );
    expect(o.calls).toEqual(['list']);
  });

  it('leaves a failing source out and says so, serving the others', async () => {
    const down = fakeSource({ id: 'down', clusters: 5, fail: true });
    const page = await mergedPage({
      entity: 'clusters',
      slots: slotsOf(a, down),
      filter: {},
      order: { field: 'NAME', direction: 'ASC' },
      args: { first: 100 },
    });
    expect(page.edges).toHaveLength(a.clusters.length);
    expect(page.missing().map((p) => [p.sourceId, p.error.code])).toEqual([['down', 'SOURCE_UNAVAILABLE']]);
  });

  it('leaves a failing source out in source order and when paging backward, serving exactly the others', async () => {
    const down = fakeSource({ id: 'down', clusters: 5, fail: true });
    const others = a.clusters.map((x) => x.nativeId);
    for (const args of [{ first: 100 }, { last: 100 }]) {
      for (const order of [{ field: 'SOURCE', direction: 'ASC' } as const, { field: 'NAME', direction: 'ASC' } as const]) {
        const page = await mergedPage({ entity: 'clusters', slots: slotsOf(down, a), filter: {}, order, args });
        expect(page.edges.map((e) => e.node.nativeId).sort()).toEqual([...others].sort());
        expect(page.edges.every((e) => e.node.sourceId === 'a')).toBe(true);
        expect(page.missing().map((p) => [p.sourceId, p.error.code])).toEqual([['down', 'SOURCE_UNAVAILABLE']]);
      }
    }
  });

  it('completes only the outlined items a page shows, when filter and order need only the outline', async () => {
    const o = fakeSource({ id: 'o', clusters: 30, outlined: true });
    const byName = await mergedPage({
      entity: 'clusters',
      slots: slotsOf(a, o),
      filter: { nameContains: 'cluster' },
      order: { field: 'NAME', direction: 'ASC' },
      args: { first: 10 },
    });
    const shown = byName.edges.filter((e) => e.node.sourceId === 'o').map((e) => `complete ${e.node.nativeId}`);
    expect(o.calls).toEqual(['outline', ...shown]);
    expect(byName.edges.every((e) => e.node.rawStatus === 'raw')).toBe(true);
    expect(await byName.totalCount()).toBe(a.clusters.length + o.clusters.length);
    expect(o.calls).toHaveLength(1 + shown.length);

    // An answer that reads only outline fields needs no completion at all.
    o.calls.length = 0;
    await mergedPage({
      entity: 'clusters',
      slots: slotsOf(o),
      filter: {},
      order: { field: 'NAME', direction: 'ASC' },
      args: { first: 10 },
      want: new Set(['sourceId', 'nativeId', 'name']),
    });
    expect(o.calls).toEqual(['outline']);

    // Status is not in the outline: every item is listed complete, as without one.
    o.calls.length = 0;
    await mergedPage({
      entity: 'clusters',
      slots: slotsOf(o),
      filter: { status: ['RUNNING'] },
      order: { field: 'NAME', direction: 'ASC' },
      args: { first: 3 },
    });
    expect(o.calls).toEqual(['list']);
  });

  it('leaves out a source that fails completing its page, keeping its place for later pages', async () => {
    const o = fakeSource({ id: 'o', clusters: 5, outlined: true });
    const outline = o.readers.clusters.outline!;
    let broken = true;
    const flaky: SourceSlot<'clusters'> = {
      sourceId: 'o',
      reader: {
        ...o.readers.clusters,
        outline: {
          fields: outline.fields,
          list: async (f) =>
            (await outline.list(f)).map((e) => ({
              ...e,
              complete: () =>
                broken ? Promise.reject(new SourceError('SOURCE_TIMEOUT', 'slow', { sourceId: 'o', sourceKind: 'fake', route: 'GET /x' })) : e.complete(),
            })),
        },
      },
    };
    const order = { field: 'NAME', direction: 'ASC' } as const;
    const page = await mergedPage({ entity: 'clusters', slots: [...slotsOf(a), flaky], filter: {}, order, args: { first: 100 } });
    expect(page.edges.map((e) => e.node.sourceId)).toEqual(a.clusters.map(() => 'a'));
    expect(page.missing().map((p) => [p.sourceId, p.error.code])).toEqual([['o', 'SOURCE_TIMEOUT']]);
    broken = false;
    const next = await mergedPage({
      entity: 'clusters',
      slots: [...slotsOf(a), flaky],
      filter: {},
      order,
      args: { first: 100, after: page.pageInfo.endCursor },
    });
    expect(next.edges.map((e) => e.node.nativeId).sort()).toEqual(o.clusters.map((x) => x.nativeId).sort());
  });

  it('leaves out an item the vendor says is gone, counting its place, and lowers the total to what a walk serves', async () => {
    const o = fakeSource({ id: 'o', clusters: 9, outlined: true });
    const outline = o.readers.clusters.outline!;
    const goneId = o.clusters[4]!.nativeId;
    const vanishing: SourceSlot<'clusters'> = {
      sourceId: 'o',
      reader: {
        ...o.readers.clusters,
        outline: {
          fields: outline.fields,
          list: async (f) => (await outline.list(f)).map((e) => (e.known.nativeId === goneId ? { ...e, complete: async () => null } : e)),
        },
      },
    };
    const order = { field: 'NAME', direction: 'ASC' } as const;
    const whole = await mergedPage({ entity: 'clusters', slots: [vanishing], filter: {}, order, args: { first: 100 } });
    expect(whole.edges.map((e) => e.node.nativeId)).not.toContain(goneId);
    expect(whole.edges).toHaveLength(8);
    expect(await whole.totalCount()).toBe(8);
    expect(whole.missing()).toEqual([]);
    // Page by page: nothing skipped or repeated around the gap.
    expect(new Set(await walk([vanishing], order, 2))).toEqual(new Set(o.clusters.filter((c) => c.nativeId !== goneId).map((c) => `o/${c.nativeId}`)));
  });

  it('counts the place of an item that turned out gone, so no later page repeats or skips an item', async () => {
    const o = fakeSource({ id: 'o', clusters: 9, outlined: true });
    const b2 = fakeSource({ id: 'b', clusters: 4 });
    const outline = o.readers.clusters.outline!;
    const goneIds = new Set([o.clusters[1]!.nativeId, o.clusters[4]!.nativeId]);
    const vanishing: SourceSlot<'clusters'> = {
      sourceId: 'o',
      reader: {
        ...o.readers.clusters,
        outline: {
          fields: outline.fields,
          list: async (f) => (await outline.list(f)).map((e) => (goneIds.has(e.known.nativeId) ? { ...e, complete: async () => null } : e)),
        },
      },
    };
    const slots = [vanishing, ...slotsOf(b2)];
    for (const order of [
      { field: 'NAME', direction: 'ASC' },
      { field: 'SOURCE', direction: 'ASC' },
    ] as Order<'clusters'>[]) {
      const whole = (await mergedPage({ entity: 'clusters', slots, filter: {}, order, args: { first: 100 } })).edges.map(
        (e) => `${e.node.sourceId}/${e.node.nativeId}`,
      );
      expect(whole).toHaveLength(11);
      for (const size of [1, 2, 3, 4]) expect(await walk(slots, order, size)).toEqual(whole);
    }
  });

  it('keeps the place of an item a vendor window marks gone, and lowers the vendor total', async () => {
    const p = fakeSource({ id: 'p', clusters: 9, paged: true });
    const goneId = p.clusters[2]!.nativeId;
    const reader = p.readers.clusters;
    const slot: SourceSlot<'clusters'> = {
      sourceId: 'p',
      reader: {
        ...reader,
        window: async (f, offset, limit) => {
          const w = await reader.window!(f, offset, limit);
          return {
            ...w,
            items: w.items.map((c) => (c.nativeId === goneId ? goneItem<Cluster>({ sourceId: c.sourceId, nativeId: c.nativeId, name: c.name }) : c)),
          };
        },
      },
    };
    const order = { field: 'SOURCE', direction: 'ASC' } as const;
    const first = await mergedPage({ entity: 'clusters', slots: [slot], filter: {}, order, args: { first: 4 } });
    expect(first.edges.map((e) => e.node.nativeId)).toEqual(
      p.clusters
        .slice(0, 4)
        .map((c) => c.nativeId)
        .filter((id) => id !== goneId),
    );
    expect(await first.totalCount()).toBe(8);
    const next = await mergedPage({ entity: 'clusters', slots: [slot], filter: {}, order, args: { first: 4, after: first.pageInfo.endCursor } });
    expect(next.edges.map((e) => e.node.nativeId)).toEqual(p.clusters.slice(4, 8).map((c) => c.nativeId));
  });

  it('serves the parts of a list that were read and reports the missing parts once per code', async () => {
    const o = fakeSource({ id: 'o', clusters: 6 });
    const failure = (route: string) => new SourceError('SOURCE_ERROR', 'refused', { sourceId: 'o', sourceKind: 'fake', route });
    const partial: SourceSlot<'clusters'> = {
      sourceId: 'o',
      reader: { ...o.readers.clusters, list: async (f) => withMissing((await o.readers.clusters.list(f)).slice(0, 4), [failure('GET /a'), failure('GET /b')]) },
    };
    const page = await mergedPage({
      entity: 'clusters',
      slots: [...slotsOf(a), partial],
      filter: {},
      order: { field: 'NAME', direction: 'ASC' },
      args: { first: 100 },
    });
    expect(page.edges.filter((e) => e.node.sourceId === 'o')).toHaveLength(4);
    expect(await page.totalCount()).toBe(a.clusters.length + 4);
    expect(page.missing().map((m) => [m.sourceId, m.error.code])).toEqual([['o', 'SOURCE_ERROR']]);
  });

  it('takes page sizes from 0 to the maximum, whole numbers only, one direction at a time', async () => {
    const run = (args: Parameters<typeof mergedPage>[0]['args']) =>
      mergedPage({ entity: 'clusters', slots: slotsOf(a), filter: {}, order: { field: 'NAME', direction: 'ASC' }, args, maxPageSize: 5 });
    expect((await run({ first: 0 })).edges).toEqual([]);
    expect((await run({ first: 5 })).edges).toHaveLength(5);
    expect((await run({ last: 5 })).edges).toHaveLength(5);
    expect((await run({ first: 3, last: null, before: null })).edges).toHaveLength(3);
    for (const [key, n] of [
      ['first', 6],
      ['last', 6],
      ['first', 1.5],
      ['last', -1],
      ['first', -1],
    ] as const) {
      await expect(run({ [key]: n })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: `${key} must be a whole number from 0 to 5, got ${n}` });
    }
    const both = 'page forward with first/after or backward with last/before, not both';
    const { endCursor } = (await run({ first: 1 })).pageInfo;
    await expect(run({ first: 1, last: 1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: both });
    await expect(run({ first: 1, before: endCursor })).rejects.toMatchObject({ message: both });
    await expect(run({ after: endCursor, last: 1 })).rejects.toMatchObject({ message: both });
  });

  it('says exactly whether items lie before and after a page, from vendor windows or from a sorted list', async () => {
    for (const source of [fakeSource({ id: 'p', clusters: 5, paged: true }), fakeSource({ id: 'q', clusters: 5 })]) {
      const slots = slotsOf(source);
      for (const order of [
        { field: 'SOURCE', direction: 'ASC' },
        { field: 'NAME', direction: 'DESC' },
      ] as Order<'clusters'>[]) {
        const run = (args: Parameters<typeof mergedPage>[0]['args']) => mergedPage({ entity: 'clusters', slots, filter: {}, order, args });
        const first = await run({ first: 2 });
        expect(first.pageInfo, source.adapter.info.id).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
        const middle = await run({ first: 2, after: first.pageInfo.endCursor });
        expect(middle.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
        const last = await run({ first: 2, after: middle.pageInfo.endCursor });
        expect(last.edges).toHaveLength(1);
        expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
        expect((await run({ first: 5 })).pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: false });
        expect((await run({ first: 4 })).pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
        expect((await run({ last: 2 })).pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
        expect((await run({ last: 5 })).pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: false });
        const before = await run({ last: 2, before: last.pageInfo.startCursor });
        expect(before.edges.map((e) => e.cursor)).toEqual([middle.edges[0]?.cursor, middle.edges[1]?.cursor]);
        expect(before.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
        // `before` alone pages backward too, a default page's worth.
        const beforeAlone = await run({ before: last.pageInfo.startCursor });
        expect(beforeAlone.edges).toHaveLength(4);
        expect(beforeAlone.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
      }
    }
    // Across two sources, a page after one source's first item has items before it.
    const two = slotsOf(fakeSource({ id: 'p', clusters: 5, paged: true }), fakeSource({ id: 'q', clusters: 5 }));
    const order = { field: 'NAME', direction: 'ASC' } as const;
    const opening = await mergedPage({ entity: 'clusters', slots: two, filter: {}, order, args: { first: 1 } });
    const next = await mergedPage({ entity: 'clusters', slots: two, filter: {}, order, args: { first: 1, after: opening.pageInfo.endCursor } });
    expect(next.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('rejects a cursor from another query, and bad page sizes', async () => {
    const slots = slotsOf(a);
    const page = await mergedPage({ entity: 'clusters', slots, filter: {}, order: { field: 'NAME', direction: 'ASC' }, args: { first: 2 } });
    await expect(
      mergedPage({
        entity: 'clusters',
        slots,
        filter: { nameContains: 'x' },
        order: { field: 'NAME', direction: 'ASC' },
        args: { first: 2, after: page.pageInfo.endCursor },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(
      mergedPage({ entity: 'clusters', slots, filter: {}, order: { field: 'NAME', direction: 'ASC' }, args: { first: 2, after: 'garbage!' } }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(mergedPage({ entity: 'clusters', slots, filter: {}, order: { field: 'NAME', direction: 'ASC' }, args: { first: -1 } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('sorted pages over lists too large to keep whole', () => {
  // Each source read whole per page, keeping only what the page needs: names repeat
  // within and across sources (97 names over 3,300 items), so every page boundary falls
  // among ties that only (source, id) breaks.
  const big = fakeSource({ id: 'big', clusters: 1500, scanned: true });
  const listed = fakeSource({ id: 'listed', clusters: 1100 });
  const outlined = fakeSource({ id: 'outlined', clusters: 700, outlined: true });
  const slots = slotsOf(big, listed, outlined);
  const everything = [...big.clusters, ...listed.clusters, ...outlined.clusters];

  for (const order of [
    { field: 'NAME', direction: 'ASC' },
    { field: 'NAME', direction: 'DESC' },
    { field: 'CREATED_AT', direction: 'DESC' },
    { field: 'STATUS', direction: 'ASC' },
  ] as Order<'clusters'>[]) {
    it(`walks 3,300 items by ${order.field} ${order.direction} in exactly a full sort's order, 50 and 333 a page`, async () => {
      const sorted = [...everything].sort(comparator(order)).map((x) => `${x.sourceId}/${x.nativeId}`);
      for (const size of [50, 333]) expect(await walk(slots, order, size)).toEqual(sorted);
    }, 60_000);
  }

  it('reads a scanned source once per page, its total included, and counts only what the filter keeps', async () => {
    big.calls.length = 0;
    const filter: ClusterFilter = { status: ['FAILED'] };
    const page = await mergedPage({ entity: 'clusters', slots: slotsOf(big), filter, order: { field: 'NAME', direction: 'ASC' }, args: { first: 50 } });
    expect(await page.totalCount()).toBe(big.clusters.filter((c) => c.status === 'FAILED').length);
    expect(page.edges.every((e) => e.node.status === 'FAILED')).toBe(true);
    expect(big.calls).toEqual(['scan']);
  });

  it('in SOURCE order serves a scanned source in its own order, and counts it by one more read only when the page did not read it', async () => {
    big.calls.length = 0;
    const bySource: Order<'clusters'> = { field: 'SOURCE', direction: 'ASC' };
    const page = await mergedPage({ entity: 'clusters', slots: slotsOf(listed, big), filter: {}, order: bySource, args: { first: 50 } });
    expect(page.edges.map((e) => e.node.nativeId)).toEqual(listed.clusters.slice(0, 50).map((c) => c.nativeId));
    expect(big.calls).toEqual([]);
    expect(await page.totalCount()).toBe(2600);
    expect(big.calls).toEqual(['scan']);
    const seen = await walk(slotsOf(big), bySource, 400);
    expect(seen).toEqual(big.clusters.map((c) => `big/${c.nativeId}`));
  });
});

describe('merge edge cases a reader can present', () => {
  const cluster = (sourceId: string, nativeId: string, name: string): Cluster => ({
    sourceId,
    nativeId,
    name,
    kind: 'DATABASE',
    status: 'RUNNING',
    rawStatus: 'raw',
    labels: [],
    endpoints: [],
  });
  const slot = (sourceId: string, reader: Partial<SourceSlot<'clusters'>['reader']>): SourceSlot<'clusters'> => ({
    sourceId,
    reader: { pushdown: new Set(), list: async () => [], get: async () => null, ...reader },
  });
  const bySource: Order<'clusters'> = { field: 'SOURCE', direction: 'ASC' };

  it('keeps a source’s own order in SOURCE order, sorting nothing', async () => {
    const items = [cluster('s', 'z9', 'zeta'), cluster('s', 'a1', 'alpha'), cluster('s', 'm5', 'mu')];
    const page = await mergedPage({ entity: 'clusters', slots: [slot('s', { list: async () => items })], filter: {}, order: bySource, args: { first: 10 } });
    expect(page.edges.map((e) => e.node.nativeId)).toEqual(['z9', 'a1', 'm5']);
  });

  it('reports a part of a list missing once per code, however many parts fail with it', async () => {
    const down = (part: string) => new SourceError('SOURCE_UNAVAILABLE', `${part} down`, { sourceId: 's', sourceKind: 'tiem' });
    const timeout = new SourceError('SOURCE_TIMEOUT', 'slow', { sourceId: 's', sourceKind: 'tiem' });
    const items = withMissing([cluster('s', 'a', 'a')], [down('one'), down('two'), timeout]);
    const page = await mergedPage({ entity: 'clusters', slots: [slot('s', { list: async () => items })], filter: {}, order: bySource, args: { first: 10 } });
    expect(page.missing().map((m) => m.error.code)).toEqual(['SOURCE_UNAVAILABLE', 'SOURCE_TIMEOUT']);
  });

  it('counts a windowed source whose window tells no total by its whole list', async () => {
    const items = ['a', 'b', 'c', 'd'].map((id) => cluster('s', id, id));
    const reader = {
      window: async (_f: ClusterFilter, offset: number, limit: number) => ({ items: items.slice(offset, offset + limit) }),
      list: async () => items,
    };
    const page = await mergedPage({ entity: 'clusters', slots: [slot('s', reader)], filter: {}, order: bySource, args: { first: 2 } });
    expect(page.edges).toHaveLength(2);
    expect(await page.totalCount()).toBe(4);
  });

  it('gives an empty page null cursors, and refuses a cursor made for another selection of sources', async () => {
    const empty = await mergedPage({ entity: 'clusters', slots: [slot('s', {})], filter: {}, order: bySource, args: { first: 5 } });
    expect(empty.pageInfo).toMatchObject({ startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: false });
    const items = ['a', 'b', 'c'].map((id) => cluster('s', id, id));
    const slots = [slot('s', { list: async () => items })];
    const first = await mergedPage({ entity: 'clusters', slots, filter: {}, order: bySource, args: { first: 1 }, scope: ['s'] });
    const after = first.pageInfo.endCursor;
    expect(
      (await mergedPage({ entity: 'clusters', slots, filter: {}, order: bySource, args: { first: 1, after }, scope: ['s'] })).edges[0]?.node.nativeId,
    ).toBe('b');
    await expect(mergedPage({ entity: 'clusters', slots, filter: {}, order: bySource, args: { first: 1, after }, scope: ['s', 't'] })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(mergedPage({ entity: 'clusters', slots, filter: {}, order: bySource, args: { first: 1, after } })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });

  const byName: Order<'clusters'> = { field: 'NAME', direction: 'ASC' };
  const refusal = (code: 'SOURCE_UNAVAILABLE' | 'SOURCE_TIMEOUT' | 'SOURCE_ERROR') =>
    new SourceError(code, 'refused', { sourceId: 'x', sourceKind: 'tiem', route: 'GET /x' });
  const ids = (page: MergedPage<'clusters'>) => page.edges.map((e) => `${e.node.sourceId}/${e.node.nativeId}`);

  it('leaves out a source whose reader throws at once rather than rejecting, and fails the page only for a fault that is no source error', async () => {
    const served = slot('s', { list: async () => [cluster('s', 'a', 'a'), cluster('s', 'b', 'b')] });
    const throwing = (err: Error) =>
      slot('x', {
        list: () => {
          throw err;
        },
      });
    for (const order of [byName, bySource]) {
      const page = await mergedPage({ entity: 'clusters', slots: [throwing(refusal('SOURCE_UNAVAILABLE')), served], filter: {}, order, args: { first: 10 } });
      expect(ids(page)).toEqual(['s/a', 's/b']);
      expect(page.missing().map((m) => [m.sourceId, m.error.code])).toEqual([['x', 'SOURCE_UNAVAILABLE']]);
    }
    await expect(
      mergedPage({ entity: 'clusters', slots: [throwing(new TypeError('a bug')), served], filter: {}, order: byName, args: { first: 10 } }),
    ).rejects.toThrow(TypeError);
  });

  it('gives a failed source no place in a backward page: the last n are the other sources’ last n', async () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => cluster('s', id, id));
    const down = slot('x', { list: async () => Promise.reject(refusal('SOURCE_UNAVAILABLE')) });
    const page = await mergedPage({ entity: 'clusters', slots: [down, slot('s', { list: async () => items })], filter: {}, order: byName, args: { last: 3 } });
    expect(ids(page)).toEqual(['s/e', 's/f', 's/g']);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(page.missing().map((m) => m.sourceId)).toEqual(['x']);
  });

  it('pages backward in SOURCE order as forward: sources in their configured order, each in its own order, unsorted', async () => {
    const zeta = [cluster('zeta', 'z9', 'omega'), cluster('zeta', 'a1', 'alpha')];
    const alpha = [cluster('alpha', 'm5', 'mu'), cluster('alpha', 'b2', 'beta'), cluster('alpha', 'a0', 'alpha')];
    const slots = [slot('zeta', { list: async () => zeta }), slot('alpha', { list: async () => alpha })];
    const expected = ['zeta/z9', 'zeta/a1', 'alpha/m5', 'alpha/b2', 'alpha/a0'];
    expect(ids(await mergedPage({ entity: 'clusters', slots, filter: {}, order: bySource, args: { first: 10 } }))).toEqual(expected);
    const last = await mergedPage({ entity: 'clusters', slots, filter: {}, order: bySource, args: { last: 10 } });
    expect(ids(last)).toEqual(expected);
    const before = await mergedPage({ entity: 'clusters', slots, filter: {}, order: bySource, args: { last: 2, before: last.edges[3]?.cursor } });
    expect(ids(before)).toEqual(['zeta/a1', 'alpha/m5']);
  });

  it('gives an edge the same cursor whichever way its page was reached, a source not yet reached included', async () => {
    const first = ['a', 'b', 'c'].map((id) => cluster('p', id, id));
    const second = ['x', 'y'].map((id) => cluster('q', id, id));
    const slots = [slot('p', { list: async () => first }), slot('q', { list: async () => second })];
    const forward = await mergedPage({ entity: 'clusters', slots, filter: {}, order: byName, args: { first: 5 } });
    const backward = await mergedPage({ entity: 'clusters', slots, filter: {}, order: byName, args: { last: 5 } });
    expect(ids(backward)).toEqual(['p/a', 'p/b', 'p/c', 'q/x', 'q/y']);
    expect(backward.edges.map((e) => e.cursor)).toEqual(forward.edges.map((e) => e.cursor));
    const earlier = await mergedPage({ entity: 'clusters', slots, filter: {}, order: byName, args: { last: 2, before: forward.edges[3]?.cursor } });
    expect(earlier.pageInfo.startCursor).toBe(forward.edges[1]?.cursor);
  });

  it('reports a source that failed once, by its failure, not also by the parts of its list it could not read', async () => {
    const items = ['a', 'b'].map((id) => cluster('o', id, id));
    const outlined = slot('o', {
      outline: {
        fields: new Set(['sourceId', 'nativeId', 'name']),
        list: async () =>
          withMissing(
            items.map((c) => ({ known: c, complete: () => Promise.reject(refusal('SOURCE_TIMEOUT')) })),
            [refusal('SOURCE_ERROR')],
          ),
      },
    });
    const page = await mergedPage({
      entity: 'clusters',
      slots: [outlined, slot('s', { list: async () => [cluster('s', 'c', 'c')] })],
      filter: {},
      order: byName,
      args: { first: 10 },
    });
    expect(ids(page)).toEqual(['s/c']);
    expect(page.missing().map((m) => [m.sourceId, m.error.code])).toEqual([['o', 'SOURCE_TIMEOUT']]);
  });
});
