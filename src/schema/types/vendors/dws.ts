import type { GatewayContext } from '../../../context.js';
import { encodeGlobalId } from '../../../model/ids.js';
import type {
  DwsAlarm,
  DwsAlarmDay,
  DwsAuditDump,
  DwsAvailabilityZone,
  DwsBindableLoadBalancer,
  DwsEip,
  DwsLoadBalancer,
  DwsNodeType,
  DwsParameter,
  DwsParameterTemplate,
  DwsQuota,
  DwsSnapshotPolicy,
  DwsSubscription,
  DwsWorkload,
} from '../../../sources/dws/map.js';
import {
  ALARM_LEVELS,
  BACKUP_DEVICES,
  BACKUP_TYPES,
  DOMAIN_NAME_TYPES,
  type DwsDomainNameChange,
  type DwsAlarmSubscriptionChange,
  type DwsEventSubscriptionChange,
  type DwsParameterChange,
  type DwsResourcePoolChange,
  type DwsSnapshotPolicyChange,
  type DwsSubscriptionKind,
  EVENT_CATEGORIES,
  EVENT_SEVERITIES,
  EVENT_SOURCE_TYPES,
  PARAMETER_ROLES,
} from '../../../sources/dws/inputs.js';
import type { DwsVendor } from '../../../sources/dws/vendor.js';
import { builder } from '../../builder.js';
import { EventSeverityEnum } from '../enums.js';
import { payload, targetWith, withoutNulls } from '../../operations.js';
import { mutationOptions } from '../mutations/payload.js';
import { type VendorRoot, vendorOf, vendorRoot, vendorSource } from './root.js';

/** A DWS mutation's cluster argument. */
const CLUSTER_ID = { required: true, description: 'The cluster' } as const;
/** The DWS vendor of the cluster `id` names, for mutation `operation`. */
const dwsCluster = (ctx: GatewayContext, id: string | number, operation: string) =>
  targetWith(ctx, 'id', String(id), 'Cluster', vendorOf<DwsVendor>('dws', operation));

const AvailabilityZoneRef = builder.objectRef<DwsAvailabilityZone>('DwsAvailabilityZone').implement({
  description: 'An availability zone of the DWS project’s region',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The zone’s code: what createCluster’s `dws.availabilityZone` takes' }),
    name: t.exposeString('name', { nullable: true, description: 'Its display name' }),
    available: t.exposeBoolean('available', { description: 'Whether clusters can be created in it now' }),
    rawStatus: t.exposeString('rawStatus', { nullable: true, description: 'The vendor’s own status word' }),
    group: t.exposeString('group', { nullable: true, description: 'The zone group it belongs to, e.g. center' }),
  }),
});

const NodeTypeZoneRef = builder.objectRef<DwsNodeType['zones'][number]>('DwsNodeTypeZone').implement({
  description: 'A zone that offers a node flavor, and whether it has any left',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The zone’s code' }),
    available: t.exposeBoolean('available', { description: 'Whether the flavor can be ordered in this zone now (not sold out or withdrawn)' }),
    rawStatus: t.exposeString('rawStatus', { nullable: true, description: 'The vendor’s word: normal, sellout or abandon' }),
  }),
});

const KernelVersionRef = builder.objectRef<DwsNodeType['versions'][number]>('DwsKernelVersion').implement({
  description: 'A DWS kernel version a node flavor runs (a new cluster gets the newest stable one)',
  fields: (t) => ({
    version: t.exposeString('version', { description: 'The version, e.g. 8.1.3.200' }),
    stable: t.exposeBoolean('stable', { description: 'A stable release rather than a preview' }),
    rawRole: t.exposeString('rawRole', { nullable: true, description: 'The vendor’s word: STABLE or PREVIEW' }),
    minCoordinators: t.exposeInt('minCoordinators', { nullable: true, description: 'Fewest coordinator nodes (CNs) it allows' }),
    maxCoordinators: t.exposeInt('maxCoordinators', { nullable: true, description: 'Most coordinator nodes (CNs) it allows' }),
  }),
});

const StorageRef = builder.objectRef<NonNullable<DwsNodeType['storage']>>('DwsStorage').implement({
  description: 'Fixed storage per node',
  fields: (t) => ({
    type: t.exposeString('type', { nullable: true, description: 'The disk type, e.g. SSD' }),
    sizeBytes: t.exposeFloat('sizeBytes', { nullable: true, description: 'Its size in bytes (a Float: sizes pass 2^31)' }),
  }),
});

const ElasticStorageRef = builder.objectRef<DwsNodeType['elasticStorage'][number]>('DwsElasticStorage').implement({
  description: 'Elastic storage a node can have: any size from the least to the most, in steps',
  fields: (t) => ({
    type: t.exposeString('type', { nullable: true, description: 'The cloud disk type, e.g. SSD' }),
    minBytes: t.exposeFloat('minBytes', { nullable: true, description: 'The least, in bytes' }),
    maxBytes: t.exposeFloat('maxBytes', { nullable: true, description: 'The most, in bytes' }),
    stepBytes: t.exposeFloat('stepBytes', { nullable: true, description: 'The increment, in bytes' }),
  }),
});

const NodeTypeRef = builder.objectRef<DwsNodeType>('DwsNodeType').implement({
  description: 'A node flavor a DWS cluster can be built of',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The flavor’s id: what createCluster’s `dws.nodeType` takes' }),
    specName: t.exposeString('specName', { description: 'Its name, e.g. dws.m3.xlarge' }),
    product: t.exposeString('product', { nullable: true, description: 'dws (cloud data warehouse) or hybrid (hybrid data warehouse)' }),
    architecture: t.exposeString('architecture', { nullable: true, description: 'x86 or arm' }),
    vcpus: t.exposeInt('vcpus', { nullable: true, description: 'Virtual CPUs per node' }),
    memoryBytes: t.exposeFloat('memoryBytes', { nullable: true, description: 'Memory per node, in bytes' }),
    zones: t.field({ type: [NodeTypeZoneRef], description: 'The zones that offer it, and whether each has any left', resolve: (n) => n.zones }),
    versions: t.field({ type: [KernelVersionRef], description: 'The kernel versions it runs', resolve: (n) => n.versions }),
    storage: t.field({ type: StorageRef, nullable: true, description: 'Fixed storage per node; null for elastic storage', resolve: (n) => n.storage }),
    elasticStorage: t.field({ type: [ElasticStorageRef], description: 'Elastic storage per node, where it has any', resolve: (n) => n.elasticStorage }),
  }),
});

const QuotaRef = builder.objectRef<DwsQuota>('DwsQuota').implement({
  description: 'One of the DWS project’s quotas and how much of it is used',
  fields: (t) => ({
    resource: t.exposeString('resource', { description: 'What it counts, in the vendor’s words: instances, core, ram, disk, disk_capacity' }),
    used: t.exposeInt('used', { description: 'How much is used' }),
    limit: t.exposeInt('limit', { description: 'How much the project may use' }),
    remaining: t.int({ description: 'How much more a new cluster may take (never below 0)', resolve: (q) => Math.max(0, q.limit - q.used) }),
    unit: t.exposeString('unit', { nullable: true, description: 'GB for sizes; null for counts' }),
  }),
});

/** An alarm under its source, for the global ids it links to. */
interface SourcedAlarm extends DwsAlarm {
  sourceId: string;
}

const AlarmRef = builder.objectRef<SourcedAlarm>('DwsAlarm').implement({
  description: 'A DWS alarm, with whether it is still raised; also in the unified events list (category alarm)',
  fields: (t) => ({
    eventId: t.id({
      description: 'Global id of the same alarm as an Event',
      resolve: (a) => encodeGlobalId({ type: 'Event', sourceId: a.sourceId, nativeId: a.eventNativeId }),
    }),
    definitionId: t.exposeString('definitionId', { description: 'The alarm’s definition, e.g. DWS_01010' }),
    name: t.exposeString('name', { nullable: true, description: 'What it is, e.g. Cluster Status Fault' }),
    active: t.exposeBoolean('active', { description: 'Still raised; false once cleared' }),
    rawStatus: t.exposeString('rawStatus', { nullable: true, description: 'The vendor’s word: "0" raised, "1" cleared' }),
    severity: t.expose('severity', { type: EventSeverityEnum, description: 'Its level in the unified words' }),
    rawLevel: t.exposeString('rawLevel', { nullable: true, description: 'The vendor’s level: 1 urgent, 2 important, 3 minor, 4 prompt' }),
    clusterId: t.id({
      nullable: true,
      description: 'Global id of the cluster it is about, where it names one',
      resolve: (a) => (a.clusterNativeId ? encodeGlobalId({ type: 'Cluster', sourceId: a.sourceId, nativeId: a.clusterNativeId }) : null),
    }),
    resourceName: t.exposeString('resourceName', { nullable: true, description: 'The name of what it is about' }),
    message: t.exposeString('message', { nullable: true, description: 'The vendor’s message' }),
    location: t.exposeString('location', { nullable: true, description: 'Where it was raised, in the vendor’s words' }),
    source: t.exposeString('source', { nullable: true, description: 'The service that raised it, e.g. DWS' }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime', description: 'When it was raised' }),
  }),
});

const AlarmDayRef = builder.objectRef<DwsAlarmDay>('DwsAlarmDay').implement({
  description: 'DWS alarms raised on one day (UTC), by level',
  fields: (t) => ({
    date: t.exposeString('date', { description: 'The day, YYYY-MM-DD in UTC' }),
    urgent: t.exposeInt('urgent', { description: 'Urgent alarms (level 1)' }),
    important: t.exposeInt('important', { description: 'Important alarms (level 2)' }),
    minor: t.exposeInt('minor', { description: 'Minor alarms (level 3)' }),
    prompt: t.exposeInt('prompt', { description: 'Prompt alarms (level 4)' }),
  }),
});

const SnapshotStrategyRef = builder.objectRef<DwsSnapshotPolicy['strategies'][number]>('DwsSnapshotStrategy').implement({
  description: 'One schedule of a DWS cluster’s snapshot policy',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s id of it: what an edit in dwsSetSnapshotPolicy and dwsDeleteSnapshotStrategy name' }),
    name: t.exposeString('name', { nullable: true, description: 'Its name, unique in the policy' }),
    schedule: t.exposeString('schedule', {
      nullable: true,
      description: 'When it runs: a Quartz cron expression (second minute hour day-of-month month day-of-week, 1 = Sunday), e.g. "0 0 2 ? * 1"',
    }),
    type: t.exposeString('type', { nullable: true, description: 'The vendor’s word: full or increment' }),
    level: t.exposeString('level', { nullable: true, description: 'What it snapshots: cluster' }),
    nextRunAt: t.expose('nextRunAt', { type: 'DateTime', nullable: true, description: 'When it is next due (it is skipped if it clashes with another task)' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
    timeZoneOffsetHours: t.exposeInt('timeZoneOffsetHours', { nullable: true, description: 'Hours from UTC the schedule is read in' }),
  }),
});

const SnapshotPolicyRef = builder.objectRef<DwsSnapshotPolicy>('DwsSnapshotPolicy').implement({
  description: 'When a DWS cluster takes automated snapshots, where they go and how long they are kept',
  fields: (t) => ({
    automated: t.exposeBoolean('automated', { description: 'Whether automated snapshots are on' }),
    retentionDays: t.exposeInt('retentionDays', { nullable: true, description: 'Days automated snapshots are kept' }),
    device: t.exposeString('device', { nullable: true, description: 'Where snapshots go: OBS, NBU or NFS' }),
    serverIps: t.exposeStringList('serverIps', { description: 'The NBU or NFS servers’ addresses; empty for OBS' }),
    serverPort: t.exposeString('serverPort', { nullable: true, description: 'The NBU server’s port' }),
    clusterStrategyLimit: t.exposeInt('clusterStrategyLimit', { nullable: true, description: 'The most cluster-level strategies it may hold' }),
    schemaStrategyLimit: t.exposeInt('schemaStrategyLimit', { nullable: true, description: 'The most schema-level strategies it may hold' }),
    strategies: t.field({ type: [SnapshotStrategyRef], description: 'Its schedules', resolve: (p) => p.strategies }),
  }),
});

const ParameterStatusEnum = builder.enumType('DwsParameterStatus', {
  description: 'Where a DWS parameter template stands with its cluster',
  values: {
    IN_SYNC: { description: 'Applied (In-Sync)' },
    APPLYING: { description: 'Being applied (Applying)' },
    PENDING_REBOOT: { description: 'Applied; takes effect when the cluster restarts (Pending-Reboot)' },
    SYNC_FAILURE: { description: 'Could not be applied (Sync-Failure): see failReason' },
    UNKNOWN: { description: 'A word the document does not list: see rawStatus' },
  } as const,
});

const ParameterRoleEnum = builder.enumType('DwsParameterRole', {
  description: 'The nodes a DWS parameter value is for',
  values: {
    CN: { value: PARAMETER_ROLES.CN, description: 'The coordinator nodes' },
    DN: { value: PARAMETER_ROLES.DN, description: 'The data nodes' },
  } as const,
});

const ParameterRef = builder.objectRef<DwsParameter>('DwsParameter').implement({
  description: 'A database parameter of a DWS cluster, with its value on the CNs and DNs',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, e.g. enable_constraint_optimization: what dwsSetParameters’ values name' }),
    type: t.exposeString('type', { nullable: true, description: 'boolean, string, integer, float or list' }),
    unit: t.exposeString('unit', { nullable: true, description: 'The unit of its value, where it has one' }),
    readOnly: t.exposeBoolean('readOnly', { description: 'Whether it cannot be changed' }),
    valueRange: t.exposeString('valueRange', { nullable: true, description: 'The values it takes, in the vendor’s notation: on|off, min~max, a|b|c' }),
    restartRequired: t.exposeBoolean('restartRequired', { description: 'Whether a change takes effect only after a restart' }),
    description: t.exposeString('description', { nullable: true, description: 'The vendor’s description' }),
    cnValue: t.exposeString('cnValue', { nullable: true, description: 'Its value on the coordinator nodes (CNs)' }),
    cnDefault: t.exposeString('cnDefault', { nullable: true, description: 'Its default there' }),
    dnValue: t.exposeString('dnValue', { nullable: true, description: 'Its value on the data nodes (DNs)' }),
    dnDefault: t.exposeString('dnDefault', { nullable: true, description: 'Its default there' }),
  }),
});

/** A template under its cluster, for the parameters it holds. */
interface ClusterTemplate extends DwsParameterTemplate {
  clusterNativeId: string;
  vendor: DwsVendor;
}

const ParameterTemplateRef = builder.objectRef<ClusterTemplate>('DwsParameterTemplate').implement({
  description: 'A parameter template associated with a DWS cluster',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s id of it: what dwsSetParameters’ templateId takes' }),
    name: t.exposeString('name', { nullable: true, description: 'Its name, e.g. Default-Parameter-Template-DWS-8_2_0' }),
    type: t.exposeString('type', {
      nullable: true,
      description:
        'The vendor’s word: parameterGroup holds the database parameters; GUConfig, OBSConfig, securityParameterGroup and hiddenParameterGroup are DWS’s own',
    }),
    status: t.expose('status', { type: ParameterStatusEnum, description: 'Whether it is applied' }),
    rawStatus: t.exposeString('rawStatus', { nullable: true, description: 'The vendor’s word: In-Sync, Applying, Pending-Reboot or Sync-Failure' }),
    failReason: t.exposeString('failReason', { nullable: true, description: 'Why it could not be applied' }),
    parameters: t.field({
      type: [ParameterRef],
      nullable: true,
      description: 'The parameters it holds (one vendor call per template); empty for templates DWS keeps to itself, null where the cluster is gone',
      resolve: (tpl, _args, ctx) => tpl.vendor.parameters(ctx.scope, tpl.clusterNativeId, tpl.nativeId),
    }),
  }),
});

const EipRef = builder.objectRef<DwsEip>('DwsEip').implement({
  description: 'The elastic IP a DWS cluster is reached at from the internet',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { nullable: true, description: 'The EIP’s id' }),
    bindType: t.exposeString('bindType', { nullable: true, description: 'How it was bound, in the vendor’s words: auto_assign or bind_existing' }),
  }),
});

const LoadBalancerRef = builder.objectRef<DwsLoadBalancer>('DwsLoadBalancer').implement({
  description: 'The ELB a DWS cluster is bound to',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The ELB’s id' }),
    name: t.exposeString('name', { nullable: true, description: 'Its name' }),
    publicIp: t.exposeString('publicIp', { nullable: true, description: 'Its public address' }),
    privateIp: t.exposeString('privateIp', { nullable: true, description: 'Its private address' }),
    privateEndpoint: t.exposeString('privateEndpoint', { nullable: true, description: 'address:port the cluster is reached at through it' }),
    vpcId: t.exposeString('vpcId', { nullable: true, description: 'The VPC it is in' }),
  }),
});

const BindableLoadBalancerRef = builder.objectRef<DwsBindableLoadBalancer>('DwsBindableLoadBalancer').implement({
  description: 'An ELB of a DWS cluster’s VPC it can be bound to',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The ELB’s id: what dwsBindLoadBalancer’s elbId takes' }),
    name: t.exposeString('name', { nullable: true, description: 'Its name' }),
    description: t.exposeString('description', { nullable: true, description: 'Its description' }),
    address: t.exposeString('address', { nullable: true, description: 'Its virtual IP address' }),
    subnetId: t.exposeString('subnetId', { nullable: true, description: 'The subnet of that address' }),
    type: t.exposeString('type', { nullable: true, description: 'Internal (dedicated) or External (shared)' }),
    up: t.exposeBoolean('up', { nullable: true, description: 'Whether it is administratively up' }),
    bandwidth: t.exposeInt('bandwidth', { nullable: true, description: 'Its bandwidth, in the vendor’s figure' }),
    vpcId: t.exposeString('vpcId', { nullable: true, description: 'Its VPC' }),
    bound: t.exposeBoolean('bound', { description: 'Whether it is the one bound to this cluster' }),
  }),
});

const WorkloadRef = builder.objectRef<DwsWorkload>('DwsWorkload').implement({
  description: 'A DWS cluster’s resource management: whether queries are admitted through resource pools, and how many run at once',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Whether resource management is on (the default for new clusters)' }),
    rawSwitch: t.exposeString('rawSwitch', { nullable: true, description: 'The vendor’s word: on or off' }),
    maxConcurrency: t.exposeInt('maxConcurrency', { nullable: true, description: 'The most queries that run at once' }),
  }),
});

const AuditDumpRef = builder.objectRef<DwsAuditDump>('DwsAuditDump').implement({
  description: 'One dump of a DWS cluster’s audit log to an OBS bucket',
  fields: (t) => ({
    result: t.exposeString('result', { nullable: true, description: 'The vendor’s word for how it went, e.g. RUNNING' }),
    executedAt: t.expose('executedAt', { type: 'DateTime', nullable: true, description: 'When it ran' }),
    startsAt: t.expose('startsAt', { type: 'DateTime', nullable: true, description: 'The start of the span of audit log it dumped' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true, description: 'The end of that span' }),
    bucket: t.exposeString('bucket', { nullable: true, description: 'The OBS bucket it went to' }),
    prefix: t.exposeString('prefix', { nullable: true, description: 'The object prefix in that bucket' }),
    failedReason: t.exposeString('failedReason', { nullable: true, description: 'Why it failed, where it did' }),
  }),
});

/** What `Cluster.details` is for a DWS cluster: its own settings, each read only when selected. */
export interface DwsClusterDetailsRoot {
  kind: 'dws';
  clusterNativeId: string;
  vendor: DwsVendor;
}

export const DwsClusterDetailsRef = builder.objectRef<DwsClusterDetailsRoot>('DwsClusterDetails').implement({
  description: 'What DWS alone knows about a cluster',
  fields: (t) => ({
    snapshotPolicy: t.field({
      type: SnapshotPolicyRef,
      nullable: true,
      description: 'Its snapshot policy (one vendor call); null where the cluster is gone, or with an error where the call failed',
      resolve: (d, _args, ctx) => d.vendor.snapshotPolicy(ctx.scope, d.clusterNativeId),
    }),
    eip: t.field({
      type: EipRef,
      nullable: true,
      description: 'The elastic IP it is bound to (from its detail, one vendor call shared with the other fields that read it); null where it has none',
      resolve: async (d, _args, ctx) => (await d.vendor.bindings(ctx.scope, d.clusterNativeId))?.eip ?? null,
    }),
    loadBalancer: t.field({
      type: LoadBalancerRef,
      nullable: true,
      description: 'The ELB it is bound to (from its detail, as eip); null where it has none',
      resolve: async (d, _args, ctx) => (await d.vendor.bindings(ctx.scope, d.clusterNativeId))?.loadBalancer ?? null,
    }),
    bindableLoadBalancers: t.field({
      type: [BindableLoadBalancerRef],
      nullable: true,
      description: 'The ELBs of its VPC it can be bound to (one vendor call); null where the cluster is gone. DWS has no read of its domain names.',
      resolve: (d, _args, ctx) => d.vendor.bindableLoadBalancers(ctx.scope, d.clusterNativeId),
    }),
    auditDumps: t.field({
      type: [AuditDumpRef],
      nullable: true,
      description:
        'Its audit log dumps to OBS, as DWS lists them (one vendor call); null where the cluster is gone. The document has no way to change the dump setting.',
      resolve: (d, _args, ctx) => d.vendor.auditDumps(ctx.scope, d.clusterNativeId),
    }),
    workload: t.field({
      type: WorkloadRef,
      nullable: true,
      description: 'Its resource management (one vendor call); null where the cluster is gone',
      resolve: (d, _args, ctx) => d.vendor.workload(ctx.scope, d.clusterNativeId),
    }),
    resourcePools: t.stringList({
      nullable: true,
      description: 'The names of its resource pools (one vendor call; DWS lists no more of them); null where the cluster is gone',
      args: { logicalCluster: t.arg.string({ description: 'The logical cluster whose pools to list; required by DWS in logical cluster mode' }) },
      resolve: (d, args, ctx) => d.vendor.resourcePools(ctx.scope, d.clusterNativeId, args.logicalCluster ?? undefined),
    }),
    parameterTemplates: t.field({
      type: [ParameterTemplateRef],
      nullable: true,
      description:
        'Its parameter templates and whether each is applied (one vendor call, and one per template whose parameters are read); the parameterGroup template holds the database parameters',
      resolve: async (d, _args, ctx) =>
        (await d.vendor.parameterTemplates(ctx.scope, d.clusterNativeId))?.map((tpl) => ({ ...tpl, clusterNativeId: d.clusterNativeId, vendor: d.vendor })) ??
        null,
    }),
  }),
});

const BackupTypeEnum = builder.enumType('DwsBackupType', {
  description: 'What a DWS snapshot strategy takes',
  values: {
    FULL: { value: BACKUP_TYPES.FULL, description: 'A full snapshot' },
    INCREMENT: { value: BACKUP_TYPES.INCREMENT, description: 'What changed since the last snapshot' },
  } as const,
});

const BackupDeviceEnum = builder.enumType('DwsBackupDevice', {
  description: 'Where a DWS cluster’s snapshots go',
  values: {
    OBS: { value: BACKUP_DEVICES.OBS, description: 'Object storage (the default)' },
    NBU: { value: BACKUP_DEVICES.NBU, description: 'A NetBackup server: give serverIps, serverPort and backupParam' },
    NFS: { value: BACKUP_DEVICES.NFS, description: 'An NFS server: give serverIps' },
  } as const,
});

const SnapshotStrategyInput = builder.inputType('DwsSnapshotStrategyInput', {
  description: 'A strategy to add (no nativeId: name and schedule required) or to edit (its nativeId; what is given changes)',
  fields: (t) => ({
    nativeId: t.string({ description: 'The strategy to edit; absent: a new one' }),
    name: t.string({ description: '4 to 92 characters: a letter first, then letters, digits, - and _; unique in the policy' }),
    schedule: t.string({ description: 'A Quartz cron expression, e.g. "0 0 3 ? * 1,2,3,4,5,6,7" (03:00 every day)' }),
    type: t.field({ type: BackupTypeEnum, description: 'Full or incremental; absent on a new strategy: full' }),
  }),
});

const SnapshotPolicyInput = builder.inputType('DwsSnapshotPolicyInput', {
  description: 'What to change of a DWS cluster’s snapshot policy: only what is given changes; at least one field',
  fields: (t) => ({
    retentionDays: t.int({ description: 'Days automated snapshots are kept, 1 to 31' }),
    strategies: t.field({ type: [SnapshotStrategyInput], description: 'Strategies to add or edit; the others stay' }),
    device: t.field({ type: BackupDeviceEnum, description: 'Where snapshots go' }),
    serverIps: t.stringList({ description: 'The NBU or NFS servers’ addresses' }),
    serverPort: t.string({ description: 'The NBU server’s port' }),
    backupParam: t.string({ description: 'NBU backup parameters; sent to the vendor only' }),
  }),
});

const ParameterValueInput = builder.inputType('DwsParameterValueInput', {
  description: 'A parameter’s new value on the CNs or on the DNs',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The parameter, e.g. enable_constraint_optimization' }),
    role: t.field({ type: ParameterRoleEnum, required: true, description: 'The nodes it is for' }),
    value: t.string({ required: true, description: 'The value, in the parameter’s valueRange' }),
  }),
});

// ---- Alarm and event subscriptions ----

/** An enum value per vendor word of `words` (inputs.ts), for what a subscription filters by. */
const wordValues = <W extends Record<string, string>>(words: W) =>
  Object.fromEntries(Object.entries(words).map(([name, word]) => [name, { value: word, description: `DWS’s "${word}"` }])) as {
    [K in keyof W]: { value: W[K]; description: string };
  };

const AlarmLevelEnum = builder.enumType('DwsAlarmLevel', {
  description: 'An alarm level an alarm subscription notifies of',
  values: wordValues(ALARM_LEVELS),
});
const EventSourceTypeEnum = builder.enumType('DwsEventSourceType', {
  description: 'What an event an event subscription notifies of is about',
  values: wordValues(EVENT_SOURCE_TYPES),
});
const EventCategoryEnum = builder.enumType('DwsEventCategory', {
  description: 'A category of events an event subscription notifies of',
  values: wordValues(EVENT_CATEGORIES),
});
const EventSeverityFilterEnum = builder.enumType('DwsEventSeverity', {
  description: 'A severity of events an event subscription notifies of',
  values: wordValues(EVENT_SEVERITIES),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type SubscriptionFields = PothosSchemaTypes.ObjectFieldBuilder<Types, DwsSubscription>;

/** What both kinds of subscription show. */
const subscriptionFields = (t: SubscriptionFields) => ({
  nativeId: t.exposeString('nativeId', { description: 'The vendor’s id of it: what the update and delete mutations take' }),
  name: t.exposeString('name', { description: 'Its name' }),
  enabled: t.exposeBoolean('enabled', { description: 'Whether it notifies' }),
  topicUrn: t.exposeString('topicUrn', { nullable: true, description: 'The SMN topic it notifies, by URN' }),
  topicName: t.exposeString('topicName', { nullable: true, description: 'That topic’s name' }),
  topicType: t.exposeString('topicType', { nullable: true, description: 'The topic’s kind: SMN, the only one DWS supports' }),
  language: t.exposeString('language', { nullable: true, description: 'The language of its notices, e.g. zh-cn' }),
  timeZone: t.exposeString('timeZone', { nullable: true, description: 'The time zone its notices are written in, e.g. GMT+08:00' }),
});

const AlarmSubscriptionRef = builder.objectRef<DwsSubscription>('DwsAlarmSubscription').implement({
  description: 'Who DWS tells of its alarms, through which SMN topic',
  fields: (t) => ({
    ...subscriptionFields(t),
    levels: t.exposeStringList('levels', { description: 'The alarm levels it notifies of, in the vendor’s words (DwsAlarmLevel’s values); empty: all' }),
  }),
});

const EventSubscriptionRef = builder.objectRef<DwsSubscription>('DwsEventSubscription').implement({
  description: 'Who DWS tells of its events, through which SMN topic',
  fields: (t) => ({
    ...subscriptionFields(t),
    sourceTypes: t.exposeStringList('sourceTypes', {
      description: 'What the events are about, in the vendor’s words (DwsEventSourceType’s values); empty: all',
    }),
    sourceId: t.exposeString('sourceId', { nullable: true, description: 'The one object whose events it notifies of; null: all' }),
    categories: t.exposeStringList('categories', { description: 'The categories it notifies of (DwsEventCategory’s values); empty: all' }),
    severities: t.exposeStringList('severities', { description: 'The severities it notifies of (DwsEventSeverity’s values); empty: all' }),
    tag: t.exposeString('tag', { nullable: true, description: 'The event tag it notifies of; null: all' }),
  }),
});

const SUBSCRIPTION_COMMON_INPUT = {
  name: 'A name (required to create)',
  topicUrn: 'The SMN topic to notify, by URN, e.g. urn:smn:cn-north-4:<project id>:<topic> (required to create)',
  topicName: 'That topic’s name (required to create)',
} as const;

const AlarmSubscriptionInput = builder.inputType('DwsAlarmSubscriptionInput', {
  description: 'An alarm subscription to create, or what to change of one: only what is given changes',
  fields: (t) => ({
    name: t.string({ description: SUBSCRIPTION_COMMON_INPUT.name }),
    enabled: t.boolean({ description: 'Whether it notifies; absent on a new one: DWS’s default' }),
    levels: t.field({ type: [AlarmLevelEnum], description: 'The levels to notify of; empty: all' }),
    topicUrn: t.string({ description: SUBSCRIPTION_COMMON_INPUT.topicUrn }),
    topicName: t.string({ description: SUBSCRIPTION_COMMON_INPUT.topicName }),
    timeZone: t.string({ description: 'The time zone of its notices, e.g. GMT+08:00: required to create, and fixed once created' }),
  }),
});

const EventSubscriptionInput = builder.inputType('DwsEventSubscriptionInput', {
  description: 'An event subscription to create, or what to change of one: only what is given changes',
  fields: (t) => ({
    name: t.string({ description: SUBSCRIPTION_COMMON_INPUT.name }),
    enabled: t.boolean({ description: 'Whether it notifies; absent on a new one: DWS’s default' }),
    sourceTypes: t.field({ type: [EventSourceTypeEnum], description: 'What the events are about; empty: all' }),
    sourceId: t.string({ description: 'The one object whose events to notify of; empty: all' }),
    categories: t.field({ type: [EventCategoryEnum], description: 'The categories to notify of; empty: all' }),
    severities: t.field({ type: [EventSeverityFilterEnum], description: 'The severities to notify of; empty: all' }),
    tag: t.string({ description: 'The event tag to notify of; empty: all' }),
    topicUrn: t.string({ description: SUBSCRIPTION_COMMON_INPUT.topicUrn }),
    topicName: t.string({ description: SUBSCRIPTION_COMMON_INPUT.topicName }),
    timeZone: t.string({ description: 'The time zone of its notices, e.g. GMT+08:00 (absent: DWS’s default), fixed once created' }),
  }),
});

const DomainNameTypeEnum = builder.enumType('DwsDomainNameType', {
  description: 'A DWS cluster’s domain names: a private one from its creation, a public one once applied for',
  values: {
    PUBLIC: { value: DOMAIN_NAME_TYPES.PUBLIC, description: 'Reached from the internet' },
    PRIVATE: { value: DOMAIN_NAME_TYPES.PRIVATE, description: 'Reached from the cluster’s VPC' },
  } as const,
});

const DomainNameInput = builder.inputType('DwsDomainNameInput', {
  description: 'A DWS cluster’s domain name',
  fields: (t) => ({
    type: t.field({ type: DomainNameTypeEnum, required: true, description: 'Which of its names' }),
    name: t.string({ required: true, description: 'The name' }),
    ttl: t.int({ description: 'Seconds its SOA record set is cached, 300 to 2147483647; absent: 300' }),
  }),
});

const ResourceInput = builder.inputType('DwsResourceInput', {
  description: 'One resource setting of a resource pool',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The resource, in DWS’s words (the document lists none: e.g. CPU share, memory, storage, concurrency)' }),
    value: t.int({ required: true, description: 'Its value; -1 or 0: no limit, as the document’s example has it' }),
  }),
});

const ResourcePoolInput = builder.inputType('DwsResourcePoolInput', {
  description: 'A resource pool of a DWS cluster',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Its name' }),
    logicalCluster: t.string({ description: 'The logical cluster it belongs to, in logical cluster mode' }),
    resources: t.field({ type: [ResourceInput], required: true, description: 'Its resource settings' }),
  }),
});

const DwsSourceRef = builder.objectRef<VendorRoot<DwsVendor>>('DwsSource').implement({
  description: 'What a DWS source has beyond the unified lists: what a createCluster form offers, and its alarms with their state',
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', { description: 'The source, by the id the config gives it' }),
    availabilityZones: t.field({
      type: [AvailabilityZoneRef],
      description: 'The availability zones of the project’s region, in the vendor’s order',
      resolve: (root, _args, ctx) => root.vendor.availabilityZones(ctx.scope),
    }),
    nodeTypes: t.field({
      type: [NodeTypeRef],
      description: 'The node flavors, in the vendor’s order, with the zones that sell each and its kernel versions',
      resolve: (root, _args, ctx) => root.vendor.nodeTypes(ctx.scope),
    }),
    quotas: t.field({
      type: [QuotaRef],
      description: 'The project’s quotas, which a new cluster’s nodes count against',
      resolve: (root, _args, ctx) => root.vendor.quotas(ctx.scope),
    }),
    alarmStatistics: t.field({
      type: [AlarmDayRef],
      description: 'Alarms raised per day and level over the last seven days, oldest first (one vendor call)',
      resolve: (root, _args, ctx) => root.vendor.alarmStatistics(ctx.scope),
    }),
    alarmSubscriptions: t.field({
      type: [AlarmSubscriptionRef],
      description: 'Who is told of the project’s alarms (every page the vendor has)',
      resolve: (root, _args, ctx) => root.vendor.subscriptions(ctx.scope, 'alarm'),
    }),
    eventSubscriptions: t.field({
      type: [EventSubscriptionRef],
      description: 'Who is told of the project’s events (every page the vendor has)',
      resolve: (root, _args, ctx) => root.vendor.subscriptions(ctx.scope, 'event'),
    }),
    alarms: t.field({
      type: [AlarmRef],
      description: 'The project’s alarms, newest first (every page the vendor has)',
      args: { active: t.arg.boolean({ description: 'true: only those still raised; false: only cleared ones; absent: all' }) },
      resolve: async (root, args, ctx) => (await root.vendor.alarms(ctx.scope, args.active ?? undefined)).map((a) => ({ ...a, sourceId: root.sourceId })),
    }),
  }),
});

builder.queryFields((t) => ({
  dws: t.field({
    type: DwsSourceRef,
    description: 'A DWS source’s own capabilities (what its create form offers, its alarms), by its config id',
    args: { sourceId: t.arg.string({ required: true, description: 'A DWS source’s id from the config' }) },
    resolve: (_root, args, ctx) => vendorRoot<DwsVendor>(ctx, args.sourceId, 'dws', 'DWS'),
  }),
}));

builder.mutationFields((t) => ({
  dwsResetPassword: t.field({
    ...mutationOptions,
    description: 'Gives a DWS cluster’s database administrator a new password; done when DWS answers (no workflow). The password goes to the vendor only.',
    args: {
      id: t.arg.id(CLUSTER_ID),
      newPassword: t.arg.string({
        required: true,
        description: '12 to 32 characters, three of: uppercase, lowercase, digits, special characters; not the administrator’s name either way round',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsResetPassword');
      return payload(target.adapter, await target.run.resetPassword(ctx.scope, target.nativeId, args.newPassword));
    },
  }),
  dwsCancelReadOnly: t.field({
    ...mutationOptions,
    description: 'Ends the read-only state DWS puts a cluster in when its disks fill up (clusters of version 1.7.2 or later); done when DWS answers',
    args: { id: t.arg.id(CLUSTER_ID) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsCancelReadOnly');
      return payload(target.adapter, await target.run.cancelReadOnly(ctx.scope, target.nativeId));
    },
  }),
}));

builder.mutationFields((t) => ({
  dwsSetSnapshotPolicy: t.field({
    ...mutationOptions,
    description:
      'Changes a DWS cluster’s snapshot policy (operator role: it governs one cluster’s backups): retention, where snapshots go, strategies added or edited; done when DWS answers',
    args: {
      id: t.arg.id(CLUSTER_ID),
      input: t.arg({ type: SnapshotPolicyInput, required: true, description: 'What to change' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsSetSnapshotPolicy');
      const change: DwsSnapshotPolicyChange = withoutNulls(args.input);
      return payload(target.adapter, await target.run.setSnapshotPolicy(ctx.scope, target.nativeId, change));
    },
  }),
  dwsDeleteSnapshotStrategy: t.field({
    ...mutationOptions,
    description: 'Removes one strategy from a DWS cluster’s snapshot policy; done when DWS answers',
    args: {
      id: t.arg.id(CLUSTER_ID),
      strategyId: t.arg.string({ required: true, description: 'The strategy’s nativeId' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsDeleteSnapshotStrategy');
      return payload(target.adapter, await target.run.deleteSnapshotStrategy(ctx.scope, target.nativeId, args.strategyId));
    },
  }),
}));

builder.mutationFields((t) => ({
  dwsSetParameters: t.field({
    ...mutationOptions,
    description:
      'Changes database parameters of a DWS cluster (operator role: they govern one cluster). DWS applies them as a task: the answer is its workflow. Parameters that need a restart leave the template PENDING_REBOOT until the next one.',
    args: {
      id: t.arg.id(CLUSTER_ID),
      values: t.arg({ type: [ParameterValueInput], required: true, description: 'The new values, each for the CNs or the DNs' }),
      templateId: t.arg.string({ description: 'The template to change (a DwsParameterTemplate’s nativeId); absent: the cluster’s parameterGroup' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsSetParameters');
      const values: DwsParameterChange[] = args.values;
      return payload(target.adapter, await target.run.setParameters(ctx.scope, target.nativeId, values, args.templateId ?? undefined));
    },
  }),
}));

// ---- Subscriptions: admin mutations, as they govern who hears of the whole source ----

const adminMutation = { ...mutationOptions, authScopes: { admin: true } } as const;
const SOURCE_ID = { required: true, description: 'A DWS source’s id from the config' } as const;
const SUBSCRIPTION_ID = { required: true, description: 'The subscription’s nativeId' } as const;
const KIND_WORDS: Record<DwsSubscriptionKind, string> = { alarm: 'Alarm', event: 'Event' };

/** The DWS vendor of `sourceId` for subscription mutation `operation`. */
const dwsSource = (ctx: GatewayContext, sourceId: string, kind: DwsSubscriptionKind, verb: 'Create' | 'Update' | 'Delete') =>
  vendorSource<DwsVendor>(ctx, sourceId, 'dws', `dws${verb}${KIND_WORDS[kind]}Subscription`);

builder.mutationFields((t) => {
  const create = (kind: DwsSubscriptionKind, input: typeof AlarmSubscriptionInput | typeof EventSubscriptionInput) =>
    t.field({
      ...adminMutation,
      description: `Subscribes an SMN topic to a DWS source’s ${kind}s (admin role: it governs the whole source); done when DWS answers. Subscriptions have no global id: find the new one by name in dws { ${kind}Subscriptions }`,
      args: { sourceId: t.arg.string(SOURCE_ID), input: t.arg({ type: input, required: true, description: 'The subscription' }) },
      resolve: async (_root, args, ctx) => {
        const { adapter, vendor } = dwsSource(ctx, args.sourceId, kind, 'Create');
        const change: DwsAlarmSubscriptionChange | DwsEventSubscriptionChange = withoutNulls(args.input);
        return payload(adapter, await vendor.createSubscription(ctx.scope, kind, change));
      },
    });
  const update = (kind: DwsSubscriptionKind, input: typeof AlarmSubscriptionInput | typeof EventSubscriptionInput) =>
    t.field({
      ...adminMutation,
      description: `Changes a DWS ${kind} subscription (admin role): only what is given changes`,
      args: {
        sourceId: t.arg.string(SOURCE_ID),
        subscriptionId: t.arg.string(SUBSCRIPTION_ID),
        input: t.arg({ type: input, required: true, description: 'What to change' }),
      },
      resolve: async (_root, args, ctx) => {
        const { adapter, vendor } = dwsSource(ctx, args.sourceId, kind, 'Update');
        const change: DwsAlarmSubscriptionChange | DwsEventSubscriptionChange = withoutNulls(args.input);
        return payload(adapter, await vendor.updateSubscription(ctx.scope, kind, args.subscriptionId, change));
      },
    });
  const remove = (kind: DwsSubscriptionKind) =>
    t.field({
      ...adminMutation,
      description: `Removes a DWS ${kind} subscription (admin role)`,
      args: { sourceId: t.arg.string(SOURCE_ID), subscriptionId: t.arg.string(SUBSCRIPTION_ID) },
      resolve: async (_root, args, ctx) => {
        const { adapter, vendor } = dwsSource(ctx, args.sourceId, kind, 'Delete');
        return payload(adapter, await vendor.deleteSubscription(ctx.scope, kind, args.subscriptionId));
      },
    });
  return {
    dwsCreateAlarmSubscription: create('alarm', AlarmSubscriptionInput),
    dwsUpdateAlarmSubscription: update('alarm', AlarmSubscriptionInput),
    dwsDeleteAlarmSubscription: remove('alarm'),
    dwsCreateEventSubscription: create('event', EventSubscriptionInput),
    dwsUpdateEventSubscription: update('event', EventSubscriptionInput),
    dwsDeleteEventSubscription: remove('event'),
  };
});

// ---- A cluster's connections: operator mutations, as they change how one cluster is reached ----

builder.mutationFields((t) => ({
  dwsBindLoadBalancer: t.field({
    ...mutationOptions,
    description:
      'Binds one of the ELBs its VPC offers (DwsClusterDetails.bindableLoadBalancers) to a DWS cluster; DWS runs it as a task: the answer is its workflow',
    args: { id: t.arg.id(CLUSTER_ID), elbId: t.arg.string({ required: true, description: 'The ELB’s nativeId' }) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsBindLoadBalancer');
      return payload(target.adapter, await target.run.bindLoadBalancer(ctx.scope, target.nativeId, args.elbId));
    },
  }),
  dwsUnbindLoadBalancer: t.field({
    ...mutationOptions,
    description: 'Unbinds a DWS cluster’s ELB; DWS runs it as a task: the answer is its workflow',
    args: { id: t.arg.id(CLUSTER_ID) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsUnbindLoadBalancer');
      return payload(target.adapter, await target.run.unbindLoadBalancer(ctx.scope, target.nativeId));
    },
  }),
  dwsBindEip: t.field({
    ...mutationOptions,
    description: 'Binds an elastic IP to a DWS cluster, which is then reached at it from the internet; done when DWS answers',
    args: { id: t.arg.id(CLUSTER_ID), eipId: t.arg.string({ required: true, description: 'The EIP’s id' }) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsBindEip');
      return payload(target.adapter, await target.run.bindEip(ctx.scope, target.nativeId, args.eipId));
    },
  }),
  dwsUnbindEip: t.field({
    ...mutationOptions,
    description: 'Unbinds a DWS cluster’s elastic IP; done when DWS answers',
    args: { id: t.arg.id(CLUSTER_ID) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsUnbindEip');
      return payload(target.adapter, await target.run.unbindEip(ctx.scope, target.nativeId));
    },
  }),
  dwsCreateDomainName: t.field({
    ...mutationOptions,
    description: 'Applies for a domain name of a DWS cluster, of a type it has none of yet; done when DWS answers',
    args: { id: t.arg.id(CLUSTER_ID), input: t.arg({ type: DomainNameInput, required: true, description: 'The name' }) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsCreateDomainName');
      const change: DwsDomainNameChange = withoutNulls(args.input);
      return payload(target.adapter, await target.run.setDomainName(ctx.scope, target.nativeId, change, true));
    },
  }),
  dwsUpdateDomainName: t.field({
    ...mutationOptions,
    description: 'Changes a DWS cluster’s public or private domain name; done when DWS answers',
    args: { id: t.arg.id(CLUSTER_ID), input: t.arg({ type: DomainNameInput, required: true, description: 'The new name' }) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsUpdateDomainName');
      const change: DwsDomainNameChange = withoutNulls(args.input);
      return payload(target.adapter, await target.run.setDomainName(ctx.scope, target.nativeId, change, false));
    },
  }),
  dwsDeleteDomainName: t.field({
    ...mutationOptions,
    description: 'Deletes a DWS cluster’s public domain name (DWS keeps the private one); done when DWS answers',
    args: { id: t.arg.id(CLUSTER_ID) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsDeleteDomainName');
      return payload(target.adapter, await target.run.deletePublicDomainName(ctx.scope, target.nativeId));
    },
  }),
}));

// ---- Resource management: operator mutations, as they govern one cluster ----

const LOGICAL_CLUSTER = { description: 'The logical cluster, in logical cluster mode' } as const;

builder.mutationFields((t) => ({
  dwsSetWorkload: t.field({
    ...mutationOptions,
    description: 'Switches a DWS cluster’s resource management on or off, with the most queries that run at once; done when DWS answers',
    args: {
      id: t.arg.id(CLUSTER_ID),
      enabled: t.arg.boolean({ required: true, description: 'On or off' }),
      maxConcurrency: t.arg.int({ description: 'The most queries that run at once; absent: unchanged' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsSetWorkload');
      return payload(target.adapter, await target.run.setWorkload(ctx.scope, target.nativeId, args.enabled, args.maxConcurrency ?? undefined));
    },
  }),
  dwsCreateWorkloadPlan: t.field({
    ...mutationOptions,
    description: 'Creates a resource management plan on a DWS cluster; done when DWS answers. DWS has no read of plans.',
    args: { id: t.arg.id(CLUSTER_ID), name: t.arg.string({ required: true, description: 'The plan’s name' }), logicalCluster: t.arg.string(LOGICAL_CLUSTER) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsCreateWorkloadPlan');
      return payload(target.adapter, await target.run.createWorkloadPlan(ctx.scope, target.nativeId, args.name, args.logicalCluster ?? undefined));
    },
  }),
  dwsCreateResourcePool: t.field({
    ...mutationOptions,
    description: 'Creates a resource pool on a DWS cluster; done when DWS answers',
    args: { id: t.arg.id(CLUSTER_ID), input: t.arg({ type: ResourcePoolInput, required: true, description: 'The pool' }) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsCreateResourcePool');
      const pool: DwsResourcePoolChange = withoutNulls(args.input);
      return payload(target.adapter, await target.run.createResourcePool(ctx.scope, target.nativeId, pool));
    },
  }),
  dwsDeleteResourcePool: t.field({
    ...mutationOptions,
    description: 'Removes a resource pool from a DWS cluster; done when DWS answers',
    args: { id: t.arg.id(CLUSTER_ID), name: t.arg.string({ required: true, description: 'The pool’s name' }), logicalCluster: t.arg.string(LOGICAL_CLUSTER) },
    resolve: async (_root, args, ctx) => {
      const target = await dwsCluster(ctx, args.id, 'dwsDeleteResourcePool');
      return payload(target.adapter, await target.run.deleteResourcePool(ctx.scope, target.nativeId, args.name, args.logicalCluster ?? undefined));
    },
  }),
}));
