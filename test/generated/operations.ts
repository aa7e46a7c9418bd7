/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant in UTC, e.g. 2026-11-22T04:33:48.000Z */
  DateTime: { input: string; output: string; }
};

/** A cluster on any source: a TiDB cluster, an HCI cluster, a DC/OS cluster, a DWS warehouse, an edge cluster */
export type Cluster = Node & {
  __typename?: 'Cluster';
  /** Workflows changing this cluster now, whoever started them */
  activeWorkflows: Array<Workflow>;
  createdAt: Maybe<Scalars['DateTime']['output']>;
  deployments: ClusterDeploymentsConnection;
  endpoints: Array<Endpoint>;
  events: ClusterEventsConnection;
  hosts: ClusterHostsConnection;
  id: Scalars['ID']['output'];
  kind: ClusterKind;
  labels: Array<Label>;
  name: Scalars['String']['output'];
  /** The vendor's own id */
  nativeId: Scalars['String']['output'];
  nodeCount: Maybe<Scalars['Int']['output']>;
  /** The status in the vendor’s own words */
  rawStatus: Scalars['String']['output'];
  region: Maybe<Scalars['String']['output']>;
  snapshots: ClusterSnapshotsConnection;
  source: Source;
  status: ClusterStatus;
  updatedAt: Maybe<Scalars['DateTime']['output']>;
  usage: Maybe<ResourceUsage>;
  version: Maybe<Scalars['String']['output']>;
  zone: Maybe<Scalars['String']['output']>;
};


/** A cluster on any source: a TiDB cluster, an HCI cluster, a DC/OS cluster, a DWS warehouse, an edge cluster */
export type ClusterDeploymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A cluster on any source: a TiDB cluster, an HCI cluster, a DC/OS cluster, a DWS warehouse, an edge cluster */
export type ClusterEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A cluster on any source: a TiDB cluster, an HCI cluster, a DC/OS cluster, a DWS warehouse, an edge cluster */
export type ClusterHostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A cluster on any source: a TiDB cluster, an HCI cluster, a DC/OS cluster, a DWS warehouse, an edge cluster */
export type ClusterSnapshotsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type ClusterConnection = {
  __typename?: 'ClusterConnection';
  edges: Array<ClusterEdge>;
  /** Sources whose items are missing from this page because they failed; also reported in `errors` */
  missingSources: Array<SourceProblem>;
  pageInfo: PageInfo;
  /** Items matching the filter across every source that answered */
  totalCount: Scalars['Int']['output'];
};

export type ClusterDeploymentsConnection = {
  __typename?: 'ClusterDeploymentsConnection';
  edges: Array<ClusterDeploymentsConnectionEdge>;
  pageInfo: PageInfo;
};

export type ClusterDeploymentsConnectionEdge = {
  __typename?: 'ClusterDeploymentsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Deployment;
};

export type ClusterEdge = {
  __typename?: 'ClusterEdge';
  cursor: Scalars['String']['output'];
  node: Cluster;
};

export type ClusterEventsConnection = {
  __typename?: 'ClusterEventsConnection';
  edges: Array<ClusterEventsConnectionEdge>;
  pageInfo: PageInfo;
};

export type ClusterEventsConnectionEdge = {
  __typename?: 'ClusterEventsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Event;
};

export type ClusterFilter = {
  /** Every one of these labels must match */
  labels?: InputMaybe<Array<LabelInput>>;
  /** Case-insensitive substring of the name */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Only these sources (config ids) */
  sourceIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only sources of these kinds */
  sourceKinds?: InputMaybe<Array<SourceKind>>;
  status?: InputMaybe<Array<ClusterStatus>>;
};

export type ClusterHostsConnection = {
  __typename?: 'ClusterHostsConnection';
  edges: Array<ClusterHostsConnectionEdge>;
  pageInfo: PageInfo;
};

export type ClusterHostsConnectionEdge = {
  __typename?: 'ClusterHostsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Host;
};

export type ClusterKind =
  | 'CONTAINER'
  | 'DATABASE'
  | 'DATA_WAREHOUSE'
  | 'EDGE'
  | 'HCI';

export type ClusterOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: ClusterOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type ClusterOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'SOURCE'
  | 'STATUS';

export type ClusterSnapshotsConnection = {
  __typename?: 'ClusterSnapshotsConnection';
  edges: Array<ClusterSnapshotsConnectionEdge>;
  pageInfo: PageInfo;
};

export type ClusterSnapshotsConnectionEdge = {
  __typename?: 'ClusterSnapshotsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Snapshot;
};

/** Normalized cluster status; `rawStatus` keeps the vendor word. UNKNOWN means the vendor used a word Fleetgate does not know yet. */
export type ClusterStatus =
  | 'CREATING'
  | 'DEGRADED'
  | 'DELETED'
  | 'DELETING'
  | 'FAILED'
  | 'RUNNING'
  | 'STOPPED'
  | 'STOPPING'
  | 'UNKNOWN'
  | 'UPDATING';

/** An application deployed onto a cluster */
export type Deployment = Node & {
  __typename?: 'Deployment';
  application: Maybe<Scalars['String']['output']>;
  cluster: Maybe<Cluster>;
  createdAt: Maybe<Scalars['DateTime']['output']>;
  history: Array<DeploymentRevision>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  nativeId: Scalars['String']['output'];
  rawStatus: Scalars['String']['output'];
  replicas: Maybe<ReplicaCounts>;
  source: Source;
  status: DeploymentStatus;
  updatedAt: Maybe<Scalars['DateTime']['output']>;
  version: Maybe<Scalars['String']['output']>;
};

export type DeploymentConnection = {
  __typename?: 'DeploymentConnection';
  edges: Array<DeploymentEdge>;
  /** Sources whose items are missing from this page because they failed; also reported in `errors` */
  missingSources: Array<SourceProblem>;
  pageInfo: PageInfo;
  /** Items matching the filter across every source that answered */
  totalCount: Scalars['Int']['output'];
};

export type DeploymentEdge = {
  __typename?: 'DeploymentEdge';
  cursor: Scalars['String']['output'];
  node: Deployment;
};

export type DeploymentFilter = {
  /** Only objects of this cluster */
  clusterId?: InputMaybe<Scalars['ID']['input']>;
  /** Every one of these labels must match */
  labels?: InputMaybe<Array<LabelInput>>;
  /** Case-insensitive substring of the name */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Only these sources (config ids) */
  sourceIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only sources of these kinds */
  sourceKinds?: InputMaybe<Array<SourceKind>>;
  status?: InputMaybe<Array<DeploymentStatus>>;
};

export type DeploymentOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: DeploymentOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type DeploymentOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'SOURCE';

export type DeploymentRevision = {
  __typename?: 'DeploymentRevision';
  deployedAt: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['String']['output'];
};

export type DeploymentStatus =
  | 'AWAITING_APPROVAL'
  | 'DEPLOYING'
  | 'FAILED'
  | 'PARTIAL'
  | 'PENDING'
  | 'SUCCEEDED'
  | 'UNKNOWN';

export type Endpoint = {
  __typename?: 'Endpoint';
  address: Scalars['String']['output'];
  protocol: Maybe<Scalars['String']['output']>;
  /** Reachable from outside the vendor network */
  public: Scalars['Boolean']['output'];
};

export type EntityType =
  | 'CLUSTERS'
  | 'DEPLOYMENTS'
  | 'EVENTS'
  | 'HOSTS'
  | 'SNAPSHOTS'
  | 'WORKFLOWS';

/** Something that happened: a vendor event or alarm, an operation log entry */
export type Event = Node & {
  __typename?: 'Event';
  actor: Maybe<Scalars['String']['output']>;
  category: Maybe<Scalars['String']['output']>;
  cluster: Maybe<Cluster>;
  id: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  nativeId: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  severity: EventSeverity;
  source: Source;
};

export type EventConnection = {
  __typename?: 'EventConnection';
  edges: Array<EventEdge>;
  /** Sources whose items are missing from this page because they failed; also reported in `errors` */
  missingSources: Array<SourceProblem>;
  pageInfo: PageInfo;
  /** Items matching the filter across every source that answered */
  totalCount: Scalars['Int']['output'];
};

export type EventEdge = {
  __typename?: 'EventEdge';
  cursor: Scalars['String']['output'];
  node: Event;
};

export type EventFilter = {
  /** Only objects of this cluster */
  clusterId?: InputMaybe<Scalars['ID']['input']>;
  /** Every one of these labels must match */
  labels?: InputMaybe<Array<LabelInput>>;
  /** Case-insensitive substring of the name */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  severity?: InputMaybe<Array<EventSeverity>>;
  /** Only those that occurred at or after this instant */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only these sources (config ids) */
  sourceIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only sources of these kinds */
  sourceKinds?: InputMaybe<Array<SourceKind>>;
  /** Only those that occurred at or before this instant */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

export type EventOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: EventOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type EventOrderField =
  | 'OCCURRED_AT'
  | 'SOURCE';

export type EventSeverity =
  | 'CRITICAL'
  | 'ERROR'
  | 'INFO'
  | 'WARNING';

export type FleetGroup = {
  __typename?: 'FleetGroup';
  count: Scalars['Int']['output'];
  kind: ClusterKind;
  source: Source;
  status: ClusterStatus;
};

/** Cluster counts by source, kind and status: a dashboard’s first screen in one call per source */
export type FleetSummary = {
  __typename?: 'FleetSummary';
  groups: Array<FleetGroup>;
  missingSources: Array<SourceProblem>;
  total: Scalars['Int']['output'];
};

/** A machine, VM or node that belongs to a cluster */
export type Host = Node & {
  __typename?: 'Host';
  addresses: Array<Scalars['String']['output']>;
  cluster: Maybe<Cluster>;
  id: Scalars['ID']['output'];
  kernel: Maybe<Scalars['String']['output']>;
  labels: Array<Label>;
  name: Scalars['String']['output'];
  nativeId: Scalars['String']['output'];
  os: Maybe<Scalars['String']['output']>;
  rawStatus: Scalars['String']['output'];
  role: Maybe<Scalars['String']['output']>;
  source: Source;
  status: HostStatus;
  usage: Maybe<ResourceUsage>;
};

export type HostConnection = {
  __typename?: 'HostConnection';
  edges: Array<HostEdge>;
  /** Sources whose items are missing from this page because they failed; also reported in `errors` */
  missingSources: Array<SourceProblem>;
  pageInfo: PageInfo;
  /** Items matching the filter across every source that answered */
  totalCount: Scalars['Int']['output'];
};

export type HostEdge = {
  __typename?: 'HostEdge';
  cursor: Scalars['String']['output'];
  node: Host;
};

export type HostFilter = {
  /** Only objects of this cluster */
  clusterId?: InputMaybe<Scalars['ID']['input']>;
  /** Every one of these labels must match */
  labels?: InputMaybe<Array<LabelInput>>;
  /** Case-insensitive substring of the name */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Only these sources (config ids) */
  sourceIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only sources of these kinds */
  sourceKinds?: InputMaybe<Array<SourceKind>>;
  status?: InputMaybe<Array<HostStatus>>;
};

export type HostOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: HostOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type HostOrderField =
  | 'NAME'
  | 'SOURCE'
  | 'STATUS';

export type HostStatus =
  | 'DEGRADED'
  | 'FAILED'
  | 'OFFLINE'
  | 'ONLINE'
  | 'PROVISIONING'
  | 'REMOVING'
  | 'UNKNOWN';

/** A key/value label or tag, whatever the vendor calls it */
export type Label = {
  __typename?: 'Label';
  key: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** Matches a label by key, and by value when one is given */
export type LabelInput = {
  key: Scalars['String']['input'];
  value?: InputMaybe<Scalars['String']['input']>;
};

export type Node = {
  id: Scalars['ID']['output'];
};

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** Clusters across every source */
  clusters: ClusterConnection;
  /** Deployments across every source */
  deployments: DeploymentConnection;
  /** Events across every source, newest first unless ordered otherwise */
  events: EventConnection;
  fleetSummary: FleetSummary;
  /** Hosts across every source */
  hosts: HostConnection;
  node: Maybe<Node>;
  nodes: Array<Maybe<Node>>;
  /** Snapshots and backups across every source */
  snapshots: SnapshotConnection;
  /** Every configured source, in config order */
  sources: Array<Source>;
  /** Workflows across every source, newest first unless ordered otherwise */
  workflows: WorkflowConnection;
};


export type QueryClustersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClusterFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ClusterOrder>;
};


export type QueryDeploymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DeploymentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DeploymentOrder>;
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EventOrder>;
};


export type QueryHostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HostFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<HostOrder>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QuerySnapshotsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SnapshotFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<SnapshotOrder>;
};


export type QueryWorkflowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkflowFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<WorkflowOrder>;
};

export type ReplicaCounts = {
  __typename?: 'ReplicaCounts';
  error: Scalars['Int']['output'];
  running: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type ResourceUsage = {
  __typename?: 'ResourceUsage';
  cpu: Maybe<Usage>;
  memory: Maybe<Usage>;
  storage: Maybe<Usage>;
};

/** A point-in-time copy of a cluster: DWS snapshots, HCI metadata snapshots, TiEM backups */
export type Snapshot = Node & {
  __typename?: 'Snapshot';
  cluster: Maybe<Cluster>;
  description: Maybe<Scalars['String']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  nativeId: Scalars['String']['output'];
  rawStatus: Scalars['String']['output'];
  /** Bytes (a Float: sizes pass 2^31) */
  sizeBytes: Maybe<Scalars['Float']['output']>;
  source: Source;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: SnapshotStatus;
  type: SnapshotType;
};

export type SnapshotConnection = {
  __typename?: 'SnapshotConnection';
  edges: Array<SnapshotEdge>;
  /** Sources whose items are missing from this page because they failed; also reported in `errors` */
  missingSources: Array<SourceProblem>;
  pageInfo: PageInfo;
  /** Items matching the filter across every source that answered */
  totalCount: Scalars['Int']['output'];
};

export type SnapshotEdge = {
  __typename?: 'SnapshotEdge';
  cursor: Scalars['String']['output'];
  node: Snapshot;
};

export type SnapshotFilter = {
  /** Only objects of this cluster */
  clusterId?: InputMaybe<Scalars['ID']['input']>;
  /** Every one of these labels must match */
  labels?: InputMaybe<Array<LabelInput>>;
  /** Case-insensitive substring of the name */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Only those started at or after this instant */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only these sources (config ids) */
  sourceIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only sources of these kinds */
  sourceKinds?: InputMaybe<Array<SourceKind>>;
  status?: InputMaybe<Array<SnapshotStatus>>;
  /** Only those started at or before this instant */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

export type SnapshotOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: SnapshotOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type SnapshotOrderField =
  | 'NAME'
  | 'SOURCE'
  | 'STARTED_AT';

export type SnapshotStatus =
  | 'AVAILABLE'
  | 'CREATING'
  | 'DELETING'
  | 'FAILED'
  | 'RESTORING'
  | 'UNKNOWN';

export type SnapshotType =
  | 'AUTOMATED'
  | 'MANUAL';

/** A configured backend: one vendor API endpoint with its own credentials */
export type Source = Node & {
  __typename?: 'Source';
  /** The kinds of object this source has */
  capabilities: Array<EntityType>;
  health: SourceHealth;
  id: Scalars['ID']['output'];
  kind: SourceKind;
  lastError: Maybe<SourceErrorInfo>;
  lastSuccessAt: Maybe<Scalars['DateTime']['output']>;
  /** Recent mean latency of successful vendor calls */
  latencyMs: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  /** The id the config gives this source */
  sourceId: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

export type SourceErrorInfo = {
  __typename?: 'SourceErrorInfo';
  at: Scalars['DateTime']['output'];
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** UP: answering; DEGRADED: recent failures or the breaker is testing; DOWN: the circuit breaker is open */
export type SourceHealth =
  | 'DEGRADED'
  | 'DOWN'
  | 'UP';

/** The vendor API a source speaks */
export type SourceKind =
  | 'DCOS'
  | 'DWS'
  | 'HCI'
  | 'OTESTACK'
  | 'TIEM';

/** A source left out of a result, and why */
export type SourceProblem = {
  __typename?: 'SourceProblem';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  sourceId: Scalars['String']['output'];
};

/** Used and total amounts of one resource, in `unit`; `ratio` is used/total in 0..1 */
export type Usage = {
  __typename?: 'Usage';
  ratio: Maybe<Scalars['Float']['output']>;
  total: Maybe<Scalars['Float']['output']>;
  unit: UsageUnit;
  used: Maybe<Scalars['Float']['output']>;
};

export type UsageUnit =
  | 'BYTES'
  | 'CORES'
  | 'HZ'
  | 'RATIO';

/** A long-running change: read from the vendor where it has workflow ids, derived from the target’s status where it does not */
export type Workflow = Node & {
  __typename?: 'Workflow';
  cluster: Maybe<Cluster>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  message: Maybe<Scalars['String']['output']>;
  nativeId: Scalars['String']['output'];
  /** 0..1 */
  progress: Maybe<Scalars['Float']['output']>;
  rawState: Scalars['String']['output'];
  source: Source;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  state: WorkflowState;
  steps: Array<WorkflowStep>;
  /** Global id of the object this workflow changes */
  targetId: Maybe<Scalars['ID']['output']>;
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};

export type WorkflowConnection = {
  __typename?: 'WorkflowConnection';
  edges: Array<WorkflowEdge>;
  /** Sources whose items are missing from this page because they failed; also reported in `errors` */
  missingSources: Array<SourceProblem>;
  pageInfo: PageInfo;
  /** Items matching the filter across every source that answered */
  totalCount: Scalars['Int']['output'];
};

export type WorkflowEdge = {
  __typename?: 'WorkflowEdge';
  cursor: Scalars['String']['output'];
  node: Workflow;
};

export type WorkflowFilter = {
  /** true: only those still running or pending; false: only finished ones */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only objects of this cluster */
  clusterId?: InputMaybe<Scalars['ID']['input']>;
  /** Every one of these labels must match */
  labels?: InputMaybe<Array<LabelInput>>;
  /** Case-insensitive substring of the name */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Only these sources (config ids) */
  sourceIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only sources of these kinds */
  sourceKinds?: InputMaybe<Array<SourceKind>>;
  state?: InputMaybe<Array<WorkflowState>>;
};

export type WorkflowOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: WorkflowOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type WorkflowOrderField =
  | 'SOURCE'
  | 'STARTED_AT';

export type WorkflowState =
  | 'CANCELLED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED';

export type WorkflowStep = {
  __typename?: 'WorkflowStep';
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  message: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  state: WorkflowState;
};

export type ClusterFilter = {
  /** Every one of these labels must match */
  labels?: Array<LabelInput> | null | undefined;
  /** Case-insensitive substring of the name */
  nameContains?: string | null | undefined;
  /** Only these sources (config ids) */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  status?: Array<ClusterStatus> | null | undefined;
};

export type ClusterKind =
  | 'CONTAINER'
  | 'DATABASE'
  | 'DATA_WAREHOUSE'
  | 'EDGE'
  | 'HCI';

export type ClusterOrder = {
  direction?: OrderDirection | null | undefined;
  field: ClusterOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type ClusterOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'SOURCE'
  | 'STATUS';

/** Normalized cluster status; `rawStatus` keeps the vendor word. UNKNOWN means the vendor used a word Fleetgate does not know yet. */
export type ClusterStatus =
  | 'CREATING'
  | 'DEGRADED'
  | 'DELETED'
  | 'DELETING'
  | 'FAILED'
  | 'RUNNING'
  | 'STOPPED'
  | 'STOPPING'
  | 'UNKNOWN'
  | 'UPDATING';

export type DeploymentFilter = {
  /** Only objects of this cluster */
  clusterId?: string | number | null | undefined;
  /** Every one of these labels must match */
  labels?: Array<LabelInput> | null | undefined;
  /** Case-insensitive substring of the name */
  nameContains?: string | null | undefined;
  /** Only these sources (config ids) */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  status?: Array<DeploymentStatus> | null | undefined;
};

export type DeploymentOrder = {
  direction?: OrderDirection | null | undefined;
  field: DeploymentOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type DeploymentOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'SOURCE';

export type DeploymentStatus =
  | 'AWAITING_APPROVAL'
  | 'DEPLOYING'
  | 'FAILED'
  | 'PARTIAL'
  | 'PENDING'
  | 'SUCCEEDED'
  | 'UNKNOWN';

export type EntityType =
  | 'CLUSTERS'
  | 'DEPLOYMENTS'
  | 'EVENTS'
  | 'HOSTS'
  | 'SNAPSHOTS'
  | 'WORKFLOWS';

export type EventFilter = {
  /** Only objects of this cluster */
  clusterId?: string | number | null | undefined;
  /** Every one of these labels must match */
  labels?: Array<LabelInput> | null | undefined;
  /** Case-insensitive substring of the name */
  nameContains?: string | null | undefined;
  severity?: Array<EventSeverity> | null | undefined;
  /** Only those that occurred at or after this instant */
  since?: string | null | undefined;
  /** Only these sources (config ids) */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  /** Only those that occurred at or before this instant */
  until?: string | null | undefined;
};

export type EventOrder = {
  direction?: OrderDirection | null | undefined;
  field: EventOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type EventOrderField =
  | 'OCCURRED_AT'
  | 'SOURCE';

export type EventSeverity =
  | 'CRITICAL'
  | 'ERROR'
  | 'INFO'
  | 'WARNING';

export type HostFilter = {
  /** Only objects of this cluster */
  clusterId?: string | number | null | undefined;
  /** Every one of these labels must match */
  labels?: Array<LabelInput> | null | undefined;
  /** Case-insensitive substring of the name */
  nameContains?: string | null | undefined;
  /** Only these sources (config ids) */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  status?: Array<HostStatus> | null | undefined;
};

export type HostOrder = {
  direction?: OrderDirection | null | undefined;
  field: HostOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type HostOrderField =
  | 'NAME'
  | 'SOURCE'
  | 'STATUS';

export type HostStatus =
  | 'DEGRADED'
  | 'FAILED'
  | 'OFFLINE'
  | 'ONLINE'
  | 'PROVISIONING'
  | 'REMOVING'
  | 'UNKNOWN';

/** Matches a label by key, and by value when one is given */
export type LabelInput = {
  key: string;
  value?: string | null | undefined;
};

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type SnapshotFilter = {
  /** Only objects of this cluster */
  clusterId?: string | number | null | undefined;
  /** Every one of these labels must match */
  labels?: Array<LabelInput> | null | undefined;
  /** Case-insensitive substring of the name */
  nameContains?: string | null | undefined;
  /** Only those started at or after this instant */
  since?: string | null | undefined;
  /** Only these sources (config ids) */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  status?: Array<SnapshotStatus> | null | undefined;
  /** Only those started at or before this instant */
  until?: string | null | undefined;
};

export type SnapshotOrder = {
  direction?: OrderDirection | null | undefined;
  field: SnapshotOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type SnapshotOrderField =
  | 'NAME'
  | 'SOURCE'
  | 'STARTED_AT';

export type SnapshotStatus =
  | 'AVAILABLE'
  | 'CREATING'
  | 'DELETING'
  | 'FAILED'
  | 'RESTORING'
  | 'UNKNOWN';

export type SnapshotType =
  | 'AUTOMATED'
  | 'MANUAL';

/** UP: answering; DEGRADED: recent failures or the breaker is testing; DOWN: the circuit breaker is open */
export type SourceHealth =
  | 'DEGRADED'
  | 'DOWN'
  | 'UP';

/** The vendor API a source speaks */
export type SourceKind =
  | 'DCOS'
  | 'DWS'
  | 'HCI'
  | 'OTESTACK'
  | 'TIEM';

export type WorkflowFilter = {
  /** true: only those still running or pending; false: only finished ones */
  active?: boolean | null | undefined;
  /** Only objects of this cluster */
  clusterId?: string | number | null | undefined;
  /** Every one of these labels must match */
  labels?: Array<LabelInput> | null | undefined;
  /** Case-insensitive substring of the name */
  nameContains?: string | null | undefined;
  /** Only these sources (config ids) */
  sourceIds?: Array<string> | null | undefined;
  /** Only sources of these kinds */
  sourceKinds?: Array<SourceKind> | null | undefined;
  state?: Array<WorkflowState> | null | undefined;
};

export type WorkflowOrder = {
  direction?: OrderDirection | null | undefined;
  field: WorkflowOrderField;
};

/** SOURCE keeps each source in its own native order, sources one after another: the cheapest order to walk */
export type WorkflowOrderField =
  | 'SOURCE'
  | 'STARTED_AT';

export type WorkflowState =
  | 'CANCELLED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ClusterPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ClusterFilter | null | undefined;
  orderBy?: ClusterOrder | null | undefined;
}>;


export type ClusterPageQuery = { clusters: { totalCount: number, missingSources: Array<{ sourceId: string, code: string, message: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, nativeId: string, name: string, kind: ClusterKind, status: ClusterStatus, rawStatus: string, version: string | null, createdAt: string | null, source: { sourceId: string, kind: SourceKind } } }> } };

export type ClustersDeepQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ClustersDeepQuery = { clusters: { totalCount: number, edges: Array<{ node: { id: string, name: string, hosts: { edges: Array<{ node: { id: string, name: string, status: HostStatus, addresses: Array<string> } }> }, snapshots: { edges: Array<{ node: { id: string, name: string, status: SnapshotStatus } }> }, events: { edges: Array<{ node: { id: string, message: string, severity: EventSeverity } }> } } }> } };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Cluster', name: string, status: ClusterStatus, id: string, source: { sourceId: string } }
    | { __typename: 'Deployment', name: string, id: string, cluster: { id: string } | null }
    | { __typename: 'Event', message: string, id: string, cluster: { id: string } | null }
    | { __typename: 'Host', name: string, id: string, cluster: { id: string } | null }
    | { __typename: 'Snapshot', name: string, id: string, cluster: { id: string } | null }
    | { __typename: 'Source', id: string }
    | { __typename: 'Workflow', kind: string, state: WorkflowState, id: string, cluster: { id: string } | null }
   | null };

export type SourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type SourcesQuery = { sources: Array<{ id: string, sourceId: string, kind: SourceKind, name: string, url: string, health: SourceHealth, capabilities: Array<EntityType>, lastError: { code: string, message: string } | null }> };

export type FleetSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type FleetSummaryQuery = { fleetSummary: { total: number, groups: Array<{ kind: ClusterKind, status: ClusterStatus, count: number, source: { sourceId: string } }>, missingSources: Array<{ sourceId: string, code: string }> } };

export type HostPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: HostFilter | null | undefined;
  orderBy?: HostOrder | null | undefined;
}>;


export type HostPageQuery = { hosts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, status: HostStatus, rawStatus: string, role: string | null, addresses: Array<string>, source: { sourceId: string }, cluster: { id: string, name: string } | null } }> } };

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


export type WorkflowPageQuery = { workflows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: string, state: WorkflowState, rawState: string, progress: number | null, message: string | null, targetId: string | null, source: { sourceId: string }, cluster: { id: string, name: string } | null } }> } };


export const ClusterPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClusterFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClusterOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"missingSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClusterPageQuery, ClusterPageQueryVariables>;
export const ClustersDeepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClustersDeep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"SOURCE"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"addresses"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClustersDeepQuery, ClustersDeepQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Cluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Snapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Event"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workflow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const SourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SourcesQuery, SourcesQueryVariables>;
export const FleetSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FleetSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleetSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<FleetSummaryQuery, FleetSummaryQueryVariables>;
export const HostPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"addresses"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostPageQuery, HostPageQueryVariables>;
export const SnapshotPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SnapshotPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SnapshotFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SnapshotOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SnapshotPageQuery, SnapshotPageQueryVariables>;
export const EventPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EventPageQuery, EventPageQueryVariables>;
export const DeploymentPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeploymentPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"application"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeploymentPageQuery, DeploymentPageQueryVariables>;
export const WorkflowPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowPageQuery, WorkflowPageQueryVariables>;