import type { Rng } from '../kit/rng.js';
import type { DwsEvent, DwsStore } from './model.js';

/**
 * Event definitions, named the way DWS names them (the document's example is
 * `deleteClusterSuccess`, "Cluster %s deleted"). `source_type` and `category` take the
 * values the event-subscription API lists: cluster/backup/disaster-recovery and
 * management/monitor/security/system alarm; severity is normal or warning.
 */
const DEFINITIONS = {
  createClusterStart: ['management', 'normal', 'cluster', 'Cluster creation started', 'Creation of cluster %s started'],
  createClusterSuccess: ['management', 'normal', 'cluster', 'Cluster created', 'Cluster %s created'],
  createClusterFailure: ['management', 'warning', 'cluster', 'Cluster creation failed', 'Cluster %s failed to be created'],
  deleteClusterStart: ['management', 'normal', 'cluster', 'Cluster deletion started', 'Deletion of cluster %s started'],
  deleteClusterSuccess: ['management', 'normal', 'cluster', 'Cluster deleted', 'Cluster %s deleted'],
  deleteClusterFailure: ['management', 'warning', 'cluster', 'Cluster deletion failed', 'Cluster %s failed to be deleted'],
  rebootClusterStart: ['management', 'normal', 'cluster', 'Cluster restart started', 'Restart of cluster %s started'],
  rebootClusterSuccess: ['management', 'normal', 'cluster', 'Cluster restarted', 'Cluster %s restarted'],
  rebootClusterFailure: ['management', 'warning', 'cluster', 'Cluster restart failed', 'Cluster %s failed to be restarted'],
  resizeClusterStart: ['management', 'normal', 'cluster', 'Cluster scale-out started', 'Scale-out of cluster %s started'],
  resizeClusterSuccess: ['management', 'normal', 'cluster', 'Cluster scaled out', 'Cluster %s scaled out'],
  resizeClusterFailure: ['management', 'warning', 'cluster', 'Cluster scale-out failed', 'Cluster %s failed to be scaled out'],
  addIdleNodeSuccess: ['management', 'normal', 'cluster', 'Idle nodes added', 'Idle nodes added to cluster %s'],
  redistributeStart: ['management', 'normal', 'cluster', 'Data redistribution started', 'Data redistribution of cluster %s started'],
  shrinkClusterStart: ['management', 'normal', 'cluster', 'Cluster scale-in started', 'Scale-in of cluster %s started'],
  shrinkClusterSuccess: ['management', 'normal', 'cluster', 'Cluster scaled in', 'Cluster %s scaled in'],
  shrinkClusterFailure: ['management', 'warning', 'cluster', 'Cluster scale-in failed', 'Cluster %s failed to be scaled in'],
  addCNStart: ['management', 'normal', 'cluster', 'CN addition started', 'Adding CNs to cluster %s started'],
  addCNSuccess: ['management', 'normal', 'cluster', 'CNs added', 'CNs added to cluster %s'],
  addCNFailure: ['management', 'warning', 'cluster', 'CN addition failed', 'CNs failed to be added to cluster %s'],
  deleteCNStart: ['management', 'normal', 'cluster', 'CN deletion started', 'Deleting CNs from cluster %s started'],
  deleteCNSuccess: ['management', 'normal', 'cluster', 'CNs deleted', 'CNs deleted from cluster %s'],
  deleteCNFailure: ['management', 'warning', 'cluster', 'CN deletion failed', 'CNs failed to be deleted from cluster %s'],
  restoreClusterStart: ['management', 'normal', 'cluster', 'Cluster restoration started', 'Restoration of cluster %s started'],
  restoreClusterSuccess: ['management', 'normal', 'cluster', 'Cluster restored', 'Cluster %s restored'],
  restoreClusterFailure: ['management', 'warning', 'cluster', 'Cluster restoration failed', 'Cluster %s failed to be restored'],
  taskFinished: ['management', 'normal', 'cluster', 'Cluster task completed', 'A task of cluster %s completed'],
  createSnapshotStart: ['management', 'normal', 'backup', 'Snapshot creation started', 'Creation of snapshot %s started'],
  createSnapshotSuccess: ['management', 'normal', 'backup', 'Snapshot created', 'Snapshot %s created'],
  createSnapshotFailure: ['management', 'warning', 'backup', 'Snapshot creation failed', 'Snapshot %s failed to be created'],
  deleteSnapshotSuccess: ['management', 'normal', 'backup', 'Snapshot deleted', 'Snapshot %s deleted'],
  copySnapshotSuccess: ['management', 'normal', 'backup', 'Snapshot copied', 'Snapshot %s copied'],
  clusterStatusAbnormal: ['monitor', 'warning', 'cluster', 'Cluster status abnormal', 'Cluster %s is abnormal'],
  clusterReadOnly: ['monitor', 'warning', 'cluster', 'Cluster read-only', 'Cluster %s entered read-only state'],
  resetPasswordSuccess: ['security', 'normal', 'cluster', 'Password reset', 'The administrator password of cluster %s was reset'],
  cancelReadonlySuccess: ['management', 'normal', 'cluster', 'Read-only status canceled', 'The read-only status of cluster %s was canceled'],
  configureDataSourceStart: ['management', 'normal', 'cluster', 'Data source configuration started', 'Configuring a data source of cluster %s started'],
  configureDataSourceSuccess: ['management', 'normal', 'cluster', 'Data source configured', 'A data source of cluster %s was configured'],
  configureDataSourceFailure: ['management', 'warning', 'cluster', 'Data source configuration failed', 'A data source of cluster %s failed to be configured'],
  deleteDataSourceStart: ['management', 'normal', 'cluster', 'Data source deletion started', 'Deleting a data source of cluster %s started'],
  deleteDataSourceSuccess: ['management', 'normal', 'cluster', 'Data source deleted', 'A data source of cluster %s was deleted'],
  deleteDataSourceFailure: ['management', 'warning', 'cluster', 'Data source deletion failed', 'A data source of cluster %s failed to be deleted'],
  bindElbStart: ['management', 'normal', 'cluster', 'ELB binding started', 'Binding an ELB to cluster %s started'],
  bindElbSuccess: ['management', 'normal', 'cluster', 'ELB bound', 'An ELB was bound to cluster %s'],
  bindElbFailure: ['management', 'warning', 'cluster', 'ELB binding failed', 'An ELB failed to be bound to cluster %s'],
  unbindElbStart: ['management', 'normal', 'cluster', 'ELB unbinding started', 'Unbinding the ELB of cluster %s started'],
  unbindElbSuccess: ['management', 'normal', 'cluster', 'ELB unbound', 'The ELB of cluster %s was unbound'],
  unbindElbFailure: ['management', 'warning', 'cluster', 'ELB unbinding failed', 'The ELB of cluster %s failed to be unbound'],
  bindEipSuccess: ['management', 'normal', 'cluster', 'EIP bound', 'An EIP was bound to cluster %s'],
  unbindEipSuccess: ['management', 'normal', 'cluster', 'EIP unbound', 'The EIP of cluster %s was unbound'],
  setConfigurationStart: ['management', 'normal', 'cluster', 'Parameter modification started', 'Modifying the parameters of cluster %s started'],
  setConfigurationSuccess: ['management', 'normal', 'cluster', 'Parameters modified', 'The parameters of cluster %s were modified'],
  setConfigurationFailure: ['management', 'warning', 'cluster', 'Parameter modification failed', 'The parameters of cluster %s failed to be modified'],
  diskUsageHigh: ['system alarm', 'warning', 'cluster', 'Disk usage high', 'Disk usage of cluster %s exceeded the threshold'],
  drSwitchoverSuccess: ['management', 'normal', 'disaster-recovery', 'DR switchover completed', 'DR switchover of %s completed'],
} as const satisfies Record<string, readonly [string, 'normal' | 'warning', string, string, string]>;

export type EventName = keyof typeof DEFINITIONS;
export const EVENT_NAMES = Object.keys(DEFINITIONS) as EventName[];

/** Ends with "Start" means the operation is still running: the event's status is 1, else 2. */
const statusOf = (name: EventName) => (name.endsWith('Start') ? 1 : 2);

export class EventLog {
  constructor(
    private readonly store: DwsStore,
    private readonly rng: Rng,
  ) {}

  record(name: EventName, source: { id: string; name: string }, at: number): DwsEvent {
    const [category, severity, sourceType, displayName, description] = DEFINITIONS[name];
    const event: DwsEvent = {
      category,
      description,
      event_id: this.rng.uuid(),
      name,
      display_name: displayName,
      name_space: 'dws',
      severity,
      source_type: sourceType,
      occur_time: at,
      project_id: this.store.project.id,
      source_id: source.id,
      source_name: source.name,
      status: statusOf(name),
      subject: 'DWS event notification',
      context: description.replace('%s', source.name),
    };
    this.store.addEvent(event);
    return event;
  }
}
