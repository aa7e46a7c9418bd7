import type { Workflow } from '../../model/entities.js';
import { GatewayError, NotFoundError } from '../../model/errors.js';
import { encodeGlobalId, type NodeType } from '../../model/ids.js';
import type { OperationOptions, OperationResult, SourceOperations } from '../../model/operations.js';
import type { DwsSession } from './session.js';
import { SourceError } from '../errors.js';
import { RequestScope } from '../scope.js';
import { type DwsClient, isNotFoundError } from './client.js';
import type { ClusterWire } from './wire.js';
import { snapshotWorkflowId, startedWorkflowId } from './map.js';
import {
  checkSnapshotRequest,
  checkTags,
  coordinatorChange,
  copySnapshotBody,
  createClusterBody,
  createSnapshotBody,
  defaultSnapshotName,
  deleteClusterBody,
  memberNodeCount,
  nodeChange,
  restoreBody,
  scaleTarget,
  tagChanges,
} from './requests.js';

/** One write addressed to an object of the source; DWS's "no such object" answers become NotFoundError. */
export async function sendTo<T>(sourceId: string, type: NodeType, nativeId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isNotFoundError(err)) throw new NotFoundError(type, encodeGlobalId({ type, sourceId, nativeId }));
    throw err;
  }
}

export interface DwsOperationsDeps {
  client: DwsClient;
  sourceId: string;
  /** The adapter's readers over one request scope: what they serve is what subscriptions poll. */
  session: (scope: RequestScope) => DwsSession;
}

/** A read after an accepted write: when it fails, the answer says less; the write stands. */
async function afterWrite<T>(read: (scope: RequestScope) => Promise<T | null | undefined>, signal?: AbortSignal): Promise<T | undefined> {
  try {
    return (await read(new RequestScope(signal))) ?? undefined;
  } catch (err) {
    if (err instanceof GatewayError) return undefined;
    throw err;
  }
}

/**
 * The cluster and the workflow of the operation just started on it, which shows
 * `firstTask` first: the cluster read afresh (a scope of its own, so no GET made before
 * the write answers), its workflow served by the adapter's own reader.
 */
export async function startedOn({ client, session }: DwsOperationsDeps, clusterId: string, firstTask: string, signal?: AbortSignal): Promise<OperationResult> {
  const workflow = await afterWrite(async (scope): Promise<Workflow | null | undefined> => {
    const c = await client.cluster(scope, clusterId);
    return c && session(scope).workflows.get(startedWorkflowId(c, firstTask));
  }, signal);
  return { target: { type: 'Cluster', nativeId: clusterId }, ...(workflow ? { workflow } : {}) };
}

/**
 * What a DWS source can change: create, delete, restart and scale clusters (data nodes
 * and CNs), replace their tags, and create, delete, restore and copy snapshots. DWS has
 * no stop or start, no deployments or inspections, no takeover and no way to cancel a
 * running task, so those stay absent.
 *
 * DWS names no operations, so each long-running change returns the workflow the read
 * side synthesizes for it (map.ts): after the write, the cluster is read once, and the
 * task it shows — with the `created`/`updated` time that starts the id — names the
 * workflow, which is then served by the adapter's own `workflows.get` over the same
 * request scope (one GET for both). A snapshot's creation is `snapshot:<id>:CREATE`.
 * The write has happened by the time of that read, so a failed read leaves the workflow
 * out of the answer instead of reporting a failure that invites a resend.
 */
export function createDwsOperations(deps: DwsOperationsDeps): SourceOperations {
  const { client, sourceId, session } = deps;
  const reads = (o?: OperationOptions): RequestScope => new RequestScope(o?.signal);
  const notFound = (type: NodeType, nativeId: string) => new NotFoundError(type, encodeGlobalId({ type, sourceId, nativeId }));
  const ref = (type: NodeType, nativeId: string) => ({ type, nativeId });

  const send = <T>(type: NodeType, nativeId: string, write: () => Promise<T>) => sendTo(sourceId, type, nativeId, write);

  /** The cluster as DWS shows it now, read before a write that depends on it. */
  async function clusterNow(clusterId: string, o?: OperationOptions): Promise<ClusterWire> {
    const c = await client.cluster(reads(o), clusterId);
    if (!c) throw notFound('Cluster', clusterId);
    return c;
  }

  const started = (clusterId: string, firstTask: string, o?: OperationOptions) => startedOn(deps, clusterId, firstTask, o?.signal);

  /** A snapshot just made and its creation's workflow. */
  async function snapshotMade(snapshotId: string, o?: OperationOptions): Promise<OperationResult> {
    const workflow = await afterWrite(async (scope) => session(scope).workflows.get(snapshotWorkflowId(snapshotId)), o?.signal);
    return { target: ref('Snapshot', snapshotId), ...(workflow ? { workflow } : {}) };
  }

  return {
    async createCluster(req, o) {
      const region = req.region !== undefined ? (await client.identity(o?.signal)).region : undefined;
      const body = createClusterBody(req, region);
      const clusterId = await client.createCluster(body, o?.signal);
      return started(clusterId, 'CREATING', o);
    },

    async deleteCluster(clusterId, req, o) {
      const body = deleteClusterBody(req);
      await send('Cluster', clusterId, () => client.deleteCluster(clusterId, body, o?.signal));
      return started(clusterId, 'DELETING', o);
    },

    async restartCluster(clusterId, o) {
      await send('Cluster', clusterId, () => client.restartCluster(clusterId, o?.signal));
      return started(clusterId, 'REBOOTING', o);
    },

    /** Data nodes: a scale-out or a scale-in to nodeCount. CNs: a batch creation or deletion to coordinatorCount. */
    async scaleCluster(clusterId, req, o) {
      const target = scaleTarget(req);
      if (target.change === 'nodes') {
        const change = nodeChange(target.nodeCount, memberNodeCount(await clusterNow(clusterId, o)));
        await send('Cluster', clusterId, () =>
          change.kind === 'scaleOut' ? client.scaleOut(clusterId, change.body, o?.signal) : client.scaleIn(clusterId, change.body, o?.signal),
        );
        return started(clusterId, change.firstTask, o);
      }
      const cns = await client.coordinatorList(reads(o), clusterId);
      if (!cns) throw notFound('Cluster', clusterId);
      const change = coordinatorChange(target.coordinatorCount, cns);
      await send('Cluster', clusterId, () =>
        change.kind === 'add' ? client.addCoordinators(clusterId, change.body, o?.signal) : client.removeCoordinators(clusterId, change.body, o?.signal),
      );
      return started(clusterId, change.firstTask, o);
    },

    /**
     * Two batch calls, deletions first: DWS caps a cluster's tags, so removing first never
     * pushes a replacement past the cap, and what is removed is only what the caller wants
     * gone. Should the additions then fail, the error says the removals were applied.
     * Done at once: no workflow.
     */
    async setClusterLabels(clusterId, labels, o) {
      const wanted = checkTags(labels, 'labels');
      const current = ((await clusterNow(clusterId, o)).tags ?? []).map((t) => ({ key: t.key, value: t.value ?? '' }));
      const { remove, add } = tagChanges(current, wanted);
      if (remove.length) await send('Cluster', clusterId, () => client.deleteTags(clusterId, remove, o?.signal));
      if (add.length) {
        try {
          await send('Cluster', clusterId, () => client.addTags(clusterId, add, o?.signal));
        } catch (err) {
          if (!remove.length || !(err instanceof SourceError)) throw err;
          const keys = (tags: readonly { key: string }[]) => tags.map((t) => `"${t.key}"`).join(', ');
          throw new SourceError(
            err.code,
            `the tags of cluster ${clusterId} were only partly replaced: ${keys(remove)} removed, but adding ${keys(add)} failed: ${err.detail.vendorMessage ?? err.message}`,
            err.detail,
            { cause: err },
          );
        }
      }
      return { target: ref('Cluster', clusterId) };
    },

    async createSnapshot(clusterId, req, o) {
      checkSnapshotRequest(req);
      const name = req.name ?? defaultSnapshotName((await clusterNow(clusterId, o)).name, new Date());
      const body = createSnapshotBody(clusterId, name, req.description);
      return snapshotMade(await send('Cluster', clusterId, () => client.createSnapshot(body, o?.signal)), o);
    },

    /** Done when DWS answers (202): the snapshot is gone from its lists at once. */
    async deleteSnapshot(snapshotId, o) {
      await send('Snapshot', snapshotId, () => client.deleteSnapshot(snapshotId, o?.signal));
      return { target: ref('Snapshot', snapshotId) };
    },

    /** Into a new cluster: that cluster is the target, its creation (RESTORING) the workflow. */
    async restoreSnapshot(snapshotId, req, o) {
      const body = restoreBody(req);
      const clusterId = await send('Snapshot', snapshotId, () => client.restoreSnapshot(snapshotId, body, o?.signal));
      return started(clusterId, 'RESTORING', o);
    },

    /** A linked copy of an automated snapshot; the copy is the target, its creation the workflow. */
    async copySnapshot(snapshotId, req, o) {
      const body = copySnapshotBody(req);
      return snapshotMade(await send('Snapshot', snapshotId, () => client.copySnapshot(snapshotId, body, o?.signal)), o);
    },
  };
}
