/**
 * What a DWS region offers regardless of the tenant: AZs, node flavors and kernel
 * versions. These are fixed (like the real catalog), so flavor ids stay stable across
 * seeds and a client may hard-code one, as the document's examples do.
 */
export const REGION = 'cn-north-4';

export interface AvailabilityZone {
  code: string;
  name: string;
  status: 'available' | 'unavailable';
}

export const AVAILABILITY_ZONES: readonly AvailabilityZone[] = [
  { code: 'cn-north-4a', name: 'AZ1', status: 'available' },
  { code: 'cn-north-4b', name: 'AZ2', status: 'available' },
  { code: 'cn-north-4c', name: 'AZ3', status: 'available' },
  { code: 'cn-north-4g', name: 'AZ7', status: 'available' },
  { code: 'cn-north-4e', name: 'AZ5', status: 'unavailable' },
];

export const VERSIONS = [
  { version: '8.1.3.320', role: 'STABLE', minCn: 2, maxCn: 20 },
  { version: '8.2.0.108', role: 'STABLE', minCn: 2, maxCn: 20 },
  { version: '8.2.1.225', role: 'STABLE', minCn: 2, maxCn: 20 },
  { version: '8.3.0.108', role: 'STABLE', minCn: 2, maxCn: 20 },
  { version: '9.1.0.215', role: 'PREVIEW', minCn: 2, maxCn: 20 },
] as const;

export type ZoneSupply = 'normal' | 'sellout' | 'abandon';

export interface Flavor {
  id: string;
  specName: string;
  vcpus: number;
  ram: number;
  architecture: 'x86' | 'arm';
  datastoreType: 'dws' | 'hybrid';
  /** Fixed local storage; absent for flavors with elastic (EVS) storage. */
  localDisk?: { type: 'SSD' | 'LOCAL_DISK'; size: number };
  /** Per-AZ supply; AZs left out are `normal`. */
  supply: Partial<Record<string, ZoneSupply>>;
}

export const FLAVORS: readonly Flavor[] = [
  {
    id: 'ebe532d6-665f-40e6-a4d4-3c51545b4f71',
    specName: 'dws.m1.xlarge.ultrahigh',
    vcpus: 4,
    ram: 32,
    architecture: 'x86',
    datastoreType: 'dws',
    localDisk: { type: 'SSD', size: 512 },
    supply: { 'cn-north-4g': 'abandon' },
  },
  {
    id: 'ebe532d6-665f-40e6-a4d4-3c51545b6a67',
    specName: 'dws.d2.xlarge',
    vcpus: 4,
    ram: 32,
    architecture: 'x86',
    datastoreType: 'dws',
    localDisk: { type: 'LOCAL_DISK', size: 1675 },
    supply: { 'cn-north-4c': 'sellout' },
  },
  { id: '5ddb1071-c5d7-40e0-a874-8a032e81a697', specName: 'dws.m3.xlarge', vcpus: 4, ram: 32, architecture: 'x86', datastoreType: 'dws', supply: {} },
  { id: '0b2a8d7e-3c41-4f6a-9d52-7a1e0c6b8f30', specName: 'dwsx2.rt.xlarge.m6', vcpus: 4, ram: 32, architecture: 'x86', datastoreType: 'dws', supply: {} },
  { id: '7c1e9a44-2b8d-4e0f-a6c3-51d9f2e07b18', specName: 'dwsx2.xlarge.m7', vcpus: 4, ram: 32, architecture: 'x86', datastoreType: 'dws', supply: {} },
  {
    id: 'a3f06b2c-9d17-4c85-b2e4-6f8a10d3c952',
    specName: 'dwsx2.2xlarge.m7',
    vcpus: 8,
    ram: 64,
    architecture: 'x86',
    datastoreType: 'dws',
    supply: { 'cn-north-4a': 'sellout' },
  },
  { id: 'd84c2e19-7a50-4b3e-8f61-2c9b0e5a7d43', specName: 'dwsx2.4xlarge.m7n', vcpus: 16, ram: 128, architecture: 'x86', datastoreType: 'dws', supply: {} },
  {
    id: '3e7f5a08-1c6d-4d92-9b0a-8e4f2c71d6b5',
    specName: 'dwsk2.2xlarge.kc1',
    vcpus: 8,
    ram: 64,
    architecture: 'arm',
    datastoreType: 'dws',
    supply: { 'cn-north-4b': 'sellout' },
  },
  {
    id: '9a1d3f6e-4b27-48c0-a5e9-0d62b8c4f173',
    specName: 'dws2.hybrid.xlarge.m6',
    vcpus: 4,
    ram: 32,
    architecture: 'x86',
    datastoreType: 'hybrid',
    supply: {},
  },
];

/** The document's create example names the flavor by spec name although the table asks for its id: both are accepted. */
export const findFlavor = (ref: string): Flavor | undefined => FLAVORS.find((f) => f.id === ref || f.specName === ref);

export const zoneSupply = (flavor: Flavor, az: string): ZoneSupply => flavor.supply[az] ?? 'normal';

/** Alarm definitions the alarm details list draws from (alarm_level 1 urgent … 4 prompt). */
export const ALARMS = [
  { id: 'DWS_01010', name: 'Cluster Status Fault', level: '1' },
  { id: 'DWS_2000000012', name: 'Node Data Disk Usage Exceeds the Threshold', level: '2' },
  { id: 'DWS_2000000001', name: 'Node CPU Usage Exceeds the Threshold', level: '3' },
  { id: 'DWS_2000000006', name: 'Node Memory Usage Exceeds the Threshold', level: '3' },
  { id: 'DWS_2000000018', name: 'Queue Congestion in the Cluster Default Resource Pool', level: '2' },
  { id: 'DWS_2000000016', name: 'Cluster Read-Only', level: '1' },
  { id: 'DWS_2000000020', name: 'Abnormal CN Instance', level: '2' },
  { id: 'DWS_2000000011', name: 'Cluster Node Network Latency Exceeds the Threshold', level: '4' },
] as const;

/**
 * The tenant's dedicated DSS storage pools (5.2.10), fixed like the rest of the catalog.
 * The example's capacity is a string although the table types it Integer; the example's
 * form is what we emit.
 */
export const DSS_POOLS = [
  {
    id: 'c950ee97-587c-4f24-8a74-3367e3da570f',
    name: 'pool-1',
    type: 'SSD',
    capacity: '1000',
    availability_zone: 'cn-north-4a',
    status: 'available',
    created_at: '2024-03-18T15:57:56.299000',
  },
  {
    id: '4b0e2f6a-93d1-4c57-8e2a-5f1c7d9b0a36',
    name: 'pool-2',
    type: 'SSD',
    capacity: '500',
    availability_zone: 'cn-north-4b',
    status: 'extending',
    created_at: '2025-01-07T09:12:40.118000',
  },
] as const;
