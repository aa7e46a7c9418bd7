/**
 * `npm run bench`: the gateway in this process, the simulators in a process of their own
 * (bench/fleet-process.ts) and the load from autocannon's own process, so this process's
 * CPU is the gateway's alone. For each reference query under load: req/s, p50/p99
 * latency, the gateway's CPU ms per request, vendor calls per query (one request alone)
 * and per request under load (where concurrent identical reads share calls), peak RSS —
 * once with batching and once without, to show what batching and sharing save.
 *
 *   BENCH_CLUSTERS=120 BENCH_LATENCY_MS=5 BENCH_SECONDS=10 BENCH_CONNECTIONS=10 npm run bench
 *
 * Then the scale table (bench/scale.ts); BENCH_ONLY=scale runs only that.
 */
import { execFile, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { print } from 'graphql';
import { demoConfig } from '../src/demo.js';
import type { SourceKind } from '../src/model/source-kind.js';
import { createLogger } from '../src/log.js';
import { startGateway } from '../src/server.js';
import { ADAPTERS } from '../src/sources/kinds.js';
import { runScale } from './scale.js';
import { ClusterPageDocument, ClustersDeepDocument, FleetSummaryDocument } from '../test/generated/operations.js';

const env = process.env;
const clusters = Number(env.BENCH_CLUSTERS ?? 120);
const latencyMs = Number(env.BENCH_LATENCY_MS ?? 5);
const seconds = Number(env.BENCH_SECONDS ?? 10);
const connections = Number(env.BENCH_CONNECTIONS ?? 10);
const TOKEN = 'bench-admin-token';
const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };

const QUERIES = {
  'clusters+hosts+snapshots+events (first 100)': { query: print(ClustersDeepDocument), variables: { first: 100 } },
  'clusters by name (first 50)': { query: print(ClusterPageDocument), variables: { first: 50, orderBy: { field: 'NAME', direction: 'ASC' } } },
  fleetSummary: { query: print(FleetSummaryDocument), variables: {} },
  // peer-bench's nested shape (bench/peer-nested.sh): 1 + one hosts call per DC/OS cluster.
  'DC/OS clusters each with hosts': { query: readFileSync(new URL('./peer-nested.graphql', import.meta.url), 'utf8'), variables: {} },
};
const AUTOCANNON = new URL('../node_modules/.bin/autocannon', import.meta.url).pathname;

type Simulators = Record<SourceKind, { url: string; credentials: Record<string, string> }>;

/** The simulators in their own process; closed when this one lets go of it. */
async function startFleetProcess(): Promise<{ simulators: Simulators; close(): void }> {
  const child = fork(new URL('./fleet-process.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: { ...env, SIM_CLUSTERS: String(clusters), SIM_SPEED: '1', SIM_FAILURE_RATE: '0' },
  });
  const simulators = await new Promise<Simulators>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Simulators));
    child.once('exit', (code) => reject(new Error(`the simulators' process exited (${code}) before listening`)));
  });
  return { simulators, close: () => child.disconnect() };
}

/** Each simulator's control surface (src/simulators/kit/server.ts). */
const control = (sim: { url: string }, op: string, method = 'GET', body?: unknown) =>
  fetch(`${sim.url}/__sim/${op}`, { method, ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) }).then(
    (r) => r.json() as Promise<{ total: number }>,
  );

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

/** autocannon in its own process, and the CPU this process (the gateway) spent meanwhile. */
async function load(url: string, body: string) {
  const cpu = process.cpuUsage();
  const args = ['-c', String(connections), '-d', String(seconds), '-m', 'POST', '-b', body, '--json', url];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  const { stdout } = await promisify(execFile)(AUTOCANNON, args, { maxBuffer: 64 * 1024 * 1024 });
  const spent = process.cpuUsage(cpu);
  const result = JSON.parse(stdout) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number };
  // No request finished: no figure, rather than the whole CPU spent charged to none.
  const done = result.requests.total;
  return { ...result, cpuMsPerRequest: done ? Number(((spent.user + spent.system) / 1000 / done).toFixed(2)) : null };
}

async function runMode(batching: boolean) {
  const fleet = await startFleetProcess();
  const sims = Object.entries(fleet.simulators) as [SourceKind, Simulators[SourceKind]][];
  await Promise.all(sims.map(([, sim]) => control(sim, 'faults', 'POST', { latencyMs })));
  const config = demoConfig(fleet.simulators, { ...env, FLEETGATE_TOKEN: TOKEN });
  const gateway = await startGateway({ ...config, port: 0 }, { factories: ADAPTERS, logger: createLogger('silent'), batching });
  const rows = [];
  const stats = () => Promise.all(sims.map(async ([kind, sim]) => [kind, (await control(sim, 'stats')).total] as const));
  const vendorTotal = async () => (await stats()).reduce((n, [, total]) => n + total, 0);
  for (const [name, body] of Object.entries(QUERIES)) {
    // Requests the previous load left in flight would pollute this query's count.
    for (let before = -1; before !== (await vendorTotal()); ) {
      before = await vendorTotal();
      await new Promise((r) => setTimeout(r, 300));
    }
    await Promise.all(sims.map(([, sim]) => control(sim, 'stats', 'DELETE')));
    const once = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
    const result = (await once.json()) as { errors?: unknown[] };
    if (result.errors?.length) throw new Error(`${name}: ${JSON.stringify(result.errors).slice(0, 300)}`);
    const calls = Object.fromEntries(await stats());
    const totalCalls = Object.values(calls).reduce((a, b) => a + b, 0);
    const loadStart = await vendorTotal();
    const loaded = await load(`${gateway.url}/graphql`, JSON.stringify(body));
    const done = loaded.requests.total;
    const underLoad = done ? Number((((await vendorTotal()) - loadStart) / done).toFixed(2)) : null;
    rows.push({
      query: name,
      batching,
      'req/s': Math.round(loaded.requests.average),
      'p50 ms': loaded.latency.p50,
      'p99 ms': loaded.latency.p99,
      'gateway CPU ms/req': loaded.cpuMsPerRequest,
      'vendor calls/query': totalCalls,
      'vendor calls/req under load': underLoad,
      ...calls,
      errors: loaded.errors + loaded.non2xx,
    });
  }
  await gateway.close();
  fleet.close();
  return rows;
}

if (env.BENCH_ONLY === 'scale') {
  await runScale(env);
  process.exit(0);
}

const rows = [...(await runMode(true)), ...(await runMode(false))];
clearInterval(sampler);
console.log(`\n${clusters} clusters per simulator, ${latencyMs} ms vendor latency, ${connections} connections × ${seconds} s per query\n`);
console.table(rows);
console.log(`peak RSS of the gateway's process (the simulators run in their own): ${Math.round(peakRss / 1024 / 1024)} MiB`);

// Live fan-out: subscribers, pollers and delivery latency (bench/fanout.ts).
await import('./fanout.js');
await runScale(env);
