import type { Flavor } from './catalog.js';
import { notFound } from './errors.js';

/**
 * Cluster status. The document's tables spell the healthy and failed-creation states
 * ACTIVE and CREATE_FAILED, while every example response shows AVAILABLE and the
 * service reports a failed creation as "CREATION FAILED". Operations emit the example
 * spellings; the seeded fleet also carries one ACTIVE and one CREATE_FAILED cluster so
 * clients prove they accept both, as the seeds README asks.
 */
export const CLUSTER_STATUSES = [
  'AVAILABLE',
  'ACTIVE',
  'CREATING',
  'CREATION FAILED',
  'CREATE_FAILED',
  'FAILED',
  'DELETING',
  'DELETE_FAILED',
  'DELETED',
  'FROZEN',
  'POLICE_FROZEN',
] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

export const SUB_STATUSES = [
  'NORMAL',
  'READONLY',
  'REDISTRIBUTING',
  'REDISTRIBUTION-FAILURE',
  'UNBALANCED',
  'UNBALANCED READONLY',
  'DEGRADED',
  'DEGRADED READONLY',
  'DEGRADED UNBALANCED',
  'UNBALANCED REDISTRIBUTING',
  'UNBALANCED REDISTRIBUTION-FAILURE',
  'READONLY REDISTRIBUTION-FAILURE',
  'UNBALANCED READONLY REDISTRIBUTION-FAILURE',
  'DEGRADED REDISTRIBUTION-FAILURE',
  'DEGRADED UNBALANCED REDISTRIBUTION-FAILURE',
  'DEGRADED UNBALANCED READONLY REDISTRIBUTION-FAILURE',
  'DEGRADED UNBALANCED READONLY',
] as const;

/** Tasks in progress (or waiting): a cluster showing one of these takes no other operation. */
export const ONGOING_TASKS = [
  'UNFREEZING',
  'FREEZING',
  'RESTORING',
  'SNAPSHOTTING',
  'GROWING',
  'REBOOTING',
  'SETTING_CONFIGURATION',
  'CONFIGURING_EXT_DATASOURCE',
  'DELETING_EXT_DATASOURCE',
  'ADD_CN_ING',
  'DEL_CN_ING',
  'CREATING_NODE',
  'DELETING_NODE',
  'REDISTRIBUTING',
  'WAITING_REDISTRIBUTION',
  'REDISTRIBUTION_PAUSED',
  'ELB_BINDING',
  'ELB_UNBINDING',
  'ELB_SWITCHING',
  'NETWORK_CONFIGURING',
  'DISK_EXPANDING',
  'ACTIVE_STANDBY_SWITCHOVER',
  'CLUSTER_SHRINKING',
  'SHRINK_CHECKING',
  'FLAVOR_RESIZING',
  'MANAGE_IP_BINDING',
  'ORDER_PENDING',
  'FINE_GRAINED_RESTORING',
  'DR_RECOVERING',
] as const;

/** Results of a finished task that failed; they stay visible but do not block the cluster. */
export const FAILED_TASKS = [
  'REBOOT_FAILURE',
  'RESIZE_FAILURE',
  'CREATE_NODE_FAILED',
  'DELETE_NODE_FAILED',
  'REDISTRIBUTE_FAILURE',
  'ELB_BIND_FAILED',
  'ELB_UNBIND_FAILED',
  'ELB_SWITCHING_FAILED',
  'NETWORK_CONFIG_FAILED',
  'DISK_EXPAND_FAILED',
  'ACTIVE_STANDBY_SWITCHOVER_FAILURE',
  'CLUSTER_SHRINK_FAILED',
  'SHRINK_CHECK_FAILED',
  'FLAVOR_RESIZING_FAILED',
  'MANAGE_IP_BIND_FAILED',
] as const;

export const TASK_STATUSES = [...ONGOING_TASKS, ...FAILED_TASKS] as const;

/** Node instance status codes (tables 5-18 / 5-27). */
export const NODE_STATUSES = ['100', '199', '200', '300', '303', '304', '305', '400'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const SNAPSHOT_STATUSES = ['CREATING', 'AVAILABLE', 'UNAVAILABLE', 'RESTORING', 'FROZEN', 'POLICE_FROZEN'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

export interface DwsNode {
  id: string;
  name: string;
  status: NodeStatus;
  privateIp: string;
  /** Hosts a coordinator (CN) instance; the CN's id is the node's. */
  cn: boolean;
}

/** The step of an operation a cluster is in now: what task_status and action_progress show. */
export interface ActiveStep {
  task: string | null;
  progressKey: string | null;
  startedAt: number;
  durationMs: number;
}

export interface Tag {
  key: string;
  value: string;
}

export interface DwsCluster {
  id: string;
  name: string;
  status: ClusterStatus;
  subStatus: string | null;
  step: ActiveStep | null;
  /** A failed task's result, shown as task_status while no step runs. */
  lastTaskResult: string | null;
  version: string;
  createdAt: number;
  updatedAt: number;
  port: number;
  userName: string;
  /** Kept for realism of later checks; never rendered (the real API never returns it). */
  userPwd: string;
  flavor: Flavor;
  nodes: DwsNode[];
  availabilityZone: string;
  enterpriseProjectId: string;
  vpcId: string;
  subnetId: string;
  securityGroupId: string;
  /** Base of the private addresses (e.g. `192.168.3`); nodes take host numbers in it. */
  subnetPrefix: string;
  publicIp: { bindType: 'auto_assign' | 'bind_existing'; eipId: string; address: string } | null;
  tags: Tag[];
  parameterGroupStatus: 'In-Sync' | 'Applying' | 'Pending-Reboot' | 'Sync-Failure';
  orderId: string;
  maintainWindow: { day: string; start_time: string; end_time: string };
  resize: { target: number; origin: number; status: 'GROWING' | 'RESIZE_FAILURE'; startedAt: number } | null;
  failedReasons: { error_code: string; error_msg: string } | null;
  elb: { id: string; name: string; public_ip: string; private_ip: string; private_endpoint: string; vpc_id: string } | null;
  deletedAt: number | null;
}

/** What a restore needs from the snapshotted cluster, kept with the snapshot so a restore works after the cluster is gone. */
export interface ClusterShape {
  flavor: Flavor;
  nodeCount: number;
  cnCount: number;
  version: string;
  vpcId: string;
  subnetId: string;
  securityGroupId: string;
  subnetPrefix: string;
  availabilityZone: string;
  port: number;
  userName: string;
  userPwd: string;
}

export const shapeOf = (c: DwsCluster): ClusterShape => ({
  flavor: c.flavor,
  nodeCount: memberCount(c),
  cnCount: cnNodes(c).length,
  version: c.version,
  vpcId: c.vpcId,
  subnetId: c.subnetId,
  securityGroupId: c.securityGroupId,
  subnetPrefix: c.subnetPrefix,
  availabilityZone: c.availabilityZone,
  port: c.port,
  userName: c.userName,
  userPwd: c.userPwd,
});

export interface DwsSnapshot {
  id: string;
  origin: ClusterShape;
  name: string;
  description: string;
  clusterId: string;
  clusterName: string;
  type: 'MANUAL' | 'AUTO';
  status: SnapshotStatus;
  startedAt: number;
  finishedAt: number | null;
  updatedAt: number;
  /** GB. */
  size: number;
  version: string;
  dbUser: string;
  backupKey: string;
  priorBackupKey: string;
  baseBackupKey: string;
  baseBackupName: string;
  /** Set while the snapshot is being taken, to compute `progress`. */
  durationMs: number;
  bakPeriod: string;
  bakKeepDay: number;
  bakExpectedStartTime: number;
}

/** One row of the event list, already in the document's field names. */
export interface DwsEvent {
  category: string;
  description: string;
  event_id: string;
  name: string;
  display_name: string;
  name_space: string;
  severity: string;
  source_type: string;
  occur_time: number;
  project_id: string;
  source_id: string;
  source_name: string;
  status: number;
  subject: string;
  context: string;
}

export interface DwsAlarm {
  alarmId: string;
  alarmName: string;
  alarmLevel: string;
  clusterId: string;
  clusterName: string;
  generatedAt: number;
  /** "0" active, "1" cleared. */
  status: '0' | '1';
}

export interface Project {
  id: string;
  name: string;
  domainId: string;
  domainName: string;
  userId: string;
  userName: string;
}

/**
 * Snapshots by id, and by cluster beside it, so that one cluster's snapshots cost the
 * same in a fleet of ten thousand clusters as in one of ten.
 */
class SnapshotTable extends Map<string, DwsSnapshot> {
  readonly #byCluster = new Map<string, Map<string, DwsSnapshot>>();

  override set(id: string, s: DwsSnapshot): this {
    const previous = super.get(id);
    if (previous && previous.clusterId !== s.clusterId) this.#byCluster.get(previous.clusterId)?.delete(id);
    super.set(id, s);
    const ofCluster = this.#byCluster.get(s.clusterId) ?? new Map<string, DwsSnapshot>();
    this.#byCluster.set(s.clusterId, ofCluster.set(id, s));
    return this;
  }

  override delete(id: string): boolean {
    const s = super.get(id);
    if (s) this.#byCluster.get(s.clusterId)?.delete(id);
    return super.delete(id);
  }

  override clear(): void {
    this.#byCluster.clear();
    super.clear();
  }

  /** In the order they were added, as a scan of the whole table would list them. */
  ofCluster(clusterId: string): DwsSnapshot[] {
    return [...(this.#byCluster.get(clusterId)?.values() ?? [])];
  }
}

/**
 * Clusters by id, with the list's order (newest first) kept between calls: the list is
 * asked for far more often than clusters come and go, and sorting ten thousand per call
 * was most of a large fleet's list time. A cluster's creation time never changes.
 */
class ClusterTable extends Map<string, DwsCluster> {
  #newestFirst: DwsCluster[] | undefined;

  override set(id: string, c: DwsCluster): this {
    if (super.get(id) !== c) this.#newestFirst = undefined;
    return super.set(id, c);
  }

  override delete(id: string): boolean {
    this.#newestFirst = undefined;
    return super.delete(id);
  }

  override clear(): void {
    this.#newestFirst = undefined;
    super.clear();
  }

  /** Newest first, the order the console lists clusters in; ties in the order added. */
  newestFirst(): readonly DwsCluster[] {
    this.#newestFirst ??= [...this.values()].sort((a, b) => b.createdAt - a.createdAt);
    return this.#newestFirst;
  }
}

export class DwsStore {
  readonly clusters = new ClusterTable();
  readonly snapshots = new SnapshotTable();
  /** Append through `addEvent`, which keeps the per-source counts. */
  readonly events: DwsEvent[] = [];
  readonly alarms: DwsAlarm[] = [];
  readonly #eventsPerSource = new Map<string, number>();

  constructor(readonly project: Project) {}

  cluster(id: string): DwsCluster {
    const c = this.clusters.get(id);
    if (!c) throw notFound('cluster', id);
    return c;
  }

  snapshot(id: string): DwsSnapshot {
    const s = this.snapshots.get(id);
    if (!s) throw notFound('snapshot', id);
    return s;
  }

  snapshotsOf(clusterId: string): DwsSnapshot[] {
    return this.snapshots.ofCluster(clusterId);
  }

  addEvent(event: DwsEvent): void {
    this.events.push(event);
    this.#eventsPerSource.set(event.source_id, (this.#eventsPerSource.get(event.source_id) ?? 0) + 1);
  }

  /** Events recorded about one cluster (or snapshot), the list's `recent_event`. */
  eventCount(sourceId: string): number {
    return this.#eventsPerSource.get(sourceId) ?? 0;
  }
}

export const isHealthy = (c: DwsCluster) => c.status === 'AVAILABLE' || c.status === 'ACTIVE';

export const cnNodes = (c: DwsCluster) => c.nodes.filter((n) => n.cn && n.status !== '400');

/** Nodes that are part of the cluster (idle nodes added with create_node_only are not). */
export const memberNodes = (c: DwsCluster) => c.nodes.filter((n) => n.status !== '199');

/** How many `memberNodes` there are, counted without making the list (every list item shows it). */
export function memberCount(c: DwsCluster): number {
  let count = 0;
  for (const n of c.nodes) if (n.status !== '199') count++;
  return count;
}
