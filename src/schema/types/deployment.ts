import type { Deployment, DeploymentRevision, ReplicaCounts } from '../../model/entities.js';
import { builder, localId } from '../builder.js';
import { addListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { DeploymentStatusEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef } from './source.js';

const ReplicaCountsRef = builder.objectRef<ReplicaCounts>('ReplicaCounts').implement({
  fields: (t) => ({ running: t.exposeInt('running'), error: t.exposeInt('error'), total: t.exposeInt('total') }),
});

const DeploymentRevisionRef = builder.objectRef<DeploymentRevision>('DeploymentRevision').implement({
  fields: (t) => ({
    version: t.exposeString('version'),
    deployedAt: t.expose('deployedAt', { type: 'DateTime', nullable: true }),
  }),
});

export const DeploymentRef = builder.objectRef<Deployment>('Deployment');

builder.node(DeploymentRef, {
  description: 'An application deployed onto a cluster',
  id: { resolve: localId },
  loadOne: nodeLoader('deployments'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, resolve: (d, _a, ctx) => ctx.registry.get(d.sourceId) }),
    cluster: t.field({ type: ClusterRef, nullable: true, resolve: (d, _a, ctx) => clusterOf(ctx, d) }),
    nativeId: t.exposeString('nativeId'),
    name: t.exposeString('name'),
    application: t.exposeString('application', { nullable: true }),
    version: t.exposeString('version', { nullable: true }),
    status: t.expose('status', { type: DeploymentStatusEnum }),
    rawStatus: t.exposeString('rawStatus'),
    replicas: t.expose('replicas', { type: ReplicaCountsRef, nullable: true }),
    history: t.expose('history', { type: [DeploymentRevisionRef] }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
  }),
});

addListField({
  entity: 'deployments',
  typeName: 'Deployment',
  node: DeploymentRef,
  description: 'Deployments across every source',
  filterFields: (t) => ({ status: t.field({ type: [DeploymentStatusEnum] }) }),
  toFilter: (input: { status?: Deployment['status'][] | null }) => (input.status?.length ? { status: input.status } : {}),
});
