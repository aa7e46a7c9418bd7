import type { Event } from '../../model/entities.js';
import { builder, localId } from '../builder.js';
import { addListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { EventSeverityEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef } from './source.js';
import { timeRange, timeRangeFields } from './time-range.js';

export const EventRef = builder.objectRef<Event>('Event');

builder.node(EventRef, {
  description: 'Something that happened: a vendor event or alarm, an operation log entry',
  id: { resolve: localId },
  loadOne: nodeLoader('events'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, resolve: (e, _a, ctx) => ctx.registry.get(e.sourceId) }),
    cluster: t.field({ type: ClusterRef, nullable: true, resolve: (e, _a, ctx) => clusterOf(ctx, e) }),
    nativeId: t.exposeString('nativeId'),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    severity: t.expose('severity', { type: EventSeverityEnum }),
    category: t.exposeString('category', { nullable: true }),
    message: t.exposeString('message'),
    actor: t.exposeString('actor', { nullable: true }),
  }),
});

addListField({
  entity: 'events',
  typeName: 'Event',
  node: EventRef,
  description: 'Events across every source, newest first unless ordered otherwise',
  filterFields: (t) => ({ severity: t.field({ type: [EventSeverityEnum] }), ...timeRangeFields(t, 'that occurred') }),
  toFilter: (input: { severity?: Event['severity'][] | null; since?: string | null; until?: string | null }) => ({
    ...(input.severity?.length ? { severity: input.severity } : {}),
    ...timeRange(input),
  }),
});
