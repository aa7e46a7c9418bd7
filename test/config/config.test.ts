import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../../src/config.js';

const source = { id: 'dws-prod', kind: 'dws', url: 'https://dws.example.com', credentials: { password: { env: 'DWS_PASSWORD' } } };
const tokens = [{ name: 'ops', role: 'operator', token: { env: 'FG_TOKEN' } }];
const ENV = { DWS_PASSWORD: 'x', FG_TOKEN: 't0k3n' };

describe('config', () => {
  it('resolves secrets from env vars and files, with defaults filled in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-'));
    writeFileSync(join(dir, 'user'), 'demo\n');
    const config = parseConfig(
      { tokens, sources: [{ ...source, credentials: { password: { env: 'DWS_PASSWORD' }, user: { file: join(dir, 'user') } } }] },
      { ...ENV, DWS_PASSWORD: 's3cret' },
    );
    expect(config.sources[0]).toMatchObject({
      id: 'dws-prod',
      name: 'dws-prod',
      timeoutMs: 10_000,
      retries: 2,
      credentials: { password: 's3cret', user: 'demo' },
    });
    expect(config.port).toBe(4000);
    expect(config.tokens).toEqual([{ name: 'ops', role: 'operator', token: 't0k3n' }]);
    expect(config.limits.maxPageSize).toBe(200);
    expect(config.sources[0]!.cache).toBeUndefined();
    expect(parseConfig({ tokens, sources: [{ ...source, cache: { ttlMs: 2_000 } }] }, ENV).sources[0]).toMatchObject({ cache: { ttlMs: 2_000 } });
  });

  it.each([
    [{ tokens, sources: [] }, 'sources: list at least one source'],
    [{ tokens, sources: [{ ...source, kind: 'oracle' }] }, 'sources[0].kind'],
    [{ tokens, sources: [{ ...source, url: 'ftp://x' }] }, 'sources[0].url'],
    [{ tokens, sources: [{ ...source, id: 'Bad Id' }] }, 'sources[0].id'],
    [{ tokens, sources: [source, source] }, 'sources[1].id: "dws-prod" is used by two sources'],
    [{ tokens, sources: [{ ...source, credentials: { password: 'literal' } }] }, 'sources[0].credentials.password'],
    [{ tokens, sources: [{ ...source, timeoutMs: 5 }] }, 'sources[0].timeoutMs'],
    [{ tokens, sources: [{ ...source, cache: { ttlMs: 0 } }] }, 'sources[0].cache.ttlMs'],
    [{ tokens, sources: [{ ...source, cache: { ttl: 1000 } }] }, 'sources[0].cache'],
    [{ tokens, sources: [source], extra: 1 }, '(config)'],
    [{ sources: [source] }, 'tokens'],
    [{ tokens: [{ name: 'x', role: 'root', token: { env: 'FG_TOKEN' } }], sources: [source] }, 'tokens[0].role'],
    [{ tokens, sources: [source], server: { limits: { maxPageSize: 0 } } }, 'server.limits.maxPageSize'],
    [{ tokens, sources: [source], poll: { minIntervalMs: 5_000, maxIntervalMs: 1_000 } }, 'poll.maxIntervalMs: must not be less than minIntervalMs'],
    [{ tokens, sources: [source], redis: { prefix: 'two words' } }, 'redis.prefix'],
    [{ tokens, sources: [source], server: { cors: { origins: ['https://app.example.com/'] } } }, 'server.cors.origins[0]: must be an origin'],
    [{ tokens, sources: [source], server: { cors: { origins: ['*'] } } }, 'server.cors.origins[0]: must be an origin'],
    [{ tokens, sources: [source], server: { hosts: ['gw.example.com:4000'] } }, 'server.hosts[0]: must be a host name'],
    [{ tokens, sources: [source], server: { hosts: [] } }, 'server.hosts: list at least one'],
    [{ tokens, sources: [source], server: { limits: { requestTimeoutMs: 10 } } }, 'server.limits.requestTimeoutMs'],
  ])('names the bad field in %j', (doc, field) => {
    expect(() => parseConfig(doc, ENV)).toThrow(field);
  });

  it('takes Redis from the file, else from REDIS_URL, and poll intervals with defaults', () => {
    const fromEnv = parseConfig({ tokens, sources: [source], redis: { prefix: 'fg-blue:' } }, { ...ENV, REDIS_URL: 'redis://env:6379' });
    expect(fromEnv).toMatchObject({ redisUrl: 'redis://env:6379', redisPrefix: 'fg-blue:', poll: { minIntervalMs: 1_000, maxIntervalMs: 10_000 } });
    const fromFile = parseConfig(
      { tokens, sources: [source], redis: { url: { env: 'R' } }, poll: { minIntervalMs: 200 } },
      { ...ENV, R: 'redis://file:6379', REDIS_URL: 'redis://env:6379' },
    );
    expect(fromFile).toMatchObject({ redisUrl: 'redis://file:6379', poll: { minIntervalMs: 200, maxIntervalMs: 10_000 } });
    expect(fromFile.redisPrefix).toBeUndefined();
  });

  it('grants no origin and answers loopback names and the listening host unless told otherwise', () => {
    const defaults = parseConfig({ tokens, sources: [source] }, ENV);
    expect(defaults).toMatchObject({ corsOrigins: [], hosts: ['localhost', '127.0.0.1', '::1'], limits: { requestTimeoutMs: 30_000 } });
    expect(parseConfig({ tokens, sources: [source], server: { host: '10.0.0.7' } }, ENV).hosts).toEqual(['localhost', '127.0.0.1', '::1', '10.0.0.7']);
    const told = parseConfig({ tokens, sources: [source], server: { hosts: ['GW.example.com'], cors: { origins: ['https://app.example.com'] } } }, ENV);
    expect(told).toMatchObject({ hosts: ['gw.example.com'], corsOrigins: ['https://app.example.com'] });
  });

  it('says which env var is missing', () => {
    expect(() => parseConfig({ tokens, sources: [source] }, { FG_TOKEN: 'x' })).toThrow(
      'sources[0].credentials.password: environment variable DWS_PASSWORD is not set',
    );
  });

  it('reads YAML and JSON files and names a file it cannot parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-'));
    writeFileSync(
      join(dir, 'a.yaml'),
      'tokens:\n  - { name: ops, role: admin, token: { env: FG_TOKEN } }\nsources:\n  - id: t\n    kind: hci\n    url: http://127.0.0.1:9990\n',
    );
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ tokens, sources: [{ id: 't', kind: 'hci', url: 'http://127.0.0.1:9990' }] }));
    writeFileSync(join(dir, 'c.json'), '{"sources": [');
    expect(loadConfigFile(join(dir, 'a.yaml'), ENV).sources[0]?.kind).toBe('hci');
    expect(loadConfigFile(join(dir, 'b.json'), { ...ENV, PORT: '4100' }).port).toBe(4100);
    expect(() => loadConfigFile(join(dir, 'c.json'), {})).toThrow(/c\.json: not valid JSON/);
    expect(() => loadConfigFile(join(dir, 'missing.yaml'), {})).toThrow(/ENOENT/);
  });
});
