/**
 * Static vendor data the simulator draws from: where clusters can live, which product
 * versions and instance specs exist, and what each component listens on. TiEM only
 * deploys into regions and zones it was configured with, so these lists double as
 * the validation tables for create/restore requests.
 */

export interface ZoneInfo {
  zoneId: string;
  zoneName: string;
  regionId: string;
  regionName: string;
  vendorId: string;
  vendorName: string;
  comment: string;
}

export interface RegionInfo {
  id: string;
  name: string;
  /** Second octet block of the region's private network (172.16.<subnet>.x). */
  subnet: number;
  zones: ZoneInfo[];
}

const VENDOR = { vendorId: 'Local', vendorName: 'Local Datacenter' };

function region(id: string, name: string, subnet: number, zones: Array<[string, string]>): RegionInfo {
  return {
    id,
    name,
    subnet,
    zones: zones.map(([zoneId, zoneName]) => ({ zoneId, zoneName, regionId: id, regionName: name, ...VENDOR, comment: '' })),
  };
}

export const REGIONS: readonly RegionInfo[] = [
  region('CN-HANGZHOU', 'East China(Hangzhou)', 4, [
    ['CN-HANGZHOU-G', 'Hangzhou(G)'],
    ['CN-HANGZHOU-H', 'Hangzhou(H)'],
  ]),
  region('CN-BEIJING', 'North China(Beijing)', 8, [
    ['CN-BEIJING-A', 'Beijing(A)'],
    ['CN-BEIJING-C', 'Beijing(C)'],
  ]),
  region('CN-SHENZHEN', 'South China(Shenzhen)', 12, [['CN-SHENZHEN-B', 'Shenzhen(B)']]),
];

export const findRegion = (id: string): RegionInfo | undefined => REGIONS.find((r) => r.id === id);

export const VERSIONS = ['v5.2.2', 'v5.3.0', 'v5.4.0', 'v6.1.0'] as const;
/** The document allows X86/X86_64/ARM; ARM64 is what TiUP itself reports on ARM hosts. */
export const CPU_ARCHITECTURES = ['X86', 'X86_64', 'ARM', 'ARM64'] as const;
export const DISK_TYPES = ['NVMeSSD', 'SSD', 'SATA'] as const;

export interface SpecInfo {
  id: string;
  name: string;
  cpu: number;
  memoryGiB: number;
}

export const SPECS: readonly SpecInfo[] = [
  { id: 'c2.g.large', name: '4C8G', cpu: 4, memoryGiB: 8 },
  { id: 'c2.g.xlarge', name: '8C16G', cpu: 8, memoryGiB: 16 },
  { id: 'c3.g.xlarge', name: '8C32G', cpu: 8, memoryGiB: 32 },
  { id: 'c3.g.2xlarge', name: '16C64G', cpu: 16, memoryGiB: 64 },
];

/** A spec code the catalog does not know still deploys: TiEM parses "<n>C<m>G". */
export function specFor(code: string): SpecInfo {
  const known = SPECS.find((s) => s.name === code);
  if (known) return known;
  const m = /^(\d+)C(\d+)G$/i.exec(code);
  const cpu = m ? Number(m[1]) : 4;
  const memoryGiB = m ? Number(m[2]) : 8;
  return { id: `custom.${cpu}c${memoryGiB}g`, name: `${cpu}C${memoryGiB}G`, cpu, memoryGiB };
}

export const COMPONENT_TYPES = ['TiDB', 'TiKV', 'PD', 'TiFlash', 'CDC'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** Ports each component opens, in the order TiUP lists them. */
export const COMPONENT_PORTS: Record<ComponentType, number[]> = {
  TiDB: [4000, 10080],
  TiKV: [20160, 20180],
  PD: [2379, 2380],
  TiFlash: [9000, 8123, 3930, 20170, 20292, 8234],
  CDC: [8300],
};

/** Topology used when a create request names no instance resources. */
export const DEFAULT_TOPOLOGY: ReadonlyArray<{ type: ComponentType; count: number; spec: string; diskGiB: number }> = [
  { type: 'PD', count: 3, spec: '4C8G', diskGiB: 50 },
  { type: 'TiKV', count: 3, spec: '8C32G', diskGiB: 500 },
  { type: 'TiDB', count: 2, spec: '8C16G', diskGiB: 50 },
];

export const CLUSTER_PURPOSES = ['prod', 'staging', 'analytics', 'payments', 'orders', 'risk', 'reporting', 'user-center', 'billing', 'iot'];
export const TAG_POOL = ['prod', 'staging', 'test', 'core', 'finance', 'olap', 'oltp', 'team-dba', 'team-data', 'critical'];
