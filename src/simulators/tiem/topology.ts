import type { Rng } from '../kit/rng.js';
import { COMPONENT_PORTS, COMPONENT_TYPES, type ComponentType, type RegionInfo, REGIONS, specFor, type ZoneInfo } from './catalog.js';
import { round, tiemId } from './format.js';
import type { Instance, TiemState } from './state.js';

/** One line of a request's `resourceParameters.instanceResource[].resource[]`, already checked. */
export interface ResourceLine {
  type: ComponentType;
  count: number;
  specCode: string;
  zone: ZoneInfo;
  diskType: string;
  diskCapacity: number;
  hostIp?: string;
  /** The disk of hostIp, with SpecificHost: kept as the instance's. */
  diskId?: string;
}

const HOSTS_PER_BLOCK = 250;
/** A region's first 1000 hosts fill 172.16.<subnet>.x to 172.16.<subnet + 3>.x. */
const BLOCKS_PER_ROUND = 4;
/** The catalog's subnets lie one round apart, so the regions' rounds tile the 172.16.0.0/12 network. */
const ROUND_STRIDE = REGIONS.length * BLOCKS_PER_ROUND;

/**
 * The next unused private address in the region's network. A region past its first
 * round of blocks continues one stride further on, so no two hosts of a large fleet
 * share an address, whatever region they are in.
 */
function allocateIp(state: TiemState, region: RegionInfo): string {
  const n = state.hostCursor.get(region.id) ?? 0;
  state.hostCursor.set(region.id, n + 1);
  const inBlock = n % HOSTS_PER_BLOCK;
  const blockOfRegion = Math.floor(n / HOSTS_PER_BLOCK);
  const block = region.subnet + Math.floor(blockOfRegion / BLOCKS_PER_ROUND) * ROUND_STRIDE + (blockOfRegion % BLOCKS_PER_ROUND);
  return `172.${16 + Math.floor(block / 256)}.${block % 256}.${inBlock + 3}`;
}

/** Places instances for the requested resources, one host each, with plausible load. */
export function deployInstances(state: TiemState, rng: Rng, region: RegionInfo, version: string, lines: readonly ResourceLine[]): Instance[] {
  const instances: Instance[] = [];
  for (const line of lines) {
    for (let i = 0; i < line.count; i++) {
      const stores = line.type === 'TiKV' || line.type === 'TiFlash';
      instances.push({
        id: tiemId(rng),
        type: line.type,
        role: line.type === 'PD' ? (instances.some((x) => x.type === 'PD') ? 'Follower' : 'Leader') : '',
        status: 'Initializing',
        version,
        hostId: tiemId(rng),
        hostIp: line.hostIp ?? allocateIp(state, region),
        diskId: line.diskId ?? tiemId(rng),
        diskType: line.diskType,
        diskCapacityGiB: line.diskCapacity,
        ports: COMPONENT_PORTS[line.type],
        spec: specFor(line.specCode),
        zone: line.zone,
        cpuLoad: round(rng.float(0.05, 0.7), 3),
        memLoad: round(rng.float(0.2, 0.8), 3),
        storageUsedGiB: round(line.diskCapacity * (stores ? rng.float(0.1, 0.75) : rng.float(0.02, 0.1))),
        ioUtil: round(stores ? rng.float(1, 45) : rng.float(0, 5)),
        iops: [round(stores ? rng.float(100, 4000) : rng.float(0, 50)), round(stores ? rng.float(50, 2500) : rng.float(0, 30))],
      });
    }
  }
  return instances;
}

/**
 * The detail's `instanceResource`: instances grouped back into request lines per
 * component, the way TiEM echoes the resources a cluster was asked for.
 */
export function instanceResource(instances: readonly Instance[], mode: 'SpecificZone' | 'SpecificHost') {
  return COMPONENT_TYPES.flatMap((type) => {
    const ofType = instances.filter((i) => i.type === type);
    if (ofType.length === 0) return [];
    const lines = new Map<
      string,
      { count: number; diskCapacity: number; diskId: string; diskType: string; hostIp: string; specCode: string; zoneCode: string }
    >();
    for (const inst of ofType) {
      const hostIp = mode === 'SpecificHost' ? inst.hostIp : '';
      const key = [inst.zone.zoneId, inst.spec.name, inst.diskType, inst.diskCapacityGiB, hostIp].join('|');
      const line = lines.get(key);
      if (line) line.count++;
      else {
        lines.set(key, {
          count: 1,
          diskCapacity: inst.diskCapacityGiB,
          diskId: mode === 'SpecificHost' ? inst.diskId : '',
          diskType: inst.diskType,
          hostIp,
          specCode: inst.spec.name,
          zoneCode: inst.zone.zoneId,
        });
      }
    }
    return [{ componentType: type, resource: [...lines.values()], totalNodeCount: ofType.length }];
  });
}
