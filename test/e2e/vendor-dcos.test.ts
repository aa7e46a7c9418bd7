import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/model/ids.js';
import {
  ClusterPageDocument,
  CreateClusterDocument,
  DcosAddClusterDockerRegistriesDocument,
  DcosAddClusterPublicKeysDocument,
  DcosAddPublicKeyDocument,
  DcosCataloguesDocument,
  DcosCreateDockerRegistryDocument,
  DcosDeleteDockerRegistryDocument,
  DcosDeleteSmtpServerDocument,
  DcosRemoveClusterDockerRegistriesDocument,
  DcosRemoveClusterPublicKeysDocument,
  DcosSetSmtpServerDocument,
  HostComponentsDocument,
  HostPageDocument,
} from '../generated/operations.js';
import { ADMIN_TOKEN, OPERATOR_TOKEN, useRolesDemo, VIEWER_TOKEN } from '../helpers/gateway.js';
import { mutate } from '../helpers/mutations.js';
import { login } from '../simulators/dcos/support.js';

/** DC/OS's own capabilities through `/graphql`, against the demo's simulator: Host.details, the `dcos(sourceId:)` root, and the dcos* mutations with their roles. */

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq0MqNlTCDa1FbJm7x4i1oHzX8wQPlLs4n9e2M0c0Ve ops@fleetgate';

const demo = useRolesDemo();

const dcosRoutes = () => demo.vendorCalls().dcos?.routes ?? {};
const vendorWrites = () => Object.keys(dcosRoutes()).filter((route) => !route.startsWith('GET ') && route !== 'POST /v1/token');
/** The simulator's own answer, read with a login of our own. */
const vendor = async (path: string) => (await (await login(demo.fleet.simulators.dcos)).request('GET', path)).body;

async function catalogues(token = ADMIN_TOKEN) {
  const { data, errors } = await demo.run(DcosCataloguesDocument, { sourceId: 'dcos' }, token);
  expect(errors).toBeUndefined();
  return data!.dcos!;
}

async function runningCluster(): Promise<string> {
  const { data } = await demo.run(ClusterPageDocument, { first: 1, filter: { sourceIds: ['dcos'], status: ['RUNNING'] } });
  return data!.clusters.edges[0]!.node.id;
}

describe('Host.details on DC/OS hosts', () => {
  it('gives each running node its components’ health, one components call per cluster, to a viewer', async () => {
    const { data, errors } = await demo.run(HostComponentsDocument, { filter: { sourceIds: ['dcos'], status: ['ONLINE'] } }, VIEWER_TOKEN);
    const hosts = data!.hosts.edges.map((e) => e.node);
    expect(hosts.length).toBeGreaterThan(0);
    expect(errors).toBeUndefined();
    const clusters = new Set(hosts.map((h) => h.nativeId.split(':')[0]));
    const answered = hosts.filter((h) => h.details?.__typename === 'DcosHostDetails' && h.details.components !== null);
    expect(answered).toHaveLength(hosts.length);
    expect(dcosRoutes()['GET /v1/cluster/{cluster_id}/components']).toBe(clusters.size);
    for (const h of answered) {
      const names = h.details?.__typename === 'DcosHostDetails' ? (h.details.components ?? []).map((c) => c.name) : [];
      expect(names).toContain('genresolvconf');
      expect(names.includes('marathon')).toBe(h.role === 'master');
    }
    const [one] = answered;
    const components = (await vendor(`/v1/cluster/${one!.nativeId.split(':')[0]}/components`)).data.componentStatus as {
      imageName: string;
      ip: string;
      status: string;
    }[];
    const own = components
      .filter((c) => one!.addresses!.includes(c.ip))
      .map((c) => ({ name: c.imageName, healthy: c.status === 'Healthy', rawStatus: c.status }));
    expect(one!.details).toEqual({ __typename: 'DcosHostDetails', components: own });
  });

  it('is empty, not an error, on nodes of clusters with no running master', async () => {
    const { data, errors } = await demo.run(HostComponentsDocument, { filter: { sourceIds: ['dcos'] } });
    expect(errors).toBeUndefined();
    const idle = data!.hosts.edges.map((e) => e.node).filter((h) => h.status !== 'ONLINE' && h.details?.__typename === 'DcosHostDetails');
    expect(idle.some((h) => h.details?.__typename === 'DcosHostDetails' && h.details.components?.length === 0)).toBe(true);
  });

  it('is null on other vendors’ hosts, and costs no call unless selected', async () => {
    const { data } = await demo.run(HostComponentsDocument, { filter: { sourceIds: ['otestack'] } });
    const hosts = data!.hosts.edges.map((e) => e.node);
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.every((h) => h.details === null)).toBe(true);
    const page = await demo.run(HostPageDocument, { first: 100, filter: { sourceIds: ['dcos'] } });
    expect(page.data!.hosts.edges.length).toBeGreaterThan(0);
    expect(dcosRoutes()['GET /v1/cluster/{cluster_id}/components']).toBeUndefined();
  });
});

describe('dcos(sourceId:)', () => {
  it('lists registries, keys, SMTP servers and providers as the vendor has them, never their secrets, to a viewer', async () => {
    const [registries, keys, smtp, providers] = await Promise.all(['/v1/dockerregistries', '/v1/pubkey', '/v1/smtp', '/v1/provider'].map(vendor));
    demo.resetCounts();
    const root = await catalogues(VIEWER_TOKEN);
    expect(root.dockerRegistries.map((r) => [r.nativeId, r.address, r.inUse])).toEqual(registries.data.map((r: any) => [r._id, r.registry, r.isUse]));
    expect(root.publicKeys.map((k) => [k.nativeId, k.value])).toEqual(keys.data.map((k: any) => [k._id, k.pubkeyValue]));
    expect(root.smtpServers).toEqual(smtp.data.map((s: any) => ({ nativeId: s._id, user: s.name, address: s.address })));
    expect(root.providers.map((p) => [p.nativeId, p.type])).toEqual(providers.data.map((p: any) => [p._id, p.type.toUpperCase()]));
    for (const route of ['GET /v1/dockerregistries', 'GET /v1/pubkey', 'GET /v1/smtp', 'GET /v1/provider']) expect(dcosRoutes()[route]).toBe(1);
  });

  it('filters providers by type as the vendor does', async () => {
    const { data } = await demo.run(DcosCataloguesDocument, { sourceId: 'dcos', providerType: 'GOOGLE' });
    expect(data!.dcos!.providers.length).toBeGreaterThan(0);
    expect(data!.dcos!.providers.every((p) => p.type === 'GOOGLE')).toBe(true);
  });

  it('names the sourceId argument when it is no DC/OS source, and asks no vendor', async () => {
    const { data, errors } = await demo.run(DcosCataloguesDocument, { sourceId: 'otestack' });
    expect(data?.dcos ?? null).toBeNull();
    expect(errors?.[0]).toMatchObject({ message: expect.stringContaining('is a otestack source, not DC/OS'), extensions: { code: 'VALIDATION_FAILED' } });
    expect(Object.values(demo.vendorCalls()).reduce((n, s) => n + s.total, 0)).toBe(0);
  });
});

describe('dcos* mutations', () => {
  it('an operator adds a registry, lets a cluster pull from it, stops it, and deletes it', async () => {
    const created = await demo.run(
      DcosCreateDockerRegistryDocument,
      { sourceId: 'dcos', input: { name: 'e2e-mirror', address: 'mirror.e2e.local:5000' } },
      OPERATOR_TOKEN,
    );
    expect(created.data?.dcosCreateDockerRegistry).toMatchObject({ __typename: 'OperationPayload', targetId: null, workflow: null });
    const registry = (await catalogues()).dockerRegistries.find((r) => r.name === 'e2e-mirror')!;
    expect(registry).toMatchObject({ address: 'mirror.e2e.local:5000', inUse: false, system: false });

    const clusterId = await runningCluster();
    const added = await mutate(demo, DcosAddClusterDockerRegistriesDocument, { clusterId, registryIds: [registry.nativeId] });
    expect(added).toMatchObject({ __typename: 'OperationPayload', targetId: clusterId });
    expect((await catalogues()).dockerRegistries.find((r) => r.nativeId === registry.nativeId)!.inUse).toBe(true);
    const inUse = await mutate(demo, DcosDeleteDockerRegistryDocument, { sourceId: 'dcos', registryId: registry.nativeId });
    expect(inUse).toMatchObject({ __typename: 'SourceError', vendorCode: 'E50203', outcomeUnknown: false });

    await mutate(demo, DcosRemoveClusterDockerRegistriesDocument, { clusterId, registryIds: [registry.nativeId] });
    expect(await mutate(demo, DcosDeleteDockerRegistryDocument, { sourceId: 'dcos', registryId: registry.nativeId })).toMatchObject({
      __typename: 'OperationPayload',
    });
    expect((await catalogues()).dockerRegistries.some((r) => r.nativeId === registry.nativeId)).toBe(false);
    expect(await mutate(demo, DcosDeleteDockerRegistryDocument, { sourceId: 'dcos', registryId: registry.nativeId })).toEqual({
      __typename: 'NotFoundError',
      type: 'DcosDockerRegistry',
      id: registry.nativeId,
    });
  });

  it('createCluster pulls from the catalogue registries dcos.registryIds names', async () => {
    await mutate(demo, DcosCreateDockerRegistryDocument, { sourceId: 'dcos', input: { name: 'e2e-create', address: 'create.e2e.local' } });
    const registry = (await catalogues()).dockerRegistries.find((r) => r.name === 'e2e-create')!;
    const host = (ip: string) => ({ ip, sshUser: 'root', privateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----' });
    const created = await mutate(demo, CreateClusterDocument, {
      input: { sourceId: 'dcos', name: 'e2e-pulls', dcos: { masters: [host('172.31.9.1')], shared: [host('172.31.9.2')], registryIds: [registry.nativeId] } },
    });
    expect(created).toMatchObject({ __typename: 'OperationPayload' });
    expect((await catalogues()).dockerRegistries.find((r) => r.nativeId === registry.nativeId)!.inUse).toBe(true);
  });

  it('adds a public key and installs it on a cluster; an id the cluster lacks is a ValidationError naming publicKeyIds', async () => {
    expect(await mutate(demo, DcosAddPublicKeyDocument, { sourceId: 'dcos', input: { name: 'e2e-ops', value: PUBLIC_KEY } })).toMatchObject({
      __typename: 'OperationPayload',
    });
    const key = (await catalogues()).publicKeys.find((k) => k.name === 'e2e-ops')!;
    expect(key).toMatchObject({ value: PUBLIC_KEY, inUse: false });
    const clusterId = await runningCluster();
    await mutate(demo, DcosAddClusterPublicKeysDocument, { clusterId, publicKeyIds: [key.nativeId] });
    expect((await catalogues()).publicKeys.find((k) => k.nativeId === key.nativeId)!.inUse).toBe(true);
    await mutate(demo, DcosRemoveClusterPublicKeysDocument, { clusterId, publicKeyIds: [key.nativeId] });
    expect(await mutate(demo, DcosRemoveClusterPublicKeysDocument, { clusterId, publicKeyIds: [key.nativeId] })).toMatchObject({
      __typename: 'ValidationError',
      field: 'publicKeyIds',
    });
  });

  it('is an UnsupportedOperationError on another vendor, NOT_FOUND for a missing cluster, and refuses bad input before any write', async () => {
    const otherCluster = encodeGlobalId({ type: 'Cluster', sourceId: 'otestack', nativeId: 'c1' });
    expect(await mutate(demo, DcosAddClusterPublicKeysDocument, { clusterId: otherCluster, publicKeyIds: ['0'.repeat(24)] })).toMatchObject({
      __typename: 'UnsupportedOperationError',
      sourceKind: 'OTESTACK',
      operation: 'dcosAddClusterPublicKeys',
    });
    expect(await mutate(demo, DcosAddPublicKeyDocument, { sourceId: 'hci', input: { name: 'k', value: PUBLIC_KEY } })).toMatchObject({
      __typename: 'UnsupportedOperationError',
      sourceKind: 'HCI',
    });
    const missing = encodeGlobalId({ type: 'Cluster', sourceId: 'dcos', nativeId: '0'.repeat(24) });
    expect(await mutate(demo, DcosAddClusterDockerRegistriesDocument, { clusterId: missing, registryIds: ['0'.repeat(24)] })).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect(await mutate(demo, DcosAddPublicKeyDocument, { sourceId: 'dcos', input: { name: 'k', value: 'not a key' } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.value',
    });
    expect(await mutate(demo, DcosCreateDockerRegistryDocument, { sourceId: 'dcos', input: { name: 'r', address: 'http://x' } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.address',
    });
    expect(vendorWrites()).toEqual([]);
  });

  it('SMTP is the admin’s: added, replaced and deleted, its password never shown', async () => {
    const input = { user: 'e2e-alerts', address: 'mail.e2e.local:587', password: 'e2e-secret' };
    const byOperator = await demo.run(DcosSetSmtpServerDocument, { sourceId: 'dcos', input }, OPERATOR_TOKEN);
    expect(byOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(vendorWrites()).toEqual([]);

    expect(await mutate(demo, DcosSetSmtpServerDocument, { sourceId: 'dcos', input })).toMatchObject({ __typename: 'OperationPayload' });
    const server = (await catalogues()).smtpServers.find((s) => s.address === input.address)!;
    expect(server).toEqual({ nativeId: expect.any(String), user: 'e2e-alerts', address: 'mail.e2e.local:587' });
    await mutate(demo, DcosSetSmtpServerDocument, { sourceId: 'dcos', smtpServerId: server.nativeId, input: { ...input, address: 'mail.e2e.local:465' } });
    expect((await catalogues()).smtpServers.find((s) => s.nativeId === server.nativeId)!.address).toBe('mail.e2e.local:465');
    expect(dcosRoutes()['PUT /v1/smtp/{smtp_id}']).toBe(1);

    const deleteByOperator = await demo.run(DcosDeleteSmtpServerDocument, { sourceId: 'dcos', smtpServerId: server.nativeId }, OPERATOR_TOKEN);
    expect(deleteByOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await mutate(demo, DcosDeleteSmtpServerDocument, { sourceId: 'dcos', smtpServerId: server.nativeId });
    expect((await catalogues()).smtpServers.some((s) => s.nativeId === server.nativeId)).toBe(false);
    expect(await mutate(demo, DcosDeleteSmtpServerDocument, { sourceId: 'dcos', smtpServerId: server.nativeId })).toMatchObject({
      __typename: 'NotFoundError',
      type: 'DcosSmtpServer',
    });
  });

  it('a viewer changes nothing', async () => {
    const res = await demo.run(DcosAddPublicKeyDocument, { sourceId: 'dcos', input: { name: 'v', value: PUBLIC_KEY } }, VIEWER_TOKEN);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(vendorWrites()).toEqual([]);
  });
});
