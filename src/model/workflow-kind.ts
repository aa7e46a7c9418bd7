/**
 * What a workflow does, in the gateway's words: a closed set every adapter maps its
 * vendor's operations onto (a vendor operation with no name here is `Other`, its own
 * name kept in `Workflow.rawKind` where the vendor gives one).
 */
export const WORKFLOW_KINDS = [
  'CreateCluster',
  'DeleteCluster',
  'StopCluster',
  'RestartCluster',
  'ScaleCluster',
  'TakeOverCluster',
  'JoinCluster',
  'InspectCluster',
  'RepairCluster',
  'FreezeCluster',
  'UnfreezeCluster',
  'AddHosts',
  'DeleteHosts',
  'HostTask',
  'AddCoordinators',
  'RemoveCoordinators',
  'RedistributeData',
  'ResizeFlavor',
  'ExpandDisk',
  'SwitchOver',
  'ConfigureSecurity',
  'ConfigureNetwork',
  'ConfigureDataSource',
  'DeleteDataSource',
  'BindLoadBalancer',
  'UnbindLoadBalancer',
  'SwitchLoadBalancer',
  'EnableManagementAccess',
  'RecoverDisasterRecovery',
  'PayOrder',
  'CreateSnapshot',
  'RestoreSnapshot',
  'CreateDeployment',
  'UpgradeDeployment',
  'RollbackDeployment',
  'DeleteDeployment',
  'Other',
] as const;

export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];
