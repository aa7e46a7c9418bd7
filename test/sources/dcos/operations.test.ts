import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourceConfig } from '../../../src/config.js';
import type { Workflow } from '../../../src/model/entities.js';
import { NotFoundError, ValidationError } from '../../../src/model/errors.js';
import type { OperationResult, SourceOperations } from '../../../src/model/operations.js';
import type { DcosCreateRequest, DcosHostSpec } from '../../../src/sources/dcos/inputs.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import { SourceError } from '../../../src/sources/errors.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { dcosSimulator } from '../../../src/simulators/dcos/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { dcosAdapterOver } from './support.js';
import { MINUTE, type Session, login } from '../../simulators/dcos/support.js';
import { rejectionOf as rejection } from '../../helpers/rejection.js';
import { known } from '../../helpers/known.js';

const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAo+lO2hhDo6wkRZSk32qmYTN8Hdao1BFreJE2bZNcbwkb0daY\n-----END RSA PRIVATE KEY-----';
const UNKNOWN_ID = '000000000000000000000000';

let sim: RunningSimulator;
let adapter: SourceAdapter;
let ops: SourceOperations;
let vendor: Session;

const build = (overrides: Partial<SourceConfig> = {}) => dcosAdapterOver(sim, overrides);
const readers = () => {
  const s = adapter.session(new RequestScope());
  return { clusters: s.clusters!, hosts: s.hosts!, workflows: s.workflows! };
};
const spec = (ip: string): DcosHostSpec => ({ ip, sshUser: 'root', privateKey: KEY });
/** A compact cluster of four on addresses no seeded node uses. */
const createRequest = (name: string, net: number, dcos: Partial<NonNullable<DcosCreateRequest['dcos']>> = {}): DcosCreateRequest => ({
  name,
  labels: [],
  dcos: { masters: [spec(`172.20.${net}.1`)], shared: [spec(`172.20.${net}.2`)], slaves: [spec(`172.20.${net}.3`), spec(`172.20.${net}.4`)], ...dcos },
});
const writes = () => Object.entries(sim.stats().routes).filter(([route]) => !route.startsWith('GET ') && route !== 'POST /v1/token');

/**
 * Reads the workflow as a poller would, a fresh request each look, moving the simulated
 * clock `stepMs` between looks until it ends; every look is kept.
 */
async function follow(workflow: Workflow, stepMs = MINUTE): Promise<Workflow[]> {
  const looks = [workflow];
  for (let i = 0; i < 60 && !['SUCCEEDED', 'FAILED'].includes(looks.at(-1)!.state); i++) {
    sim.advance(stepMs);
    const look = await readers().workflows.get(workflow.nativeId);
    expect(look?.nativeId).toBe(workflow.nativeId);
    looks.push(look!);
  }
  const progress = looks.map((w) => w.progress).filter((p): p is number => p !== undefined);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  return looks;
}

/** A started operation's workflow, as the adapter's own reader serves it right now. */
async function startedWorkflow(result: OperationResult, kind: string, clusterId: string): Promise<Workflow> {
  const wf = result.workflow!;
  expect(wf).toMatchObject({ sourceId: 'dcos-test', kind, state: 'RUNNING', progress: 0, target: { type: 'Cluster', nativeId: clusterId } });
  expect(wf.nativeId).toMatch(new RegExp(`^${clusterId}:[0-9a-f]{24}$`));
  expect(await readers().workflows.get(wf.nativeId)).toEqual(wf);
  return wf;
}

/** Creates a cluster and runs its install to the end. */
async function runningCluster(name: string, net: number): Promise<string> {
  const result = await ops.createCluster!(createRequest(name, net));
  expect((await follow(result.workflow!, 2 * MINUTE)).at(-1)!.state).toBe('SUCCEEDED');
  return result.target!.nativeId;
}

beforeAll(async () => {
  sim = await startSimulator(dcosSimulator, { speed: 1, operationFailureRate: 0 });
  adapter = build();
  ops = adapter.operations!;
});
afterAll(async () => {
  await adapter.close();
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await adapter.probe();
  vendor = await login(sim);
  sim.resetStats();
});

describe('what DC/OS can do', () => {
  it('creates, deletes and scales clusters; nothing else', () => {
    expect(Object.keys(ops).sort()).toEqual(['createCluster', 'deleteCluster', 'scaleCluster']);
  });
});

describe('createCluster', () => {
  it('installs the caller’s machines under the logged-in user; the workflow runs to SUCCEEDED', async () => {
    const result = await ops.createCluster!(createRequest('orders', 1));
    const clusterId = result.target!.nativeId;
    expect(result.target).toEqual({ type: 'Cluster', nativeId: clusterId });
    // One write, then one log read and the hosts of the running operation.
    expect(sim.stats().routes).toEqual({ 'POST /v1/cluster': 1, 'GET /v1/logs': 1, 'GET /v1/cluster/{cluster_id}/hosts': 1 });
    const wf = await startedWorkflow(result, 'CreateCluster', clusterId);
    expect(wf.steps.map((s) => [s.name, s.state])).toEqual(['172.20.1.1', '172.20.1.2', '172.20.1.3', '172.20.1.4'].map((ip) => [ip, 'RUNNING']));

    expect(await readers().clusters.get(clusterId)).toMatchObject({ name: 'orders', status: 'CREATING', nodeCount: 4 });
    const raw = (await vendor.request('GET', `/v1/cluster/${clusterId}`)).body.data;
    expect(raw).toMatchObject({ user_id: vendor.userId, owner: 'sysadmin', type: 'customized', createCategory: 'compact' });
    const hosts = await readers().hosts.byCluster!(clusterId);
    expect(hosts.map((h) => [known(h.addresses)[0], h.role])).toEqual([
      ['172.20.1.1', 'master'],
      ['172.20.1.2', 'shared'],
      ['172.20.1.3', 'slave'],
      ['172.20.1.4', 'slave'],
    ]);

    const looks = await follow(wf);
    expect(looks.length).toBeGreaterThan(4);
    expect(looks.some((w) => w.progress! > 0 && w.progress! < 1)).toBe(true);
    expect(looks.at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1, message: expect.stringContaining('running on 4 nodes') });
    expect(await readers().clusters.get(clusterId)).toMatchObject({ status: 'RUNNING', nodeCount: 4 });
  });

  it('files the cluster under the owner named, an ha cluster of five', async () => {
    const devops = (await vendor.request('GET', '/v1/cluster')).body.data.find((c: any) => c.owner === 'devops').user_id;
    const result = await ops.createCluster!(
      createRequest('ha-one', 2, { type: 'ha', ownerId: devops, masters: [spec('172.20.2.1'), spec('172.20.2.5'), spec('172.20.2.6')] }),
    );
    const raw = (await vendor.request('GET', `/v1/cluster/${result.target!.nativeId}`)).body.data;
    expect(raw).toMatchObject({ user_id: devops, owner: 'devops', createCategory: 'ha', instances: 6 });
  });

  it('lets the new cluster pull from the catalogue registries named, read once to name them as the document does', async () => {
    const [registry] = (await vendor.request('GET', '/v1/dockerregistries')).body.data;
    sim.resetStats();
    const result = await ops.createCluster!(createRequest('pulls', 7, { registryIds: [registry._id] }));
    expect(sim.stats().routes['GET /v1/dockerregistries']).toBe(1);
    const raw = (await vendor.request('GET', `/v1/cluster/${result.target!.nativeId}`)).body.data;
    expect(raw.dockerRegistries.map((r: any) => [r._id, r.registry])).toEqual([[registry._id, registry.registry]]);

    sim.resetStats();
    const err = await rejection(ops.createCluster!(createRequest('nopull', 8, { registryIds: [UNKNOWN_ID] })), ValidationError);
    expect(err.field).toBe('input.dcos.registryIds[0]');
    expect(writes()).toEqual([]);
  });

  it('fails with the vendor’s message when the install fails', async () => {
    sim.setFaults({ operationFailureRate: 1 });
    const result = await ops.createCluster!(createRequest('doomed', 3));
    const looks = await follow(result.workflow!);
    expect(looks.at(-1)).toMatchObject({ state: 'FAILED', rawState: 'fail', message: expect.stringMatching(/^install failed on 172\.20\.3\.\d: /) });
    expect(await readers().clusters.get(result.target!.nativeId)).toMatchObject({ status: 'FAILED' });
  });

  it.each<[string, DcosCreateRequest, string]>([
    ['a name the vendor refuses', { ...createRequest('x', 4), name: 'no_underscores' }, 'input.name'],
    ['labels', { ...createRequest('x', 4), labels: [{ key: 'env', value: 'prod' }] }, 'input.labels'],
    ['too few nodes for ha', createRequest('x', 4, { type: 'ha' }), 'input.dcos'],
    ['no shared node', createRequest('x', 4, { shared: [] }), 'input.dcos.shared'],
    ['a host without a key', createRequest('x', 4, { slaves: [{ ip: '172.20.4.3', sshUser: 'root' }] }), 'input.dcos.slaves[0].privateKey'],
    ['an address twice', createRequest('x', 4, { slaves: [spec('172.20.4.1')] }), 'input.dcos.slaves[0].ip'],
  ])('refuses %s before sending anything (%s)', async (_what, req, field) => {
    expect((await rejection(ops.createCluster!(req), ValidationError)).field).toBe(field);
    expect(sim.stats().total).toBe(0);
  });

  it('a static token names no user: the owner must be given', async () => {
    const tokenAdapter = build({ credentials: { token: vendor.token } });
    try {
      const err = await rejection(tokenAdapter.operations!.createCluster!(createRequest('static', 5)), ValidationError);
      expect(err.field).toBe('input.dcos.ownerId');
      expect(sim.stats().total).toBe(0);
      const result = await tokenAdapter.operations!.createCluster!(createRequest('static', 5, { ownerId: vendor.userId }));
      expect(result.workflow).toMatchObject({ kind: 'CreateCluster', state: 'RUNNING' });
    } finally {
      await tokenAdapter.close();
    }
  });

  it('a name in use and an address in use are the vendor’s refusals, with its codes', async () => {
    const [existing] = (await vendor.request('GET', `/v1/cluster?status=RUNNING&user_id=${vendor.userId}`)).body.data;
    const taken = await rejection(ops.createCluster!(createRequest(existing.name, 6)), SourceError);
    expect(taken).toMatchObject({ code: 'SOURCE_ERROR', detail: { vendorCode: 'E50003', httpStatus: 500 } });
    const busyIp = (await vendor.request('GET', `/v1/cluster/${existing._id}/hosts`)).body.data[0].ip;
    const inUse = await rejection(ops.createCluster!(createRequest('fresh', 6, { slaves: [spec(busyIp)] })), SourceError);
    expect(inUse.detail).toMatchObject({ vendorCode: 'E50019', vendorMessage: expect.stringContaining(busyIp) });
    expect(inUse.message).not.toContain(KEY);
    expect(sim.stats().routes['POST /v1/cluster']).toBe(2);
    expect(sim.stats().routes['GET /v1/logs']).toBeUndefined();
  });

  it('a create that times out is outcomeUnknown, sent once — and in fact done', async () => {
    const slow = build({ timeoutMs: 150 });
    try {
      await slow.probe();
      sim.resetStats();
      sim.setFaults({ latencyMs: 400 });
      const err = await rejection(slow.operations!.createCluster!(createRequest('slowpoke', 7)), SourceError);
      expect(err).toMatchObject({ code: 'SOURCE_TIMEOUT', detail: { outcomeUnknown: true } });
      // Counted on arrival; the vendor finishes the create after its latency, and the list then has it.
      await vi.waitFor(() => expect(sim.stats().routes['POST /v1/cluster']).toBe(1), { timeout: 5_000 });
      sim.setFaults({ latencyMs: 0 });
      await vi.waitFor(async () => expect((await readers().clusters.list({})).some((c) => c.name === 'slowpoke')).toBe(true), { timeout: 5_000 });
      expect(sim.stats().urls['POST /v1/cluster']).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it('an answer cut short is outcomeUnknown too: the vendor got the request', async () => {
    sim.setFaults({ truncated: true });
    const err = await rejection(ops.createCluster!(createRequest('cutshort', 8)), SourceError);
    expect(err).toMatchObject({ code: 'SOURCE_BAD_RESPONSE', detail: { outcomeUnknown: true } });
    sim.setFaults({ truncated: false });
    expect(writes()).toEqual([['POST /v1/cluster', 1]]);
  });
});

describe('deleteCluster', () => {
  it('terminates a running cluster; the workflow runs to SUCCEEDED', async () => {
    const clusterId = await runningCluster('goner', 10);
    sim.resetStats();
    const result = await ops.deleteCluster!(clusterId, { force: false, keepLastSnapshot: false });
    expect(result.target).toEqual({ type: 'Cluster', nativeId: clusterId });
    expect(sim.stats().routes).toEqual({ 'DELETE /v1/cluster/{cluster_id}': 1, 'GET /v1/logs': 1, 'GET /v1/cluster/{cluster_id}/hosts': 1 });
    const wf = await startedWorkflow(result, 'DeleteCluster', clusterId);
    expect(await readers().clusters.get(clusterId)).toMatchObject({ status: 'DELETING' });
    expect((await follow(wf)).at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await readers().clusters.get(clusterId)).toMatchObject({ status: 'DELETED' });
  });

  it('fails with the vendor’s message when the teardown fails', async () => {
    const clusterId = await runningCluster('sticky', 11);
    sim.setFaults({ operationFailureRate: 1 });
    const result = await ops.deleteCluster!(clusterId, { force: false, keepLastSnapshot: false });
    expect((await follow(result.workflow!)).at(-1)).toMatchObject({ state: 'FAILED', message: expect.stringMatching(/^delete node 172\.20\.11\.\d failed: /) });
    expect(await readers().clusters.get(clusterId)).toMatchObject({ status: 'FAILED' });
  });

  it('refuses force and a last snapshot before sending anything', async () => {
    for (const [req, field] of [
      [{ force: true, keepLastSnapshot: false }, 'force'],
      [{ force: false, keepLastSnapshot: true }, 'keepLastSnapshot'],
    ] as const) {
      expect((await rejection(ops.deleteCluster!(UNKNOWN_ID, req), ValidationError)).field).toBe(field);
    }
    expect(sim.stats().total).toBe(0);
  });

  it('an unknown cluster is NotFound; a busy one is the vendor’s refusal', async () => {
    await rejection(ops.deleteCluster!(UNKNOWN_ID, { force: false, keepLastSnapshot: false }), NotFoundError);
    const installing = (await readers().clusters.list({ status: ['CREATING'] }))[0]!;
    const busy = await rejection(ops.deleteCluster!(installing.nativeId, { force: false, keepLastSnapshot: false }), SourceError);
    expect(busy.detail).toMatchObject({ vendorCode: 'E50016', vendorMessage: 'Cannot operate on a INSTALLING cluster' });
    expect(writes()).toEqual([['DELETE /v1/cluster/{cluster_id}', 2]]);
  });
});

describe('scaleCluster', () => {
  it('adds hosts as private agents; the workflow runs to SUCCEEDED', async () => {
    const clusterId = await runningCluster('grower', 20);
    sim.resetStats();
    const result = await ops.scaleCluster!(clusterId, { addHosts: [spec('172.20.20.5'), spec('172.20.20.6')] });
    expect(sim.stats().routes).toEqual({ 'POST /v1/cluster/{cluster_id}/hosts': 1, 'GET /v1/logs': 1, 'GET /v1/cluster/{cluster_id}/hosts': 1 });
    const wf = await startedWorkflow(result, 'AddHosts', clusterId);
    expect(wf.steps.map((s) => [s.name, s.state])).toEqual([
      ['172.20.20.5', 'RUNNING'],
      ['172.20.20.6', 'RUNNING'],
    ]);
    expect(await readers().clusters.get(clusterId)).toMatchObject({ status: 'UPDATING' });
    expect((await follow(wf)).at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    const hosts = await readers().hosts.byCluster!(clusterId);
    expect(hosts.filter((h) => h.role === 'slave' && h.status === 'ONLINE')).toHaveLength(4);
    expect(await readers().clusters.get(clusterId)).toMatchObject({ status: 'RUNNING', nodeCount: 6 });
  });

  it('an addition the vendor fails ends FAILED with its message', async () => {
    const clusterId = await runningCluster('stunted', 21);
    sim.setFaults({ operationFailureRate: 1 });
    const result = await ops.scaleCluster!(clusterId, { addHosts: [spec('172.20.21.5')] });
    expect((await follow(result.workflow!)).at(-1)).toMatchObject({ state: 'FAILED', message: expect.stringMatching(/^add node 172\.20\.21\.5 failed: /) });
  });

  it('removes agents by host native id; the workflow runs to SUCCEEDED', async () => {
    const clusterId = await runningCluster('shrinker', 22);
    const slave = (await readers().hosts.byCluster!(clusterId)).find((h) => h.role === 'slave')!;
    sim.resetStats();
    const result = await ops.scaleCluster!(clusterId, { removeHostIds: [slave.nativeId] });
    // The cluster and its hosts, checked; one write; then the log and the hosts again.
    expect(sim.stats().routes).toEqual({
      'GET /v1/cluster/{cluster_id}': 1,
      'GET /v1/cluster/{cluster_id}/hosts': 2,
      'DELETE /v1/cluster/{cluster_id}/hosts': 1,
      'GET /v1/logs': 1,
    });
    const wf = await startedWorkflow(result, 'DeleteHosts', clusterId);
    expect(wf.steps).toEqual([expect.objectContaining({ name: slave.name, state: 'RUNNING', message: 'TERMINATING' })]);
    expect((await follow(wf)).at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect(await readers().hosts.get(slave.nativeId)).toMatchObject({ rawStatus: 'TERMINATED' });
    expect(await readers().clusters.get(clusterId)).toMatchObject({ status: 'RUNNING', nodeCount: 3 });
  });

  it('a removal the vendor fails ends FAILED and the host is back', async () => {
    const clusterId = await runningCluster('clingy', 23);
    const slave = (await readers().hosts.byCluster!(clusterId)).find((h) => h.role === 'slave')!;
    sim.setFaults({ operationFailureRate: 1 });
    const result = await ops.scaleCluster!(clusterId, { removeHostIds: [slave.nativeId] });
    expect((await follow(result.workflow!)).at(-1)).toMatchObject({ state: 'FAILED', message: expect.stringMatching(/^delete node 172\.20\.23\.\d failed: /) });
    expect(await readers().hosts.get(slave.nativeId)).toMatchObject({ status: 'ONLINE' });
  });

  it('refuses what DC/OS cannot do, checking hosts against the cluster, sending no write', async () => {
    const clusterId = await runningCluster('guarded', 24);
    const hosts = await readers().hosts.byCluster!(clusterId);
    const master = hosts.find((h) => h.role === 'master')!;
    const agents = hosts.filter((h) => h.role !== 'master').map((h) => h.nativeId);
    sim.resetStats();
    const cases: [Parameters<NonNullable<SourceOperations['scaleCluster']>>[1], string][] = [
      [{ nodeCount: 5 }, 'input.nodeCount'],
      [{ addHosts: [spec('172.20.24.9')], removeHostIds: agents.slice(0, 1) }, 'input'],
      [{ addHosts: [{ ip: '172.20.24.9', sshUser: '', privateKey: KEY }] }, 'input.addHosts[0].sshUser'],
      [{ removeHostIds: [`${UNKNOWN_ID}:${master.nativeId.split(':')[1]}`] }, 'input.removeHostIds[0]'],
      [{ removeHostIds: [master.nativeId] }, 'input.removeHostIds[0]'],
      [{ removeHostIds: [...agents.slice(0, 1), `${clusterId}:${UNKNOWN_ID}`] }, 'input.removeHostIds[1]'],
      [{ removeHostIds: agents }, 'input.removeHostIds'],
    ];
    for (const [req, field] of cases) {
      expect((await rejection(ops.scaleCluster!(clusterId, req), ValidationError)).field, field).toBe(field);
    }
    expect(writes()).toEqual([]);
  });

  it('a busy cluster and an unknown one are the vendor’s refusals', async () => {
    const installing = (await readers().clusters.list({ status: ['CREATING'] }))[0]!;
    const busy = await rejection(ops.scaleCluster!(installing.nativeId, { addHosts: [spec('172.20.25.1')] }), SourceError);
    expect(busy.detail).toMatchObject({ vendorCode: 'E50016', httpStatus: 500 });
    await rejection(ops.scaleCluster!(UNKNOWN_ID, { addHosts: [spec('172.20.25.1')] }), NotFoundError);
    await rejection(ops.scaleCluster!(UNKNOWN_ID, { removeHostIds: [`${UNKNOWN_ID}:${UNKNOWN_ID}`] }), NotFoundError);
    expect(writes()).toEqual([['POST /v1/cluster/{cluster_id}/hosts', 2]]);
  });
});
