import type { Rng } from '../kit/rng.js';
import { ObjectIds } from './ids.js';

/**
 * Status values. The document shows only INSTALLING and RUNNING; the rest are the real
 * clustermgmt service's: MODIFYING while hosts are added or removed, TERMINATING while
 * a cluster is deleted, FAILED when an installation or deletion breaks. Hosts also go
 * OFFLINE when their agent stops reporting.
 */
export const CLUSTER_STATUSES = ['INSTALLING', 'RUNNING', 'MODIFYING', 'FAILED', 'TERMINATING', 'TERMINATED'] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];
export const HOST_STATUSES = ['INSTALLING', 'RUNNING', 'OFFLINE', 'FAILED', 'TERMINATING', 'TERMINATED'] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];

export type Category = 'compact' | 'ha';
export type NodeRole = 'master' | 'shared' | 'pureslave';

export interface User {
  id: string;
  username: string;
  email: string;
  password: string;
  tenantId: string;
  tenantName: string;
  role: 'sysadmin' | 'common';
}

/** A docker registry as the cluster record embeds it; stored exactly as configured. */
export type Registry = Record<string, unknown> & { _id: string };

export interface Cluster {
  id: string;
  name: string;
  owner: string;
  endPoint: string;
  instances: number;
  pubkeyId: string[];
  providerId: string;
  details: string;
  status: ClusterStatus;
  type: string;
  createCategory: Category;
  userId: string;
  tenantId: string;
  createdAt: number;
  updatedAt: number;
  dockerRegistries: Registry[];
  cmi: boolean;
}

/** Capacity a Mesos agent reports once it runs; masters report none. */
export interface Capacity {
  cpus: number;
  memMb: number;
  diskMb: number;
  gpus: number;
}

export interface Host {
  id: string;
  /** Empty until docker-machine has provisioned the node, as in the real service. */
  hostName: string;
  clusterId: string;
  status: HostStatus;
  ip: string;
  privateIp: string;
  role: NodeRole;
  isClientNode: boolean;
  isMonitorServer: boolean;
  tag: string[] | null;
  task: number;
  /** `used/total` strings as the document shows them (`"0.3/4"`, `"712/2927"` MB); empty on masters. */
  cpu: string;
  memory: string;
  gpu: string;
  disk: string;
  capacity: Capacity;
  userId: string;
  tenantId: string;
  pubkeyName: string;
  type: string;
  sshUser: string;
  /** Stored as the request gave it; the API never returns it (the document does not). */
  privateKey: string;
  privateNicName: string;
  /** Component images on this host that fail their health check. */
  unhealthy: string[];
  createdAt: number;
  updatedAt: number;
}

export type LogStatus = 'start' | 'success' | 'fail';

export interface OperationLog {
  id: string;
  clusterName: string;
  clusterId: string;
  operateType: string;
  queryType: string;
  userName: string;
  userId: string;
  tenantId: string;
  status: LogStatus;
  comments: string;
  createdAt: number;
  updatedAt: number;
}

/** A cloud platform nodes are created on (`/v1/provider`); `info` holds the request's block for its type. */
export interface Provider {
  id: string;
  name: string;
  type: ProviderType;
  sshUser: string;
  info: Record<string, string>;
  userId: string;
  tenantId: string;
  createdAt: number;
  updatedAt: number;
}

export const PROVIDER_TYPES = ['amazonec2', 'google', 'openstack'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** An SSH public key a user uploaded or had generated (`/v1/pubkey`). */
export interface Pubkey {
  id: string;
  name: string;
  value: string;
  owner: string;
  userId: string;
  tenantId: string;
  createdAt: number;
  updatedAt: number;
}

/** An SMTP server alerts are mailed through; `sealed` is the password as the service stores it. */
export interface SmtpServer {
  id: string;
  name: string;
  address: string;
  sealed: string;
}

export interface DcosState {
  users: User[];
  admin: User;
  /** Insertion order is the natural (MongoDB) order lists come back in. */
  clusters: Map<string, Cluster>;
  /** Hosts are never removed (terminated ones stay), and never change cluster. */
  hosts: Map<string, Host>;
  /** The same hosts by cluster, in insertion order; `newHost` keeps both. */
  hostsByCluster: Map<string, Host[]>;
  logs: OperationLog[];
  registries: Map<string, Registry>;
  providers: Map<string, Provider>;
  pubkeys: Map<string, Pubkey>;
  /** The private half of each user's last generated key pair, until downloaded again or replaced. */
  privateKeys: Map<string, string>;
  smtp: Map<string, SmtpServer>;
  ids: { users: ObjectIds; clusters: ObjectIds; logs: ObjectIds };
  /** Next address handed to nodes a cloud provider creates. */
  nextProviderIp: number;
}

export function emptyState(rng: Rng, admin: Omit<User, 'id' | 'tenantId'>, at: number): DcosState {
  const ids = { users: new ObjectIds(rng.fork('usermgmt')), clusters: new ObjectIds(rng.fork('clustermgmt')), logs: new ObjectIds(rng.fork('logs')) };
  const tenantId = ids.users.next(at);
  const adminUser: User = { ...admin, id: ids.users.next(at + 1000), tenantId };
  return {
    users: [adminUser],
    admin: adminUser,
    clusters: new Map(),
    hosts: new Map(),
    hostsByCluster: new Map(),
    logs: [],
    registries: new Map(),
    providers: new Map(),
    pubkeys: new Map(),
    privateKeys: new Map(),
    smtp: new Map(),
    ids,
    nextProviderIp: 0,
  };
}

export const clusterHosts = (state: DcosState, clusterId: string): Host[] => [...(state.hostsByCluster.get(clusterId) ?? [])];

export const isLive = (h: Host): boolean => h.status !== 'TERMINATED';

export function findUser(state: DcosState, id: string): User | undefined {
  return state.users.find((u) => u.id === id);
}

/** `a-420286728-cluster-sysadmin`: the docker-machine name the deployment module gives a node. */
export function machineName(rng: Rng, cluster: Cluster): string {
  return `${rng.pick([...'abcdefghijklmnopqrstuvwxyz'])}-${rng.int(100_000_000, 999_999_999)}-${cluster.name}-${cluster.owner}`;
}

const CPU_SIZES = [4, 8, 16, 32] as const;
const MEM_MB: Record<number, number> = { 4: 7823, 8: 15885, 16: 32012, 32: 64264 };

export function pickCapacity(rng: Rng): Capacity {
  const cpus = rng.pick(CPU_SIZES);
  return { cpus, memMb: MEM_MB[cpus] ?? 7823, diskMb: rng.pick([51_200, 102_400, 204_800, 512_000]), gpus: rng.chance(0.1) ? 2 : 0 };
}

/**
 * Fills in what a running agent reports: tasks and used/total resources. Masters are
 * not Mesos agents, so they report nothing (the document's master has empty strings).
 */
export function reportUsage(host: Host, rng: Rng): void {
  if (host.role === 'master' || host.status !== 'RUNNING') {
    Object.assign(host, { task: 0, cpu: '', memory: '', gpu: '', disk: '' });
    return;
  }
  const c = host.capacity;
  const task = rng.int(0, Math.max(1, c.cpus * 2));
  const cpuUsed = Math.min(c.cpus, Math.round(task * rng.float(0.05, 0.5) * 10) / 10);
  host.task = task;
  host.cpu = `${cpuUsed}/${c.cpus}`;
  host.memory = `${Math.min(c.memMb, Math.round(task * rng.int(128, 1024) + rng.int(0, 300)))}/${c.memMb}`;
  host.gpu = `${c.gpus > 0 ? rng.int(0, c.gpus) : 0}/${c.gpus}`;
  host.disk = `${Math.round(c.diskMb * rng.float(0.05, 0.6))}/${c.diskMb}`;
}
