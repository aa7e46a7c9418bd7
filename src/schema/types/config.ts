import type { Limits } from '../../config.js';
import { builder } from '../builder.js';
import { SourceRef } from './source.js';

const LimitsRef = builder.objectRef<Limits>('Limits').implement({
  fields: (t) => ({
    maxDepth: t.exposeInt('maxDepth'),
    maxAliases: t.exposeInt('maxAliases'),
    maxTokens: t.exposeInt('maxTokens'),
    maxPageSize: t.exposeInt('maxPageSize'),
    maxFanout: t.exposeInt('maxFanout'),
    maxBodyBytes: t.exposeInt('maxBodyBytes'),
    requestTimeoutMs: t.exposeInt('requestTimeoutMs', { description: 'Time a request has to arrive whole, headers and body' }),
  }),
});

interface SourceSettings {
  sourceId: string;
  timeoutMs: number;
  retries: number;
  concurrency: number;
  credentialNames: string[];
}

const SourceSettingsRef = builder.objectRef<SourceSettings>('SourceSettings').implement({
  description: 'How a source is configured; credential values are never shown, only which ones are set',
  fields: (t) => ({
    source: t.field({ type: SourceRef, resolve: (s, _a, ctx) => ctx.registry.get(s.sourceId) }),
    timeoutMs: t.exposeInt('timeoutMs'),
    retries: t.exposeInt('retries'),
    concurrency: t.exposeInt('concurrency'),
    credentialNames: t.exposeStringList('credentialNames'),
  }),
});

const GatewaySettingsRef = builder.objectRef<{ limits: Limits; sources: SourceSettings[] }>('GatewaySettings').implement({
  fields: (t) => ({
    limits: t.expose('limits', { type: LimitsRef }),
    sources: t.expose('sources', { type: [SourceSettingsRef] }),
  }),
});

builder.queryFields((t) => ({
  settings: t.field({
    type: GatewaySettingsRef,
    description: 'The running configuration, secrets left out (admin only)',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => ({
      limits: ctx.settings.limits,
      sources: ctx.settings.sources.map((s) => ({
        sourceId: s.id,
        timeoutMs: s.timeoutMs,
        retries: s.retries,
        concurrency: s.concurrency,
        credentialNames: Object.keys(s.credentials).sort(),
      })),
    }),
  }),
}));
