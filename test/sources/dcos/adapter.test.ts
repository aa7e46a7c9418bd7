import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config.js';
import { ConfigError } from '../../../src/config.js';
import { type MergedPage, mergedPage } from '../../../src/lists/merge.js';
import { comparator } from '../../helpers/order.js';
import { createMetrics } from '../../../src/metrics.js';
import type { Cluster } from '../../../src/model/entities.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import { createDcosAdapter } from '../../../src/sources/dcos/index.js';
import { SourceError } from '../../../src/sources/errors.js';
import { RequestScope } from '../../../src/sources/scope.js';
import { dcosSimulator } from '../../../src/simulators/dcos/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { dcosSourceConfig } from './support.js';
import { login } from '../../simulators/dcos/support.js';
import { failure } from '../../helpers/rejection.js';
import { known } from '../../helpers/known.js';

const HOUR = 3_600_000;
const UNKNOWN_ID = '000000000000000000000000';

let sim: RunningSimulator;
let adapter: SourceAdapter;

const config = (overrides: Partial<SourceConfig> = {}): SourceConfig => dcosSourceConfig(sim, overrides);
const build = (overrides: Partial<SourceConfig> = {}) => createDcosAdapter(config(overrides), { metrics: createMetrics() });
const session = (a: SourceAdapter = adapter) => a.session(new RequestScope());
const readers = () => {
  const s = session();
  return { clusters: s.clusters!, hosts: s.hosts!, events: s.events!, workflows: s.workflows! };
};
const routes = () => sim.stats().routes;

beforeAll(async () => {
  sim = await startSimulator(dcosSimulator, { speed: 1, operationFailureRate: 0 });
  adapter = build();
});
afterAll(async () => {
  await adapter.close();
  await sim.close();
});
beforeEach(async () => {
  // A fresh fleet; the adapter's token dies with the old one and is renewed here.
  sim.reset();
  await adapter.probe();
  sim.resetStats();
});

describe('clusters', () => {
  it('lists every cluster in one call, mapped', async () => {
    const clusters = await readers().clusters.list({});
    expect(clusters).toHaveLength(24);
    expect(routes()).toEqual({ 'GET /v1/cluster': 1 });
    expect(new Set(clusters.map((c) => c.status))).toEqual(new Set(['CREATING', 'RUNNING', 'UPDATING', 'FAILED', 'DELETING', 'DELETED']));
    const running = clusters.find((c) => c.rawStatus === 'RUNNING')!;
    expect(running).toMatchObject({ sourceId: 'dcos-test', kind: 'CONTAINER', status: 'RUNNING', labels: [] });
    expect(known(running.endpoints)[0]?.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(running.nodeCount).toBeGreaterThanOrEqual(3);
    expect(running.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });

  it('pushes one status down as the vendor filter; a status no vendor value maps to costs nothing', async () => {
    const all = await readers().clusters.list({});
    sim.resetStats();
    const running = await readers().clusters.list({ status: ['RUNNING'] });
    expect(running.map((c) => c.nativeId)).toEqual(all.filter((c) => c.status === 'RUNNING').map((c) => c.nativeId));
    expect(routes()).toEqual({ 'GET /v1/cluster': 1 });
    const window = await readers().clusters.window!({ status: ['CREATING'] }, 0, 10);
    expect(window.total).toBe(all.filter((c) => c.status === 'CREATING').length);
    expect(window.items.every((c) => c.rawStatus === 'INSTALLING')).toBe(true);
    sim.resetStats();
    expect(await readers().clusters.list({ status: ['STOPPED', 'DEGRADED'] })).toEqual([]);
    expect(sim.stats().total).toBe(0);
  });

  it('several statuses: one unfiltered call, filtered exactly, windows sliced from it', async () => {
    const all = await readers().clusters.list({});
    const wanted = all.filter((c) => c.status === 'RUNNING' || c.status === 'FAILED');
    sim.resetStats();
    const window = await readers().clusters.window!({ status: ['RUNNING', 'FAILED'] }, 2, 3);
    expect(window).toEqual({ items: wanted.slice(2, 5), total: wanted.length });
    expect(routes()).toEqual({ 'GET /v1/cluster': 1 });
  });

  it('windows walk the vendor pages in creation order, which the gateway pages natively', async () => {
    const { clusters } = readers();
    expect(clusters.nativeOrder).toBe('CREATED_AT_ASC');
    const all = await clusters.list({});
    expect([...all].sort(comparator({ field: 'CREATED_AT', direction: 'ASC' }))).toEqual(all);
    sim.resetStats();
    const seen: Cluster[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: MergedPage<'clusters'> = await mergedPage({
        entity: 'clusters',
        slots: [{ sourceId: 'dcos-test', reader: readers().clusters }],
        filter: {},
        order: { field: 'CREATED_AT', direction: 'ASC' },
        args: { first: 10, after },
      });
      pages++;
      seen.push(...page.edges.map((e) => e.node));
      if (pages === 1) expect(await page.totalCount()).toBe(24);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.map((c) => c.nativeId)).toEqual(all.map((c) => c.nativeId));
    // One vendor page per gateway page (each asks for one item more, to know if more follow).
    expect(routes()).toEqual({ 'GET /v1/cluster': 3 });
  });

  it('gets one cluster by id; unknown and malformed ids are null', async () => {
    const [first] = await readers().clusters.list({});
    sim.resetStats();
    const { clusters } = readers();
    expect(await clusters.get(first!.nativeId)).toEqual(first);
    expect(await clusters.get(UNKNOWN_ID)).toBeNull();
    expect(await clusters.get('not-an-id')).toBeNull();
    expect(routes()).toEqual({ 'GET /v1/cluster/{cluster_id}': 2 });
  });

  it('many gets in one tick become the one list call', async () => {
    const all = await readers().clusters.list({});
    sim.resetStats();
    const { clusters } = readers();
    const got = await Promise.all([...all.slice(0, 5).map((c) => clusters.get(c.nativeId)), clusters.get(UNKNOWN_ID)]);
    expect(got).toEqual([...all.slice(0, 5), null]);
    expect(routes()).toEqual({ 'GET /v1/cluster': 1 });
  });
});

describe('hosts', () => {
  it('byCluster for every cluster: one hosts call per cluster, never the same one twice', async () => {
    const clusters = await readers().clusters.list({});
    sim.resetStats();
    const { hosts } = readers();
    const lists = await Promise.all(clusters.map((c) => hosts.byCluster!(c.nativeId)));
    await Promise.all(clusters.map((c) => hosts.byCluster!(c.nativeId)));
    const one = lists[0]![0]!;
    expect(await hosts.get(one.nativeId)).toEqual(one);
    expect(routes()).toEqual({ 'GET /v1/cluster/{cluster_id}/hosts': 24 });
    lists.forEach((list, i) =>
      expect(list.every((h) => h.clusterNativeId === clusters[i]!.nativeId && h.nativeId.startsWith(`${h.clusterNativeId}:`))).toBe(true),
    );
    const flat = lists.flat();
    expect(new Set(flat.map((h) => h.status))).toEqual(new Set(['PROVISIONING', 'ONLINE', 'OFFLINE', 'FAILED', 'REMOVING']));
    const agent = flat.find((h) => h.role === 'shared' && h.status === 'ONLINE')!;
    expect(agent.usage?.cpu).toMatchObject({ unit: 'CORES' });
    expect(known(agent.usage?.memory)?.unit).toBe('BYTES');
    expect(known(agent.usage?.memory)?.total).toBeGreaterThan(1024 ** 3);
    expect(known(agent.usage?.storage)?.used).toBeGreaterThan(0);
    expect(agent.labels).toContainEqual({ key: 'lb', value: 'enable' });
    expect(flat.find((h) => h.role === 'master')?.usage).toBeUndefined();
  });

  it('pushes status, a tag and the cluster down', async () => {
    const clusters = await readers().clusters.list({});
    const everything = (await Promise.all(clusters.map((c) => readers().hosts.byCluster!(c.nativeId)))).flat();
    sim.resetStats();
    const online = await readers().hosts.list({ status: ['ONLINE'] });
    expect(online.map((h) => h.nativeId).sort()).toEqual(
      everything
        .filter((h) => h.status === 'ONLINE')
        .map((h) => h.nativeId)
        .sort(),
    );
    expect(routes()).toEqual({ 'GET /v1/cluster': 1, 'GET /v1/cluster/{cluster_id}/hosts': 24 });
    const lb = await readers().hosts.list({ labels: [{ key: 'lb', value: 'enable' }] });
    expect(lb.length).toBeGreaterThan(0);
    expect(lb.every((h) => h.role === 'shared')).toBe(true);
    sim.resetStats();
    const target = clusters[0]!;
    const ofOne = await readers().hosts.list({ clusterNativeId: target.nativeId });
    expect(ofOne.map((h) => h.nativeId)).toEqual(everything.filter((h) => h.clusterNativeId === target.nativeId).map((h) => h.nativeId));
    expect(await readers().hosts.list({ clusterNativeId: UNKNOWN_ID })).toEqual([]);
    expect(routes()).toEqual({ 'GET /v1/cluster/{cluster_id}/hosts': 2 });
  });

  it('get of an unknown or malformed host id is null', async () => {
    const [c] = await readers().clusters.list({});
    const { hosts } = readers();
    expect(await hosts.get(`${c!.nativeId}:${UNKNOWN_ID}`)).toBeNull();
    expect(await hosts.get(`${UNKNOWN_ID}:${UNKNOWN_ID}`)).toBeNull();
    expect(await hosts.get('no-colon')).toBeNull();
    expect(await hosts.byCluster!(UNKNOWN_ID)).toEqual([]);
  });
});

describe('events', () => {
  it('byCluster for every cluster is one /v1/logs call; for one cluster, one filtered call', async () => {
    const clusters = await readers().clusters.list({});
    sim.resetStats();
    const { events } = readers();
    const lists = await Promise.all(clusters.map((c) => events.byCluster!(c.nativeId)));
    expect(routes()).toEqual({ 'GET /v1/logs': 1 });
    lists.forEach((list, i) => expect(list.every((e) => e.clusterNativeId === clusters[i]!.nativeId)).toBe(true));
    const flat = lists.flat();
    expect(new Set(flat.map((e) => e.severity))).toEqual(new Set(['INFO', 'ERROR']));
    expect(flat.find((e) => e.category === 'create_cluster')).toMatchObject({
      actor: expect.any(String),
      message: expect.stringMatching(/^create_cluster (start|success|fail)/),
    });
    sim.resetStats();
    const one = await readers().events.byCluster!(clusters[3]!.nativeId);
    expect(one).toEqual(lists[3]);
    expect(await readers().events.get(one[0]!.nativeId)).toEqual(one[0]);
    expect(await readers().events.get(`${clusters[3]!.nativeId}:${UNKNOWN_ID}`)).toBeNull();
    expect(routes()).toEqual({ 'GET /v1/logs': 3 });
  });

  it('pages newest first natively; a severity filter is the gateway’s', async () => {
    const { events } = readers();
    expect(events.nativeOrder).toBe('OCCURRED_AT_DESC');
    expect(events.pushdown).toEqual(new Set(['clusterNativeId']));
    const all = await events.list({});
    expect([...all].sort(comparator({ field: 'OCCURRED_AT', direction: 'DESC' }))).toEqual(all);
    sim.resetStats();
    const page = await mergedPage({
      entity: 'events',
      slots: [{ sourceId: 'dcos-test', reader: readers().events }],
      filter: {},
      order: { field: 'OCCURRED_AT', direction: 'DESC' },
      args: { first: 5 },
    });
    expect(page.edges.map((e) => e.node)).toEqual(all.slice(0, 5));
    expect(await page.totalCount()).toBe(all.length);
    expect(routes()).toEqual({ 'GET /v1/logs': 1 });
    const errors = await mergedPage({
      entity: 'events',
      slots: [{ sourceId: 'dcos-test', reader: readers().events }],
      filter: { severity: ['ERROR'] },
      order: { field: 'OCCURRED_AT', direction: 'DESC' },
      args: { first: 50 },
    });
    expect(errors.edges.map((e) => e.node)).toEqual(all.filter((e) => e.severity === 'ERROR'));
  });
});

describe('workflows', () => {
  it('synthesizes running operations from the logs, and the same id reads SUCCEEDED once done', async () => {
    const clusters = await readers().clusters.list({});
    sim.resetStats();
    const workflows = await readers().workflows.list({});
    // All logs in one call, hosts only for the clusters with a running operation.
    const busy = clusters.filter((c) => ['CREATING', 'UPDATING', 'DELETING'].includes(known(c.status)));
    expect(routes()).toEqual({ 'GET /v1/logs': 1, 'GET /v1/cluster/{cluster_id}/hosts': busy.length });
    const active = workflows.filter((w) => w.state === 'RUNNING');
    expect(new Set(active.map((w) => w.clusterNativeId))).toEqual(new Set(busy.map((c) => c.nativeId)));
    expect(new Set(active.map((w) => w.kind))).toEqual(new Set(['CreateCluster', 'AddHosts', 'DeleteHosts', 'DeleteCluster']));
    for (const w of active) {
      expect(w.progress).toBeGreaterThanOrEqual(0);
      expect(w.progress).toBeLessThan(1);
      expect(w.steps.length).toBeGreaterThan(0);
      expect(w.target).toEqual({ type: 'Cluster', nativeId: w.clusterNativeId });
    }
    const done = workflows.filter((w) => w.state !== 'RUNNING');
    expect(done.some((w) => w.state === 'SUCCEEDED' && w.progress === 1 && w.finishedAt)).toBe(true);
    expect(done.some((w) => w.state === 'FAILED' && w.kind === 'CreateCluster')).toBe(true);

    const installing = clusters.find((c) => c.status === 'CREATING')!;
    const install = active.find((w) => w.clusterNativeId === installing.nativeId && w.kind === 'CreateCluster')!;
    expect(install.steps.every((s) => s.state === 'RUNNING')).toBe(true);
    expect(install.message).toMatch(/^install \d+ nodes/);

    // Created one to four minutes before the simulation started, the first node comes up
    // five minutes in, and the cluster settles no sooner than 30 s after its third node.
    sim.advance(4 * 60_000);
    const midway = await readers().workflows.get(install.nativeId);
    expect(midway?.state).toBe('RUNNING');
    expect(midway?.progress).toBeGreaterThan(0);

    sim.advance(HOUR);
    const s = session();
    const finished = await s.workflows!.get(install.nativeId);
    expect(finished).toMatchObject({ nativeId: install.nativeId, state: 'SUCCEEDED', rawState: 'success', progress: 1, startedAt: install.startedAt });
    expect(finished?.finishedAt).toBeDefined();
    expect((await s.clusters!.get(installing.nativeId))?.status).toBe('RUNNING');
    expect(await s.workflows!.list({ clusterNativeId: installing.nativeId })).toContainEqual(finished);
    expect((await readers().workflows.list({})).filter((w) => w.state === 'RUNNING')).toEqual([]);
  });

  it('get of an unknown workflow is null', async () => {
    const { workflows } = readers();
    expect(await workflows.get(`${UNKNOWN_ID}:${UNKNOWN_ID}`)).toBeNull();
    expect(await workflows.get('nothing')).toBeNull();
  });
});

describe('auth', () => {
  it('ten concurrent calls after every token expired cause exactly one login', async () => {
    // Ten different reads: identical ones in flight at once would share one call.
    const ids = (await readers().clusters.list({})).slice(0, 10).map((c) => c.nativeId);
    expect(ids).toHaveLength(10);
    sim.resetStats();
    sim.setFaults({ expireTokens: true });
    await Promise.all(ids.map((id) => readers().clusters.get(id)));
    expect(routes()['POST /v1/token']).toBe(1);
    // Each refused once with the expired token, and sent again with the new one.
    expect(routes()['GET /v1/cluster/{cluster_id}']).toBe(20);
  });

  it('a token is renewed when the vendor says it expired (8 simulated hours)', async () => {
    sim.advance(9 * HOUR);
    await readers().clusters.list({});
    expect(routes()).toEqual({ 'POST /v1/token': 1, 'GET /v1/cluster': 2 });
  });

  it('a wrong password is SOURCE_AUTH_FAILED, naming the source', async () => {
    const wrong = build({ credentials: { ...sim.credentials, password: 'nope' } });
    const err = await failure(session(wrong).clusters!.list({}));
    expect(err.code).toBe('SOURCE_AUTH_FAILED');
    expect(err.sourceId).toBe('dcos-test');
    expect(err.message).toMatch(/^dcos-test: /);
    await wrong.close();
  });

  it('takes a static token instead, and never logs in', async () => {
    const { token } = await login(sim);
    sim.resetStats();
    const fixed = build({ credentials: { token } });
    expect(await session(fixed).clusters!.list({})).toHaveLength(24);
    expect(routes()).toEqual({ 'GET /v1/cluster': 1 });
    await fixed.close();
  });

  it('logs in at authUrl when it is set', async () => {
    const logins: string[] = [];
    const users: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', async () => {
        logins.push(`${req.method} ${req.url}`);
        const answer = await fetch(`${sim.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body });
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(await answer.text());
      });
    });
    await new Promise<void>((r) => users.listen(0, '127.0.0.1', r));
    const split = build({ authUrl: `http://127.0.0.1:${(users.address() as AddressInfo).port}` });
    expect(await session(split).clusters!.list({})).toHaveLength(24);
    expect(logins).toEqual(['POST /v1/token']);
    expect(routes()).toEqual({ 'POST /v1/token': 1, 'GET /v1/cluster': 1 });
    await split.close();
    await new Promise<void>((r) => users.close(() => r()));
  });

  it('needs email, password and tenantname, or a token', () => {
    expect(() => build({ credentials: { email: 'a', password: 'b' } })).toThrow(ConfigError);
    expect(() => build({ credentials: {} })).toThrow(/email, password, tenantname/);
  });
});

describe('faults', () => {
  // Each case has its own adapter, so one case's failures never open another's breaker.
  it('a malformed body is SOURCE_BAD_RESPONSE', async () => {
    const a = build();
    await a.probe();
    sim.setFaults({ malformed: true });
    const err = await failure(session(a).clusters!.list({}));
    expect(err.code).toBe('SOURCE_BAD_RESPONSE');
    expect(err.sourceId).toBe('dcos-test');
    await a.close();
  });

  it('a body in the wrong shape is SOURCE_BAD_RESPONSE naming the field', async () => {
    const wrong: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: true, data: [{ _id: 'x', name: 7, status: 'RUNNING' }] }));
    });
    await new Promise<void>((r) => wrong.listen(0, '127.0.0.1', r));
    const b = build({ url: `http://127.0.0.1:${(wrong.address() as AddressInfo).port}`, credentials: { token: 't' } });
    const err = await failure(session(b).clusters!.list({}));
    expect(err.code).toBe('SOURCE_BAD_RESPONSE');
    expect(err.message).toMatch(/data\.0\.name/);
    await b.close();
    await new Promise<void>((r) => wrong.close(() => r()));
  });

  it('a dropped connection is SOURCE_UNAVAILABLE', async () => {
    const a = build();
    await a.probe();
    sim.setFaults({ down: true });
    const err = await failure(session(a).clusters!.list({}));
    expect(err.code).toBe('SOURCE_UNAVAILABLE');
    expect(err.sourceId).toBe('dcos-test');
    await expect(a.probe()).rejects.toBeInstanceOf(SourceError);
    await a.close();
  });

  it('a proxy’s HTML 5xx page is SOURCE_UNAVAILABLE', async () => {
    const a = build();
    await a.probe();
    sim.setFaults({ htmlErrors: true, errorRate: 1 });
    const err = await failure(session(a).events!.list({}));
    expect(err.code).toBe('SOURCE_UNAVAILABLE');
    expect(err.detail.httpStatus).toBe(500);
    expect(err.sourceId).toBe('dcos-test');
    await a.close();
  });

  it('the vendor’s own error envelope is SOURCE_ERROR with its code and message', async () => {
    const a = build();
    await a.probe();
    sim.setFaults({ errorRate: 1 });
    const err = await failure(session(a).clusters!.list({}));
    expect(err.code).toBe('SOURCE_ERROR');
    expect(err.detail).toMatchObject({ httpStatus: 500, vendorCode: 'E12003', vendorMessage: expect.stringMatching(/injected/) });
    await a.close();
  });

  it('probe and health', async () => {
    await adapter.probe();
    expect(adapter.health().health).toBe('UP');
    expect(adapter.capabilities.entities).toEqual(['clusters', 'hosts', 'events', 'workflows']);
  });
});
