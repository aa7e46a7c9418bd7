import type { Host } from '../../model/entities.js';
import { builder, localId } from '../builder.js';
import { addListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { LabelRef, ResourceUsageRef } from './common.js';
import { HostStatusEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef } from './source.js';

export const HostRef = builder.objectRef<Host>('Host');

builder.node(HostRef, {
  description: 'A machine, VM or node that belongs to a cluster',
  id: { resolve: localId },
  loadOne: nodeLoader('hosts'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, resolve: (h, _a, ctx) => ctx.registry.get(h.sourceId) }),
    cluster: t.field({ type: ClusterRef, nullable: true, resolve: (h, _a, ctx) => clusterOf(ctx, h) }),
    nativeId: t.exposeString('nativeId'),
    name: t.exposeString('name'),
    addresses: t.exposeStringList('addresses', { nullable: true }),
    role: t.exposeString('role', { nullable: true }),
    status: t.expose('status', { type: HostStatusEnum }),
    rawStatus: t.exposeString('rawStatus'),
    os: t.exposeString('os', { nullable: true }),
    kernel: t.exposeString('kernel', { nullable: true }),
    usage: t.expose('usage', { type: ResourceUsageRef, nullable: true }),
    // Null, with an error at this field, where the label lookups failed (model/partial.ts).
    labels: t.expose('labels', { type: [LabelRef], nullable: true }),
  }),
});

addListField({
  entity: 'hosts',
  typeName: 'Host',
  node: HostRef,
  description: 'Hosts across every source',
  filterFields: (t) => ({ status: t.field({ type: [HostStatusEnum] }) }),
  toFilter: (input: { status?: Host['status'][] | null }) => (input.status?.length ? { status: input.status } : {}),
});
