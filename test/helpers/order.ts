import { keyedComparator, type Order, sortKeyOf } from '../../src/lists/order.js';
import type { EntityName, EntityTypes } from '../../src/model/entity-types.js';

type Item<E extends EntityName> = EntityTypes[E]['item'];

/** The merge's order over plain items, keyed as the merge keys them. */
export function comparator<E extends EntityName>(order: Order<E>): (a: Item<E>, b: Item<E>) => number {
  const keyOf = sortKeyOf(order);
  const compare = keyedComparator(order);
  return (a, b) => compare({ item: a, key: keyOf(a) }, { item: b, key: keyOf(b) });
}
