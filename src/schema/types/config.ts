import type { Limits } from '../../config.js';
import { builder } from '../builder.js';
import { SourceRef, sourceOfItem } from './source.js';

const LimitsRef = builder.objectRef<Limits>('Limits').implement({
  description: 'What a request may ask for (server.limits); a request over any of them is refused before any vendor call',
  fields: (t) => ({
    maxDepth: t.exposeInt('maxDepth', { description: 'Deepest field nesting' }),
    maxAliases: t.exposeInt('maxAliases', { description: 'Most aliases in one operation' }),
    maxTokens: t.exposeInt('maxTokens', { description: 'Most tokens (names, punctuation, values) in one document' }),
    maxPageSize: t.exposeInt('maxPageSize', { description: 'Largest `first` or `last` on any connection' }),
    maxFanout: t.exposeInt('maxFanout', { description: 'Most vendor fetches a query may be estimated to need' }),
    maxBodyBytes: t.exposeInt('maxBodyBytes', { description: 'Largest request body, in bytes' }),
    requestTimeoutMs: t.exposeInt('requestTimeoutMs', { description: 'Time a request has to arrive whole, headers and body, in milliseconds' }),
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
    source: t.field({ type: SourceRef, description: 'The source', resolve: sourceOfItem }),
    timeoutMs: t.exposeInt('timeoutMs', { description: 'How long one vendor call may take, in milliseconds' }),
    retries: t.exposeInt('retries', { description: 'How often a failed read is retried' }),
    concurrency: t.exposeInt('concurrency', { description: 'Most vendor calls in flight at once where the vendor has no batch call' }),
    credentialNames: t.exposeStringList('credentialNames', {
      description: 'Which credentials are configured (user, password, ...), by name; never their values',
    }),
  }),
});

const GatewaySettingsRef = builder.objectRef<{ limits: Limits; sources: SourceSettings[] }>('GatewaySettings').implement({
  description: 'The running configuration, secrets left out',
  fields: (t) => ({
    limits: t.expose('limits', { type: LimitsRef, description: 'What a request may ask for' }),
    sources: t.expose('sources', { type: [SourceSettingsRef], description: 'How each source is configured, in config order' }),
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
