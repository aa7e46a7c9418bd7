/**
 * The inputs of OTE-stack's own mutations (docs/vendor-capabilities.md), and the vendor's
 * codes its enums carry; the schema file (schema/types/vendors/otestack.ts) names and
 * describes them.
 */

/** How an application runs ("Create Application" `deployType`), by the schema's enum names. */
export const WORKLOADS = { DEPLOYMENT: 'deployment', DAEMONSET: 'daemonset' } as const;
export type OteWorkload = (typeof WORKLOADS)[keyof typeof WORKLOADS];

/** User status codes of "Get User List" and "Audit User", by the schema's enum names. */
export const USER_STATUSES = { PENDING: 0, APPROVED: 1, NOT_APPROVED: 2, FORBIDDEN: 3 } as const;
export type OteUserStatus = keyof typeof USER_STATUSES;

/** Business status codes of "Get Business List", by the schema's enum names. */
export const BUSINESS_STATUSES = { PENDING: 0, APPROVED: 1, DISAPPROVED: 2, DELETED: 3 } as const;
export type OteBusinessStatus = keyof typeof BUSINESS_STATUSES;

/**
 * otestackCreateApplication's input. CPU in cores, as the catalogue shows it (the vendor
 * takes percent of a core); memory in MiB, as the vendor takes it; the autoscaler's
 * targets in percent, as the vendor takes them.
 */
export interface OteApplicationInput {
  name: string;
  version: string;
  workload: OteWorkload;
  image: string;
  repositoryId?: string;
  ports: { port: number; hostPort?: number }[];
  command?: string;
  volumes?: { path: string; hostPath: string; readOnly?: boolean }[];
  env?: { name: string; value: string }[];
  replicas?: number;
  minReplicas?: number;
  maxReplicas?: number;
  minCpuCores: number;
  maxCpuCores: number;
  gpus?: number;
  minMemoryMib: number;
  maxMemoryMib: number;
  autoscaled: boolean;
  targetCpuPercent: number;
  targetMemoryPercent: number;
  maxUnavailable: number;
  maxSurge: number;
  minReadySeconds: number;
}

/** otestackCreateExternalRepository's input; the password goes to the vendor only. */
export interface OteExternalRepositoryInput {
  repositoryId: string;
  address: string;
  user: string;
  password: string;
}

/** otestackCreateUser's input; the password goes to the vendor only. */
export interface OteUserInput {
  name: string;
  password: string;
  phone: string;
  realName: string;
  admin: boolean;
}

/** otestackCreateBusiness's input. */
export interface OteBusinessInput {
  name: string;
  introduction: string;
  objective: string;
  scale: string;
}
