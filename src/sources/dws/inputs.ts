import type { CreateClusterRequest, ScaleClusterRequest } from '../../model/operations.js';
import type { InputFields, InputShape, VendorInputs } from '../kit/inputs.js';

/** createCluster's `dws` block. */
export interface DwsClusterParams {
  nodeType: string;
  nodes: number;
  coordinators?: number;
  vpcId: string;
  subnetId: string;
  securityGroupId: string;
  availabilityZone: string;
  adminUser: string;
  adminPassword: string;
  port?: number;
  publicIp?: boolean;
}

/** The fields of scaleCluster's input DWS reads: one of the two per call. */
export interface DwsScaleParams {
  /** Data nodes wanted in total (resize or shrink). */
  nodeCount?: number;
  /** Coordinator nodes wanted in total. */
  coordinatorCount?: number;
}

/** createCluster as a DWS source receives it: the `dws` block beside the common fields. */
export type DwsCreateRequest = CreateClusterRequest & { dws?: DwsClusterParams };
export type DwsScaleRequest = ScaleClusterRequest & DwsScaleParams;

const CLUSTER: InputShape<DwsClusterParams> = {
  name: 'DwsClusterInput',
  description: 'createCluster’s parameters for a DWS source',
  fields: {
    nodeType: { type: 'String', required: true, description: 'Node flavor, e.g. dws.m3.xlarge' },
    nodes: { type: 'Int', required: true, description: 'Data nodes' },
    coordinators: { type: 'Int', description: 'Coordinator nodes (CNs); absent: the vendor’s default' },
    vpcId: { type: 'String', required: true, description: 'The VPC the cluster joins' },
    subnetId: { type: 'String', required: true, description: 'Its subnet in that VPC' },
    securityGroupId: { type: 'String', required: true, description: 'The security group its nodes get' },
    availabilityZone: { type: 'String', required: true, description: 'The availability zone, e.g. cn-north-4a' },
    adminUser: { type: 'String', required: true, description: 'The database administrator’s name' },
    adminPassword: { type: 'String', required: true, description: 'The administrator’s password; sent to the vendor only' },
    port: { type: 'Int', description: 'The database port, 8000 to 30000; absent: the vendor’s default' },
    publicIp: { type: 'Boolean', description: 'Bind a public IP address' },
  },
};

const SCALE: InputFields<DwsScaleParams> = {
  nodeCount: { type: 'Int', description: 'Data nodes wanted in total (DWS resize / shrink)' },
  coordinatorCount: { type: 'Int', description: 'Coordinator nodes wanted in total (DWS CNs)' },
};

export const dwsInputs: VendorInputs = { createCluster: { field: 'For a DWS source', shape: CLUSTER }, scaleCluster: SCALE };

// ---- DWS's own mutations (schema/types/vendors/dws.ts) ----

/** A snapshot strategy's backup types, by the schema's enum names, as DWS spells them (table 5-131). */
export const BACKUP_TYPES = { FULL: 'full', INCREMENT: 'increment' } as const;
/** Where snapshots may go (table 5-130). */
export const BACKUP_DEVICES = { OBS: 'OBS', NBU: 'NBU', NFS: 'NFS' } as const;

/** dwsSetSnapshotPolicy's input: what is given changes. */
export interface DwsSnapshotPolicyChange {
  retentionDays?: number;
  /** With `nativeId`, an edit of that strategy; without, a new one (which needs a name and a schedule). */
  strategies?: { nativeId?: string; name?: string; schedule?: string; type?: (typeof BACKUP_TYPES)[keyof typeof BACKUP_TYPES] }[];
  device?: (typeof BACKUP_DEVICES)[keyof typeof BACKUP_DEVICES];
  serverIps?: string[];
  serverPort?: string;
  backupParam?: string;
}

/** The nodes a parameter value is for, by the schema's enum names, as DWS spells them (table 5-217). */
export const PARAMETER_ROLES = { CN: 'cn', DN: 'dn' } as const;
export type DwsParameterRole = (typeof PARAMETER_ROLES)[keyof typeof PARAMETER_ROLES];

/** One of dwsSetParameters' values: a parameter's new value on the CNs or the DNs. */
export interface DwsParameterChange {
  name: string;
  role: DwsParameterRole;
  value: string;
}

/** Alarm levels an alarm subscription filters by (5.8.4's example: "urgent,important,minor"). */
export const ALARM_LEVELS = { URGENT: 'urgent', IMPORTANT: 'important', MINOR: 'minor', PROMPT: 'prompt' } as const;
/** What an event subscription filters by (table 5-188). */
export const EVENT_SOURCE_TYPES = { CLUSTER: 'cluster', BACKUP: 'backup', DISASTER_RECOVERY: 'disaster-recovery' } as const;
export const EVENT_CATEGORIES = { MANAGEMENT: 'management', MONITOR: 'monitor', SECURITY: 'security', SYSTEM_ALARM: 'system alarm' } as const;
export const EVENT_SEVERITIES = { NORMAL: 'normal', WARNING: 'warning' } as const;

type Word<T> = T[keyof T];

/** What the create and update mutations of both kinds of subscription take: on an update, what is given changes. */
export interface DwsSubscriptionChange {
  name?: string;
  enabled?: boolean;
  /** The SMN topic's URN, e.g. urn:smn:cn-north-4:<project id>:<topic>. */
  topicUrn?: string;
  topicName?: string;
  /** The time zone notices are written in, e.g. GMT+08:00; at creation only. */
  timeZone?: string;
}

export interface DwsAlarmSubscriptionChange extends DwsSubscriptionChange {
  /** Empty: every level. */
  levels?: Word<typeof ALARM_LEVELS>[];
}

export interface DwsEventSubscriptionChange extends DwsSubscriptionChange {
  sourceTypes?: Word<typeof EVENT_SOURCE_TYPES>[];
  sourceId?: string;
  categories?: Word<typeof EVENT_CATEGORIES>[];
  severities?: Word<typeof EVENT_SEVERITIES>[];
  tag?: string;
}

export type DwsSubscriptionKind = 'alarm' | 'event';

/** A cluster's domain names (5.7.1): a private one it has from creation, and a public one once applied for. */
export const DOMAIN_NAME_TYPES = { PUBLIC: 'public', PRIVATE: 'private' } as const;

/** dwsCreateDomainName's and dwsUpdateDomainName's input. */
export interface DwsDomainNameChange {
  type: Word<typeof DOMAIN_NAME_TYPES>;
  name: string;
  /** Seconds the SOA record set is cached; absent: 300, the document's default. */
  ttl?: number;
}

/** dwsCreateResourcePool's input (5.4.4). */
export interface DwsResourcePoolChange {
  name: string;
  /** The logical cluster it belongs to, in logical cluster mode. */
  logicalCluster?: string;
  /** Each resource's value, e.g. CPU share 12; -1 or 0 is no limit in the example. */
  resources: { name: string; value: number }[];
}
