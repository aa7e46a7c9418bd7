import type { Route } from '../../kit/definition.js';
import { bodyObject, json, type SimRequest } from '../../kit/http.js';
import { DwsRequestError, invalid, missing, notFound } from '../errors.js';
import { cnNodes, type DwsCluster, type DwsNode, memberCount } from '../model.js';
import { maxCns, MIN_CNS } from '../nodes.js';
import { cnInstance } from '../present.js';
import { subnetPrefixFor } from '../provision.js';
import { asObject, intField, isUuid, optionalBoolean, optionalString } from '../validate.js';
import { type DwsContext, param, route } from './shared.js';

/** CN changes and shrink answer with a job id: 32 hex digits, as in the examples. */
const jobId = (ctx: DwsContext) => ctx.env.rng.hex(32);

export function nodeRoutes(ctx: DwsContext): Route[] {
  const { store, ops } = ctx;
  const cluster = (req: SimRequest) => store.cluster(param(req, 'cluster_id'));

  /**
   * scale_out.subnet_id is "a valid subnet ID in the same VPC". The simulator knows a
   * subnet's VPC from the clusters in it: a subnet seen in another VPC is refused
   * (DWS.5022); one it has not seen is taken to be a subnet of the cluster's VPC.
   */
  const checkSubnet = (c: DwsCluster, subnetId: string) => {
    if (!isUuid(subnetId)) throw invalid('DWS.5015', 'scale_out.subnet_id', `${subnetId} is not a valid ID`);
    for (const other of store.clusters.values()) {
      if (other.subnetId === subnetId && other.vpcId !== c.vpcId) {
        throw new DwsRequestError(
          'DWS.5022',
          `Parameter scale_out.subnet_id: subnet ${subnetId} belongs to VPC ${other.vpcId}, not to the cluster's VPC ${c.vpcId}.`,
        );
      }
    }
  };

  const shrink = (req: SimRequest) => {
    const c = cluster(req);
    const body = bodyObject(req);
    // Optional in the table, but "This parameter cannot be left blank".
    const n = intField(body, 'shrink_number', 'shrink_number', { min: 1, required: true }) as number;
    optionalBoolean(body, 'online', 'online');
    optionalBoolean(body, 'retry', 'retry');
    optionalBoolean(body, 'need_agency', 'need_agency');
    intField(body, 'parallel_jobs', 'parallel_jobs', { min: 1, max: 200 });
    const remaining = memberCount(c) - n;
    if (remaining < 3) throw invalid('DWS.5047', 'shrink_number', `the cluster has ${memberCount(c)} nodes and must keep at least 3`);
    if (remaining < cnNodes(c).length)
      throw invalid('DWS.5047', 'shrink_number', `the remaining ${remaining} nodes cannot host the cluster's ${cnNodes(c).length} CNs`);
    ops.shrink(c, n);
    return json(200, { job_id: jobId(ctx) });
  };

  return [
    route('GET', '/v1.0/{project_id}/clusters/{cluster_id}/cns', (req) => {
      const c = cluster(req);
      return json(200, { min_num: MIN_CNS, max_num: maxCns(c), instances: cnNodes(c).map(cnInstance) });
    }),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/cns/batch-create', (req) => {
      const c = cluster(req);
      // `num` is the CN total after the addition, not the number added.
      const num = intField(bodyObject(req), 'num', 'num', { min: MIN_CNS, max: maxCns(c), required: true, code: 'DWS.5207' }) as number;
      const have = cnNodes(c).length;
      if (num <= have) throw invalid('DWS.5207', 'num', `the cluster already has ${have} CNs; num is the total after the addition`);
      ops.changeCns(c, { add: num - have });
      return json(200, { job_id: jobId(ctx) });
    }),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/cns/batch-delete', (req) => {
      const c = cluster(req);
      const ids = bodyObject(req).instances;
      if (ids === undefined || ids === null || (Array.isArray(ids) && ids.length === 0)) throw missing('instances');
      if (!Array.isArray(ids) || ids.some((i) => typeof i !== 'string')) throw invalid('DWS.5065', 'instances', 'an array of CN instance IDs is expected');
      const cns = cnNodes(c);
      const doomed: DwsNode[] = (ids as string[]).map((id) => {
        const n = cns.find((x) => x.id === id);
        if (!n) throw notFound('CN instance', id);
        return n;
      });
      if (cns.length - new Set(doomed).size < MIN_CNS) throw invalid('DWS.5207', 'instances', `a cluster keeps at least ${MIN_CNS} CNs`);
      ops.changeCns(c, { remove: [...new Set(doomed)] });
      return json(200, { job_id: jobId(ctx) });
    }),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/resize', (req) => {
      const c = cluster(req);
      const body = bodyObject(req);
      const scaleOut = asObject(body.scale_out);
      if (!scaleOut) throw missing('scale_out');
      const count = intField(scaleOut, 'count', 'scale_out.count', { min: 3, required: true, code: 'DWS.5047' }) as number;
      if (memberCount(c) + count > 256)
        throw new DwsRequestError('DWS.5091', `Parameter scale_out.count: the cluster would have ${memberCount(c) + count} nodes (at most 256).`);
      const subnetId = optionalString(scaleOut, 'subnet_id', 'scale_out.subnet_id');
      if (subnetId !== undefined) checkSubnet(c, subnetId);
      intField(body, 'waiting_for_killing', 'waiting_for_killing', { min: 30, max: 1200 });
      ops.resize(c, count, {
        createNodeOnly: optionalBoolean(body, 'create_node_only', 'create_node_only') ?? false,
        autoRedistribute: optionalBoolean(body, 'auto_redistribute', 'auto_redistribute') ?? true,
        ...(subnetId !== undefined ? { subnetPrefix: subnetPrefixFor(ctx, subnetId) } : {}),
      });
      return json(200, {});
    }),
    // The URI table says /cluster-shrink while the example request posts to /shrink: both are served.
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/cluster-shrink', shrink),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/shrink', shrink),
  ];
}
