import type { Rng } from '../kit/rng.js';
import type { RegionInfo } from './catalog.js';
import type { Cluster } from './state.js';

/**
 * How clients outside a cluster's hosts reach it. The document only types these fields;
 * its examples fill both, so every cluster gets a public address for its SQL port and a
 * whitelist admitting its region's private network (the region's first hosts, see
 * topology.ts), some also the operators' VPN.
 */
export function clusterAccess(rng: Rng, region: RegionInfo): Pick<Cluster, 'whitelist' | 'extranetAddresses'> {
  return {
    whitelist: [`172.16.${region.subnet}.0/22`, ...(rng.chance(0.5) ? ['10.8.0.0/16'] : [])],
    extranetAddresses: [`47.${rng.int(90, 120)}.${rng.int(0, 255)}.${rng.int(1, 254)}:4000`],
  };
}
