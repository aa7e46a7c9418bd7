import type { ClusterKind, ClusterStatus, DeploymentStatus, EventSeverity, HostStatus, SnapshotStatus, SnapshotType, WorkflowState } from './status.js';
import type { GatewayError } from './errors.js';
import type { NodeType } from './ids.js';
import type { WorkflowKind } from './workflow-kind.js';

/**
 * The unified domain objects the schema serves. Adapters build them with their pure
 * map.ts functions; nothing here knows a vendor. Times are ISO-8601 strings in UTC,
 * sizes are bytes, ratios are 0..1, and a value the vendor does not give is absent
 * (undefined) rather than invented.
 */

/**
 * A field a source fills from a call beyond the list call that names the item. Where
 * that call failed, the field holds the error in place of the value (a gap,
 * model/partial.ts): GraphQL raises an error it finds in a field at that field's path,
 * and the item's other fields stand.
 */
export type OrGap<T> = T | GatewayError;

/** A vendor's JSON object as its adapter read it. */
export type VendorRecord = Readonly<Record<string, unknown>>;

/** Where an object lives: the configured source and the vendor's own id for it. */
export interface Ref {
  sourceId: string;
  nativeId: string;
  /**
   * The vendor's record this object was mapped from (records by name where several make
   * one object), for admins who need what the vendor said; served with secrets removed.
   */
  raw?: VendorRecord;
}

export interface Label {
  key: string;
  value: string;
}

export interface Endpoint {
  /** e.g. "mysql", "jdbc", "http", "ssh". */
  protocol?: string;
  address: string;
  /** Reachable from outside the vendor's network. */
  public: boolean;
}

/** A used/total pair for one resource. `unit` says what `used` and `total` count. */
export interface Usage {
  used?: number;
  total?: number;
  /** used / total, 0..1; given directly where the vendor reports only a percentage. */
  ratio?: number;
  unit: 'CORES' | 'BYTES' | 'RATIO' | 'HZ';
}

export interface ResourceUsage {
  cpu?: OrGap<Usage>;
  memory?: OrGap<Usage>;
  storage?: OrGap<Usage>;
}

export interface Cluster extends Ref {
  name: string;
  kind: ClusterKind;
  status: OrGap<ClusterStatus>;
  rawStatus: OrGap<string>;
  version?: string;
  region?: string;
  zone?: string;
  labels: OrGap<Label[]>;
  createdAt?: string;
  updatedAt?: string;
  endpoints: OrGap<Endpoint[]>;
  nodeCount?: OrGap<number>;
  usage?: OrGap<ResourceUsage>;
}

export interface Host extends Ref {
  clusterNativeId?: string;
  name: string;
  addresses: OrGap<string[]>;
  role?: OrGap<string>;
  status: HostStatus;
  rawStatus: string;
  os?: string;
  kernel?: string;
  usage?: ResourceUsage;
  labels: OrGap<Label[]>;
}

export interface Snapshot extends Ref {
  clusterNativeId?: string;
  name: string;
  status: SnapshotStatus;
  rawStatus: string;
  type: SnapshotType;
  sizeBytes?: number;
  startedAt?: string;
  finishedAt?: string;
  description?: string;
}

export interface Event extends Ref {
  clusterNativeId?: string;
  occurredAt: string;
  severity: EventSeverity;
  category?: string;
  message: string;
  actor?: string;
}

export interface ReplicaCounts {
  running: number;
  error: number;
  total: number;
}

export interface DeploymentRevision {
  version: string;
  deployedAt?: string;
}

export interface Deployment extends Ref {
  clusterNativeId?: string;
  name: string;
  application?: string;
  version?: string;
  status: DeploymentStatus;
  rawStatus: string;
  replicas?: ReplicaCounts;
  history: DeploymentRevision[];
  createdAt?: string;
  updatedAt?: string;
}

export interface WorkflowStep {
  name: string;
  state: WorkflowState;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface Workflow extends Ref {
  /** What it does, e.g. "CreateCluster", "CreateSnapshot", "UpgradeDeployment". */
  kind: WorkflowKind;
  /** The vendor's own name for the operation, where it names one (TiEM flow names). */
  rawKind?: string;
  /** The object it changes. */
  target?: { type: NodeType; nativeId: string };
  clusterNativeId?: string;
  state: WorkflowState;
  rawState: string;
  /** 0..1 where the vendor reports or implies it. */
  progress?: number;
  message?: string;
  steps: WorkflowStep[];
  startedAt?: string;
  updatedAt?: string;
  finishedAt?: string;
}
