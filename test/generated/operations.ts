/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Narrows the clusters listed; every field given must match */
export type ClusterFilter = {
  /** Only those carrying every one of these labels */
  labels?: Array<LabelInput> | null | undefined;
  /** Only those whose name contains this, ignoring case */
  nameContains?: string | null | undefined;
  /** Only these sources, by the ids the config gives them */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  /** Only clusters in one of these statuses */
  status?: Array<ClusterStatus> | null | undefined;
};

/** What sort of cluster it is */
export type ClusterKind =
  /** A container platform cluster (DC/OS) */
  | 'CONTAINER'
  /** A distributed database (TiEM’s TiDB clusters) */
  | 'DATABASE'
  /** A data warehouse (DWS) */
  | 'DATA_WAREHOUSE'
  /** An edge cluster (OTE-stack) */
  | 'EDGE'
  /** A hyper-converged compute and storage cluster */
  | 'HCI';

/** An order for clusters; ties fall back to source and native id, so paging never skips or repeats an item */
export type ClusterOrder = {
  /** Ascending (the default) or descending */
  direction?: OrderDirection | null | undefined;
  /** What to order by */
  field: ClusterOrderField;
};

/** What clusters are ordered by */
export type ClusterOrderField =
  /** By creation time; items without one come last */
  | 'CREATED_AT'
  /** By name, ignoring case */
  | 'NAME'
  /** Each source in its own native order, sources one after another in config order: the cheapest order to walk, since nothing is sorted */
  | 'SOURCE'
  /** By normalized status, alphabetically */
  | 'STATUS';

/** Normalized cluster status; `rawStatus` keeps the vendor word */
export type ClusterStatus =
  /** Being created or installed */
  | 'CREATING'
  /** Serving, but some of its hosts or nodes are not */
  | 'DEGRADED'
  /** Deleted; vendors that keep deleted clusters listed show them so */
  | 'DELETED'
  /** Being deleted */
  | 'DELETING'
  /** Broken, or its creation failed */
  | 'FAILED'
  /** Up and serving */
  | 'RUNNING'
  /** Stopped on purpose; start or restart it to serve again */
  | 'STOPPED'
  /** Being stopped */
  | 'STOPPING'
  /** The vendor used a word Fleetgate does not know yet; see rawStatus */
  | 'UNKNOWN'
  /** Being changed: scaled, upgraded, reconfigured, restored into */
  | 'UPDATING';

/** Narrows the deployments listed; every field given must match */
export type DeploymentFilter = {
  /** Only deployments of this cluster (a Cluster global id) */
  clusterId?: string | number | null | undefined;
  /** Only those carrying every one of these labels */
  labels?: Array<LabelInput> | null | undefined;
  /** Only those whose name contains this, ignoring case */
  nameContains?: string | null | undefined;
  /** Only these sources, by the ids the config gives them */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  /** Only deployments in one of these statuses */
  status?: Array<DeploymentStatus> | null | undefined;
};

/** An order for deployments; ties fall back to source and native id, so paging never skips or repeats an item */
export type DeploymentOrder = {
  /** Ascending (the default) or descending */
  direction?: OrderDirection | null | undefined;
  /** What to order by */
  field: DeploymentOrderField;
};

/** What deployments are ordered by */
export type DeploymentOrderField =
  /** By creation time; items without one come last */
  | 'CREATED_AT'
  /** By name, ignoring case */
  | 'NAME'
  /** Each source in its own native order, sources one after another in config order: the cheapest order to walk, since nothing is sorted */
  | 'SOURCE';

/** Normalized deployment status; `rawStatus` keeps the vendor’s status code */
export type DeploymentStatus =
  /** Waiting for an administrator to approve it (OTE-stack audit) */
  | 'AWAITING_APPROVAL'
  /** Being rolled out */
  | 'DEPLOYING'
  /** Failed everywhere, or refused */
  | 'FAILED'
  /** Running on some of its clusters and failed on others */
  | 'PARTIAL'
  /** Accepted, not yet deploying */
  | 'PENDING'
  /** Running on every cluster it targets */
  | 'SUCCEEDED'
  /** The vendor used a code Fleetgate does not know yet; see rawStatus */
  | 'UNKNOWN';

/** A kind of object a source may have, named as its top-level list is */
export type EntityType =
  /** Clusters */
  | 'CLUSTERS'
  /** Application deployments */
  | 'DEPLOYMENTS'
  /** Events, alarms and operation logs */
  | 'EVENTS'
  /** Hosts */
  | 'HOSTS'
  /** Snapshots and backups */
  | 'SNAPSHOTS'
  /** Workflows (long-running changes) */
  | 'WORKFLOWS';

/** Narrows the events listed; every field given must match */
export type EventFilter = {
  /** Only events of this cluster (a Cluster global id) */
  clusterId?: string | number | null | undefined;
  /** Only those carrying every one of these labels */
  labels?: Array<LabelInput> | null | undefined;
  /** Only those whose name contains this, ignoring case */
  nameContains?: string | null | undefined;
  /** Only events of one of these severities */
  severity?: Array<EventSeverity> | null | undefined;
  /** Only those that occurred at or after this instant */
  since?: string | null | undefined;
  /** Only these sources, by the ids the config gives them */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  /** Only those that occurred at or before this instant */
  until?: string | null | undefined;
};

/** An order for events; ties fall back to source and native id, so paging never skips or repeats an item */
export type EventOrder = {
  /** Ascending (the default) or descending */
  direction?: OrderDirection | null | undefined;
  /** What to order by */
  field: EventOrderField;
};

/** What events are ordered by */
export type EventOrderField =
  /** By the time it occurred */
  | 'OCCURRED_AT'
  /** Each source in its own native order, sources one after another in config order: the cheapest order to walk, since nothing is sorted */
  | 'SOURCE';

/** How serious an event is, normalized */
export type EventSeverity =
  /** Something failed that needs attention now (major and critical alarms) */
  | 'CRITICAL'
  /** Something failed */
  | 'ERROR'
  /** For the record */
  | 'INFO'
  /** May need attention */
  | 'WARNING';

/** Narrows the hosts listed; every field given must match */
export type HostFilter = {
  /** Only hosts of this cluster (a Cluster global id) */
  clusterId?: string | number | null | undefined;
  /** Only those carrying every one of these labels */
  labels?: Array<LabelInput> | null | undefined;
  /** Only those whose name contains this, ignoring case */
  nameContains?: string | null | undefined;
  /** Only these sources, by the ids the config gives them */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  /** Only hosts in one of these statuses */
  status?: Array<HostStatus> | null | undefined;
};

/** An order for hosts; ties fall back to source and native id, so paging never skips or repeats an item */
export type HostOrder = {
  /** Ascending (the default) or descending */
  direction?: OrderDirection | null | undefined;
  /** What to order by */
  field: HostOrderField;
};

/** What hosts are ordered by */
export type HostOrderField =
  /** By name, ignoring case */
  | 'NAME'
  /** Each source in its own native order, sources one after another in config order: the cheapest order to walk, since nothing is sorted */
  | 'SOURCE'
  /** By normalized status, alphabetically */
  | 'STATUS';

/** Normalized host status; `rawStatus` keeps the vendor word */
export type HostStatus =
  /** Up, with problems the vendor reports */
  | 'DEGRADED'
  /** Broken, or its installation failed */
  | 'FAILED'
  /** Not reachable, or stopped */
  | 'OFFLINE'
  /** Up and part of its cluster */
  | 'ONLINE'
  /** Being installed or added to its cluster */
  | 'PROVISIONING'
  /** Being removed from its cluster */
  | 'REMOVING'
  /** The vendor used a word Fleetgate does not know yet; see rawStatus */
  | 'UNKNOWN';

/** A label: to match (by key, and by value when one is given) or to set */
export type LabelInput = {
  /** The label’s name */
  key: string;
  /** Its value; absent or empty: any value when matching, a bare name when setting */
  value?: string | null | undefined;
};

/** Which way an order runs */
export type OrderDirection =
  /** Smallest, earliest or A first */
  | 'ASC'
  /** Largest, latest or Z first */
  | 'DESC';

/** Narrows the snapshots listed; every field given must match */
export type SnapshotFilter = {
  /** Only snapshots of this cluster (a Cluster global id) */
  clusterId?: string | number | null | undefined;
  /** Only those carrying every one of these labels */
  labels?: Array<LabelInput> | null | undefined;
  /** Only those whose name contains this, ignoring case */
  nameContains?: string | null | undefined;
  /** Only those started at or after this instant */
  since?: string | null | undefined;
  /** Only these sources, by the ids the config gives them */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  /** Only snapshots in one of these statuses */
  status?: Array<SnapshotStatus> | null | undefined;
  /** Only those started at or before this instant */
  until?: string | null | undefined;
};

/** An order for snapshots; ties fall back to source and native id, so paging never skips or repeats an item */
export type SnapshotOrder = {
  /** Ascending (the default) or descending */
  direction?: OrderDirection | null | undefined;
  /** What to order by */
  field: SnapshotOrderField;
};

/** What snapshots are ordered by */
export type SnapshotOrderField =
  /** By name, ignoring case */
  | 'NAME'
  /** Each source in its own native order, sources one after another in config order: the cheapest order to walk, since nothing is sorted */
  | 'SOURCE'
  /** By start time; items without one come last */
  | 'STARTED_AT';

/** Normalized snapshot status; `rawStatus` keeps the vendor word */
export type SnapshotStatus =
  /** Taken; can be restored or copied */
  | 'AVAILABLE'
  /** Being taken */
  | 'CREATING'
  /** Being deleted */
  | 'DELETING'
  /** Taking it failed */
  | 'FAILED'
  /** Being restored from */
  | 'RESTORING'
  /** The vendor used a word Fleetgate does not know yet; see rawStatus */
  | 'UNKNOWN';

/** Who asked for a snapshot */
export type SnapshotType =
  /** Taken by a schedule or policy */
  | 'AUTOMATED'
  /** Taken on request */
  | 'MANUAL';

/** How a source’s recent vendor calls went */
export type SourceHealth =
  /** Recent failures, or the circuit breaker is testing whether it is back */
  | 'DEGRADED'
  /** The circuit breaker is open: calls fail at once until it tests the source again */
  | 'DOWN'
  /** Answering */
  | 'UP';

/** The vendor API a source speaks */
export type SourceKind =
  /** DC/OS: container clusters, their hosts and operation logs */
  | 'DCOS'
  /** Huawei Cloud DWS: data warehouse clusters, nodes, snapshots, events and alarms */
  | 'DWS'
  /** The hyper-converged infrastructure platform: HCI clusters, hosts, metadata snapshots, inspections */
  | 'HCI'
  /** OTE-stack: edge clusters, nodes and deployments */
  | 'OTESTACK'
  /** TiDB Enterprise Manager: TiDB clusters, their hosts and backups */
  | 'TIEM';

/** Narrows the workflows listed; every field given must match */
export type WorkflowFilter = {
  /** true: only those still running or pending; false: only finished ones */
  active?: boolean | null | undefined;
  /** Only workflows of this cluster (a Cluster global id) */
  clusterId?: string | number | null | undefined;
  /** Only those carrying every one of these labels */
  labels?: Array<LabelInput> | null | undefined;
  /** Only those whose name contains this, ignoring case */
  nameContains?: string | null | undefined;
  /** Only these sources, by the ids the config gives them */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  /** Only workflows in one of these states */
  state?: Array<WorkflowState> | null | undefined;
};

/** What a workflow does, the same words for every vendor */
export type WorkflowKind =
  /** Adding coordinator nodes (DWS CNs) */
  | 'ADD_COORDINATORS'
  /** Adding hosts to a cluster (DC/OS) */
  | 'ADD_HOSTS'
  /** Binding a load balancer (DWS) */
  | 'BIND_LOAD_BALANCER'
  /** Configuring an external data source (DWS) */
  | 'CONFIGURE_DATA_SOURCE'
  /** Changing network settings (DWS) */
  | 'CONFIGURE_NETWORK'
  /** Applying security or parameter settings (DWS) */
  | 'CONFIGURE_SECURITY'
  /** Creating or installing a cluster */
  | 'CREATE_CLUSTER'
  /** Deploying an application (OTE-stack) */
  | 'CREATE_DEPLOYMENT'
  /** Taking a snapshot or backup */
  | 'CREATE_SNAPSHOT'
  /** Deleting a cluster */
  | 'DELETE_CLUSTER'
  /** Deleting an external data source (DWS) */
  | 'DELETE_DATA_SOURCE'
  /** Deleting a deployment (OTE-stack) */
  | 'DELETE_DEPLOYMENT'
  /** Removing hosts from a cluster (DC/OS) */
  | 'DELETE_HOSTS'
  /** Binding a management IP (DWS) */
  | 'ENABLE_MANAGEMENT_ACCESS'
  /** Expanding disks (DWS) */
  | 'EXPAND_DISK'
  /** Freezing a cluster (DWS) */
  | 'FREEZE_CLUSTER'
  /** A task on one HCI host */
  | 'HOST_TASK'
  /** An HCI one-click inspection */
  | 'INSPECT_CLUSTER'
  /** An HCI cluster joining the platform */
  | 'JOIN_CLUSTER'
  /** An operation Fleetgate has no name for; rawKind or rawState has the vendor’s */
  | 'OTHER'
  /** Waiting for an order to be paid (DWS) */
  | 'PAY_ORDER'
  /** Recovering from a disaster-recovery copy (DWS) */
  | 'RECOVER_DISASTER_RECOVERY'
  /** Redistributing data over the nodes after a resize (DWS) */
  | 'REDISTRIBUTE_DATA'
  /** Removing coordinator nodes (DWS CNs) */
  | 'REMOVE_COORDINATORS'
  /** Repairing a cluster (DWS) */
  | 'REPAIR_CLUSTER'
  /** Changing the node flavor (DWS) */
  | 'RESIZE_FLAVOR'
  /** Restarting a cluster (TiEM also starts clusters this way) */
  | 'RESTART_CLUSTER'
  /** Restoring a snapshot or backup */
  | 'RESTORE_SNAPSHOT'
  /** Returning a deployment to an earlier version (OTE-stack) */
  | 'ROLLBACK_DEPLOYMENT'
  /** Adding or removing a cluster’s nodes (DWS resize and shrink) */
  | 'SCALE_CLUSTER'
  /** Stopping a cluster */
  | 'STOP_CLUSTER'
  /** Switching load balancers (DWS) */
  | 'SWITCH_LOAD_BALANCER'
  /** An active/standby switchover (DWS) */
  | 'SWITCH_OVER'
  /** Bringing an existing TiDB cluster under TiEM */
  | 'TAKE_OVER_CLUSTER'
  /** Unbinding a load balancer (DWS) */
  | 'UNBIND_LOAD_BALANCER'
  /** Unfreezing a cluster (DWS) */
  | 'UNFREEZE_CLUSTER'
  /** Moving a deployment to another version (OTE-stack) */
  | 'UPGRADE_DEPLOYMENT';

/** An order for workflows; ties fall back to source and native id, so paging never skips or repeats an item */
export type WorkflowOrder = {
  /** Ascending (the default) or descending */
  direction?: OrderDirection | null | undefined;
  /** What to order by */
  field: WorkflowOrderField;
};

/** What workflows are ordered by */
export type WorkflowOrderField =
  /** Each source in its own native order, sources one after another in config order: the cheapest order to walk, since nothing is sorted */
  | 'SOURCE'
  /** By start time; items without one come last */
  | 'STARTED_AT';

/** Where a workflow (or one of its steps) is */
export type WorkflowState =
  /** Stopped before the end, by someone or by a later change */
  | 'CANCELLED'
  /** Ended without doing what was asked (or only part of it) */
  | 'FAILED'
  /** Accepted, waiting to start (queued, or awaiting approval) */
  | 'PENDING'
  /** Under way */
  | 'RUNNING'
  /** Finished as asked */
  | 'SUCCEEDED';

export type ClusterChildrenQueryVariables = Exact<{
  id: string | number;
}>;


export type ClusterChildrenQuery = { node:
    | { nativeId: string, id: string, source: { sourceId: string }, hosts: { edges: Array<{ node: { id: string, name: string, source: { sourceId: string }, cluster: { id: string } | null } }> }, snapshots: { edges: Array<{ node: { id: string, nativeId: string, source: { sourceId: string }, cluster: { id: string } | null } }> } }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type ClusterPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ClusterFilter | null | undefined;
  orderBy?: ClusterOrder | null | undefined;
}>;


export type ClusterPageQuery = { clusters: { totalCount: number, missingSources: Array<{ sourceId: string, code: string, message: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, nativeId: string, name: string, kind: ClusterKind, status: ClusterStatus | null, rawStatus: string | null, version: string | null, createdAt: string | null, source: { sourceId: string, kind: SourceKind } } }> } };

export type ClustersDeepQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ClustersDeepQuery = { clusters: { totalCount: number, edges: Array<{ node: { id: string, name: string, hosts: { edges: Array<{ node: { id: string, name: string, status: HostStatus, addresses: Array<string> | null } }> }, snapshots: { edges: Array<{ node: { id: string, name: string, status: SnapshotStatus } }> }, events: { edges: Array<{ node: { id: string, message: string, severity: EventSeverity } }> } } }> } };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Cluster', name: string, status: ClusterStatus | null, id: string, source: { sourceId: string } }
    | { __typename: 'Deployment', name: string, id: string, cluster: { id: string } | null }
    | { __typename: 'Event', message: string, id: string, cluster: { id: string } | null }
    | { __typename: 'Host', name: string, id: string, cluster: { id: string } | null }
    | { __typename: 'Snapshot', name: string, id: string, cluster: { id: string } | null }
    | { __typename: 'Source', id: string }
    | { __typename: 'Workflow', kind: WorkflowKind, state: WorkflowState, id: string, cluster: { id: string } | null }
   | null };

export type SourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type SourcesQuery = { sources: Array<{ id: string, sourceId: string, kind: SourceKind, name: string, url: string | null, health: SourceHealth, capabilities: Array<EntityType>, lastError: { code: string, message: string } | null }> };

export type FleetSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type FleetSummaryQuery = { fleetSummary: { total: number, groups: Array<{ kind: ClusterKind, status: ClusterStatus | null, count: number, source: { sourceId: string } }>, missingSources: Array<{ sourceId: string, code: string }> } };

export type ClusterRawDataQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ClusterRawDataQuery = { clusters: { edges: Array<{ node: { nativeId: string, rawData: unknown, source: { kind: SourceKind } } }> } };

export type HostPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: HostFilter | null | undefined;
  orderBy?: HostOrder | null | undefined;
}>;


export type HostPageQuery = { hosts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, status: HostStatus, rawStatus: string, role: string | null, addresses: Array<string> | null, source: { sourceId: string }, cluster: { id: string, name: string } | null } }> } };

export type SnapshotPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: SnapshotFilter | null | undefined;
  orderBy?: SnapshotOrder | null | undefined;
}>;


export type SnapshotPageQuery = { snapshots: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, status: SnapshotStatus, rawStatus: string, type: SnapshotType, sizeBytes: number | null, startedAt: string | null, source: { sourceId: string }, cluster: { id: string, name: string } | null } }> } };

export type EventPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: EventFilter | null | undefined;
  orderBy?: EventOrder | null | undefined;
}>;


export type EventPageQuery = { events: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, occurredAt: string, severity: EventSeverity, category: string | null, message: string, source: { sourceId: string }, cluster: { id: string, name: string } | null } }> } };

export type DeploymentPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: DeploymentFilter | null | undefined;
  orderBy?: DeploymentOrder | null | undefined;
}>;


export type DeploymentPageQuery = { deployments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, application: string | null, version: string | null, status: DeploymentStatus, rawStatus: string, replicas: { running: number, error: number, total: number } | null, source: { sourceId: string }, cluster: { id: string, name: string } | null } }> } };

export type WorkflowPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: WorkflowFilter | null | undefined;
  orderBy?: WorkflowOrder | null | undefined;
}>;


export type WorkflowPageQuery = { workflows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: WorkflowKind, state: WorkflowState, rawState: string, progress: number | null, message: string | null, targetId: string | null, source: { sourceId: string }, cluster: { id: string, name: string } | null } }> } };


export const ClusterChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterChildren"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Cluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClusterChildrenQuery, ClusterChildrenQueryVariables>;
export const ClusterPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClusterFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClusterOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"missingSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClusterPageQuery, ClusterPageQueryVariables>;
export const ClustersDeepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClustersDeep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"SOURCE"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"addresses"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClustersDeepQuery, ClustersDeepQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Cluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Snapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Event"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workflow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const SourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SourcesQuery, SourcesQueryVariables>;
export const FleetSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FleetSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleetSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<FleetSummaryQuery, FleetSummaryQueryVariables>;
export const ClusterRawDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterRawData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rawData"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClusterRawDataQuery, ClusterRawDataQueryVariables>;
export const HostPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"addresses"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostPageQuery, HostPageQueryVariables>;
export const SnapshotPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SnapshotPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SnapshotFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SnapshotOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SnapshotPageQuery, SnapshotPageQueryVariables>;
export const EventPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EventPageQuery, EventPageQueryVariables>;
export const DeploymentPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeploymentPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"application"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeploymentPageQuery, DeploymentPageQueryVariables>;
export const WorkflowPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowPageQuery, WorkflowPageQueryVariables>;