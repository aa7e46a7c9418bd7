import type { SimEnv } from '../kit/definition.js';
import type { Rng } from '../kit/rng.js';
import { clusterAccess } from './access.js';
import { CLUSTER_PURPOSES, type ComponentType, CPU_ARCHITECTURES, DISK_TYPES, REGIONS, TAG_POOL, VERSIONS } from './catalog.js';
import { FLOWS } from './flows.js';
import { tiemId } from './format.js';
import type { ClusterOperations } from './operations.js';
import { relate } from './relations.js';
import { type Cluster, clusterRecord, setClusterStatus, type TiemState } from './state.js';
import { deployInstances, type ResourceLine } from './topology.js';
import { flowDurationMs, QUEUE_DELAY_MS, type WorkflowEngine } from './workflows.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How a seeded cluster ends up. The first ones are fixed so that every cluster status,
 * every workflow status and every workflow kind is on show at the default size; the
 * rest are drawn with realistic weights (most clusters simply run).
 */
type Scenario = 'running' | 'canceledBackup' | 'creating' | 'stopped' | 'failed' | 'restoring' | 'stopping' | 'backingUp' | 'restarting' | 'takingOver';
const FIXED: Scenario[] = ['running', 'canceledBackup', 'creating', 'stopped', 'failed', 'restoring', 'stopping', 'backingUp', 'restarting', 'takingOver'];
const WEIGHTED: Array<[Scenario, number]> = [
  ['running', 0.74],
  ['stopped', 0.1],
  ['failed', 0.04],
  ['backingUp', 0.04],
  ['creating', 0.03],
  ['restarting', 0.03],
  ['stopping', 0.02],
];

function drawScenario(rng: Rng): Scenario {
  let x = rng.next();
  for (const [scenario, weight] of WEIGHTED) {
    if ((x -= weight) < 0) return scenario;
  }
  return 'running';
}

export interface FleetContext {
  env: SimEnv;
  state: TiemState;
  engine: WorkflowEngine;
  ops: ClusterOperations;
  userId: string;
}

/** Builds the seeded fleet: clusters, their backups and the workflows that made them so. */
export function generateFleet(ctx: FleetContext): void {
  const rng = ctx.env.rng.fork('fleet');
  const now = ctx.env.clock.startedAt;
  const names = nameGenerator();
  const running: Cluster[] = [];
  for (let i = 0; i < ctx.env.clusters; i++) {
    const scenario = FIXED[i] ?? drawScenario(rng);
    const cluster = seedCluster(ctx, rng, names(rng), scenario, now);
    if (scenario === 'running' && cluster) running.push(cluster);
  }
  seedDisasterRecovery(ctx.env.rng.fork('relations'), running, Math.floor(ctx.env.clusters / 12));
  // Clusters deleted in the past: gone from the lists, still in the workflow history.
  for (let i = 0; i < Math.floor(ctx.env.clusters / 12); i++) {
    const createdAt = now - rng.int(30, 120) * DAY;
    const cluster = newCluster(ctx, rng, names(rng), createdAt);
    settleOrigin(ctx, rng, cluster);
    const deletedAt = createdAt + rng.int(5, 25) * DAY;
    settle(ctx, cluster, 'DeleteCluster', deletedAt);
    cluster.deleteTime = deletedAt + flowDurationMs(FLOWS.DeleteCluster);
    cluster.updateTime = cluster.deleteTime;
  }
}

/**
 * Some running clusters replicate for disaster recovery, in chains of three: a master,
 * its standby, and a standby of that standby (TiCDC cascades), so the middle one shows
 * both `masters` and `slaves` as the document's example does. Older clusters feed newer.
 */
function seedDisasterRecovery(rng: Rng, running: readonly Cluster[], chains: number): void {
  const picked = rng.shuffle(running);
  for (let i = 0; i < chains && picked.length >= 3 * (i + 1); i++) {
    const [master, standby, cascaded] = picked.slice(3 * i, 3 * i + 3).sort((a, b) => a.createTime - b.createTime) as [Cluster, Cluster, Cluster];
    relate(master, standby);
    relate(standby, cascaded);
  }
}

function nameGenerator() {
  const used = new Map<string, number>();
  return (rng: Rng) => {
    const purpose = rng.pick(CLUSTER_PURPOSES);
    const n = (used.get(purpose) ?? 0) + 1;
    used.set(purpose, n);
    return `tidb-${purpose}-${String(n).padStart(2, '0')}`;
  };
}

/** Seeds one cluster; one still being created or taken over is not returned, as nothing may relate to it yet. */
function seedCluster(ctx: FleetContext, rng: Rng, name: string, scenario: Scenario, now: number): Cluster | undefined {
  const { ops } = ctx;
  const inProgress = (flowMs: number, min = 0.1, max = 0.85) => now - Math.floor(flowMs * rng.float(min, max));
  if (scenario === 'creating') {
    const startAt = inProgress(flowDurationMs(FLOWS.CreateCluster), 0.05, 0.6);
    ops.create(newCluster(ctx, rng, name, startAt), startAt, false);
    return undefined;
  }
  if (scenario === 'restoring') {
    const source = [...ctx.state.backups.values()].find((b) => b.status === 'Finished');
    // Land inside the BR restore step, so the cluster shows Recovering.
    const restoreStep = FLOWS.RestoreNewCluster.steps.findIndex((s) => s.name === 'waitInitDatabaseData');
    const before = FLOWS.RestoreNewCluster.steps.slice(0, restoreStep).reduce((sum, s) => sum + s.seconds * 1000, QUEUE_DELAY_MS);
    const startAt = now - before - rng.int(1, 8) * MINUTE;
    ops.create(newCluster(ctx, rng, name, startAt), startAt, false, source);
    return undefined;
  }
  if (scenario === 'takingOver') {
    // Accepted a moment ago: still queued (Initializing) when the simulator starts.
    const startAt = now - 2_000;
    ops.takeover(newCluster(ctx, rng, name, startAt), startAt, false);
    return undefined;
  }

  const createdAt = now - rng.int(3, 400) * DAY - rng.int(0, 23) * HOUR;
  const cluster = newCluster(ctx, rng, name, createdAt);
  settleOrigin(ctx, rng, cluster);
  setClusterStatus(cluster, 'Running', cluster.updateTime);
  seedAutoBackups(ctx, rng, cluster, now, scenario === 'running' ? 2 : 0);

  switch (scenario) {
    case 'canceledBackup': {
      const at = now - rng.int(2, 20) * HOUR;
      const record = ops.newBackup(cluster, at, 'manual');
      record.status = 'Failed';
      settle(ctx, cluster, 'BackupCluster', at, { canceledAt: at + 3 * MINUTE });
      record.endTime = record.updateTime = at + 3 * MINUTE;
      break;
    }
    case 'stopped': {
      const at = now - rng.int(1, 30) * DAY;
      settle(ctx, cluster, 'StopCluster', at);
      setClusterStatus(cluster, 'Stopped', at + flowDurationMs(FLOWS.StopCluster));
      break;
    }
    case 'failed': {
      const at = now - rng.int(1, 48) * HOUR;
      settle(ctx, cluster, 'RestartCluster', at, { failAt: 0 });
      setClusterStatus(cluster, 'Failure', at + QUEUE_DELAY_MS + (FLOWS.RestartCluster.steps[0]?.seconds ?? 0) * 1000);
      break;
    }
    case 'stopping':
      ops.stop(cluster, inProgress(flowDurationMs(FLOWS.StopCluster)), false);
      break;
    case 'restarting':
      ops.restart(cluster, inProgress(flowDurationMs(FLOWS.RestartCluster)), false);
      break;
    case 'backingUp': {
      const at = inProgress(flowDurationMs(FLOWS.BackupCluster), 0.1, 0.6);
      ops.backup(cluster, ops.newBackup(cluster, at, 'manual'), at, false);
      break;
    }
    default:
      if (rng.chance(0.2)) settle(ctx, cluster, 'RestartCluster', now - rng.int(1, 60) * DAY);
  }
  return cluster;
}

/** How the cluster came to be: mostly created by TiEM, some taken over from plain TiUP. */
function settleOrigin(ctx: FleetContext, rng: Rng, cluster: Cluster): void {
  const key = rng.chance(0.15) ? 'TakeoverCluster' : 'CreateCluster';
  settle(ctx, cluster, key, cluster.createTime);
  cluster.updateTime = cluster.createTime + flowDurationMs(FLOWS[key]);
}

/** Nightly auto backups at 02:00 for the last few days; now and then one failed. */
function seedAutoBackups(ctx: FleetContext, rng: Rng, cluster: Cluster, now: number, atLeast: number): void {
  const days = Math.max(atLeast, rng.int(0, 4));
  const today2am = Math.floor(now / DAY) * DAY + 2 * HOUR;
  for (let d = days; d >= 1; d--) {
    const at = today2am - d * DAY + rng.int(0, 59) * 1000;
    if (at <= cluster.updateTime) continue;
    const record = ctx.ops.newBackup(cluster, at, 'auto', d % 3 === 0 ? 'incr' : 'full');
    const failed = d > atLeast && rng.chance(0.12);
    const flow = FLOWS.BackupCluster;
    const end = at + flowDurationMs(flow);
    settle(ctx, cluster, 'BackupCluster', at, failed ? { failAt: 0 } : {});
    if (failed) {
      record.status = 'Failed';
      record.endTime = record.updateTime = end;
    } else {
      ctx.ops.finishBackup(cluster, record, end);
      record.startTime = at + QUEUE_DELAY_MS;
    }
  }
}

function settle(ctx: FleetContext, cluster: Cluster, key: keyof typeof FLOWS, startAt: number, opts: { failAt?: number; canceledAt?: number } = {}): void {
  const storage = cluster.instances.find((i) => i.type === 'TiKV');
  ctx.engine.settle(FLOWS[key], {
    bizId: cluster.id,
    startAt,
    ...opts,
    failure: { clusterName: cluster.name, ip: storage?.hostIp ?? cluster.monitorIp, zone: storage?.zone.zoneId ?? cluster.regionId },
  });
}

/** A cluster with a plausible topology, recorded in the state (status set by its workflow). */
function newCluster(ctx: FleetContext, rng: Rng, name: string, createdAt: number): Cluster {
  const region = rng.pick(REGIONS);
  const version = rng.pick(VERSIONS);
  const zones = region.zones;
  const line = (type: ComponentType, count: number, specCode: string, diskCapacity: number): ResourceLine[] =>
    count > 0 ? [{ type, count, specCode, zone: rng.pick(zones), diskType: rng.pick(DISK_TYPES.slice(0, 2)), diskCapacity }] : [];
  const lines = [
    ...line('PD', 3, '4C8G', 50),
    ...line('TiKV', rng.int(3, 6), rng.pick(['8C32G', '16C64G']), rng.pick([500, 1000, 2000])),
    ...line('TiDB', rng.int(2, 4), rng.pick(['8C16G', '16C64G']), 50),
    ...line('TiFlash', rng.chance(0.3) ? rng.int(1, 2) : 0, '16C64G', 1000),
    ...line('CDC', rng.chance(0.2) ? rng.int(1, 2) : 0, '4C8G', 100),
  ];
  const instances = deployInstances(ctx.state, rng, region, version, lines);
  const cluster = clusterRecord({
    id: tiemId(rng),
    name,
    type: 'TiDB',
    version,
    regionId: region.id,
    cpuArchitecture: rng.chance(0.8) ? 'X86_64' : rng.pick(CPU_ARCHITECTURES),
    copies: 3,
    exclusive: rng.chance(0.3),
    tls: rng.chance(0.25),
    vendor: 'Local',
    tags: rng.shuffle(TAG_POOL).slice(0, rng.int(1, 3)),
    userId: ctx.userId,
    createTime: createdAt,
    requestResourceMode: 'SpecificZone',
    instances,
    maintainWindow: rng.chance(0.4) ? rng.pick(['02:00-04:00', '03:00-05:00', '22:00-23:59']) : '',
    ...clusterAccess(rng, region),
  });
  ctx.state.clusters.add(cluster);
  return cluster;
}
