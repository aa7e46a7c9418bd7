/**
 * The one status vocabulary. Each vendor's map.ts translates its own words into these
 * through a table and keeps the vendor's word beside it as `rawStatus`; a word a table
 * does not know becomes UNKNOWN rather than an error, because vendors add states
 * faster than gateways are released.
 */
export const CLUSTER_STATUSES = ['CREATING', 'RUNNING', 'DEGRADED', 'UPDATING', 'STOPPING', 'STOPPED', 'DELETING', 'DELETED', 'FAILED', 'UNKNOWN'] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

export const HOST_STATUSES = ['PROVISIONING', 'ONLINE', 'DEGRADED', 'OFFLINE', 'REMOVING', 'FAILED', 'UNKNOWN'] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];

export const SNAPSHOT_STATUSES = ['CREATING', 'AVAILABLE', 'RESTORING', 'DELETING', 'FAILED', 'UNKNOWN'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

export const DEPLOYMENT_STATUSES = ['AWAITING_APPROVAL', 'PENDING', 'DEPLOYING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'UNKNOWN'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const WORKFLOW_STATES = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const TERMINAL_WORKFLOW_STATES: ReadonlySet<WorkflowState> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export const EVENT_SEVERITIES = ['INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;
export type EventSeverity = (typeof EVENT_SEVERITIES)[number];

export const CLUSTER_KINDS = ['DATABASE', 'DATA_WAREHOUSE', 'HCI', 'CONTAINER', 'EDGE'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export const SNAPSHOT_TYPES = ['MANUAL', 'AUTOMATED'] as const;
export type SnapshotType = (typeof SNAPSHOT_TYPES)[number];

export const SOURCE_HEALTHS = ['UP', 'DEGRADED', 'DOWN'] as const;
export type SourceHealth = (typeof SOURCE_HEALTHS)[number];

/**
 * Builds a vendor → unified lookup from a table. The table is the documentation of the
 * mapping (one row per vendor word, each with a test); lookups are case-sensitive
 * because vendors are.
 */
export function statusTable<V extends string, S extends string>(table: Readonly<Record<V, S>>, unknown: S): (raw: string | number | null | undefined) => S {
  return (raw) => {
    if (raw === null || raw === undefined) return unknown;
    return (table as Record<string, S>)[String(raw)] ?? unknown;
  };
}
