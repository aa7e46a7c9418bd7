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
export function clusterItems<E extends EntityName>(
  entity: E,
  reader: EntityReader<Item<E>, Filter<E>>,
  clusterNativeId: string,
  want?: Want,
): Promise<Item<E>[]> {
  // Not async here: one page per cluster of a nested query, so no promise around the reader's own.
  if (reader.byCluster) return reader.byCluster(clusterNativeId, want);
  return listedOfCluster(entity, reader, clusterNativeId);
}

async function listedOfCluster<E extends EntityName>(entity: E, reader: EntityReader<Item<E>, Filter<E>>, clusterNativeId: string): Promise<Item<E>[]> {
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
 * cluster, then filtered and ordered in the gateway. A class, not an object of closures:
 * a nested query makes one per cluster on its page.
 */
class ClusterChildren<E extends EntityName> implements EntityReader<Item<E>, Filter<E>> {
  readonly pushdown = NO_PUSHDOWN;

  constructor(
    private readonly entity: E,
    private readonly reader: EntityReader<Item<E>, Filter<E>>,
    private readonly clusterNativeId: string,
    private readonly want: Want,
  ) {}

  list(): Promise<Item<E>[]> {
    return clusterItems(this.entity, this.reader, this.clusterNativeId, this.want);
  }

  get(nativeId: string): Promise<Item<E> | null> {
    return this.reader.get(nativeId);
  }
}

export function clusterReader<E extends EntityName>(
  entity: E,
  reader: EntityReader<Item<E>, Filter<E>>,
  clusterNativeId: string,
  want?: Want,
): EntityReader<Item<E>, Filter<E>> {
  return new ClusterChildren(entity, reader, clusterNativeId, want);
}
