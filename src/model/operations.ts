import type { Label, Workflow } from './entities.js';
import type { NodeType } from './ids.js';

/**
 * What a mutation asks of a source, in the gateway's words. Every method is optional:
 * a source has exactly the operations its vendor can do, and the schema answers the
 * rest with UnsupportedOperationError. Methods throw ValidationError (bad input for
 * this vendor), NotFoundError, or SourceError (the vendor refused or failed).
 */
export interface OperationResult {
  /** The object created or changed, once the vendor has named it. */
  target?: { type: NodeType; nativeId: string };
  /** The long-running change it started, read or synthesized at once. */
  workflow?: Workflow;
}

export interface OperationOptions {
  signal?: AbortSignal;
}

/**
 * The fields every createCluster has. The vendor's own parameters ride beside them
 * under the source's kind (`req.<kind>`), typed and described in the vendor's folder
 * (src/sources/<kind>/inputs.ts), whose shape the schema has checked.
 */
export interface CreateClusterRequest {
  name: string;
  version?: string;
  region?: string;
  zone?: string;
  labels: Label[];
}

export interface DeleteClusterRequest {
  force: boolean;
  /** Keep (or take) a last snapshot where the vendor can. */
  keepLastSnapshot: boolean;
}

/**
 * What to change in a cluster's size: the fields the vendors declare in their folders
 * (src/sources/<kind>/inputs.ts), each vendor reading its own; the schema has checked
 * their shapes and turned the global ids among them into native ids.
 */
export type ScaleClusterRequest = Readonly<Record<string, unknown>>;

export interface TakeOverClusterRequest {
  name: string;
  dbPassword: string;
  controlHost: { ip: string; port: number; user: string; password: string; tiupPath: string };
}

export interface CreateSnapshotRequest {
  name?: string;
  description?: string;
}

export interface RestoreSnapshotRequest {
  clusterName: string;
  availabilityZone?: string;
  /** Root password of the restored cluster, where the vendor asks for one (TiEM). */
  dbPassword?: string;
}

export interface CreateDeploymentRequest {
  clusterNativeIds: string[];
  name: string;
  application: string;
  version: string;
  replicas?: number;
  labels: Label[];
}

/** An administrator's decision on a deployment held back for approval. */
export interface DeploymentVerdict {
  approve: boolean;
  /** Why, for the record the vendor keeps. */
  comment: string;
}

export interface SourceOperations {
  createCluster?(req: CreateClusterRequest, o?: OperationOptions): Promise<OperationResult>;
  deleteCluster?(clusterId: string, req: DeleteClusterRequest, o?: OperationOptions): Promise<OperationResult>;
  restartCluster?(clusterId: string, o?: OperationOptions): Promise<OperationResult>;
  stopCluster?(clusterId: string, o?: OperationOptions): Promise<OperationResult>;
  startCluster?(clusterId: string, o?: OperationOptions): Promise<OperationResult>;
  scaleCluster?(clusterId: string, req: ScaleClusterRequest, o?: OperationOptions): Promise<OperationResult>;
  takeOverCluster?(req: TakeOverClusterRequest, o?: OperationOptions): Promise<OperationResult>;
  /** Replaces the cluster's labels with exactly these. */
  setClusterLabels?(clusterId: string, labels: Label[], o?: OperationOptions): Promise<OperationResult>;
  /** Replaces the host's labels with exactly these. */
  setHostLabels?(hostId: string, labels: Label[], o?: OperationOptions): Promise<OperationResult>;
  createSnapshot?(clusterId: string, req: CreateSnapshotRequest, o?: OperationOptions): Promise<OperationResult>;
  deleteSnapshot?(snapshotId: string, o?: OperationOptions): Promise<OperationResult>;
  restoreSnapshot?(snapshotId: string, req: RestoreSnapshotRequest, o?: OperationOptions): Promise<OperationResult>;
  copySnapshot?(snapshotId: string, req: CreateSnapshotRequest, o?: OperationOptions): Promise<OperationResult>;
  createDeployment?(req: CreateDeploymentRequest, o?: OperationOptions): Promise<OperationResult>;
  upgradeDeployment?(deploymentId: string, version: string, o?: OperationOptions): Promise<OperationResult>;
  rollbackDeployment?(deploymentId: string, version: string | undefined, o?: OperationOptions): Promise<OperationResult>;
  deleteDeployment?(deploymentId: string, o?: OperationOptions): Promise<OperationResult>;
  /** Approves or rejects the operation a deployment is waiting to start. */
  decideDeployment?(deploymentId: string, verdict: DeploymentVerdict, o?: OperationOptions): Promise<OperationResult>;
  startInspection?(clusterId: string, o?: OperationOptions): Promise<OperationResult>;
  stopInspection?(clusterId: string, o?: OperationOptions): Promise<OperationResult>;
  cancelWorkflow?(workflowId: string, o?: OperationOptions): Promise<OperationResult>;
}

export type OperationName = keyof SourceOperations;
