import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parse, print } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { startDemo } from '../../src/demo.js';
import type { Fleet } from '../../src/simulators/fleet.js';
import { tiemCreateInput } from '../helpers/inputs.js';
import { subscribe } from '../helpers/live.js';

/**
 * Two gateway OS processes, started the way an operator starts them (the real entry
 * point, a config file, REDIS_URL and PORT in the environment), sharing nothing but one
 * Redis and the simulators this test process runs. A mutation through one, a
 * subscription through the other: every update arrives, and one poller serves both.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = `e2e-${randomUUID()}`;
// Keys and channels of this run only: parallel runs, or a stale lease left by a killed
// run, cannot reach into it (the seeded simulators make the same workflow ids every run).
const PREFIX = `fleetgate-e2e-${randomUUID()}:`;
// The simulators' clocks stand still unless the test moves them (positive, as SIM_SPEED
// must be, but a whole run is far less than a simulated millisecond), so what the
// subscribers must see is exactly what the vendor says between two moves.
const SIM_SPEED = '1e-9';
const STEP_MS = 30_000;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

// The fields the gateway compares to tell a change from the same again (live.ts).
const WORKFLOW = 'id state progress message finishedAt steps { name state message }';
const PROGRESS = print(parse(`subscription($id: ID!) { workflowProgress(id: $id) { workflow { ${WORKFLOW} } error { code message } } }`));
const NODE = print(parse(`query($id: ID!) { node(id: $id) { ... on Workflow { ${WORKFLOW} } } }`));
const CREATE = print(
  parse(`mutation($input: CreateClusterInput!) {
    createCluster(input: $input) {
      __typename
      ... on OperationPayload { workflow { id state } }
      ... on ValidationError { field message }
      ... on SourceError { vendorCode vendorMessage }
    }
  }`),
);

interface Workflow {
  id: string;
  state: string;
  progress: number | null;
  message: string | null;
  finishedAt: string | null;
  steps: { name: string; state: string; message: string | null }[];
}

interface Replica {
  name: string;
  child: ChildProcess;
  exited: Promise<void>;
  /** stdout and stderr, printed only when a test fails. */
  output: string[];
  url: string;
}

let fleet: Fleet;
let dir: string;
const replicas: Replica[] = [];
let a: Replica;
let b: Replica;
let redis: Redis;

function spawnReplica(name: string, configFile: string, env: Record<string, string>): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--config', configFile], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const replica: Replica = { name, child, exited: new Promise((resolve) => child.once('exit', () => resolve())), output: [], url: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => replica.output.push(chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => replica.output.push(chunk));
  replicas.push(replica);
  return replica;
}

const alive = (r: Replica) => r.child.exitCode === null && r.child.signalCode === null;

/** Until `ok()`; gives up (with what it waited for) rather than hang when something is lost. */
async function until(what: string, ok: () => boolean | Promise<boolean>, failed?: () => unknown, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const failure = failed?.();
    if (failure) throw failure;
    if (await ok()) return;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(10);
  }
}

/** main.ts prints the URL it serves at (PORT=0 picks a free port); then every source must answer. */
async function ready(replica: Replica) {
  const serving = /serving \d+ sources at (http:\/\/\S+)\/graphql/;
  const dead = () => (alive(replica) ? undefined : new Error(`${replica.name} exited (${replica.child.exitCode ?? replica.child.signalCode})`));
  // Starting means compiling the gateway's TypeScript first: allow for a busy machine.
  await until(`${replica.name} to print its URL`, () => serving.test(replica.output.join('')), dead, 45_000);
  replica.url = serving.exec(replica.output.join(''))?.[1] as string;
  await until(`${replica.name} /readyz`, async () => (await fetch(`${replica.url}/readyz`).catch(() => undefined))?.status === 200, dead);
}

async function stop(replica: Replica) {
  if (!alive(replica)) return;
  replica.child.kill('SIGTERM');
  await Promise.race([replica.exited, sleep(5_000)]);
  if (alive(replica)) replica.child.kill('SIGKILL');
  await replica.exited;
}

// A worker that dies without running afterAll must still not leave gateways behind.
const killAll = () => replicas.filter(alive).forEach((r) => r.child.kill('SIGKILL'));

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  await redis.connect().catch((err: Error) => {
    throw new Error(`this test needs Redis at ${REDIS_URL} (redis-server --daemonize yes --port 6379 --save "" --appendonly no): ${err.message}`);
  });
  const demo = await startDemo({ SIM_SPEED, SIM_FAILURE_RATE: '0' });
  fleet = demo.fleet;

  // Secrets are never literal in a config file: each credential names a variable.
  const secrets: Record<string, string> = { FLEETGATE_E2E_TOKEN: TOKEN };
  const sources = demo.config.sources.map((s) => ({
    id: s.id,
    kind: s.kind,
    url: s.url,
    credentials: Object.fromEntries(
      Object.entries(s.credentials).map(([key, value]) => {
        const variable = `E2E_${s.id}_${key}`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
        secrets[variable] = value;
        return [key, { env: variable }];
      }),
    ),
  }));
  dir = mkdtempSync(join(tmpdir(), 'fleetgate-replicas-'));
  const configFile = join(dir, 'fleetgate.yaml');
  writeFileSync(
    configFile,
    toYaml({
      server: { port: 4000, host: '127.0.0.1', graphiql: false },
      sources,
      tokens: [{ name: 'e2e-operator', role: 'operator', token: { env: 'FLEETGATE_E2E_TOKEN' } }],
      redis: { prefix: PREFIX },
      // The clocks move only between looks, so a short first interval keeps the run
      // brisk; the long maximum keeps the lease (three maxima) far above any look.
      poll: { minIntervalMs: 20, maxIntervalMs: 1_000 },
    }),
  );

  process.once('exit', killAll);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    REDIS_URL,
    PORT: '0',
    ...secrets,
  };
  a = spawnReplica('replica A', configFile, env);
  b = spawnReplica('replica B', configFile, env);
  try {
    await Promise.all([ready(a), ready(b)]);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${replicas.map((r) => `--- ${r.name} ---\n${r.output.join('')}`).join('\n')}`);
  }
}, 60_000);

afterEach((context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const r of replicas) console.error(`--- ${r.name} (${r.url}) output ---\n${r.output.join('')}`);
});

afterAll(async () => {
  await Promise.all(replicas.map(stop));
  process.removeListener('exit', killAll);
  redis?.disconnect();
  await fleet?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function graphql<T>(replica: Replica, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`${replica.name}: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** Starts a TiEM cluster creation through `replica`: a workflow of fifteen steps over some thirteen simulated minutes. */
async function createCluster(replica: Replica, name: string): Promise<string> {
  const input = tiemCreateInput(name);
  const { createCluster: result } = await graphql<{ createCluster: any }>(replica, CREATE, { input });
  expect(result).toMatchObject({ __typename: 'OperationPayload', workflow: { state: 'PENDING' } });
  return result.workflow.id;
}

/** A workflowProgress subscription over graphql-ws, collecting what arrives. */
function watch(replica: Replica, id: string) {
  const stream = subscribe<{ workflow: Workflow; error: unknown }>(replica.url, TOKEN, PROGRESS, { id }, 'workflowProgress');
  let failure: unknown;
  const done = stream.done.catch((err: unknown) => {
    failure = err;
    throw err;
  });
  done.catch(() => undefined).finally(() => stream.dispose());
  return {
    replica: replica.name,
    done,
    get updates() {
      return stream.updates.map((u) => u.workflow);
    },
    get completed() {
      return stream.completed;
    },
    /** What went wrong: a GraphQL or socket error, or a failed look (the simulators are healthy). */
    get failure() {
      const failedLook = stream.updates.find((u) => u.error);
      return failure ?? (failedLook ? new Error(`${replica.name}: ${JSON.stringify(failedLook)}`) : undefined);
    },
  };
}
type Watcher = ReturnType<typeof watch>;

const same = (x: Workflow | undefined, y: Workflow) => JSON.stringify(x) === JSON.stringify(y);

/** Processes subscribed to `id`'s channel in Redis: each process subscribes once, however many clients it serves. */
const listening = async (id: string) => ((await redis.pubsub('NUMSUB', `${PREFIX}workflow:${id}`)) as [string, number])[1];

/**
 * Moves TiEM's clock a step at a time until the workflow ends. After each step it reads
 * the workflow through replica A (what the vendor now says) and waits until every
 * subscriber's latest update is exactly that, so no state can slip between two steps.
 * Returns the distinct states the vendor went through, in order.
 */
async function drive(id: string, watchers: Watcher[], whileRunning?: () => Promise<void>): Promise<Workflow[]> {
  const failed = () => watchers.find((w) => w.failure)?.failure;
  const states: Workflow[] = [];
  for (let step = 0; ; step++) {
    const { node: now } = await graphql<{ node: Workflow }>(a, NODE, { id });
    if (!same(states.at(-1), now)) states.push(now);
    await until(`${now.state} ${now.progress} on every subscriber`, () => watchers.every((w) => same(w.updates.at(-1), now)), failed);
    if (TERMINAL.has(now.state)) break;
    if (step === 0) {
      // A subscription listens on Redis only once its first update is out; a step taken
      // before that could publish the next state to nobody (see the report on live.ts).
      await until('both processes on the channel', async () => (await listening(id)) === new Set(watchers.map((w) => w.replica)).size, failed);
    }
    await whileRunning?.();
    if (step > 100) throw new Error(`workflow ${id} still ${now.state} after ${step} steps`);
    fleet.simulators.tiem.advance(STEP_MS);
  }
  await Promise.all(watchers.map((w) => w.done));
  return states;
}

/** Looks each process's pollers have taken (fleetgate_polls_total), from its /metrics. */
async function polls(): Promise<[number, number]> {
  const read = async (r: Replica) => {
    const text = await (await fetch(`${r.url}/metrics`)).text();
    const value = /^fleetgate_polls_total (\S+)$/m.exec(text)?.[1];
    if (value === undefined) throw new Error(`${r.name}: no fleetgate_polls_total in /metrics`);
    return Number(value);
  };
  return [await read(a), await read(b)];
}

function expectWholeStream(w: Watcher, states: Workflow[]) {
  // Every state the vendor went through, in order, nothing else, ending at the terminal one.
  expect(w.updates).toEqual(states);
  expect(w.completed).toBe(true);
  expect(w.updates.at(-1)?.state).toBe('SUCCEEDED');
  expect(w.updates.slice(0, -1).every((u) => !TERMINAL.has(u.state))).toBe(true);
  const progress = w.updates.map((u) => u.progress ?? 0);
  progress.slice(1).forEach((p, i) => expect(p).toBeGreaterThanOrEqual(progress[i] as number));
}

describe('two gateway processes sharing Redis', () => {
  it('streams a workflow started through A to a subscriber on B: every state, in order, then completes', async () => {
    const [beforeA, beforeB] = await polls();
    const id = await createCluster(a, 'e2e-replicas-1');
    const onB = watch(b, id);
    const states = await drive(id, [onB]);

    // A cluster creation passes through many distinct states (queued, each step, each share of a long one).
    expect(states.length).toBeGreaterThan(15);
    expect(states[0]?.state).toBe('PENDING');
    expectWholeStream(onB, states);
    // Only B has a subscriber, so only B polls.
    const [afterA, afterB] = await polls();
    expect(afterA - beforeA).toBe(0);
    expect(afterB - beforeB).toBeGreaterThan(0);
  });

  it('serves subscribers on A and B from one poller, each getting every update', async () => {
    const before = await polls();
    const id = await createCluster(b, 'e2e-replicas-2');
    const onA = watch(a, id);
    const onB = watch(b, id);
    const running: [number, number][] = [];
    const states = await drive(id, [onA, onB], async () => {
      const now = await polls();
      running.push([now[0] - before[0], now[1] - before[1]]);
    });

    expect(states.length).toBeGreaterThan(15);
    expectWholeStream(onA, states);
    expectWholeStream(onB, states);
    // Each process keeps a poller for its own subscriber, but only the lease holder
    // looks: while the workflow ran, one process polled and the other never did.
    const [mostA, mostB] = [Math.max(...running.map((p) => p[0])), Math.max(...running.map((p) => p[1]))];
    expect(Math.min(mostA, mostB)).toBe(0);
    expect(Math.max(mostA, mostB)).toBeGreaterThan(0);
    // At the end the holder releases its lease; the other process may take it for one
    // look before its own subscriber has heard the terminal state, never more.
    const after = await polls();
    expect(Math.min(after[0] - before[0], after[1] - before[1])).toBeLessThanOrEqual(1);
  });
});
