import type { RequestScope } from '../scope.js';
import type { HciClient } from './client.js';
import { type HciDrsSettings, type HciHostUsage, type HciInspection, toDrsSettings, toInspection, toRanking } from './map.js';
import type { TopRanking } from './wire.js';

/**
 * HCI's own capabilities, beyond the unified readers and operations
 * (docs/vendor-capabilities.md). Each read takes the request's scope, so one request
 * asking twice for the same vendor answer (two rankings of one cluster, the inspection
 * beside its workflow) makes one call.
 */
export interface HciVendor {
  /** The cluster's latest inspection item by item; null when none ever ran or the cluster is gone. */
  inspection(scope: RequestScope, clusterUuid: string): Promise<HciInspection | null>;
  /** The `count` hosts ranked highest by one figure (down hosts send none); null when the cluster is gone. */
  topHosts(scope: RequestScope, clusterUuid: string, count: number, ranking: TopRanking): Promise<HciHostUsage[] | null>;
  /** The cluster's DRS and DPM settings; null when the cluster is gone. */
  drs(scope: RequestScope, clusterUuid: string): Promise<HciDrsSettings | null>;
}

export function hciVendor(client: HciClient, sourceId: string): HciVendor {
  return {
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
  };
}
