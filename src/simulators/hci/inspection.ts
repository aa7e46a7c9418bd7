import type { SimEnv } from '../kit/definition.js';
import type { Rng } from '../kit/rng.js';
import { errors } from './envelope.js';
import { HOST_STATUS, type Host } from './hosts.js';

/**
 * The inspection's `state`. The document only shows 0 (in the start and stop
 * examples, before anything ran), so the rest is this simulator's choice:
 * 0 never run, 1 checking, 2 finished, 3 stopped by the user, 4 aborted (failed).
 */
export const INSPECTION_STATE = { idle: 0, checking: 1, finished: 2, stopped: 3, failed: 4 } as const;
type InspectionState = (typeof INSPECTION_STATE)[keyof typeof INSPECTION_STATE];

export type Category = 'system' | 'network' | 'hardware';
export const CATEGORIES: readonly Category[] = ['system', 'network', 'hardware'];

/** Item level, matching the `normal`/`alarm`/`fault` counters. */
type Level = 0 | 1 | 2;

interface Item {
  category: Category;
  host: Host;
  key: string;
  nameCn: string;
  level: Level;
  value: string;
  suggestion: string;
}

export interface Inspection {
  state: InspectionState;
  runUuid: string;
  checks: Record<Category, boolean>;
  /** The whole plan, evaluated up front; items count as done as time passes. */
  items: Item[];
  startedAt: number;
  durationMs: number;
  /** When it stopped, finished or failed. */
  endedAt: number;
  /** The host whose agent stopped answering, when the run aborted (its error is built when shown). */
  abortedOn: string | null;
}

/** Roughly how long checking one item on one host takes, in simulated time. */
const ITEM_MS = 8_000;

const CATALOG: Record<Category, ReadonlyArray<readonly [string, string]>> = {
  system: [
    ['agent_status', 'Agent服务状态'],
    ['service_status', '平台服务状态'],
    ['cpu_usage', 'CPU使用率'],
    ['mem_usage', '内存使用率'],
    ['ntp_sync', 'NTP时间同步'],
  ],
  network: [
    ['manage_net', '管理网络连通性'],
    ['storage_net', '存储网络连通性'],
    ['packet_loss', '网卡丢包率'],
    ['mtu', 'MTU一致性'],
  ],
  hardware: [
    ['disk_smart', '磁盘SMART状态'],
    ['raid', 'RAID卡状态'],
    ['power', '电源状态'],
    ['memory_ecc', '内存ECC错误'],
  ],
};

export const idleInspection = (): Inspection => ({
  state: INSPECTION_STATE.idle,
  runUuid: '',
  checks: { system: false, network: false, hardware: false },
  items: [],
  startedAt: 0,
  durationMs: 0,
  endedAt: 0,
  abortedOn: null,
});

const pct = (v: number) => `${v.toFixed(1)}%`;

/** What one item finds on one host; hosts' real state drives alarms and faults. */
function evaluate(rng: Rng, key: string, host: Host): Pick<Item, 'level' | 'value' | 'suggestion'> {
  if (host.status === HOST_STATUS.down) return { level: 2, value: 'unreachable', suggestion: '检查主机电源与管理网络' };
  if (key === 'cpu_usage' || key === 'mem_usage') {
    const v = key === 'cpu_usage' ? host.usage.cpu : host.usage.mem;
    const level: Level = v >= 95 ? 2 : v >= 85 ? 1 : 0;
    return { level, value: pct(v), suggestion: level ? '迁移部分虚拟机或扩容主机' : '' };
  }
  if (key === 'service_status' && host.maintenance) return { level: 1, value: 'maintenance', suggestion: '主机处于维护模式' };
  const roll = rng.next();
  const level: Level = roll < 0.01 ? 2 : roll < 0.05 ? 1 : 0;
  return { level, value: level ? finding(rng, key) : (HEALTHY[key] ?? String(host.storageNet.mtu)), suggestion: level ? '请联系运维人员排查' : '' };
}

/** What a healthy item reads (`mtu` reads the host's own MTU). */
const HEALTHY: Record<string, string> = {
  agent_status: 'online',
  service_status: 'running',
  ntp_sync: 'offset 0ms',
  manage_net: 'reachable',
  storage_net: 'reachable',
  packet_loss: '0.00%',
  disk_smart: 'PASSED',
  raid: 'Optimal',
  power: 'OK',
  memory_ecc: '0',
};

/** What an item in alarm or fault reads; drawn only for those, which are few. */
function finding(rng: Rng, key: string): string {
  switch (key) {
    case 'agent_status':
      return 'restarting';
    case 'service_status':
      return 'degraded';
    case 'ntp_sync':
      return `offset ${rng.int(600, 4000)}ms`;
    case 'manage_net':
    case 'storage_net':
      return `latency ${rng.int(40, 300)}ms`;
    case 'packet_loss':
      return `${rng.float(0.5, 4).toFixed(2)}%`;
    case 'mtu':
      return 'mismatch';
    case 'disk_smart':
      return `reallocated sectors: ${rng.int(8, 200)}`;
    case 'raid':
      return 'Degraded';
    case 'power':
      return 'PSU2 failure';
    case 'memory_ecc':
      return String(rng.int(1, 30));
    default:
      return 'abnormal';
  }
}

/**
 * Every selected item on every host, evaluated up front: by category, then host. Every
 * seeded cluster has had an inspection, so a large fleet plans millions of items; they
 * are pushed into one array, with no intermediate arrays or spread copies.
 */
function planItems(rng: Rng, hosts: readonly Host[], checks: Record<Category, boolean>): Item[] {
  const items: Item[] = [];
  for (const category of CATEGORIES) {
    if (!checks[category]) continue;
    for (const host of hosts) {
      for (const [key, nameCn] of CATALOG[category]) {
        const { level, value, suggestion } = evaluate(rng, key, host);
        items.push({ category, host, key, nameCn, level, value, suggestion });
      }
    }
  }
  return items;
}

/**
 * Starts an inspection: it runs through every item of the selected categories on every
 * host (`ITEM_MS` each), and ends finished — or, when `env.operationFails()` says so,
 * aborted part-way because a host's agent stopped answering.
 */
export function startInspection(
  env: SimEnv,
  hosts: readonly Host[],
  checks: Record<Category, boolean>,
  startedAt: number,
  fails = env.operationFails(),
  /** Seeded history: the share of the run after which the user stopped it. */
  stoppedAfter?: number,
): Inspection {
  const rng = env.rng.fork(`inspection:${startedAt}:${hosts[0]?.uuid ?? ''}`);
  const items = planItems(rng, hosts, checks);
  const durationMs = 30_000 + items.length * ITEM_MS;
  const run: Inspection = {
    state: INSPECTION_STATE.checking,
    runUuid: rng.uuid(),
    checks,
    items,
    startedAt,
    durationMs,
    endedAt: 0,
    abortedOn: null,
  };
  const failPoint = rng.float(0.3, 0.9);
  const victim = rng.pick(hosts).ip;
  const endsAt = startedAt + Math.round(durationMs * (fails ? failPoint : 1));
  const end = (at: number) => {
    if (run.state !== INSPECTION_STATE.checking) return;
    run.state = fails ? INSPECTION_STATE.failed : INSPECTION_STATE.finished;
    run.endedAt = at;
    if (fails) run.abortedOn = victim;
  };
  // A run that ended before the simulation started (seeded history) is settled now
  // rather than left pending: a large fleet would keep one task per cluster otherwise.
  const stopsAt = stoppedAfter === undefined ? Infinity : startedAt + Math.round(durationMs * stoppedAfter);
  if (stopsAt < endsAt) stopInspection(run, stopsAt);
  else if (endsAt <= env.clock.startedAt) end(endsAt);
  else env.scheduler.at(endsAt, end);
  return run;
}

export function stopInspection(run: Inspection, now: number): void {
  if (run.state !== INSPECTION_STATE.checking) return;
  run.state = INSPECTION_STATE.stopped;
  run.endedAt = now;
}

/** Share of the run done at `now`; it stays where it was once the run ended. */
function fractionDone(run: Inspection, now: number): number {
  if (run.state === INSPECTION_STATE.idle) return 0;
  if (run.state === INSPECTION_STATE.finished) return 1;
  const until = run.state === INSPECTION_STATE.checking ? now : run.endedAt;
  return Math.min(0.99, Math.max(0, (until - run.startedAt) / run.durationMs));
}

/**
 * The documented data object. The example only shows the categories as `null`, so a
 * finished item's shape (`host_uuid`, `host_name`, `item`, `item_cn`, `level`, `value`,
 * `suggestion`) is this simulator's; unselected categories stay `null`.
 */
export function inspectionView(run: Inspection, now: number): Record<string, unknown> {
  const fraction = fractionDone(run, now);
  const done = run.items.slice(0, Math.floor(fraction * run.items.length));
  const count = (level: Level) => done.filter((i) => i.level === level).length;
  const current = run.state === INSPECTION_STATE.checking ? run.items[done.length] : undefined;
  const category = (c: Category) =>
    run.checks[c]
      ? done
          .filter((i) => i.category === c)
          .map((i) => ({
            host_uuid: i.host.uuid,
            host_name: i.host.ip,
            item: i.key,
            item_cn: i.nameCn,
            level: i.level,
            value: i.value,
            suggestion: i.suggestion,
          }))
      : null;
  const abort = run.abortedOn === null ? null : errors.inspectionAborted(run.abortedOn);
  return {
    status: {
      code: abort?.code ?? 0,
      message: abort?.messageEn ?? '',
      messageCn: abort?.messageCn ?? '',
      stack: null,
      desc: abort?.desc ?? '',
      UUID: run.runUuid,
    },
    normal: count(0),
    alarm: count(1),
    fault: count(2),
    score: done.length === 0 ? 0 : Math.max(0, 100 - 2 * count(1) - 10 * count(2)),
    system: category('system'),
    network: category('network'),
    hardware: category('hardware'),
    state: run.state,
    finishedPercent: Math.floor(fraction * 100),
    checking: current ? `${current.host.ip} ${current.nameCn}` : '',
  };
}
