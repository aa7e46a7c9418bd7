import type { Rng } from '../kit/rng.js';
import { type FlowDef, type FlowKey, FLOWS } from './flows.js';
import { round, tiemId } from './format.js';
import {
  addBackup,
  type BackupRecord,
  type Cluster,
  clusterBackups,
  type MaintainStatus,
  removeBackup,
  setClusterStatus,
  type TiemState,
  type Workflow,
} from './state.js';
import { unrelate } from './relations.js';
import type { WorkflowEngine, WorkflowHooks } from './workflows.js';

/** A backup BR takes before a delete: long enough to be seen, short enough to wait for. */
const BACKUP_BEFORE_DELETE_SECONDS = 240;

/**
 * The long-running cluster operations: each puts the cluster into a maintenance
 * status, runs its TiEM workflow, and on the workflow's outcome moves the cluster (and
 * its backup records) to where TiEM leaves them.
 */
export class ClusterOperations {
  constructor(
    private readonly state: TiemState,
    private readonly engine: WorkflowEngine,
    private readonly rng: Rng,
  ) {}

  /** CreateCluster, or RestoreNewCluster (the same deployment, then a BR restore). */
  create(cluster: Cluster, at: number, fails: boolean, restoreFrom?: BackupRecord): Workflow {
    setClusterStatus(cluster, 'Initializing', at);
    const flowKey: FlowKey = restoreFrom ? 'RestoreNewCluster' : 'CreateCluster';
    return this.#maintain(
      cluster,
      'Creating',
      FLOWS[flowKey],
      at,
      fails,
      {
        onStepStart: (step, t) => {
          if (restoreFrom && step === 'waitInitDatabaseData') setClusterStatus(cluster, 'Recovering', t);
        },
        onFinished: (t) => setClusterStatus(cluster, 'Running', t),
        onAborted: (t) => setClusterStatus(cluster, 'Failure', t),
      },
      {
        clusterId: cluster.id,
        ...(restoreFrom ? { backupId: restoreFrom.id } : {}),
        // The request's account and parameter group, as the nodes that apply them (initDatabaseAccount, applyParameterGroup) read them.
        dbUser: cluster.dbUser,
        ...(cluster.parameterGroupId ? { parameterGroupID: cluster.parameterGroupId } : {}),
      },
    );
  }

  remove(cluster: Cluster, at: number, fails: boolean, opts: { autoBackup: boolean; keepHistoryBackupRecords: boolean }): Workflow {
    const base = FLOWS.DeleteCluster;
    // With autoBackup the first node really runs BR, so it takes (and can fail like) a backup.
    const flow: FlowDef = opts.autoBackup
      ? {
          ...base,
          steps: base.steps.map((s) =>
            s.name === 'backupBeforeDelete' ? { ...s, seconds: BACKUP_BEFORE_DELETE_SECONDS, failure: FLOWS.BackupCluster.steps[0]?.failure } : s,
          ),
        }
      : base;
    return this.#maintain(
      cluster,
      'Deleting',
      flow,
      at,
      fails,
      {
        onStepFinish: (step, t) => {
          if (step !== 'backupBeforeDelete' || !opts.autoBackup) return;
          const record = this.newBackup(cluster, t - BACKUP_BEFORE_DELETE_SECONDS * 1000, 'manual');
          this.finishBackup(cluster, record, t);
        },
        onFinished: (t) => {
          cluster.deleteTime = t;
          cluster.updateTime = t;
          unrelate(this.state, cluster);
          if (!opts.keepHistoryBackupRecords) {
            for (const b of [...clusterBackups(this.state, cluster.id)]) removeBackup(this.state, b);
          }
        },
        onAborted: (t) => setClusterStatus(cluster, 'Failure', t),
      },
      { clusterId: cluster.id, ...opts },
    );
  }

  stop(cluster: Cluster, at: number, fails: boolean): Workflow {
    return this.#maintain(cluster, 'Stopping', FLOWS.StopCluster, at, fails, {
      onFinished: (t) => setClusterStatus(cluster, 'Stopped', t),
      onAborted: (t) => setClusterStatus(cluster, 'Failure', t),
    });
  }

  /** A stopped cluster is started rather than restarted: TiEM's RestartCluster flow with a startCluster node. */
  restart(cluster: Cluster, at: number, fails: boolean): Workflow {
    const flow = FLOWS[cluster.status === 'Stopped' ? 'StartCluster' : 'RestartCluster'];
    return this.#maintain(cluster, 'Restarting', flow, at, fails, {
      onFinished: (t) => setClusterStatus(cluster, 'Running', t),
      onAborted: (t) => setClusterStatus(cluster, 'Failure', t),
    });
  }

  /** A taken-over cluster already runs; if the takeover fails TiEM forgets it again. */
  takeover(cluster: Cluster, at: number, fails: boolean): Workflow {
    setClusterStatus(cluster, 'Running', at);
    return this.#maintain(cluster, 'Takeover', FLOWS.TakeoverCluster, at, fails, {
      onAborted: () => {
        this.state.clusters.remove(cluster);
      },
    });
  }

  backup(cluster: Cluster, record: BackupRecord, at: number, fails: boolean): Workflow {
    return this.#maintain(
      cluster,
      'BackUp',
      FLOWS.BackupCluster,
      at,
      fails,
      {
        onStepStart: (step, t) => {
          if (step === 'backup') {
            record.status = 'Processing';
            record.startTime = t;
            record.updateTime = t;
          }
        },
        onFinished: (t) => this.finishBackup(cluster, record, t),
        onAborted: (t) => {
          record.status = 'Failed';
          record.endTime = t;
          record.updateTime = t;
        },
      },
      { clusterId: cluster.id, backupId: record.id, backupType: record.backupType, backupMode: record.backupMode },
    );
  }

  /** A new backup record, waiting for its workflow. */
  newBackup(cluster: Cluster, at: number, mode: BackupRecord['backupMode'], type: BackupRecord['backupType'] = 'full'): BackupRecord {
    const id = tiemId(this.rng);
    const stamp = new Date(at).toISOString().slice(0, 19).replace(/[T:]/g, '-');
    const record: BackupRecord = {
      id,
      clusterId: cluster.id,
      backupType: type,
      backupMethod: 'physical',
      backupMode: mode,
      filePath: `nfs/em/backup/${cluster.id}/${stamp}-${type}`,
      sizeMb: 0,
      // A TiDB TSO: physical milliseconds shifted past the 18 logical bits.
      backupTso: (BigInt(Math.floor(at)) << 18n).toString(),
      status: 'Initializing',
      startTime: at,
      createTime: at,
      updateTime: at,
    };
    addBackup(this.state, record);
    return record;
  }

  finishBackup(cluster: Cluster, record: BackupRecord, at: number): void {
    const storedGiB = cluster.instances.filter((i) => i.type === 'TiKV').reduce((sum, i) => sum + i.storageUsedGiB, 0);
    // BR writes one replica, compressed: about a third of one copy's worth.
    const perCopy = storedGiB / Math.max(1, cluster.copies);
    record.sizeMb = round(perCopy * 1024 * (record.backupType === 'incr' ? 0.04 : 0.35));
    record.status = 'Finished';
    record.endTime = at;
    record.updateTime = at;
  }

  #maintain(
    cluster: Cluster,
    maintain: MaintainStatus,
    flow: FlowDef,
    at: number,
    fails: boolean,
    hooks: WorkflowHooks,
    parameters?: Record<string, unknown>,
  ): Workflow {
    cluster.maintainStatus = maintain;
    cluster.updateTime = at;
    const endMaintenance = (t: number) => {
      cluster.maintainStatus = '';
      cluster.updateTime = t;
    };
    const storage = cluster.instances.find((i) => i.type === 'TiKV') ?? cluster.instances[0];
    return this.engine.start(flow, {
      bizId: cluster.id,
      startAt: at,
      ...(fails ? { failAt: this.engine.pickFailingStep(flow) } : {}),
      failure: { clusterName: cluster.name, ip: storage?.hostIp ?? '127.0.0.1', zone: storage?.zone.zoneId ?? cluster.regionId },
      ...(parameters ? { parameters } : {}),
      hooks: {
        ...hooks,
        onFinished: (t) => {
          hooks.onFinished?.(t);
          endMaintenance(t);
        },
        onAborted: (t) => {
          hooks.onAborted?.(t);
          endMaintenance(t);
        },
      },
    });
  }
}
