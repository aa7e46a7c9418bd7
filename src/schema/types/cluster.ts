import type { Cluster } from '../../model/entities.js';
import { clusterItems } from '../../lists/children.js';
import { type ClusterStatus, TERMINAL_WORKFLOW_STATES } from '../../model/status.js';
import { builder, nodeId } from '../builder.js';
import { addListField, clusterChildField } from '../lists.js';
import { nodeLoader } from '../nodes.js';
import { EndpointRef, LabelRef, ResourceUsageRef, SHARED } from './common.js';
import { ClusterKindEnum, ClusterStatusEnum } from './enums.js';
import { DeploymentRef, deploymentList } from './deployment.js';
import { EventRef, eventList } from './event.js';
import { HostRef, hostList } from './host.js';
import { SnapshotRef, snapshotList } from './snapshot.js';
import { SourceRef, sourceOfItem } from './source.js';
import { exposeGap } from '../gaps.js';
import { WorkflowRef } from './workflow.js';

export const ClusterRef = builder.objectRef<Cluster>('Cluster');

builder.node(ClusterRef, {
  description: 'A cluster on any source: a TiDB cluster, an HCI cluster, a DC/OS cluster, a DWS warehouse, an edge cluster',
  id: nodeId(ClusterRef),
  loadOne: nodeLoader('clusters'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: SHARED.source, resolve: sourceOfItem }),
    nativeId: t.exposeString('nativeId', { description: SHARED.nativeId }),
    name: t.exposeString('name', { description: 'The name the vendor shows' }),
    kind: t.expose('kind', { type: ClusterKindEnum, description: 'What sort of cluster it is; follows from the source’s kind' }),
    // Null, with an error at this field, where the calls that tell it failed (model/partial.ts).
    status: exposeGap(t, 'status', {
      type: ClusterStatusEnum,
      nullable: true,
      description: 'Normalized status, the same words for every vendor; null, with an error, where the calls that tell it failed',
    }),
    rawStatus: exposeGap(t, 'rawStatus', {
      type: 'String',
      nullable: true,
      description: `${SHARED.rawStatus}; null, with an error, where the calls that tell it failed`,
    }),
    version: t.exposeString('version', {
      nullable: true,
      description: 'Version of the software the cluster runs (TiDB, DWS, DC/OS, ...); null where the vendor does not say',
    }),
    region: t.exposeString('region', { nullable: true, description: 'Region it runs in; null where the vendor has no regions' }),
    zone: t.exposeString('zone', { nullable: true, description: 'Availability zone it runs in; null where the vendor has no zones' }),
    labels: exposeGap(t, 'labels', {
      type: [LabelRef],
      nullable: true,
      description:
        'Labels or tags (DWS tags, OTE-stack labels, TiEM tags); empty where it has none or the vendor has no labels; null, with an error, where the lookup failed',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was created; null where the vendor does not say' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When the vendor last changed it; null where the vendor does not say' }),
    endpoints: exposeGap(t, 'endpoints', {
      type: [EndpointRef],
      nullable: true,
      description: 'Addresses to connect to it; empty where the vendor lists none; null, with an error, where the call that tells them failed',
    }),
    nodeCount: exposeGap(t, 'nodeCount', { type: 'Int', nullable: true, description: 'Machines or nodes in it; null where the vendor does not count them' }),
    usage: exposeGap(t, 'usage', {
      type: ResourceUsageRef,
      nullable: true,
      description: 'CPU, memory and storage used and total; null where the vendor reports none',
    }),
    hosts: clusterChildField(t, hostList, HostRef),
    snapshots: clusterChildField(t, snapshotList, SnapshotRef),
    events: clusterChildField(t, eventList, EventRef),
    deployments: clusterChildField(t, deploymentList, DeploymentRef),
    activeWorkflows: t.field({
      type: [WorkflowRef],
      description: 'Workflows changing this cluster now, whoever started them',
      resolve: async (c, _a, ctx) => {
        const reader = ctx.session(c.sourceId).workflows;
        return reader ? (await clusterItems('workflows', reader, c.nativeId)).filter((w) => !TERMINAL_WORKFLOW_STATES.has(w.state)) : [];
      },
    }),
  }),
});

addListField({
  entity: 'clusters',
  typeName: 'Cluster',
  node: ClusterRef,
  plural: 'clusters',
  description: 'Clusters across every source',
  filterFields: (t) => ({ status: t.field({ type: [ClusterStatusEnum], description: 'Only clusters in one of these statuses' }) }),
  toFilter: (input: { status?: ClusterStatus[] | null }) => (input.status?.length ? { status: input.status } : {}),
});
