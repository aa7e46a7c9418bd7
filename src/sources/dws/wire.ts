import { z } from 'zod';

/** DWS's answers and request bodies (document 003), in the document's field names. */

// ---- Payload schemas: lenient, requiring only what the mapping cannot do without. ----

const tag = z.object({ key: z.string(), value: z.string().nullish() }).loose();
const node = z.object({ id: z.string(), name: z.string(), status: z.union([z.string(), z.number()]) }).loose();
const failedReason = z.object({ error_code: z.string().nullish(), error_msg: z.string().nullish() }).loose();

export const cluster = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    version: z.string().nullish(),
    created: z.string().nullish(),
    updated: z.string().nullish(),
    endpoints: z.array(z.object({ connect_info: z.string().nullish(), jdbc_url: z.string().nullish() }).loose()).nullish(),
    public_endpoints: z.array(z.object({ public_connect_info: z.string().nullish(), jdbc_url: z.string().nullish() }).loose()).nullish(),
    nodes: z.array(node).nullish(),
    tags: z.array(tag).nullish(),
    number_of_node: z.number().nullish(),
    availability_zone: z.string().nullish(),
    /** The database administrator, whose name a new password may not contain. */
    user_name: z.string().nullish(),
    action_progress: z.record(z.string(), z.string().nullish()).nullish(),
    sub_status: z.string().nullish(),
    task_status: z.string().nullish(),
    failed_reasons: failedReason.nullish(),
  })
  .loose();
export type ClusterWire = z.infer<typeof cluster>;

const cn = z.object({ id: z.string(), name: z.string(), private_ip: z.string().nullish() }).loose();
export type CnWire = z.infer<typeof cn>;

/** The three snapshot APIs show different subsets (5.5.2, 5.5.3, 5.5.5); this is their union. */
const snapshot = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    type: z.string().nullish(),
    description: z.string().nullish(),
    started: z.string().nullish(),
    finished: z.string().nullish(),
    size: z.number().nullish(),
    cluster_id: z.string().nullish(),
    progress: z.string().nullish(),
  })
  .loose();
export type SnapshotWire = z.infer<typeof snapshot>;

const event = z
  .object({
    event_id: z.string(),
    occur_time: z.number(),
    severity: z.string().nullish(),
    category: z.string().nullish(),
    source_type: z.string().nullish(),
    source_id: z.string().nullish(),
    source_name: z.string().nullish(),
    context: z.string().nullish(),
    display_name: z.string().nullish(),
    description: z.string().nullish(),
    name: z.string().nullish(),
  })
  .loose();
export type EventWire = z.infer<typeof event>;

const alarm = z
  .object({
    alarm_id: z.string(),
    alarm_name: z.string().nullish(),
    alarm_level: z.string().nullish(),
    alarm_source: z.string().nullish(),
    resource_id: z.string().nullish(),
    resource_id_name: z.string().nullish(),
    alarm_message: z.string().nullish(),
    alarm_location: z.string().nullish(),
    alarm_generate_date: z.string(),
    alarm_status: z.string().nullish(),
  })
  .loose();
export type AlarmWire = z.infer<typeof alarm>;

export const token = z
  .object({
    token: z
      .object({
        expires_at: z.string(),
        project: z.object({ id: z.string() }).loose(),
        catalog: z
          .array(
            z.object({ type: z.string(), endpoints: z.array(z.object({ region_id: z.string().nullish(), region: z.string().nullish() }).loose()) }).loose(),
          )
          .nullish(),
      })
      .loose(),
  })
  .loose();

export const clusterList = z.object({ clusters: z.array(cluster), count: z.number().nullish() }).loose();
/** The detail (5.2.3) adds what the list leaves out; of that, the EIP (table 5-29) and the bound ELB (table 5-35) are read. */
const clusterWithBindings = cluster.extend({
  public_ip: z.object({ public_bind_type: z.string().nullish(), eip_id: z.string().nullish() }).loose().nullish(),
  elb: z
    .object({
      id: z.string(),
      name: z.string().nullish(),
      public_ip: z.string().nullish(),
      private_ip: z.string().nullish(),
      private_endpoint: z.string().nullish(),
      vpc_id: z.string().nullish(),
    })
    .loose()
    .nullish(),
});
export type ClusterDetailWire = z.infer<typeof clusterWithBindings>;
export const clusterDetail = z.object({ cluster: clusterWithBindings }).loose();
/** `min_num`/`max_num`: the CN counts this cluster can have (5.3.1). */
export const cnList = z.object({ min_num: z.number().nullish(), max_num: z.number().nullish(), instances: z.array(cn).nullish() }).loose();
export type CnListWire = z.infer<typeof cnList>;
export const snapshotList = z.object({ snapshots: z.array(snapshot), count: z.number().nullish() }).loose();
export const snapshotDetail = z.object({ snapshot }).loose();
export const eventList = z.object({ events: z.array(event), count: z.number() }).loose();
export const alarmList = z.object({ alarm_details: z.array(alarm), count: z.number() }).loose();

// ---- What a create form offers (5.1.1, 5.2.1, 5.10.1) ----

/** A count the tables type Integer and the examples write as a string ("3"): both are read, and nothing else. */
const count = z.union([z.number().int(), z.string().regex(/^\s*-?\d+\s*$/)]);

const availabilityZone = z
  .object({ code: z.string(), name: z.string().nullish(), status: z.string().nullish(), public_border_group: z.string().nullish() })
  .loose();
export type AvailabilityZoneWire = z.infer<typeof availabilityZone>;
export const availabilityZoneList = z.object({ availability_zones: z.array(availabilityZone) }).loose();

const nodeType = z
  .object({
    id: z.string(),
    spec_name: z.string(),
    datastore_type: z.string().nullish(),
    architecture: z.string().nullish(),
    vcpus: count.nullish(),
    ram: count.nullish(),
    available_zones: z.array(z.object({ code: z.string(), status: z.string().nullish() }).loose()).nullish(),
    datastores: z
      .array(
        z
          .object({
            version: z.string(),
            role: z.string().nullish(),
            attachments: z.object({ min_cn: count.nullish(), max_cn: count.nullish() }).loose().nullish(),
          })
          .loose(),
      )
      .nullish(),
    volume: z.object({ type: z.string().nullish(), size: count.nullish() }).loose().nullish(),
    elastic_volume_specs: z
      .array(z.object({ type: z.string().nullish(), step: count.nullish(), min_size: count.nullish(), max_size: count.nullish() }).loose())
      .nullish(),
  })
  .loose();
export type NodeTypeWire = z.infer<typeof nodeType>;
export const nodeTypeList = z.object({ node_types: z.array(nodeType) }).loose();

const quota = z.object({ type: z.string(), used: count, quota: count, unit: z.string().nullish() }).loose();
export type QuotaWire = z.infer<typeof quota>;
export const quotaList = z.object({ quotas: z.object({ resources: z.array(quota) }).loose() }).loose();

/** AlarmStatisticResponse (5.8.2): the table types the counts String, the example sends numbers. */
const alarmDay = z.object({ date: z.string(), urgent: count, important: count, minor: count, prompt: count }).loose();
export type AlarmDayWire = z.infer<typeof alarmDay>;
export const alarmStatistics = z.object({ alarm_statistics: z.array(alarmDay) }).loose();

// ---- A cluster's snapshot policy (5.5.4) ----

const snapshotStrategy = z
  .object({
    policy_id: z.string(),
    policy_name: z.string().nullish(),
    backup_strategy: z.string().nullish(),
    backup_type: z.string().nullish(),
    backup_level: z.string().nullish(),
    /** Epoch milliseconds, as a digit string in the example. */
    next_fire_time: z.union([z.string(), z.number()]).nullish(),
    update_time: z.string().nullish(),
    time_zone_offset: z.number().nullish(),
  })
  .loose();
export const snapshotPolicy = z
  .object({
    keep_day: z.number().nullish(),
    backup_strategies: z.array(snapshotStrategy).nullish(),
    device_name: z.string().nullish(),
    server_ips: z.array(z.string()).nullish(),
    server_port: z.string().nullish(),
    auto_backup: z.boolean().nullish(),
    backup_strategy_cluster_type_limit_num: z.number().nullish(),
    backup_strategy_schema_type_limit_num: z.number().nullish(),
  })
  .loose();
export type SnapshotPolicyWire = z.infer<typeof snapshotPolicy>;

// ---- A cluster's parameter templates and their parameters (5.12) ----

const parameterTemplate = z
  .object({ id: z.string(), name: z.string().nullish(), type: z.string().nullish(), status: z.string().nullish(), fail_reason: z.string().nullish() })
  .loose();
export type ParameterTemplateWire = z.infer<typeof parameterTemplate>;
export const parameterTemplateList = z.object({ configurations: z.array(parameterTemplate) }).loose();

const parameter = z
  .object({
    name: z.string(),
    values: z.array(z.object({ type: z.string(), value: z.string().nullish(), default_value: z.string().nullish() }).loose()).nullish(),
    unit: z.string().nullish(),
    type: z.string().nullish(),
    readonly: z.boolean().nullish(),
    value_range: z.string().nullish(),
    restart_required: z.boolean().nullish(),
    description: z.string().nullish(),
  })
  .loose();
export type ParameterWire = z.infer<typeof parameter>;
export const parameterList = z.object({ configurations: z.array(parameter) }).loose();

// ---- Alarm (5.8.3) and event (5.9.2) subscriptions ----

/** The two kinds share their shape: an alarm subscription filters by level, an event one by source, category, severity and tag. */
const subscription = z
  .object({
    id: z.string(),
    name: z.string(),
    enable: z.union([z.number(), z.string()]).nullish(),
    alarm_level: z.string().nullish(),
    source_type: z.string().nullish(),
    source_id: z.string().nullish(),
    category: z.string().nullish(),
    severity: z.string().nullish(),
    tag: z.string().nullish(),
    notification_target: z.string().nullish(),
    notification_target_name: z.string().nullish(),
    notification_target_type: z.string().nullish(),
    language: z.string().nullish(),
    time_zone: z.string().nullish(),
  })
  .loose();
export type SubscriptionWire = z.infer<typeof subscription>;
export const subscriptionAnswer = subscription;
export const alarmSubscriptionList = z.object({ alarm_subscriptions: z.array(subscription), count: z.number().nullish() }).loose();
/** Table 5-185 names the list `event_subscription`, its example `event_subscriptions`: either is read. */
export const eventSubscriptionList = z
  .object({ event_subscriptions: z.array(subscription).nullish(), event_subscription: z.array(subscription).nullish(), count: z.number().nullish() })
  .loose();

// ---- ELBs a cluster can be bound to (5.7.4) ----

const bindableElb = z
  .object({
    id: z.string(),
    cluster_id: z.string().nullish(),
    name: z.string().nullish(),
    description: z.string().nullish(),
    vip_address: z.string().nullish(),
    vip_subnet_id: z.string().nullish(),
    type: z.string().nullish(),
    admin_state_up: z.boolean().nullish(),
    bandwidth: z.number().nullish(),
    vpc_id: z.string().nullish(),
  })
  .loose();
export type BindableElbWire = z.infer<typeof bindableElb>;
export const bindableElbList = z.object({ elbs: z.array(bindableElb) }).loose();

// ---- Resource management (5.4) ----

export const workloadStatus = z
  .object({
    workload_status: z.object({ workload_switch: z.string().nullish(), max_concurrency_num: z.number().nullish() }).loose().nullish(),
  })
  .loose();
export type WorkloadStatusWire = z.infer<typeof workloadStatus>;
export const workloadQueues = z.object({ workload_queue_name_list: z.array(z.string()).nullish() }).loose();

// ---- Audit log dumps (5.13.1) ----

const auditDump = z
  .object({
    cluster_id: z.string().nullish(),
    executor_time: z.string().nullish(),
    begin_time: z.string().nullish(),
    end_time: z.string().nullish(),
    bucket_name: z.string().nullish(),
    location_prefix: z.string().nullish(),
    result: z.string().nullish(),
    failed_reason: z.string().nullish(),
  })
  .loose();
export type AuditDumpWire = z.infer<typeof auditDump>;
export const auditDumpList = z.object({ records: z.array(auditDump), count: z.number().nullish() }).loose();

/** Answers of the writes that name what they made; the others answer `{}` or nothing. */
export const createdCluster = z.object({ cluster: z.object({ id: z.string() }).loose() }).loose();
export const createdSnapshot = z.object({ snapshot: z.object({ id: z.string() }).loose() }).loose();
export const copiedSnapshot = z.object({ snapshot_id: z.string() }).loose();
export const anyAnswer = z.unknown();

// ---- Request bodies, in the document's field names ----

export interface TagWire {
  key: string;
  value: string;
}

/** CreateClusterInfo (5.2.4). */
export interface CreateClusterBody {
  cluster: {
    name: string;
    node_type: string;
    number_of_node: number;
    number_of_cn?: number;
    vpc_id: string;
    subnet_id: string;
    security_group_id: string;
    availability_zone: string;
    user_name: string;
    user_pwd: string;
    port?: number;
    public_ip?: { public_bind_type: 'auto_assign' };
    tags?: TagWire[];
  };
}

/** 5.2.7 */
export interface ResetPasswordBody {
  new_password: string;
}

/** 5.5.10: what is given changes; a strategy with a `policy_id` is edited, one without is added. */
export interface SnapshotPolicyBody {
  keep_day?: number;
  backup_strategies?: { policy_id?: string; policy_name?: string; backup_strategy?: string; backup_type?: string; backup_level?: 'cluster' }[];
  device_name?: string;
  server_ips?: string[];
  server_port?: string;
  backup_param?: string;
}

/** 5.12.3: each value for CNs or DNs (`type`). */
export interface ParametersBody {
  configurations: { type: string; name: string; value: string }[];
}

/** 5.8.4/5.8.5 and 5.9.3/5.9.4: filters are comma lists, empty for all; SMN is the only target type. `time_zone` only at creation. */
export interface SubscriptionBody {
  name: string;
  enable?: number;
  alarm_level?: string;
  source_type?: string;
  source_id?: string;
  category?: string;
  severity?: string;
  tag?: string;
  notification_target: string;
  notification_target_name: string;
  notification_target_type: 'SMN';
  time_zone?: string;
}

/** 5.7.1 / 5.7.2 */
export interface DomainNameBody {
  name: string;
  type: 'public' | 'private';
  ttl: number;
}

/** 5.4.6: the switch, and optionally the most concurrent queries. */
export interface WorkloadBody {
  workload_status: { workload_switch: 'on' | 'off'; max_concurrency_num?: number };
}

/** 5.4.4 */
export interface ResourcePoolBody {
  workload_queue: {
    workload_queue_name: string;
    logical_cluster_name?: string;
    workload_resource_item_list: { resource_name: string; resource_value: number }[];
  };
}

/** 5.4.2 */
export interface WorkloadPlanBody {
  plan_name: string;
  logical_cluster_name?: string;
}

export interface DeleteClusterBody {
  keep_last_manual_snapshot: number;
}

/** Scale-out (5.3.4): `create_node_only` and `auto_redistribute` keep their defaults (scale out, then redistribute). */
export interface ScaleOutBody {
  scale_out: { count: number };
}

export interface ShrinkBody {
  shrink_number: number;
}

/** `num` is the CN total after the addition (5.3.2). */
export interface AddCnsBody {
  num: number;
}

export interface RemoveCnsBody {
  instances: string[];
}

export interface CreateSnapshotBody {
  snapshot: { name: string; cluster_id: string; description?: string };
}

export interface RestoreBody {
  restore: { name: string; availability_zone?: string };
}

export interface CopySnapshotBody {
  backup_name: string;
  description?: string;
}
