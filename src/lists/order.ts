import type { EntityName, EntityTypes } from '../model/entity-types.js';

export type OrderDirection = 'ASC' | 'DESC';

/**
 * `SOURCE` is every source's own native order, sources one after another in config
 * order: the one order in which a page never costs more than the vendor calls that page
 * needs, because nothing has to be sorted. The other fields sort across sources.
 */
export const ORDER_FIELDS = {
  clusters: ['SOURCE', 'NAME', 'CREATED_AT', 'STATUS'],
  hosts: ['SOURCE', 'NAME', 'STATUS'],
  snapshots: ['SOURCE', 'NAME', 'STARTED_AT'],
  events: ['SOURCE', 'OCCURRED_AT'],
  deployments: ['SOURCE', 'NAME', 'CREATED_AT'],
  workflows: ['SOURCE', 'STARTED_AT'],
} as const satisfies Record<EntityName, readonly string[]>;

export type OrderField<E extends EntityName> = (typeof ORDER_FIELDS)[E][number];

export interface Order<E extends EntityName> {
  field: OrderField<E>;
  direction: OrderDirection;
}

export const DEFAULT_ORDER: { [E in EntityName]: Order<E> } = {
  clusters: { field: 'NAME', direction: 'ASC' },
  hosts: { field: 'NAME', direction: 'ASC' },
  snapshots: { field: 'STARTED_AT', direction: 'DESC' },
  events: { field: 'OCCURRED_AT', direction: 'DESC' },
  deployments: { field: 'NAME', direction: 'ASC' },
  workflows: { field: 'STARTED_AT', direction: 'DESC' },
};

type Item<E extends EntityName> = EntityTypes[E]['item'];

/** The item field each order field sorts by (SOURCE sorts by none). */
export const ORDER_KEYS: Record<string, string | undefined> = {
  NAME: 'name',
  CREATED_AT: 'createdAt',
  STARTED_AT: 'startedAt',
  OCCURRED_AT: 'occurredAt',
  STATUS: 'status',
};

/** An item with the value it sorts by, worked out once rather than at every comparison. */
export interface Keyed<T> {
  item: T;
  key: string | undefined;
}

/** The value `order` sorts an item by; undefined sorts last in either direction. Names sort without case. */
export function sortKeyOf<E extends EntityName>(order: Order<E>): (item: Item<E>) => string | undefined {
  // One function per order field for the life of the process: every page of every nested list asks.
  let keyOf = keysByField.get(order.field);
  if (!keyOf) keysByField.set(order.field, (keyOf = makeKeyOf(order.field)));
  return keyOf;
}

const keysByField = new Map<string, (item: object) => string | undefined>();

function makeKeyOf(field: string): (item: object) => string | undefined {
  const key = ORDER_KEYS[field];
  if (key === undefined) return () => undefined;
  const lower = field === 'NAME';
  return (item) => {
    // Anything but text (a gap's error where the status could not be read) sorts as unknown: last.
    const value = (item as Record<string, unknown>)[key];
    return typeof value !== 'string' ? undefined : lower ? value.toLowerCase() : value;
  };
}

/**
 * A total order over keyed items: ties on the sort value fall back to (source, native
 * id), so a merge across sources is the same on every page and cursors never skip or
 * repeat an item. Times compare as text because every model time is ISO-8601 UTC.
 */
export function keyedComparator<E extends EntityName>(order: Order<E>): (a: Keyed<Item<E>>, b: Keyed<Item<E>>) => number {
  // The comparator reads only the direction: one per direction for the life of the process.
  return order.direction === 'ASC' ? ascending : descending;
}

const ascending = comparing(1);
const descending = comparing(-1);

function comparing(sign: 1 | -1): (a: Keyed<{ sourceId: string; nativeId: string }>, b: Keyed<{ sourceId: string; nativeId: string }>) => number {
  return ({ key: va, item: a }, { key: vb, item: b }) => {
    if (va !== vb) {
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      return va < vb ? -sign : sign;
    }
    if (a.sourceId !== b.sourceId) return a.sourceId < b.sourceId ? -1 : 1;
    return a.nativeId < b.nativeId ? -1 : a.nativeId > b.nativeId ? 1 : 0;
  };
}
