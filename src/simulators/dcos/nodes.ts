import type { Rng } from '../kit/rng.js';
import { CODE, DcosError } from './errors.js';
import { type Cluster, type DcosState, type Host, type NodeRole, isLive, pickCapacity } from './state.js';

/** One node of a create or add request (`masterNodes`, `sharedNodes`, `pureslaveNodes`). */
export interface NodeSpec {
  ip: string;
  sshUser: string;
  privateKey: string;
  privateNicName: string;
}

/**
 * Reads a node array and checks it against its count field, as the real service does
 * for `customized` clusters and `reuse` additions ("request node number is
 * inconsistence with add nodes number!"). A node without `ip`, `sshUser` or
 * `privateKey` cannot be reached over SSH, so each is required and named when missing.
 */
export function parseNodes(body: Record<string, unknown>, field: string, expected: number): NodeSpec[] {
  const raw = body[field] ?? [];
  if (!Array.isArray(raw)) throw new DcosError(CODE.invalid, `${field} must be an array`);
  if (raw.length !== expected) {
    throw new DcosError(CODE.invalid, `request node number is inconsistence with add nodes number! (${field} has ${raw.length}, count is ${expected})`);
  }
  return raw.map((node, i) => {
    const n = (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
    for (const key of ['ip', 'sshUser', 'privateKey']) {
      if (typeof n[key] !== 'string' || n[key] === '') throw new DcosError(CODE.invalid, `${field}[${i}].${key} is required`);
    }
    return {
      ip: n.ip as string,
      sshUser: n.sshUser as string,
      privateKey: n.privateKey as string,
      privateNicName: typeof n.privateNicName === 'string' && n.privateNicName ? n.privateNicName : 'eth0',
    };
  });
}

/** Nodes a cloud provider creates: addresses from the provider's private range. */
export function providerNodes(state: DcosState, count: number): NodeSpec[] {
  return Array.from({ length: count }, () => {
    const n = state.nextProviderIp++;
    return { ip: `10.250.${Math.floor(n / 250)}.${(n % 250) + 4}`, sshUser: 'ubuntu', privateKey: '', privateNicName: 'ens4' };
  });
}

/** An address may be in one live node only, in the request and across the fleet. */
export function assertIpsFree(state: DcosState, specs: NodeSpec[]): void {
  const inUse = new Set([...state.hosts.values()].filter(isLive).map((h) => h.ip));
  const seen = new Set<string>();
  for (const { ip } of specs) {
    if (inUse.has(ip) || seen.has(ip)) throw new DcosError(CODE.ipExists, `ip is exist! (${ip})`);
    seen.add(ip);
  }
}

export function newHost(state: DcosState, rng: Rng, cluster: Cluster, role: NodeRole, spec: NodeSpec, at: number, type = cluster.type): Host {
  const host: Host = {
    id: state.ids.clusters.next(at),
    hostName: '',
    clusterId: cluster.id,
    status: 'INSTALLING',
    ip: spec.ip,
    privateIp: spec.ip,
    role,
    isClientNode: false,
    isMonitorServer: false,
    tag: role === 'master' ? null : role === 'shared' ? ['lb=enable', 'public_ip=true'] : [],
    task: 0,
    cpu: '',
    memory: '',
    gpu: '',
    disk: '',
    capacity: pickCapacity(rng),
    userId: cluster.userId,
    tenantId: cluster.tenantId,
    pubkeyName: '',
    type,
    sshUser: spec.sshUser,
    privateKey: spec.privateKey,
    privateNicName: spec.privateNicName,
    unhealthy: [],
    createdAt: at,
    updatedAt: at,
  };
  if (host.capacity.gpus > 0 && host.tag) host.tag.push('gpu=true');
  state.hosts.set(host.id, host);
  const ofCluster = state.hostsByCluster.get(cluster.id) ?? [];
  state.hostsByCluster.set(cluster.id, ofCluster);
  ofCluster.push(host);
  return host;
}

/** The first master runs the DC/OS client and the monitoring stack. */
export function markFirstMaster(hosts: Host[]): void {
  const master = hosts.find((h) => h.role === 'master');
  if (master) Object.assign(master, { isClientNode: true, isMonitorServer: true });
}
