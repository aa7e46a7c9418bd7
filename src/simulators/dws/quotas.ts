import { DwsRequestError } from './errors.js';
import { type DwsCluster, type DwsStore, memberCount } from './model.js';

/**
 * The tenant's DWS quotas (5.10.1). Usage counts nodes and what they hold, as the
 * example does (3 nodes of 4 vCPUs and 8 GB: 3 instances, 12 cores, 24 GB, 6 disks of
 * 100 GB). The limits are the example's, raised to twice the use when a simulated fleet
 * already holds more, so that any fleet size leaves room to create clusters.
 */
const BASE = [
  { type: 'instances', quota: 100, unit: null },
  { type: 'core', quota: 100, unit: null },
  { type: 'ram', quota: 1000, unit: 'GB' },
  { type: 'disk', quota: 100, unit: null },
  { type: 'disk_capacity', quota: 1000, unit: 'GB' },
] as const;

type QuotaType = (typeof BASE)[number]['type'];

/** What `nodes` nodes of `c`'s flavor take from each quota. */
function nodeUsage(flavor: DwsCluster['flavor'], nodes: number): Record<QuotaType, number> {
  return { instances: nodes, core: nodes * flavor.vcpus, ram: nodes * flavor.ram, disk: nodes * 2, disk_capacity: nodes * 200 };
}

function used(store: DwsStore): Record<QuotaType, number> {
  const total: Record<QuotaType, number> = { instances: 0, core: 0, ram: 0, disk: 0, disk_capacity: 0 };
  for (const c of store.clusters.values()) {
    if (c.status === 'DELETED') continue;
    const u = nodeUsage(c.flavor, memberCount(c));
    for (const k of Object.keys(total) as QuotaType[]) total[k] += u[k];
  }
  return total;
}

const limit = (base: number, inUse: number) => Math.max(base, Math.ceil((2 * inUse) / base) * base);

export function quotas(store: DwsStore) {
  const u = used(store);
  return BASE.map((b) => ({ type: b.type, used: u[b.type], quota: limit(b.quota, u[b.type]), unit: b.unit }));
}

/** Refuses a request for `nodes` more nodes of `flavor` that the quotas cannot hold. */
export function assertQuota(store: DwsStore, flavor: DwsCluster['flavor'], nodes: number, field: string): void {
  const wanted = nodeUsage(flavor, nodes);
  for (const q of quotas(store)) {
    if (q.used + wanted[q.type] > q.quota) {
      throw new DwsRequestError('DWS.5091', `Parameter ${field}: the ${q.type} quota (${q.quota}, ${q.used} used) cannot hold ${wanted[q.type]} more.`);
    }
  }
}
