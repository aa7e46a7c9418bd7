import type { Label } from '../../model/entities.js';
import { ValidationError } from '../../model/errors.js';
import type { CreateSnapshotRequest, DeleteClusterRequest, RestoreSnapshotRequest, TakeOverClusterRequest } from '../../model/operations.js';
import type { TiemCreateRequest } from './inputs.js';
import type { TiemClusterDetail } from './wire.js';

/*
 * Gateway requests → TiEM request bodies. Pure: no I/O. Each builder checks what TiEM
 * cannot be sent (missing or impossible values) and throws ValidationError naming the
 * GraphQL input path, so nothing reaches TiEM that it would have to refuse for a reason
 * the gateway could tell first. Rules that depend on TiEM's state (free names, known
 * regions and zones, a cluster's maintenance) are left to TiEM.
 */

/** structs.ClusterResourceParameterCompute's `componentType`, as the document lists them. */
export const COMPONENT_TYPES = ['TiDB', 'TiKV', 'PD', 'TiFlash', 'CDC', 'DM-Master', 'DM-Worker'] as const;
/** structs.ClusterResourceParameterComputeResource's `diskType`. */
export const DISK_TYPES = ['NVMeSSD', 'SSD', 'SATA'] as const;
/** A TiDB cluster does not start without a placement driver, a store and a SQL layer. */
const TIDB_CORE_COMPONENTS = ['PD', 'TiKV', 'TiDB'] as const;
/**
 * TiEM requires `cpuArchitecture`; the gateway makes it optional, and X86_64 is what
 * TiEM's own console preselects.
 */
export const DEFAULT_CPU_ARCHITECTURE = 'X86_64';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** One `resource[]` line: `count` instances of a spec in a zone, on a named host with SpecificHost. */
export interface TiemResourceLine {
  count: number;
  specCode: string;
  zoneCode: string;
  diskType?: string;
  diskCapacity?: number;
  hostIp?: string;
  diskId?: string;
}

/** One `instanceResource[]` entry: every line of one component type. */
export interface TiemInstanceResource {
  componentType: string;
  totalNodeCount: number;
  resource: TiemResourceLine[];
}

/**
 * cluster.CreateClusterReq. `SpecificZone` lets TiEM pick hosts in each line's zone;
 * `SpecificHost` names a host on every line.
 */
export interface TiemCreateClusterBody {
  clusterName: string;
  clusterType: string;
  clusterVersion: string;
  cpuArchitecture: string;
  region: string;
  dbPassword: string;
  dbUser?: string;
  copies?: number;
  tls?: boolean;
  exclusive?: boolean;
  vendor?: string;
  parameterGroupID?: string;
  tags: string[];
  resourceParameters: { requestResourceMode: 'SpecificZone' | 'SpecificHost'; instanceResource: TiemInstanceResource[] };
}

/** RestoreNewClusterReq: a create request plus the backup to fill the new cluster from. */
export interface TiemRestoreBody extends TiemCreateClusterBody {
  backupId: string;
}

/** A string that must hold something other than blanks. */
function required(value: string | undefined, field: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new ValidationError(field, `${what} is required`);
  return value;
}

const isPositiveInt = (n: number) => Number.isInteger(n) && n > 0;

/**
 * Labels as TiEM tags: `key=value`, or the bare key for an empty value — the forms the
 * read side's `tagLabel` parses back into the same label. A key holding `=` or `:`
 * would be split differently when read, so it is refused.
 */
export function labelTags(labels: readonly Label[], field = 'input.labels'): string[] {
  const seen = new Set<string>();
  return labels.map((label, i) => {
    const key = required(label.key, `${field}[${i}].key`, 'a label key');
    if (/[=:]/.test(key) || key.trim() !== key) {
      throw new ValidationError(`${field}[${i}].key`, 'TiEM stores labels as "key=value" tags: a key cannot contain "=" or ":" or start or end with blanks');
    }
    if (seen.has(key)) throw new ValidationError(`${field}[${i}].key`, `key "${key}" appears twice`);
    seen.add(key);
    return label.value === '' ? key : `${key}=${label.value}`;
  });
}

/**
 * The gateway's components, grouped by type as TiEM's instanceResource groups them, and
 * how they are placed: TiEM places a whole cluster by zone or on named hosts, never both.
 */
function instanceResources(req: TiemCreateRequest): TiemCreateClusterBody['resourceParameters'] {
  const components = req.tiem?.components ?? [];
  const at = 'input.tiem.components';
  if (components.length === 0) throw new ValidationError(at, 'name at least one component');
  const onHosts = components[0]?.hostIp !== undefined;
  const groups = new Map<string, TiemInstanceResource>();
  components.forEach((c, i) => {
    const field = `${at}[${i}]`;
    if ((c.hostIp !== undefined) !== onHosts) {
      throw new ValidationError(`${field}.hostIp`, 'give a host for every component or for none: TiEM places a cluster by zone or on named hosts, not both');
    }
    if (c.hostIp !== undefined && !IPV4.test(c.hostIp)) throw new ValidationError(`${field}.hostIp`, 'must be an IPv4 address');
    if (c.diskId !== undefined && c.hostIp === undefined) throw new ValidationError(`${field}.diskId`, 'names a disk of hostIp: give hostIp too');
    if (c.diskId?.trim() === '') throw new ValidationError(`${field}.diskId`, 'must name a disk when given');
    if (!(COMPONENT_TYPES as readonly string[]).includes(c.type)) throw new ValidationError(`${field}.type`, `must be one of ${COMPONENT_TYPES.join(', ')}`);
    if (!isPositiveInt(c.count)) throw new ValidationError(`${field}.count`, 'must be a whole number of instances, at least 1');
    const specCode = required(c.spec, `${field}.spec`, 'an instance spec such as 4C8G');
    const zoneCode = required(c.zone, `${field}.zone`, 'a zone');
    if (req.zone !== undefined && zoneCode !== req.zone) {
      throw new ValidationError(
        'input.zone',
        `component ${i} is placed in ${zoneCode}: TiEM places each component in its own zone, so leave input.zone out or match it`,
      );
    }
    if (c.diskType !== undefined && !(DISK_TYPES as readonly string[]).includes(c.diskType)) {
      throw new ValidationError(`${field}.diskType`, `must be one of ${DISK_TYPES.join(', ')}`);
    }
    if (c.diskCapacityGb !== undefined && !isPositiveInt(c.diskCapacityGb))
      throw new ValidationError(`${field}.diskCapacityGb`, 'must be a whole number of GiB, at least 1');
    const group = groups.get(c.type) ?? { componentType: c.type, totalNodeCount: 0, resource: [] };
    group.totalNodeCount += c.count;
    group.resource.push({
      count: c.count,
      specCode,
      zoneCode,
      ...(c.diskType !== undefined ? { diskType: c.diskType } : {}),
      ...(c.diskCapacityGb !== undefined ? { diskCapacity: c.diskCapacityGb } : {}),
      ...(c.hostIp !== undefined ? { hostIp: c.hostIp } : {}),
      ...(c.diskId !== undefined ? { diskId: c.diskId } : {}),
    });
    groups.set(c.type, group);
  });
  return { requestResourceMode: onHosts ? 'SpecificHost' : 'SpecificZone', instanceResource: [...groups.values()] };
}

/** POST /clusters/: the gateway's common fields plus its `tiem` block. */
export function createClusterBody(req: TiemCreateRequest): TiemCreateClusterBody {
  const tiem = req.tiem;
  if (!tiem) throw new ValidationError('input.tiem', 'a tiem source needs the tiem block');
  const clusterName = required(req.name, 'input.name', 'a cluster name');
  const clusterVersion = required(req.version, 'input.version', 'the TiDB version to deploy (e.g. v6.1.0)');
  const region = required(req.region, 'input.region', 'the TiEM region to deploy into');
  const dbPassword = required(tiem.dbPassword, 'input.tiem.dbPassword', "the database root user's password");
  const clusterType = tiem.clusterType ?? 'TiDB';
  if (tiem.parameterGroupId?.trim() === '') throw new ValidationError('input.tiem.parameterGroupId', 'must name a parameter group when given');
  const resourceParameters = instanceResources(req);
  const instanceResource = resourceParameters.instanceResource;
  if (clusterType === 'TiDB') {
    const missing = TIDB_CORE_COMPONENTS.find((t) => !instanceResource.some((g) => g.componentType === t));
    if (missing) throw new ValidationError('input.tiem.components', `a TiDB cluster needs at least one ${missing} instance`);
    const stores = instanceResource.find((g) => g.componentType === 'TiKV')?.totalNodeCount ?? 0;
    if (tiem.copies !== undefined && (!isPositiveInt(tiem.copies) || tiem.copies > stores)) {
      throw new ValidationError('input.tiem.copies', `must be between 1 and the ${stores} TiKV instances that hold the copies`);
    }
  } else if (tiem.copies !== undefined && !isPositiveInt(tiem.copies)) {
    throw new ValidationError('input.tiem.copies', 'must be at least 1');
  }
  return {
    clusterName,
    clusterType,
    clusterVersion,
    cpuArchitecture: tiem.cpuArchitecture ?? DEFAULT_CPU_ARCHITECTURE,
    region,
    dbPassword,
    ...(tiem.dbUser !== undefined ? { dbUser: tiem.dbUser } : {}),
    ...(tiem.copies !== undefined ? { copies: tiem.copies } : {}),
    ...(tiem.tls !== undefined ? { tls: tiem.tls } : {}),
    ...(tiem.exclusive !== undefined ? { exclusive: tiem.exclusive } : {}),
    ...(tiem.vendor !== undefined ? { vendor: tiem.vendor } : {}),
    ...(tiem.parameterGroupId !== undefined ? { parameterGroupID: tiem.parameterGroupId } : {}),
    tags: labelTags(req.labels),
    resourceParameters,
  };
}

/**
 * DELETE /clusters/{id}: `keepLastSnapshot` has BR take a backup first (`autoBackup`)
 * and keeps the cluster's backup records (`keepHistoryBackupRecords`) — without the
 * latter TiEM would delete that very backup with the rest. Without it, TiEM's defaults:
 * no last backup, and the cluster's backups go with it.
 */
export interface TiemDeleteClusterBody {
  autoBackup: boolean;
  force: boolean;
  keepHistoryBackupRecords: boolean;
}

export function deleteClusterBody(req: DeleteClusterRequest): TiemDeleteClusterBody {
  return { autoBackup: req.keepLastSnapshot, force: req.force, keepHistoryBackupRecords: req.keepLastSnapshot };
}

/** cluster.TakeoverClusterReq: every field is required; the TiUP control machine is reached over SSH. */
export interface TiemTakeoverBody {
  TiUPIp: string;
  TiUPPort: number;
  TiUPUserName: string;
  TiUPUserPassword: string;
  TiUPPath: string;
  clusterName: string;
  dbPassword: string;
}

export function takeoverBody(req: TakeOverClusterRequest): TiemTakeoverBody {
  const host = req.controlHost;
  if (!IPV4.test(host.ip)) throw new ValidationError('input.controlHostIp', 'must be the IPv4 address of the TiUP control machine');
  if (!Number.isInteger(host.port) || host.port < 1 || host.port > 65_535) throw new ValidationError('input.controlHostPort', 'must be a TCP port (1-65535)');
  return {
    TiUPIp: host.ip,
    TiUPPort: host.port,
    TiUPUserName: required(host.user, 'input.controlHostUser', 'the SSH user of the control machine'),
    TiUPUserPassword: required(host.password, 'input.controlHostPassword', 'the SSH password of the control machine'),
    TiUPPath: required(host.tiupPath, 'input.tiupPath', "TiUP's home directory on the control machine"),
    clusterName: required(req.name, 'input.name', 'the TiUP cluster name'),
    dbPassword: required(req.dbPassword, 'input.dbPassword', "the database root user's password"),
  };
}

/**
 * POST /backups/: a manual full backup. A TiEM backup is named after the directory BR
 * writes it to and has no description, so a name or description the caller expects to
 * see again is refused rather than dropped.
 */
export interface TiemBackupBody {
  clusterId: string;
  backupType: 'full';
  backupMode: 'manual';
}

export function backupBody(clusterId: string, req: CreateSnapshotRequest): TiemBackupBody {
  if (req.name !== undefined) throw new ValidationError('name', 'TiEM names a backup after its backup directory: it takes no name');
  if (req.description !== undefined) throw new ValidationError('description', 'TiEM backups have no description');
  return { clusterId, backupType: 'full', backupMode: 'manual' };
}

/** The restore's own inputs, checked before TiEM is asked anything. */
export function checkRestore(req: RestoreSnapshotRequest): void {
  required(req.clusterName, 'clusterName', 'a name for the new cluster');
  if (req.availabilityZone?.trim() === '') throw new ValidationError('availabilityZone', 'must name a zone when given');
}

/**
 * POST /clusters/restore: a new cluster like the one the backup was taken of — its
 * type, version, architecture, region and component resources — filled from the backup.
 * Resources are re-requested by zone (`SpecificZone`), never on the source's own hosts;
 * `availabilityZone` moves every component into that zone. The source's tags are not
 * copied: a restored copy is not the cluster its labels describe.
 */
export function restoreBody(backupId: string, source: TiemClusterDetail, req: RestoreSnapshotRequest, dbPassword: string): TiemRestoreBody {
  checkRestore(req);
  const info = source.info;
  const clusterVersion = info.clusterVersion?.trim();
  const region = info.region?.trim();
  if (!clusterVersion || !region) {
    throw new ValidationError('id', `cluster ${info.clusterId}, which the backup was taken of, reports no version or region for the new cluster to copy`);
  }
  const instanceResource = source.instanceResource.map((group) => {
    const resource = group.resource.map((line) => ({
      count: line.count ?? 1,
      specCode: line.specCode ?? '',
      zoneCode: req.availabilityZone ?? line.zoneCode ?? '',
      ...(line.diskType ? { diskType: line.diskType } : {}),
      ...(line.diskCapacity ? { diskCapacity: line.diskCapacity } : {}),
    }));
    return { componentType: group.componentType, totalNodeCount: resource.reduce((n, l) => n + l.count, 0), resource };
  });
  return {
    backupId,
    clusterName: req.clusterName,
    clusterType: info.clusterType || 'TiDB',
    clusterVersion,
    cpuArchitecture: info.cpuArchitecture || DEFAULT_CPU_ARCHITECTURE,
    region,
    dbPassword,
    ...(info.copies ? { copies: info.copies } : {}),
    ...(info.tls != null ? { tls: info.tls } : {}),
    ...(info.exclusive != null ? { exclusive: info.exclusive } : {}),
    ...(info.vendor ? { vendor: info.vendor } : {}),
    tags: [],
    resourceParameters: { requestResourceMode: 'SpecificZone', instanceResource },
  };
}
