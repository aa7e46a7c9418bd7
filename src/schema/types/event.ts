import type { Event } from '../../model/entities.js';
import { builder, nodeId } from '../builder.js';
import { addClusterListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { SHARED } from './common.js';
import { EventSeverityEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef, sourceOfItem } from './source.js';
import { timeRange, timeRangeFields } from './time-range.js';

export const EventRef = builder.objectRef<Event>('Event');

builder.node(EventRef, {
  description: 'Something that happened: a vendor event or alarm, an operation log entry',
  id: nodeId(EventRef),
  loadOne: nodeLoader('events'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: SHARED.source, resolve: sourceOfItem }),
    cluster: t.field({
      type: ClusterRef,
      nullable: true,
      description: 'The cluster it is about; null for events about the source as a whole, or where the cluster is gone',
      resolve: (e, _a, ctx) => clusterOf(ctx, e),
    }),
    nativeId: t.exposeString('nativeId', { description: SHARED.nativeId }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When it happened' }),
    severity: t.expose('severity', { type: EventSeverityEnum, description: 'How serious it is, normalized' }),
    category: t.exposeString('category', {
      nullable: true,
      description: 'The vendor’s grouping of events (e.g. DWS event type, DC/OS operation); null where it has none',
    }),
    message: t.exposeString('message', { description: 'What happened, in the vendor’s words' }),
    actor: t.exposeString('actor', { nullable: true, description: 'Who caused it (a user or service); null where the vendor does not say' }),
  }),
});

export const eventList = addClusterListField({
  entity: 'events',
  typeName: 'Event',
  node: EventRef,
  plural: 'events',
  description: 'Events across every source (DWS events and alarms, DC/OS operation logs)',
  filterFields: (t) => ({
    severity: t.field({ type: [EventSeverityEnum], description: 'Only events of one of these severities' }),
    ...timeRangeFields(t, 'that occurred'),
  }),
  toFilter: (input: { severity?: Event['severity'][] | null; since?: string | null; until?: string | null }) => ({
    ...(input.severity?.length ? { severity: input.severity } : {}),
    ...timeRange(input),
  }),
});
