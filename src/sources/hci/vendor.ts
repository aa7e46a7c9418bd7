import { NotFoundError, ValidationError } from '../../model/errors.js';
import { encodeGlobalId } from '../../model/ids.js';
import type { OperationResult } from '../../model/operations.js';
import type { RequestScope } from '../scope.js';
import type { HciClient } from './client.js';
import type { HciCanvas, HciDrsChange, HciMetadataBackupSchedule, HciOverAllocationChange } from './inputs.js';
import {
  type HciDrsSettings,
  type HciHostUsage,
  type HciInspection,
  type HciManagement,
  type HciMetadataBackup,
  type HciOverAllocation,
  type HciTopology,
  hostsByAddress,
  toDrsSettings,
  toInspection,
  toManagement,
  toMetadataBackup,
  toOverAllocation,
  toRanking,
  toTopology,
} from './map.js';
import { onTarget } from './operations.js';
import { daemonBody, drsConfigBody, metadataScheduleBody, overAllocationBody, topologyBody } from './requests.js';
import type { TopRanking } from './wire.js';

/**
 * HCI's own capabilities, beyond the unified readers and operations
 * (docs/vendor-capabilities.md). Each read takes the request's scope, so one request
 * asking twice for the same vendor answer (two rankings of one cluster, the inspection
 * beside its workflow) makes one call.
 */
export interface HciVendor {
  /** The cluster's network as the console draws it in `canvas`; null when the cluster is gone. */
  networkTopology(scope: RequestScope, clusterUuid: string, canvas: HciCanvas): Promise<HciTopology | null>;
  /** Host native ids by the addresses (CIDR form) the topology keys hosts by; null when the cluster is gone. */
  hostsByAddress(scope: RequestScope, clusterUuid: string): Promise<ReadonlyMap<string, string> | null>;
  /** The cluster's latest inspection item by item; null when none ever ran or the cluster is gone. */
  inspection(scope: RequestScope, clusterUuid: string): Promise<HciInspection | null>;
  /** The `count` hosts ranked highest by one figure (down hosts send none); null when the cluster is gone. */
  topHosts(scope: RequestScope, clusterUuid: string, count: number, ranking: TopRanking): Promise<HciHostUsage[] | null>;
  /** The cluster's DRS and DPM settings; null when the cluster is gone. */
  drs(scope: RequestScope, clusterUuid: string): Promise<HciDrsSettings | null>;
  /** The management plane: its center nodes' etcd health and the licence; null when the cluster is gone. */
  management(scope: RequestScope, clusterUuid: string): Promise<HciManagement | null>;
  /** Each center node's metadata backup schedule and daemon; null when the cluster is gone. */
  metadataBackups(scope: RequestScope, clusterUuid: string): Promise<HciMetadataBackup[] | null>;
  /** The cluster's caps on storage, cpu, memory and data-disk use; null when the cluster is gone. */
  overAllocation(scope: RequestScope, clusterUuid: string): Promise<HciOverAllocation | null>;
  /** Changes what `change` gives of DRS and DPM; done when the platform answers. */
  setDrs(scope: RequestScope, clusterUuid: string, change: HciDrsChange): Promise<OperationResult>;
  /** Changes the caps `change` gives; done when the platform answers. */
  setOverAllocation(scope: RequestScope, clusterUuid: string, change: HciOverAllocationChange): Promise<OperationResult>;
  /** Changes how often the center node at `address` backs the metadata up; done when the platform answers. */
  setMetadataBackupSchedule(scope: RequestScope, clusterUuid: string, address: string, schedule: HciMetadataBackupSchedule): Promise<OperationResult>;
  /** Starts or stops the daemon taking metadata backups on the center node at `address`; done when the platform answers. */
  setMetadataBackupDaemon(scope: RequestScope, clusterUuid: string, address: string, running: boolean): Promise<OperationResult>;
}

export function hciVendor(client: HciClient, sourceId: string): HciVendor {
  const cluster = (clusterUuid: string) => ({ target: { type: 'Cluster', nativeId: clusterUuid } }) as const;

  /**
   * `address` as one of the cluster's center nodes (its detail names them: one read,
   * shared with the one that found the cluster), before anything is written: the
   * platform answers another address as if the cluster were unknown.
   */
  const checkCenterNode = async (scope: RequestScope, clusterUuid: string, address: string): Promise<void> => {
    const detail = await client.cluster(scope, clusterUuid);
    if (!detail) throw new NotFoundError('Cluster', encodeGlobalId({ type: 'Cluster', sourceId, nativeId: clusterUuid }));
    if (!detail.candidates.includes(address)) {
      throw new ValidationError('address', `is not a center node of the cluster; its center nodes are ${detail.candidates.join(', ') || 'none'}`);
    }
  };
  return {
    async networkTopology(scope, clusterUuid, canvas) {
      const answer = await client.topology(scope, topologyBody(clusterUuid, canvas));
      return answer && toTopology(clusterUuid, answer);
    },
    async hostsByAddress(scope, clusterUuid) {
      const detail = await client.cluster(scope, clusterUuid);
      return detail && hostsByAddress(clusterUuid, detail);
    },
    async inspection(scope, clusterUuid) {
      const report = await client.inspection(scope, clusterUuid);
      return report && toInspection(sourceId, clusterUuid, report);
    },
    async topHosts(scope, clusterUuid, count, ranking) {
      const answer = await client.top(scope, clusterUuid, count);
      return answer && toRanking(clusterUuid, answer, ranking);
    },
    async drs(scope, clusterUuid) {
      const config = await client.drsConfig(scope, clusterUuid);
      return config && toDrsSettings(config);
    },
    async management(scope, clusterUuid) {
      const nodes = await client.centerNodes(scope, clusterUuid);
      return nodes && toManagement(clusterUuid, nodes);
    },
    /** Every center node keeps its own schedule and daemon: two calls per center node, after the cluster's detail names them. */
    async metadataBackups(scope, clusterUuid) {
      const detail = await client.cluster(scope, clusterUuid);
      if (!detail) return null;
      return Promise.all(
        detail.candidates.map(async (ip) => {
          const [policy, daemon] = await Promise.all([client.snapshotPolicy(scope, clusterUuid, ip), client.daemonState(scope, clusterUuid, ip)]);
          return toMetadataBackup(ip, policy, daemon);
        }),
      );
    },
    async overAllocation(scope, clusterUuid) {
      const caps = await client.overAllocation(scope, clusterUuid);
      return caps && toOverAllocation(caps);
    },
    async setDrs(scope, clusterUuid, change) {
      const body = drsConfigBody(clusterUuid, change);
      await onTarget('Cluster', clusterUuid, () => client.setDrsConfig(body, scope.signal));
      return cluster(clusterUuid);
    },
    async setOverAllocation(scope, clusterUuid, change) {
      const body = overAllocationBody(clusterUuid, change);
      await onTarget('Cluster', clusterUuid, () => client.setOverAllocation(body, scope.signal));
      return cluster(clusterUuid);
    },
    async setMetadataBackupSchedule(scope, clusterUuid, address, schedule) {
      const body = metadataScheduleBody(clusterUuid, address, schedule);
      await checkCenterNode(scope, clusterUuid, address);
      await onTarget('Cluster', clusterUuid, () => client.setSnapshotPolicy(body, scope.signal));
      return cluster(clusterUuid);
    },
    async setMetadataBackupDaemon(scope, clusterUuid, address, running) {
      await checkCenterNode(scope, clusterUuid, address);
      const body = daemonBody(clusterUuid, address);
      await onTarget('Cluster', clusterUuid, () => client.setDaemon(running ? 'start' : 'stop', body, scope.signal));
      return cluster(clusterUuid);
    },
  };
}
