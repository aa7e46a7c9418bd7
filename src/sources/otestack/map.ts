import type { CommonFilter } from '../../model/entity-types.js';
import type { Cluster, Deployment, DeploymentRevision, Host, Label, ReplicaCounts, ResourceUsage, Usage, Workflow } from '../../model/entities.js';
import { type ClusterStatus, type DeploymentStatus, type HostStatus, statusTable, TERMINAL_WORKFLOW_STATES, type WorkflowState } from '../../model/status.js';
import type { WorkflowKind } from '../../model/workflow-kind.js';
import { BUSINESS_STATUSES, type OteBusinessStatus, type OteUserStatus, USER_STATUSES } from './inputs.js';
import type {
  OteApp,
  OteBusinessRow,
  OteCluster,
  OteDeployment,
  OteExternalRepoRow,
  OteHistoryEntry,
  OteImageRow,
  OteNode,
  OteProjectRow,
  OteTagRow,
  OteUserRow,
} from './wire.js';
import { type TimeRules, vendorTime } from '../kit/time.js';

/**
 * Pure OTE-stack → unified model mapping. Status tables are keyed by the vendor's own
 * values: `isReady` booleans as text, deployment status codes 0–9 as text.
 */

// ---- Times and labels ----

/** Unix seconds in every example; 0 and negatives are "not given". */
export const TIME: TimeRules = {};

/**
 * OTE-stack labels are bare names ("north-china", "gpu"): each becomes a label with that
 * key and an empty value, so `{key: "gpu"}` finds the clusters or nodes labelled gpu.
 */
export const toLabels = (names: readonly string[]): Label[] => [...new Set(names)].sort().map((key) => ({ key, value: '' }));

/** How a gateway label filter reaches the vendor's single `clusterLabel`/`nodeLabel` parameter. */
export type LabelPushdown =
  /** No label filter. */
  | { kind: 'none' }
  /** A wanted value other than "": no OTE-stack label has one, so nothing can match. */
  | { kind: 'impossible' }
  /** Send `label`; `exact` when it is the only label wanted, else the rest is checked here. */
  | { kind: 'label'; label: string; exact: boolean };

export function labelPushdown(wanted: CommonFilter['labels']): LabelPushdown {
  if (!wanted?.length) return { kind: 'none' };
  if (wanted.some((l) => l.value !== undefined && l.value !== '')) return { kind: 'impossible' };
  const keys = [...new Set(wanted.map((l) => l.key))];
  return { kind: 'label', label: keys[0] as string, exact: keys.length === 1 };
}

export const hasLabels = (labels: readonly Label[], wanted: CommonFilter['labels']): boolean =>
  (wanted ?? []).every((w) => labels.some((l) => l.key === w.key && (w.value === undefined || l.value === w.value)));

// ---- Clusters ----

/** `isReady` on the cluster list: whether the edge cluster is alive. */
export const clusterStatus = statusTable<string, ClusterStatus>({ true: 'RUNNING', false: 'FAILED' }, 'UNKNOWN');

const sum = (values: (number | null | undefined)[]): number | undefined => {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return known.length ? known.reduce((a, b) => a + b, 0) : undefined;
};

const capacity = (total: number | undefined, unit: Usage['unit']): Usage | undefined => (total === undefined ? undefined : { total, unit });

/** What the nodes report: capacity only, the vendor gives no usage figures. */
function nodeCapacity(nodes: readonly OteNode[]): ResourceUsage | undefined {
  const cpu = capacity(sum(nodes.map((n) => n.cpu)), 'CORES');
  const memory = capacity(sum(nodes.map((n) => n.memory)), 'BYTES');
  const storage = capacity(sum(nodes.map((n) => n.disk)), 'BYTES');
  return cpu || memory || storage ? { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}), ...(storage ? { storage } : {}) } : undefined;
}

/**
 * A cluster from its list row, its labels and (where fetched) its nodes. An alive
 * cluster with nodes that are not ready is DEGRADED; its capacity is its nodes' sum.
 */
export function toCluster(sourceId: string, raw: OteCluster, labels: readonly string[], nodes?: readonly OteNode[]): Cluster {
  let status = clusterStatus(String(raw.isReady));
  if (status === 'RUNNING' && nodes?.some((n) => !n.isReady)) status = 'DEGRADED';
  const usage = nodes ? nodeCapacity(nodes) : undefined;
  return {
    ...clusterOutline(sourceId, raw),
    status,
    labels: toLabels(labels),
    ...(usage ? { usage } : {}),
  };
}

/**
 * The fields of a cluster its list row alone gives: its status needs its nodes, its labels
 * a lookup. OTE-stack tells no version, region, zone or creation and update times at all,
 * so outline and completed cluster agree on those too: a page that reads them completes nothing.
 */
export const CLUSTER_OUTLINE_FIELDS: ReadonlySet<string> = new Set([
  'sourceId',
  'nativeId',
  'raw',
  'name',
  'kind',
  'rawStatus',
  'endpoints',
  'nodeCount',
  'version',
  'region',
  'zone',
  'createdAt',
  'updatedAt',
]);

export function clusterOutline(sourceId: string, raw: OteCluster): Omit<Cluster, 'status' | 'labels' | 'usage'> {
  return {
    sourceId,
    raw,
    nativeId: raw.clusterName,
    name: raw.clusterName,
    kind: 'EDGE',
    rawStatus: `isReady=${raw.isReady}`,
    endpoints: [],
    ...(raw.nodeCount !== undefined ? { nodeCount: raw.nodeCount } : {}),
  };
}

// ---- Hosts ----

/** `isReady` on the node list. */
export const hostStatus = statusTable<string, HostStatus>({ true: 'ONLINE', false: 'OFFLINE' }, 'UNKNOWN');

/** Node names are unique within a cluster only (the label calls name both), so a host's id carries both. */
export const hostNativeId = (clusterName: string, nodeName: string) => `${clusterName}/${nodeName}`;

/** Kubernetes node names never contain "/", so the last one separates the two. */
export function parseHostId(nativeId: string): { clusterName: string; nodeName: string } | undefined {
  const at = nativeId.lastIndexOf('/');
  if (at <= 0 || at === nativeId.length - 1) return undefined;
  return { clusterName: nativeId.slice(0, at), nodeName: nativeId.slice(at + 1) };
}

/** Every host field but its labels: what the node list alone tells, labels costing calls of their own. */
export const HOST_OUTLINE_FIELDS: ReadonlySet<string> = new Set([
  'sourceId',
  'nativeId',
  'raw',
  'clusterNativeId',
  'name',
  'addresses',
  'status',
  'rawStatus',
  'os',
  'kernel',
  'usage',
]);

export function toHost(sourceId: string, raw: OteNode, labels: readonly string[]): Host {
  return { ...hostOutline(sourceId, raw), labels: toLabels(labels) };
}

export function hostOutline(sourceId: string, raw: OteNode): Omit<Host, 'labels'> {
  const usage = nodeCapacity([raw]);
  return {
    sourceId,
    raw,
    nativeId: hostNativeId(raw.clusterName, raw.nodeName),
    clusterNativeId: raw.clusterName,
    name: raw.nodeName,
    addresses: raw.ip ? [raw.ip] : [],
    status: hostStatus(String(raw.isReady)),
    rawStatus: `isReady=${raw.isReady}`,
    ...(raw.operatingSystem ? { os: raw.operatingSystem } : {}),
    ...(raw.kernelVersion ? { kernel: raw.kernelVersion } : {}),
    ...(usage ? { usage } : {}),
  };
}

// ---- Applications (the catalogue, OTE-stack's own: see vendor.ts) ----

/** One version of an application in the catalogue. */
export interface OteApplication {
  sourceId: string;
  /** The vendor's id of this application version. */
  nativeId: string | null;
  name: string;
  version: string;
  /** "deployment" or "daemonset". */
  workload: string | null;
  image: string | null;
  project: string | null;
  repository: string | null;
  replicas: number | null;
  minReplicas: number | null;
  maxReplicas: number | null;
  autoscaled: boolean;
  ports: { port: number; hostPort: number | null }[];
  dependencies: { name: string; service: string | null; port: number | null }[];
  minCpuCores: number | null;
  maxCpuCores: number | null;
  gpus: number | null;
  minMemoryBytes: number | null;
  maxMemoryBytes: number | null;
  maxUnavailable: number | null;
  maxSurge: number | null;
  minReadySeconds: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** "Minimal memory (MB": Kubernetes' Mi, which is what the edge clusters are given. */
const MIB = 1024 * 1024;
const bytesOfMib = (mib: number | null | undefined) => (typeof mib === 'number' ? mib * MIB : null);

export function toApplication(sourceId: string, raw: OteApp): OteApplication {
  return {
    sourceId,
    nativeId: raw.id != null ? String(raw.id) : null,
    name: raw.appName,
    version: raw.version,
    workload: raw.deployType ?? null,
    image: raw.image || null,
    project: raw.projectName || null,
    repository: raw.repositoryId || null,
    replicas: raw.replicas ?? null,
    minReplicas: raw.minReplicas ?? null,
    maxReplicas: raw.maxReplicas ?? null,
    autoscaled: raw.isHPA === true,
    ports: (raw.port ?? []).map((p) => ({ port: p.port, hostPort: p.hostPort ?? null })),
    dependencies: (raw.dependence ?? []).map((d) => ({ name: d.name, service: d.service || null, port: d.port ?? null })),
    minCpuCores: raw.minCPU ?? null,
    maxCpuCores: raw.maxCPU ?? null,
    gpus: raw.GPU ?? null,
    minMemoryBytes: bytesOfMib(raw.minMemory),
    maxMemoryBytes: bytesOfMib(raw.maxMemory),
    maxUnavailable: raw.maxUnavailable ?? null,
    maxSurge: raw.maxSurge ?? null,
    minReadySeconds: raw.minReadySeconds ?? null,
    ...times(raw),
  };
}

const times = (raw: { createTime?: number | string | null; updateTime?: number | string | null }) => ({
  createdAt: vendorTime(raw.createTime, TIME) ?? null,
  updatedAt: vendorTime(raw.updateTime, TIME) ?? null,
});

// ---- Image repositories (Harbor behind the platform), users and business namespaces ----

/** A Harbor project: where images are pushed. */
export interface OteImageProject {
  nativeId: string;
  name: string;
  public: boolean | null;
  imageCount: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export const toImageProject = (raw: OteProjectRow): OteImageProject => ({
  nativeId: String(raw.projectId),
  name: raw.projectName,
  public: raw.public ?? null,
  imageCount: raw.imageCount ?? null,
  ...times(raw),
});

/** An image (a Harbor repository), named `project/repository`. */
export interface OteImage {
  name: string;
  project: string | null;
  public: boolean | null;
  /** The registry address without a tag: what an application's `image` starts with. */
  address: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export const toImage = (raw: OteImageRow): OteImage => ({
  name: raw.imageName,
  project: raw.projectName || null,
  public: raw.public ?? null,
  address: raw.imageAddress || null,
  ...times(raw),
});

export interface OteImageTag {
  tag: string;
  /** The image's address with this tag: what an application's `image` takes. */
  reference: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export const toImageTag = (raw: OteTagRow): OteImageTag => ({
  tag: raw.tag,
  reference: raw.imageAddress ? `${raw.imageAddress}:${raw.tag}` : null,
  ...times(raw),
});

/** A pull secret's record for a registry outside the platform; its password is never read. */
export interface OteExternalRepository {
  repositoryId: string;
  address: string | null;
  user: string | null;
}

export const toExternalRepository = (raw: OteExternalRepoRow): OteExternalRepository => ({
  repositoryId: raw.repositoryId,
  address: raw.address || null,
  user: raw.user || null,
});

/** The enum name of a vendor code in `codes`; null for a code the document does not list. */
function codeName<K extends string>(codes: Readonly<Record<K, number>>, code: number): K | null {
  return (Object.keys(codes) as K[]).find((name) => codes[name] === code) ?? null;
}

export interface OteUser {
  nativeId: string;
  name: string;
  realName: string | null;
  phone: string | null;
  status: OteUserStatus | null;
  rawStatus: number;
  createdAt: string | null;
  updatedAt: string | null;
}

export const toUser = (raw: OteUserRow): OteUser => ({
  nativeId: String(raw.id),
  name: raw.user,
  realName: raw.realName || null,
  phone: raw.phone || null,
  status: codeName(USER_STATUSES, raw.status),
  rawStatus: raw.status,
  ...times(raw),
});

/** A business namespace: the list's fields, and Get Business's three more where it was read. */
export interface OteBusiness {
  nativeId: string;
  name: string;
  ownerId: string | null;
  status: OteBusinessStatus | null;
  rawStatus: number;
  comment: string | null;
  /** "ns" + its id, created on every edge cluster when the business is approved; null before. */
  namespace: string | null;
  /** Null where only the list was read. */
  about: { introduction: string; objective: string; scale: string } | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export function toBusiness(raw: OteBusinessRow): OteBusiness {
  const detailed = raw.introduce != null || raw.objective != null || raw.scale != null;
  return {
    nativeId: String(raw.id),
    name: raw.name,
    ownerId: raw.userId != null ? String(raw.userId) : null,
    status: codeName(BUSINESS_STATUSES, raw.status),
    rawStatus: raw.status,
    comment: raw.comment || null,
    namespace: raw.status === BUSINESS_STATUSES.APPROVED ? `ns${raw.id}` : null,
    about: detailed ? { introduction: raw.introduce ?? '', objective: raw.objective ?? '', scale: raw.scale ?? '' } : null,
    ...times(raw),
  };
}

// ---- Deployments ----

/** Audit record status codes from "Audit Deployment" and "List Audit List of Deployment". */
export const AUDIT_STATUS = { pending: 0, approved: 1, disapproved: 2 } as const;

/** Deployment status codes from "List Deployment". */
export const DEPLOYMENT_STATUS = {
  pending: 0,
  approved: 1,
  disapproved: 2,
  processing: 3,
  deploying: 4,
  success: 5,
  partialSuccess: 6,
  failed: 7,
  internalError: 8,
  deleted: 9,
} as const;

/**
 * Status code → unified status. 0 is both "queued" and "waiting for an administrator's
 * audit"; `toDeployment` tells them apart by the audit list. DELETED is not a
 * deployment status: a deleted deployment is not served at all.
 */
export const deploymentStatus = statusTable<string, DeploymentStatus | 'DELETED'>(
  {
    0: 'PENDING',
    1: 'PENDING',
    2: 'FAILED',
    3: 'DEPLOYING',
    4: 'DEPLOYING',
    5: 'SUCCEEDED',
    6: 'PARTIAL',
    7: 'FAILED',
    8: 'FAILED',
    9: 'DELETED',
  },
  'UNKNOWN',
);

/**
 * Pod counts from `errorMessage`, documented as the JSON text `{"running": n, "error": n,
 * "total": n}` but printed with a stray quote in one example and possibly an object or
 * an error text elsewhere: each count is read on its own, and all three must be there.
 */
export function parseReplicas(errorMessage: unknown): ReplicaCounts | undefined {
  const count = (name: keyof ReplicaCounts): number | undefined => {
    if (errorMessage && typeof errorMessage === 'object') {
      const v = (errorMessage as Record<string, unknown>)[name];
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
    }
    if (typeof errorMessage !== 'string') return undefined;
    const m = new RegExp(`"${name}"\\s*:\\s*(\\d+)`).exec(errorMessage);
    return m ? Number(m[1]) : undefined;
  };
  const running = count('running');
  const error = count('error');
  const total = count('total');
  return running !== undefined && error !== undefined && total !== undefined ? { running, error, total } : undefined;
}

/** `errorMessage` when it is a message rather than pod counts. */
function errorText(errorMessage: unknown): string | undefined {
  return typeof errorMessage === 'string' && errorMessage.trim() && !parseReplicas(errorMessage) ? errorMessage.trim() : undefined;
}

/**
 * The versions a deployment actually ran: install, upgrade and rollback entries that
 * reached success or partial success, oldest first as the vendor lists them.
 */
export function toRevisions(history: readonly OteHistoryEntry[]): DeploymentRevision[] {
  return history
    .filter((h) => OPERATION_KIND[String(h.deployType)] !== 'DeleteDeployment' && OPERATION_KIND[String(h.deployType)] !== undefined)
    .filter((h) => h.status === DEPLOYMENT_STATUS.success || h.status === DEPLOYMENT_STATUS.partialSuccess)
    .map((h) => {
      const deployedAt = vendorTime(h.updateTime, TIME);
      return { version: h.version, ...(deployedAt ? { deployedAt } : {}) };
    });
}

/** Where a deployment runs, as resolved from its cluster target by the reader. */
export interface Placement {
  /** The clusters its target (a cluster label, a cluster name or "all") covers. */
  clusters: readonly string[];
  /** Status 0 with an audit record still pending. */
  awaitingAudit: boolean;
}

/** The one cluster a deployment runs on; a target that spans several has none. */
export const soleCluster = (placement: Placement): string | undefined => (placement.clusters.length === 1 ? placement.clusters[0] : undefined);

/**
 * A deployment, or undefined for a deleted one. `history` comes only from Get
 * Deployment (`field=historyVersion`); the list carries none, so listed deployments
 * have an empty history.
 */
export function toDeployment(sourceId: string, raw: OteDeployment, placement: Placement, history: readonly OteHistoryEntry[] = []): Deployment | undefined {
  const mapped = deploymentStatus(raw.status);
  if (mapped === 'DELETED') return undefined;
  const status = mapped === 'PENDING' && raw.status === DEPLOYMENT_STATUS.pending && placement.awaitingAudit ? 'AWAITING_APPROVAL' : mapped;
  const cluster = soleCluster(placement);
  const replicas = parseReplicas(raw.errorMessage);
  const createdAt = vendorTime(raw.createTime, TIME);
  const updatedAt = vendorTime(raw.updateTime, TIME);
  return {
    sourceId,
    raw,
    nativeId: String(raw.id),
    ...(cluster !== undefined ? { clusterNativeId: cluster } : {}),
    name: raw.deployName,
    ...(raw.appName ? { application: raw.appName } : {}),
    ...(raw.version ? { version: raw.version } : {}),
    status,
    rawStatus: String(raw.status),
    ...(replicas ? { replicas } : {}),
    history: toRevisions(history),
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

// ---- Workflows, synthesized from deployment operations ----

/** `deployType`: the operation a deployment's status is about. */
export const DEPLOY_TYPE = { install: 1, upgrade: 2, rollback: 3, delete: 4 } as const;

export const OPERATION_KIND: Readonly<Record<string, WorkflowKind | undefined>> = {
  [DEPLOY_TYPE.install]: 'CreateDeployment',
  [DEPLOY_TYPE.upgrade]: 'UpgradeDeployment',
  [DEPLOY_TYPE.rollback]: 'RollbackDeployment',
  [DEPLOY_TYPE.delete]: 'DeleteDeployment',
};

/**
 * Status code → workflow state. Rejected by the auditor is CANCELLED; a partial success
 * is FAILED, since some edge clusters did not get the new version; a delete that
 * reached "deleted" SUCCEEDED. A code the table does not know counts as still RUNNING,
 * so watchers keep polling rather than stop on a guess.
 */
export const workflowState = statusTable<string, WorkflowState>(
  {
    0: 'PENDING',
    1: 'PENDING',
    2: 'CANCELLED',
    3: 'RUNNING',
    4: 'RUNNING',
    5: 'SUCCEEDED',
    6: 'FAILED',
    7: 'FAILED',
    8: 'FAILED',
    9: 'SUCCEEDED',
  },
  'RUNNING',
);

/**
 * One operation per deployment, version and kind: `deployment:<id>:<deployType>:<version>`.
 * The id stays the same while that operation runs and after it ends; repeating the
 * same operation on the same version (a retried upgrade) continues the same id.
 */
export const operationId = (deployId: number, deployType: number | null | undefined, version: string | null | undefined) =>
  `deployment:${deployId}:${deployType ?? ''}:${version ?? ''}`;

export function parseOperationId(nativeId: string): { deployId: number; deployType: string; version: string } | undefined {
  const m = /^deployment:(\d+):(\d*):(.*)$/.exec(nativeId);
  return m ? { deployId: Number(m[1]), deployType: m[2] as string, version: m[3] as string } : undefined;
}

function pods(counts: ReplicaCounts): string {
  return `${counts.running} of ${counts.total} pods running${counts.error ? `, ${counts.error} in error` : ''}`;
}

function operationMessage(status: number, awaitingAudit: boolean, counts: ReplicaCounts | undefined, auditComment: string | undefined): string {
  const withPods = (word: string) => (counts ? `${word}: ${pods(counts)}` : word);
  switch (status) {
    case DEPLOYMENT_STATUS.pending:
      return awaitingAudit ? 'awaiting an administrator’s audit' : 'queued';
    case DEPLOYMENT_STATUS.approved:
      return 'approved, waiting to be scheduled';
    case DEPLOYMENT_STATUS.disapproved:
      return auditComment ? `rejected by the auditor: ${auditComment}` : 'rejected by the auditor';
    case DEPLOYMENT_STATUS.processing:
      return 'processing';
    case DEPLOYMENT_STATUS.deploying:
      return withPods('deploying');
    case DEPLOYMENT_STATUS.success:
      return withPods('succeeded');
    case DEPLOYMENT_STATUS.partialSuccess:
      return withPods('partial success');
    case DEPLOYMENT_STATUS.failed:
      return withPods('failed');
    case DEPLOYMENT_STATUS.internalError:
      return 'internal error';
    case DEPLOYMENT_STATUS.deleted:
      return 'deleted';
    default:
      return `status ${status}`;
  }
}

/** One operation as the workflow mapping needs it: the deployment's current one, or a history entry. */
export interface Operation {
  deployType: number | null | undefined;
  version: string;
  status: number;
  startedAt?: string;
  updatedAt?: string;
  /** Pod counts; only the current operation has them. */
  counts?: ReplicaCounts;
  detail?: string;
}

/**
 * The deployment's latest operation, from its own fields. Its start is the matching
 * history entry's createTime where that is at hand (Get Deployment); for an install it
 * is the deployment's creation; from the list alone other operations have none.
 */
export function currentOperation(raw: OteDeployment, latest?: OteHistoryEntry): Operation {
  const counts = parseReplicas(raw.errorMessage);
  const detail = errorText(raw.errorMessage);
  const entry = latest && latest.deployType === raw.deployType && latest.version === raw.version ? latest : undefined;
  const startedAt = vendorTime(entry ? entry.createTime : OPERATION_KIND[String(raw.deployType)] === 'CreateDeployment' ? raw.createTime : undefined, TIME);
  const updatedAt = vendorTime(raw.updateTime, TIME);
  return {
    deployType: raw.deployType,
    version: raw.version ?? '',
    status: raw.status,
    ...(startedAt ? { startedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(counts ? { counts } : {}),
    ...(detail ? { detail } : {}),
  };
}

/** An operation the deployment has moved past, from its history entry. */
export function pastOperation(entry: OteHistoryEntry): Operation {
  const startedAt = vendorTime(entry.createTime, TIME);
  const updatedAt = vendorTime(entry.updateTime, TIME);
  return {
    deployType: entry.deployType,
    version: entry.version,
    status: entry.status,
    ...(startedAt ? { startedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

/**
 * Progress of an operation: 1 once it succeeded; while an install is deploying, its
 * running share of pods. An upgrade or rollback replaces pods that already run and the
 * counts do not say which version a pod runs (a failing upgrade's count even falls), so
 * theirs is not known until they end.
 */
function operationProgress(op: Operation, state: WorkflowState): number | undefined {
  if (state === 'SUCCEEDED') return 1;
  const { counts } = op;
  const installing = op.deployType === DEPLOY_TYPE.install && op.status === DEPLOYMENT_STATUS.deploying;
  return installing && counts && counts.total > 0 ? counts.running / counts.total : undefined;
}

/** The workflow of one deployment operation. */
export function toWorkflow(sourceId: string, raw: OteDeployment, op: Operation, placement: Placement): Workflow {
  const state = workflowState(op.status);
  const awaiting = op.status === DEPLOYMENT_STATUS.pending && placement.awaitingAudit;
  const { counts } = op;
  const progress = operationProgress(op, state);
  const message = operationMessage(op.status, awaiting, counts, raw.auditComment ?? undefined);
  const cluster = soleCluster(placement);
  const finishedAt = TERMINAL_WORKFLOW_STATES.has(state) ? op.updatedAt : undefined;
  return {
    sourceId,
    raw,
    nativeId: operationId(raw.id, op.deployType, op.version),
    kind: OPERATION_KIND[String(op.deployType)] ?? 'Other',
    target: { type: 'Deployment', nativeId: String(raw.id) },
    ...(cluster !== undefined ? { clusterNativeId: cluster } : {}),
    state,
    rawState: String(op.status),
    ...(progress !== undefined ? { progress } : {}),
    message: op.detail ? `${message} (${op.detail})` : message,
    steps: [],
    ...(op.startedAt ? { startedAt: op.startedAt } : {}),
    ...(op.updatedAt ? { updatedAt: op.updatedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
  };
}
