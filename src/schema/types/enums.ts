import { SOURCE_KINDS } from '../../model/source-kind.js';
import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  DEPLOYMENT_STATUSES,
  EVENT_SEVERITIES,
  HOST_STATUSES,
  SNAPSHOT_STATUSES,
  SNAPSHOT_TYPES,
  SOURCE_HEALTHS,
  WORKFLOW_STATES,
} from '../../model/status.js';
import { builder } from '../builder.js';

export const SourceKindEnum = builder.enumType('SourceKind', {
  description: 'The vendor API a source speaks',
  values: SOURCE_KINDS.map((k) => k.toUpperCase()) as Uppercase<(typeof SOURCE_KINDS)[number]>[],
});
export const ClusterKindEnum = builder.enumType('ClusterKind', { values: CLUSTER_KINDS });
export const ClusterStatusEnum = builder.enumType('ClusterStatus', {
  description: 'Normalized cluster status; `rawStatus` keeps the vendor word. UNKNOWN means the vendor used a word Fleetgate does not know yet.',
  values: CLUSTER_STATUSES,
});
export const HostStatusEnum = builder.enumType('HostStatus', { values: HOST_STATUSES });
export const SnapshotStatusEnum = builder.enumType('SnapshotStatus', { values: SNAPSHOT_STATUSES });
export const SnapshotTypeEnum = builder.enumType('SnapshotType', { values: SNAPSHOT_TYPES });
export const DeploymentStatusEnum = builder.enumType('DeploymentStatus', { values: DEPLOYMENT_STATUSES });
export const WorkflowStateEnum = builder.enumType('WorkflowState', { values: WORKFLOW_STATES });
export const EventSeverityEnum = builder.enumType('EventSeverity', { values: EVENT_SEVERITIES });
export const SourceHealthEnum = builder.enumType('SourceHealth', {
  description: 'UP: answering; DEGRADED: recent failures or the breaker is testing; DOWN: the circuit breaker is open',
  values: SOURCE_HEALTHS,
});
export const OrderDirectionEnum = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });
