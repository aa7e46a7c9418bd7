import type { GatewayContext } from '../../../context.js';
import { ValidationError } from '../../../model/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../../../model/ids.js';
import { BACKUP_DISPLAY_OPTIONS, DEFAULT_CANVAS, type HciDrsChange, type HciOverAllocationChange } from '../../../sources/hci/inputs.js';
import type {
  HciCenterNode,
  HciDrsSettings,
  HciEtcd,
  HciFinding,
  HciHostUsage,
  HciInspection,
  HciManagement,
  HciMetadataBackup,
  HciOverAllocation,
  HciTopology,
  HciTopologyHost,
  HciTopologyInterface,
  HciTopologyVm,
} from '../../../sources/hci/map.js';
import type { TopRanking } from '../../../sources/hci/wire.js';
import type { HciVendor } from '../../../sources/hci/vendor.js';
import { builder } from '../../builder.js';
import { payload, targetWith, withoutNulls } from '../../operations.js';
import { mutationOptions } from '../mutations/payload.js';
import { type VendorRoot, vendorOf, vendorRoot } from './root.js';
import { WorkflowStateEnum } from '../enums.js';

/** A vendor object under its source, for the global ids it links to. */
type Sourced<T> = T & { sourceId: string };
const hostGlobalId = (x: { sourceId: string; hostNativeId: string }) => encodeGlobalId({ type: 'Host', sourceId: x.sourceId, nativeId: x.hostNativeId });

const InspectionCategoryEnum = builder.enumType('HciInspectionCategory', {
  description: 'What an HCI inspection checks (its start asks for any of the three)',
  values: {
    SYSTEM: { value: 'system', description: 'Agents, platform services, CPU and memory use, time sync' },
    NETWORK: { value: 'network', description: 'Management and storage network reach, packet loss, MTU' },
    HARDWARE: { value: 'hardware', description: 'Disks, RAID, power, memory errors' },
  } as const,
});

const FindingLevelEnum = builder.enumType('HciFindingLevel', {
  description: 'What an inspection found of one item, as the report’s normal/alarm/fault counters count it',
  values: {
    NORMAL: { value: 'NORMAL', description: 'Nothing wrong (level 0)' },
    ALARM: { value: 'ALARM', description: 'Worth a look (level 1)' },
    FAULT: { value: 'FAULT', description: 'Broken (level 2)' },
    UNKNOWN: { value: 'UNKNOWN', description: 'A level the document does not name; see rawLevel' },
  } as const,
});

const FindingRef = builder.objectRef<Sourced<HciFinding>>('HciInspectionFinding').implement({
  description: 'One item an HCI inspection checked on one host',
  fields: (t) => ({
    category: t.expose('category', { type: InspectionCategoryEnum, description: 'Which of the inspection’s checks it belongs to' }),
    hostId: t.id({ description: 'Global id of the host it was checked on', resolve: hostGlobalId }),
    hostName: t.exposeString('hostName', { nullable: true, description: 'The host’s management address, as the platform names hosts' }),
    item: t.exposeString('item', { description: 'The item’s key, e.g. disk_smart' }),
    itemName: t.exposeString('itemName', { nullable: true, description: 'The platform’s own (Chinese) name of the item' }),
    level: t.expose('level', { type: FindingLevelEnum, description: 'What was found' }),
    rawLevel: t.exposeString('rawLevel', { description: 'The vendor’s level: 0 normal, 1 alarm, 2 fault' }),
    value: t.exposeString('value', { nullable: true, description: 'What was measured, in the vendor’s words, e.g. "Degraded" or "12.5%"' }),
    suggestion: t.exposeString('suggestion', { nullable: true, description: 'What the vendor suggests doing, where it found something' }),
  }),
});

const InspectionRef = builder.objectRef<Sourced<HciInspection>>('HciInspection').implement({
  description: 'An HCI cluster’s latest one-click inspection, item by item',
  fields: (t) => ({
    workflowId: t.id({
      description: 'Global id of the same run as a Workflow (kind INSPECT_CLUSTER), which workflowProgress follows',
      resolve: (i) => encodeGlobalId({ type: 'Workflow', sourceId: i.sourceId, nativeId: i.workflow.nativeId }),
    }),
    state: t.field({ type: WorkflowStateEnum, description: 'Where the run is, as its workflow’s state', resolve: (i) => i.workflow.state }),
    progress: t.float({ nullable: true, description: 'Share of the run done, 0 to 1', resolve: (i) => i.workflow.progress ?? null }),
    score: t.exposeFloat('score', { nullable: true, description: 'The vendor’s health score of what was checked so far, 0 to 100' }),
    normal: t.exposeInt('normal', { nullable: true, description: 'Items found normal so far' }),
    alarm: t.exposeInt('alarm', { nullable: true, description: 'Items in alarm so far' }),
    fault: t.exposeInt('fault', { nullable: true, description: 'Items at fault so far' }),
    findings: t.field({
      type: [FindingRef],
      description: 'The items checked so far, by category (system, network, hardware), then as the vendor lists them',
      args: { atLeast: t.arg({ type: FindingLevelEnum, description: 'Only findings this bad or worse, e.g. ALARM: alarms and faults' }) },
      resolve: (i, args) => {
        const rank = { NORMAL: 0, ALARM: 1, FAULT: 2, UNKNOWN: 3 } as const;
        const floor = args.atLeast ? rank[args.atLeast] : 0;
        return i.findings.filter((f) => rank[f.level] >= floor).map((f) => ({ ...f, sourceId: i.sourceId }));
      },
    }),
  }),
});

const RankingEnum = builder.enumType('HciHostRanking', {
  description: 'A figure HCI ranks a cluster’s hosts by (`/v1/cluster/top`), highest first',
  values: {
    CPU: { value: 'cpu_usage_info', description: 'CPU use' },
    MEMORY: { value: 'mem_usage_info', description: 'Memory use' },
    NET_RECEIVE_IOPS: { value: 'net_riops_usage_info', description: 'Network packets received per second' },
    NET_SEND_IOPS: { value: 'net_wiops_usage_info', description: 'Network packets sent per second' },
    NET_RECEIVE_RATE: { value: 'net_rmbps_usage_info', description: 'Network receive rate' },
    NET_SEND_RATE: { value: 'net_wmbps_usage_info', description: 'Network send rate' },
    DISK_READ_IOPS: { value: 'disk_riops_usage_info', description: 'Disk reads per second' },
    DISK_WRITE_IOPS: { value: 'disk_wiops_usage_info', description: 'Disk writes per second' },
    DISK_READ_SPEED: { value: 'disk_rspeed_usage_info', description: 'Disk read throughput' },
    DISK_WRITE_SPEED: { value: 'disk_wspeed_usage_info', description: 'Disk write throughput' },
    DISK_READ_IOWAIT: { value: 'disk_riowait_usage_info', description: 'I/O wait on reads' },
    DISK_WRITE_IOWAIT: { value: 'disk_wiowait_usage_info', description: 'I/O wait on writes' },
  } as const satisfies Record<string, { value: TopRanking; description: string }>,
});

const undocumented = 'in the vendor’s unit, which the document does not name';
const HostUsageRef = builder.objectRef<Sourced<HciHostUsage>>('HciHostUsage').implement({
  description: 'A host’s place in an HCI ranking, with every figure the vendor sends beside it',
  fields: (t) => ({
    hostId: t.id({ description: 'Global id of the host', resolve: hostGlobalId }),
    hostName: t.exposeString('hostName', { nullable: true, description: 'Its host name, e.g. TOS-192.168.201.187' }),
    address: t.exposeString('address', { nullable: true, description: 'Its address, where the vendor sends one' }),
    kernelVersion: t.exposeString('kernelVersion', { nullable: true, description: 'Its kernel version' }),
    uptimeSeconds: t.exposeFloat('uptimeSeconds', { nullable: true, description: 'Seconds since it booted' }),
    cpuPercent: t.exposeFloat('cpuPercent', { nullable: true, description: 'CPU use, in percent' }),
    memoryPercent: t.exposeFloat('memoryPercent', { nullable: true, description: 'Memory use, in percent' }),
    netReceiveIops: t.exposeFloat('netReceiveIops', { nullable: true, description: 'Network packets received per second' }),
    netSendIops: t.exposeFloat('netSendIops', { nullable: true, description: 'Network packets sent per second' }),
    netReceiveRate: t.exposeFloat('netReceiveRate', { nullable: true, description: `Network receive rate (the vendor’s net_rmbps), ${undocumented}` }),
    netSendRate: t.exposeFloat('netSendRate', { nullable: true, description: `Network send rate (the vendor’s net_wmbps), ${undocumented}` }),
    diskReadIops: t.exposeFloat('diskReadIops', { nullable: true, description: 'Disk reads per second' }),
    diskWriteIops: t.exposeFloat('diskWriteIops', { nullable: true, description: 'Disk writes per second' }),
    diskReadSpeed: t.exposeFloat('diskReadSpeed', { nullable: true, description: `Disk read throughput, ${undocumented}` }),
    diskWriteSpeed: t.exposeFloat('diskWriteSpeed', { nullable: true, description: `Disk write throughput, ${undocumented}` }),
    diskReadIowait: t.exposeFloat('diskReadIowait', { nullable: true, description: `I/O wait on reads, ${undocumented}` }),
    diskWriteIowait: t.exposeFloat('diskWriteIowait', { nullable: true, description: `I/O wait on writes, ${undocumented}` }),
  }),
});

const DrsRef = builder.objectRef<NonNullable<HciDrsSettings['drs']>>('HciDrs').implement({
  description: 'DRS: balancing an HCI cluster’s load by live-migrating VMs',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Whether DRS is on' }),
    maxStep: t.exposeInt('maxStep', { nullable: true, description: 'The most VMs one trigger migrates' }),
    maxConcurrentMigrations: t.exposeInt('maxConcurrentMigrations', { nullable: true, description: 'Migrations run at once' }),
    maxHostConcurrentMigrations: t.exposeInt('maxHostConcurrentMigrations', { nullable: true, description: 'Migrations run at once per host' }),
    thresholdLevel: t.exposeInt('thresholdLevel', { nullable: true, description: 'When it triggers: 1 most conservative to 5 most aggressive' }),
    minBenefitLevel: t.exposeInt('minBenefitLevel', { nullable: true, description: 'What gain a migration needs: 1 most conservative to 5 most aggressive' }),
  }),
});

const DpmRef = builder.objectRef<NonNullable<HciDrsSettings['dpm']>>('HciDpm').implement({
  description: 'DPM: powering an HCI cluster’s hosts down when idle and up when busy',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Whether DPM is on' }),
    highThreshold: t.exposeFloat('highThreshold', { nullable: true, description: 'Use (0 to 1) above which, held a while on any host, a host may be woken' }),
    lowThreshold: t.exposeFloat('lowThreshold', {
      nullable: true,
      description: 'Use (0 to 1) below which, held long on every host, a host may be put to sleep',
    }),
  }),
});

const DrsSettingsRef = builder.objectRef<HciDrsSettings>('HciDrsSettings').implement({
  description: 'An HCI cluster’s compute scheduling: DRS and DPM',
  fields: (t) => ({
    drs: t.field({ type: DrsRef, nullable: true, description: 'DRS; null where the vendor sends none', resolve: (s) => s.drs }),
    dpm: t.field({ type: DpmRef, nullable: true, description: 'DPM; null where the vendor sends none', resolve: (s) => s.dpm }),
  }),
});

const OverAllocationRef = builder.objectRef<HciOverAllocation>('HciOverAllocation').implement({
  description: 'An HCI cluster’s caps on use, each a share of 0 to 1 of what the hardware has',
  fields: (t) => ({
    storage: t.exposeFloat('storage', { nullable: true, description: 'Storage' }),
    cpu: t.exposeFloat('cpu', { nullable: true, description: 'CPU' }),
    memory: t.exposeFloat('memory', { nullable: true, description: 'Memory' }),
    dataDisk: t.exposeFloat('dataDisk', { nullable: true, description: 'Data disks' }),
  }),
});

const EtcdRef = builder.objectRef<HciEtcd>('HciEtcd').implement({
  description: 'The etcd member on an HCI center node, as it reports itself',
  fields: (t) => ({
    healthy: t.exposeBoolean('healthy', { nullable: true, description: 'Whether it reports the etcd cluster healthy' }),
    rawHealth: t.exposeString('rawHealth', { nullable: true, description: 'The vendor’s word, e.g. health' }),
    members: t.exposeInt('members', { nullable: true, description: 'Members in the etcd cluster' }),
    healthyCenterNodes: t.exposeInt('healthyCenterNodes', { nullable: true, description: 'Center nodes it counts healthy' }),
    unhealthyCenterNodes: t.exposeInt('unhealthyCenterNodes', { nullable: true, description: 'Center nodes it counts unhealthy' }),
    dbSizeBytes: t.exposeFloat('dbSizeBytes', { nullable: true, description: 'Its database’s size, in bytes' }),
    dataDirCapacityBytes: t.exposeFloat('dataDirCapacityBytes', { nullable: true, description: 'The size of the disk its data lives on, in bytes' }),
    dataDirFreeBytes: t.exposeFloat('dataDirFreeBytes', { nullable: true, description: 'What is free on that disk, in bytes' }),
    proposalsFailed: t.exposeFloat('proposalsFailed', { nullable: true, description: 'Proposals that failed since it started' }),
    proposalsPending: t.exposeFloat('proposalsPending', { nullable: true, description: 'Proposals waiting now' }),
    leaderChanges: t.exposeFloat('leaderChanges', { nullable: true, description: 'Leader changes it has seen' }),
  }),
});

const CenterNodeRef = builder.objectRef<Sourced<HciCenterNode>>('HciCenterNode').implement({
  description: 'A center node of an HCI cluster’s management plane',
  fields: (t) => ({
    hostId: t.id({ description: 'Global id of the host it runs on', resolve: hostGlobalId }),
    address: t.exposeString('address', { nullable: true, description: 'Its address' }),
    leader: t.exposeBoolean('leader', { description: 'Whether it leads the management plane' }),
    rawStatus: t.exposeString('rawStatus', {
      nullable: true,
      description: 'The vendor’s status (the example’s 1 for a node answering; no values are documented)',
    }),
    etcd: t.field({ type: EtcdRef, nullable: true, description: 'Its etcd member; null where it reports none (a node down)', resolve: (n) => n.etcd }),
  }),
});

const LicenceRef = builder.objectRef<HciManagement>('HciLicence').implement({
  description: 'An HCI cluster’s licence, as its center nodes report it',
  fields: (t) => ({
    installed: t.exposeBoolean('licenceInstalled', { nullable: true, description: 'Whether a licence is installed (the vendor’s license_existed)' }),
    expiresAt: t.expose('licenceExpiresAt', { type: 'DateTime', nullable: true, description: 'When it runs out' }),
  }),
});

const MetadataBackupRef = builder.objectRef<HciMetadataBackup>('HciMetadataBackup').implement({
  description: 'Automatic metadata snapshots on one HCI center node: how often, and whether the daemon taking them runs',
  fields: (t) => ({
    address: t.exposeString('address', { description: 'The center node’s address' }),
    intervalSeconds: t.exposeInt('intervalSeconds', { nullable: true, description: 'Seconds between automatic snapshots' }),
    displayOption: t.exposeString('displayOption', { nullable: true, description: 'How the console shows the interval: hour, day or week' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', nullable: true, description: 'When the schedule last changed' }),
    daemonRunning: t.exposeBoolean('daemonRunning', { nullable: true, description: 'Whether the daemon taking the snapshots runs (a stopped one takes none)' }),
    rawDaemonState: t.exposeString('rawDaemonState', { nullable: true, description: 'The vendor’s word, e.g. running' }),
  }),
});

/** The most hosts one ranking asks for: a page, as the unified lists' `first` allows. */
const MAX_RANKED = 100;

/** What `Cluster.details` is for an HCI cluster: each field read only when selected. */
export interface HciClusterDetailsRoot {
  kind: 'hci';
  sourceId: string;
  clusterNativeId: string;
  vendor: HciVendor;
}

export const HciClusterDetailsRef = builder.objectRef<HciClusterDetailsRoot>('HciClusterDetails').implement({
  description: 'What the HCI platform alone knows about a cluster',
  fields: (t) => ({
    inspection: t.field({
      type: InspectionRef,
      nullable: true,
      description:
        'Its latest one-click inspection, item by item (one vendor call, shared with its workflow’s); null when none ever ran or the cluster is gone',
      resolve: async (d, _args, ctx) => {
        const inspection = await d.vendor.inspection(ctx.scope, d.clusterNativeId);
        return inspection && { ...inspection, sourceId: d.sourceId };
      },
    }),
    topHosts: t.field({
      type: [HostUsageRef],
      nullable: true,
      description:
        'Its hosts ranked highest first by one figure (one vendor call for every ranking of the same count); down hosts send no figures and are not ranked; null when the cluster is gone',
      args: {
        by: t.arg({ type: RankingEnum, required: true, description: 'The figure to rank by' }),
        count: t.arg.int({ required: true, description: `How many hosts, 1 to ${MAX_RANKED}` }),
      },
      resolve: async (d, args, ctx) => {
        if (args.count < 1 || args.count > MAX_RANKED) throw new ValidationError('count', `must be from 1 to ${MAX_RANKED}`);
        const ranked = await d.vendor.topHosts(ctx.scope, d.clusterNativeId, args.count, args.by);
        return ranked?.map((u) => ({ ...u, sourceId: d.sourceId }));
      },
    }),
    drs: t.field({
      type: DrsSettingsRef,
      nullable: true,
      description: 'Its DRS and DPM settings (one vendor call); null when the cluster is gone',
      resolve: (d, _args, ctx) => d.vendor.drs(ctx.scope, d.clusterNativeId),
    }),
    licence: t.field({
      type: LicenceRef,
      nullable: true,
      description: 'Its licence (one vendor call, shared with centerNodes); null when the cluster is gone',
      resolve: (d, _args, ctx) => d.vendor.management(ctx.scope, d.clusterNativeId),
    }),
    centerNodes: t.field({
      type: [CenterNodeRef],
      nullable: true,
      description: 'Its management plane’s center nodes with their etcd health (one vendor call, shared with licence); null when the cluster is gone',
      resolve: async (d, _args, ctx) => (await d.vendor.management(ctx.scope, d.clusterNativeId))?.centerNodes.map((n) => ({ ...n, sourceId: d.sourceId })),
    }),
    metadataBackups: t.field({
      type: [MetadataBackupRef],
      nullable: true,
      description: 'Each center node’s metadata backup schedule and daemon (two vendor calls per center node); null when the cluster is gone',
      resolve: (d, _args, ctx) => d.vendor.metadataBackups(ctx.scope, d.clusterNativeId),
    }),
    overAllocation: t.field({
      type: OverAllocationRef,
      nullable: true,
      description: 'Its caps on storage, CPU, memory and data-disk use (one vendor call); null when the cluster is gone',
      resolve: (d, _args, ctx) => d.vendor.overAllocation(ctx.scope, d.clusterNativeId),
    }),
  }),
});

const TopologyVmRef = builder.objectRef<HciTopologyVm>('HciTopologyVm').implement({
  description: 'A VM the HCI console draws beside the host it runs on',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The platform’s uuid of the VM' }),
    name: t.exposeString('name', { nullable: true, description: 'Its name' }),
    type: t.exposeString('type', {
      nullable: true,
      description:
        'The platform’s word for it, which the document does not list: its example shows nvm (network node), GPE (edge gateway), GTVR (virtual router) and cvm (cloud manager) for the platform’s own, GUS for users’ VMs',
    }),
    tenantId: t.exposeString('tenantId', { nullable: true, description: 'The tenant (namespace uuid) it serves; null for the platform’s own VMs' }),
    x: t.exposeFloat('x', { description: 'Where it is drawn: pixels from the canvas’s left edge' }),
    y: t.exposeFloat('y', { description: 'Where it is drawn: pixels from the canvas’s top edge' }),
  }),
});

const TopologyInterfaceRef = builder.objectRef<HciTopologyInterface>('HciTopologyInterface').implement({
  description: 'A host’s network interface in the HCI topology; what the platform leaves blank is null',
  fields: (t) => ({
    address: t.exposeString('address', { description: 'Its address with its prefix, e.g. 10.30.12.120/24' }),
    name: t.exposeString('name', { nullable: true, description: 'The interface’s name on the host, e.g. eth0' }),
    mac: t.exposeString('mac', { nullable: true, description: 'Its MAC address' }),
    systemName: t.exposeString('systemName', {
      nullable: true,
      description: 'The vendor’s SysName, which the document does not explain (blank in its example)',
    }),
    port: t.exposeString('port', { nullable: true, description: 'The vendor’s Port, which the document does not explain (blank in its example)' }),
    healthy: t.exposeBoolean('healthy', { nullable: true, description: 'Whether the platform reports it healthy' }),
  }),
});

/** A drawn host under its cluster, and the host links its topology shares. */
type TopologyHostRoot = HciTopologyHost & { links: () => Promise<ReadonlyMap<string, string> | null>; sourceId: string };

const TopologyHostRef = builder.objectRef<TopologyHostRoot>('HciTopologyHost').implement({
  description: 'A host in the HCI topology, with the VMs drawn around it: each VM’s link is to the host it runs on',
  fields: (t) => ({
    address: t.exposeString('address', { description: 'The address the platform keys the host by, with its prefix, e.g. 10.30.12.120/24' }),
    hostId: t.id({
      nullable: true,
      description:
        'Global id of the Host with that address (one vendor call for the whole topology, the cluster’s detail, shared with the request’s other reads of it); null where none of the cluster’s hosts has it',
      resolve: async (h) => {
        const nativeId = (await h.links())?.get(h.address);
        return nativeId ? encodeGlobalId({ type: 'Host', sourceId: h.sourceId, nativeId }) : null;
      },
    }),
    x: t.exposeFloat('x', { description: 'Where it is drawn: pixels from the canvas’s left edge' }),
    y: t.exposeFloat('y', { description: 'Where it is drawn: pixels from the canvas’s top edge' }),
    interfaces: t.field({ type: [TopologyInterfaceRef], description: 'Its network interfaces', resolve: (h) => h.interfaces }),
    platformVms: t.field({
      type: [TopologyVmRef],
      description: 'The platform’s own VMs on it: network node, edge gateways, cloud manager, storage access (the vendor’s Hosts)',
      resolve: (h) => h.platformVms,
    }),
    securityVms: t.field({
      type: [TopologyVmRef],
      description: 'Tenants’ network security elements on it: edge gateways and virtual routers (the vendor’s SecVirtMachine)',
      resolve: (h) => h.securityVms,
    }),
    vms: t.field({ type: [TopologyVmRef], description: 'Users’ VMs running on it (the vendor’s VirtMachine)', resolve: (h) => h.vms }),
  }),
});

/** A cluster's drawing, in the canvas it was asked for. */
type TopologyRoot = HciTopology & { clusterId: string; width: number; height: number; hosts: TopologyHostRoot[] };

const TopologyRef = builder.objectRef<TopologyRoot>('HciNetworkTopology').implement({
  description: 'An HCI cluster’s network as its console draws it: each host at its place in a width × height canvas, what runs on it around it',
  fields: (t) => ({
    clusterId: t.exposeID('clusterId', { description: 'Global id of the cluster' }),
    clusterName: t.exposeString('clusterName', { nullable: true, description: 'The cluster’s name, as the drawing labels it' }),
    width: t.exposeInt('width', { description: 'The canvas’s width in pixels, as asked for' }),
    height: t.exposeInt('height', { description: 'The canvas’s height in pixels, as asked for' }),
    hosts: t.field({ type: [TopologyHostRef], description: 'Its hosts, in the platform’s order', resolve: (d) => d.hosts }),
  }),
});

const HciSourceRef = builder.objectRef<VendorRoot<HciVendor>>('HciSource').implement({
  description: 'What an HCI source has beyond the unified lists and Cluster.details: its clusters’ network topology',
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', { description: 'The source, by the id the config gives it' }),
    networkTopology: t.field({
      type: TopologyRef,
      nullable: true,
      description: 'A cluster’s network as the console draws it (one vendor call); null when the source has no such cluster',
      args: {
        clusterId: t.arg.id({ required: true, description: 'A cluster of this source' }),
        width: t.arg.int({ defaultValue: DEFAULT_CANVAS.width, description: 'The canvas’s width in pixels, 100 to 10000' }),
        height: t.arg.int({ defaultValue: DEFAULT_CANVAS.height, description: 'The canvas’s height in pixels, 100 to 10000' }),
      },
      resolve: async (root, args, ctx) => {
        const clusterId = String(args.clusterId);
        const id = decodeGlobalId(clusterId);
        if (id.type !== 'Cluster' || id.sourceId !== root.sourceId) {
          throw new ValidationError('clusterId', `expected a Cluster id of source "${root.sourceId}", got a ${id.type} id of "${id.sourceId}"`);
        }
        const canvas = { width: args.width ?? DEFAULT_CANVAS.width, height: args.height ?? DEFAULT_CANVAS.height };
        const topology = await root.vendor.networkTopology(ctx.scope, id.nativeId, canvas);
        if (!topology) return null;
        let links: Promise<ReadonlyMap<string, string> | null> | undefined;
        const shared = () => {
          links ??= root.vendor.hostsByAddress(ctx.scope, id.nativeId);
          return links;
        };
        return { ...topology, ...canvas, clusterId, hosts: topology.hosts.map((h) => ({ ...h, links: shared, sourceId: root.sourceId })) };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  hci: t.field({
    type: HciSourceRef,
    description: 'An HCI source’s own capabilities (its clusters’ network topology), by its config id',
    args: { sourceId: t.arg.string({ required: true, description: 'An HCI source’s id from the config' }) },
    resolve: (_root, args, ctx) => vendorRoot<HciVendor>(ctx, args.sourceId, 'hci', 'HCI'),
  }),
}));

const DrsInput = builder.inputType('HciDrsInput', {
  description: 'What to change of DRS: only what is given changes',
  fields: (t) => ({
    enabled: t.boolean({ description: 'DRS on or off' }),
    maxStep: t.int({ description: 'The most VMs one trigger migrates' }),
    maxConcurrentMigrations: t.int({ description: 'Migrations run at once' }),
    maxHostConcurrentMigrations: t.int({ description: 'Migrations run at once per host' }),
    thresholdLevel: t.int({ description: 'When it triggers: 1 most conservative to 5 most aggressive' }),
    minBenefitLevel: t.int({ description: 'What gain a migration needs: 1 most conservative to 5 most aggressive' }),
  }),
});

const DpmInput = builder.inputType('HciDpmInput', {
  description: 'What to change of DPM: only what is given changes',
  fields: (t) => ({
    enabled: t.boolean({ description: 'DPM on or off' }),
    highThreshold: t.float({ description: 'Use (0 to 1) above which a host may be woken' }),
    lowThreshold: t.float({ description: 'Use (0 to 1) below which a host may be put to sleep; below highThreshold' }),
  }),
});

const DrsSettingsInput = builder.inputType('HciDrsSettingsInput', {
  description: 'What to change of an HCI cluster’s DRS and DPM: at least one field',
  fields: (t) => ({
    drs: t.field({ type: DrsInput, description: 'DRS' }),
    dpm: t.field({ type: DpmInput, description: 'DPM' }),
  }),
});

const OverAllocationInput = builder.inputType('HciOverAllocationInput', {
  description: 'Caps to change, each a share above 0 and at most 1: only what is given changes; at least one',
  fields: (t) => ({
    storage: t.float({ description: 'Storage' }),
    cpu: t.float({ description: 'CPU' }),
    memory: t.float({ description: 'Memory' }),
    dataDisk: t.float({ description: 'Data disks' }),
  }),
});

const BackupDisplayEnum = builder.enumType('HciBackupDisplayOption', {
  description: 'How the HCI console shows a metadata backup interval',
  values: {
    HOUR: { value: BACKUP_DISPLAY_OPTIONS[0], description: 'In hours' },
    DAY: { value: BACKUP_DISPLAY_OPTIONS[1], description: 'In days' },
    WEEK: { value: BACKUP_DISPLAY_OPTIONS[2], description: 'In weeks' },
  } as const,
});

const MetadataBackupScheduleInput = builder.inputType('HciMetadataBackupScheduleInput', {
  description: 'How often a center node backs the cluster’s metadata up; the platform takes both fields',
  fields: (t) => ({
    intervalSeconds: t.int({ required: true, description: 'Seconds between automatic snapshots, 1 to a year' }),
    displayOption: t.field({ type: BackupDisplayEnum, required: true, description: 'How the console shows the interval' }),
  }),
});

const CENTER_NODE = 'A center node’s address, as metadataBackups lists them';

/** Starts (`running`) or stops a center node's metadata backup daemon, as the mutation `operation`. */
const setDaemon = (operation: string, running: boolean) => async (_root: object, args: { id: string | number; address: string }, ctx: GatewayContext) => {
  const target = await targetWith(ctx, 'id', String(args.id), 'Cluster', vendorOf<HciVendor>('hci', operation));
  return payload(target.adapter, await target.run.setMetadataBackupDaemon(ctx.scope, target.nativeId, args.address, running));
};

/** Settings that govern a whole cluster's scheduling and capacity: the admin's (docs/vendor-capabilities.md, Roles). */
const adminMutation = { ...mutationOptions, authScopes: { admin: true } };

builder.mutationFields((t) => ({
  hciSetDrs: t.field({
    ...adminMutation,
    description: 'Changes an HCI cluster’s DRS and DPM settings (admin role); done when the platform answers (no workflow)',
    args: {
      id: t.arg.id({ required: true, description: 'The cluster' }),
      input: t.arg({ type: DrsSettingsInput, required: true, description: 'What to change' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetWith(ctx, 'id', String(args.id), 'Cluster', vendorOf<HciVendor>('hci', 'hciSetDrs'));
      const change: HciDrsChange = withoutNulls(args.input);
      return payload(target.adapter, await target.run.setDrs(ctx.scope, target.nativeId, change));
    },
  }),
  hciSetOverAllocation: t.field({
    ...adminMutation,
    description: 'Changes an HCI cluster’s caps on storage, CPU, memory and data-disk use (admin role); done when the platform answers (no workflow)',
    args: {
      id: t.arg.id({ required: true, description: 'The cluster' }),
      input: t.arg({ type: OverAllocationInput, required: true, description: 'What to change' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetWith(ctx, 'id', String(args.id), 'Cluster', vendorOf<HciVendor>('hci', 'hciSetOverAllocation'));
      const change: HciOverAllocationChange = withoutNulls(args.input);
      return payload(target.adapter, await target.run.setOverAllocation(ctx.scope, target.nativeId, change));
    },
  }),
  hciSetMetadataBackupSchedule: t.field({
    ...adminMutation,
    description:
      'Changes how often an HCI center node backs the cluster’s metadata up (admin role); done when the platform answers (no workflow). The platform keeps one schedule per cluster, so every center node follows it',
    args: {
      id: t.arg.id({ required: true, description: 'The cluster' }),
      address: t.arg.string({ required: true, description: CENTER_NODE }),
      input: t.arg({ type: MetadataBackupScheduleInput, required: true, description: 'The new schedule' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetWith(ctx, 'id', String(args.id), 'Cluster', vendorOf<HciVendor>('hci', 'hciSetMetadataBackupSchedule'));
      return payload(target.adapter, await target.run.setMetadataBackupSchedule(ctx.scope, target.nativeId, args.address, args.input));
    },
  }),
  hciStartMetadataBackupDaemon: t.field({
    ...adminMutation,
    description: 'Starts the daemon taking an HCI center node’s metadata backups (admin role); done when the platform answers (no workflow)',
    args: { id: t.arg.id({ required: true, description: 'The cluster' }), address: t.arg.string({ required: true, description: CENTER_NODE }) },
    resolve: setDaemon('hciStartMetadataBackupDaemon', true),
  }),
  hciStopMetadataBackupDaemon: t.field({
    ...adminMutation,
    description: 'Stops the daemon taking an HCI center node’s metadata backups, so it takes none (admin role); done when the platform answers (no workflow)',
    args: { id: t.arg.id({ required: true, description: 'The cluster' }), address: t.arg.string({ required: true, description: CENTER_NODE }) },
    resolve: setDaemon('hciStopMetadataBackupDaemon', false),
  }),
}));
