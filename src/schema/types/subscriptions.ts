import type { WorkflowUpdate } from '../../workflows/pubsub.js';
import type { ClusterStatusChange, LiveError } from '../../workflows/pubsub.js';
import type { GatewayContext } from '../../context.js';
import type { Event } from '../../model/entities.js';
import type { WorkflowKind } from '../../model/workflow-kind.js';
import { GatewayError } from '../../model/errors.js';
import type { Delivered } from '../../workflows/live.js';
import { decodeGlobalId } from '../../model/ids.js';
import { builder } from '../builder.js';
import { sourceMessageFor } from '../../plugins/vendor-detail.js';
import { ClusterRef } from './cluster.js';
import { ClusterStatusEnum, SourceKindEnum, WorkflowKindEnum, WorkflowStateEnum } from './enums.js';
import { EventRef } from './event.js';
import { WorkflowRef } from './workflow.js';

const LiveErrorRef = builder.objectRef<LiveError>('LiveError').implement({
  description: 'A failed look at a source; the subscription goes on and retries',
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', { description: 'The source that could not be read' }),
    code: t.exposeString('code', { description: 'Why, as a stable code: SOURCE_TIMEOUT, SOURCE_UNAVAILABLE, ...' }),
    message: t.string({
      description: 'What went wrong; what the vendor said is for operators and admins, viewers get the code’s summary',
      resolve: (e, _args, ctx) => sourceMessageFor(ctx.viewer, e),
    }),
  }),
});

const WorkflowUpdateRef = builder.objectRef<WorkflowUpdate>('WorkflowUpdate').implement({
  description: 'A workflow as it is now, sent when it changed',
  fields: (t) => ({
    workflow: t.expose('workflow', { type: WorkflowRef, description: 'The workflow now' }),
    error: t.expose('error', { type: LiveErrorRef, nullable: true, description: 'Set when the latest poll failed; `workflow` is then the last state seen' }),
  }),
});

const ClusterStatusChangeRef = builder.objectRef<ClusterStatusChange>('ClusterStatusChange').implement({
  description: 'A cluster whose normalized status changed',
  fields: (t) => ({
    cluster: t.expose('cluster', { type: ClusterRef, description: 'The cluster, with its new status' }),
    previousStatus: t.expose('previousStatus', { type: ClusterStatusEnum, description: 'The status it had before' }),
  }),
});

const LiveFilter = builder.inputType('LiveFilter', {
  description: 'Narrows a live feed; every field given must match',
  fields: (t) => ({
    sourceIds: t.stringList({ description: 'Only from these sources, by the ids the config gives them' }),
    sourceKinds: t.field({ type: [SourceKindEnum], description: 'Only from sources of these kinds' }),
    clusterId: t.id({ description: 'Only about this cluster (a Cluster global id)' }),
    workflowKinds: t.field({ type: [WorkflowKindEnum], description: 'Only workflows of these kinds (workflowUpdates only)' }),
    states: t.field({ type: [WorkflowStateEnum], description: 'Only workflows now in one of these states (workflowUpdates only)' }),
  }),
});

type Filter = {
  sourceIds?: string[] | null;
  sourceKinds?: string[] | null;
  clusterId?: string | null;
  workflowKinds?: WorkflowKind[] | null;
  states?: string[] | null;
};

/** A feed item's source/cluster against a LiveFilter; the kinds come from the registry. */
function passes(
  filter: Filter | null | undefined,
  item: { sourceId: string; clusterNativeId?: string; nativeId?: string },
  kindOf: (sourceId: string) => string,
  isCluster = false,
): boolean {
  if (!filter) return true;
  if (filter.sourceIds?.length && !filter.sourceIds.includes(item.sourceId)) return false;
  if (filter.sourceKinds?.length && !filter.sourceKinds.includes(kindOf(item.sourceId).toUpperCase())) return false;
  if (filter.clusterId) {
    const id = decodeGlobalId(filter.clusterId);
    const cluster = isCluster ? item.nativeId : item.clusterNativeId;
    if (id.sourceId !== item.sourceId || id.nativeId !== cluster) return false;
  }
  return true;
}

/**
 * A feed's deliveries as the subscription's payloads. Each update is resolved with the
 * vendor reads it shares with its other subscribers (fresh per update, see
 * workflows/reads.ts) in place of the subscription's own, which would otherwise keep
 * serving what its first update read; an error that ends the feed (a subscriber too
 * slow) is its last payload, and the resolver raises it.
 */
async function* payloads<T>(ctx: GatewayContext, feed: AsyncIterable<Delivered<T>>): AsyncGenerator<T | GatewayError> {
  for await (const delivered of feed) {
    if ('error' in delivered) {
      yield delivered.error;
      return;
    }
    const { reads } = delivered;
    ctx.scope = reads.scope;
    ctx.session = (sourceId) => reads.session(sourceId);
    ctx.problems = [];
    yield delivered.item;
  }
}

function payload<T>(item: T | GatewayError): T {
  if (item instanceof GatewayError) throw item;
  return item;
}

builder.subscriptionType({
  description: 'Live feeds, over graphql-ws or SSE: each sends changes, never what a subscriber already has',
  fields: (t) => ({
    workflowProgress: t.field({
      type: WorkflowUpdateRef,
      description: 'The workflow now, then every change, ending after it succeeds, fails or is cancelled',
      args: { id: t.arg.id({ required: true, description: 'The workflow' }) },
      subscribe: (_root, args, ctx) => payloads(ctx, ctx.live.workflowProgress(String(args.id))),
      resolve: payload,
    }),
    workflowUpdates: t.field({
      type: WorkflowUpdateRef,
      description: 'Changes to any workflow on any source, including ones started outside Fleetgate',
      args: { filter: t.arg({ type: LiveFilter, description: 'Only what matches this; absent: everything' }) },
      subscribe: (_root, { filter }, ctx) =>
        payloads(
          ctx,
          ctx.live.workflowUpdates((u) => {
            const kindOf = (id: string) => ctx.registry.get(id).info.kind;
            if (!passes(filter, u.workflow, kindOf)) return false;
            if (filter?.workflowKinds?.length && !filter.workflowKinds.includes(u.workflow.kind)) return false;
            return !filter?.states?.length || filter.states.includes(u.workflow.state);
          }),
        ),
      resolve: payload,
    }),
    events: t.field({
      type: EventRef,
      description: 'New events as sources report them',
      args: { filter: t.arg({ type: LiveFilter, description: 'Only what matches this; absent: everything' }) },
      subscribe: (_root, { filter }, ctx) =>
        payloads(
          ctx,
          ctx.live.events((e: Event) => passes(filter, e, (id) => ctx.registry.get(id).info.kind)),
        ),
      resolve: payload,
    }),
    clusterStatusChanged: t.field({
      type: ClusterStatusChangeRef,
      description: 'A cluster’s normalized status changed',
      args: { filter: t.arg({ type: LiveFilter, description: 'Only what matches this; absent: everything' }) },
      subscribe: (_root, { filter }, ctx) =>
        payloads(
          ctx,
          ctx.live.clusterStatusChanged((c) => passes(filter, c.cluster, (id) => ctx.registry.get(id).info.kind, true)),
        ),
      resolve: payload,
    }),
  }),
});
