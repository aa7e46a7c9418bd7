/**
 * The steps of each TiEM workflow, named as TiEM's own flow definitions name their nodes,
 * with realistic durations in simulated seconds and the message a step fails with
 * (TiUP/BR/MySQL errors as TiEM records them in the node's result). Only steps that
 * do real work carry a failure; an operation that fails fails at one of those.
 */
export interface StepDef {
  name: string;
  seconds: number;
  failure?: (ctx: FailureContext) => string;
}

export interface FailureContext {
  clusterName: string;
  ip: string;
  zone: string;
}

export type FlowKey =
  | 'CreateCluster'
  | 'RestoreNewCluster'
  | 'DeleteCluster'
  | 'StopCluster'
  | 'RestartCluster'
  | 'StartCluster'
  | 'TakeoverCluster'
  | 'BackupCluster';

export interface FlowDef {
  /** The flow name TiEM reports (starting a stopped cluster is still a RestartCluster flow). */
  flowName: string;
  steps: StepDef[];
}

const tiupStartFailure = (verb: string) => (c: FailureContext) =>
  `tiup cluster ${verb} ${c.clusterName} failed: failed to start tikv: tikv ${c.ip}:20160 failed to start: timed out waiting for port 20160 to be started after 2m0s`;

const CREATE_STEPS = (restoreSeconds: number, restoreFailure?: StepDef['failure']): StepDef[] => [
  {
    name: 'prepareResource',
    seconds: 20,
    failure: (c) => `allocate resource failed: host resource is not enough: need 3 hosts of 8C32G with NVMeSSD in zone ${c.zone}, 1 available`,
  },
  { name: 'buildConfig', seconds: 8 },
  {
    name: 'deployCluster',
    seconds: 300,
    failure: (c) =>
      `tiup cluster deploy ${c.clusterName} failed: ssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey], no supported methods remain (host ${c.ip})`,
  },
  { name: 'syncConnectionKey', seconds: 5 },
  { name: 'syncTopology', seconds: 10 },
  { name: 'startupCluster', seconds: 240, failure: tiupStartFailure('start') },
  { name: 'setClusterOnline', seconds: 3 },
  {
    name: 'initRootAccount',
    seconds: 15,
    failure: (c) => `init root account failed: Error 1045: Access denied for user 'root'@'${c.ip}' (using password: NO)`,
  },
  { name: 'initDatabaseAccount', seconds: 15 },
  {
    name: 'applyParameterGroup',
    seconds: 90,
    failure: (c) => `apply parameter group failed: update pd config max-merge-region-size on ${c.ip}:2379: context deadline exceeded`,
  },
  { name: 'adjustParameters', seconds: 30 },
  { name: 'testConnectivity', seconds: 10, failure: (c) => `connect to tidb ${c.ip}:4000 failed: dial tcp ${c.ip}:4000: connect: connection refused` },
  { name: 'initDatabaseData', seconds: 10 },
  { name: 'waitInitDatabaseData', seconds: restoreSeconds, ...(restoreFailure ? { failure: restoreFailure } : {}) },
  { name: 'end', seconds: 2 },
];

export const FLOWS: Record<FlowKey, FlowDef> = {
  CreateCluster: { flowName: 'CreateCluster', steps: CREATE_STEPS(30) },
  RestoreNewCluster: {
    flowName: 'RestoreNewCluster',
    steps: CREATE_STEPS(
      600,
      (c) => `br restore full failed: [BR:KV:ErrKVDownloadFailed]download sst failed: rpc error: code = Unavailable desc = tikv ${c.ip}:20160 is not available`,
    ),
  },
  DeleteCluster: {
    flowName: 'DeleteCluster',
    steps: [
      { name: 'backupBeforeDelete', seconds: 5 },
      {
        name: 'destroyCluster',
        seconds: 120,
        failure: (c) => `tiup cluster destroy ${c.clusterName} failed: failed to stop pd ${c.ip}:2379: context deadline exceeded`,
      },
      { name: 'freedClusterResource', seconds: 10 },
      { name: 'clearBackupData', seconds: 15 },
      { name: 'clearCDCLinks', seconds: 5 },
      { name: 'end', seconds: 2 },
    ],
  },
  StopCluster: {
    flowName: 'StopCluster',
    steps: [
      {
        name: 'clusterStop',
        seconds: 90,
        failure: (c) => `tiup cluster stop ${c.clusterName} failed: failed to stop tidb ${c.ip}:4000: timed out waiting for port 4000 to be stopped after 2m0s`,
      },
      { name: 'setClusterOffline', seconds: 3 },
      { name: 'end', seconds: 2 },
    ],
  },
  RestartCluster: {
    flowName: 'RestartCluster',
    steps: [
      { name: 'restartCluster', seconds: 180, failure: tiupStartFailure('restart') },
      { name: 'setClusterOnline', seconds: 3 },
      { name: 'end', seconds: 2 },
    ],
  },
  StartCluster: {
    flowName: 'RestartCluster',
    steps: [
      { name: 'startCluster', seconds: 150, failure: tiupStartFailure('start') },
      { name: 'setClusterOnline', seconds: 3 },
      { name: 'end', seconds: 2 },
    ],
  },
  TakeoverCluster: {
    flowName: 'TakeoverCluster',
    steps: [
      {
        name: 'fetchTopologyFile',
        seconds: 10,
        failure: (c) => `fetch topology file failed: open .tiup/storage/cluster/clusters/${c.clusterName}/meta.yaml: no such file or directory`,
      },
      { name: 'rebuildTopologyFromConfig', seconds: 10 },
      { name: 'testConnectivity', seconds: 20, failure: (c) => `connect to tidb ${c.ip}:4000 failed: Error 1045: Access denied for user 'root'@'${c.ip}'` },
      {
        name: 'validateHostsStatus',
        seconds: 30,
        failure: (c) => `validate hosts status failed: host ${c.ip} is not reachable: dial tcp ${c.ip}:22: i/o timeout`,
      },
      { name: 'takeoverResource', seconds: 20 },
      { name: 'rebuildTiupSpaceForCluster', seconds: 30 },
      { name: 'applyParameterGroup', seconds: 60 },
      { name: 'initDatabaseAccount', seconds: 15 },
      { name: 'end', seconds: 2 },
    ],
  },
  BackupCluster: {
    flowName: 'BackupCluster',
    steps: [
      {
        name: 'backup',
        seconds: 420,
        failure: (c) => `br backup full failed: [BR:Common:ErrFailedToConnect]failed to connect to store 4 (${c.ip}:20160): context deadline exceeded`,
      },
      { name: 'updateBackupRecord', seconds: 3 },
      { name: 'end', seconds: 2 },
    ],
  },
};

/** Every flow name TiEM reports, for list filters and tests. */
export const FLOW_NAMES = [...new Set(Object.values(FLOWS).map((f) => f.flowName))];
