import type { ObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { decodeGlobalId } from '../model/ids.js';
import { GatewayError } from '../model/errors.js';
import { clusterReader } from '../lists/children.js';
import { type MergedPage, mergedPage, type SourceSlot } from '../lists/merge.js';
import { DEFAULT_ORDER, ORDER_FIELDS, type Order, type OrderField } from '../lists/order.js';
import type { EntityName, EntityTypes } from '../model/entity-types.js';
import { builder } from './builder.js';
import { selectedItemFields } from './selection.js';
import { LabelInput, SourceProblemRef } from './types/common.js';
import { OrderDirectionEnum, SourceKindEnum } from './types/enums.js';

type Item<E extends EntityName> = EntityTypes[E]['item'];
type Filter<E extends EntityName> = EntityTypes[E]['filter'];
type ChildEntity = Exclude<EntityName, 'clusters'>;

export class InvalidFilterError extends GatewayError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', `filter.${field}: ${message}`);
  }
}

/** What every list filter may have; entity inputs add their own fields to it. */
export interface CommonFilterInput {
  sourceIds?: string[] | null;
  sourceKinds?: string[] | null;
  nameContains?: string | null;
  labels?: { key: string; value?: string | null }[] | null;
  clusterId?: string | null;
}

/** The cluster a child connection lists the items of. */
interface ClusterKey {
  sourceId: string;
  nativeId: string;
}

/**
 * Splits a top-level GraphQL filter into the source selection (applied by choosing
 * sources) and the cluster the items must belong to.
 */
function selectSources<E extends EntityName>(ctx: GatewayContext, entity: E, input: CommonFilterInput): { slots: SourceSlot<E>[]; clusterNativeId?: string } {
  let adapters = ctx.registry.adapters.filter((a) => a.capabilities.entities.includes(entity));
  if (input.sourceIds?.length) {
    const unknown = input.sourceIds.find((id) => !ctx.registry.has(id));
    if (unknown) throw new InvalidFilterError('sourceIds', `no source "${unknown}" is configured`);
    adapters = adapters.filter((a) => input.sourceIds?.includes(a.info.id));
  }
  if (input.sourceKinds?.length) adapters = adapters.filter((a) => input.sourceKinds?.includes(a.info.kind.toUpperCase()));
  let clusterNativeId: string | undefined;
  if (input.clusterId) {
    const id = decodeGlobalId(input.clusterId);
    if (id.type !== 'Cluster') throw new InvalidFilterError('clusterId', `expected a Cluster id, got a ${id.type} id`);
    ctx.registry.locate(id);
    adapters = adapters.filter((a) => a.info.id === id.sourceId);
    clusterNativeId = id.nativeId;
  }
  const slots = adapters.flatMap((a) => {
    const reader = ctx.session(a.info.id)[entity];
    return reader ? [{ sourceId: a.info.id, reader: reader as SourceSlot<E>['reader'] }] : [];
  });
  return { slots, ...(clusterNativeId !== undefined ? { clusterNativeId } : {}) };
}

/** One cluster's source, reading only that cluster's items. */
function clusterSlots<E extends ChildEntity>(ctx: GatewayContext, entity: E, cluster: ClusterKey, want: ReadonlySet<string>): SourceSlot<E>[] {
  const reader = ctx.session(cluster.sourceId)[entity] as SourceSlot<E>['reader'] | undefined;
  return reader ? [{ sourceId: cluster.sourceId, reader: clusterReader(entity, reader, cluster.nativeId, want) }] : [];
}

/** How an entity's list is described and filtered; everything else is the same for every list. */
export interface ListSpec<E extends EntityName, FilterInput> {
  entity: E;
  /** The item type's name: `Host` gives HostConnection, HostEdge, HostFilter, HostOrder. */
  typeName: string;
  // Pothos refs carry the builder's types, which this helper does not need.
  node: ObjectRef<any, Item<E>>;
  /** The items in the plural, lower case, for descriptions: `hosts`. */
  plural: string;
  /** The top-level field's description. */
  description: string;
  /** Entity-specific filter fields (described), shared by the top-level and the child filter. */
  filterFields: (t: any) => Record<string, any>;
  /** Entity-specific part of the adapter filter. */
  toFilter: (input: FilterInput) => Omit<Filter<E>, 'nameContains' | 'labels' | 'clusterNativeId'>;
}

/** A list's GraphQL pieces, which a cluster's child field of the same items reuses. */
export interface ListTypes {
  connection: ObjectRef<any, any>;
  order: ReturnType<typeof makeOrderInput>;
  /** The top-level filter's item fields, without source or cluster selection. */
  itemFields: (t: any) => Record<string, any>;
}

/** A list a cluster has a connection of, too: its filter, description and resolver. */
export interface ClusterListTypes extends ListTypes {
  child: {
    filter: ReturnType<typeof builder.inputType>;
    description: string;
    resolve: (cluster: ClusterKey, args: any, ctx: GatewayContext, info: GraphQLResolveInfo) => Promise<MergedPage<any>>;
  };
}

function makeOrderInput<E extends EntityName>(entity: E, typeName: string, plural: string) {
  const fieldEnum = builder.enumType(`${typeName}OrderField`, {
    description: `What ${plural} are ordered by`,
    values: Object.fromEntries((ORDER_FIELDS[entity] as readonly string[]).map((field) => [field, { description: ORDER_FIELD_DESCRIPTIONS[field] ?? field }])),
  });
  return builder.inputType(`${typeName}Order`, {
    description: `An order for ${plural}; ties fall back to source and native id, so paging never skips or repeats an item`,
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true, description: 'What to order by' }),
      direction: t.field({ type: OrderDirectionEnum, defaultValue: 'ASC', description: 'Ascending (the default) or descending' }),
    }),
  });
}

const ORDER_FIELD_DESCRIPTIONS: Record<string, string> = {
  SOURCE: 'Each source in its own native order, sources one after another in config order: the cheapest order to walk, since nothing is sorted',
  NAME: 'By name, ignoring case',
  CREATED_AT: 'By creation time; items without one come last',
  STARTED_AT: 'By start time; items without one come last',
  OCCURRED_AT: 'By the time it occurred',
  STATUS: 'By normalized status, alphabetically',
};

/** The adapter filter for a GraphQL filter input, less the cluster; absent, the one empty filter (a nested query's child lists mostly have none). */
function adapterFilter<E extends EntityName, FilterInput>(
  spec: ListSpec<E, FilterInput>,
  input: (FilterInput & CommonFilterInput) | null | undefined,
): Filter<E> {
  if (!input) return NO_FILTER as Filter<E>;
  return {
    ...spec.toFilter(input),
    ...(input.nameContains ? { nameContains: input.nameContains } : {}),
    ...(input.labels?.length ? { labels: input.labels.map((l) => ({ key: l.key, ...(l.value != null ? { value: l.value } : {}) })) } : {}),
  } as Filter<E>;
}

function orderOf<E extends EntityName>(entity: E, orderBy: { field: string; direction?: string | null } | null | undefined): Order<E> {
  return orderBy
    ? { field: orderBy.field as OrderField<E>, direction: (orderBy.direction ?? 'ASC') as Order<E>['direction'] }
    : (DEFAULT_ORDER[entity] as Order<E>);
}

const NO_FILTER = Object.freeze({});

/** Runs the list engine for one page and reports the sources it had to leave out. */
function page<E extends EntityName>(ctx: GatewayContext, options: Parameters<typeof mergedPage<E>>[0]): Promise<MergedPage<E>> {
  return mergedPage(options).then((result) => {
    const missing = result.missing();
    if (missing.length) ctx.problems.push(...missing);
    return result;
  });
}

const defaultOrderText = (entity: EntityName) => {
  const order = DEFAULT_ORDER[entity];
  return `${order.field} ${order.direction}`;
};

/**
 * Adds a top-level Relay connection over every source that has `entity`: filters,
 * order, composite cursors, totalCount and `missingSources`. Each entity supplies only
 * its filter fields and how to turn them into the adapter filter. Returns the pieces a
 * cluster's child connection of the same items reuses (`addClusterListField`).
 */
export function addListField<E extends EntityName, FilterInput>(spec: ListSpec<E, FilterInput>): ListTypes {
  const { entity, typeName, plural } = spec;
  const itemFields = (t: any) => ({
    nameContains: t.string({ description: 'Only those whose name contains this, ignoring case' }),
    labels: t.field({ type: [LabelInput], description: 'Only those carrying every one of these labels' }),
    ...spec.filterFields(t),
  });
  const filterInput = builder.inputType(`${typeName}Filter`, {
    description: `Narrows the ${plural} listed; every field given must match`,
    fields: (t) => ({
      sourceIds: t.stringList({ description: 'Only these sources, by the ids the config gives them' }),
      sourceKinds: t.field({ type: [SourceKindEnum], description: 'Only sources of these kinds' }),
      ...(entity === 'clusters' ? {} : { clusterId: t.id({ description: `Only ${plural} of this cluster (a Cluster global id)` }) }),
      ...itemFields(t),
    }),
  });
  const order = makeOrderInput(entity, typeName, plural);
  const connection = builder.connectionObject(
    {
      type: spec.node,
      name: `${typeName}Connection`,
      description: `A page of ${plural}, with how many there are and which sources could not be asked`,
      edgesField: { description: `The page's ${plural}, in the requested order` },
      fields: (c) => ({
        totalCount: c.int({
          description: `${plural[0]?.toUpperCase()}${plural.slice(1)} matching the filter, over every source that answered (a source in missingSources counts none)`,
          resolve: (p) => (p as unknown as MergedPage<E>).totalCount(),
        }),
        missingSources: c.field({
          type: [SourceProblemRef],
          description:
            'Sources whose items are missing from this page because they failed; each is also reported in `errors`. Empty when every source answered.',
          resolve: (p) => (p as unknown as MergedPage<E>).missing(),
        }),
      }),
    },
    {
      name: `${typeName}Edge`,
      description: `One of the ${plural} on a page, with its cursor`,
      nodeField: { description: `The ${typeName.toLowerCase()}` },
    },
  );

  builder.queryFields((t) => ({
    [entity]: t.connection(
      {
        type: spec.node,
        description: `${spec.description}. Ordered by ${defaultOrderText(entity)} unless \`orderBy\` says otherwise.`,
        args: {
          filter: t.arg({ type: filterInput, description: 'Only the items matching this; absent: all of them' }),
          orderBy: t.arg({ type: order, description: `The order to list in; absent: ${defaultOrderText(entity)}` }),
        },
        resolve: (_root, args, ctx, info) => {
          const input = (args.filter ?? {}) as FilterInput & CommonFilterInput;
          const { slots, clusterNativeId } = selectSources(ctx, entity, input);
          const filter = { ...adapterFilter(spec, input), ...(clusterNativeId !== undefined ? { clusterNativeId } : {}) } as Filter<E>;
          const order = orderOf(entity, args.orderBy);
          return page(ctx, { entity, slots, filter, order, args, scope: slots.map((s) => s.sourceId), want: selectedItemFields(info) }) as never;
        },
      },
      connection as never,
    ),
  }));

  return { connection, order, itemFields };
}

/**
 * `addListField` for items a cluster also lists (Cluster.hosts, ...): the pieces of
 * the cluster's field, which `clusterChildField` adds to Cluster.
 */
export function addClusterListField<E extends ChildEntity, FilterInput>(spec: ListSpec<E, FilterInput>): ClusterListTypes {
  const { entity, typeName, plural } = spec;
  const list = addListField(spec);
  const clusterFilter = builder.inputType(`Cluster${typeName}Filter`, {
    description: `Narrows a cluster's ${plural}; every field given must match`,
    fields: (t) => list.itemFields(t),
  });
  return {
    ...list,
    child: {
      filter: clusterFilter,
      description: `The cluster's ${plural}. Ordered by ${defaultOrderText(entity)} unless \`orderBy\` says otherwise.`,
      resolve: (cluster, args, ctx, info) => {
        const want = selectedItemFields(info);
        const slots = clusterSlots(ctx, entity, cluster, want);
        // The cluster is part of what the list is, so a cursor cannot be used on another cluster's.
        const scope = [cluster.sourceId, cluster.nativeId];
        const filter = adapterFilter(spec, args.filter as (FilterInput & CommonFilterInput) | null | undefined);
        return page(ctx, { entity, slots, filter, order: orderOf(entity, args.orderBy), args, scope, want });
      },
    },
  };
}

/**
 * A cluster's connection of its items of one kind: the same connection type, filter
 * fields (less source and cluster selection) and order as the top-level list.
 */
export function clusterChildField(t: any, { child, order, connection }: ClusterListTypes, node: ObjectRef<any, any>) {
  return t.connection(
    {
      type: node,
      description: child.description,
      args: {
        filter: t.arg({ type: child.filter, description: 'Only the items matching this; absent: all of them' }),
        orderBy: t.arg({ type: order, description: 'The order to list in; absent: the default above' }),
      },
      resolve: (cluster: ClusterKey, args: any, ctx: GatewayContext, info: GraphQLResolveInfo) => child.resolve(cluster, args, ctx, info),
    },
    connection,
  );
}
