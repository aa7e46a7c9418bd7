/**
 * `npm run bench`: the simulators and the gateway in this process, the reference
 * queries under load (autocannon), and the figures that matter for a gateway: req/s,
 * p50/p99 latency, vendor calls per query, peak RSS — once with batching and once
 * without, to show what batching saves.
 *
 *   BENCH_CLUSTERS=120 BENCH_LATENCY_MS=5 BENCH_SECONDS=10 BENCH_CONNECTIONS=10 npm run bench
 *
 * Then the scale table (bench/scale.ts); BENCH_ONLY=scale runs only that.
 */
import autocannon from 'autocannon';
import { print } from 'graphql';
import { startDemo } from '../src/demo.js';
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
};

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

async function runMode(batching: boolean) {
  const { fleet, config } = await startDemo({ ...env, SIM_CLUSTERS: String(clusters), SIM_SPEED: '1', SIM_FAILURE_RATE: '0', FLEETGATE_TOKEN: TOKEN });
  for (const sim of Object.values(fleet.simulators)) sim.setFaults({ latencyMs });
  const gateway = await startGateway({ ...config, port: 0 }, { factories: ADAPTERS, logger: createLogger('silent'), batching });
  const rows = [];
  const vendorTotal = () => Object.values(fleet.simulators).reduce((n, s) => n + s.stats().total, 0);
  for (const [name, body] of Object.entries(QUERIES)) {
    // Requests the previous load left in flight would pollute this query's count.
    for (let before = -1; before !== vendorTotal(); ) {
      before = vendorTotal();
      await new Promise((r) => setTimeout(r, 300));
    }
    for (const sim of Object.values(fleet.simulators)) sim.resetStats();
    const once = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
    const result = (await once.json()) as { errors?: unknown[] };
    if (result.errors?.length) throw new Error(`${name}: ${JSON.stringify(result.errors).slice(0, 300)}`);
    const calls = Object.fromEntries(Object.values(fleet.simulators).map((s) => [s.kind, s.stats().total]));
    const totalCalls = Object.values(calls).reduce((a, b) => a + b, 0);
    const load = await autocannon({
      url: `${gateway.url}/graphql`,
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      connections,
      duration: seconds,
    });
    rows.push({
      query: name,
      batching,
      'req/s': Math.round(load.requests.average),
      'p50 ms': load.latency.p50,
      'p99 ms': load.latency.p99,
      'vendor calls/query': totalCalls,
      ...calls,
      errors: load.errors + load.non2xx,
    });
  }
  await gateway.close();
  await fleet.close();
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
console.log(`peak RSS (gateway and simulators in one process): ${Math.round(peakRss / 1024 / 1024)} MiB`);

// Live fan-out: subscribers, pollers and delivery latency (bench/fanout.ts).
await import('./fanout.js');
await runScale(env);
