import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config.js';
import { NotFoundError, ValidationError } from '../../../src/model/errors.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import type { DcosVendor } from '../../../src/sources/dcos/vendor.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { dcosSimulator } from '../../../src/simulators/dcos/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { dcosAdapterOver } from './support.js';
import { failure, rejectionOf } from '../../helpers/rejection.js';
import { known } from '../../helpers/known.js';

/** DC/OS's own capabilities (vendor.ts) against the simulator: what each reads and sends, and how the vendor's refusals come back. */

const UNKNOWN_ID = '000000000000000000000000';
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq0MqNlTCDa1FbJm7x4i1oHzX8wQPlLs4n9e2M0c0Ve ops@fleetgate';

let sim: RunningSimulator;
let adapter: SourceAdapter;
let vendor: DcosVendor;

const build = (overrides: Partial<SourceConfig> = {}) => dcosAdapterOver(sim, overrides);
const scope = () => new RequestScope();
const routes = () => sim.stats().routes;
const writes = () => Object.entries(routes()).filter(([route]) => !route.startsWith('GET ') && route !== 'POST /v1/token').length;

beforeAll(async () => {
  sim = await startSimulator(dcosSimulator, { speed: 1, operationFailureRate: 0 });
  adapter = build();
  vendor = adapter.vendor as DcosVendor;
});
afterAll(async () => {
  await adapter.close();
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await adapter.probe();
  sim.resetStats();
});

/** A running cluster and its hosts, as the unified readers give them. */
async function runningCluster() {
  const s = adapter.session(scope());
  const cluster = (await s.clusters!.list({ status: ['RUNNING'] }))[0]!;
  return { cluster, hosts: await s.hosts!.byCluster!(cluster.nativeId) };
}

describe('component health', () => {
  it('gives each node its own components, from one call per cluster and request', async () => {
    const { cluster, hosts } = await runningCluster();
    sim.resetStats();
    const shared = scope();
    const byHost = await Promise.all(hosts.map((h) => vendor.hostComponents(shared, cluster.nativeId, known(h.addresses))));
    expect(routes()['GET /v1/cluster/{cluster_id}/components']).toBe(1);
    const master = hosts.findIndex((h) => h.role === 'master');
    const agent = hosts.findIndex((h) => h.role !== 'master');
    expect(byHost[master]!.map((c) => c.name)).toEqual(expect.arrayContaining(['marathon', 'mesosmaster', 'genresolvconf']));
    expect(byHost[agent]!.map((c) => c.name)).toEqual(expect.arrayContaining(['mesosslave', 'genresolvconf']));
    expect(byHost[agent]!.map((c) => c.name)).not.toContain('marathon');
    for (const c of byHost.flat()) expect(c.healthy).toBe(c.rawStatus === 'Healthy');
  });

  it('answers none for a node of a cluster with no running master, which the vendor refuses to list', async () => {
    const installing = (await adapter.session(scope()).clusters!.list({ status: ['CREATING'] }))[0]!;
    const hosts = await adapter.session(scope()).hosts!.byCluster!(installing.nativeId);
    expect(await vendor.hostComponents(scope(), installing.nativeId, known(hosts[0]?.addresses ?? []))).toEqual([]);
    expect(routes()['GET /v1/cluster/{cluster_id}/components']).toBe(1);
  });

  it('passes on any other failure, as a gap', async () => {
    expect((await failure(vendor.hostComponents(scope(), UNKNOWN_ID, []))).detail.vendorCode).toBe('E50004');
  });
});

describe('docker registries', () => {
  it('lists the catalogue, adds one owned by the logged-in user, and deletes it', async () => {
    const before = await vendor.registries(scope());
    expect(before.some((r) => r.inUse)).toBe(true);
    expect(await vendor.createRegistry(scope(), { name: 'mirror', address: 'mirror.example.com:5000', username: 'pull', password: 'secret' })).toEqual({});
    const added = (await vendor.registries(scope())).find((r) => r.name === 'mirror')!;
    expect(added).toMatchObject({ address: 'mirror.example.com:5000', username: 'pull', inUse: false, system: false, ownerId: expect.any(String) });
    await vendor.deleteRegistry(scope(), added.nativeId);
    expect((await vendor.registries(scope())).map((r) => r.nativeId)).toEqual(before.map((r) => r.nativeId));
  });

  it('answers NotFoundError for an unknown registry, and passes on the refusal to delete one in use', async () => {
    expect(await rejectionOf(vendor.deleteRegistry(scope(), UNKNOWN_ID), NotFoundError)).toMatchObject({ type: 'DcosDockerRegistry', id: UNKNOWN_ID });
    expect(await rejectionOf(vendor.deleteRegistry(scope(), 'nope'), NotFoundError)).toMatchObject({ id: 'nope' });
    const used = (await vendor.registries(scope())).find((r) => r.inUse)!;
    expect((await failure(vendor.deleteRegistry(scope(), used.nativeId))).detail.vendorCode).toBe('E50203');
  });

  it('attaches a registry to a cluster and detaches it; an id the cluster lacks names the argument', async () => {
    const { cluster } = await runningCluster();
    await vendor.createRegistry(scope(), { name: 'extra', address: 'extra.example.com' });
    const extra = (await vendor.registries(scope())).find((r) => r.name === 'extra')!;
    expect(await vendor.attach(scope(), cluster.nativeId, 'registry', [extra.nativeId], true)).toEqual({
      target: { type: 'Cluster', nativeId: cluster.nativeId },
    });
    expect((await vendor.registries(scope())).find((r) => r.name === 'extra')!.inUse).toBe(true);
    await vendor.attach(scope(), cluster.nativeId, 'registry', [extra.nativeId], false);
    expect((await vendor.registries(scope())).find((r) => r.name === 'extra')!.inUse).toBe(false);
    const err = await rejectionOf(vendor.attach(scope(), cluster.nativeId, 'registry', [extra.nativeId], false), ValidationError);
    expect(err.field).toBe('registryIds');
    expect((await rejectionOf(vendor.attach(scope(), cluster.nativeId, 'registry', [UNKNOWN_ID], true), ValidationError)).field).toBe('registryIds');
  });
});

describe('SSH public keys', () => {
  it('adds a key and installs it on a cluster, then removes it from the cluster', async () => {
    const { cluster } = await runningCluster();
    await vendor.addPublicKey(scope(), { name: 'ops', value: PUBLIC_KEY });
    const key = (await vendor.publicKeys(scope())).find((k) => k.name === 'ops')!;
    expect(key).toMatchObject({ value: PUBLIC_KEY, inUse: false, owner: expect.any(String) });
    await vendor.attach(scope(), cluster.nativeId, 'pubkey', [key.nativeId], true);
    expect((await vendor.publicKeys(scope())).find((k) => k.name === 'ops')!.inUse).toBe(true);
    await vendor.attach(scope(), cluster.nativeId, 'pubkey', [key.nativeId], false);
    expect((await vendor.publicKeys(scope())).find((k) => k.name === 'ops')!.inUse).toBe(false);
    expect(routes()['POST /v1/cluster/{cluster_id}/pubkey']).toBe(1);
    expect(routes()['DELETE /v1/cluster/{cluster_id}/pubkey']).toBe(1);
  });

  it('refuses a private key, and an owner it cannot tell, before sending anything', async () => {
    const err = await rejectionOf(
      vendor.addPublicKey(scope(), { name: 'oops', value: '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----' }),
      ValidationError,
    );
    expect(err.field).toBe('input.value');
    const token = await build({ credentials: { token: 'static' } });
    try {
      const viaToken = token.vendor as DcosVendor;
      expect((await rejectionOf(viaToken.addPublicKey(scope(), { name: 'k', value: PUBLIC_KEY }), ValidationError)).field).toBe('input.ownerId');
    } finally {
      await token.close();
    }
    expect(writes()).toBe(0);
  });
});

describe('SMTP servers', () => {
  it('adds a server, replaces its settings by id, and deletes it; never reading its password back', async () => {
    const [seeded] = await vendor.smtpServers(scope());
    expect(seeded).toEqual({ nativeId: expect.any(String), user: expect.any(String), address: expect.any(String) });
    await vendor.setSmtpServer(scope(), undefined, { user: 'alerts', address: 'mail.example.com:587', password: 'one' });
    const added = (await vendor.smtpServers(scope())).find((s) => s.address === 'mail.example.com:587')!;
    await vendor.setSmtpServer(scope(), added.nativeId, { user: 'alerts2', address: 'mail.example.com:465', password: 'two' });
    expect((await vendor.smtpServers(scope())).find((s) => s.nativeId === added.nativeId)).toEqual({
      nativeId: added.nativeId,
      user: 'alerts2',
      address: 'mail.example.com:465',
    });
    expect(routes()['PUT /v1/smtp/{smtp_id}']).toBe(1);
    await vendor.deleteSmtpServer(scope(), added.nativeId);
    expect((await vendor.smtpServers(scope())).map((s) => s.nativeId)).toEqual([seeded!.nativeId]);
    expect((await rejectionOf(vendor.deleteSmtpServer(scope(), added.nativeId), NotFoundError)).type).toBe('DcosSmtpServer');
  });

  it('passes on the vendor’s refusal of an address already configured', async () => {
    const [seeded] = await vendor.smtpServers(scope());
    expect((await failure(vendor.setSmtpServer(scope(), undefined, { user: 'x', address: seeded!.address, password: 'p' }))).detail.vendorCode).toBe('E50501');
  });
});

describe('providers', () => {
  it('lists every provider, or those of one type as the vendor filters them', async () => {
    const all = await vendor.providers(scope());
    expect(new Set(all.map((p) => p.type))).toEqual(new Set(['openstack', 'amazonec2', 'google']));
    const google = await vendor.providers(scope(), 'google');
    expect(google.length).toBeGreaterThan(0);
    expect(google.every((p) => p.type === 'google' && p.location !== undefined)).toBe(true);
    expect(sim.stats().urls).toHaveProperty(['GET /v1/provider?type=google&limit=0']);
  });
});
