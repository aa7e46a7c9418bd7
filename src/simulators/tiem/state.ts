import type { ComponentType, SpecInfo, ZoneInfo } from './catalog.js';
import { Records } from './records.js';

/**
 * Cluster running status (TiEM's ClusterRunningStatus). The document only says
 * "string"; these are the values TiEM itself uses:
 * - Initializing: being created, nothing serves yet
 * - Running: serving
 * - Stopped: stopped on purpose
 * - Recovering: data being restored into it from a backup
 * - Failure: a workflow on it failed; it needs a restart (or a delete)
 */
export const CLUSTER_STATUSES = ['Initializing', 'Running', 'Stopped', 'Recovering', 'Failure'] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

/**
 * What the cluster is busy with (TiEM's ClusterMaintenanceStatus); '' when idle. Only one
 * maintenance runs at a time: starting another one is a 409 conflict.
 */
export type MaintainStatus = '' | 'Creating' | 'Deleting' | 'Stopping' | 'Restarting' | 'BackUp' | 'Restore' | 'Takeover';

export interface Usage {
  total: number;
  used: number;
}

export interface Instance {
  id: string;
  type: ComponentType;
  role: string;
  status: ClusterStatus;
  version: string;
  hostId: string;
  hostIp: string;
  diskId: string;
  diskType: string;
  diskCapacityGiB: number;
  ports: number[];
  spec: SpecInfo;
  zone: ZoneInfo;
  /** Load while running, as a share of the spec (0..1). */
  cpuLoad: number;
  memLoad: number;
  storageUsedGiB: number;
  ioUtil: number;
  iops: [number, number];
}

export interface Cluster {
  id: string;
  name: string;
  type: string;
  version: string;
  regionId: string;
  cpuArchitecture: string;
  copies: number;
  exclusive: boolean;
  tls: boolean;
  vendor: string;
  tags: string[];
  userId: string;
  createTime: number;
  updateTime: number;
  deleteTime?: number;
  status: ClusterStatus;
  maintainStatus: MaintainStatus;
  maintainWindow: string;
  role: string;
  relations: { masters: string[]; slaves: string[] };
  whitelist: string[];
  extranetAddresses: string[];
  monitorIp: string;
  requestResourceMode: 'SpecificZone' | 'SpecificHost';
  /** The database account created with the cluster; TiEM keeps it, no response shows it. */
  dbUser: string;
  /** The parameter group applied at creation; '' for the version's default. */
  parameterGroupId: string;
  instances: Instance[];
}

/** TiEM's ClusterBackupStatus. */
export type BackupStatus = 'Initializing' | 'Processing' | 'Finished' | 'Failed';

export interface BackupRecord {
  id: string;
  clusterId: string;
  backupType: 'full' | 'incr';
  backupMethod: 'physical' | 'logical';
  backupMode: 'auto' | 'manual';
  filePath: string;
  /** In MB, as BR reports it. */
  sizeMb: number;
  backupTso: string;
  status: BackupStatus;
  startTime: number;
  endTime?: number;
  createTime: number;
  updateTime: number;
}

/** Workflow and node status (the document's enum on WorkFlowInfo/WorkFlowNodeInfo). */
export const WORKFLOW_STATUSES = ['Initializing', 'Processing', 'Finished', 'Error', 'Canceled'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export interface WorkflowNode {
  id: string;
  name: string;
  parameters: string;
  result: string;
  status: WorkflowStatus;
  startTime: number;
  /** Planned duration, so progress of a running node can be told. */
  durationMs: number;
  endTime?: number;
}

export interface Workflow {
  id: string;
  name: string;
  bizId: string;
  bizType: string;
  status: WorkflowStatus;
  createTime: number;
  updateTime: number;
  /** Every step this flow will run, in order (TiEM's `nodeNames`). */
  stepNames: readonly string[];
  nodes: WorkflowNode[];
}

export interface TiemState {
  /** Deleted clusters included (with their deleteTime), as the workflow history still names them. */
  clusters: Records<Cluster>;
  /** Add and remove backups with `addBackup`/`removeBackup`, which keep `backupsOf` in step. */
  backups: Records<BackupRecord>;
  /** Backup records per cluster id: a cluster's usage sums its own without scanning the fleet's. */
  backupsOf: Map<string, Set<BackupRecord>>;
  workflows: Records<Workflow>;
  /** Next free host number per region, for addresses of newly deployed instances. */
  hostCursor: Map<string, number>;
}

export const newState = (): TiemState => ({
  clusters: new Records(),
  backups: new Records(),
  backupsOf: new Map(),
  workflows: new Records(),
  hostCursor: new Map(),
});

export function addBackup(state: TiemState, record: BackupRecord): void {
  state.backups.add(record);
  let own = state.backupsOf.get(record.clusterId);
  if (!own) state.backupsOf.set(record.clusterId, (own = new Set()));
  own.add(record);
}

export function removeBackup(state: TiemState, record: BackupRecord): void {
  state.backups.remove(record);
  state.backupsOf.get(record.clusterId)?.delete(record);
}

const NO_BACKUPS: ReadonlySet<BackupRecord> = new Set();
export const clusterBackups = (state: TiemState, clusterId: string): ReadonlySet<BackupRecord> => state.backupsOf.get(clusterId) ?? NO_BACKUPS;

/** The clusters not deleted, in list order. */
export const liveClusters = (state: TiemState): Cluster[] => state.clusters.listed().filter((c) => c.deleteTime === undefined);

/** Sets the cluster's status and the status its instances report alongside it. */
export function setClusterStatus(cluster: Cluster, status: ClusterStatus, at: number): void {
  cluster.status = status;
  cluster.updateTime = at;
  cluster.instances.forEach((inst, i) => {
    // A failed cluster is rarely all down: the first storage node is the one that broke.
    inst.status =
      status === 'Failure'
        ? i === cluster.instances.findIndex((x) => x.type === 'TiKV')
          ? 'Failure'
          : 'Running'
        : status === 'Recovering'
          ? 'Running'
          : status;
  });
}

type ClusterBasics = Pick<
  Cluster,
  | 'id'
  | 'name'
  | 'type'
  | 'version'
  | 'regionId'
  | 'cpuArchitecture'
  | 'copies'
  | 'exclusive'
  | 'tls'
  | 'vendor'
  | 'tags'
  | 'userId'
  | 'createTime'
  | 'requestResourceMode'
  | 'instances'
  | 'whitelist'
  | 'extranetAddresses'
>;

/** A new cluster record: idle, no relations, root account, default parameters, monitored from its first host, until told otherwise. */
export function clusterRecord(basics: ClusterBasics & Partial<Cluster>): Cluster {
  return {
    updateTime: basics.createTime,
    status: 'Initializing',
    maintainStatus: '',
    maintainWindow: '',
    role: '',
    relations: { masters: [], slaves: [] },
    monitorIp: basics.instances[0]?.hostIp ?? '127.0.0.1',
    dbUser: 'root',
    parameterGroupId: '',
    ...basics,
  };
}
