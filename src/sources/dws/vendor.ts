import type { RequestScope } from '../scope.js';
import type { DwsClient } from './client.js';
import { type DwsAvailabilityZone, type DwsNodeType, type DwsQuota, toAvailabilityZone, toNodeType, toQuota } from './map.js';

/** DWS's own capabilities, beyond the unified readers and operations (docs/vendor-capabilities.md). */
export interface DwsVendor {
  /** The AZs a cluster can be created in (createCluster's `availabilityZone`). */
  availabilityZones(scope: RequestScope): Promise<DwsAvailabilityZone[]>;
  /** The node flavors (createCluster's `nodeType`), with the AZs that sell each and its kernel versions. */
  nodeTypes(scope: RequestScope): Promise<DwsNodeType[]>;
  /** The project's quotas and what is used of each. */
  quotas(scope: RequestScope): Promise<DwsQuota[]>;
}

export const dwsVendor = (client: DwsClient): DwsVendor => ({
  availabilityZones: async (scope) => (await client.availabilityZones(scope)).map(toAvailabilityZone),
  nodeTypes: async (scope) => (await client.nodeTypes(scope)).map(toNodeType),
  quotas: async (scope) => (await client.quotas(scope)).map(toQuota),
});
