import type { EntityReader, Want } from '../sources/adapter.js';
import type { EntityName, EntityTypes } from '../model/entity-types.js';
import { matcher } from './filter.js';

type Item<E extends EntityName> = EntityTypes[E]['item'];
type Filter<E extends EntityName> = EntityTypes[E]['filter'];

/**
 * One cluster's items of one kind: from the reader's `byCluster`, which batches across
 * the clusters of a page where the vendor allows, or else its list filtered to the
 * cluster (pushed down where the vendor can).
 */
export async function clusterItems<E extends EntityName>(
  entity: E,
  reader: EntityReader<Item<E>, Filter<E>>,
  clusterNativeId: string,
  want?: Want,
): Promise<Item<E>[]> {
  if (reader.byCluster) return reader.byCluster(clusterNativeId, want);
  const filter = { clusterNativeId } as Filter<E>;
  const items = await reader.list(reader.pushdown.has('clusterNativeId' as never) ? filter : ({} as Filter<E>));
  return items.filter(matcher(entity, filter));
}

/** A cluster's own reader filters nothing at the vendor: its list is the cluster's items already. */
const NO_PUSHDOWN: ReadonlySet<never> = new Set();

/**
 * One cluster's items as a reader of their own, so a cluster's child connection is the
 * same list engine as the top-level list (filters, order, cursors, totalCount,
 * missingSources) over this reader. Its items are listed whole, once per request and
 * cluster, then filtered and ordered in the gateway.
 */
export function clusterReader<E extends EntityName>(
  entity: E,
  reader: EntityReader<Item<E>, Filter<E>>,
  clusterNativeId: string,
  want?: Want,
): EntityReader<Item<E>, Filter<E>> {
  return {
    pushdown: NO_PUSHDOWN,
    list: () => clusterItems(entity, reader, clusterNativeId, want),
    get: (nativeId) => reader.get(nativeId),
  };
}
