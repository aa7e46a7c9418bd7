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

/**
 * A host's network in `TopoHostNode`: its addresses in CIDR form, as the topology keys
 * hosts. All optional: every cluster read decodes the detail, and only the topology's
 * host links need these.
 */
const hostNet = z
  .object({ Addrs: list(z.string()) })
  .loose()
  .nullish();
const topoHostNode = z.object({ UUID: z.string().nullish(), managerNet: hostNet, storageNet: hostNet, computeNet: hostNet, backupNet: hostNet }).loose();
export const clusterDetail = z.object({ cluster_uuid: z.string(), name: z.string(), candidates: list(z.string()), TopoHostNode: list(topoHostNode) }).loose();

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

/**
 * One item checked on one host. The document's examples show the categories only as
 * `null` (nothing checked yet); an item's fields are the platform's as the simulator
 * serves them (`src/simulators/hci/inspection.ts`).
 */
const inspectionItem = z
  .object({
    host_uuid: z.string(),
    host_name: z.string().nullish(),
    item: z.string(),
    item_cn: z.string().nullish(),
    level: z.number(),
    value: z.string().nullish(),
    suggestion: z.string().nullish(),
  })
  .loose();

export const inspection = z
  .object({
    status: z.object({ code: z.number().nullish(), message: z.string().nullish(), UUID: z.string().nullish() }).loose().nullish(),
    system: list(inspectionItem),
    network: list(inspectionItem),
    hardware: list(inspectionItem),
    normal: z.number().nullish(),
    alarm: z.number().nullish(),
    fault: z.number().nullish(),
    score: z.number().nullish(),
    state: z.number(),
    finishedPercent: z.number(),
    checking: z.string().nullish(),
  })
  .loose();

/** `HostInfo`: only what names the host is required; the rest is read where present. */
const hostInfo = z
  .object({
    uuid: z.string(),
    addr: z.string().nullish(),
    hostname: z.string().nullish(),
    uptime: z.number().nullish(),
    kernel_version: z.string().nullish(),
  })
  .loose();

/** `HostUsageInfo`: cpu and memory in percent; the other figures' units are not documented. */
const hostUsageInfo = z
  .object({
    host_info: hostInfo,
    cpu_usage: z.number().nullish(),
    mem_usage: z.number().nullish(),
    net_riops: z.number().nullish(),
    net_wiops: z.number().nullish(),
    net_rmbps: z.number().nullish(),
    net_wmbps: z.number().nullish(),
    disk_riops: z.number().nullish(),
    disk_wiops: z.number().nullish(),
    disk_rspeed: z.number().nullish(),
    disk_wspeed: z.number().nullish(),
    disk_riowait: z.number().nullish(),
    disk_wiowait: z.number().nullish(),
  })
  .loose();

/** The rankings `/v1/cluster/top` answers: its table names one per figure, its example only `list` (ranked by cpu). */
export const TOP_RANKINGS = [
  'cpu_usage_info',
  'mem_usage_info',
  'net_riops_usage_info',
  'net_wiops_usage_info',
  'net_rmbps_usage_info',
  'net_wmbps_usage_info',
  'disk_riops_usage_info',
  'disk_wiops_usage_info',
  'disk_rspeed_usage_info',
  'disk_wspeed_usage_info',
  'disk_riowait_usage_info',
  'disk_wiowait_usage_info',
] as const;
export type TopRanking = (typeof TOP_RANKINGS)[number];

const ranked = list(hostUsageInfo);
const rankings = Object.fromEntries(TOP_RANKINGS.map((r) => [r, ranked])) as Record<TopRanking, typeof ranked>;
export const top = z.object({ total_count: z.number().nullish(), list: ranked, ...rankings }).loose();

const drsSettings = z
  .object({
    Enabled: z.boolean(),
    MaxStep: z.number().nullish(),
    MaxConcurrentMigration: z.number().nullish(),
    MaxHostConcurrentMigration: z.number().nullish(),
    ThresholdLevel: z.number().nullish(),
    MinBenefitLevel: z.number().nullish(),
  })
  .loose();
const dpmSettings = z.object({ Enabled: z.boolean(), HighThreshold: z.number().nullish(), LowThreshold: z.number().nullish() }).loose();
export const drsConfig = z.object({ config: z.object({ DRS: drsSettings.nullish(), DPM: dpmSettings.nullish() }).loose() }).loose();

/** `get/global/config`: the document shows no answer; the four thresholds its set takes, as the simulator answers them. */
export const overAllocation = z
  .object({
    StorOverAllocationThreshold: z.number().nullish(),
    CPUOverAllocationThreshold: z.number().nullish(),
    MemOverAllocationThreshold: z.number().nullish(),
    USDOverAllocationThreshold: z.number().nullish(),
  })
  .loose();

/** A center node of `/v1/cluster/cloud/manage`: etcd figures are strings, as Prometheus prints them ("2.2687744e+07"). */
const centerNode = z
  .object({
    uuid: z.string(),
    ip: z.string().nullish(),
    is_leader: z.boolean().nullish(),
    status: z.number().nullish(),
    etcd_base_info: z.record(z.string(), z.string()).nullish(),
    license_expire_date: z.number().nullish(),
    license_existed: z.boolean().nullish(),
  })
  .loose();
export const cloudManage = z.object({ host_info: list(centerNode) }).loose();

const snapshotPolicy = z.object({ duration: z.number(), MTime: z.number(), DisplayOption: z.string().nullish() }).loose();
export const metaData = z
  .object({
    meta_data: z.object({ Snapshot: list(z.string()), SnapshotConfig: snapshotPolicy.nullish(), DaemonState: z.string().nullish() }).loose(),
  })
  .loose();

/** Where the console draws a node, in the canvas the request gave (`width` × `height`). */
const place = { CoordinateX: z.number(), CoordinateY: z.number() };
/** An empty string is the vendor's "not known" (the example's `SysName`, `Mac`, `Port`). */
const text = z
  .string()
  .nullish()
  .transform((v) => v || null);

const topologyInterface = z.object({ SysName: text, IP: text, Mac: text, IFaceName: text, Health: z.boolean().nullish(), Port: text }).loose();
/** `Hosts[]`: the platform's own VMs on a host (network node, edge gateway, cloud manager...). */
const topologyPlatformVm = z.object({ Type: text, UUID: z.string(), Name: text, ...place }).loose();
/** `SecVirtMachine[]`: the tenants' network security elements (edge gateways, virtual routers); `VmSeverUUID` (sic) as the example spells it. */
const topologySecurityVm = z.object({ VmSeverUUID: z.string(), SecurityType: text, Namespace: text, VMName: text, ...place }).loose();
/** `VirtMachine[]`: users' VMs. */
const topologyGuestVm = z.object({ Type: text, Name: text, UUID: z.string(), Nsuuid: text, ...place }).loose();
const topologyHost = z
  .object({
    IFacesInfo: z.record(z.string(), topologyInterface).nullish(),
    ...place,
    Hosts: list(topologyPlatformVm),
    SecVirtMachine: list(topologySecurityVm),
    VirtMachine: list(topologyGuestVm),
  })
  .loose();
/** `all_cluster/topology`: drawings keyed by cluster uuid, each one's hosts keyed by address (`10.30.12.120/24`). */
export const topology = z
  .object({
    info: z.record(z.string(), z.object({ ClusterName: text, HostIFacesInfo: z.record(z.string(), topologyHost).nullish() }).loose()).nullish(),
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
export type InspectionItem = z.infer<typeof inspectionItem>;
export type HostUsageInfo = z.infer<typeof hostUsageInfo>;
export type TopAnswer = z.infer<typeof top>;
export type DrsConfig = z.infer<typeof drsConfig>['config'];
export type OverAllocation = z.infer<typeof overAllocation>;
export type CenterNode = z.infer<typeof centerNode>;
export type SnapshotPolicy = z.infer<typeof snapshotPolicy>;
export type TopologyAnswer = z.infer<typeof topology>;
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
