import type { Snapshot } from '../../model/entities.js';
import { builder, nodeId } from '../builder.js';
import { addClusterListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { SHARED } from './common.js';
import { SnapshotStatusEnum, SnapshotTypeEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef, sourceOfItem } from './source.js';
import { timeRange, timeRangeFields } from './time-range.js';

export const SnapshotRef = builder.objectRef<Snapshot>('Snapshot');

builder.node(SnapshotRef, {
  description: 'A point-in-time copy of a cluster: DWS snapshots, HCI metadata snapshots, TiEM backups',
  id: nodeId(SnapshotRef),
  loadOne: nodeLoader('snapshots'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: SHARED.source, resolve: sourceOfItem }),
    cluster: t.field({
      type: ClusterRef,
      nullable: true,
      description: 'The cluster it was taken of; null where the vendor does not say, or the cluster is gone',
      resolve: (s, _a, ctx) => clusterOf(ctx, s),
    }),
    nativeId: t.exposeString('nativeId', { description: SHARED.nativeId }),
    name: t.exposeString('name', { description: 'The name the vendor shows' }),
    description: t.exposeString('description', { nullable: true, description: 'Free text given when it was taken; null where there is none' }),
    status: t.expose('status', { type: SnapshotStatusEnum, description: 'Normalized status, the same words for every vendor' }),
    rawStatus: t.exposeString('rawStatus', { description: SHARED.rawStatus }),
    type: t.expose('type', { type: SnapshotTypeEnum, description: 'Taken on request or by a schedule' }),
    sizeBytes: t.float({
      nullable: true,
      description: 'Size in bytes (a Float: sizes pass 2^31); null where the vendor does not say',
      resolve: (s) => s.sizeBytes ?? null,
    }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When taking it began; null where the vendor does not say' }),
    finishedAt: t.expose('finishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When taking it ended; null while it runs or where the vendor does not say',
    }),
  }),
});

export const snapshotList = addClusterListField({
  entity: 'snapshots',
  typeName: 'Snapshot',
  node: SnapshotRef,
  plural: 'snapshots',
  description: 'Snapshots and backups across every source',
  filterFields: (t) => ({
    status: t.field({ type: [SnapshotStatusEnum], description: 'Only snapshots in one of these statuses' }),
    ...timeRangeFields(t, 'started'),
  }),
  toFilter: (input: { status?: Snapshot['status'][] | null; since?: string | null; until?: string | null }) => ({
    ...(input.status?.length ? { status: input.status } : {}),
    ...timeRange(input),
  }),
});
