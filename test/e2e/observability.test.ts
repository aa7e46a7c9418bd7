import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { encodeGlobalId } from '../../src/model/ids.js';
import { tiemCreateInput } from '../helpers/inputs.js';
import { ADMIN_TOKEN, type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

const VIEWER_TOKEN = 'observability-viewer';
const RESULT = '__typename ... on Error { code } ... on OperationPayload { targetId workflow { id } }';

/** Every access and audit line the gateway writes, and a way to ask it over HTTP. */
describe('access log, audit log and per-operation metrics', () => {
  let demo: DemoGateway;
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

  const post = async (body: unknown, token = ADMIN_TOKEN, headers: Record<string, string> = {}) => {
    const res = await fetch(`${demo.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[]; extensions?: any } };
  };
  const access = () => lines.filter((l) => l.access).map((l) => l.access);
  const audits = () => lines.filter((l) => l.audit).map((l) => l.audit);

  beforeAll(async () => {
    demo = await startDemoGateway({
      logger: createLogger('info', sink),
      server: {
        tokens: [
          { name: 'ada', role: 'admin', token: ADMIN_TOKEN },
          { name: 'vic', role: 'viewer', token: VIEWER_TOKEN },
        ],
      },
    });
  });
  afterAll(() => demo?.close());

  it('writes one access line per request: answered, refused before it ran, and malformed', async () => {
    lines.length = 0;
    await post({ query: 'query Names { clusters(first: 2) { edges { node { name } } } }' });
    await post({ query: 'query Names { clusters(first: 1) { totalCount } }' }, 'not-a-token');
    await post('{"query": ');
    expect(access()).toEqual([
      expect.objectContaining({
        method: 'POST',
        status: 200,
        operation: 'Names',
        type: 'query',
        viewer: 'ada',
        vendorCalls: expect.any(Number),
        durationMs: expect.any(Number),
      }),
      expect.objectContaining({ method: 'POST', status: 401 }),
      expect.objectContaining({ method: 'POST', status: 400 }),
    ]);
    expect(access()[1]).not.toHaveProperty('viewer');
    expect(access()[2]).not.toHaveProperty('operation');
  });

  it('audits every mutation attempt: who, what, target and outcome, and no other input', async () => {
    const listed = await post({ query: '{ clusters(first: 1, filter: { sourceKinds: [TIEM], status: [RUNNING] }) { edges { node { id } } } }' });
    const cluster = listed.body.data.clusters.edges[0].node.id as string;
    const missing = encodeGlobalId({ type: 'Cluster', sourceId: 'tiem', nativeId: 'no-such-cluster' });
    lines.length = 0;

    const restart = await post({ query: `mutation Restart($id: ID!) { restartCluster(id: $id) { ${RESULT} } }`, variables: { id: cluster } });
    const gone = await post({ query: `mutation Restart($id: ID!) { restartCluster(id: $id) { ${RESULT} } }`, variables: { id: missing } });
    const forbidden = await post({ query: `mutation Restart($id: ID!) { restartCluster(id: $id) { ${RESULT} } }`, variables: { id: cluster } }, VIEWER_TOKEN);

    expect(restart.body.errors, JSON.stringify(restart.body.errors)).toBeUndefined();
    const answer = restart.body.data.restartCluster;
    expect(gone.body.errors, JSON.stringify(lines.filter((l) => l.level >= 50))).toBeUndefined();
    expect(gone.body.data.restartCluster).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(audits()).toEqual([
      {
        viewer: 'ada',
        role: 'admin',
        mutation: 'restartCluster',
        target: { id: cluster },
        outcome: answer.__typename === 'OperationPayload' ? 'ACCEPTED' : answer.code,
        ...(answer.targetId ? { targetId: answer.targetId } : {}),
        ...(answer.workflow ? { workflowId: answer.workflow.id } : {}),
      },
      { viewer: 'ada', role: 'admin', mutation: 'restartCluster', target: { id: missing }, outcome: 'NOT_FOUND' },
      { viewer: 'vic', role: 'viewer', mutation: 'restartCluster', target: { id: cluster }, outcome: 'FORBIDDEN' },
    ]);
  });

  it('keeps a create’s secrets out of the audit line', async () => {
    lines.length = 0;
    await post({
      query: `mutation($input: CreateClusterInput!) { createCluster(input: $input) { ${RESULT} } }`,
      variables: { input: tiemCreateInput('audited', 'S3cret!audit') },
    });
    const [line] = audits();
    expect(line).toMatchObject({ mutation: 'createCluster', target: { sourceId: 'tiem', name: 'audited' }, outcome: 'ACCEPTED' });
    expect(JSON.stringify(lines)).not.toContain('S3cret!audit');
  });

  it('counts operations by name, type and outcome in /metrics, with unprefixed-once process metrics', async () => {
    await post({ query: 'query Counted { sources { sourceId } }' });
    await post({ query: 'query Counted { sources { sourceId } }' });
    const text = await (await fetch(`${demo.gateway.url}/metrics`)).text();
    expect(text).toContain('fleetgate_graphql_operations_total{operation="Counted",type="query",outcome="ok"} 2');
    expect(text).toMatch(/fleetgate_graphql_operation_duration_seconds_count\{operation="Counted",type="query"\} 2/);
    expect(text).toContain('fleetgate_process_cpu_user_seconds_total');
    expect(text).not.toContain('fleetgate_process_process_');
  });

  it('says what a query cost the vendors when asked: each call for operators, counts per source for viewers', async () => {
    const query = { query: '{ clusters(first: 3, filter: { sourceKinds: [TIEM, DWS] }) { edges { node { name } } } }' };
    demo.resetCounts();
    const admin = await post(query, ADMIN_TOKEN, { 'x-fleetgate-vendor-calls': '1' });
    const made = demo.vendorCalls();
    const madeBySource = { tiem: made.tiem!.total, dws: made.dws!.total };
    const cost = admin.body.extensions?.vendorCalls;
    expect(cost.bySource).toEqual(madeBySource);
    expect(cost.total).toBe(madeBySource.tiem + madeBySource.dws);
    expect(cost.calls).toHaveLength(cost.total);
    expect(cost.calls[0]).toEqual({ source: expect.any(String), route: expect.stringMatching(/^(GET|POST) \//), outcome: 200, ms: expect.any(Number) });

    const viewer = await post(query, VIEWER_TOKEN, { 'x-fleetgate-vendor-calls': '1' });
    expect(Object.keys(viewer.body.extensions?.vendorCalls).sort()).toEqual(['bySource', 'total']);
    expect((await post(query)).body.extensions?.vendorCalls).toBeUndefined();
  });

  it('answers a dry run with the estimate and no vendor call, mutations included', async () => {
    demo.resetCounts();
    const dry = { 'x-fleetgate-dry-run': '1' };
    const plan = await post(
      { query: '{ clusters(first: 5) { edges { node { hosts(first: 4) { edges { node { name } } } } } } sources { sourceId } }' },
      ADMIN_TOKEN,
      dry,
    );
    expect(plan.body).toEqual({
      data: null,
      extensions: { dryRun: { estimatedVendorFetches: 6, byField: { clusters: 6, sources: 0 }, limit: expect.any(Number), allowed: true } },
    });
    const create = await post(
      { query: 'mutation($input: CreateClusterInput!) { createCluster(input: $input) { __typename } }', variables: { input: tiemCreateInput('dry') } },
      ADMIN_TOKEN,
      dry,
    );
    expect(create.body.data).toBeNull();
    expect(create.body.extensions?.dryRun.allowed).toBe(true);
    const tooBig = await post({ query: '{ clusters(first: 100000) { edges { node { name } } } }' }, ADMIN_TOKEN, dry);
    expect(tooBig.body.extensions?.dryRun).toMatchObject({ allowed: false, problem: expect.stringContaining('clusters(first: 100000)') });
    expect(Object.values(demo.vendorCalls()).map((s) => s.total)).toEqual([0, 0, 0, 0, 0]);
  });
});
