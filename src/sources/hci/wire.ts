import { z } from 'zod';

/** The HCI platform's answers and request bodies (document 001), in the document's field names. */

// ---- Payload schemas: lenient, requiring only the fields the mapping uses. ----

/** Go marshals an empty slice or map as `null`. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

const clusterRow = z.object({ cluster_uuid: z.string(), cluster_name: z.string(), ctime: z.number().nullish() }).loose();
export const clusterList = z.object({ list: list(clusterRow), total_count: z.number() }).loose();

export const clusterDetail = z.object({ cluster_uuid: z.string(), name: z.string(), candidates: list(z.string()) }).loose();

/** `{Ratio, Logical, Physical}`: what VMs were given, what the hardware has, and their ratio. */
const allocation = z.object({ Logical: z.number(), Physical: z.number() }).loose();

export const hostStatistic = z
  .object({
    HostUUID: z.string(),
    Name: z.string(),
    Status: z.number(),
    Cpu: allocation.nullish(),
    Mem: allocation.nullish(),
    Label: z.record(z.string(), z.string()).nullish(),
  })
  .loose();

export const computeStatistic = z
  .object({
    total_count: z.number(),
    UsageRatio: z.object({ Cpu: allocation, Mem: allocation }).loose(),
    HostStatistics: list(hostStatistic),
    HostSummary: z.object({ Total: z.number(), Healthy: z.number(), NoInUse: z.number() }).loose(),
  })
  .loose();

export const storage = z
  .object({
    inner: z
      .object({
        total_size: z.number(),
        used: z.number(),
        volume_degrade_count: z.number().nullish(),
        volume_failed_count: z.number().nullish(),
      })
      .loose(),
    external: z.object({ total_size: z.number(), used: z.number() }).loose().nullish(),
  })
  .loose();

export const inspection = z
  .object({
    status: z.object({ code: z.number().nullish(), message: z.string().nullish(), UUID: z.string().nullish() }).loose().nullish(),
    normal: z.number().nullish(),
    alarm: z.number().nullish(),
    fault: z.number().nullish(),
    score: z.number().nullish(),
    state: z.number(),
    finishedPercent: z.number(),
    checking: z.string().nullish(),
  })
  .loose();

const snapshotPolicy = z.object({ duration: z.number(), MTime: z.number() }).loose();
export const metaData = z
  .object({
    meta_data: z.object({ Snapshot: list(z.string()), SnapshotConfig: snapshotPolicy.nullish() }).loose(),
  })
  .loose();

export const taskProgress = z.object({ progress: z.number() }).loose();

/** The add answer; the document's example has an empty `uuid`, so it may be blank. */
export const addedCluster = z.object({ uuid: z.string().nullish() }).loose();
/** Deletes and snapshot saves answer nothing a caller needs. */
export const ignored = z.unknown();

export type ClusterRow = z.infer<typeof clusterRow>;
export type ClusterDetail = z.infer<typeof clusterDetail>;
export type HostStatistic = z.infer<typeof hostStatistic>;
export type ComputeStatistic = z.infer<typeof computeStatistic>;
export type StorageSummary = z.infer<typeof storage>;
export type InspectionReport = z.infer<typeof inspection>;
export type SnapshotPolicy = z.infer<typeof snapshotPolicy>;
/** A host task's progress (0..1); a failed task also carries the vendor's error. */
export interface HostTaskReport {
  progress: number;
  failure?: { code: string; message: string };
}
/** `/v1/cluster/inspection`: `cluster_name` only names the cluster in the vendor's operation log. */
export interface InspectionRequest {
  cluster_uuid: string;
  cluster_name: string;
  check_system: boolean;
  check_network: boolean;
  check_hardware: boolean;
}
