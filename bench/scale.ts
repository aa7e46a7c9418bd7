/**
 * The scale table of `npm run bench` (alone: `npm run bench:scale`): for 1k, 5k and 10k
 * clusters per source, how long each simulator takes to start (wall time and CPU), what the reference
 * pages cost the gateway in time and vendor calls, with the gateway's RSS. The
 * simulators run in a child process (this file, `simulators <count>`), so the RSS is
 * the gateway's own.
 *
 *   BENCH_SCALE_SIZES=1000,5000,10000 BENCH_SCALE_RUNS=5 npm run bench:scale
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { print } from 'graphql';
import { DEFAULT_LIMITS, defaultHosts, type GatewayConfig } from '../src/config.js';
import { demoSource } from '../src/demo.js';
import { createLogger } from '../src/log.js';
import { SOURCE_KINDS, type SourceKind } from '../src/model/source-kind.js';
import { startGateway } from '../src/server.js';
import { SIMULATORS } from '../src/simulators/fleet.js';
import { type RunningSimulator, startSimulator } from '../src/simulators/kit/server.js';
import { ADAPTERS } from '../src/sources/kinds.js';
import { ClusterPageDocument } from '../test/generated/operations.js';

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

async function measureSize(clusters: number, runs: number) {
  const { child, ready } = await startSimulators(clusters);
  const config: GatewayConfig = {
    port: 0,
    host: '127.0.0.1',
    graphiql: false,
    introspection: true,
    limits: DEFAULT_LIMITS,
    hosts: defaultHosts('127.0.0.1'),
    corsOrigins: [],
    // A list of 10,000 clusters is one large answer on a busy machine: no timeout in the way.
    sources: ready.simulators.map((s) => ({ ...demoSource(s.kind, s), timeoutMs: 120_000 })),
    tokens: [{ name: 'bench', role: 'admin', token: TOKEN }],
    demo: false,
  };
  const gateway = await startGateway(config, { factories: ADAPTERS, logger: createLogger('silent') });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const run = async (body: object) => {
    const res = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    });
    const result = (await res.json()) as { errors?: unknown[] };
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors).slice(0, 300));
  };
  try {
    // Logins happen once per source, not per query: done here, they stay out of the figures.
    await run({ query: print(ClusterPageDocument), variables: { first: 1 } });
    const rows = [];
    for (const [name, body] of Object.entries(QUERIES)) {
      await Promise.all(ready.simulators.map((s) => control(s.url, 'DELETE')));
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await run(body);
        times.push(performance.now() - started);
      }
      const calls = await Promise.all(ready.simulators.map(async (s) => [s.kind, (await control(s.url, 'GET')).total / runs] as const));
      times.sort((a, b) => a - b);
      rows.push({
        'clusters/source': clusters,
        query: name,
        'median ms': Math.round(times[Math.floor(times.length / 2)] ?? 0),
        'vendor calls': calls.reduce((n, [, c]) => n + c, 0),
        ...Object.fromEntries(calls),
      });
    }
    return {
      rows,
      start: {
        'clusters/source': clusters,
        ...Object.fromEntries(ready.simulators.map((s) => [`${s.kind} start ms (CPU)`, `${s.startMs} (${s.startCpuMs})`])),
        'simulators RSS MiB': Math.round(ready.rssBytes / 2 ** 20),
        'gateway peak RSS MiB': Math.round(peakRss / 2 ** 20),
      },
    };
  } finally {
    clearInterval(sampler);
    await gateway.close();
    child.disconnect();
  }
}

/** Prints the scale table: simulator starts and gateway RSS per size, then the queries. */
export async function runScale(env: Record<string, string | undefined> = process.env): Promise<void> {
  const sizes = (env.BENCH_SCALE_SIZES ?? '1000,5000,10000').split(',').map(Number);
  const runs = Number(env.BENCH_SCALE_RUNS ?? 5);
  console.log(`\nScale: five sources of each size, simulators in a child process, ${runs} runs per query (vendor calls per run)`);
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
