import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../../src/config.js';

const source = { id: 'dws-prod', kind: 'dws', url: 'https://dws.example.com', credentials: { password: { env: 'DWS_PASSWORD' } } };

describe('config', () => {
  it('resolves secrets from env vars and files, with defaults filled in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-'));
    writeFileSync(join(dir, 'user'), 'demo\n');
    const config = parseConfig(
      { sources: [{ ...source, credentials: { password: { env: 'DWS_PASSWORD' }, user: { file: join(dir, 'user') } } }] },
      { DWS_PASSWORD: 's3cret' },
    );
    expect(config.sources[0]).toMatchObject({ id: 'dws-prod', name: 'dws-prod', timeoutMs: 10_000, retries: 2, credentials: { password: 's3cret', user: 'demo' } });
    expect(config.port).toBe(4000);
  });

  it.each([
    [{ sources: [] }, 'sources: list at least one source'],
    [{ sources: [{ ...source, kind: 'oracle' }] }, 'sources[0].kind'],
    [{ sources: [{ ...source, url: 'ftp://x' }] }, 'sources[0].url'],
    [{ sources: [{ ...source, id: 'Bad Id' }] }, 'sources[0].id'],
    [{ sources: [source, source] }, 'sources[1].id: "dws-prod" is used by two sources'],
    [{ sources: [{ ...source, credentials: { password: 'literal' } }] }, 'sources[0].credentials.password'],
    [{ sources: [{ ...source, timeoutMs: 5 }] }, 'sources[0].timeoutMs'],
    [{ sources: [source], extra: 1 }, '(config)'],
  ])('names the bad field in %j', (doc, field) => {
    expect(() => parseConfig(doc, { DWS_PASSWORD: 'x' })).toThrow(field);
  });

  it('says which env var is missing', () => {
    expect(() => parseConfig({ sources: [source] }, {})).toThrow('sources[0].credentials.password: environment variable DWS_PASSWORD is not set');
  });

  it('reads YAML and JSON files and names a file it cannot parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-'));
    writeFileSync(join(dir, 'a.yaml'), 'sources:\n  - id: t\n    kind: hci\n    url: http://127.0.0.1:9990\n');
    writeFileSync(join(dir, 'b.json'), '{"sources": [{"id": "t", "kind": "hci", "url": "http://127.0.0.1:9990"}]}');
    writeFileSync(join(dir, 'c.json'), '{"sources": [');
    expect(loadConfigFile(join(dir, 'a.yaml'), {}).sources[0]?.kind).toBe('hci');
    expect(loadConfigFile(join(dir, 'b.json'), { PORT: '4100' }).port).toBe(4100);
    expect(() => loadConfigFile(join(dir, 'c.json'), {})).toThrow(/c\.json: not valid JSON/);
    expect(() => loadConfigFile(join(dir, 'missing.yaml'), {})).toThrow(/ENOENT/);
  });
});
