/**
 * `npm run bench:page`: what the list engine spends on one small page, the page a nested
 * query makes for every cluster (a cluster's three hosts, ordered by name): bytes
 * allocated per page (the inspector's sampling heap profiler, objects the collector took
 * included) and microseconds per page. Both move with the machine's load and the JIT;
 * compare runs of two builds made one after the other, and take the bytes as the steadier
 * figure. No vendor, no GraphQL: the reader answers at once from frozen items.
 */
import { Session } from 'node:inspector/promises';
import { clusterReader } from '../src/lists/children.js';
import { mergedPage } from '../src/lists/merge.js';
import type { Host } from '../src/model/entities.js';
import type { EntityReader } from '../src/sources/adapter.js';
import type { HostFilter } from '../src/model/entity-types.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 20_000);
const hosts: Host[] = [0, 1, 2].map((i) =>
  Object.freeze({ sourceId: 'dcos', nativeId: `c/h${i}`, name: `host-${i}`, addresses: [`10.0.0.${i}`], status: 'ONLINE', rawStatus: 'running', labels: [] }),
);
const reader: EntityReader<Host, HostFilter> = {
  pushdown: new Set(['clusterNativeId']),
  list: async () => hosts,
  get: async () => null,
  byCluster: async () => hosts.slice(),
};
const want = new Set(['sourceId', 'nativeId', 'name', 'addresses', 'role', 'status']);

async function onePage(): Promise<number> {
  const page = await mergedPage({
    entity: 'hosts',
    slots: [{ sourceId: 'dcos', reader: clusterReader('hosts', reader, 'c', want) }],
    filter: {},
    order: { field: 'NAME', direction: 'ASC' },
    args: { first: 100 },
    scope: ['dcos', 'c'],
    want,
  });
  page.missing();
  return page.edges.length;
}

for (let i = 0; i < 5_000; i++) await onePage();
const inspector = new Session();
inspector.connect();
await inspector.post('HeapProfiler.enable');
await inspector.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const sampled = 2_000;
for (let i = 0; i < sampled; i++) await onePage();
const { profile } = await inspector.post('HeapProfiler.stopSampling');
type Node = { selfSize: number; children: Node[] };
const bytes = (node: Node): number => node.selfSize + node.children.reduce((sum, child) => sum + bytes(child), 0);
const started = process.hrtime.bigint();
for (let i = 0; i < PAGES; i++) await onePage();
const micros = Number(process.hrtime.bigint() - started) / 1e3 / PAGES;
console.log(`one page of ${hosts.length} hosts: ${(bytes(profile.head as Node) / sampled).toFixed(0)} bytes allocated, ${micros.toFixed(1)} µs`);
