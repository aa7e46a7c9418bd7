import type { Workflow } from '../../model/entities.js';
import { GatewayError, NotFoundError, ValidationError } from '../../model/errors.js';
import type { NodeType } from '../../model/ids.js';
import type { OperationResult, SourceOperations } from '../../model/operations.js';
import { SourceError } from '../errors.js';
import { RequestScope } from '../scope.js';
import type { HciClient } from './client.js';
import type { InspectionReport } from './wire.js';
import { parseSnapshotId, parseWorkflowId, snapshotId, workflowId } from './ids.js';
import { addClusterBody, centerNodeFor, checkSnapshotRequest, deleteClusterBody, inspectionBody, newestSnapshotFile } from './requests.js';
import type { HciSession } from './session.js';

export interface HciOperationDeps {
  client: HciClient;
  /** The adapter's own readers over `scope`: the workflows they serve are what subscriptions poll. */
  session(scope: RequestScope): HciSession;
}

/**
 * What the HCI platform can change: add and delete clusters, save and delete metadata
 * snapshots, start and stop inspections. It has no restart, stop, scale, labels,
 * restore or copy, so those stay absent.
 *
 * Each operation checks the request (requests.ts), sends one write, and reads back
 * what it started through the adapter's readers, over a fresh RequestScope so no GET
 * memoized before the write answers for after it. Should the write succeed and that
 * read fail, the change still happened: the payload says less (no workflow, or no
 * target) rather than reporting a failure that invites a resend.
 */
/** The vendor's 404 (no such cluster, host or file) as the gateway's NotFoundError for the target. */
export async function onTarget<T>(type: NodeType, id: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof SourceError && err.detail.httpStatus === 404) throw new NotFoundError(type, id);
    throw err;
  }
}

export function createHciOperations({ client, session }: HciOperationDeps): SourceOperations {
  /** A read after a write that succeeded: the vendor's trouble or the client leaving is no failure of the write. */
  const afterWrite = async <T>(read: () => Promise<T | null>): Promise<T | undefined> => {
    try {
      return (await read()) ?? undefined;
    } catch (err) {
      if (err instanceof GatewayError) return undefined;
      throw err;
    }
  };

  const clusterName = async (clusterUuid: string, signal?: AbortSignal): Promise<string> => {
    const detail = await client.cluster(new RequestScope(signal), clusterUuid);
    if (!detail) throw new NotFoundError('Cluster', clusterUuid);
    return detail.name;
  };

  /**
   * The run a start or stop answered about, as the workflow reader serves it. Where the
   * answer leaves the run's id blank (the document's examples do), the run is the
   * cluster's latest, found in the cluster's workflows.
   */
  const inspectionRun = (clusterUuid: string, answer: InspectionReport, signal?: AbortSignal) =>
    afterWrite(async (): Promise<Workflow | null> => {
      const { workflows } = session(new RequestScope(signal));
      const runUuid = answer.status?.UUID;
      if (runUuid) return workflows.get(workflowId({ kind: 'inspection', clusterUuid, runUuid }));
      const listed = await workflows.list({ clusterNativeId: clusterUuid });
      return listed.find((w) => parseWorkflowId(w.nativeId)?.kind === 'inspection') ?? null;
    });

  const clusterResult = (clusterUuid: string, workflow?: Workflow): OperationResult => ({
    target: { type: 'Cluster', nativeId: clusterUuid },
    ...(workflow ? { workflow } : {}),
  });

  return {
    /** Returns the cluster's join (`<uuid>/join`): its hosts joining one after another. */
    async createCluster(req, o) {
      const body = addClusterBody(req);
      const added = await client.addCluster(body, o?.signal);
      const uuid = added ?? (await afterWrite(() => client.clusterUuidByName(new RequestScope(o?.signal), body.name)));
      if (uuid === undefined) return {};
      const join = await afterWrite(() => session(new RequestScope(o?.signal)).workflows.get(workflowId({ kind: 'join', clusterUuid: uuid })));
      return clusterResult(uuid, join);
    },

    /** Done when the vendor answers: the cluster is gone from its list at once. */
    async deleteCluster(clusterUuid, req, o) {
      const body = deleteClusterBody(clusterUuid, req);
      await onTarget('Cluster', clusterUuid, () => client.deleteCluster(body, o?.signal));
      return clusterResult(clusterUuid);
    },

    /** Saving is done when the vendor answers (no task, nothing to poll): the new file is the target. */
    async createSnapshot(clusterUuid, req, o) {
      checkSnapshotRequest(req);
      const scope = new RequestScope(o?.signal);
      const [detail, stats] = await Promise.all([client.cluster(scope, clusterUuid), client.computeStatistic(scope, clusterUuid)]);
      if (!detail) throw new NotFoundError('Cluster', clusterUuid);
      const ip = centerNodeFor(detail.candidates, stats?.HostStatistics ?? []);
      if (ip === undefined) throw new ValidationError('clusterId', 'the cluster has no center node to keep a metadata snapshot on');
      await onTarget('Cluster', clusterUuid, () => client.saveSnapshot({ cluster_uuid: clusterUuid, ip }, o?.signal));
      const files = await afterWrite(() => client.snapshotFiles(new RequestScope(o?.signal), clusterUuid, ip));
      const file = files && newestSnapshotFile(files);
      return file ? { target: { type: 'Snapshot', nativeId: snapshotId(clusterUuid, ip, file) } } : {};
    },

    async deleteSnapshot(id, o) {
      const ref = parseSnapshotId(id);
      if (!ref) throw new NotFoundError('Snapshot', id);
      const body = { cluster_uuid: ref.clusterUuid, ip: ref.ip, file_name: ref.file };
      await onTarget('Snapshot', id, () => client.deleteSnapshot(body, o?.signal));
      return { target: { type: 'Snapshot', nativeId: id } };
    },

    async startInspection(clusterUuid, o) {
      const name = await clusterName(clusterUuid, o?.signal);
      const answer = await onTarget('Cluster', clusterUuid, () => client.startInspection(inspectionBody({ uuid: clusterUuid, name }), o?.signal));
      return clusterResult(clusterUuid, await inspectionRun(clusterUuid, answer, o?.signal));
    },

    /** With no run under way the vendor answers the latest run as it ended: that is the workflow returned. */
    async stopInspection(clusterUuid, o) {
      const name = await clusterName(clusterUuid, o?.signal);
      const answer = await onTarget('Cluster', clusterUuid, () => client.stopInspection({ cluster_uuid: clusterUuid, cluster_name: name }, o?.signal));
      return clusterResult(clusterUuid, await inspectionRun(clusterUuid, answer, o?.signal));
    },
  };
}
