/**
 * The scale table of `npm run bench` (alone: `npm run bench:scale`): for 1k, 5k and 10k
 * clusters per source, how long each simulator takes to start (wall time and CPU), and
 * what each reference page costs the gateway: time, the gateway's CPU, vendor calls and
 * the gateway's peak RSS. The simulators run in a child process (this file,
 * `simulators <count>`) and the gateway in another, a fresh one per query
 * (bench/gateway-process.ts), so the CPU and RSS are the gateway's own and each peak
 * is that query's.
 *
 *   BENCH_SCALE_SIZES=1000,5000,10000 BENCH_SCALE_RUNS=5 npm run bench:scale
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { print } from 'graphql';
import { SOURCE_KINDS, type SourceKind } from '../src/model/source-kind.js';
import { SIMULATORS } from '../src/simulators/fleet.js';
import { type RunningSimulator, startSimulator } from '../src/simulators/kit/server.js';
import { ClusterPageDocument } from '../test/generated/operations.js';
import type { GatewayStart, GatewayUsage } from './gateway-process.js';

interface StartedSimulator {
  kind: SourceKind;
  url: string;
  credentials: Record<string, string>;
  startMs: number;
  /** The CPU the start took: on a machine shared with other work, wall time runs ahead of it. */
  startCpuMs: number;
}

interface SimulatorsReady {
  simulators: StartedSimulator[];
  rssBytes: number;
}

const TOKEN = 'bench-scale-token';
const QUERIES = {
  'clusters(first: 50) by name': { query: print(ClusterPageDocument), variables: { first: 50 } },
  'clusters(first: 50) in source order': { query: print(ClusterPageDocument), variables: { first: 50, orderBy: { field: 'SOURCE', direction: 'ASC' } } },
};

/** Child side: the five simulators, one after another so each start is timed alone. */
async function serveSimulators(clusters: number): Promise<void> {
  const simulators: StartedSimulator[] = [];
  const running: RunningSimulator[] = [];
  for (const kind of SOURCE_KINDS) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const sim = await startSimulator(SIMULATORS[kind], { clusters, speed: 1, operationFailureRate: 0 });
    const spent = process.cpuUsage(cpu);
    simulators.push({
      kind,
      url: sim.url,
      credentials: sim.credentials,
      startMs: Math.round(performance.now() - started),
      startCpuMs: Math.round((spent.user + spent.system) / 1000),
    });
    running.push(sim);
  }
  const ready: SimulatorsReady = { simulators, rssBytes: process.memoryUsage().rss };
  process.send?.(ready);
  process.on('disconnect', () => {
    Promise.all(running.map((s) => s.close())).finally(() => process.exit(0));
  });
}

function startSimulators(clusters: number): Promise<{ child: ChildProcess; ready: SimulatorsReady }> {
  const child = fork(fileURLToPath(import.meta.url), ['simulators', String(clusters)], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as SimulatorsReady }));
    child.once('exit', (code) => reject(new Error(`the simulators for ${clusters} clusters exited (${code}) before they were ready`)));
  });
}

const control = (url: string, method: string) => fetch(`${url}/__sim/stats`, { method }).then((r) => r.json() as Promise<{ total: number }>);

/** A gateway in a process of its own (bench/gateway-process.ts), run as `npm start` runs it. */
async function startGatewayProcess(simulators: StartedSimulator[]) {
  const child = fork(new URL('./gateway-process.ts', import.meta.url), { execArgv: ['--max-semi-space-size=32', '--import', 'tsx'], stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the gateway exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m as T);
      });
    });
  const listening = next<{ url: string }>();
  const start: GatewayStart = { simulators: simulators.map(({ kind, url, credentials }) => ({ kind, url, credentials })), token: TOKEN };
  child.send(start);
  const { url } = await listening;
  return {
    url,
    usage: () => {
      const answer = next<GatewayUsage>();
      child.send('usage');
      return answer;
    },
    close: () => {
      child.disconnect();
      return exited;
    },
  };
}

/**
 * One reference query against a fresh gateway: its first run (which also logs in to every
 * source) is left out of the times but not of the peak RSS, which is the high-water mark
 * of the gateway's whole life; CPU is the gateway's own over the timed runs.
 */
async function measureQuery(simulators: StartedSimulator[], name: string, body: object, runs: number) {
  const gateway = await startGatewayProcess(simulators);
  const run = async () => {
    const res = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    });
    const result = (await res.json()) as { errors?: unknown[] };
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors).slice(0, 300));
  };
  try {
    const fresh = await gateway.usage();
    await run();
    await Promise.all(simulators.map((s) => control(s.url, 'DELETE')));
    const before = await gateway.usage();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    const after = await gateway.usage();
    const calls = await Promise.all(simulators.map(async (s) => [s.kind, (await control(s.url, 'GET')).total / runs] as const));
    times.sort((a, b) => a - b);
    return {
      query: name,
      'median ms': Math.round(times[Math.floor(times.length / 2)] ?? 0),
      'gateway CPU ms/query': Math.round((after.cpuUs - before.cpuUs) / 1000 / runs),
      'gateway RSS MiB at start': Math.round(fresh.rssBytes / 2 ** 20),
      'gateway peak RSS MiB': Math.round(after.maxRssBytes / 2 ** 20),
      'vendor calls': calls.reduce((n, [, c]) => n + c, 0),
      ...Object.fromEntries(calls),
    };
  } finally {
    await gateway.close();
  }
}

async function measureSize(clusters: number, runs: number) {
  const { child, ready } = await startSimulators(clusters);
  try {
    const rows = [];
    for (const [name, body] of Object.entries(QUERIES)) rows.push({ 'clusters/source': clusters, ...(await measureQuery(ready.simulators, name, body, runs)) });
    return {
      rows,
      start: {
        'clusters/source': clusters,
        ...Object.fromEntries(ready.simulators.map((s) => [`${s.kind} start ms (CPU)`, `${s.startMs} (${s.startCpuMs})`])),
        'simulators RSS MiB': Math.round(ready.rssBytes / 2 ** 20),
      },
    };
  } finally {
    child.disconnect();
  }
}

/** Prints the scale table: simulator starts and gateway RSS per size, then the queries. */
export async function runScale(env: Record<string, string | undefined> = process.env): Promise<void> {
  const sizes = (env.BENCH_SCALE_SIZES ?? '1000,5000,10000').split(',').map(Number);
  const runs = Number(env.BENCH_SCALE_RUNS ?? 5);
  console.log(
    `\nScale: five sources of each size, simulators and a fresh gateway per query each in a process of their own, ${runs} runs per query after one untimed (vendor calls and CPU per run)`,
  );
  // Each size as soon as it is measured: the largest takes minutes on a busy machine.
  for (const clusters of sizes) {
    const measured = await measureSize(clusters, runs);
    console.table([measured.start]);
    console.table(measured.rows);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === 'simulators') await serveSimulators(Number(process.argv[3]));
  else await runScale();
}
