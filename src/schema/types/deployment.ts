import type { Deployment, DeploymentRevision, ReplicaCounts } from '../../model/entities.js';
import { builder, nodeId } from '../builder.js';
import { addClusterListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { SHARED } from './common.js';
import { DeploymentStatusEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef, sourceOfItem } from './source.js';

const ReplicaCountsRef = builder.objectRef<ReplicaCounts>('ReplicaCounts').implement({
  description: 'How many copies of a deployment run, over every cluster it is placed on',
  fields: (t) => ({
    running: t.exposeInt('running', { description: 'Copies running' }),
    error: t.exposeInt('error', { description: 'Copies that failed' }),
    total: t.exposeInt('total', { description: 'Copies wanted' }),
  }),
});

const DeploymentRevisionRef = builder.objectRef<DeploymentRevision>('DeploymentRevision').implement({
  description: 'A version a deployment ran, which rollbackDeployment can return to',
  fields: (t) => ({
    version: t.exposeString('version', { description: 'The application version' }),
    deployedAt: t.expose('deployedAt', { type: 'DateTime', nullable: true, description: 'When it was deployed; null where the vendor does not say' }),
  }),
});

export const DeploymentRef = builder.objectRef<Deployment>('Deployment');

builder.node(DeploymentRef, {
  description: 'An application deployed onto edge clusters (OTE-stack deployments)',
  id: nodeId(DeploymentRef),
  loadOne: nodeLoader('deployments'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: SHARED.source, resolve: sourceOfItem }),
    cluster: t.field({
      type: ClusterRef,
      nullable: true,
      description: 'The one cluster it runs on; null when it spans several (each lists it among its `deployments`) or none',
      resolve: (d, _a, ctx) => clusterOf(ctx, d),
    }),
    nativeId: t.exposeString('nativeId', { description: SHARED.nativeId }),
    name: t.exposeString('name', { description: 'The deployment’s name' }),
    application: t.exposeString('application', { nullable: true, description: 'The application it deploys; null where the vendor does not say' }),
    version: t.exposeString('version', { nullable: true, description: 'The application version deployed now; null where the vendor does not say' }),
    status: t.expose('status', { type: DeploymentStatusEnum, description: 'Normalized status, the same words for every vendor' }),
    rawStatus: t.exposeString('rawStatus', { description: SHARED.rawStatus }),
    replicas: t.expose('replicas', {
      type: ReplicaCountsRef,
      nullable: true,
      description: 'Copies running, failed and wanted; null where the vendor does not count them',
    }),
    history: t.expose('history', {
      type: [DeploymentRevisionRef],
      description:
        'Versions it has run that a rollback can return to; read with the deployment by id (`node`), empty in lists, whose vendor rows carry no history',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was created; null where the vendor does not say' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed; null where the vendor does not say' }),
  }),
});

export const deploymentList = addClusterListField({
  entity: 'deployments',
  typeName: 'Deployment',
  node: DeploymentRef,
  plural: 'deployments',
  description: 'Deployments across every source that has them (OTE-stack)',
  filterFields: (t) => ({ status: t.field({ type: [DeploymentStatusEnum], description: 'Only deployments in one of these statuses' }) }),
  toFilter: (input: { status?: Deployment['status'][] | null }) => (input.status?.length ? { status: input.status } : {}),
});
