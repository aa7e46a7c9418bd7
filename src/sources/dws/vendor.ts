import { NotFoundError } from '../../model/errors.js';
import { encodeGlobalId } from '../../model/ids.js';
import type { OperationResult } from '../../model/operations.js';
import type { RequestScope } from '../scope.js';
import type { DwsClient } from './client.js';
import { type DwsAvailabilityZone, type DwsNodeType, type DwsQuota, toAvailabilityZone, toNodeType, toQuota } from './map.js';
import { sendTo } from './operations.js';
import { resetPasswordBody } from './requests.js';

/**
 * DWS's own capabilities, beyond the unified readers and operations
 * (docs/vendor-capabilities.md). Reads and writes take the request's scope: a write's
 * own reads of the cluster share the GET the schema made to find it.
 */
export interface DwsVendor {
  /** The AZs a cluster can be created in (createCluster's `availabilityZone`). */
  availabilityZones(scope: RequestScope): Promise<DwsAvailabilityZone[]>;
  /** The node flavors (createCluster's `nodeType`), with the AZs that sell each and its kernel versions. */
  nodeTypes(scope: RequestScope): Promise<DwsNodeType[]>;
  /** The project's quotas and what is used of each. */
  quotas(scope: RequestScope): Promise<DwsQuota[]>;
  /** A new password for the cluster's database administrator (5.2.7); done when DWS answers. */
  resetPassword(scope: RequestScope, clusterId: string, newPassword: string): Promise<OperationResult>;
  /** Ends the read-only state a full disk put the cluster in (5.2.8); done when DWS answers. */
  cancelReadOnly(scope: RequestScope, clusterId: string): Promise<OperationResult>;
}

export function dwsVendor(client: DwsClient, sourceId: string): DwsVendor {
  const cluster = (clusterId: string) => ({ target: { type: 'Cluster', nativeId: clusterId } }) as const;
  return {
    availabilityZones: async (scope) => (await client.availabilityZones(scope)).map(toAvailabilityZone),
    nodeTypes: async (scope) => (await client.nodeTypes(scope)).map(toNodeType),
    quotas: async (scope) => (await client.quotas(scope)).map(toQuota),

    async resetPassword(scope, clusterId, newPassword) {
      const c = await client.cluster(scope, clusterId);
      if (!c) throw new NotFoundError('Cluster', encodeGlobalId({ type: 'Cluster', sourceId, nativeId: clusterId }));
      const body = resetPasswordBody(newPassword, c.user_name ?? undefined);
      await sendTo(sourceId, 'Cluster', clusterId, () => client.resetPassword(clusterId, body, scope.signal));
      return cluster(clusterId);
    },

    async cancelReadOnly(scope, clusterId) {
      await sendTo(sourceId, 'Cluster', clusterId, () => client.cancelReadOnly(clusterId, scope.signal));
      return cluster(clusterId);
    },
  };
}
