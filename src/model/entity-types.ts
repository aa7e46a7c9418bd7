import type { Cluster, Deployment, Event, Host, Snapshot, Workflow } from './entities.js';
import type { ClusterStatus, DeploymentStatus, EventSeverity, HostStatus, SnapshotStatus, WorkflowState } from './status.js';

/**
 * Filters as the gateway understands them. Each reader says which of them its vendor
 * evaluates (`pushdown`). Items from `list` are filtered again in the gateway; items
 * from `window` are not (re-filtering would break the offsets a window is addressed
 * by), so declare a filter pushed down only where the vendor applies it exactly as
 * `lists/filter.ts` does.
 */
export interface CommonFilter {
  nameContains?: string;
  labels?: { key: string; value?: string }[];
  clusterNativeId?: string;
}
export interface ClusterFilter extends CommonFilter {
  status?: ClusterStatus[];
}
export interface HostFilter extends CommonFilter {
  status?: HostStatus[];
}
export interface SnapshotFilter extends CommonFilter {
  status?: SnapshotStatus[];
  since?: string;
  until?: string;
}
export interface EventFilter extends CommonFilter {
  severity?: EventSeverity[];
  since?: string;
  until?: string;
}
export interface DeploymentFilter extends CommonFilter {
  status?: DeploymentStatus[];
}
export interface WorkflowFilter extends CommonFilter {
  state?: WorkflowState[];
  active?: boolean;
}

export interface EntityTypes {
  clusters: { item: Cluster; filter: ClusterFilter };
  hosts: { item: Host; filter: HostFilter };
  snapshots: { item: Snapshot; filter: SnapshotFilter };
  events: { item: Event; filter: EventFilter };
  deployments: { item: Deployment; filter: DeploymentFilter };
  workflows: { item: Workflow; filter: WorkflowFilter };
}
export type EntityName = keyof EntityTypes;
export const ENTITY_NAMES: readonly EntityName[] = ['clusters', 'hosts', 'snapshots', 'events', 'deployments', 'workflows'];
