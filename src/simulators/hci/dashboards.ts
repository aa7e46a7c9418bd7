import type { SimEnv } from '../kit/definition.js';
import type { SimRequest } from '../kit/http.js';
import { errors } from './envelope.js';
import { guestsOf } from './guests.js';
import { HOST_STATUS, type Host } from './hosts.js';
import { networkOf, networkSummary } from './network.js';
import { queryCount } from './params.js';
import { SERVICE_STATE, servicesOf } from './services.js';
import type { Cluster } from './state.js';
import { computeSummary, storageView } from './views.js';

/**
 * The dashboard endpoints (hardware resources, detail status, overall status, the big
 * screen overview). The document lists their query flags and no answer, so the shapes
 * are this simulator's: each flag asked for fills one field (named after the flag),
 * each flag not asked for leaves it `null`, and every figure comes from the same host
 * records as the compute, storage and top endpoints, so the views agree.
 */

/** How many entries a `*_top` ranking holds; the document gives no size. */
const TOP_N = 5;

/** `start_time`/`end_time` (unix seconds), `duration` (seconds between points) and `count` (points). */
export interface TimeWindow {
  start: number;
  end: number;
  step: number;
  points: number;
}

const MAX_POINTS = 1440;

/** The window a request asks for; none when it gives neither `start_time` nor `end_time`. */
export function timeWindow(req: SimRequest): TimeWindow | null {
  const start = queryCount(req, 'start_time');
  const end = queryCount(req, 'end_time');
  const duration = queryCount(req, 'duration');
  const count = queryCount(req, 'count');
  if (start === 0 && end === 0) return null;
  if (end <= start) throw errors.paramInvalid('end_time', 'must be after start_time');
  const step = duration || 60;
  const span = Math.floor((end - start) / step) + 1;
  return { start, end, step, points: Math.min(count || span, span, MAX_POINTS) };
}

/**
 * Samples of a figure over the window: the current value with a slow swing, the same
 * for the same instant whenever asked.
 */
export function series(window: TimeWindow | null, current: number, salt: number) {
  if (!window) return [];
  return Array.from({ length: window.points }, (_, k) => {
    const time = window.start + k * window.step;
    const swing = 0.12 * Math.sin(time / 1800 + salt) + 0.05 * Math.sin(time / 311 + 2 * salt);
    return { time, value: Math.round(Math.max(0, current * (1 + swing)) * 100) / 100 };
  });
}

const up = (h: Host) => h.status !== HOST_STATUS.down;
const sum = (hosts: readonly Host[], f: (h: Host) => number) => hosts.reduce((n, h) => n + f(h), 0);
const avg = (hosts: readonly Host[], f: (h: Host) => number) => (hosts.length ? Math.round((sum(hosts, f) / hosts.length) * 100) / 100 : 0);
const top = <T>(items: readonly T[], by: (x: T) => number) => [...items].sort((a, b) => by(b) - by(a)).slice(0, TOP_N);
const hostRef = (h: Host) => ({ host_uuid: h.uuid, host_name: h.ip });
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0);
const saltOf = (cluster: Cluster) => parseInt(cluster.uuid.slice(0, 4), 16) / 6553.6;

type Flags<K extends string> = Record<K, boolean>;
const pick = <K extends string>(flags: Flags<K>, fields: Record<K, () => unknown>) =>
  Object.fromEntries((Object.keys(fields) as K[]).map((k) => [k, flags[k] ? fields[k]() : null]));

export const HARDWARE_FLAGS = [
  'storage_status',
  'storage_top',
  'cpu_status',
  'cpu_top',
  'memory_status',
  'memory_top',
  'network_status',
  'network_top',
  'vsm_status',
  'io_status',
] as const;

export function hardwareResources(cluster: Cluster, flags: Flags<(typeof HARDWARE_FLAGS)[number]>, window: TimeWindow | null) {
  const live = cluster.hosts.filter(up);
  const salt = saltOf(cluster);
  const inner = storageView(cluster).inner;
  const memUsed = (h: Host) => Math.round((h.memBytes * h.usage.mem) / 100);
  const storageHosts = cluster.hosts.filter((h) => h.roles.storage);
  return pick(flags, {
    storage_status: () => ({
      total_size: inner.total_size,
      used: inner.used,
      allocated: inner.allocated,
      usage: pct(inner.used, inner.total_size),
      series: series(window, pct(inner.used, inner.total_size), salt),
    }),
    storage_top: () =>
      top(live, (h) => h.diskUsedBytes / h.diskBytes).map((h) => ({
        ...hostRef(h),
        total: h.diskBytes,
        used: h.diskUsedBytes,
        usage: pct(h.diskUsedBytes, h.diskBytes),
      })),
    cpu_status: () => {
      const usage = avg(live, (h) => h.usage.cpu);
      return { total: sum(live, (h) => h.cpuThreads), usage, series: series(window, usage, salt + 1) };
    },
    cpu_top: () => top(live, (h) => h.usage.cpu).map((h) => ({ ...hostRef(h), usage: h.usage.cpu })),
    memory_status: () => {
      const total = sum(live, (h) => h.memBytes);
      const used = sum(live, memUsed);
      return { total, used, usage: pct(used, total), series: series(window, pct(used, total), salt + 2) };
    },
    memory_top: () => top(live, (h) => h.usage.mem).map((h) => ({ ...hostRef(h), total: h.memBytes, used: memUsed(h), usage: h.usage.mem })),
    network_status: () => {
      const read = sum(live, (h) => h.usage.net_rmbps);
      const write = sum(live, (h) => h.usage.net_wmbps);
      return {
        read_mbps: read,
        write_mbps: write,
        read_iops: sum(live, (h) => h.usage.net_riops),
        write_iops: sum(live, (h) => h.usage.net_wiops),
        series: series(window, read + write, salt + 3),
      };
    },
    network_top: () =>
      top(live, (h) => h.usage.net_rmbps + h.usage.net_wmbps).map((h) => ({ ...hostRef(h), read_mbps: h.usage.net_rmbps, write_mbps: h.usage.net_wmbps })),
    vsm_status: () => ({
      total: storageHosts.length,
      health: storageHosts.filter(up).length,
      down: storageHosts.filter((h) => !up(h)).length,
    }),
    io_status: () => {
      const read = sum(live, (h) => h.usage.disk_riops);
      const write = sum(live, (h) => h.usage.disk_wiops);
      return {
        read_iops: read,
        write_iops: write,
        read_speed: sum(live, (h) => h.usage.disk_rspeed),
        write_speed: sum(live, (h) => h.usage.disk_wspeed),
        read_iowait: avg(live, (h) => h.usage.disk_riowait),
        write_iowait: avg(live, (h) => h.usage.disk_wiowait),
        series: series(window, read + write, salt + 4),
      };
    },
  });
}

export const DETAIL_FLAGS = [
  'vm_status',
  'vm_top',
  'storage_status',
  'storage_iops_top',
  'storage_mbps_top',
  'storage_pool_top',
  'container_status',
  'container_top',
  'network_equipment_status',
  'security_network_element_status',
  'tenant_status',
] as const;

/**
 * Storage pools by use: the converged storage's used bytes spread over its pools, the
 * first pool holding the most (the platform's default pool takes new volumes).
 */
function pools(cluster: Cluster) {
  const inner = storageView(cluster).inner;
  const weights = Array.from({ length: cluster.pools }, (_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, k) => ({
    name: k === 0 ? 'default' : `pool-${k}`,
    total_size: Math.round(inner.total_size / cluster.pools),
    used: Math.round((inner.used * w) / total),
  }));
}

export function detailStatus(env: SimEnv, cluster: Cluster, flags: Flags<(typeof DETAIL_FLAGS)[number]>) {
  const live = cluster.hosts.filter(up);
  const storage = () => storageView(cluster).inner;
  const sdn = () => networkOf(env, cluster);
  return pick(flags, {
    vm_status: () => computeSummary(cluster).StateSummaryResult,
    vm_top: () =>
      top(
        live.flatMap((h) => guestsOf(env, cluster, h)),
        (g) => g.cpu,
      ).map((g) => ({ uuid: g.uuid, name: g.name, tenant: g.tenant, ...hostRef(g.host), cpu_usage: g.cpu, mem_usage: g.mem })),
    storage_status: () => {
      const s = storage();
      return {
        pool_count: s.pool_count,
        volume_total_count: s.volume_total_count,
        volume_health_count: s.volume_health_count,
        volume_degrade_count: s.volume_degrade_count,
        volume_failed_count: s.volume_failed_count,
        total_size: s.total_size,
        used: s.used,
      };
    },
    storage_iops_top: () =>
      top(live, (h) => h.usage.disk_riops + h.usage.disk_wiops).map((h) => ({ ...hostRef(h), read_iops: h.usage.disk_riops, write_iops: h.usage.disk_wiops })),
    storage_mbps_top: () =>
      top(live, (h) => h.usage.disk_rspeed + h.usage.disk_wspeed).map((h) => ({
        ...hostRef(h),
        read_speed: h.usage.disk_rspeed,
        write_speed: h.usage.disk_wspeed,
      })),
    storage_pool_top: () => top(pools(cluster), (p) => p.used),
    // The platform runs no container service in this simulator: nothing to count.
    container_status: () => ({ total: 0, running: 0, stopped: 0 }),
    container_top: () => [],
    network_equipment_status: () => {
      const { router_summary, switch_summary, gateway_summary } = networkSummary(cluster, sdn());
      return { router_summary, switch_summary, gateway_summary };
    },
    security_network_element_status: () => {
      const elements = sdn().vms.filter((v) => v.type !== 'nvm');
      const running = elements.filter((v) => up(v.host)).length;
      return {
        total: elements.length,
        running,
        stopped: elements.length - running,
        GPE: elements.filter((v) => v.type === 'GPE').length,
        GTVR: elements.filter((v) => v.type === 'GTVR').length,
      };
    },
    tenant_status: () => ({
      total: cluster.tenants.length,
      with_network: new Set(
        sdn()
          .vms.map((v) => v.tenant)
          .filter(Boolean),
      ).size,
    }),
  });
}

export const OVERALL_FLAGS = ['manager_cloud_status', 'compute_status', 'storage_status', 'network_status', 'cloud_manage_status'] as const;

/** `health` when all is well, `warning` when degraded but serving, `error` when something is down or failed. */
const verdict = (error: boolean, warning: boolean) => (error ? 'error' : warning ? 'warning' : 'health');

export function overallStatus(env: SimEnv, cluster: Cluster, flags: Flags<(typeof OVERALL_FLAGS)[number]>) {
  return pick(flags, {
    manager_cloud_status: () => {
      const centers = cluster.hosts.filter((h) => h.roles.center);
      const down = centers.filter((h) => !up(h)).length;
      return { status: verdict(down * 2 >= centers.length, down > 0), total: centers.length, health: centers.length - down, down };
    },
    compute_status: () => {
      const { HostSummary, StateSummaryResult } = computeSummary(cluster);
      const down = HostSummary.Total - HostSummary.Healthy - HostSummary.NoInUse;
      return { status: verdict(down > 0, HostSummary.NoInUse > 0), ...HostSummary, Down: down, VmTotal: StateSummaryResult.total };
    },
    storage_status: () => {
      const s = storageView(cluster).inner;
      return {
        status: verdict(s.volume_failed_count > 0 || s.physic_host_down_count > 0, s.volume_degrade_count > 0 || s.capacity_usage > 0.8),
        capacity_usage: s.capacity_usage,
        volume_total_count: s.volume_total_count,
        volume_degrade_count: s.volume_degrade_count,
        volume_failed_count: s.volume_failed_count,
      };
    },
    network_status: () => {
      const summary = networkSummary(cluster, networkOf(env, cluster));
      const controller = summary.sdn_controller?.status ?? 'stopped';
      const disconnected = summary.switch_summary.no_connection + summary.gateway_summary.no_connection;
      return { status: verdict(controller !== 'running', disconnected > 0 || summary.router_summary.stop_num > 0), controller, disconnected };
    },
    cloud_manage_status: () => {
      const cvms = servicesOf(env, cluster).cvms;
      const count = (s: string) => cvms.filter((v) => v.state === s).length;
      const failed = count(SERVICE_STATE.failed);
      return {
        status: verdict(failed > 0, count(SERVICE_STATE.deploying) > 0),
        total: cvms.length,
        running: count(SERVICE_STATE.running),
        deploying: count(SERVICE_STATE.deploying),
        failed,
      };
    },
  });
}

/** The big screen: the cluster at a glance, with cpu and memory trends over the window. */
export function overview(cluster: Cluster, window: TimeWindow | null) {
  const { StateSummaryResult, UsageRatio, HostSummary } = computeSummary(cluster);
  const s = storageView(cluster).inner;
  const live = cluster.hosts.filter(up);
  const salt = saltOf(cluster);
  return {
    cluster: { cluster_uuid: cluster.uuid, name: cluster.name, tenant_count: cluster.tenants.length },
    HostSummary,
    StateSummaryResult,
    UsageRatio,
    storage: { total_size: s.total_size, used: s.used, capacity_usage: s.capacity_usage },
    inspection: { state: cluster.inspection.state },
    cpu_trend: series(
      window,
      avg(live, (h) => h.usage.cpu),
      salt + 1,
    ),
    mem_trend: series(
      window,
      avg(live, (h) => h.usage.mem),
      salt + 2,
    ),
  };
}
