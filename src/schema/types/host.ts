import type { Host } from '../../model/entities.js';
import { builder, nodeId } from '../builder.js';
import { addClusterListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { LabelRef, ResourceUsageRef, SHARED } from './common.js';
import { HostStatusEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef, sourceOfItem } from './source.js';
import { exposeGap } from '../gaps.js';

export const HostRef = builder.objectRef<Host>('Host');

builder.node(HostRef, {
  description: 'A machine, VM or node that belongs to a cluster',
  id: nodeId(HostRef),
  loadOne: nodeLoader('hosts'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: SHARED.source, resolve: sourceOfItem }),
    cluster: t.field({ type: ClusterRef, nullable: true, description: SHARED.cluster, resolve: (h, _a, ctx) => clusterOf(ctx, h) }),
    nativeId: t.exposeString('nativeId', { description: SHARED.nativeId }),
    name: t.exposeString('name', { description: 'Host name or node name, as the vendor shows it' }),
    addresses: exposeGap(t, 'addresses', {
      type: ['String'],
      nullable: true,
      description: 'Its IP addresses; empty where the vendor lists none; null, with an error, where the call that tells them failed',
    }),
    role: exposeGap(t, 'role', {
      type: 'String',
      nullable: true,
      description: 'What it does in the cluster in the vendor’s words (e.g. TiKV, master, CN, DN); null where the vendor has no roles',
    }),
    status: t.expose('status', { type: HostStatusEnum, description: 'Normalized status, the same words for every vendor' }),
    rawStatus: t.exposeString('rawStatus', { description: SHARED.rawStatus }),
    os: t.exposeString('os', { nullable: true, description: 'Operating system; null where the vendor does not say' }),
    kernel: t.exposeString('kernel', { nullable: true, description: 'Kernel version; null where the vendor does not say' }),
    usage: t.expose('usage', {
      type: ResourceUsageRef,
      nullable: true,
      description: 'CPU, memory and storage used and total; null where the vendor reports none',
    }),
    labels: exposeGap(t, 'labels', {
      type: [LabelRef],
      nullable: true,
      description: 'Node labels (OTE-stack); empty where it has none or the vendor has no host labels; null, with an error, where the lookup failed',
    }),
  }),
});

export const hostList = addClusterListField({
  entity: 'hosts',
  typeName: 'Host',
  node: HostRef,
  plural: 'hosts',
  description: 'Hosts across every source',
  filterFields: (t) => ({ status: t.field({ type: [HostStatusEnum], description: 'Only hosts in one of these statuses' }) }),
  toFilter: (input: { status?: Host['status'][] | null }) => (input.status?.length ? { status: input.status } : {}),
});
