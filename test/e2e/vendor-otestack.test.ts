import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CreateDeploymentDocument,
  LabelledClustersDocument,
  OtestackApplicationDocument,
  type OtestackApplicationInput,
  OtestackApproveBusinessDocument,
  OtestackBusinessDocument,
  OtestackBusinessesDocument,
  OtestackCatalogueDocument,
  OtestackCreateApplicationDocument,
  OtestackCreateExternalRepositoryDocument,
  OtestackCreateUserDocument,
  OtestackDeleteApplicationDocument,
  OtestackDeleteExternalRepositoryDocument,
  OtestackDeleteImageTagDocument,
  OtestackDeleteUserDocument,
  OtestackRejectBusinessDocument,
  OtestackRepositoriesDocument,
  OtestackResetUserPasswordDocument,
  OtestackUploadHelmChartDocument,
  OtestackUsersDocument,
} from '../generated/operations.js';
import { ADMIN_TOKEN, OPERATOR_TOKEN, useRolesDemo, VIEWER_TOKEN } from '../helpers/gateway.js';
import { mutate } from '../helpers/mutations.js';
import { call } from '../helpers/sim-client.js';

/** OTE-stack's own root (`otestack(sourceId:)`) and otestack* mutations through `/graphql`, against the demo's simulator, with their roles. */

const demo = useRolesDemo();

/** The simulator's answer at `path`, read with a token of our own. */
async function vendor(path: string): Promise<any> {
  const sim = demo.fleet.simulators.otestack;
  const token = (await call(sim, 'POST', '/v1/authorization', { body: sim.credentials })).body.token;
  return (await call(sim, 'GET', path, { headers: { authorization: token } })).body;
}

/** The simulator's own catalogue. */
async function vendorApps(): Promise<{ id: number; appName: string; version: string }[]> {
  const body = await vendor('/v1/app?pageSize=0');
  return body.apps ?? body.data;
}

const oteRoutes = () => demo.vendorCalls().otestack?.routes ?? {};
const vendorWrites = () => Object.keys(oteRoutes()).filter((route) => !route.startsWith('GET ') && !route.endsWith(' /v1/authorization'));

async function catalogue(nameContains: string) {
  const { data, errors } = await demo.run(OtestackCatalogueDocument, { sourceId: 'otestack', nameContains }, VIEWER_TOKEN);
  expect(errors).toBeUndefined();
  return data!.otestack!.applications;
}

const APPLICATION: OtestackApplicationInput = {
  name: 'e2e-people-count',
  version: '1.0',
  workload: 'DEPLOYMENT',
  image: 'registry.dcdn.baidu.com/vsm/people-count:1.0',
  ports: [{ port: 8080, hostPort: 18080 }],
  replicas: 2,
  minReplicas: 1,
  maxReplicas: 3,
  minCpuCores: 0.5,
  maxCpuCores: 2,
  minMemoryMib: 128,
  maxMemoryMib: 512,
  autoscaled: false,
  targetCpuPercent: 80,
  targetMemoryPercent: 80,
  maxUnavailable: 1,
  maxSurge: 1,
  minReadySeconds: 5,
};

describe('otestack(sourceId:)', () => {
  it('lists every version of every application in the catalogue, as the vendor has them, in one walk', async () => {
    const expected = await vendorApps();
    demo.resetCounts();
    const { data, errors } = await demo.run(OtestackCatalogueDocument, { sourceId: 'otestack' });
    expect(errors).toBeUndefined();
    const apps = data!.otestack!.applications;
    expect(apps.map((a) => [a.nativeId, a.name, a.version])).toEqual(expected.map((a) => [String(a.id), a.appName, a.version]));
    expect(apps.length).toBeGreaterThan(0);
    for (const a of apps) {
      expect(['deployment', 'daemonset']).toContain(a.workload);
      expect(a.ports.length).toBeGreaterThan(0);
    }
    expect(demo.vendorCalls().otestack!.routes['GET /v1/app']).toBe(Math.max(1, Math.ceil(expected.length / 100)));
  });

  it('filters by a part of the name, as the vendor’s partial match does', async () => {
    const all = await vendorApps();
    const part = all[0]!.appName.slice(1, 4);
    const { data } = await demo.run(OtestackCatalogueDocument, { sourceId: 'otestack', nameContains: part });
    const names = data!.otestack!.applications.map((a) => a.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes(part))).toBe(true);
    expect(new Set(names)).toEqual(new Set(all.filter((a) => a.appName.includes(part)).map((a) => a.appName)));
  });

  it('names the sourceId argument when it is no OTE-stack source, and asks no vendor', async () => {
    demo.resetCounts();
    for (const [sourceId, says] of [
      ['dws', 'is a dws source, not OTE-stack'],
      ['nowhere', 'no source "nowhere" is configured'],
    ] as const) {
      const { data, errors } = await demo.run(OtestackCatalogueDocument, { sourceId });
      expect(data?.otestack ?? null).toBeNull();
      expect(errors?.[0]).toMatchObject({ message: expect.stringContaining(says), extensions: { code: 'VALIDATION_FAILED' } });
    }
    expect(Object.values(demo.vendorCalls()).reduce((n, s) => n + s.total, 0)).toBe(0);
  });
});

describe('otestack(sourceId:) beyond the catalogue', () => {
  it('reads one application version whole, as the vendor’s detail has it, in one call, to a viewer', async () => {
    const [first] = await vendorApps();
    const detail = (await vendor(`/v1/app/${first!.id}`)).data;
    demo.resetCounts();
    const { data, errors } = await demo.run(OtestackApplicationDocument, { sourceId: 'otestack', nativeId: String(first!.id) }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    expect(data!.otestack!.application).toMatchObject({
      nativeId: String(detail.id),
      name: detail.appName,
      version: detail.version,
      minCpuCores: detail.minCPU,
      maxCpuCores: detail.maxCPU,
      minMemoryBytes: detail.minMemory * 1024 * 1024,
      minReadySeconds: detail.minReadySeconds,
    });
    expect(oteRoutes()['GET /v1/app/{appId}']).toBe(1);
    const none = await demo.run(OtestackApplicationDocument, { sourceId: 'otestack', nativeId: '99999' }, VIEWER_TOKEN);
    expect(none.data!.otestack!.application).toBeNull();
  });

  it('lists image projects, a project’s images and the external repositories, one call each; tags cost a call per image only when selected', async () => {
    const projects = (await vendor('/v1/repository/project?pageSize=100')).data;
    const images = (await vendor('/v1/repository/image?projectName=vsm&pageSize=0')).data;
    demo.resetCounts();
    const { data, errors } = await demo.run(OtestackRepositoriesDocument, { sourceId: 'otestack', projectName: 'vsm' }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const root = data!.otestack!;
    expect(root.imageProjects.map((p) => [p.nativeId, p.name, p.imageCount])).toEqual(
      projects.map((p: any) => [String(p.projectId), p.projectName, p.imageCount]),
    );
    expect(root.images.map((i) => [i.name, i.address])).toEqual(images.map((i: any) => [i.imageName, i.imageAddress]));
    expect(root.externalRepositories.map((r) => r.repositoryId)).toEqual(['harbor-edge', 'dockerhub-mirror']);
    for (const route of ['GET /v1/repository/project', 'GET /v1/repository/image', 'GET /v1/repository/third']) expect(oteRoutes()[route]).toBe(1);
    expect(oteRoutes()['GET /v1/repository/image/tag']).toBeUndefined();

    const tagged = await demo.run(OtestackRepositoriesDocument, { sourceId: 'otestack', projectName: 'vsm', withTags: true }, VIEWER_TOKEN);
    const withTags = tagged.data!.otestack!.images;
    expect(withTags.every((i) => i.tags!.some((t) => t.tag === 'latest' && t.reference === `${i.address}:latest`))).toBe(true);
    expect(oteRoutes()['GET /v1/repository/image/tag']).toBe(withTags.length);
  });

  it('lists business namespaces to a viewer; their detail costs one call per business when selected, none through business(nativeId:)', async () => {
    const listed = (await vendor('/v1/business?pageSize=100')).data;
    demo.resetCounts();
    const { data } = await demo.run(OtestackBusinessesDocument, { sourceId: 'otestack' }, VIEWER_TOKEN);
    const businesses = data!.otestack!.businesses;
    expect(businesses.map((b) => [b.nativeId, b.name, b.rawStatus])).toEqual(listed.map((b: any) => [String(b.id), b.name, b.status]));
    expect(businesses.filter((b) => b.status === 'APPROVED').every((b) => b.namespace === `ns${b.nativeId}`)).toBe(true);
    expect(oteRoutes()['GET /v1/business/id/{id}']).toBeUndefined();

    const detailed = await demo.run(OtestackBusinessesDocument, { sourceId: 'otestack', withDetail: true }, VIEWER_TOKEN);
    expect(detailed.data!.otestack!.businesses.every((b) => typeof b.introduction === 'string')).toBe(true);
    expect(oteRoutes()['GET /v1/business/id/{id}']).toBe(businesses.length);
    demo.resetCounts();
    const one = await demo.run(OtestackBusinessDocument, { sourceId: 'otestack', nativeId: businesses[0]!.nativeId }, VIEWER_TOKEN);
    expect(one.data!.otestack!.business).toMatchObject({ name: businesses[0]!.name, introduction: expect.any(String), scale: expect.any(String) });
    expect(oteRoutes()['GET /v1/business/id/{id}']).toBe(1);
  });

  it('shows users to an admin only, never a password', async () => {
    const byViewer = await demo.run(OtestackUsersDocument, { sourceId: 'otestack' }, VIEWER_TOKEN);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byOperator = await demo.run(OtestackUsersDocument, { sourceId: 'otestack' }, OPERATOR_TOKEN);
    expect(byOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(oteRoutes()['GET /v1/admin/user']).toBeUndefined();
    const { data, errors } = await demo.run(OtestackUsersDocument, { sourceId: 'otestack' }, ADMIN_TOKEN);
    expect(errors).toBeUndefined();
    const users = data!.otestack!.users;
    expect(users.map((u) => u.name)).toContain('admin');
    expect(new Set(users.map((u) => u.status))).toEqual(new Set(['APPROVED', 'PENDING']));
    expect(JSON.stringify(users)).not.toContain('Admin@1234');
  });
});

describe('otestack* mutations', () => {
  it('an operator adds an application to the catalogue, at once (no workflow), and deletes it', async () => {
    const created = await demo.run(OtestackCreateApplicationDocument, { sourceId: 'otestack', input: APPLICATION }, OPERATOR_TOKEN);
    expect(created.data?.otestackCreateApplication).toMatchObject({ __typename: 'OperationPayload', targetId: null, workflow: null });
    expect(oteRoutes()['POST /v1/app']).toBe(1);
    const [app] = await catalogue(APPLICATION.name);
    expect(app).toMatchObject({ name: APPLICATION.name, version: '1.0', workload: 'deployment', replicas: 2, ports: [{ port: 8080, hostPort: 18080 }] });

    const deleted = await demo.run(OtestackDeleteApplicationDocument, { sourceId: 'otestack', applicationId: app!.nativeId! }, OPERATOR_TOKEN);
    expect(deleted.data?.otestackDeleteApplication).toMatchObject({ __typename: 'OperationPayload', workflow: null });
    expect(await catalogue(APPLICATION.name)).toEqual([]);
    expect(await mutate(demo, OtestackDeleteApplicationDocument, { sourceId: 'otestack', applicationId: app!.nativeId! })).toEqual({
      __typename: 'NotFoundError',
      type: 'OtestackApplication',
      id: app!.nativeId,
    });
  });

  it('an application created through Fleetgate is createDeployment’s at once; while it runs, OTE-stack keeps it in the catalogue', async () => {
    const input = { ...APPLICATION, name: 'e2e-deployable' };
    await demo.run(OtestackCreateApplicationDocument, { sourceId: 'otestack', input }, OPERATOR_TOKEN);
    const { edges } = (await demo.run(LabelledClustersDocument, { first: 100, filter: { sourceIds: ['otestack'] } })).data!.clusters;
    const labels = new Set(edges.flatMap((e) => e.node.labels!.map((l) => l.key)));
    const site = edges.map((e) => e.node).find((c) => c.status !== 'FAILED' && !labels.has(c.nativeId))!;
    const deployed = await demo.run(
      CreateDeploymentDocument,
      { input: { clusterIds: [site.id], name: 'e2e-deployable', application: 'e2e-deployable', version: '1.0', labels: [] } },
      OPERATOR_TOKEN,
    );
    expect(deployed.data?.createDeployment).toMatchObject({ __typename: 'OperationPayload', workflow: { kind: 'CREATE_DEPLOYMENT' } });
    const [app] = await catalogue('e2e-deployable');
    expect(await mutate(demo, OtestackDeleteApplicationDocument, { sourceId: 'otestack', applicationId: app!.nativeId! })).toMatchObject({
      __typename: 'SourceError',
      httpStatus: 422,
      vendorMessage: expect.stringContaining('is used by deployment e2e-deployable'),
    });
  });

  it('an operator uploads a Helm chart as base64; one over the limit is a ValidationError naming it, and nothing is sent', async () => {
    const chart = gzipSync(Buffer.from('apiVersion: v2\nname: e2e-chart\n')).toString('base64');
    const uploaded = await demo.run(
      OtestackUploadHelmChartDocument,
      { sourceId: 'otestack', name: 'e2e-chart', version: '0.1', chartBase64: chart },
      OPERATOR_TOKEN,
    );
    expect(uploaded.data?.otestackUploadHelmChart).toMatchObject({ __typename: 'OperationPayload', workflow: null });
    expect(oteRoutes()['POST /v1/app/chart']).toBe(1);
    expect((await catalogue('e2e-chart')).map((a) => a.version)).toEqual(['0.1']);

    demo.resetCounts();
    const tooBig = gzipSync(Buffer.from('x')).toString('base64') + 'A'.repeat(720 * 1024);
    expect(await mutate(demo, OtestackUploadHelmChartDocument, { sourceId: 'otestack', name: 'e2e-big', version: '0.1', chartBase64: tooBig })).toMatchObject({
      __typename: 'ValidationError',
      field: 'chartBase64',
      message: expect.stringContaining('at most 512 KiB'),
    });
    expect(vendorWrites()).toEqual([]);
  });

  it('an operator stores an external repository’s login and forgets it; the password is in no answer', async () => {
    const input = { repositoryId: 'e2e-quay', address: 'quay.e2e.local', user: 'puller', password: 'E2e-pull-secret' };
    const created = await demo.run(OtestackCreateExternalRepositoryDocument, { sourceId: 'otestack', input }, OPERATOR_TOKEN);
    expect(created.data?.otestackCreateExternalRepository).toMatchObject({ __typename: 'OperationPayload' });
    const { data } = await demo.run(OtestackRepositoriesDocument, { sourceId: 'otestack', projectName: 'vsm' }, VIEWER_TOKEN);
    expect(data!.otestack!.externalRepositories).toContainEqual({ repositoryId: 'e2e-quay', address: 'quay.e2e.local', user: 'puller' });
    expect(JSON.stringify(data)).not.toContain('E2e-pull-secret');
    await demo.run(OtestackDeleteExternalRepositoryDocument, { sourceId: 'otestack', repositoryId: 'e2e-quay' }, OPERATOR_TOKEN);
    expect(await mutate(demo, OtestackDeleteExternalRepositoryDocument, { sourceId: 'otestack', repositoryId: 'e2e-quay' })).toMatchObject({
      __typename: 'NotFoundError',
      type: 'OtestackExternalRepository',
    });
  });

  it('an operator deletes an image’s tag', async () => {
    const { data } = await demo.run(OtestackRepositoriesDocument, { sourceId: 'otestack', projectName: 'monitoring', withTags: true });
    const image = data!.otestack!.images[0]!;
    const tag = image.tags![0]!.tag;
    expect(await demo.run(OtestackDeleteImageTagDocument, { sourceId: 'otestack', imageName: image.name, tag }, OPERATOR_TOKEN)).toMatchObject({
      data: { otestackDeleteImageTag: { __typename: 'OperationPayload' } },
    });
    expect(await mutate(demo, OtestackDeleteImageTagDocument, { sourceId: 'otestack', imageName: image.name, tag })).toMatchObject({
      __typename: 'NotFoundError',
      type: 'OtestackImageTag',
      id: `${image.name}:${tag}`,
    });
  });

  it('users are the admin’s: an operator is refused; an admin adds one, resets its password and deletes it', async () => {
    const input = { name: 'e2e.user', password: 'E2eUser2026', phone: '13900001111', realName: 'E2E User', admin: false };
    const byOperator = await demo.run(OtestackCreateUserDocument, { sourceId: 'otestack', input }, OPERATOR_TOKEN);
    expect(byOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(vendorWrites()).toEqual([]);

    expect(await mutate(demo, OtestackCreateUserDocument, { sourceId: 'otestack', input })).toMatchObject({ __typename: 'OperationPayload', workflow: null });
    const user = (await demo.run(OtestackUsersDocument, { sourceId: 'otestack' })).data!.otestack!.users.find((u) => u.name === 'e2e.user')!;
    expect(user).toMatchObject({ realName: 'E2E User', status: 'APPROVED' });
    expect(await mutate(demo, OtestackResetUserPasswordDocument, { sourceId: 'otestack', userId: user.nativeId, password: 'weak' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'password',
    });
    expect(await mutate(demo, OtestackResetUserPasswordDocument, { sourceId: 'otestack', userId: user.nativeId, password: 'E2eReset2026' })).toMatchObject({
      __typename: 'OperationPayload',
    });
    const login = await call(demo.fleet.simulators.otestack, 'POST', '/v1/authorization', { body: { user: 'e2e.user', password: 'E2eReset2026' } });
    expect(login.body.code).toBe(200);
    await mutate(demo, OtestackDeleteUserDocument, { sourceId: 'otestack', userId: user.nativeId });
    expect(await mutate(demo, OtestackDeleteUserDocument, { sourceId: 'otestack', userId: user.nativeId })).toMatchObject({
      __typename: 'NotFoundError',
      type: 'OtestackUser',
    });
  });

  it('business namespaces are the admin’s to decide: approval gives the namespace, and cannot be taken back', async () => {
    const pending = (await demo.run(OtestackBusinessesDocument, { sourceId: 'otestack' })).data!.otestack!.businesses.find((b) => b.status === 'PENDING')!;
    const byOperator = await demo.run(OtestackApproveBusinessDocument, { sourceId: 'otestack', businessId: pending.nativeId }, OPERATOR_TOKEN);
    expect(byOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await mutate(demo, OtestackApproveBusinessDocument, { sourceId: 'otestack', businessId: pending.nativeId, comment: 'go' })).toMatchObject({
      __typename: 'OperationPayload',
      workflow: null,
    });
    const approved = (await demo.run(OtestackBusinessesDocument, { sourceId: 'otestack', nameContains: pending.name })).data!.otestack!.businesses[0]!;
    expect(approved).toMatchObject({ status: 'APPROVED', comment: 'go', namespace: `ns${pending.nativeId}` });
    expect(await mutate(demo, OtestackRejectBusinessDocument, { sourceId: 'otestack', businessId: pending.nativeId, comment: 'no' })).toMatchObject({
      __typename: 'SourceError',
      httpStatus: 422,
      outcomeUnknown: false,
    });
  });

  it('a viewer changes nothing; another vendor’s source is an UnsupportedOperationError naming the mutation', async () => {
    const byViewer = await demo.run(OtestackCreateApplicationDocument, { sourceId: 'otestack', input: APPLICATION }, VIEWER_TOKEN);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleteByViewer = await demo.run(OtestackDeleteImageTagDocument, { sourceId: 'otestack', imageName: 'vsm/face-detect', tag: 'latest' }, VIEWER_TOKEN);
    expect(deleteByViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(vendorWrites()).toEqual([]);
    expect(await mutate(demo, OtestackCreateApplicationDocument, { sourceId: 'dcos', input: APPLICATION })).toMatchObject({
      __typename: 'UnsupportedOperationError',
      sourceKind: 'DCOS',
      operation: 'otestackCreateApplication',
    });
  });
});
