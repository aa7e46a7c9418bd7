import type { SimEnv, Route } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { errors } from '../envelope.js';
import { INSPECTION_STATE } from '../inspection.js';
import { optionalBool, optionalString, paginate, requiredField, requiredInt, requiredIp, requiredQuery, route } from '../params.js';
import { addCluster, findCluster, type HciState } from '../state.js';
import { clusterDetail, clusterListItem, topView } from '../views.js';

/** Cluster CRUD and the top-N host ranking. Envelopes follow each endpoint's example. */
export function clusterRoutes(env: SimEnv, state: HciState): Route[] {
  return [
    route('GET', '/v1/cluster/list', 'scode+messageCn', (req) => {
      const name = req.query.get('filter_name') ?? '';
      const uuid = req.query.get('filter_uuid') ?? '';
      const matches = [...state.clusters.values()].filter((c) => c.name.includes(name) && (uuid === '' || c.uuid === uuid));
      return { list: paginate(req, matches).map(clusterListItem), total_count: matches.length };
    }),

    route('GET', '/v1/cluster/get', 'scode', (req) => clusterDetail(findCluster(state, requiredQuery(req, 'cluster_uuid')))),

    route('POST', '/v1/cluster/add', 'status_code', (req) => {
      const body = bodyObject(req);
      const ip = requiredIp(body, 'ip');
      const name = requiredField(body, 'name');
      const desc = optionalString(body, 'desc');
      const cluster = addCluster(env, state, { ip, name, desc });
      return { uuid: cluster.uuid, name: cluster.name, desc: cluster.desc, ip };
    }),

    route('POST', '/v1/cluster/delete', 'status_code', (req) => {
      const body = bodyObject(req);
      const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
      // Without `force` the platform refuses to pull a cluster out from under running
      // VMs or an inspection in progress (the document only says force is optional).
      if (!optionalBool(body, 'force')) {
        const running = cluster.hosts.reduce((n, h) => n + h.vms.running, 0);
        if (running > 0) throw errors.clusterBusy(`${running} virtual machines are running`, `仍有${running}台虚拟机在运行`);
        if (cluster.inspection.state === INSPECTION_STATE.checking) throw errors.clusterBusy('an inspection is in progress', '集群正在检测中');
      }
      cluster.deleted = true;
      state.clusters.delete(cluster.uuid);
      return { uuid: cluster.uuid, name: cluster.name };
    }),

    route('GET', '/v1/cluster/top', 'status_code', (req) => {
      const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
      const count = requiredInt(req.query.get('count'), 'count', 1);
      return topView(cluster, count, env.clock.now());
    }),
  ];
}
