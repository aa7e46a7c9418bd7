import { describe, expect, it } from 'vitest';
import { clusterItems, clusterReader } from '../../src/lists/children.js';
import { covers, listFor, withFields } from '../../src/lists/read.js';
import type { Host } from '../../src/model/entities.js';
import { missingOf, withMissing } from '../../src/model/partial.js';
import type { HostFilter } from '../../src/model/entity-types.js';
import type { EntityReader } from '../../src/sources/adapter.js';
import { SourceError } from '../../src/sources/errors.js';

const host = (nativeId: string, clusterNativeId: string) => ({ sourceId: 's', nativeId, clusterNativeId, name: nativeId, labels: [] }) as unknown as Host;
const HOSTS = [host('h1', 'c1'), host('h2', 'c2'), host('h3', 'c1')];

function reader(options: { pushdown?: boolean; byCluster?: boolean } = {}) {
  const calls: string[] = [];
  const r: EntityReader<Host, HostFilter> = {
    pushdown: new Set(options.pushdown ? ['clusterNativeId'] : []),
    list: async (filter) => {
      calls.push(`list ${JSON.stringify(filter)}`);
      // A vendor filter that is loose on purpose: the gateway still checks every item.
      return filter.clusterNativeId ? HOSTS.filter((h) => h.clusterNativeId === filter.clusterNativeId).concat(host('stray', 'c9')) : HOSTS;
    },
    get: async (id) => {
      calls.push(`get ${id}`);
      return HOSTS.find((h) => h.nativeId === id) ?? null;
    },
    ...(options.byCluster
      ? {
          byCluster: async (id: string, want?: ReadonlySet<string>) => {
            calls.push(`byCluster ${id} ${want ? [...want].join(',') : 'all'}`);
            return HOSTS.filter((h) => h.clusterNativeId === id);
          },
        }
      : {}),
  };
  return { r, calls };
}
const ids = (hosts: Host[]) => hosts.map((h) => h.nativeId);

describe('clusterItems', () => {
  it('asks byCluster where the reader has it, passing what the request wants', async () => {
    const { r, calls } = reader({ byCluster: true, pushdown: true });
    expect(ids(await clusterItems('hosts', r, 'c1', new Set(['name'])))).toEqual(['h1', 'h3']);
    expect(calls).toEqual(['byCluster c1 name']);
  });

  it('pushes the cluster down where the vendor filters by it, and checks every item anyway', async () => {
    const { r, calls } = reader({ pushdown: true });
    expect(ids(await clusterItems('hosts', r, 'c1'))).toEqual(['h1', 'h3']);
    expect(calls).toEqual(['list {"clusterNativeId":"c1"}']);
  });

  it('lists everything and filters here where the vendor cannot', async () => {
    const { r, calls } = reader();
    expect(ids(await clusterItems('hosts', r, 'c2'))).toEqual(['h2']);
    expect(calls).toEqual(['list {}']);
  });
});

describe('clusterReader', () => {
  it('is a reader of one cluster’s items that pushes nothing down and gets through the source', async () => {
    const { r, calls } = reader();
    const one = clusterReader('hosts', r, 'c1');
    expect(one.pushdown.size).toBe(0);
    expect(ids(await one.list({}))).toEqual(['h1', 'h3']);
    expect(await one.get('h2')).toMatchObject({ nativeId: 'h2' });
    expect(calls).toEqual(['list {}', 'get h2']);
  });
});

describe('read', () => {
  it('covers a want only when every wanted field is there, and never "every field"', () => {
    const fields = new Set(['a', 'b']);
    expect(covers(fields, new Set(['a']))).toBe(true);
    expect(covers(fields, new Set(['a', 'b']))).toBe(true);
    expect(covers(fields, new Set(['a', 'c']))).toBe(false);
    expect(covers(fields, new Set())).toBe(true);
    expect(covers(fields, undefined)).toBe(false);
  });

  it('adds fields to a want, and leaves "every field" as it is', () => {
    expect(withFields(new Set(['a']), ['b', 'a'])).toEqual(new Set(['a', 'b']));
    expect(withFields(undefined, ['b'])).toBeUndefined();
  });

  const outlined = () => {
    const calls: string[] = [];
    const failure = new SourceError('SOURCE_ERROR', 'refused', { sourceId: 's', sourceKind: 'fake' });
    const r: EntityReader<Host, HostFilter> = {
      pushdown: new Set(),
      list: async () => {
        calls.push('list');
        return HOSTS;
      },
      get: async () => null,
      outline: {
        fields: new Set(['sourceId', 'nativeId']),
        list: async () => {
          calls.push('outline');
          return withMissing(
            HOSTS.map((h) => ({
              known: { sourceId: h.sourceId, nativeId: h.nativeId },
              complete: async () => {
                calls.push(`complete ${h.nativeId}`);
                return h.nativeId === 'h2' ? null : h;
              },
            })),
            [failure],
          );
        },
      },
    };
    return { r, calls, failure };
  };

  it('lists whole items when every field is wanted, or the reader has no outline', async () => {
    const { r, calls } = outlined();
    expect(ids(await listFor(r, {}, undefined))).toEqual(['h1', 'h2', 'h3']);
    expect(calls).toEqual(['list']);
    const plain = reader();
    expect(ids(await listFor(plain.r, {}, new Set(['name'])))).toEqual(['h1', 'h2', 'h3']);
  });

  it('serves outlines as they are when they hold every wanted field, keeping what is missing', async () => {
    const { r, calls, failure } = outlined();
    const items = await listFor(r, {}, new Set(['nativeId']));
    expect(items.map((h) => h.nativeId)).toEqual(['h1', 'h2', 'h3']);
    expect(items[0]).toEqual({ sourceId: 's', nativeId: 'h1' });
    expect(calls).toEqual(['outline']);
    expect(missingOf(items)).toEqual([failure]);
  });

  it('completes each outline otherwise, leaving out the ones gone, keeping what is missing', async () => {
    const { r, calls, failure } = outlined();
    const items = await listFor(r, {}, new Set(['name']));
    expect(ids(items)).toEqual(['h1', 'h3']);
    expect(calls).toEqual(['outline', 'complete h1', 'complete h2', 'complete h3']);
    expect(missingOf(items)).toEqual([failure]);
  });
});
