import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfigFile } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { type Gateway, startGateway } from '../../src/server.js';
import { type Fleet, startFleet } from '../../src/simulators/fleet.js';
import { ADAPTERS } from '../../src/sources/kinds.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The container setup users copy: compose.yaml's gateway environment with
 * deploy/fleetgate.yaml must make a gateway that signs in to every simulator, so the
 * credential names in both files stay the ones each adapter asks for.
 */
describe('compose.yaml with deploy/fleetgate.yaml', () => {
  let fleet: Fleet;
  let gateway: Gateway;
  beforeAll(async () => {
    const compose = parseYaml(readFileSync(`${root}/compose.yaml`, 'utf8')) as { services: { gateway: { environment: Record<string, string> } } };
    const env = { ...compose.services.gateway.environment, FLEETGATE_ADMIN_TOKEN: 'deploy-test-token', REDIS_URL: '' };
    const config = loadConfigFile(`${root}/deploy/fleetgate.yaml`, env);
    fleet = await startFleet({ clusters: 3, speed: 1, operationFailureRate: 0 });
    // The compose network's host names become the simulators started here.
    const sources = config.sources.map((s) => ({ ...s, url: fleet.simulators[s.kind].url }));
    gateway = await startGateway({ ...config, sources, port: 0, host: '127.0.0.1' }, { factories: ADAPTERS, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await gateway?.close();
    await fleet?.close();
  });

  it('serves every source with the credentials the files name', async () => {
    const res = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer deploy-test-token' },
      body: JSON.stringify({ query: '{ clusters(first: 50) { totalCount missingSources { sourceId } } }' }),
    });
    const body = (await res.json()) as { data: { clusters: { totalCount: number; missingSources: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.clusters).toEqual({ totalCount: 15, missingSources: [] });
  });
});
