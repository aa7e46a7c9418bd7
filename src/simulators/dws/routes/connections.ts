import type { Route } from '../../kit/definition.js';
import { bodyObject, json, type SimRequest } from '../../kit/http.js';
import { busy, DwsRequestError, invalid, missing, notFound } from '../errors.js';
import { type DwsCluster, isHealthy } from '../model.js';
import { intField, isUuid, requireString } from '../validate.js';
import { type DwsContext, param, route } from './shared.js';

/**
 * Connection management (5.7): the cluster's domain names, the ELBs of its VPC that can
 * be bound to it, and its EIP. A cluster is reachable by a private domain name from its
 * creation; a public one exists once applied for, and only it can be deleted.
 */
type DnsType = 'public' | 'private';
interface DomainName {
  name: string;
  ttl: number;
}

interface Elb {
  id: string;
  name: string;
  description: string;
  vip_address: string;
  vip_subnet_id: string;
  type: 'Internal' | 'External';
  admin_state_up: boolean;
  bandwidth: number;
  vpc_id: string;
  public_ip: string;
}

/** Domain labels: letters, digits and hyphens, not starting or ending with a hyphen, 1 to 63 characters. */
const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TTL = { min: 300, max: 2147483647 };
/** No body: "Example Responses: None". */
const NO_BODY = json(200, undefined);

function readDomain(body: Record<string, unknown>): { type: DnsType; domain: DomainName } {
  const name = requireString(body, 'name', 'name');
  if (!DOMAIN.test(name)) throw invalid('DWS.5065', 'name', 'letters, digits and hyphens (-), 1 to 63 characters, not starting or ending with a hyphen');
  const type = requireString(body, 'type', 'type');
  if (type !== 'public' && type !== 'private') throw invalid('DWS.5065', 'type', 'it must be public or private');
  const ttl = intField(body, 'ttl', 'ttl', { ...TTL, required: true }) as number;
  return { type, domain: { name, ttl } };
}

export function connectionRoutes(ctx: DwsContext): Route[] {
  const { store, ops, env, events } = ctx;
  const domains = new Map<string, Partial<Record<DnsType, DomainName>>>();
  const elbsByVpc = new Map<string, Elb[]>();
  const cluster = (req: SimRequest) => store.cluster(param(req, 'cluster_id'));
  const domainsOf = (c: DwsCluster) => {
    let d = domains.get(c.id);
    if (!d) domains.set(c.id, (d = { private: { name: c.name.toLowerCase().replace(/_/g, '-'), ttl: 300 } }));
    return d;
  };
  /** The load balancers of a VPC, drawn from the VPC's own random stream on first use. */
  const elbsOf = (c: DwsCluster) => {
    let list = elbsByVpc.get(c.vpcId);
    if (!list) {
      const rng = env.rng.fork(`elb-${c.vpcId}`);
      list = [1, 2].map((n) => ({
        id: rng.uuid(),
        name: `loadbalancer${n}`,
        description: n === 1 ? 'simple lb' : '',
        vip_address: `${c.subnetPrefix}.${rng.int(200, 250)}`,
        vip_subnet_id: c.subnetId,
        type: n === 1 ? 'Internal' : 'External',
        admin_state_up: true,
        bandwidth: n === 1 ? 0 : 100,
        vpc_id: c.vpcId,
        public_ip: `${rng.pick(['121.36', '124.70', '139.9'])}.${rng.int(1, 254)}.${rng.int(2, 253)}`,
      }));
      elbsByVpc.set(c.vpcId, list);
    }
    return list;
  };
  const jobId = () => env.rng.hex(32);
  const eipId = (req: SimRequest) => {
    const id = param(req, 'eip_id');
    if (!isUuid(id)) throw invalid('DWS.5133', 'eip_id', `${id} is not an EIP ID`);
    return id;
  };

  return [
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/dns', (req) => {
      const c = cluster(req);
      const { type, domain } = readDomain(bodyObject(req));
      const d = domainsOf(c);
      if (d[type])
        throw new DwsRequestError('DWS.5065', `Parameter type: cluster ${c.id} already has a ${type} domain name (${d[type].name}); modify it instead.`);
      d[type] = domain;
      return NO_BODY;
    }),
    route('PUT', '/v1.0/{project_id}/clusters/{cluster_id}/dns', (req) => {
      const c = cluster(req);
      const { type, domain } = readDomain(bodyObject(req));
      const d = domainsOf(c);
      if (!d[type]) throw notFound('domain name', `${type} (cluster ${c.id})`);
      d[type] = domain;
      return NO_BODY;
    }),
    route('DELETE', '/v1.0/{project_id}/clusters/{cluster_id}/dns', (req) => {
      const c = cluster(req);
      const type = req.query.get('type');
      if (!type) throw missing('type');
      if (type !== 'public') throw invalid('DWS.5065', 'type', 'only public domain names can be deleted');
      const d = domainsOf(c);
      if (!d.public) throw notFound('domain name', `public (cluster ${c.id})`);
      delete d.public;
      return NO_BODY;
    }),
    route('GET', '/v2/{project_id}/clusters/{cluster_id}/elbs', (req) => {
      const c = cluster(req);
      const tenant = store.project.id;
      return json(200, {
        elbs: elbsOf(c).map(({ public_ip: _ip, ...e }) => ({ ...e, cluster_id: c.elb?.id === e.id ? c.id : null, tenant_id: tenant })),
      });
    }),
    route('POST', '/v2/{project_id}/clusters/{cluster_id}/elbs/{elb_id}', (req) => {
      const c = cluster(req);
      const id = param(req, 'elb_id');
      const elb = elbsOf(c).find((e) => e.id === id);
      if (!elb) throw notFound('ELB', id);
      if (c.elb) throw busy(c.id, `the cluster is already bound to ELB ${c.elb.id}`);
      ops.task(
        c,
        {
          name: 'ELB_BINDING',
          progressKey: 'ELB_BINDING',
          minutes: [1, 3],
          events: ['bindElbStart', 'bindElbSuccess', 'bindElbFailure'],
          failedTask: 'ELB_BIND_FAILED',
        },
        () => {
          c.elb = {
            id: elb.id,
            name: elb.name,
            public_ip: elb.public_ip,
            private_ip: elb.vip_address,
            private_endpoint: `${elb.vip_address}:${c.port}`,
            vpc_id: elb.vpc_id,
          };
        },
      );
      return json(200, { job_id: jobId() });
    }),
    route('DELETE', '/v2/{project_id}/clusters/{cluster_id}/elbs/{elb_id}', (req) => {
      const c = cluster(req);
      const id = param(req, 'elb_id');
      if (c.elb?.id !== id) throw notFound('ELB', `${id} (bound to cluster ${c.id})`);
      ops.task(
        c,
        {
          name: 'ELB_UNBINDING',
          progressKey: 'ELB_UNBINDING',
          minutes: [1, 3],
          events: ['unbindElbStart', 'unbindElbSuccess', 'unbindElbFailure'],
          failedTask: 'ELB_UNBIND_FAILED',
        },
        () => {
          c.elb = null;
        },
      );
      return json(200, { job_id: jobId() });
    }),
    route('POST', '/v2/{project_id}/clusters/{cluster_id}/eips/{eip_id}', (req) => {
      const c = cluster(req);
      const id = eipId(req);
      if (c.publicIp) throw invalid('DWS.5133', 'eip_id', `cluster ${c.id} already has EIP ${c.publicIp.eipId}; unbind it first`);
      if (!isHealthy(c)) throw busy(c.id, `the cluster is ${c.status}`);
      c.publicIp = {
        bindType: 'bind_existing',
        eipId: id,
        address: `${env.rng.pick(['49.4', '121.36', '124.70'])}.${env.rng.int(1, 254)}.${env.rng.int(2, 253)}`,
      };
      c.updatedAt = env.clock.now();
      events.record('bindEipSuccess', c, c.updatedAt);
      return NO_BODY;
    }),
    route('DELETE', '/v2/{project_id}/clusters/{cluster_id}/eips/{eip_id}', (req) => {
      const c = cluster(req);
      const id = eipId(req);
      if (c.publicIp?.eipId !== id) throw new DwsRequestError('DWS.5135', `EIP ${id} is not bound to cluster ${c.id}.`);
      c.publicIp = null;
      c.updatedAt = env.clock.now();
      events.record('unbindEipSuccess', c, c.updatedAt);
      return NO_BODY;
    }),
  ];
}
