import { AVAILABILITY_ZONES, type Flavor, REGION, zoneSupply } from './catalog.js';
import { DwsRequestError, invalid } from './errors.js';
import type { ClusterShape, DwsCluster, DwsSnapshot, Tag } from './model.js';
import { addNodes, assignCns } from './nodes.js';
import type { DwsContext } from './routes/shared.js';
import { asObject, isUuid } from './validate.js';

/** A validated request for a new cluster (a creation or a restore): a cluster's shape and what is its own. */
export interface ClusterRequest extends ClusterShape {
  name: string;
  publicIp: { bindType: 'auto_assign' | 'bind_existing'; eipId?: string } | null;
  enterpriseProjectId: string;
  tags: Tag[];
}

/** Cluster names are unique among the tenant's clusters that still exist (DWS.5050). */
export function assertNameFree(ctx: DwsContext, name: string): void {
  for (const c of ctx.store.clusters.values()) {
    if (c.name === name && c.status !== 'DELETED') throw new DwsRequestError('DWS.5050', `Cluster name ${name} is already used by cluster ${c.id}.`);
  }
}

/** `availability_zone` must be an available AZ where the flavor is on sale. */
export function checkZone(flavor: Flavor, az: string, path: string): void {
  const zone = AVAILABILITY_ZONES.find((z) => z.code === az);
  if (zone?.status !== 'available') throw invalid('DWS.5011', path, `${az} is not an available AZ of ${REGION}`);
  const supply = zoneSupply(flavor, az);
  if (supply === 'sellout') throw new DwsRequestError('DWS.5200', `Flavor ${flavor.specName} in ${az}.`);
  if (supply === 'abandon') throw invalid('DWS.5006', path, `flavor ${flavor.specName} is not offered in ${az}`);
}

export const defaultZone = (flavor: Flavor) =>
  AVAILABILITY_ZONES.find((z) => z.status === 'available' && zoneSupply(flavor, z.code) === 'normal')?.code ?? 'cn-north-4a';

/** `public_ip` as 5.2.4 defines it; `not_use` (or absence) means no EIP. */
export function readPublicIp(v: unknown, path: string): ClusterRequest['publicIp'] {
  if (v === undefined || v === null) return null;
  const o = asObject(v);
  if (!o) throw invalid('DWS.5065', path, 'an object is expected');
  const type = o.public_bind_type ?? 'not_use';
  if (type !== 'auto_assign' && type !== 'not_use' && type !== 'bind_existing') {
    throw invalid('DWS.5098', `${path}.public_bind_type`, 'it must be auto_assign, not_use or bind_existing');
  }
  if (type === 'not_use') return null;
  if (type === 'bind_existing') {
    const eip = o.eip_id;
    if (typeof eip !== 'string' || !isUuid(eip)) throw invalid('DWS.5133', `${path}.eip_id`, 'an existing EIP ID is required with bind_existing');
    return { bindType: type, eipId: eip };
  }
  return { bindType: type };
}

/** Creates the cluster record (status CREATING, nodes being created) and starts its creation. */
export function provision(ctx: DwsContext, req: ClusterRequest, restoredFrom?: DwsSnapshot): DwsCluster {
  const { env, store, ops } = ctx;
  const rng = env.rng;
  const now = env.clock.now();
  const c: DwsCluster = {
    id: rng.uuid(),
    name: req.name,
    status: 'CREATING',
    subStatus: null,
    step: null,
    lastTaskResult: null,
    version: req.version,
    createdAt: now,
    updatedAt: now,
    port: req.port,
    userName: req.userName,
    userPwd: req.userPwd,
    flavor: req.flavor,
    nodes: [],
    availabilityZone: req.availabilityZone,
    enterpriseProjectId: req.enterpriseProjectId,
    vpcId: req.vpcId,
    subnetId: req.subnetId,
    securityGroupId: req.securityGroupId,
    subnetPrefix: req.subnetPrefix,
    publicIp: req.publicIp
      ? {
          bindType: req.publicIp.bindType,
          eipId: req.publicIp.eipId ?? rng.uuid(),
          address: `${rng.pick(['121.36', '124.70', '139.9'])}.${rng.int(1, 254)}.${rng.int(2, 253)}`,
        }
      : null,
    tags: req.tags,
    parameterGroupStatus: 'In-Sync',
    orderId: '',
    maintainWindow: { day: 'Wed', start_time: '22:00', end_time: '02:00' },
    resize: null,
    failedReasons: null,
    elb: null,
    deletedAt: null,
  };
  addNodes(rng, c, req.nodeCount, '100');
  assignCns(c, req.cnCount);
  store.clusters.set(c.id, c);
  ops.create(c, restoredFrom);
  return c;
}

/** The private prefix a subnet maps to: the same subnet id always gives the same prefix. */
export function subnetPrefixFor(ctx: DwsContext, subnetId: string): string {
  for (const c of ctx.store.clusters.values()) if (c.subnetId === subnetId) return c.subnetPrefix;
  let h = 0;
  for (const ch of subnetId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `192.168.${h % 200}`;
}
