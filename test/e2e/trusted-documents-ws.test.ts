import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_TOKEN, type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

const SOURCES = 'query Sources { sources { sourceId } }';
const CLUSTERS = 'query Names { clusters(first: 1) { edges { node { name } } } }';
const VIEWER_TOKEN = 'ws-viewer-token';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const byHash = (query: string) => ({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

/** One operation over graphql-ws: its single result, or the errors it was refused with. */
function runOver(client: Client, payload: { query: string; extensions?: Record<string, unknown> }) {
  return new Promise<{ data?: any; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
    let result: { data?: any } = {};
    client.subscribe(payload, {
      next: (msg) => (result = msg as typeof result),
      error: (errors) => (Array.isArray(errors) ? resolve({ errors }) : reject(errors)),
      complete: () => resolve(result),
    });
  });
}

describe('trusted documents over graphql-ws', () => {
  let demo: DemoGateway;
  const clients: Client[] = [];
  const connect = (token: string) => {
    const client = createClient({
      url: `${demo.gateway.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${token}` },
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fleetgate-trusted-ws-')), 'manifest.json');
    writeFileSync(file, JSON.stringify({ [sha256(SOURCES)]: SOURCES }));
    demo = await startDemoGateway({
      server: {
        tokens: [
          { name: 'ada', role: 'admin', token: ADMIN_TOKEN },
          { name: 'vic', role: 'viewer', token: VIEWER_TOKEN },
        ],
        trustedDocuments: { file, allowArbitrary: ['admin'] },
      },
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await demo?.close();
  });

  it('runs a registered operation named by its hash', async () => {
    const result = await runOver(connect(VIEWER_TOKEN), byHash(SOURCES));
    expect(result.errors).toBeUndefined();
    expect(result.data.sources.map((s: { sourceId: string }) => s.sourceId).sort()).toEqual(demo.config.sources.map((s) => s.id).sort());
  });

  it('refuses a viewer’s own query and an unknown hash, with the HTTP path’s codes', async () => {
    const viewer = connect(VIEWER_TOKEN);
    expect((await runOver(viewer, { query: CLUSTERS })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect((await runOver(viewer, byHash(CLUSTERS))).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('lets the roles in allowArbitrary send their own', async () => {
    const result = await runOver(connect(ADMIN_TOKEN), { query: CLUSTERS });
    expect(result.errors).toBeUndefined();
    expect(result.data.clusters.edges).toHaveLength(1);
  });
});
