import type { Workflow } from '../../model/entities.js';
import { GatewayError, NotFoundError, ValidationError } from '../../model/errors.js';
import type { OperationOptions, OperationResult, SourceOperations } from '../../model/operations.js';
import { RequestScope } from '../scope.js';
import { type DcosClient, isNotFound } from './client.js';
import { type OperationType, latestOperation, operationId } from './map.js';
import type { DcosCreateRequest } from './inputs.js';
import type { DcosSession } from './session.js';
import { checkDeleteCluster, checkRemoval, createClusterBody, hostChange, registryRefs } from './requests.js';

export interface DcosOperationDeps {
  client: DcosClient;
  /** The adapter's own readers over `scope`: the workflows they serve are what subscriptions poll. */
  session(scope: RequestScope): DcosSession;
  /** Whom the source's credentials act as, when known (logged in; not a static token). */
  loggedInUser(signal?: AbortSignal): Promise<string | undefined>;
}

/**
 * What DC/OS can change: create and delete clusters, add and remove hosts. It has no
 * restart, stop, snapshots, labels or deployments, so those stay absent.
 *
 * Each operation checks the request (requests.ts), sends one write, and then returns the
 * workflow the read side derives from the operation logs for it: the vendor writes the
 * `start` log before answering, so one log read of the cluster finds it. Should a write
 * succeed and that read fail or find nothing, the change still happened: the payload
 * names the target without a workflow rather than reporting a failure that invites a
 * resend (the cluster's activeWorkflows show the operation).
 *
 * `/v1/cluster/validate` is not used: the create itself checks the name first and
 * changes nothing when it refuses, so asking beforehand would cost a call and still race.
 */
export function createDcosOperations({ client, session, loggedInUser }: DcosOperationDeps): SourceOperations {
  /** The workflow of the operation of this type just started on the cluster. */
  async function started(clusterId: string, type: OperationType, signal?: AbortSignal): Promise<Workflow | undefined> {
    // A fresh scope: the reader's log read is the same URL, so it reuses this one's answer.
    const scope = new RequestScope(signal);
    try {
      const op = latestOperation((await client.logs(scope, { cluster_id: clusterId })).items, type);
      return op ? ((await session(scope).workflows.get(operationId(op))) ?? undefined) : undefined;
    } catch (err) {
      // The vendor's trouble (or the client leaving), not a bug: the write stands.
      if (err instanceof GatewayError) return undefined;
      throw err;
    }
  }

  const result = async (clusterId: string, type: OperationType, o?: OperationOptions): Promise<OperationResult> => {
    const workflow = await started(clusterId, type, o?.signal);
    return { target: { type: 'Cluster', nativeId: clusterId }, ...(workflow ? { workflow } : {}) };
  };

  /** The vendor's "no such cluster" as the gateway's NotFoundError. */
  const onCluster = async <T>(clusterId: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      if (isNotFound(err)) throw new NotFoundError('Cluster', clusterId);
      throw err;
    }
  };

  return {
    async createCluster(req, o) {
      const body = createClusterBody(req);
      const owner = body.user_id ?? (await loggedInUser(o?.signal));
      if (owner === undefined)
        throw new ValidationError('input.dcos.ownerId', 'the source’s credentials name no user (a static token): give the owning user’s id');
      // The document's create names each registry by id, name and address: read from the catalogue.
      const registryIds = (req as DcosCreateRequest).dcos?.registryIds ?? [];
      const dockerRegistries = registryIds.length ? registryRefs(registryIds, await client.registries(new RequestScope(o?.signal))) : undefined;
      const cluster = await client.createCluster({ ...body, user_id: owner, ...(dockerRegistries ? { dockerRegistries } : {}) }, o?.signal);
      return result(cluster._id, 'create_cluster', o);
    },

    async deleteCluster(clusterId, req, o) {
      checkDeleteCluster(req);
      await onCluster(clusterId, () => client.deleteCluster(clusterId, o?.signal));
      return result(clusterId, 'delete_cluster', o);
    },

    async scaleCluster(clusterId, req, o) {
      const change = hostChange(clusterId, req);
      if (change.kind === 'add') {
        await onCluster(clusterId, () => client.addHosts(clusterId, change.body, o?.signal));
        return result(clusterId, 'add_hosts', o);
      }
      // The vendor skips ids that are not its live nodes, so they are checked first.
      const scope = new RequestScope(o?.signal);
      const [cluster, hosts] = await Promise.all([client.cluster(scope, clusterId), onCluster(clusterId, () => client.hosts(scope, clusterId))]);
      if (!cluster) throw new NotFoundError('Cluster', clusterId);
      await onCluster(clusterId, () => client.removeHosts(clusterId, checkRemoval(cluster, hosts, change.hostIds), o?.signal));
      return result(clusterId, 'delete_hosts', o);
    },
  };
}
