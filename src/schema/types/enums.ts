import type { SOURCE_KINDS } from '../../model/source-kind.js';
import type {
  ClusterKind,
  ClusterStatus,
  DeploymentStatus,
  EventSeverity,
  HostStatus,
  SnapshotStatus,
  SnapshotType,
  SourceHealth,
  WorkflowState,
} from '../../model/status.js';
import { WORKFLOW_KINDS, type WorkflowKind } from '../../model/workflow-kind.js';
import { builder } from '../builder.js';

/**
 * The schema's enums, each value described. The value lists come from src/model; a
 * `Record` over the model's type makes a value added there without a description here
 * a type error.
 */
const described = <V extends string>(descriptions: Record<V, string>) =>
  Object.fromEntries(Object.entries<string>(descriptions).map(([value, description]) => [value, { description }])) as Record<V, { description: string }>;

const SOURCE_KIND_DESCRIPTIONS: Record<Uppercase<(typeof SOURCE_KINDS)[number]>, string> = {
  TIEM: 'TiDB Enterprise Manager: TiDB clusters, their hosts and backups',
  HCI: 'The hyper-converged infrastructure platform: HCI clusters, hosts, metadata snapshots, inspections',
  DCOS: 'DC/OS: container clusters, their hosts and operation logs',
  DWS: 'Huawei Cloud DWS: data warehouse clusters, nodes, snapshots, events and alarms',
  OTESTACK: 'OTE-stack: edge clusters, nodes and deployments',
};
export const SourceKindEnum = builder.enumType('SourceKind', {
  description: 'The vendor API a source speaks',
  values: described(SOURCE_KIND_DESCRIPTIONS),
});

export const ClusterKindEnum = builder.enumType('ClusterKind', {
  description: 'What sort of cluster it is',
  values: described<ClusterKind>({
    DATABASE: 'A distributed database (TiEM’s TiDB clusters)',
    DATA_WAREHOUSE: 'A data warehouse (DWS)',
    HCI: 'A hyper-converged compute and storage cluster',
    CONTAINER: 'A container platform cluster (DC/OS)',
    EDGE: 'An edge cluster (OTE-stack)',
  }),
});

export const ClusterStatusEnum = builder.enumType('ClusterStatus', {
  description: 'Normalized cluster status; `rawStatus` keeps the vendor word',
  values: described<ClusterStatus>({
    CREATING: 'Being created or installed',
    RUNNING: 'Up and serving',
    DEGRADED: 'Serving, but some of its hosts or nodes are not',
    UPDATING: 'Being changed: scaled, upgraded, reconfigured, restored into',
    STOPPING: 'Being stopped',
    STOPPED: 'Stopped on purpose; start or restart it to serve again',
    DELETING: 'Being deleted',
    DELETED: 'Deleted; vendors that keep deleted clusters listed show them so',
    FAILED: 'Broken, or its creation failed',
    UNKNOWN: 'The vendor used a word Fleetgate does not know yet; see rawStatus',
  }),
});

export const HostStatusEnum = builder.enumType('HostStatus', {
  description: 'Normalized host status; `rawStatus` keeps the vendor word',
  values: described<HostStatus>({
    PROVISIONING: 'Being installed or added to its cluster',
    ONLINE: 'Up and part of its cluster',
    DEGRADED: 'Up, with problems the vendor reports',
    OFFLINE: 'Not reachable, or stopped',
    REMOVING: 'Being removed from its cluster',
    FAILED: 'Broken, or its installation failed',
    UNKNOWN: 'The vendor used a word Fleetgate does not know yet; see rawStatus',
  }),
});

export const SnapshotStatusEnum = builder.enumType('SnapshotStatus', {
  description: 'Normalized snapshot status; `rawStatus` keeps the vendor word',
  values: described<SnapshotStatus>({
    CREATING: 'Being taken',
    AVAILABLE: 'Taken; can be restored or copied',
    RESTORING: 'Being restored from',
    DELETING: 'Being deleted',
    FAILED: 'Taking it failed',
    UNKNOWN: 'The vendor used a word Fleetgate does not know yet; see rawStatus',
  }),
});

export const SnapshotTypeEnum = builder.enumType('SnapshotType', {
  description: 'Who asked for a snapshot',
  values: described<SnapshotType>({
    MANUAL: 'Taken on request',
    AUTOMATED: 'Taken by a schedule or policy',
  }),
});

export const DeploymentStatusEnum = builder.enumType('DeploymentStatus', {
  description: 'Normalized deployment status; `rawStatus` keeps the vendor’s status code',
  values: described<DeploymentStatus>({
    AWAITING_APPROVAL: 'Waiting for an administrator to approve it (OTE-stack audit)',
    PENDING: 'Accepted, not yet deploying',
    DEPLOYING: 'Being rolled out',
    SUCCEEDED: 'Running on every cluster it targets',
    PARTIAL: 'Running on some of its clusters and failed on others',
    FAILED: 'Failed everywhere, or refused',
    UNKNOWN: 'The vendor used a code Fleetgate does not know yet; see rawStatus',
  }),
});

export const WorkflowStateEnum = builder.enumType('WorkflowState', {
  description: 'Where a workflow (or one of its steps) is',
  values: described<WorkflowState>({
    PENDING: 'Accepted, waiting to start (queued, or awaiting approval)',
    RUNNING: 'Under way',
    SUCCEEDED: 'Finished as asked',
    FAILED: 'Ended without doing what was asked (or only part of it)',
    CANCELLED: 'Stopped before the end, by someone or by a later change',
  }),
});

const WORKFLOW_KIND_DESCRIPTIONS: Record<WorkflowKind, string> = {
  CreateCluster: 'Creating or installing a cluster',
  DeleteCluster: 'Deleting a cluster',
  StopCluster: 'Stopping a cluster',
  RestartCluster: 'Restarting a cluster (TiEM also starts clusters this way)',
  ScaleCluster: 'Adding or removing a cluster’s nodes (DWS resize and shrink)',
  TakeOverCluster: 'Bringing an existing TiDB cluster under TiEM',
  JoinCluster: 'An HCI cluster joining the platform',
  InspectCluster: 'An HCI one-click inspection',
  RepairCluster: 'Repairing a cluster (DWS)',
  FreezeCluster: 'Freezing a cluster (DWS)',
  UnfreezeCluster: 'Unfreezing a cluster (DWS)',
  AddHosts: 'Adding hosts to a cluster (DC/OS)',
  DeleteHosts: 'Removing hosts from a cluster (DC/OS)',
  HostTask: 'A task on one HCI host',
  AddCoordinators: 'Adding coordinator nodes (DWS CNs)',
  RemoveCoordinators: 'Removing coordinator nodes (DWS CNs)',
  RedistributeData: 'Redistributing data over the nodes after a resize (DWS)',
  ResizeFlavor: 'Changing the node flavor (DWS)',
  ExpandDisk: 'Expanding disks (DWS)',
  SwitchOver: 'An active/standby switchover (DWS)',
  ConfigureSecurity: 'Applying security or parameter settings (DWS)',
  ConfigureNetwork: 'Changing network settings (DWS)',
  ConfigureDataSource: 'Configuring an external data source (DWS)',
  DeleteDataSource: 'Deleting an external data source (DWS)',
  BindLoadBalancer: 'Binding a load balancer (DWS)',
  UnbindLoadBalancer: 'Unbinding a load balancer (DWS)',
  SwitchLoadBalancer: 'Switching load balancers (DWS)',
  EnableManagementAccess: 'Binding a management IP (DWS)',
  RecoverDisasterRecovery: 'Recovering from a disaster-recovery copy (DWS)',
  PayOrder: 'Waiting for an order to be paid (DWS)',
  CreateSnapshot: 'Taking a snapshot or backup',
  RestoreSnapshot: 'Restoring a snapshot or backup',
  CreateDeployment: 'Deploying an application (OTE-stack)',
  UpgradeDeployment: 'Moving a deployment to another version (OTE-stack)',
  RollbackDeployment: 'Returning a deployment to an earlier version (OTE-stack)',
  DeleteDeployment: 'Deleting a deployment (OTE-stack)',
  Other: 'An operation Fleetgate has no name for; rawKind or rawState has the vendor’s',
};

/** PascalCase model names as GraphQL enum names: CreateCluster → CREATE_CLUSTER. */
const enumName = (kind: string) => kind.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toUpperCase();

export const WorkflowKindEnum = builder.enumType('WorkflowKind', {
  description: 'What a workflow does, the same words for every vendor',
  values: Object.fromEntries(WORKFLOW_KINDS.map((kind) => [enumName(kind), { value: kind, description: WORKFLOW_KIND_DESCRIPTIONS[kind] }])) as Record<
    string,
    { value: WorkflowKind; description: string }
  >,
});

export const EventSeverityEnum = builder.enumType('EventSeverity', {
  description: 'How serious an event is, normalized',
  values: described<EventSeverity>({
    INFO: 'For the record',
    WARNING: 'May need attention',
    ERROR: 'Something failed',
    CRITICAL: 'Something failed that needs attention now (major and critical alarms)',
  }),
});

export const SourceHealthEnum = builder.enumType('SourceHealth', {
  description: 'How a source’s recent vendor calls went',
  values: described<SourceHealth>({
    UP: 'Answering',
    DEGRADED: 'Recent failures, or the circuit breaker is testing whether it is back',
    DOWN: 'The circuit breaker is open: calls fail at once until it tests the source again',
  }),
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Which way an order runs',
  values: described<'ASC' | 'DESC'>({ ASC: 'Smallest, earliest or A first', DESC: 'Largest, latest or Z first' }),
});
