import type { Route } from '../../kit/definition.js';
import { bodyObject, json } from '../../kit/http.js';
import { findFlavor, VERSIONS } from '../catalog.js';
import { busy, DwsRequestError, invalid } from '../errors.js';
import { isHealthy, type Tag } from '../model.js';
import { assertQuota } from '../quotas.js';
import { clusterDetail, clusterInfo } from '../present.js';
import { assertNameFree, checkZone, type ClusterRequest, defaultZone, provision, readPublicIp, subnetPrefixFor } from '../provision.js';
import { asObject, intField, isUuid, nameField, optionalString, requireObject, requireString, tagField, uuidField } from '../validate.js';
import { type DwsContext, param, route } from './shared.js';

/** The newest STABLE kernel: what a v1.0 creation (which names no version) gets. */
const LATEST_STABLE: string = [...VERSIONS].reverse().find((v) => v.role === 'STABLE')?.version ?? '8.2.0.108';
const RESERVED_USERS = new Set(['all', 'analyse', 'analyze', 'public', 'select', 'user', 'omm', 'gaussdb', 'root', 'admin']);
export const MAX_TAGS = 20;

/** Field names of the two creation APIs: v1.0 (5.2.4) and v2 (6.1, "recommended"). */
const V1 = { nodeType: 'node_type', nodes: 'number_of_node', cns: 'number_of_cn', port: 'port', user: 'user_name', pwd: 'user_pwd' } as const;
const V2 = { nodeType: 'flavor', nodes: 'num_node', cns: 'num_cn', port: 'db_port', user: 'db_name', pwd: 'db_password' } as const;
type Names = typeof V1 | typeof V2;

/**
 * 5.2.4 asks 12 to 32 characters, yet its own example (and 6.1's) uses "Passw0rd!" (9):
 * creation accepts 8 to 32, the console's rule. The password reset (5.2.7) asks 12 to 32
 * and its example has 12, so it keeps the document's minimum.
 */
function checkPassword(pwd: string, user: string, path: string, min: number): void {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[~!?,.:;_'"(){}[\]/<>@#%^&*+|\\=-]/].filter((r) => r.test(pwd)).length;
  if (pwd.length < min || pwd.length > 32 || classes < 3) {
    throw invalid('DWS.5144', path, `${min} to 32 characters with at least three of: uppercase letters, lowercase letters, digits, special characters`);
  }
  const reversed = [...user].reverse().join('');
  if (pwd.toLowerCase().includes(user.toLowerCase()) || pwd.toLowerCase().includes(reversed.toLowerCase())) {
    throw new DwsRequestError('DWS.5145', `Parameter ${path}.`);
  }
}

function readTags(v: unknown, path: string): Tag[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  if (list.length > MAX_TAGS) throw new DwsRequestError('DWS.5194', `Parameter ${path}: at most ${MAX_TAGS} tags.`);
  return list.map((t, i) => tagField(t, `${path}[${i}]`));
}

/**
 * Validates a creation body (either API's field names) into a ClusterRequest. The
 * pre-check (5.2.5) takes the v2 body with the name, administrator and password
 * optional (db_name defaults to dbadmin) and its db_port typed String.
 */
function readCreate(ctx: DwsContext, body: Record<string, unknown>, names: Names, precheck = false): ClusterRequest {
  const c = { ...requireObject(body, 'cluster') };
  const p = (f: string) => `cluster.${f}`;
  if (precheck) {
    c.db_name ??= 'dbadmin';
    if (typeof c.db_port === 'string' && /^\d+$/.test(c.db_port)) c.db_port = Number(c.db_port);
  }
  const name = precheck && c.name === undefined ? '' : nameField(c, 'name', p('name'), { length: 'DWS.5001', pattern: 'DWS.5057' });
  const flavorRef = requireString(c, names.nodeType, p(names.nodeType));
  const flavor = findFlavor(flavorRef);
  // The v2 API takes the flavor's name only (6.1 FAQ: DWS.5240).
  if (!flavor || (names === V2 && flavor.specName !== flavorRef)) throw new DwsRequestError('DWS.5240', `Parameter ${p(names.nodeType)}: ${flavorRef}.`);
  const hybrid = flavor.datastoreType === 'hybrid';
  const nodeCount = intField(c, names.nodes, p(names.nodes), { min: hybrid ? 1 : 3, max: hybrid ? 1 : 256, required: true, code: 'DWS.5047' }) as number;
  const subnetId = uuidField(c, 'subnet_id', p('subnet_id'), 'DWS.5015', 'DWS.5202');
  const vpcId = uuidField(c, 'vpc_id', p('vpc_id'), 'DWS.5014');
  // Mandatory in the table, yet "if left blank, the system automatically creates a security group".
  const sg = optionalString(c, 'security_group_id', p('security_group_id'));
  if (sg !== undefined && !isUuid(sg)) throw invalid('DWS.5016', p('security_group_id'), `${sg} is not a valid ID`);
  let az: string | undefined;
  if (names === V2) {
    const zones = c.availability_zones;
    if (zones !== undefined && (!Array.isArray(zones) || zones.some((z) => typeof z !== 'string')))
      throw invalid('DWS.5065', p('availability_zones'), 'an array of AZ codes is expected');
    az = (zones as string[] | undefined)?.[0];
  } else az = optionalString(c, 'availability_zone', p('availability_zone'));
  az ??= defaultZone(flavor);
  checkZone(flavor, az, names === V2 ? p('availability_zones') : p('availability_zone'));
  const port = intField(c, names.port, p(names.port), { min: 8000, max: 30000 }) ?? 8000;
  const userName = requireString(c, names.user, p(names.user), 'DWS.5175');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(userName))
    throw invalid('DWS.5059', p(names.user), 'lowercase letters, digits and underscores, starting with a letter or underscore, 1 to 63 characters');
  if (RESERVED_USERS.has(userName)) throw invalid('DWS.5082', p(names.user), `${userName} is a reserved word`);
  const userPwd = precheck && c[names.pwd] === undefined ? '' : requireString(c, names.pwd, p(names.pwd), 'DWS.5176');
  if (userPwd) checkPassword(userPwd, userName, p(names.pwd), 8);
  const cnCount = intField(c, names.cns, p(names.cns), { min: 2, max: Math.min(nodeCount, 20), code: 'DWS.5207' }) ?? Math.min(3, nodeCount);
  let version = LATEST_STABLE;
  if (names === V2) {
    // "8.2.0" names the newest build of that release.
    const asked = requireString(c, 'datastore_version', p('datastore_version'));
    const offered = [...VERSIONS].reverse().find((v) => v.version === asked || v.version.startsWith(`${asked}.`));
    if (!offered) throw invalid('DWS.5003', p('datastore_version'), `${asked} is not an offered version`);
    version = offered.version;
  }
  if (name) assertNameFree(ctx, name);
  assertQuota(ctx.store, flavor, nodeCount, p(names.nodes));
  return {
    name,
    flavor,
    nodeCount,
    cnCount,
    version,
    vpcId,
    subnetId,
    securityGroupId: sg ?? ctx.env.rng.uuid(),
    subnetPrefix: subnetPrefixFor(ctx, subnetId),
    availabilityZone: az,
    port,
    userName,
    userPwd,
    publicIp: readPublicIp(c.public_ip, p('public_ip')),
    enterpriseProjectId: optionalString(c, 'enterprise_project_id', p('enterprise_project_id')) ?? '0',
    tags: readTags(c.tags ?? c.tag_list, p('tags')),
  };
}

export function clusterRoutes(ctx: DwsContext): Route[] {
  const { store, ops, env, events } = ctx;
  const create = (names: Names) => (req: Parameters<Route['handle']>[0]) => {
    const c = provision(ctx, readCreate(ctx, bodyObject(req), names));
    return json(200, { cluster: { id: c.id } });
  };
  return [
    route('GET', '/v1.0/{project_id}/clusters', (req) => {
      const ep = req.query.get('enterprise_project_id');
      const now = env.clock.now();
      const all = store.clusters.newestFirst();
      const clusters = !ep || ep === 'all_granted_eps' ? all : all.filter((c) => c.enterpriseProjectId === ep);
      return json(200, { clusters: clusters.map((c) => clusterInfo(c, store, now)), count: clusters.length });
    }),
    route('GET', '/v1.0/{project_id}/clusters/{cluster_id}', (req) =>
      json(200, { cluster: clusterDetail(store.cluster(param(req, 'cluster_id')), store, env.clock.now()) }),
    ),
    route('POST', '/v1.0/{project_id}/clusters', create(V1)),
    route('POST', '/v2/{project_id}/clusters', create(V2)),
    route('POST', '/v2/{project_id}/cluster-precheck', (req) => {
      readCreate(ctx, bodyObject(req), V2, true);
      return json(200, {});
    }),
    route('DELETE', '/v1.0/{project_id}/clusters/{cluster_id}', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      const keep = intField(bodyObject(req), 'keep_last_manual_snapshot', 'keep_last_manual_snapshot', { min: 0, required: true }) as number;
      ops.delete(c, keep);
      return json(202, {});
    }),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/restart', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      const body = bodyObject(req);
      if (!asObject(body.restart)) throw invalid('DWS.5037', 'restart', 'the restart object is mandatory, e.g. {"restart": {}}');
      ops.restart(c);
      return json(200, {});
    }),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/reset-password', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      const pwd = requireString(bodyObject(req), 'new_password', 'new_password', 'DWS.5176');
      checkPassword(pwd, c.userName, 'new_password', 12);
      if (pwd === c.userPwd) throw invalid('DWS.5144', 'new_password', 'it cannot be the same as the current password');
      if (!isHealthy(c)) throw busy(c.id, `the cluster is ${c.status}`);
      c.userPwd = pwd;
      c.updatedAt = env.clock.now();
      events.record('resetPasswordSuccess', c, c.updatedAt);
      return json(200, {});
    }),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/cancel-readonly', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      const words = (c.subStatus ?? '').split(' ');
      if (!words.includes('READONLY')) throw new DwsRequestError('DWS.5095', `Cluster ${c.id} is not read-only (${c.subStatus ?? c.status}).`);
      c.subStatus = words.filter((w) => w !== 'READONLY').join(' ') || 'NORMAL';
      c.updatedAt = env.clock.now();
      events.record('cancelReadonlySuccess', c, c.updatedAt);
      return json(200, {});
    }),
  ];
}
