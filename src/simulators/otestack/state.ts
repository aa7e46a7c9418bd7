/** The OTE-stack platform's records as the simulator keeps them. Times are ms. */

/** Role numbers from "Get Authorization Information". */
export const ROLE = { waiting: 0, approved: 1, general: 2, businessAdmin: 3, systemAdmin: 4 } as const;

/** User status numbers from "Get User List" and "Audit User". */
export const USER_STATUS = { pending: 0, approved: 1, notApproved: 2, forbidden: 3 } as const;

export interface User {
  id: number;
  user: string;
  /** Kept to check logins; no response ever includes it. */
  password: string;
  realName: string;
  phone: string;
  role: number;
  status: number;
  /** Registered as a general administrator (`isAdmin`), who may create a business. */
  isAdmin: boolean;
  /** The business namespace the user works in, once one is approved. */
  businessId?: number;
  /** The user's Harbor account, when it has one ("hasRepoAccount"). */
  repoAccount?: { user: string; password: string };
  createdAt: number;
  updatedAt: number;
}

/** Business status numbers from "Get Business List". */
export const BUSINESS_STATUS = { pending: 0, approved: 1, disapproved: 2, deleted: 3 } as const;

export interface Business {
  id: number;
  name: string;
  userId: number;
  introduce: string;
  objective: string;
  scale: string;
  comment: string;
  status: number;
  createdAt: number;
  updatedAt: number;
}

/** A Harbor project and the images pushed to it. */
export interface Project {
  id: number;
  name: string;
  public: boolean;
  ownerId: number;
  createdAt: number;
  updatedAt: number;
}

export interface Tag {
  tag: string;
  createdAt: number;
  updatedAt: number;
}

export interface Image {
  id: number;
  projectId: number;
  /** `project/repository`, as Harbor names it. */
  name: string;
  tags: Tag[];
  createdAt: number;
  updatedAt: number;
}

/** A pull secret for an external registry ("Create External Repository"). */
export interface ExternalRepo {
  id: number;
  repositoryId: string;
  address: string;
  user: string;
  /** Kept for the pull secret; no response includes it. */
  password: string;
  createdAt: number;
}

export interface Cluster {
  name: string;
  isReady: boolean;
  /** Label name → when it was attached. */
  labels: Map<string, number>;
}

export interface EdgeNode {
  name: string;
  clusterName: string;
  operatingSystem: string;
  kernelVersion: string;
  ip: string;
  memory: number;
  cpu: number;
  gpu: number;
  disk: number;
  isReady: boolean;
  labels: Set<string>;
}

export interface PortMapping {
  port: number;
  hostPort: number;
}
export interface Volume {
  path: string;
  hostPath: string;
  readOnly: boolean;
}
export interface EnvVar {
  name: string;
  value: string;
}
export interface Dependence {
  name: string;
  service: string;
  port: number;
}

export interface App {
  id: number;
  appName: string;
  status: number;
  deployType: 'deployment' | 'daemonset';
  image: string;
  projectName: string;
  repositoryId: string;
  version: string;
  replicas: number;
  port: PortMapping[];
  command: string;
  volume: Volume[];
  dependence: Dependence[];
  env: EnvVar[];
  minReplicas: number;
  maxReplicas: number;
  /** Percent of a core, as "Create Application" takes it; responses show cores. */
  minCPU: number;
  maxCPU: number;
  GPU: number;
  isHPA: boolean;
  /** Percent; responses show it as a ratio, like minCPU. */
  targetCPUUtilization: number;
  targetMemUtilization: number;
  minMemory: number;
  maxMemory: number;
  maxUnavailable: number;
  maxSurge: number;
  minReadySeconds: number;
  createdAt: number;
  updatedAt: number;
}

/** Deployment status codes from "List Deployment". */
export const STATUS = {
  pending: 0,
  approved: 1,
  disapproved: 2,
  processing: 3,
  deploying: 4,
  success: 5,
  partial: 6,
  failed: 7,
  internalError: 8,
  deleted: 9,
} as const;

/** deployType: what the deployment's latest operation is. */
export const DEPLOY_TYPE = { install: 1, upgrade: 2, rollback: 3, delete: 4 } as const;

export const AUDIT = { pending: 0, approved: 1, disapproved: 2 } as const;

export interface PodCounts {
  running: number;
  error: number;
  total: number;
}

/** An operation's pod counts move from `from` to `to` while it is deploying. */
export interface Rollout {
  deployingAt: number;
  finishesAt: number;
  from: PodCounts;
  to: PodCounts;
}

export interface HistoryEntry {
  version: string;
  deployType: number;
  status: number;
  comment: string;
  createdAt: number;
  updatedAt: number;
}

export interface Deployment {
  id: number;
  deployName: string;
  appName: string;
  version: string;
  /** Cluster label the deployment targets, or "all". */
  cluster: string;
  /** Node label the deployment targets, or "all". */
  nodeLabel: string;
  comment: string;
  auditComment: string;
  businessName: string;
  deployType: number;
  status: number;
  /** Settled pod counts; `rollout` interpolates while deploying. */
  pods: PodCounts;
  rollout?: Rollout;
  history: HistoryEntry[];
  createdAt: number;
  updatedAt: number;
}

export interface Audit {
  id: number;
  deployId: number;
  businessName: string;
  appName: string;
  version: string;
  cluster: string;
  deployType: number;
  status: number;
  comment: string;
  createdAt: number;
  updatedAt: number;
}

/** Where a deployment's pods go: per targeted edge cluster, and their sum. */
export interface Placement {
  perCluster: readonly number[];
  total: number;
}

export interface OteState {
  users: User[];
  businesses: Business[];
  projects: Project[];
  images: Image[];
  externalRepos: ExternalRepo[];
  /** Fixed at generation: the API adds and removes labels, never clusters or nodes. */
  clusters: Cluster[];
  clusterByName: Map<string, Cluster>;
  /**
   * The clusters carrying each label, in fleet order; computed on demand, dropped when a
   * label changes. A deployment targets a label, and a large fleet's history has
   * thousands of them.
   */
  clustersByLabel?: Map<string, Cluster[]>;
  nodes: EdgeNode[];
  /** `nodes` by cluster name, in the same order. */
  nodesByCluster: Map<string, EdgeNode[]>;
  /**
   * `podsPerCluster` answers by label pair, kept until a label changes (the label
   * routes clear it): a large fleet's deployments target the same few labels.
   */
  placements: Map<string, Placement>;
  apps: App[];
  deployments: Deployment[];
  audits: Audit[];
  /** The business the demo administrator acts in (audit records name it). */
  adminBusiness: string;
  nextId: { user: number; business: number; project: number; image: number; externalRepo: number; app: number; deployment: number; audit: number };
}

export const findApp = (state: OteState, appName: string, version: string): App | undefined =>
  state.apps.find((a) => a.appName === appName && a.version === version);

/** Deployment ids are handed out in order and deployments are never removed, so the id is the index. */
export const findDeployment = (state: OteState, id: number): Deployment | undefined => {
  const dep = state.deployments[id - 1];
  return dep?.id === id ? dep : undefined;
};
