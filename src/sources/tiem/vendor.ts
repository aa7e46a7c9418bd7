import type { VendorRecord } from '../../model/entities.js';
import type { RequestScope } from '../scope.js';
import type { TiemClient } from './client.js';
import { splitHostNativeId, type TiemClusterFacts, type TiemInstanceFacts, type TiemResources, toClusterFacts, toInstanceFacts, toResources } from './map.js';
import type { TiemClusterInfo, TiemInstance } from './wire.js';

/**
 * TiEM's own capabilities, beyond the unified readers and operations
 * (docs/vendor-capabilities.md). TiEM's answers already hold them: a cluster's
 * monitoring, disaster recovery and access settings come in the ClusterInfo every
 * cluster is read from, an instance's ports and load in the detail its host is read
 * from. So each read first takes the record the unified object was mapped from (its
 * `raw`, which toCluster and toHost keep), and asks TiEM only when it has none; that
 * ask is the cluster's detail, which the request's GET memo shares with every other
 * read of it.
 */
export interface TiemVendor {
  /** What the cluster's ClusterInfo says beyond the unified cluster; null when the cluster is gone. */
  clusterFacts(scope: RequestScope, clusterId: string, record?: VendorRecord): Promise<TiemClusterFacts | null>;
  /** What the cluster was created with (its detail: one call per cluster and request); null when the cluster is gone. */
  resources(scope: RequestScope, clusterId: string): Promise<TiemResources | null>;
  /** An instance's ports and load; null when it or its cluster is gone. */
  instanceFacts(scope: RequestScope, hostNativeId: string, record?: VendorRecord): Promise<TiemInstanceFacts | null>;
}

/** The ClusterInfo a TiEM cluster was mapped from, when `record` is it. */
const infoOf = (record: VendorRecord | undefined, clusterId: string): TiemClusterInfo | undefined =>
  record?.clusterId === clusterId ? (record as TiemClusterInfo) : undefined;

/** The ClusterInstanceInfo a TiEM host was mapped from, when `record` is it. */
const instanceOf = (record: VendorRecord | undefined, instanceId: string): TiemInstance | undefined =>
  record?.id === instanceId ? (record as TiemInstance) : undefined;

export function tiemVendor(client: TiemClient): TiemVendor {
  return {
    async clusterFacts(scope, clusterId, record) {
      const info = infoOf(record, clusterId) ?? (await client.clusterDetail(scope, clusterId))?.info;
      return info ? toClusterFacts(info) : null;
    },
    async resources(scope, clusterId) {
      const detail = await client.clusterDetail(scope, clusterId);
      return detail && toResources(detail);
    },
    async instanceFacts(scope, hostNativeId, record) {
      const ref = splitHostNativeId(hostNativeId);
      if (!ref) return null;
      const inst = instanceOf(record, ref.instanceId) ?? (await client.clusterDetail(scope, ref.clusterId))?.topology.find((i) => i.id === ref.instanceId);
      return inst ? toInstanceFacts(inst) : null;
    },
  };
}
