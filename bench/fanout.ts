/**
 * Live fan-out: BENCH_FANOUT_SUBSCRIBERS (10,000) workflowProgress subscribers spread
 * over BENCH_FANOUT_WORKFLOWS (100) running workflows, on the gateway's own live layer
 * (pollers, channels, per-subscriber mailboxes) over an in-memory vendor that counts its
 * calls. Each round moves every workflow on once; the figures are the pollers running,
 * vendor calls per poll interval, and the delay from a change at the vendor to each
 * subscriber holding it (p50/p99), which includes waiting for the next poll.
 *
 *   BENCH_FANOUT_SUBSCRIBERS=10000 BENCH_FANOUT_WORKFLOWS=100 BENCH_FANOUT_ROUNDS=10 npm run bench
 */
import { performance } from 'node:perf_hooks';
import { createMetrics } from '../src/metrics.js';
import type { Workflow } from '../src/model/entities.js';
import type { SourceAdapter } from '../src/sources/adapter.js';
import { SourceRegistry } from '../src/sources/registry.js';
import { workflowId } from '../src/workflows/changes.js';
import { LiveFeeds } from '../src/workflows/live.js';
import { PollerHub } from '../src/workflows/poller.js';
import { createLiveTransport } from '../src/workflows/pubsub.js';

const env = process.env;
const subscribers = Number(env.BENCH_FANOUT_SUBSCRIBERS ?? 10_000);
const workflowCount = Number(env.BENCH_FANOUT_WORKFLOWS ?? 100);
const rounds = Number(env.BENCH_FANOUT_ROUNDS ?? 10);
const INTERVAL_MS = 200;

const workflows = new Map<string, Workflow>();
const changedAt = new Map<string, number>();
let vendorCalls = 0;
const adapter: SourceAdapter = {
  info: { id: 'bench', kind: 'tiem', name: 'bench', url: 'http://bench' },
  isNativeId: () => true,
  capabilities: { entities: ['workflows'] },
  session: () => ({
    workflows: {
      pushdown: new Set(),
      list: async () => (vendorCalls++, [...workflows.values()]),
      get: async (id) => (vendorCalls++, workflows.get(id) ?? null),
    },
  }),
  operations: {},
  health: () => ({ health: 'UP' }),
  probe: async () => undefined,
  close: async () => undefined,
};
for (let i = 0; i < workflowCount; i++) {
  const w: Workflow = { sourceId: 'bench', nativeId: `w${i}`, kind: 'CreateCluster', state: 'RUNNING', rawState: 'Processing', progress: 0, steps: [] };
  workflows.set(w.nativeId, w);
}

const metrics = createMetrics();
// A fixed interval, so "per interval" means one look per watched workflow at most.
const hub = new PollerHub({ metrics, minIntervalMs: INTERVAL_MS, maxIntervalMs: INTERVAL_MS });
const live = new LiveFeeds(new SourceRegistry([adapter]), createLiveTransport(), hub);

const latencies: number[] = [];
let delivered = 0;
let measuring = false;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const ids = [...workflows.values()].map(workflowId);
const streams = Array.from({ length: subscribers }, (_, i) => live.workflowProgress(ids[i % ids.length] as string));
const reading = streams.map(async (stream) => {
  for await (const d of stream) {
    if (!('item' in d)) throw d.error;
    delivered++;
    if (measuring) latencies.push(performance.now() - (changedAt.get(d.item.workflow.nativeId) ?? 0));
  }
});

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};
await until(() => delivered >= subscribers);
let pollers = hub.size;
measuring = true;
const callsBefore = vendorCalls;
const started = performance.now();
for (let round = 1; round <= rounds; round++) {
  for (const w of workflows.values()) {
    workflows.set(w.nativeId, { ...w, progress: round / (rounds + 1) });
    changedAt.set(w.nativeId, performance.now());
  }
  await until(() => delivered >= subscribers * (round + 1));
  pollers = Math.max(pollers, hub.size);
}
const elapsed = performance.now() - started;
const calls = vendorCalls - callsBefore;
for (const s of streams) await s.return();
await Promise.all(reading);
await hub.close();
clearInterval(sampler);

latencies.sort((a, b) => a - b);
const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
console.log(
  `\nlive fan-out: ${subscribers} workflowProgress subscribers over ${workflowCount} workflows, ${rounds} rounds of one change each, poll interval ${INTERVAL_MS} ms\n`,
);
console.table([
  {
    subscribers,
    workflows: workflowCount,
    pollers,
    'vendor calls/interval': Math.round((calls / (elapsed / INTERVAL_MS)) * 10) / 10,
    deliveries: latencies.length,
    'p50 ms': pct(50),
    'p99 ms': pct(99),
    'peak RSS MiB': Math.round(peakRss / 1024 / 1024),
  },
]);
