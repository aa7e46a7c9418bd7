import { z } from 'zod';

/**
 * TiEM's bodies as the adapter reads them. Lenient on purpose: every object keeps
 * fields it does not name (`looseObject`), and only what an object cannot be mapped
 * without (its id) is required. Go marshals an empty slice as `null`, so every list
 * accepts null too.
 */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

/** controller.CommonResult / controller.ResultWithPage: code 0 is success. */
export const envelopeSchema = z.looseObject({
  code: z.number(),
  message: z.string().nullish(),
  data: z.unknown(),
  page: z.looseObject({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int().min(0) }).nullish(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** structs.Usage: CPU in cores, memory and storage in GiB, `usageRate` a ratio 0..1. */
const usageSchema = z.looseObject({
  total: z.number().nullish(),
  used: z.number().nullish(),
  usageRate: z.number().nullish(),
});
export type TiemUsage = z.infer<typeof usageSchema>;

/** structs.ClusterInfo, as the list items and the detail's `info` carry it. */
export const clusterInfoSchema = z.looseObject({
  clusterId: z.string().min(1),
  clusterName: z.string().nullish(),
  clusterType: z.string().nullish(),
  clusterVersion: z.string().nullish(),
  cpuArchitecture: z.string().nullish(),
  copies: z.number().int().nullish(),
  exclusive: z.boolean().nullish(),
  tls: z.boolean().nullish(),
  vendor: z.string().nullish(),
  status: z.string().nullish(),
  maintainStatus: z.string().nullish(),
  region: z.string().nullish(),
  tags: list(z.string()),
  createTime: z.string().nullish(),
  updateTime: z.string().nullish(),
  intranetConnectAddresses: list(z.string()),
  extranetConnectAddresses: list(z.string()),
  cpuUsage: usageSchema.nullish(),
  memoryUsage: usageSchema.nullish(),
  storageUsage: usageSchema.nullish(),
  // Monitoring, disaster recovery and access: read only by TiemClusterDetails (vendor.ts).
  grafanaUrl: z.string().nullish(),
  alertUrl: z.string().nullish(),
  role: z.string().nullish(),
  relations: z.looseObject({ masters: list(z.string()), slaves: list(z.string()) }).nullish(),
  maintainWindow: z.string().nullish(),
  whitelist: list(z.string()),
  /** Both examples carry it, the ClusterInfo table does not: read when sent. */
  backupFileUsage: usageSchema.nullish(),
});
export type TiemClusterInfo = z.infer<typeof clusterInfoSchema>;

/** structs.ClusterInstanceInfo: one component instance (TiDB, TiKV, PD, ...) on one host. */
export const instanceSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().nullish(),
  role: z.string().nullish(),
  status: z.string().nullish(),
  version: z.string().nullish(),
  hostID: z.string().nullish(),
  addresses: list(z.string()),
  ports: list(z.number()),
  spec: z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
  zone: z
    .looseObject({ zoneId: z.string().nullish(), zoneName: z.string().nullish(), regionId: z.string().nullish(), regionName: z.string().nullish() })
    .nullish(),
  diskId: z.string().nullish(),
  ioUtil: z.number().nullish(),
  iops: list(z.number()),
  cpuUsage: usageSchema.nullish(),
  memoryUsage: usageSchema.nullish(),
  storageUsage: usageSchema.nullish(),
});
export type TiemInstance = z.infer<typeof instanceSchema>;

export const clusterListSchema = z.looseObject({ clusters: list(clusterInfoSchema) });

/** structs.ClusterResourceParameterComputeResource: one line of a component's resources. */
const resourceLineSchema = z.looseObject({
  count: z.number().int().nullish(),
  specCode: z.string().nullish(),
  zoneCode: z.string().nullish(),
  diskType: z.string().nullish(),
  diskCapacity: z.number().nullish(),
  hostIp: z.string().nullish(),
  diskId: z.string().nullish(),
});

/** structs.ClusterResourceParameterCompute: what a cluster was asked to run of one component. */
const componentResourceSchema = z.looseObject({
  componentType: z.string(),
  resource: list(resourceLineSchema),
  totalNodeCount: z.number().int().nullish(),
});
export type TiemComponentResource = z.infer<typeof componentResourceSchema>;

/** cluster.QueryClusterDetailResp. */
export const clusterDetailSchema = z.looseObject({
  info: clusterInfoSchema,
  topology: list(instanceSchema),
  instanceResource: list(componentResourceSchema),
  requestResourceMode: z.string().nullish(),
});
export type TiemClusterDetail = z.infer<typeof clusterDetailSchema>;

/** structs.WorkFlowInfo. */
export const workflowInfoSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  bizId: z.string().nullish(),
  bizType: z.string().nullish(),
  status: z.string().nullish(),
  createTime: z.string().nullish(),
  updateTime: z.string().nullish(),
});
export type TiemWorkflowInfo = z.infer<typeof workflowInfoSchema>;

export const workflowListSchema = z.looseObject({ workFlows: list(workflowInfoSchema) });

/** structs.WorkFlowNodeInfo: a step that has started. */
const workflowNodeSchema = z.looseObject({
  name: z.string(),
  status: z.string().nullish(),
  result: z.string().nullish(),
  startTime: z.string().nullish(),
  endTime: z.string().nullish(),
});
export type TiemWorkflowNode = z.infer<typeof workflowNodeSchema>;

/** message.QueryWorkFlowDetailResp: `nodes` have started, `nodeNames` is every step of the flow. */
export const workflowDetailSchema = z.looseObject({
  info: workflowInfoSchema,
  nodes: list(workflowNodeSchema),
  nodeNames: list(z.string()),
});
export type TiemWorkflowDetail = z.infer<typeof workflowDetailSchema>;

/** structs.BackupRecord; `size` in MB. */
export const backupSchema = z.looseObject({
  id: z.string().min(1),
  clusterId: z.string().nullish(),
  backupMode: z.string().nullish(),
  backupType: z.string().nullish(),
  backupMethod: z.string().nullish(),
  filePath: z.string().nullish(),
  size: z.number().nullish(),
  status: z.string().nullish(),
  startTime: z.string().nullish(),
  endTime: z.string().nullish(),
});
export type TiemBackup = z.infer<typeof backupSchema>;

export const backupListSchema = z.looseObject({ backupRecords: list(backupSchema) });

export const loginSchema = z.looseObject({ token: z.string().min(1) });

// ---------------------------------------------------------------- write responses

/**
 * What a long-running cluster operation answers: the cluster and the workflow it runs as.
 * DeleteClusterResp and RestoreNewClusterResp spell the id `clusterID`, every other
 * response `clusterId`; either is read as the cluster.
 */
export const clusterJobSchema = z
  .looseObject({ clusterId: z.string().min(1).nullish(), clusterID: z.string().min(1).nullish(), workFlowId: z.string().min(1) })
  .transform((d, ctx) => {
    const clusterId = d.clusterId ?? d.clusterID;
    if (!clusterId) {
      ctx.addIssue({ code: 'custom', path: ['clusterId'], message: 'the response names no cluster' });
      return z.NEVER;
    }
    return { clusterId, workFlowId: d.workFlowId };
  });
export type TiemClusterJob = z.infer<typeof clusterJobSchema>;

/** backup.BackupClusterResp: the new record and the BackupCluster workflow filling it. */
export const backupJobSchema = z.looseObject({ backupId: z.string().min(1), workFlowId: z.string().min(1) });
export type TiemBackupJob = z.infer<typeof backupJobSchema>;

/** Answers whose `data` says nothing (DELETE /backups/{id}, POST /workflow/stop). */
export const emptySchema = z.unknown();
