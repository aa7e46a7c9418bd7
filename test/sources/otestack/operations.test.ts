import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/metrics.js';
import type { Workflow } from '../../../src/model/entities.js';
import type { CreateDeploymentRequest, SourceOperations } from '../../../src/model/operations.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { createOtestackAdapter } from '../../../src/sources/otestack/index.js';
import type { SimulatorDefinition } from '../../../src/simulators/kit/definition.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { otestackSimulator } from '../../../src/simulators/otestack/index.js';
import { call } from '../../helpers/sim-client.js';
import { oteSourceConfig } from './support.js';
import { known } from '../../helpers/known.js';

const STEP_MS = 15_000;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** The simulator's own view, read with a token of our own. */
async function vendor(sim: RunningSimulator, path: string): Promise<any> {
  const token = (await call(sim, 'POST', '/v1/authorization', { body: sim.credentials })).body.token;
  return (await call(sim, 'GET', path, { headers: { authorization: token } })).body;
}

/** Every request that could change something, login aside. */
const writes = (sim: RunningSimulator) =>
  Object.fromEntries(Object.entries(sim.stats().routes).filter(([route]) => !route.startsWith('GET ') && route !== 'POST /v1/authorization'));

describe('otestack operations', () => {
  let sim: RunningSimulator;
  let adapter: SourceAdapter;
  let ops: SourceOperations;
  /** A ready cluster whose name is no label, and the labels it carries. */
  let site: string;
  const read = () => adapter.session(new RequestScope());

  const request = (overrides: Partial<CreateDeploymentRequest> = {}): CreateDeploymentRequest => ({
    clusterNativeIds: [site],
    name: 'fg-gateway',
    application: 'rtsp-gateway',
    version: '1.4',
    labels: [{ key: 'gateway', value: '' }],
    ...overrides,
  });

  /** Moves simulated time until the workflow ends; every look is kept. */
  async function runToEnd(id: string): Promise<Workflow[]> {
    const looks: Workflow[] = [];
    for (let i = 0; i < 80; i++) {
      const w = await read().workflows!.get(id);
      expect(w, `workflow ${id}`).not.toBeNull();
      looks.push(w!);
      if (TERMINAL.has(w!.state)) return looks;
      sim.advance(STEP_MS);
    }
    throw new Error(`workflow ${id} did not end: ${looks.at(-1)?.state}`);
  }

  function expectForwardOnly(looks: readonly Workflow[]) {
    const progress = looks.map((w) => w.progress).filter((p): p is number => p !== undefined);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
    const order = ['PENDING', 'RUNNING', 'SUCCEEDED'];
    const ranks = looks.map((w) => (w.state === 'FAILED' ? order.length : order.indexOf(w.state)));
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1]!);
  }

  /** A deployment created and run to success; returns its id. */
  async function deployed(overrides: Partial<CreateDeploymentRequest> = {}): Promise<string> {
    const { workflow, target } = await ops.createDeployment!(request(overrides));
    const looks = await runToEnd(workflow!.nativeId);
    expect(looks.at(-1)?.state).toBe('SUCCEEDED');
    return target!.nativeId;
  }

  beforeAll(async () => {
    sim = await startSimulator(otestackSimulator, { speed: 1, operationFailureRate: 0, clusters: 30 });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.reset();
    adapter = createOtestackAdapter(oteSourceConfig(sim), { metrics: createMetrics() });
    ops = adapter.operations!;
    const clusters = (await vendor(sim, '/v1/cluster')).data;
    const labels: string[] = (await vendor(sim, '/v1/cluster/label')).data;
    site = clusters.find((c: any) => c.isReady && !labels.includes(c.clusterName)).clusterName;
    await adapter.probe();
    sim.resetStats();
  });

  it('has exactly the operations OTE-stack can do', () => {
    expect(Object.keys(ops).sort()).toEqual([
      'createDeployment',
      'decideDeployment',
      'deleteDeployment',
      'rollbackDeployment',
      'setClusterLabels',
      'setHostLabels',
      'upgradeDeployment',
    ]);
  });

  describe('createDeployment', () => {
    it('deploys onto one cluster by its name and runs the workflow to SUCCEEDED', async () => {
      const { target, workflow } = await ops.createDeployment!(request());
      expect(writes(sim)).toEqual({ 'POST /v1/deploy': 1 });
      const id = target!.nativeId;
      expect(target).toEqual({ type: 'Deployment', nativeId: id });
      expect(workflow).toMatchObject({ nativeId: `deployment:${id}:1:1.4`, kind: 'CreateDeployment', state: 'PENDING', clusterNativeId: site, target });
      const raw = (await vendor(sim, `/v1/deploy/id/${id}`)).data;
      expect(raw).toMatchObject({ deployName: 'fg-gateway', appName: 'rtsp-gateway', version: '1.4', cluster: site, nodeLabel: 'gateway', deployType: 1 });

      const looks = await runToEnd(workflow!.nativeId);
      expect(looks.map((w) => w.state)).toEqual(expect.arrayContaining(['PENDING', 'RUNNING', 'SUCCEEDED']));
      expectForwardOnly(looks);
      expect(looks.at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1, finishedAt: expect.any(String) });
      expect(await read().deployments!.get(id)).toMatchObject({ status: 'SUCCEEDED', version: '1.4', clusterNativeId: site, application: 'rtsp-gateway' });
    });

    it('targets the one label carried by exactly the requested clusters, or "all" for the whole fleet', async () => {
      const tianjin: string[] = (await vendor(sim, '/v1/cluster?clusterLabel=tianjin')).data.map((c: any) => c.clusterName);
      expect(tianjin.length).toBeGreaterThan(1);
      const { target } = await ops.createDeployment!(request({ clusterNativeIds: [...tianjin].reverse(), labels: [] }));
      const raw = (await vendor(sim, `/v1/deploy/id/${target!.nativeId}`)).data;
      expect(raw).toMatchObject({ nodeLabel: 'all' });
      const covered = (await vendor(sim, `/v1/cluster?clusterLabel=${raw.cluster}`)).data.map((c: any) => c.clusterName);
      expect(covered.sort()).toEqual([...tianjin].sort());

      const everyCluster = (await vendor(sim, '/v1/cluster')).data.map((c: any) => c.clusterName);
      const fleetWide = await ops.createDeployment!(request({ name: 'fg-fleet', clusterNativeIds: everyCluster }));
      expect((await vendor(sim, `/v1/deploy/id/${fleetWide.target!.nativeId}`)).data.cluster).toBe('all');
      expect(fleetWide.workflow?.clusterNativeId).toBeUndefined();
    });

    it('refuses clusters no single target covers, before sending anything', async () => {
      const tianjin: string[] = (await vendor(sim, '/v1/cluster?clusterLabel=tianjin')).data.map((c: any) => c.clusterName);
      await expect(ops.createDeployment!(request({ clusterNativeIds: [site, ...tianjin] }))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'input.clusterIds',
      });
      expect(writes(sim)).toEqual({});
    });

    it.each([
      ['input.name', { name: 'Not_A_K8s_Name' }],
      ['input.labels', { labels: [{ key: 'gateway', value: 'yes' }] }],
      [
        'input.labels',
        {
          labels: [
            { key: 'gateway', value: '' },
            { key: 'storage', value: '' },
          ],
        },
      ],
      ['input.labels', { labels: [{ key: 'all', value: '' }] }],
      ['input.application', { application: 'no-such-app' }],
      ['input.version', { version: '9.9' }],
      ['input.replicas', { application: 'video-ingest', version: '1.8', replicas: 2 }],
    ] as const)('answers a bad %s with a ValidationError and sends nothing', async (field, overrides) => {
      await expect(ops.createDeployment!(request(overrides as Partial<CreateDeploymentRequest>))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(writes(sim)).toEqual({});
    });

    it('accepts replicas only where the application version runs that many', async () => {
      const app = (await vendor(sim, '/v1/app?appName=rtsp-gateway&appNameMode=strict&version=1.4')).apps[0];
      await expect(ops.createDeployment!(request({ replicas: app.replicas + 1 }))).rejects.toMatchObject({ field: 'input.replicas' });
      const { target } = await ops.createDeployment!(request({ replicas: app.replicas }));
      expect(target?.type).toBe('Deployment');
    });

    it('an unknown cluster is NotFoundError', async () => {
      await expect(ops.createDeployment!(request({ clusterNativeIds: ['nowhere-01'] }))).rejects.toMatchObject({
        code: 'NOT_FOUND',
        type: 'Cluster',
        id: 'nowhere-01',
      });
      expect(writes(sim)).toEqual({});
    });

    it('passes on the vendor’s refusal (a taken name, no matching node) as SOURCE_ERROR, sent once', async () => {
      const taken = (await vendor(sim, '/v1/deploy?pageSize=0')).data.find((d: any) => d.status !== 9).deployName;
      await expect(ops.createDeployment!(request({ name: taken }))).rejects.toMatchObject({
        code: 'SOURCE_ERROR',
        detail: { httpStatus: 422, vendorCode: '422', vendorMessage: expect.stringContaining('already exists') },
      });
      await expect(ops.createDeployment!(request({ labels: [{ key: 'no-such-role', value: '' }] }))).rejects.toMatchObject({
        code: 'SOURCE_ERROR',
        detail: { vendorCode: '422', vendorMessage: expect.stringContaining('no node matches') },
      });
      expect(writes(sim)).toEqual({ 'POST /v1/deploy': 2 });
    });

    it('ends FAILED with the vendor’s pod counts when the rollout fails', async () => {
      sim.setFaults({ operationFailureRate: 1 });
      const { workflow } = await ops.createDeployment!(request());
      const looks = await runToEnd(workflow!.nativeId);
      expectForwardOnly(looks);
      expect(looks.at(-1)).toMatchObject({ state: 'FAILED', rawState: '7', message: expect.stringMatching(/^failed: 0 of \d+ pods running, \d+ in error$/) });
    });
  });

  describe('upgrade, rollback and delete', () => {
    it('upgrades to a version of the same application and runs to SUCCEEDED', async () => {
      const id = await deployed();
      sim.resetStats();
      const { target, workflow } = await ops.upgradeDeployment!(id, '1.5');
      expect(writes(sim)).toEqual({ 'POST /v1/deploy/id/{deployId}': 1 });
      expect(target).toEqual({ type: 'Deployment', nativeId: id });
      expect(workflow).toMatchObject({ nativeId: `deployment:${id}:2:1.5`, kind: 'UpgradeDeployment', state: 'PENDING' });
      const looks = await runToEnd(workflow!.nativeId);
      expectForwardOnly(looks);
      expect(looks.at(-1)?.state).toBe('SUCCEEDED');
      expect(await read().deployments!.get(id)).toMatchObject({ version: '1.5', status: 'SUCCEEDED', history: [{ version: '1.4' }, { version: '1.5' }] });
      // The install it moved past is still readable under its own id.
      expect(await read().workflows!.get(`deployment:${id}:1:1.4`)).toMatchObject({ state: 'SUCCEEDED' });
    });

    it('checks the version and the deployment before sending, and passes on a busy deployment’s refusal', async () => {
      const id = await deployed();
      sim.resetStats();
      await expect(ops.upgradeDeployment!(id, '7.0')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'version' });
      await expect(ops.upgradeDeployment!('99999', '1.5')).rejects.toMatchObject({ code: 'NOT_FOUND', type: 'Deployment', id: '99999' });
      expect(writes(sim)).toEqual({});
      await ops.upgradeDeployment!(id, '1.5');
      await expect(ops.upgradeDeployment!(id, '2.0')).rejects.toMatchObject({
        code: 'SOURCE_ERROR',
        detail: { vendorCode: '422', vendorMessage: expect.stringContaining('being processed') },
      });
      expect(writes(sim)).toEqual({ 'POST /v1/deploy/id/{deployId}': 2 });
    });

    it('an upgrade that fails ends FAILED', async () => {
      const id = await deployed();
      sim.setFaults({ operationFailureRate: 1 });
      const { workflow } = await ops.upgradeDeployment!(id, '2.0');
      const looks = await runToEnd(workflow!.nativeId);
      expectForwardOnly(looks);
      expect(looks.at(-1)).toMatchObject({ state: 'FAILED', kind: 'UpgradeDeployment', message: expect.stringContaining('failed') });
    });

    it('rolls back to the previous successful version by default', async () => {
      const id = await deployed();
      await runToEnd((await ops.upgradeDeployment!(id, '1.5')).workflow!.nativeId);
      sim.resetStats();
      const { workflow } = await ops.rollbackDeployment!(id, undefined);
      expect(writes(sim)).toEqual({ 'PUT /v1/deploy/id/{deployId}': 1 });
      expect(workflow).toMatchObject({ nativeId: `deployment:${id}:3:1.4`, kind: 'RollbackDeployment' });
      const looks = await runToEnd(workflow!.nativeId);
      expectForwardOnly(looks);
      expect(looks.at(-1)?.state).toBe('SUCCEEDED');
      expect(await read().deployments!.get(id)).toMatchObject({ version: '1.4' });
    });

    it('refuses a rollback to a version never run, or with nothing to go back to', async () => {
      const id = await deployed();
      sim.resetStats();
      await expect(ops.rollbackDeployment!(id, undefined)).rejects.toMatchObject({
        field: 'version',
        message: expect.stringContaining('nothing to roll back to'),
      });
      await expect(ops.rollbackDeployment!(id, '1.5')).rejects.toMatchObject({ field: 'version', message: expect.stringContaining('never ran version 1.5') });
      await expect(ops.rollbackDeployment!(id, '1.4')).rejects.toMatchObject({ field: 'version', message: expect.stringContaining('already runs') });
      expect(writes(sim)).toEqual({});
    });

    it('deletes: the workflow goes processing → deleted, and the deployment is gone', async () => {
      const id = await deployed();
      sim.resetStats();
      const { workflow } = await ops.deleteDeployment!(id);
      expect(writes(sim)).toEqual({ 'DELETE /v1/deploy/id/{deployId}': 1 });
      expect(workflow).toMatchObject({ nativeId: `deployment:${id}:4:1.4`, kind: 'DeleteDeployment' });
      const looks = await runToEnd(workflow!.nativeId);
      expect(looks.map((w) => w.rawState)).toEqual(expect.arrayContaining(['3', '9']));
      expect(looks.at(-1)).toMatchObject({ state: 'SUCCEEDED', message: 'deleted' });
      expect(await read().deployments!.get(id)).toBeNull();
      await expect(ops.deleteDeployment!(id)).rejects.toMatchObject({ code: 'NOT_FOUND', type: 'Deployment' });
    });

    it('a delete an edge cluster does not confirm ends FAILED with the vendor’s internal error', async () => {
      const id = await deployed();
      sim.setFaults({ operationFailureRate: 1 });
      const looks = await runToEnd((await ops.deleteDeployment!(id)).workflow!.nativeId);
      expect(looks.at(-1)).toMatchObject({ state: 'FAILED', rawState: '8', message: 'internal error' });
    });
  });

  describe('setClusterLabels', () => {
    const labelsOf = async (cluster: string) => (await read().clusters!.get(cluster))!.labels;

    it('adds and removes labels until the cluster has exactly the requested ones, with no workflow', async () => {
      const before = known(await labelsOf(site)).map((l) => l.key);
      const kept = before[0]!;
      sim.resetStats();
      const result = await ops.setClusterLabels!(site, [
        { key: kept, value: '' },
        { key: 'fg-canary', value: '' },
        { key: 'ring.1', value: '' },
      ]);
      expect(result).toEqual({ target: { type: 'Cluster', nativeId: site } });
      expect(writes(sim)).toEqual({ 'POST /v1/cluster/label': 2, 'DELETE /v1/cluster/label': before.length - 1 });
      expect(await labelsOf(site)).toEqual([kept, 'fg-canary', 'ring.1'].sort().map((key) => ({ key, value: '' })));
      sim.resetStats();
      await ops.setClusterLabels!(site, []);
      expect(await labelsOf(site)).toEqual([]);
      expect(writes(sim)).toEqual({ 'DELETE /v1/cluster/label': 3 });
    });

    it.each([
      ['a value', [{ key: 'gpu', value: 'yes' }]],
      ['"all"', [{ key: 'all', value: '' }]],
      ['a name the vendor forbids', [{ key: 'north china', value: '' }]],
    ])('refuses %s with a ValidationError on labels and sends nothing', async (_what, labels) => {
      await expect(ops.setClusterLabels!(site, labels)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'labels' });
      expect(writes(sim)).toEqual({});
    });

    it('an unknown cluster is NotFoundError', async () => {
      await expect(ops.setClusterLabels!('nowhere-01', [])).rejects.toMatchObject({ code: 'NOT_FOUND', type: 'Cluster', id: 'nowhere-01' });
    });
  });
});

/**
 * The simulator's `latencyMs` delays every call, the reads an operation makes first
 * included; this one answers writes only once `answered` settles (after applying them),
 * as a vendor whose answer is lost on the way back.
 */
const slowWrites = (answered: Promise<void>): SimulatorDefinition => ({
  ...otestackSimulator,
  create(env) {
    const vendor = otestackSimulator.create(env);
    const late = (route: (typeof vendor.routes)[number]) => ({
      ...route,
      handle: async (req: Parameters<typeof route.handle>[0]) => {
        const answer = await route.handle(req);
        await answered;
        return answer;
      },
    });
    return { ...vendor, routes: vendor.routes.map((r) => (r.method === 'GET' || r.path === '/v1/authorization' ? r : late(r))) };
  },
});

describe('otestack operations: a write that times out', () => {
  it('is outcomeUnknown, was sent once, and did happen', async () => {
    let answer!: () => void;
    const sim = await startSimulator(slowWrites(new Promise<void>((r) => (answer = r))), { speed: 1, operationFailureRate: 0 });
    try {
      // Writes are never answered before the deadline; the reads before them have ample time.
      const adapter = createOtestackAdapter(oteSourceConfig(sim, { timeoutMs: 2_000 }), { metrics: createMetrics() });
      const site = (await vendor(sim, '/v1/cluster')).data[0].clusterName;
      await expect(
        adapter.operations!.createDeployment!({ clusterNativeIds: [site], name: 'fg-late', application: 'rtsp-gateway', version: '1.4', labels: [] }),
      ).rejects.toMatchObject({ code: 'SOURCE_TIMEOUT', detail: { outcomeUnknown: true } });
      await expect(adapter.operations!.setClusterLabels!(site, [{ key: 'fg-late', value: '' }])).rejects.toMatchObject({
        code: 'SOURCE_TIMEOUT',
        detail: { outcomeUnknown: true },
      });
      expect(writes(sim)).toEqual({ 'POST /v1/deploy': 1, 'POST /v1/cluster/label': 1 });
      expect((await vendor(sim, '/v1/deploy?pageSize=0')).data.some((d: any) => d.deployName === 'fg-late')).toBe(true);
      await adapter.close();
    } finally {
      answer();
      await sim.close();
    }
  });
});
