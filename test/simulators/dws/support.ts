import { readFileSync } from 'node:fs';
import { dwsSimulator } from '../../../src/simulators/dws/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { call } from '../../helpers/sim-client.js';
import { useSimulator } from '../../helpers/use-simulator.js';

export const MIN = 60_000;

export const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/dws/${name}`, import.meta.url), 'utf8'));

export const loginBody = (over: { name?: string; password?: string; domain?: string; project?: string } = {}) => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name: over.name ?? 'demo', password: over.password ?? 'Demo@12345', domain: { name: over.domain ?? 'demo' } } },
    },
    scope: { project: { name: over.project ?? 'demo' } },
  },
});

const AT_SPEED_1_WITHOUT_FAILURES = { speed: 1, operationFailureRate: 0 };

export const startDws = (options: { seed?: string; clusters?: number; epochMs?: number } = {}) =>
  startSimulator(dwsSimulator, { ...AT_SPEED_1_WITHOUT_FAILURES, ...options });

/** One dws simulator for the enclosing describe block, at speed 1 with no random failures. */
export const useDws = () => useSimulator(dwsSimulator, AT_SPEED_1_WITHOUT_FAILURES);

/** A logged-in client: `get/post/put/del` take paths relative to `/v1.0/{project_id}` unless they start with `/v`. */
export async function client(sim: RunningSimulator) {
  const res = await call(sim, 'POST', '/v3/auth/tokens', { body: loginBody() });
  const token = res.headers.get('x-subject-token') as string;
  const projectId: string = res.body.token.project.id;
  const url = (p: string) => (p.startsWith('/v') ? p.replace('{pid}', projectId) : `/v1.0/${projectId}${p}`);
  const headers = { 'x-auth-token': token };
  return {
    token,
    projectId,
    get: (p: string) => call(sim, 'GET', url(p), { headers }),
    post: (p: string, body?: unknown) => call(sim, 'POST', url(p), { headers, ...(body !== undefined ? { body } : {}) }),
    del: (p: string, body?: unknown) => call(sim, 'DELETE', url(p), { headers, ...(body !== undefined ? { body } : {}) }),
    put: (p: string, body?: unknown) => call(sim, 'PUT', url(p), { headers, ...(body !== undefined ? { body } : {}) }),
  };
}
export type Client = Awaited<ReturnType<typeof client>>;

/** The seeded clusters, newest first as listed. */
export async function clusters(c: Client): Promise<any[]> {
  return (await c.get('/clusters')).body.clusters;
}

/** An idle healthy seeded cluster with at least `minNodes` nodes. */
export async function idleCluster(c: Client, minNodes = 3): Promise<any> {
  const found = (await clusters(c)).find((x) => x.status === 'AVAILABLE' && x.task_status === null && x.number_of_node >= minNodes);
  if (!found) throw new Error('no idle cluster in the seeded fleet');
  return found;
}

export const createBody = (name: string, over: Record<string, unknown> = {}) => ({
  cluster: {
    node_type: 'dws.m3.xlarge',
    number_of_node: 6,
    number_of_cn: 2,
    subnet_id: '374eca02-cfc4-4de7-8ab5-dbebf7d9a720',
    security_group_id: 'dc3ec145-9029-4b39-b5a3-ace5a01f772b',
    vpc_id: '85b20d7e-9eb7-4b2a-98f3-3c8843ea3574',
    availability_zone: 'cn-north-4a',
    name,
    user_name: 'dbadmin',
    user_pwd: 'Gauss_2024!x',
    ...over,
  },
});

/** Creates a cluster and runs its creation to the end (at most 15 simulated minutes). */
export async function readyCluster(sim: RunningSimulator, c: Client, name: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await c.post('/clusters', createBody(name, over));
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  sim.advance(16 * MIN);
  return res.body.cluster.id;
}
