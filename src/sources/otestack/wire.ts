import { z } from 'zod';

/**
 * OTE-stack bodies as the document describes them, reduced to what the adapter reads.
 * Lenient on purpose: unknown fields pass through, and only the fields the mapping
 * cannot do without are required. The document's own Get/List Deployment examples
 * leave `code` and `message` out, so the envelope treats both as optional.
 */

/** `{code, message}` plus the payload; the HTTP status equals `code`. */
export const envelope = z.object({ code: z.union([z.number(), z.string()]).optional(), message: z.string().optional() }).loose();

/** A list answer: `data` (or `apps` for applications) and the vendor's `total`. */
const listOf = <T extends z.ZodType>(item: T) =>
  envelope.extend({
    data: z
      .array(item)
      .nullish()
      .transform((v) => v ?? []),
    total: z.number().optional(),
  });

/** Login and Update Token put the token beside `code`, not under `data`. */
export const tokenReply = envelope.extend({ token: z.string().min(1) });

export const authInfoReply = envelope.extend({ data: z.object({ displayName: z.string().optional(), role: z.number().optional() }).loose() });

export const labelNamesReply = envelope.extend({
  data: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
});

/** Unix seconds in every example; kept as given and normalized in map.ts. */
const time = z.union([z.number(), z.string()]).nullish();

const clusterRow = z.object({ clusterName: z.string().min(1), nodeCount: z.number().optional(), isReady: z.boolean() }).loose();
export type OteCluster = z.infer<typeof clusterRow>;

const clusterLabelRow = z.object({ clusterLabel: z.string().min(1), createTime: time }).loose();

const nodeRow = z
  .object({
    nodeName: z.string().min(1),
    clusterName: z.string().min(1),
    operatingSystem: z.string().nullish(),
    kernelVersion: z.string().nullish(),
    ip: z.string().nullish(),
    memory: z.number().nullish(),
    cpu: z.number().nullish(),
    disk: z.number().nullish(),
    isReady: z.boolean(),
  })
  .loose();
export type OteNode = z.infer<typeof nodeRow>;

/** A node projected to its identity with `field=nodeName,clusterName`. */
const nodeRefRow = z.object({ nodeName: z.string().min(1), clusterName: z.string().min(1) }).loose();
export type OteNodeRef = z.infer<typeof nodeRefRow>;

export const deploymentRow = z
  .object({
    id: z.number().int(),
    deployName: z.string().min(1),
    appName: z.string().nullish(),
    version: z.string().nullish(),
    /** The cluster label (or cluster name, or "all") the deployment targets. */
    cluster: z.string().nullish(),
    deployType: z.number().nullish(),
    status: z.number().int(),
    /** `{"running": n, "error": n, "total": n}` as a JSON string; parsed defensively in map.ts. */
    errorMessage: z.unknown().optional(),
    auditComment: z.string().nullish(),
    createTime: time,
    updateTime: time,
  })
  .loose();
export type OteDeployment = z.infer<typeof deploymentRow>;

export const historyEntry = z
  .object({
    version: z.string(),
    deployType: z.number().nullish(),
    status: z.number().int(),
    comment: z.string().nullish(),
    createTime: time,
    updateTime: time,
  })
  .loose();
export type OteHistoryEntry = z.infer<typeof historyEntry>;

/** Get Deployment with `field=historyVersion`: the deployment plus every version it went through. */
export const deploymentDetailReply = envelope.extend({
  data: deploymentRow.extend({
    historyVersion: z
      .array(historyEntry)
      .nullish()
      .transform((v) => v ?? []),
  }),
});
export type OteDeploymentDetail = z.infer<typeof deploymentDetailReply>['data'];

/** An audit record of Get Audit List: `deployType` and `version` name the operation it holds back. */
const auditRow = z
  .object({ id: z.number(), deployId: z.number().nullish(), deployType: z.number().nullish(), version: z.string().nullish(), status: z.number() })
  .loose();
export type OteAudit = z.infer<typeof auditRow>;

/**
 * An application version from List Applications: what a deployment request needs
 * (name, version, workload, replicas) and what the catalogue shows. `deployType` here is
 * the workload kind ("deployment" or "daemonset"), not the deployment operation code of
 * the same name. Environment, command and volumes are left unread: they may hold secrets
 * and nothing in the gateway needs them.
 */
export const appRow = z
  .object({
    id: z.number().int().nullish(),
    appName: z.string().min(1),
    version: z.string().min(1),
    deployType: z.string().nullish(),
    image: z.string().nullish(),
    projectName: z.string().nullish(),
    repositoryId: z.string().nullish(),
    replicas: z.number().int().nullish(),
    minReplicas: z.number().int().nullish(),
    maxReplicas: z.number().int().nullish(),
    isHPA: z.boolean().nullish(),
    port: z.array(z.object({ port: z.number().int(), hostPort: z.number().int().nullish() }).loose()).nullish(),
    dependence: z.array(z.object({ name: z.string(), service: z.string().nullish(), port: z.number().int().nullish() }).loose()).nullish(),
    /** Cores, as the list and detail examples show them (0.1, 2); Create Application takes percent of a core. */
    minCPU: z.number().nullish(),
    maxCPU: z.number().nullish(),
    GPU: z.number().int().nullish(),
    /** MB, as Create Application takes them. */
    minMemory: z.number().nullish(),
    maxMemory: z.number().nullish(),
    maxUnavailable: z.number().int().nullish(),
    maxSurge: z.number().int().nullish(),
    minReadySeconds: z.number().int().nullish(),
    createTime: time,
    updateTime: time,
  })
  .loose();
export type OteApp = z.infer<typeof appRow>;

/** List Applications answers under `apps` in the document's example; `data`, as every other list, is read too. */
export const appListReply = envelope
  .extend({ apps: z.array(appRow).nullish(), data: z.array(appRow).nullish(), total: z.number().optional() })
  .transform((body) => ({ items: body.apps ?? body.data ?? [], ...(body.total !== undefined ? { total: body.total } : {}) }));

/** Get Application: one application version under `data`. */
export const appDetailReply = envelope.extend({ data: appRow });

/**
 * The rows below are plain objects, not `.loose()`: what the vendor adds to a user or a
 * pull secret (a password, should it ever send one) is dropped when the row is read.
 */

/** A Harbor image of Get Images: `imageName` is `project/repository`. */
const imageRow = z.object({
  projectName: z.string().nullish(),
  public: z.boolean().nullish(),
  imageName: z.string().min(1),
  imageAddress: z.string().nullish(),
  createTime: time,
  updateTime: time,
});
export type OteImageRow = z.infer<typeof imageRow>;

const tagRow = z.object({ tag: z.string().min(1), imageAddress: z.string().nullish(), createTime: time, updateTime: time });
export type OteTagRow = z.infer<typeof tagRow>;

const projectRow = z.object({
  projectId: z.number().int(),
  projectName: z.string().min(1),
  public: z.boolean().nullish(),
  imageCount: z.number().int().nullish(),
  createTime: time,
  updateTime: time,
});
export type OteProjectRow = z.infer<typeof projectRow>;

/** An external repository (a pull secret's record); its password is never read. */
const externalRepoRow = z.object({ repositoryId: z.string().min(1), address: z.string().nullish(), user: z.string().nullish() });
export type OteExternalRepoRow = z.infer<typeof externalRepoRow>;

const userRow = z.object({
  id: z.number().int(),
  user: z.string().min(1),
  status: z.number().int(),
  realName: z.string().nullish(),
  phone: z.string().nullish(),
  createTime: time,
  updateTime: time,
});
export type OteUserRow = z.infer<typeof userRow>;

/** A business namespace; the list leaves out `introduce`, `objective` and `scale`, Get Business has them. */
const businessRow = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  userId: z.number().int().nullish(),
  comment: z.string().nullish(),
  status: z.number().int(),
  introduce: z.string().nullish(),
  objective: z.string().nullish(),
  scale: z.string().nullish(),
  createTime: time,
  updateTime: time,
});
export type OteBusinessRow = z.infer<typeof businessRow>;

export const businessDetailReply = envelope.extend({ data: businessRow });

/**
 * What a write answers: `{code, message}` in most examples, nothing at all in Delete
 * Deployment's, so an empty 200 counts as done too.
 */
export const ackReply = envelope.optional();

// ---- Request bodies, as the document names their fields ----

/** Create Deployment: every field is required; `cluster` and `nodeLabel` take "all". */
export interface OteCreateDeploymentBody {
  deployName: string;
  appName: string;
  version: string;
  /** A cluster label, a cluster name or "all". */
  cluster: string;
  /** A node label or "all". */
  nodeLabel: string;
  comment: string;
}

/** Upgrade (comment optional) and Rollback (comment required) Deployment. */
export interface OteVersionBody {
  version: string;
  comment: string;
}

/** Add Label to Cluster and Delete Label share one body. */
/** Audit Deployment's body: the audit record's id, 1 to approve or 2 to disapprove, and why. */
export interface OteAuditDecisionBody {
  id: number;
  status: number;
  comment: string;
}

/** Add Label to Node and Delete Label (of nodes) share one body. */
export interface OteNodeLabelBody {
  nodeName: string[];
  nodeLabel: string;
  clusterName: string;
}

export interface OteClusterLabelBody {
  clusterName: string[];
  clusterLabel: string;
}

/** Create Application, as the document's table and example name its fields; CPU in percent of a core, memory in MB. */
export interface OteCreateAppBody {
  appName: string;
  deployType: string;
  image: string;
  version: string;
  repositoryId?: string;
  port: { port: number; hostPort?: number }[];
  command?: string;
  volume?: { path: string; hostPath: string; readOnly: boolean }[];
  env?: { name: string; value: string }[];
  replicas?: number;
  minReplicas?: number;
  maxReplicas?: number;
  minCPU: number;
  maxCPU: number;
  GPU?: number;
  isHPA: boolean;
  targetCPUUtilization: number;
  targetMemUtilization: number;
  minMemory: number;
  maxMemory: number;
  maxUnavailable: number;
  maxSurge: number;
  minReadySeconds: number;
}

export interface OteCreateExternalRepoBody {
  repositoryId: string;
  address: string;
  user: string;
  password: string;
}

/** Create Sub-User (the admin's own call; Create User is a self-registration without a token). */
export interface OteCreateUserBody {
  user: string;
  password: string;
  phone: string;
  isAdmin: boolean;
  realName: string;
}

export interface OteCreateBusinessBody {
  name: string;
  introduce: string;
  objective: string;
  scale: string;
}

/** The list answers, built once here: zod compiles a schema on its first parse. */
export const clusterList = listOf(clusterRow);
export const clusterLabelList = listOf(clusterLabelRow);
export const nodeList = listOf(nodeRow);
export const nodeRefList = listOf(nodeRefRow);
export const deploymentList = listOf(deploymentRow);
export const auditList = listOf(auditRow);
export const imageList = listOf(imageRow);
export const tagList = listOf(tagRow);
export const projectList = listOf(projectRow);
export const externalRepoList = listOf(externalRepoRow);
export const userList = listOf(userRow);
export const businessList = listOf(businessRow);
