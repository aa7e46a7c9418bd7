import { type DefaultConnectionArguments, resolveArrayConnection } from '@pothos/plugin-relay';
import type { GatewayContext } from '../../context.js';
import type { Cluster } from '../../model/entities.js';
import { TERMINAL_WORKFLOW_STATES } from '../../model/status.js';
import { builder, localId } from '../builder.js';
import { addListField } from '../lists.js';
import { childrenOf, nodeLoader } from '../nodes.js';
import { EndpointRef, LabelRef, ResourceUsageRef } from './common.js';
import { ClusterKindEnum, ClusterStatusEnum } from './enums.js';
import { DeploymentRef } from './deployment.js';
import { EventRef } from './event.js';
import { HostRef } from './host.js';
import { SnapshotRef } from './snapshot.js';
import { SourceRef } from './source.js';
import { WorkflowRef } from './workflow.js';

export const ClusterRef = builder.objectRef<Cluster>('Cluster');

/** A nested connection over one cluster's children of one kind, paged in memory. */
const children =
  <E extends 'hosts' | 'snapshots' | 'events' | 'deployments'>(entity: E) =>
  async (c: Cluster, args: DefaultConnectionArguments, ctx: GatewayContext) =>
    resolveArrayConnection({ args }, await childrenOf(ctx, entity, c));

builder.node(ClusterRef, {
  description: 'A cluster on any source: a TiDB cluster, an HCI cluster, a DC/OS cluster, a DWS warehouse, an edge cluster',
  id: { resolve: localId },
  loadOne: nodeLoader('clusters'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, resolve: (c, _a, ctx) => ctx.registry.get(c.sourceId) }),
    nativeId: t.exposeString('nativeId', { description: "The vendor's own id" }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: ClusterKindEnum }),
    // Null, with an error at this field, where the calls that tell it failed (model/partial.ts).
    status: t.expose('status', { type: ClusterStatusEnum, nullable: true }),
    rawStatus: t.exposeString('rawStatus', { description: 'The status in the vendor’s own words', nullable: true }),
    version: t.exposeString('version', { nullable: true }),
    region: t.exposeString('region', { nullable: true }),
    zone: t.exposeString('zone', { nullable: true }),
    labels: t.expose('labels', { type: [LabelRef], nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
    endpoints: t.expose('endpoints', { type: [EndpointRef], nullable: true }),
    nodeCount: t.exposeInt('nodeCount', { nullable: true }),
    usage: t.expose('usage', { type: ResourceUsageRef, nullable: true }),
    hosts: t.connection({ type: HostRef, resolve: children('hosts') }),
    snapshots: t.connection({ type: SnapshotRef, resolve: children('snapshots') }),
    events: t.connection({ type: EventRef, resolve: children('events') }),
    deployments: t.connection({ type: DeploymentRef, resolve: children('deployments') }),
    activeWorkflows: t.field({
      type: [WorkflowRef],
      description: 'Workflows changing this cluster now, whoever started them',
      resolve: async (c, _a, ctx) => (await childrenOf(ctx, 'workflows', c)).filter((w) => !TERMINAL_WORKFLOW_STATES.has(w.state)),
    }),
  }),
});

addListField({
  entity: 'clusters',
  typeName: 'Cluster',
  node: ClusterRef,
  description: 'Clusters across every source',
  filterFields: (t) => ({ status: t.field({ type: [ClusterStatusEnum] }) }),
  toFilter: (input: { status?: Cluster['status'][] | null }) => (input.status?.length ? { status: input.status } : {}),
});
