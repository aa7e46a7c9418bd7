import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiKeys } from '../../src/auth.js';
import { ConfigError } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import { loadTrustedDocuments } from '../../src/plugins/trusted-documents.js';
import { schema } from '../../src/schema/index.js';
import { createGatewayYoga } from '../../src/server.js';
import { SourceRegistry } from '../../src/sources/registry.js';
import { LiveFeeds } from '../../src/workflows/live.js';
import { PollerHub } from '../../src/workflows/poller.js';
import { createLiveTransport } from '../../src/workflows/pubsub.js';
import { fakeSource } from '../helpers/fake-source.js';

const SOURCES = 'query Sources { sources { sourceId } }';
const CLUSTERS = 'query Names { clusters(first: 2) { edges { node { name } } } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function manifestFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fleetgate-trusted-')), 'manifest.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const keys = new ApiKeys([
  { name: 'ada', role: 'admin', token: 'admin-token' },
  { name: 'vic', role: 'viewer', token: 'viewer-token' },
]);

function gateway(path: string) {
  const registry = new SourceRegistry([fakeSource({ id: 'a', clusters: 3 }).adapter]);
  const yoga = createGatewayYoga({
    deps: { registry, live: new LiveFeeds(registry, createLiveTransport(), new PollerHub({ metrics: createMetrics() })) },
    logger: createLogger('silent'),
    graphiql: false,
    viewer: (h) => keys.viewerFor(h),
    trustedDocuments: { documents: loadTrustedDocuments(path, schema), allowArbitrary: ['admin'] },
  });
  return async (body: Record<string, unknown>, token = 'viewer-token') => {
    const res = await yoga.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
  };
}

const byHash = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

describe('trusted documents', () => {
  it('reads graphql-codegen’s and Apollo’s manifests alike', () => {
    const codegen = loadTrustedDocuments(manifestFile({ [sha256(SOURCES)]: SOURCES }), schema);
    const apollo = loadTrustedDocuments(
      manifestFile({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256(CLUSTERS), name: 'Names', type: 'query', body: CLUSTERS }],
      }),
      schema,
    );
    expect([...codegen.keys()]).toEqual([sha256(SOURCES)]);
    expect([...apollo.keys()]).toEqual([sha256(CLUSTERS)]);
  });

  it('stops the start on a manifest that cannot serve, naming the operation', () => {
    const broken = manifestFile({ good: SOURCES, stale: '{ clusters(first: 1) { edges { node { nameThatWasRemoved } } } }' });
    expect(() => loadTrustedDocuments(broken, schema)).toThrow(/server\.trustedDocuments\.file: operation stale is not valid against the schema/);
    expect(() => loadTrustedDocuments(manifestFile({ bad: '{ sources {' }), schema)).toThrow(/operation bad does not parse/);
    expect(() => loadTrustedDocuments(manifestFile('[1, 2]'), schema)).toThrow(ConfigError);
    expect(() => loadTrustedDocuments('/nonexistent/manifest.json', schema)).toThrow(/ENOENT/);
  });

  it('runs a registered operation by its hash and refuses any other, but for the roles allowed', async () => {
    const run = gateway(manifestFile({ [sha256(SOURCES)]: SOURCES }));
    const known = await run(byHash(SOURCES));
    expect(known.body.errors).toBeUndefined();
    expect(known.body.data.sources).toEqual([{ sourceId: 'a' }]);

    const unknown = await run(byHash(CLUSTERS));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const arbitrary = await run({ query: CLUSTERS });
    expect(arbitrary.status).toBe(400);
    expect(arbitrary.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');

    const asAdmin = await run({ query: CLUSTERS }, 'admin-token');
    expect(asAdmin.body.errors).toBeUndefined();
    expect(asAdmin.body.data.clusters.edges).toHaveLength(2);
  });
});
