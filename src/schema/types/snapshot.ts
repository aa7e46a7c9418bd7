import type { Snapshot } from '../../model/entities.js';
import { builder, localId } from '../builder.js';
import { addListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { SnapshotStatusEnum, SnapshotTypeEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef } from './source.js';
import { timeRange, timeRangeFields } from './time-range.js';

export const SnapshotRef = builder.objectRef<Snapshot>('Snapshot');

builder.node(SnapshotRef, {
  description: 'A point-in-time copy of a cluster: DWS snapshots, HCI metadata snapshots, TiEM backups',
  id: { resolve: localId },
  loadOne: nodeLoader('snapshots'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, resolve: (s, _a, ctx) => ctx.registry.get(s.sourceId) }),
    cluster: t.field({ type: ClusterRef, nullable: true, resolve: (s, _a, ctx) => clusterOf(ctx, s) }),
    nativeId: t.exposeString('nativeId'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    status: t.expose('status', { type: SnapshotStatusEnum }),
    rawStatus: t.exposeString('rawStatus'),
    type: t.expose('type', { type: SnapshotTypeEnum }),
    sizeBytes: t.float({ nullable: true, description: 'Bytes (a Float: sizes pass 2^31)', resolve: (s) => s.sizeBytes ?? null }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

addListField({
  entity: 'snapshots',
  typeName: 'Snapshot',
  node: SnapshotRef,
  description: 'Snapshots and backups across every source',
  filterFields: (t) => ({ status: t.field({ type: [SnapshotStatusEnum] }), ...timeRangeFields(t, 'started') }),
  toFilter: (input: { status?: Snapshot['status'][] | null; since?: string | null; until?: string | null }) => ({
    ...(input.status?.length ? { status: input.status } : {}),
    ...timeRange(input),
  }),
});
