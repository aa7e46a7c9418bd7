import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/metrics.js';
import { NotFoundError, ValidationError } from '../../../src/model/errors.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import { createOtestackAdapter } from '../../../src/sources/otestack/index.js';
import type { OteApplicationInput } from '../../../src/sources/otestack/inputs.js';
import type { OtestackVendor } from '../../../src/sources/otestack/vendor.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { otestackSimulator } from '../../../src/simulators/otestack/index.js';
import { failure, rejectionOf } from '../../helpers/rejection.js';
import { call } from '../../helpers/sim-client.js';
import { oteSourceConfig } from './support.js';

/** OTE-stack's own capabilities (vendor.ts) against the simulator: what each reads and sends, and how the vendor's refusals come back. */

let sim: RunningSimulator;
let adapter: SourceAdapter;
let vendor: OtestackVendor;

const scope = () => new RequestScope();
const routes = () => sim.stats().routes;
const MIB = 1024 * 1024;

/** The simulator's own answer, read with a token of our own (after resetStats, not counted in what the test checks). */
async function raw(path: string): Promise<any> {
  const token = (await call(sim, 'POST', '/v1/authorization', { body: sim.credentials })).body.token;
  return (await call(sim, 'GET', path, { headers: { authorization: token } })).body;
}

const app = (overrides: Partial<OteApplicationInput> = {}): OteApplicationInput => ({
  name: 'people-count',
  version: '1.0',
  workload: 'deployment',
  image: 'registry.dcdn.baidu.com/vsm/people-count:1.0',
  repositoryId: 'harbor-edge',
  ports: [{ port: 8080 }],
  replicas: 2,
  minReplicas: 1,
  maxReplicas: 4,
  minCpuCores: 0.25,
  maxCpuCores: 1.5,
  gpus: 1,
  minMemoryMib: 256,
  maxMemoryMib: 1024,
  autoscaled: true,
  targetCpuPercent: 80,
  targetMemoryPercent: 90,
  maxUnavailable: 1,
  maxSurge: 1,
  minReadySeconds: 5,
  ...overrides,
});

beforeAll(async () => {
  sim = await startSimulator(otestackSimulator, { speed: 1, operationFailureRate: 0, clusters: 10 });
  adapter = createOtestackAdapter(oteSourceConfig(sim), { metrics: createMetrics() });
  vendor = adapter.vendor as OtestackVendor;
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

describe('application catalogue', () => {
  it('reads one application version by its id in one call; an unknown id is null, one of another shape asks nothing', async () => {
    const [first] = await vendor.applications(scope());
    sim.resetStats();
    expect(await vendor.application(scope(), first!.nativeId!)).toEqual(first);
    expect(routes()['GET /v1/app/{appId}']).toBe(1);
    expect(await vendor.application(scope(), '99999')).toBeNull();
    expect(await vendor.application(scope(), 'nginx')).toBeNull();
    expect(routes()['GET /v1/app/{appId}']).toBe(2);
  });

  it('creates an application with one POST; the catalogue shows it in its own units', async () => {
    expect(await vendor.createApplication(scope(), app())).toEqual({});
    expect(routes()['POST /v1/app']).toBe(1);
    const [created] = await vendor.applications(scope(), 'people-count');
    expect(created).toMatchObject({
      name: 'people-count',
      version: '1.0',
      workload: 'deployment',
      repository: 'harbor-edge',
      replicas: 2,
      minCpuCores: 0.25,
      maxCpuCores: 1.5,
      gpus: 1,
      minMemoryBytes: 256 * MIB,
      maxMemoryBytes: 1024 * MIB,
      autoscaled: true,
    });
    expect((await failure(vendor.createApplication(scope(), app()))).detail).toMatchObject({ httpStatus: 422 });
  });

  it('refuses a bad input before any call', async () => {
    expect((await rejectionOf(vendor.createApplication(scope(), app({ maxCpuCores: 0.1 })), ValidationError)).field).toBe('input.maxCpuCores');
    expect(sim.stats().total).toBe(0);
  });

  it('uploads a Helm chart as multipart/form-data in one call, and the catalogue has the new version', async () => {
    const chart = gzipSync(Buffer.from('apiVersion: v2\nname: edge-gateway\n')).toString('base64');
    expect(await vendor.uploadHelmChart(scope(), 'edge-gateway', '0.3', chart)).toEqual({});
    expect(routes()['POST /v1/app/chart']).toBe(1);
    expect((await vendor.applications(scope(), 'edge-gateway')).map((a) => [a.name, a.version])).toEqual([['edge-gateway', '0.3']]);
    // The same name and version again: the vendor's refusal, as it sent it.
    expect((await failure(vendor.uploadHelmChart(scope(), 'edge-gateway', '0.3', chart))).detail.httpStatus).toBe(422);
  });

  it('deletes an unused version; refuses one a deployment runs; an unknown one is NotFoundError', async () => {
    await vendor.createApplication(scope(), app());
    const [created] = await vendor.applications(scope(), 'people-count');
    sim.resetStats();
    expect(await vendor.deleteApplication(scope(), created!.nativeId!)).toEqual({});
    expect(routes()['DELETE /v1/app']).toBe(1);
    expect(await vendor.applications(scope(), 'people-count')).toEqual([]);

    const deployed = (await raw('/v1/deploy?pageSize=0')).data.find((d: any) => d.status === 5);
    const used = (await vendor.applications(scope(), deployed.appName)).find((a) => a.version === deployed.version)!;
    expect((await failure(vendor.deleteApplication(scope(), used.nativeId!))).detail.httpStatus).toBe(422);
    sim.resetStats();
    expect(await rejectionOf(vendor.deleteApplication(scope(), '99999'), NotFoundError)).toMatchObject({ type: 'OtestackApplication', id: '99999' });
    expect(await rejectionOf(vendor.deleteApplication(scope(), 'nginx'), NotFoundError)).toMatchObject({ id: 'nginx' });
    expect(routes()['DELETE /v1/app']).toBe(1);
  });
});

describe('image repositories', () => {
  it('lists projects, a project’s images and an image’s tags, one call each', async () => {
    const projects = await vendor.imageProjects(scope());
    expect(routes()['GET /v1/repository/project']).toBe(1);
    const vsm = projects.find((p) => p.name === 'vsm')!;
    const images = await vendor.images(scope(), 'vsm');
    expect(routes()['GET /v1/repository/image']).toBe(1);
    expect(images).toHaveLength(vsm.imageCount!);
    expect(images.every((i) => i.project === 'vsm' && i.name.startsWith('vsm/'))).toBe(true);
    const tags = await vendor.imageTags(scope(), images[0]!.name);
    expect(routes()['GET /v1/repository/image/tag']).toBe(1);
    expect(tags.map((t) => t.tag)).toContain('latest');
    expect(tags.every((t) => t.reference === `${images[0]!.address}:${t.tag}`)).toBe(true);
    expect(await rejectionOf(vendor.images(scope(), 'nowhere'), NotFoundError)).toMatchObject({ type: 'OtestackImageProject', id: 'nowhere' });
  });

  it('creates a project and deletes it; one still holding images is refused', async () => {
    expect(await vendor.createImageProject(scope(), 'e2e-scratch', false)).toEqual({});
    const created = (await vendor.imageProjects(scope())).find((p) => p.name === 'e2e-scratch')!;
    expect(created).toMatchObject({ public: false, imageCount: 0 });
    await vendor.deleteImageProject(scope(), created.nativeId);
    expect((await vendor.imageProjects(scope())).some((p) => p.name === 'e2e-scratch')).toBe(false);
    const full = (await vendor.imageProjects(scope())).find((p) => (p.imageCount ?? 0) > 0)!;
    expect((await failure(vendor.deleteImageProject(scope(), full.nativeId))).detail.httpStatus).toBe(409);
    expect(await rejectionOf(vendor.deleteImageProject(scope(), created.nativeId), NotFoundError)).toMatchObject({ type: 'OtestackImageProject' });
  });

  it('deletes one tag, then the image; what is gone is NotFoundError', async () => {
    const [image] = await vendor.images(scope(), 'monitoring');
    sim.resetStats();
    await vendor.deleteImageTag(scope(), image!.name, 'latest');
    expect(routes()['DELETE /v1/repository/image/tag']).toBe(1);
    expect((await vendor.imageTags(scope(), image!.name)).map((t) => t.tag)).not.toContain('latest');
    expect(await rejectionOf(vendor.deleteImageTag(scope(), image!.name, 'latest'), NotFoundError)).toMatchObject({
      type: 'OtestackImageTag',
      id: `${image!.name}:latest`,
    });
    await vendor.deleteImage(scope(), image!.name);
    expect((await vendor.images(scope(), 'monitoring')).map((i) => i.name)).not.toContain(image!.name);
    expect(await rejectionOf(vendor.deleteImage(scope(), image!.name), NotFoundError)).toMatchObject({ type: 'OtestackImage', id: image!.name });
  });

  it('stores an external repository’s login and forgets it; the password never comes back', async () => {
    await vendor.createExternalRepository(scope(), { repositoryId: 'quay-mirror', address: 'quay.example.com', user: 'puller', password: 'S3cret-pull' });
    expect(routes()['POST /v1/repository/third']).toBe(1);
    const repos = await vendor.externalRepositories(scope());
    expect(repos.find((r) => r.repositoryId === 'quay-mirror')).toEqual({ repositoryId: 'quay-mirror', address: 'quay.example.com', user: 'puller' });
    expect(JSON.stringify(repos)).not.toContain('S3cret-pull');
    await vendor.deleteExternalRepository(scope(), 'quay-mirror');
    expect((await vendor.externalRepositories(scope())).some((r) => r.repositoryId === 'quay-mirror')).toBe(false);
    expect(await rejectionOf(vendor.deleteExternalRepository(scope(), 'quay-mirror'), NotFoundError)).toMatchObject({
      type: 'OtestackExternalRepository',
    });
  });
});

describe('users', () => {
  it('lists users; creates one, forbids it, resets its password, deletes it', async () => {
    const before = await vendor.users(scope());
    expect(routes()['GET /v1/admin/user']).toBe(1);
    expect(before.some((u) => u.status === 'PENDING')).toBe(true);
    await vendor.createUser(scope(), { name: 'li.ops', password: 'Edge2026ops', phone: '13912345678', realName: 'Li Ops', admin: false });
    const created = (await vendor.users(scope())).find((u) => u.name === 'li.ops')!;
    expect(created).toMatchObject({ realName: 'Li Ops', status: 'APPROVED' });
    expect(JSON.stringify(created)).not.toContain('Edge2026ops');

    await vendor.resetUserPassword(scope(), created.nativeId, 'Reset2026ops');
    const login = await call(sim, 'POST', '/v1/authorization', { body: { user: 'li.ops', password: 'Reset2026ops' } });
    expect(login.body.code).toBe(200);
    await vendor.setUserStatus(scope(), created.nativeId, 'FORBIDDEN');
    expect((await vendor.users(scope())).find((u) => u.name === 'li.ops')!.status).toBe('FORBIDDEN');
    await vendor.deleteUser(scope(), created.nativeId);
    expect((await vendor.users(scope())).map((u) => u.nativeId)).toEqual(before.map((u) => u.nativeId));
    expect(await rejectionOf(vendor.deleteUser(scope(), created.nativeId), NotFoundError)).toMatchObject({ type: 'OtestackUser', id: created.nativeId });
  });

  it('checks a password against the document’s rule before any call', async () => {
    expect((await rejectionOf(vendor.resetUserPassword(scope(), '2', 'weak'), ValidationError)).field).toBe('password');
    expect(sim.stats().total).toBe(0);
  });
});

describe('business namespaces', () => {
  it('lists businesses in one walk and reads one whole; the approved have their namespace', async () => {
    const businesses = await vendor.businesses(scope());
    expect(routes()['GET /v1/business']).toBe(1);
    const approved = businesses.find((b) => b.status === 'APPROVED')!;
    expect(approved).toMatchObject({ namespace: `ns${approved.nativeId}`, about: null });
    const whole = await vendor.business(scope(), approved.nativeId);
    expect(routes()['GET /v1/business/id/{id}']).toBe(1);
    expect(whole).toMatchObject({ ...approved, about: { introduction: expect.any(String), objective: expect.any(String), scale: expect.any(String) } });
    expect(await vendor.business(scope(), '999')).toBeNull();
  });

  it('applies for one, approves it (its namespace appears), and refuses to reject it afterwards', async () => {
    await vendor.createBusiness(scope(), { name: 'port-logistics', introduction: 'container yard cameras', objective: 'pilot', scale: '200000000' });
    const pending = (await vendor.businesses(scope(), 'port-logistics'))[0]!;
    expect(pending).toMatchObject({ status: 'PENDING', namespace: null });
    sim.resetStats();
    await vendor.decideBusiness(scope(), pending.nativeId, true, 'welcome');
    expect(routes()['PUT /v1/business/id/{id}']).toBe(1);
    expect((await vendor.businesses(scope(), 'port-logistics'))[0]).toMatchObject({
      status: 'APPROVED',
      comment: 'welcome',
      namespace: `ns${pending.nativeId}`,
    });
    expect((await failure(vendor.decideBusiness(scope(), pending.nativeId, false, 'no'))).detail.httpStatus).toBe(422);
    expect(await rejectionOf(vendor.decideBusiness(scope(), '999', true, ''), NotFoundError)).toMatchObject({ type: 'OtestackBusiness' });
  });
});
