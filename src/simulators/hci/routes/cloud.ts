import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { cloudManageView, cvmView } from '../cloud.js';
import { errors } from '../envelope.js';
import { optionalString, requiredCidr, requiredField, requiredIp, requiredQuery, route } from '../params.js';
import { deleteCvm, deployCvm } from '../services.js';
import { findCluster, findHost, type HciState } from '../state.js';

/** The management plane: its etcd members, and cloud manager VMs (CVM) deployed on hosts. */
export function cloudRoutes(env: SimEnv, state: HciState): Route[] {
  return [
    route('GET', '/v1/cluster/cloud/manage', 'scode+messageCn', (req) =>
      cloudManageView(findCluster(state, requiredQuery(req, 'cluster_uuid')), env.clock.now()),
    ),

    // "Put one element in the slice": only the first network is used, the rest are checked.
    route('POST', '/v1/cluster/deploy/cvm', 'scode+messageCn', (req) => {
      const body = bodyObject(req);
      const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
      const host = findHost(cluster, requiredField(body, 'MachineUUID'));
      const networks = body.Networks;
      if (networks === undefined || networks === null) throw errors.paramRequired('Networks');
      if (!Array.isArray(networks) || networks.length === 0) throw errors.paramInvalid('Networks', 'must be a list of one {Addr, Gateway}');
      const checked = networks.map((n, k) => {
        if (!n || typeof n !== 'object' || Array.isArray(n)) throw errors.paramInvalid(`Networks[${k}]`, 'must be an object');
        const fields = n as Record<string, unknown>;
        return { addr: requiredCidr(fields, 'Addr'), gateway: requiredIp(fields, 'Gateway') };
      });
      return cvmView(deployCvm(env, cluster, host, checked[0] as { addr: string; gateway: string }));
    }),

    // `center_candidate_ip` only names the node in the operation log.
    route('POST', '/v1/cluster/delete/cvm', 'scode+messageCn', (req) => {
      const body = bodyObject(req);
      const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
      optionalString(body, 'center_candidate_ip');
      const cvm = deleteCvm(env, cluster, requiredField(body, 'MachineUUID'));
      return { uuid: cvm.uuid, MachineUUID: cvm.host.uuid };
    }),
  ];
}
