import type { SourceAdapter } from '../../sources/adapter.js';
import { builder, nodeId, splitLocalId } from '../builder.js';
import { SourceHealthEnum, SourceKindEnum } from './enums.js';
import { NotFoundError } from '../../model/errors.js';
import { encodeGlobalId } from '../../model/ids.js';
import { sourceMessageFor } from '../../plugins/vendor-detail.js';

const SourceErrorInfo = builder
  .objectRef<{ code: string; message: string; at: string }>('SourceErrorInfo')
  .implement({
    description: 'The latest failure of a call to a source',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Why, as a stable code: SOURCE_TIMEOUT, SOURCE_UNAVAILABLE, ...' }),
      message: t.exposeString('message', { description: 'Why, for people' }),
      at: t.expose('at', { type: 'DateTime', description: 'When it failed' }),
    }),
  });

export const EntityTypeEnum = builder.enumType('EntityType', {
  description: 'A kind of object a source may have, named as its top-level list is',
  values: {
    CLUSTERS: { description: 'Clusters' },
    HOSTS: { description: 'Hosts' },
    SNAPSHOTS: { description: 'Snapshots and backups' },
    EVENTS: { description: 'Events, alarms and operation logs' },
    DEPLOYMENTS: { description: 'Application deployments' },
    WORKFLOWS: { description: 'Workflows (long-running changes)' },
  } as const,
});

export const SourceRef = builder.objectRef<SourceAdapter>('Source');

builder.node(SourceRef, {
  description: 'A configured backend: one vendor API endpoint with its own credentials',
  id: nodeId(SourceRef, (s) => ({ sourceId: s.info.id, nativeId: s.info.id })),
  loadOne: (local, ctx) => {
    // A source's id names it twice (source and native id alike): any other pair is no source.
    const { sourceId, nativeId } = splitLocalId(local);
    if (nativeId !== sourceId || !ctx.registry.has(sourceId)) throw new NotFoundError('Source', encodeGlobalId({ type: 'Source', sourceId, nativeId }));
    return ctx.registry.get(sourceId);
  },
  fields: (t) => ({
    sourceId: t.string({ description: 'The id the config gives this source', resolve: (s) => s.info.id }),
    kind: t.field({ type: SourceKindEnum, description: 'The vendor API it speaks', resolve: (s) => s.info.kind.toUpperCase() as never }),
    name: t.string({ description: 'Its display name from the config (the id where none is given)', resolve: (s) => s.info.name }),
    url: t.string({
      nullable: true,
      description: 'The vendor API’s base URL (operators and admins)',
      authScopes: { operator: true },
      resolve: (s) => s.info.url,
    }),
    health: t.field({ type: SourceHealthEnum, description: 'How its recent calls went', resolve: (s) => s.health().health }),
    latencyMs: t.float({ nullable: true, description: 'Recent mean latency of successful vendor calls, in milliseconds; null before the first success', resolve: (s) => s.health().latencyMs ?? null }),
    lastError: t.field({
      type: SourceErrorInfo,
      nullable: true,
      description: 'The latest failed call, null when none has failed since start; what the vendor said is for operators and admins, viewers get the code’s summary',
      resolve: (s, _args, ctx) => {
        const error = s.health().lastError;
        return error ? { ...error, message: sourceMessageFor(ctx.viewer, { sourceId: s.info.id, ...error }) } : null;
      },
    }),
    lastSuccessAt: t.field({ type: 'DateTime', nullable: true, description: 'When a call last succeeded; null before the first success', resolve: (s) => s.health().lastSuccessAt ?? null }),
    capabilities: t.field({
      type: [EntityTypeEnum],
      description: 'The kinds of object this source has',
      resolve: (s) => s.capabilities.entities.map((e) => e.toUpperCase() as never),
    }),
  }),
});

builder.queryFields((t) => ({
  sources: t.field({
    type: [SourceRef],
    description: 'Every configured source, in config order',
    resolve: (_root, _args, ctx) => [...ctx.registry.adapters],
  }),
}));
