import type { SimResponse } from '../kit/http.js';
import { firstMissing } from '../kit/http.js';
import { COMPONENT_TYPES, type ComponentType, CPU_ARCHITECTURES, DEFAULT_TOPOLOGY, DISK_TYPES, findRegion, type RegionInfo, REGIONS } from './catalog.js';
import { ERR, fail, invalidField, missingField } from './errors.js';
import type { ResourceLine } from './topology.js';

/**
 * Validation of request bodies, in the order TiEM's binding checks them: required
 * fields first (the first missing one is named), then types and enums, then whether
 * the location and topology can be served.
 */

type Body = Record<string, unknown>;
type Checked<T> = { value: T } | { error: SimResponse };

/** The first problem among `fields` that must be present and of the given JSON type. */
export function checkFields(
  body: Body,
  required: readonly string[],
  types: Record<string, 'string' | 'boolean' | 'integer' | 'array' | 'object'>,
): SimResponse | undefined {
  const missing = firstMissing(body, required);
  if (missing) return missingField(missing);
  for (const [field, type] of Object.entries(types)) {
    const v = body[field];
    if (v === undefined || v === null) continue;
    const okType =
      type === 'integer'
        ? Number.isInteger(v)
        : type === 'array'
          ? Array.isArray(v)
          : type === 'object'
            ? typeof v === 'object' && !Array.isArray(v)
            : typeof v === type;
    if (!okType) return invalidField(field, `must be ${type === 'integer' || type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`}`);
  }
  return undefined;
}

/** cluster.CreateClusterReq, checked: what creating (or restoring) a cluster needs. */
export interface CreateParams {
  clusterName: string;
  clusterType: string;
  clusterVersion: string;
  cpuArchitecture: string;
  region: RegionInfo;
  copies: number;
  exclusive: boolean;
  tls: boolean;
  vendor: string;
  tags: string[];
  requestResourceMode: 'SpecificZone' | 'SpecificHost';
  lines: ResourceLine[];
  /** The database account the cluster is created with (the document: root by default). */
  dbUser: string;
  /** The parameter group applied after deployment; '' for the version's default group. */
  parameterGroupId: string;
}

/** The document's default database account. */
export const DEFAULT_DB_USER = 'root';
/** TiDB (as MySQL 5.7) refuses a user name longer than this. */
const DB_USER_MAX = 32;
/** "not valid for Data Migration clusters": a DM cluster has no SQL layer to hold an account. */
const DM_CLUSTER_TYPE = 'DM';

const CREATE_REQUIRED = ['clusterName', 'clusterType', 'clusterVersion', 'cpuArchitecture', 'dbPassword', 'region'] as const;

export function parseCreate(body: Body, extraRequired: readonly string[] = []): Checked<CreateParams> {
  const problem = checkFields(body, [...extraRequired, ...CREATE_REQUIRED], {
    clusterName: 'string',
    clusterType: 'string',
    clusterVersion: 'string',
    cpuArchitecture: 'string',
    dbPassword: 'string',
    dbUser: 'string',
    parameterGroupID: 'string',
    region: 'string',
    copies: 'integer',
    exclusive: 'boolean',
    tls: 'boolean',
    vendor: 'string',
    tags: 'array',
    resourceParameters: 'object',
  });
  if (problem) return { error: problem };
  const arch = body.cpuArchitecture as string;
  if (!(CPU_ARCHITECTURES as readonly string[]).includes(arch))
    return { error: invalidField('cpuArchitecture', `must be one of ${CPU_ARCHITECTURES.join('/')}`) };
  const dbUser = parseDbUser(body);
  if (typeof dbUser !== 'string') return { error: dbUser };
  const copies = (body.copies as number | undefined) || 3;
  if (copies < 1 || copies > 7) return { error: invalidField('copies', 'must be between 1 and 7') };
  const region = findRegion(body.region as string);
  if (!region)
    return { error: fail(ERR.invalidLocation, `invalid location: region '${String(body.region)}' is not one of ${REGIONS.map((r) => r.id).join(', ')}`) };
  const resources = parseResources(region, (body.resourceParameters as Body | undefined) ?? {});
  if ('error' in resources) return resources;
  return {
    value: {
      clusterName: body.clusterName as string,
      clusterType: body.clusterType as string,
      clusterVersion: body.clusterVersion as string,
      cpuArchitecture: arch,
      region,
      copies,
      exclusive: body.exclusive === true,
      tls: body.tls === true,
      vendor: (body.vendor as string | undefined) || 'Local',
      tags: ((body.tags as unknown[] | undefined) ?? []).map(String),
      dbUser,
      parameterGroupId: (body.parameterGroupID as string | undefined) ?? '',
      ...resources.value,
    },
  };
}

/** `dbUser` (type already checked): a MySQL user name, absent for root, refused for a DM cluster. */
function parseDbUser(body: Body): string | SimResponse {
  const user = body.dbUser as string | undefined;
  if (user === undefined || user === null || user === '') return DEFAULT_DB_USER;
  if (body.clusterType === DM_CLUSTER_TYPE) return invalidField('dbUser', 'is not valid for Data Migration clusters');
  if (user.length > DB_USER_MAX || /[\s'"`@]/.test(user)) {
    return invalidField('dbUser', `must be a database user name of at most ${DB_USER_MAX} characters, without spaces, quotes or @`);
  }
  return user;
}

function parseResources(region: RegionInfo, params: Body): Checked<Pick<CreateParams, 'requestResourceMode' | 'lines'>> {
  const mode = params.requestResourceMode ?? 'SpecificZone';
  if (mode !== 'SpecificZone' && mode !== 'SpecificHost')
    return { error: invalidField('resourceParameters.requestResourceMode', 'must be SpecificZone or SpecificHost') };
  const groups = params.instanceResource ?? [];
  if (!Array.isArray(groups)) return { error: invalidField('resourceParameters.instanceResource', 'must be an array') };
  const lines: ResourceLine[] = [];
  for (const [g, group] of groups.entries()) {
    const at = `resourceParameters.instanceResource[${g}]`;
    const type = (group as Body | null)?.componentType;
    if (!(COMPONENT_TYPES as readonly unknown[]).includes(type))
      return { error: invalidField(`${at}.componentType`, `must be one of ${COMPONENT_TYPES.join('/')}`) };
    const resource = (group as Body).resource ?? [];
    if (!Array.isArray(resource)) return { error: invalidField(`${at}.resource`, 'must be an array') };
    for (const [r, raw] of resource.entries()) {
      const line = parseLine(region, type as ComponentType, (raw ?? {}) as Body, `${at}.resource[${r}]`, mode);
      if ('error' in line) return line;
      if (line.value.count > 0) lines.push(line.value);
    }
  }
  if (lines.length === 0) {
    const zone = region.zones[0];
    if (!zone) return { error: fail(ERR.invalidLocation) };
    lines.push(...DEFAULT_TOPOLOGY.map((d) => ({ type: d.type, count: d.count, specCode: d.spec, zone, diskType: 'SSD', diskCapacity: d.diskGiB })));
  }
  for (const needed of ['PD', 'TiKV', 'TiDB'] as const) {
    if (!lines.some((l) => l.type === needed))
      return { error: fail(ERR.invalidTopology, `invalid cluster topology: at least one ${needed} instance is required`) };
  }
  return { value: { requestResourceMode: mode, lines } };
}

function parseLine(region: RegionInfo, type: ComponentType, raw: Body, at: string, mode: string): Checked<ResourceLine> {
  const count = raw.count ?? 1;
  if (!Number.isInteger(count) || (count as number) < 0) return { error: invalidField(`${at}.count`, 'must be a non-negative integer') };
  const zone = region.zones.find((z) => z.zoneId === raw.zoneCode) ?? (raw.zoneCode ? undefined : region.zones[0]);
  if (!zone) return { error: fail(ERR.invalidLocation, `invalid location: zone '${String(raw.zoneCode)}' is not in region ${region.id}`) };
  const diskType = raw.diskType || 'SSD';
  if (!(DISK_TYPES as readonly unknown[]).includes(diskType)) return { error: invalidField(`${at}.diskType`, `must be one of ${DISK_TYPES.join('/')}`) };
  const diskCapacity = raw.diskCapacity || 100;
  if (!Number.isInteger(diskCapacity) || (diskCapacity as number) < 0) return { error: invalidField(`${at}.diskCapacity`, 'must be a positive integer (GiB)') };
  if (mode === 'SpecificHost' && !raw.hostIp) return { error: missingField(`${at}.hostIp`) };
  return {
    value: {
      type,
      count: count as number,
      specCode: typeof raw.specCode === 'string' && raw.specCode ? raw.specCode : '4C8G',
      zone,
      diskType: diskType as string,
      diskCapacity: diskCapacity as number,
      ...(typeof raw.hostIp === 'string' && raw.hostIp ? { hostIp: raw.hostIp } : {}),
      ...(mode === 'SpecificHost' && typeof raw.diskId === 'string' && raw.diskId ? { diskId: raw.diskId } : {}),
    },
  };
}

/** cluster.TakeoverClusterReq: every field is required. */
export interface TakeoverParams {
  clusterName: string;
  tiupIp: string;
  tiupPath: string;
}

export function parseTakeover(body: Body): Checked<TakeoverParams> {
  const problem = checkFields(body, ['TiUPIp', 'TiUPPath', 'TiUPPort', 'TiUPUserName', 'TiUPUserPassword', 'clusterName', 'dbPassword'], {
    TiUPIp: 'string',
    TiUPPath: 'string',
    TiUPPort: 'integer',
    TiUPUserName: 'string',
    TiUPUserPassword: 'string',
    clusterName: 'string',
    dbPassword: 'string',
  });
  if (problem) return { error: problem };
  const port = body.TiUPPort as number;
  if (port < 1 || port > 65535) return { error: invalidField('TiUPPort', 'must be a TCP port (1-65535)') };
  if (!/^(\d{1,3})(\.\d{1,3}){3}$/.test(body.TiUPIp as string)) return { error: invalidField('TiUPIp', 'must be an IPv4 address') };
  return { value: { clusterName: body.clusterName as string, tiupIp: body.TiUPIp as string, tiupPath: body.TiUPPath as string } };
}

/** Optional booleans of a body (cluster.DeleteClusterReq and the like). */
export function parseFlags<K extends string>(body: Body, names: readonly K[]): Checked<Record<K, boolean>> {
  const problem = checkFields(body, [], Object.fromEntries(names.map((n) => [n, 'boolean' as const])));
  if (problem) return { error: problem };
  return { value: Object.fromEntries(names.map((n) => [n, body[n] === true])) as Record<K, boolean> };
}
