import type { ObjectRef } from '@pothos/core';
import type { GatewayContext } from '../context.js';
import { decodeGlobalId } from '../model/ids.js';
import { GatewayError } from '../model/errors.js';
import { type MergedPage, mergedPage, type SourceSlot } from '../lists/merge.js';
import { DEFAULT_ORDER, ORDER_FIELDS, type Order, type OrderField } from '../lists/order.js';
import type { EntityName, EntityTypes } from '../sources/adapter.js';
import { builder } from './builder.js';
import { selectedItemFields } from './selection.js';
import { LabelInput, SourceProblemRef } from './types/common.js';
import { OrderDirectionEnum, SourceKindEnum } from './types/enums.js';

type Item<E extends EntityName> = EntityTypes[E]['item'];
type Filter<E extends EntityName> = EntityTypes[E]['filter'];

export class InvalidFilterError extends GatewayError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', `filter.${field}: ${message}`);
  }
}

/** What every list filter has; entity inputs add their own fields to it. */
export interface CommonFilterInput {
  sourceIds?: string[] | null;
  sourceKinds?: string[] | null;
  nameContains?: string | null;
  labels?: { key: string; value?: string | null }[] | null;
  clusterId?: string | null;
}

/**
 * Splits a GraphQL filter into the source selection (applied by choosing sources) and
 * the adapter filter (pushed down where the vendor can, applied here otherwise).
 */
function selectSources<E extends EntityName>(
  ctx: GatewayContext,
  entity: E,
  input: CommonFilterInput | null | undefined,
): { slots: SourceSlot<E>[]; clusterNativeId?: string } {
  let adapters = ctx.registry.adapters.filter((a) => a.capabilities.entities.includes(entity));
  if (input?.sourceIds?.length) {
    const unknown = input.sourceIds.find((id) => !ctx.registry.has(id));
    if (unknown) throw new InvalidFilterError('sourceIds', `no source "${unknown}" is configured`);
    adapters = adapters.filter((a) => input.sourceIds?.includes(a.info.id));
  }
  if (input?.sourceKinds?.length) adapters = adapters.filter((a) => input.sourceKinds?.includes(a.info.kind.toUpperCase()));
  let clusterNativeId: string | undefined;
  if (input?.clusterId) {
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

const orderInputs = new Map<EntityName, ReturnType<typeof makeOrderInput>>();

function makeOrderInput<E extends EntityName>(entity: E, typeName: string) {
  const fieldEnum = builder.enumType(`${typeName}OrderField`, {
    description: 'SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk',
    values: ORDER_FIELDS[entity] as readonly string[] as string[],
  });
  return builder.inputType(`${typeName}Order`, {
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true }),
      direction: t.field({ type: OrderDirectionEnum, defaultValue: 'ASC' }),
    }),
  });
}

/**
 * Adds a top-level Relay connection over every source that has `entity`: filters,
 * order, composite cursors, totalCount and `missingSources`. Each entity supplies only
 * its filter input and how to turn it into the adapter filter.
 */
export function addListField<E extends EntityName, FilterInput>(options: {
  entity: E;
  typeName: string;
  // biome-ignore lint: Pothos refs carry the builder's types, which this helper does not need.
  node: ObjectRef<any, Item<E>>;
  description: string;
  filterFields: (t: any) => Record<string, any>;
  /** Entity-specific part of the adapter filter. */
  toFilter: (input: FilterInput) => Omit<Filter<E>, 'nameContains' | 'labels' | 'clusterNativeId'>;
}) {
  const { entity, typeName } = options;
  const filterInput = builder.inputType(`${typeName}Filter`, {
    fields: (t) => ({
      sourceIds: t.stringList({ description: 'Only these sources (config ids)' }),
      sourceKinds: t.field({ type: [SourceKindEnum], description: 'Only sources of these kinds' }),
      nameContains: t.string({ description: 'Case-insensitive substring of the name' }),
      labels: t.field({ type: [LabelInput], description: 'Every one of these labels must match' }),
      ...(entity === 'clusters' ? {} : { clusterId: t.id({ description: 'Only objects of this cluster' }) }),
      ...options.filterFields(t),
    }),
  });
  let orderInput = orderInputs.get(entity);
  if (!orderInput) {
    orderInput = makeOrderInput(entity, typeName);
    orderInputs.set(entity, orderInput);
  }

  builder.queryFields((t) => ({
    [entity]: t.connection(
      {
        type: options.node,
        description: options.description,
        args: {
          filter: t.arg({ type: filterInput }),
          orderBy: t.arg({ type: orderInput }),
        },
        resolve: async (_root, args, ctx, info) => {
          const input = (args.filter ?? {}) as FilterInput & CommonFilterInput;
          const { slots, clusterNativeId } = selectSources(ctx, entity, input);
          const filter = {
            ...options.toFilter(input),
            ...(input.nameContains ? { nameContains: input.nameContains } : {}),
            ...(input.labels?.length ? { labels: input.labels.map((l) => ({ key: l.key, ...(l.value != null ? { value: l.value } : {}) })) } : {}),
            ...(clusterNativeId !== undefined ? { clusterNativeId } : {}),
          } as Filter<E>;
          const order: Order<E> = args.orderBy
            ? { field: args.orderBy.field as OrderField<E>, direction: (args.orderBy.direction ?? 'ASC') as Order<E>['direction'] }
            : (DEFAULT_ORDER[entity] as Order<E>);
          const page = await mergedPage({
            entity,
            slots,
            filter,
            order,
            args,
            scope: slots.map((s) => s.sourceId),
            want: selectedItemFields(info),
          });
          ctx.problems.push(...page.missing());
          return page;
        },
      },
      {
        name: `${typeName}Connection`,
        fields: (c) => ({
          totalCount: c.int({
            description: 'Items matching the filter across every source that answered',
            resolve: (page) => (page as unknown as MergedPage<E>).totalCount(),
          }),
          missingSources: c.field({
            type: [SourceProblemRef],
            description: 'Sources whose items are missing from this page because they failed; also reported in `errors`',
            resolve: (page) => (page as unknown as MergedPage<E>).missing(),
          }),
        }),
      },
      { name: `${typeName}Edge` },
    ),
  }));
}
