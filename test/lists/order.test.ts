import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ORDER, ORDER_FIELDS, ORDER_KEYS, type Order } from '../../src/lists/order.js';
import type { Cluster } from '../../src/model/entities.js';
import { comparator } from '../helpers/order.js';

/** Just what ordering reads: sorting looks at nothing else. */
const c = (sourceId: string, nativeId: string, fields: Partial<Pick<Cluster, 'name' | 'createdAt' | 'status'>> = {}) =>
  ({ sourceId, nativeId, ...fields }) as Cluster;
const keys = (items: Cluster[]) => items.map((i) => `${i.sourceId}/${i.nativeId}`);
const sorted = (items: Cluster[], order: Order<'clusters'>) => keys([...items].sort(comparator(order)));

describe('comparator', () => {
  const named = [c('a', '1', { name: 'beta' }), c('a', '2', { name: 'Alpha' }), c('a', '3', { name: 'gamma' }), c('a', '4', { name: 'delta' })];

  it('sorts names without case, ascending and descending', () => {
    expect(sorted(named, { field: 'NAME', direction: 'ASC' })).toEqual(['a/2', 'a/1', 'a/4', 'a/3']);
    expect(sorted(named, { field: 'NAME', direction: 'DESC' })).toEqual(['a/3', 'a/4', 'a/1', 'a/2']);
  });

  it('folds names to lower case, so punctuation between the cases sorts before letters', () => {
    // '_' lies between 'Z' and 'a': folding to upper case would put it after the letters.
    const items = [c('a', '1', { name: 'Aab' }), c('a', '2', { name: 'a_b' })];
    expect(sorted(items, { field: 'NAME', direction: 'ASC' })).toEqual(['a/2', 'a/1']);
  });

  it('sorts by creation time and by status in either direction', () => {
    const items = [
      c('a', '1', { createdAt: '2026-01-02T00:00:00.000Z', status: 'RUNNING' }),
      c('a', '2', { createdAt: '2025-12-31T23:59:59.000Z', status: 'FAILED' }),
      c('a', '3', { createdAt: '2026-01-01T12:00:00.000Z', status: 'STOPPED' }),
    ];
    expect(sorted(items, { field: 'CREATED_AT', direction: 'ASC' })).toEqual(['a/2', 'a/3', 'a/1']);
    expect(sorted(items, { field: 'CREATED_AT', direction: 'DESC' })).toEqual(['a/1', 'a/3', 'a/2']);
    expect(sorted(items, { field: 'STATUS', direction: 'ASC' })).toEqual(['a/2', 'a/1', 'a/3']);
    expect(sorted(items, { field: 'STATUS', direction: 'DESC' })).toEqual(['a/3', 'a/1', 'a/2']);
  });

  it('puts items without the sort value last in both directions', () => {
    const items = [c('a', '1'), c('a', '2', { name: 'b' }), c('a', '0'), c('a', '3', { name: 'a' })];
    expect(sorted(items, { field: 'NAME', direction: 'ASC' })).toEqual(['a/3', 'a/2', 'a/0', 'a/1']);
    expect(sorted(items, { field: 'NAME', direction: 'DESC' })).toEqual(['a/2', 'a/3', 'a/0', 'a/1']);
  });

  // Sources and ids listed against their tie-break order, so a comparator that kept the
  // input order (or compared ids before sources) would show.
  const ties = [c('zeta', 'b', { name: 'same' }), c('alpha', 'c', { name: 'SAME' }), c('zeta', 'a', { name: 'same' }), c('alpha', 'a', { name: 'Same' })];

  it('breaks ties by source, then by native id, ascending whatever the direction', () => {
    const expected = ['alpha/a', 'alpha/c', 'zeta/a', 'zeta/b'];
    expect(sorted(ties, { field: 'NAME', direction: 'ASC' })).toEqual(expected);
    expect(sorted(ties, { field: 'NAME', direction: 'DESC' })).toEqual(expected);
    expect(sorted([...ties].reverse(), { field: 'NAME', direction: 'DESC' })).toEqual(expected);
  });

  it('orders SOURCE by source and id alone, and calls an item equal only to itself', () => {
    const items = [c('b', '2', { name: 'a' }), c('a', '9', { name: 'z' }), c('b', '1', { name: 'y' })];
    expect(sorted(items, { field: 'SOURCE', direction: 'ASC' })).toEqual(['a/9', 'b/1', 'b/2']);
    const compare = comparator<'clusters'>({ field: 'NAME', direction: 'ASC' });
    expect(compare(c('a', '1', { name: 'x' }), c('a', '1', { name: 'x' }))).toBe(0);
    expect(compare(c('a', '1', { name: 'x' }), c('a', '2', { name: 'x' }))).toBeLessThan(0);
    expect(compare(c('a', '2', { name: 'x' }), c('a', '1', { name: 'x' }))).toBeGreaterThan(0);
    expect(compare(c('b', '1', { name: 'x' }), c('a', '1', { name: 'x' }))).toBeGreaterThan(0);
  });
});

/**
 * The module loaded afresh, as the file loads: each field's key function is made once per
 * process and kept, so the shared copy's were made by whichever test asked first. This
 * copy's are made inside the test below, where a mutation test can see them; its tables
 * are set while no test runs, as the shared copy's are (the mutation run leaves those out).
 */
vi.resetModules();
const fresh = await import('../../src/lists/order.js');

describe('sort keys', () => {
  it('are made in a fresh process as the order needs: names folded to lower case, other fields as they are, none for SOURCE', () => {
    const item = c('a', '1', { name: 'Orders-DB', createdAt: '2026-01-02T00:00:00.000Z', status: 'RUNNING' });
    const keyOf = (field: Order<'clusters'>['field']) => fresh.sortKeyOf<'clusters'>({ field, direction: 'ASC' })(item);
    expect(keyOf('SOURCE')).toBeUndefined();
    expect(keyOf('NAME')).toBe('orders-db');
    expect(keyOf('CREATED_AT')).toBe('2026-01-02T00:00:00.000Z');
    expect(keyOf('STATUS')).toBe('RUNNING');
  });
});

describe('order settings', () => {
  it('names the fields each list sorts by, the item field each reads, and each list’s default', () => {
    expect(ORDER_FIELDS).toEqual({
      clusters: ['SOURCE', 'NAME', 'CREATED_AT', 'STATUS'],
      hosts: ['SOURCE', 'NAME', 'STATUS'],
      snapshots: ['SOURCE', 'NAME', 'STARTED_AT'],
      events: ['SOURCE', 'OCCURRED_AT'],
      deployments: ['SOURCE', 'NAME', 'CREATED_AT'],
      workflows: ['SOURCE', 'STARTED_AT'],
    });
    expect(ORDER_KEYS).toEqual({ NAME: 'name', CREATED_AT: 'createdAt', STARTED_AT: 'startedAt', OCCURRED_AT: 'occurredAt', STATUS: 'status' });
    expect(DEFAULT_ORDER).toEqual({
      clusters: { field: 'NAME', direction: 'ASC' },
      hosts: { field: 'NAME', direction: 'ASC' },
      snapshots: { field: 'STARTED_AT', direction: 'DESC' },
      events: { field: 'OCCURRED_AT', direction: 'DESC' },
      deployments: { field: 'NAME', direction: 'ASC' },
      workflows: { field: 'STARTED_AT', direction: 'DESC' },
    });
  });
});
