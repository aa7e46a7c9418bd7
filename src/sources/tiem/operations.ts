import type { Workflow } from '../../model/entities.js';
import { NotFoundError, ValidationError } from '../../model/errors.js';
import { encodeGlobalId, type NodeType } from '../../model/ids.js';
import type { OperationOptions, OperationResult, SourceOperations } from '../../model/operations.js';
import { SourceError } from '../errors.js';
import { RequestScope } from '../scope.js';
import { TIEM_CODES, type TiemClient } from './client.js';
import { acceptedWorkflow } from './map.js';
import { backupBody, checkRestore, createClusterBody, deleteClusterBody, restoreBody, takeoverBody } from './requests.js';
import type { TiemSession } from './session.js';
import type { TiemClusterJob } from './wire.js';

export interface TiemOperationsDeps {
  client: TiemClient;
  sourceId: string;
  /** The adapter's readers over one request scope: results are read back through them. */
  session: (scope: RequestScope) => TiemSession;
  /**
   * The root password TiEM sets on a cluster restored from a backup
   * (`credentials.restoreDbPassword`). TiEM's restore requires one and the gateway's
   * restoreSnapshot has no argument for it, so without it the source cannot restore.
   */
  restoreDbPassword?: string;
}

/** The TiEM code that says the object a call addresses does not exist. */
const NOT_FOUND_CODE: Partial<Record<NodeType, number>> = {
  Cluster: TIEM_CODES.clusterNotFound,
  Snapshot: TIEM_CODES.backupNotFound,
  Workflow: TIEM_CODES.flowNotFound,
};

type Ref = { type: NodeType; nativeId: string };

/**
 * What a TiEM source can change. Every long-running change is a TiEM workflow; its
 * `workFlowId` is the Workflow's native id, read back through the adapter's own
 * `workflows.get` so a mutation's answer and a subscription's looks are the same object.
 * TiEM has no call to change a cluster's tags, so setClusterLabels is absent.
 */
export function createTiemOperations(deps: TiemOperationsDeps): SourceOperations {
  const { client, sourceId } = deps;
  const notFound = ({ type, nativeId }: Ref) => new NotFoundError(type, encodeGlobalId({ type, sourceId, nativeId }));
  const readers = (o?: OperationOptions) => deps.session(new RequestScope(o?.signal));

  /** One write addressed to `subject`; TiEM's not-found code for it becomes NotFoundError. */
  async function send<T>(subject: Ref | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      const code = subject && NOT_FOUND_CODE[subject.type];
      if (subject && err instanceof SourceError && err.code === 'SOURCE_ERROR' && Number(err.detail.vendorCode) === code) throw notFound(subject);
      throw err;
    }
  }

  /**
   * The workflow as the adapter serves it; undefined when it cannot be read now. The
   * change has been made by then, so a failed look is not turned into an error.
   */
  async function readWorkflow(workFlowId: string, o?: OperationOptions): Promise<Workflow | undefined> {
    try {
      return (await readers(o).workflows.get(workFlowId)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** A cluster operation TiEM answered with the cluster and the workflow it runs as. */
  async function clusterJob(subject: Ref | undefined, write: () => Promise<TiemClusterJob>, flowName: string, o?: OperationOptions): Promise<OperationResult> {
    const job = await send(subject, write);
    const workflow = (await readWorkflow(job.workFlowId, o)) ?? acceptedWorkflow(sourceId, job.workFlowId, flowName, job.clusterId);
    return { target: { type: 'Cluster', nativeId: job.clusterId }, workflow };
  }

  const cluster = (nativeId: string): Ref => ({ type: 'Cluster', nativeId });
  const restart = async (id: string, o?: OperationOptions) => clusterJob(cluster(id), () => client.restartCluster(id, o?.signal), 'RestartCluster', o);

  const operations: SourceOperations = {
    createCluster: async (req, o) => {
      const body = createClusterBody(req);
      return clusterJob(undefined, () => client.createCluster(body, o?.signal), 'CreateCluster', o);
    },

    deleteCluster: async (id, req, o) => clusterJob(cluster(id), () => client.deleteCluster(id, deleteClusterBody(req), o?.signal), 'DeleteCluster', o),

    stopCluster: async (id, o) => clusterJob(cluster(id), () => client.stopCluster(id, o?.signal), 'StopCluster', o),

    restartCluster: restart,

    /**
     * TiEM has no start call: its restart starts a Stopped cluster. Any other cluster
     * would really be restarted, interrupting its service, so startCluster sends the
     * restart only when the cluster is STOPPED and refuses otherwise.
     */
    startCluster: async (id, o) => {
      const found = await readers(o).clusters.get(id);
      if (!found) throw notFound(cluster(id));
      if (found.status !== 'STOPPED') {
        throw new ValidationError(
          'id',
          `cluster ${id} is ${found.status} (TiEM: ${found.rawStatus}): TiEM starts only a Stopped cluster; use restartCluster to restart a running one`,
        );
      }
      return restart(id, o);
    },

    takeOverCluster: async (req, o) => {
      const body = takeoverBody(req);
      return clusterJob(undefined, () => client.takeOverCluster(body, o?.signal), 'TakeoverCluster', o);
    },

    createSnapshot: async (clusterId, req, o) => {
      const body = backupBody(clusterId, req);
      const job = await send(cluster(clusterId), () => client.createBackup(body, o?.signal));
      const workflow = (await readWorkflow(job.workFlowId, o)) ?? acceptedWorkflow(sourceId, job.workFlowId, 'BackupCluster', clusterId);
      return { target: { type: 'Snapshot', nativeId: job.backupId }, workflow };
    },

    /** TiEM deletes a backup's record and files at once: no workflow. */
    deleteSnapshot: async (id, o) => {
      const snapshot: Ref = { type: 'Snapshot', nativeId: id };
      await send(snapshot, () => client.deleteBackup(id, o?.signal));
      return { target: snapshot };
    },

    /** POST /workflow/stop; the answer is the workflow as TiEM now reports it (Canceled). */
    cancelWorkflow: async (id, o) => {
      const workflow: Ref = { type: 'Workflow', nativeId: id };
      await send(workflow, () => client.stopWorkflow(id, o?.signal));
      const read = await readWorkflow(id, o);
      return { target: workflow, ...(read ? { workflow: read } : {}) };
    },
  };

  /**
   * A new cluster like the one the backup was taken of (see `restoreBody`), so that
   * cluster is read first; a backup whose cluster TiEM no longer has cannot be restored
   * through the gateway, which has no way to ask for the version, region and resources.
   * TiEM wants the new cluster's root password: the request's, else the source's
   * configured `restoreDbPassword`.
   */
  operations.restoreSnapshot = async (id, req, o) => {
    checkRestore(req);
    const password = req.dbPassword ?? deps.restoreDbPassword;
    if (!password)
      throw new ValidationError('dbPassword', 'a TiEM restore needs the new cluster’s root password (or configure restoreDbPassword for the source)');
    const scope = new RequestScope(o?.signal);
    const backup = await deps.session(scope).snapshots.get(id);
    if (!backup) throw notFound({ type: 'Snapshot', nativeId: id });
    const source = backup.clusterNativeId ? await client.clusterDetail(scope, backup.clusterNativeId) : null;
    if (!source) {
      throw new ValidationError(
        'id',
        `backup ${id} was taken of cluster ${backup.clusterNativeId ?? '(none)'}, which TiEM no longer has: a restore copies that cluster's version, region and resources`,
      );
    }
    const body = restoreBody(id, source, req, password);
    return clusterJob({ type: 'Snapshot', nativeId: id }, () => client.restoreCluster(body, o?.signal), 'RestoreNewCluster', o);
  };
  return operations;
}
