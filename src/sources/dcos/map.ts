import type { Cluster, Event, Host, Label, ResourceUsage, Usage, Workflow, WorkflowStep } from '../../model/entities.js';
import { type ClusterStatus, type EventSeverity, type HostStatus, type WorkflowState, statusTable } from '../../model/status.js';
import type { ComponentsInfo, VendorCluster, VendorHost, VendorLog, VendorProvider, VendorPubkey, VendorRegistry, VendorSmtp } from './wire.js';
import { type TimeRules, vendorTime } from '../kit/time.js';
import { type DcosProviderType, PROVIDER_TYPES } from './inputs.js';

/**
 * Pure DC/OS → unified mapping. Host, event and workflow native ids are
 * `clusterId:ownId`, because the vendor addresses hosts and operation logs only within
 * their cluster: the composite id lets `node(id)` ask the one cluster it needs.
 */

export const CLUSTER_STATUS = {
  INSTALLING: 'CREATING',
  RUNNING: 'RUNNING',
  MODIFYING: 'UPDATING',
  FAILED: 'FAILED',
  TERMINATING: 'DELETING',
  TERMINATED: 'DELETED',
} as const satisfies Record<string, ClusterStatus>;
export const clusterStatus = statusTable(CLUSTER_STATUS, 'UNKNOWN');

/**
 * TERMINATED hosts stay listed by the vendor after removal. The unified vocabulary has
 * no "removed" host state; OFFLINE (not serving) is the honest nearest, and `rawStatus`
 * keeps TERMINATED for anyone who needs to tell them apart.
 */
export const HOST_STATUS = {
  INSTALLING: 'PROVISIONING',
  RUNNING: 'ONLINE',
  OFFLINE: 'OFFLINE',
  FAILED: 'FAILED',
  TERMINATING: 'REMOVING',
  TERMINATED: 'OFFLINE',
} as const satisfies Record<string, HostStatus>;
export const hostStatus = statusTable(HOST_STATUS, 'UNKNOWN');

/** Operation log `status`. A word we do not know is worth a look, hence WARNING. */
export const LOG_SEVERITY = {
  start: 'INFO',
  success: 'INFO',
  fail: 'ERROR',
} as const satisfies Record<string, EventSeverity>;
export const logSeverity = statusTable(LOG_SEVERITY, 'WARNING');

/** An operation's latest log `status` as a workflow state; an unknown word has not ended it. */
export const LOG_WORKFLOW_STATE = {
  start: 'RUNNING',
  success: 'SUCCEEDED',
  fail: 'FAILED',
} as const satisfies Record<string, WorkflowState>;
export const logWorkflowState = statusTable(LOG_WORKFLOW_STATE, 'RUNNING');

/**
 * The vendor values of `table` that map to one of `wanted`: what a vendor-side status
 * filter must cover. undefined when UNKNOWN is wanted, since words outside the table
 * could match it and no vendor filter names them.
 */
export function vendorValuesFor<S extends string>(table: Readonly<Record<string, S>>, wanted: readonly string[]): string[] | undefined {
  if (wanted.includes('UNKNOWN')) return undefined;
  return Object.keys(table).filter((raw) => wanted.includes(table[raw] as string));
}

export const compositeId = (clusterId: string, id: string): string => `${clusterId}:${id}`;

/** `clusterId:ownId` back into its parts; null for anything else. */
export function splitCompositeId(nativeId: string): { clusterId: string; id: string } | null {
  const at = nativeId.indexOf(':');
  if (at <= 0 || at === nativeId.length - 1) return null;
  return { clusterId: nativeId.slice(0, at), id: nativeId.slice(at + 1) };
}

/**
 * RFC 3339 text or epoch numbers. Go's zero time (`0001-01-01T00:00:00Z`), which the
 * service writes for "never", and any other time not after the epoch are not set.
 */
export const TIME: TimeRules = { unset: 'epoch' };

/**
 * A Mesos agent's `used/total` string (`"0.3/4"`, `"712/2927"`) scaled by `factor`.
 * Empty strings (masters, stopped agents) and unparsable ones are absent.
 */
export function parseUsage(raw: string | null | undefined, unit: Usage['unit'], factor = 1): Usage | undefined {
  const match = raw?.trim().match(/^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/);
  if (!match) return undefined;
  const used = Number(match[1]) * factor;
  const total = Number(match[2]) * factor;
  return { used, total, ...(total > 0 ? { ratio: used / total } : {}), unit };
}

const MIB = 1024 * 1024;

export function toCluster(sourceId: string, c: VendorCluster): Cluster {
  const createdAt = vendorTime(c.time_create, TIME);
  const updatedAt = vendorTime(c.time_update, TIME);
  return {
    sourceId,
    raw: c,
    nativeId: c._id,
    name: c.name,
    kind: 'CONTAINER',
    status: clusterStatus(c.status),
    rawStatus: c.status,
    labels: [],
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    // endPoint is the first master's address (DC/OS console); the API says nothing of
    // its reachability from outside, so it is not claimed public.
    endpoints: c.endPoint ? [{ address: c.endPoint, public: false }] : [],
    ...(typeof c.instances === 'number' ? { nodeCount: c.instances } : {}),
  };
}

/** Role from the vendor's node flags: masters, shared agents (public LB), pure agents. */
function hostRole(h: VendorHost): string | undefined {
  if (h.isMasterNode) return 'master';
  if (h.isSharedNode) return 'shared';
  if (h.isSlaveNode) return 'slave';
  return undefined;
}

/** Tags are `key=value` strings (`lb=enable`); a bare tag is a key with an empty value. */
export function tagLabel(tag: string): Label {
  const at = tag.indexOf('=');
  return at < 0 ? { key: tag, value: '' } : { key: tag.slice(0, at), value: tag.slice(at + 1) };
}

/** The vendor `tag` filter value that matches exactly this label, where there is one. */
export const labelTag = (label: { key: string; value?: string }): string | undefined => (label.value ? `${label.key}=${label.value}` : undefined);

export function toHost(sourceId: string, h: VendorHost): Host {
  const cpu = parseUsage(h.cpu, 'CORES');
  // Memory and disk are reported in MB.
  const memory = parseUsage(h.memory, 'BYTES', MIB);
  const storage = parseUsage(h.disk, 'BYTES', MIB);
  const usage: ResourceUsage = { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}), ...(storage ? { storage } : {}) };
  const role = hostRole(h);
  return {
    sourceId,
    raw: h,
    nativeId: compositeId(h.clusterId, h.hostId),
    clusterNativeId: h.clusterId,
    // docker-machine names a node only once it is provisioned; until then its address names it.
    name: h.hostName || h.ip || h.hostId,
    addresses: [...new Set([h.ip, h.privateIp].filter((a): a is string => !!a))],
    ...(role ? { role } : {}),
    status: hostStatus(h.status),
    rawStatus: h.status,
    ...(Object.keys(usage).length ? { usage } : {}),
    labels: (h.tag ?? []).map(tagLabel),
  };
}

export function toEvent(sourceId: string, l: VendorLog): Event {
  return {
    sourceId,
    raw: l,
    nativeId: compositeId(l.clusterId, l._id),
    clusterNativeId: l.clusterId,
    // Every log has its creation time; the epoch marks a log that somehow has none.
    occurredAt: vendorTime(l.time_create, TIME) ?? new Date(0).toISOString(),
    severity: logSeverity(l.status),
    category: l.operateType,
    message: `${l.operateType} ${l.status}${l.comments ? `: ${l.comments}` : ''}`,
    ...(l.userName ? { actor: l.userName } : {}),
  };
}

/**
 * The long-running operations, each logged as `start` then `success` or `fail`, and
 * what their nodes do meanwhile: the status a node reaches when the operation is done
 * with it, and the status it shows while still in the works.
 */
const OPERATIONS = {
  create_cluster: { kind: 'CreateCluster', nodes: 'created-before', working: 'INSTALLING', done: ['RUNNING', 'OFFLINE'] },
  add_hosts: { kind: 'AddHosts', nodes: 'created-during', working: 'INSTALLING', done: ['RUNNING', 'OFFLINE'] },
  delete_hosts: { kind: 'DeleteHosts', nodes: 'removed-during', working: 'TERMINATING', done: ['TERMINATED'] },
  delete_cluster: { kind: 'DeleteCluster', nodes: 'removed-during', working: 'TERMINATING', done: ['TERMINATED'] },
} as const;
export type OperationType = keyof typeof OPERATIONS;
const isOperation = (t: string): t is OperationType => Object.hasOwn(OPERATIONS, t);

/** One operation: its `start` log and, once it has ended, its `success`/`fail` log. */
export interface Operation {
  start: VendorLog;
  end?: VendorLog;
}

/**
 * Pairs each long-running operation's `start` log with the outcome log that follows it
 * for the same cluster and operation (the vendor runs one operation per cluster at a
 * time). Logs of other kinds (service operations) are not workflows.
 */
export function pairOperations(logs: readonly VendorLog[]): Operation[] {
  const byTime = [...logs].sort((a, b) => timeMs(a.time_create) - timeMs(b.time_create) || (a._id < b._id ? -1 : 1));
  const open = new Map<string, Operation>();
  const operations: Operation[] = [];
  for (const log of byTime) {
    if (!isOperation(log.operateType)) continue;
    const key = `${log.clusterId} ${log.operateType}`;
    if (log.status === 'start') {
      const op: Operation = { start: log };
      operations.push(op);
      open.set(key, op);
    } else {
      const op = open.get(key);
      if (op) {
        op.end = log;
        open.delete(key);
      }
    }
  }
  return operations;
}

/**
 * The newest operation of this type in a cluster's logs. Right after a write that
 * started one it is that write's: the vendor logs `start` before it answers, and
 * refuses a second operation on a busy cluster.
 */
export function latestOperation(logs: readonly VendorLog[], type: OperationType): Operation | undefined {
  return pairOperations(logs)
    .filter((op) => op.start.operateType === type)
    .pop();
}

export const operationId = (op: Operation): string => compositeId(op.start.clusterId, op.start._id);
export const isActive = (op: Operation): boolean => op.end === undefined;

/**
 * A workflow synthesized from one operation. Its state comes from the logs — `start`
 * alone is RUNNING, the outcome log ends it — so the workflow keeps its id and reads
 * SUCCEEDED when, say, an INSTALLING cluster turns RUNNING. While it runs, its steps
 * are the nodes it works on (from `hosts`, the cluster's current nodes) and progress is
 * the share of them done; once it has ended, later operations may have moved those
 * nodes on, so a finished workflow carries its outcome and no steps.
 */
export function toWorkflow(sourceId: string, op: Operation, hosts: readonly VendorHost[] | undefined): Workflow {
  const { start, end } = op;
  const spec = OPERATIONS[start.operateType as OperationType];
  const latest = end ?? start;
  const state = logWorkflowState(latest.status);
  const startedAt = vendorTime(start.time_create, TIME);
  const finishedAt = end ? vendorTime(end.time_create, TIME) : undefined;
  const steps = !end && hosts ? operationNodes(spec, start, hosts).map((h) => nodeStep(spec, h)) : [];
  const done = steps.filter((s) => s.state === 'SUCCEEDED').length;
  const progress = state === 'SUCCEEDED' ? 1 : !end && steps.length ? done / steps.length : !end ? 0 : undefined;
  const updatedAt = [finishedAt, startedAt, ...steps.map((s) => s.finishedAt)]
    .filter((t): t is string => !!t)
    .sort()
    .pop();
  return {
    sourceId,
    raw: { start: op.start, end: op.end ?? null },
    nativeId: operationId(op),
    kind: spec.kind,
    target: { type: 'Cluster', nativeId: start.clusterId },
    clusterNativeId: start.clusterId,
    state,
    rawState: latest.status,
    ...(progress !== undefined ? { progress } : {}),
    ...(latest.comments ? { message: latest.comments } : {}),
    steps,
    ...(startedAt ? { startedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
  };
}

type OperationSpec = (typeof OPERATIONS)[OperationType];

/** The nodes a running operation works on, recognised by when they were created or changed. */
function operationNodes(spec: OperationSpec, start: VendorLog, hosts: readonly VendorHost[]): VendorHost[] {
  const from = timeMs(start.time_create);
  switch (spec.nodes) {
    case 'created-before':
      return hosts.filter((h) => timeMs(h.time_create) <= from);
    case 'created-during':
      return hosts.filter((h) => timeMs(h.time_create) >= from);
    case 'removed-during':
      return hosts.filter((h) => h.status === 'TERMINATING' || (h.status === 'TERMINATED' && timeMs(h.time_update) >= from));
  }
}

function nodeStep(spec: OperationSpec, h: VendorHost): WorkflowStep {
  const finished = (spec.done as readonly string[]).includes(h.status);
  const state: WorkflowState = finished ? 'SUCCEEDED' : h.status === 'FAILED' ? 'FAILED' : h.status === spec.working ? 'RUNNING' : 'PENDING';
  const at = vendorTime(h.time_update, TIME);
  return {
    name: h.hostName || h.ip || h.hostId,
    state,
    message: h.status,
    ...(finished && at ? { finishedAt: at } : {}),
  };
}

function timeMs(value: string | number | null | undefined): number {
  const iso = vendorTime(value, TIME);
  return iso ? Date.parse(iso) : 0;
}

// ---- DC/OS's own capabilities (vendor.ts, docs/vendor-capabilities.md) ----

/** One system component (a container: marathon, mesosslave, ...) on one node, and its health. */
export interface DcosComponent {
  name: string;
  /** The node's address, as the vendor names the node. */
  address?: string;
  healthy: boolean;
  /** The vendor's word: Healthy or UnHealthy. */
  rawStatus: string;
}

/** The components of a cluster, node by node, as the vendor lists them. */
export function toComponents(info: ComponentsInfo): DcosComponent[] {
  return (info.componentStatus ?? []).map((c) => {
    const rawStatus = c.status ?? '';
    return {
      name: c.imageName || c.componentName || '',
      ...(c.ip ? { address: c.ip } : {}),
      healthy: rawStatus.toLowerCase() === 'healthy',
      rawStatus,
    };
  });
}

/** The components on the node with these addresses. */
export const componentsAt = (components: readonly DcosComponent[], addresses: readonly string[]): DcosComponent[] =>
  components.filter((c) => c.address !== undefined && addresses.includes(c.address));

const timeFields = (created: unknown, updated?: unknown) => {
  const createdAt = vendorTime(created, TIME);
  const updatedAt = vendorTime(updated, TIME);
  return { ...(createdAt ? { createdAt } : {}), ...(updatedAt ? { updatedAt } : {}) };
};

/** A docker registry clusters may pull from. Its password is the vendor's alone. */
export interface DcosRegistry {
  nativeId: string;
  name: string;
  /** `host[:port]`, as docker names it. */
  address: string;
  secure: boolean;
  username?: string;
  /** Whether a live cluster pulls from it (it cannot be deleted then). */
  inUse: boolean;
  system: boolean;
  ownerId?: string;
  createdAt?: string;
}

export function toRegistry(r: VendorRegistry): DcosRegistry {
  return {
    nativeId: r._id,
    name: r.name,
    address: r.registry,
    secure: r.secure === true,
    ...(r.username ? { username: r.username } : {}),
    inUse: r.isUse === true,
    system: r.isSystemRegistry === true,
    ...(r.user_id ? { ownerId: r.user_id } : {}),
    ...timeFields(r.TimeCreate),
  };
}

/** An SSH public key the cluster manager installs on a cluster's nodes. */
export interface DcosPublicKey {
  nativeId: string;
  name: string;
  /** The OpenSSH line: `ssh-rsa AAAA... comment`. */
  value: string;
  owner?: string;
  ownerId?: string;
  /** Whether a live cluster has it installed. */
  inUse: boolean;
  createdAt?: string;
  updatedAt?: string;
}

export function toPublicKey(k: VendorPubkey): DcosPublicKey {
  return {
    nativeId: k._id,
    name: k.name,
    value: k.pubkeyValue,
    ...(k.owner ? { owner: k.owner } : {}),
    ...(k.user_id ? { ownerId: k.user_id } : {}),
    inUse: k.isuse === true,
    ...timeFields(k.time_create, k.time_update),
  };
}

/** An SMTP server alert mail goes out through. Its password comes back sealed and stays the vendor's. */
export interface DcosSmtpServer {
  nativeId: string;
  /** The account mail is sent as (the document's `name`). */
  user: string;
  /** `host[:port]`. */
  address: string;
}

export const toSmtpServer = (s: VendorSmtp): DcosSmtpServer => ({ nativeId: s._id, user: s.name, address: s.address });

/** A cloud platform the cluster manager creates nodes on, with what a create form shows of it (no credentials). */
export interface DcosProvider {
  nativeId: string;
  name: string;
  type: DcosProviderType;
  sshUser?: string;
  inUse: boolean;
  /** AWS region or Google zone; OpenStack names none. */
  location?: string;
  /** OpenStack flavor, EC2 instance type, Google machine type. */
  machineType?: string;
  /** OpenStack image, EC2 AMI, Google machine image. */
  image?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** A type's settings block and the docker-machine options read from it. */
interface ProviderOptions {
  block: keyof VendorProvider;
  location?: string;
  machineType: string;
  image: string;
}

const PROVIDER_BLOCKS: Record<DcosProviderType, ProviderOptions> = {
  openstack: { block: 'openstackInfo', machineType: 'openstack-flavor-name', image: 'openstack-image-name' },
  amazonec2: { block: 'awsEc2Info', location: 'amazonec2-region', machineType: 'amazonec2-instance-type', image: 'amazonec2-ami' },
  google: { block: 'googleInfo', location: 'google-zone', machineType: 'google-machine-type', image: 'google-machine-image' },
};

const isProviderType = (type: string): type is DcosProviderType => (Object.values(PROVIDER_TYPES) as string[]).includes(type);

/** null for a type this gateway does not know (the vendor lists only the three). */
export function toProvider(p: VendorProvider): DcosProvider | null {
  if (!isProviderType(p.type)) return null;
  const rules = PROVIDER_BLOCKS[p.type];
  const block = (p[rules.block] ?? {}) as Record<string, unknown>;
  const option = (key: string | undefined) => {
    const v = key ? block[key] : undefined;
    return typeof v === 'string' && v ? v : undefined;
  };
  const location = option(rules.location);
  const machineType = option(rules.machineType);
  const image = option(rules.image);
  return {
    nativeId: p._id,
    name: p.name,
    type: p.type,
    ...(p.sshUser ? { sshUser: p.sshUser } : {}),
    inUse: p.isuse === true,
    ...(location ? { location } : {}),
    ...(machineType ? { machineType } : {}),
    ...(image ? { image } : {}),
    ...timeFields(p.time_create, p.time_update),
  };
}
