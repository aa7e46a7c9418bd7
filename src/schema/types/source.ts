import type { GatewayContext } from '../../context.js';
import type { EntityName } from '../../model/entity-types.js';
import type { SourceKind } from '../../model/source-kind.js';
import type { SourceAdapter } from '../../sources/adapter.js';
import { builder, nodeId, splitLocalId } from '../builder.js';
import { SourceHealthEnum, SourceKindEnum } from './enums.js';
import { NotFoundError } from '../../model/errors.js';
import { encodeGlobalId } from '../../model/ids.js';
import { sourceMessageFor } from '../../plugins/vendor-detail.js';

const SourceErrorInfo = builder.objectRef<{ code: string; message: string; at: string }>('SourceErrorInfo').implement({
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

/**
 * A source as the schema serves it: what never changes about it (id, kind, name, what it
 * has) made once, as plain fields the executor reads without a resolver call (every item
 * of a list names its source), and its adapter for what changes (health, errors).
 */
export interface SourceView {
  readonly adapter: SourceAdapter;
  readonly sourceId: string;
  readonly kind: Uppercase<SourceKind>;
  readonly name: string;
  readonly capabilities: Uppercase<EntityName>[];
}

const views = new WeakMap<SourceAdapter, SourceView>();

export function sourceView(adapter: SourceAdapter): SourceView {
  let view = views.get(adapter);
  if (!view) {
    view = Object.freeze({
      adapter,
      sourceId: adapter.info.id,
      kind: adapter.info.kind.toUpperCase() as Uppercase<SourceKind>,
      name: adapter.info.name,
      capabilities: adapter.capabilities.entities.map((e) => e.toUpperCase() as Uppercase<EntityName>),
    });
    views.set(adapter, view);
  }
  return view;
}

/** The `source` field of anything a source holds. */
export const sourceOfItem = (item: { sourceId: string }, _args: unknown, ctx: GatewayContext): SourceView => sourceView(ctx.registry.get(item.sourceId));

export const SourceRef = builder.objectRef<SourceView>('Source');

builder.node(SourceRef, {
  description: 'A configured backend: one vendor API endpoint with its own credentials',
  id: nodeId(SourceRef, (s) => ({ sourceId: s.sourceId, nativeId: s.sourceId })),
  loadOne: (local, ctx) => {
    // A source's id names it twice (source and native id alike): any other pair is no source.
    const { sourceId, nativeId } = splitLocalId(local);
    if (nativeId !== sourceId || !ctx.registry.has(sourceId)) throw new NotFoundError('Source', encodeGlobalId({ type: 'Source', sourceId, nativeId }));
    // A copy: node(id) marks what it returns with its type, and the shared view is frozen.
    return { ...sourceView(ctx.registry.get(sourceId)) };
  },
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', { description: 'The id the config gives this source' }),
    kind: t.expose('kind', { type: SourceKindEnum, description: 'The vendor API it speaks' }),
    name: t.exposeString('name', { description: 'Its display name from the config (the id where none is given)' }),
    url: t.string({
      nullable: true,
      description: 'The vendor API’s base URL (operators and admins)',
      authScopes: { operator: true },
      resolve: (s) => s.adapter.info.url,
    }),
    health: t.field({ type: SourceHealthEnum, description: 'How its recent calls went', resolve: (s) => s.adapter.health().health }),
    latencyMs: t.float({
      nullable: true,
      description: 'Recent mean latency of successful vendor calls, in milliseconds; null before the first success',
      resolve: (s) => s.adapter.health().latencyMs ?? null,
    }),
    lastError: t.field({
      type: SourceErrorInfo,
      nullable: true,
      description:
        'The latest failed call, null when none has failed since start; what the vendor said is for operators and admins, viewers get the code’s summary',
      resolve: (s, _args, ctx) => {
        const error = s.adapter.health().lastError;
        return error ? { ...error, message: sourceMessageFor(ctx.viewer, { sourceId: s.sourceId, ...error }) } : null;
      },
    }),
    lastSuccessAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When a call last succeeded; null before the first success',
      resolve: (s) => s.adapter.health().lastSuccessAt ?? null,
    }),
    capabilities: t.expose('capabilities', { type: [EntityTypeEnum], description: 'The kinds of object this source has' }),
  }),
});

builder.queryFields((t) => ({
  sources: t.field({
    type: [SourceRef],
    description: 'Every configured source, in config order',
    resolve: (_root, _args, ctx) => ctx.registry.adapters.map(sourceView),
  }),
}));
