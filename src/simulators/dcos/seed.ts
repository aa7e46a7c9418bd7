import type { SimEnv } from '../kit/definition.js';
import type { Rng } from '../kit/rng.js';
import { isoSeconds } from '../kit/time.js';
import { type NodeSpec, markFirstMaster, newHost } from './nodes.js';
import type { Operations } from './operations.js';
import { embedRegistry } from './registries.js';
import { publicKeyValue } from './keys.js';
import { seal } from './seal.js';
import { type Category, type Cluster, type DcosState, type Host, type NodeRole, type Provider, type User, machineName, reportUsage } from './state.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const ENVS = ['prod', 'stg', 'dev', 'qa'] as const;
const APPS = ['web', 'pay', 'ai', 'iot', 'log', 'bi', 'api', 'mq', 'search', 'media'] as const;
const SERVICES = ['nginx', 'api-gateway', 'redis', 'kafka', 'spark', 'mysql', 'zookeeper', 'elastic'] as const;
const PROVIDERS = ['amazonec2', 'google', 'openstack'] as const;

/**
 * Where each cluster of a 12-cluster round stands when the simulator starts, so that at
 * the default size (24) every cluster and host status appears twice: slots not listed
 * are RUNNING. In-flight ones were started a few minutes before the simulation and
 * finish during it.
 */
const SLOT = { installing: 2, offlineHost: 4, modifying: 5, hostHistory: 7, terminating: 8, terminated: 10, failed: 11 } as const;

/** Builds the seeded fleet into `state`, starting the operations still in flight. */
export function seedFleet(env: SimEnv, state: DcosState, ops: Operations): void {
  const rng = env.rng.fork('fleet');
  const start = env.clock.startedAt;
  const devops = addUser(state, 'devops', 'devops@fleetgate.local', state.admin.tenantId, start - 500 * DAY);
  const dataTenant = state.ids.users.next(start - 480 * DAY);
  const dataops = addUser(state, 'dataops', 'dataops@fleetgate.local', dataTenant, start - 480 * DAY);
  seedRegistries(state, start - 520 * DAY);
  const providerIds = Object.fromEntries(PROVIDERS.map((p, i) => [p, state.ids.clusters.next(start - (510 - i) * DAY)]));
  seedProviders(state, providerIds, start - 510 * DAY);

  for (let i = 0; i < env.clusters; i++) {
    const slot = i % 12;
    const owner = i % 5 === 3 ? devops : i % 7 === 4 ? dataops : state.admin;
    const total = rng.int(3, 10);
    // The odd-round MODIFYING cluster removes a pure slave, so it must have one to spare.
    const category: Category = total >= 5 && rng.chance(0.4) && slot !== SLOT.modifying ? 'ha' : 'compact';
    const type = rng.chance(0.75) ? 'customized' : rng.pick(PROVIDERS);
    const createdAt = slot === SLOT.installing ? start - rng.int(1, 4) * MINUTE : start - rng.int(3, 400) * DAY - rng.int(0, DAY);
    const cluster: Cluster = {
      id: state.ids.clusters.next(createdAt),
      name: clusterName(i),
      owner: owner.username,
      endPoint: '',
      instances: total,
      pubkeyId: [],
      providerId: type === 'customized' ? '' : (providerIds[type] ?? ''),
      details: '',
      status: 'INSTALLING',
      type,
      createCategory: category,
      userId: owner.id,
      tenantId: owner.tenantId,
      createdAt,
      updatedAt: createdAt,
      dockerRegistries: [...state.registries.values()].filter((_, k) => k === 0 || rng.chance(0.3)).map((r) => embedRegistry(state, r)),
      cmi: false,
    };
    state.clusters.set(cluster.id, cluster);
    const hosts = layout(total, category).map((role, j) => newHost(state, rng, cluster, role, nodeSpec(i, j, type), createdAt));
    markFirstMaster(hosts);

    if (slot === SLOT.installing) {
      ops.install(cluster, createdAt);
      continue;
    }
    if (slot === SLOT.failed) {
      failInstall(ops, rng, cluster, hosts);
      continue;
    }
    const installedAt = createdAt + rng.int(9, 25) * MINUTE;
    install(ops, rng, cluster, hosts, installedAt);
    let last = seedServiceLogs(ops, rng, cluster, installedAt, start - 10 * MINUTE);

    if (slot === SLOT.offlineHost) {
      const agent = [...hosts].reverse().find((h) => h.role !== 'master');
      // An agent whose Mesos slave stopped reporting: no usage, every component unhealthy.
      if (agent) {
        Object.assign(agent, { status: 'OFFLINE', updatedAt: last, unhealthy: ['cadvisormonitor', 'mesosslave', 'genresolvconf'] });
        reportUsage(agent, rng);
      }
    }
    if (slot === SLOT.hostHistory) last = seedRemovedHost(ops, rng, state, cluster, i, total, last, start);
    if (slot === SLOT.terminated) {
      const at = Math.min(start - 9 * MINUTE, last + rng.int(1, 3) * DAY);
      ops.log(cluster, 'delete_cluster', 'start', `delete cluster ${cluster.name} (${hosts.length} nodes)`, at);
      const done = at + rng.int(3, 8) * MINUTE;
      for (const h of hosts) Object.assign(h, { status: 'TERMINATED', updatedAt: done });
      hosts.forEach((h) => reportUsage(h, rng));
      Object.assign(cluster, { status: 'TERMINATED', instances: 0, updatedAt: done });
      ops.log(cluster, 'delete_cluster', 'success', `cluster ${cluster.name} terminated`, done);
    }
    if (slot === SLOT.modifying) {
      // Started moments before the simulation, so their first step is still to come.
      const startedAt = start - rng.int(10, 50) * 1000;
      if (Math.floor(i / 12) % 2 === 0) {
        const count = rng.int(1, 2);
        const added = Array.from({ length: count }, (_, k) =>
          newHost(state, rng, cluster, 'pureslave', nodeSpec(i, total + k, 'customized'), startedAt, 'customized'),
        );
        ops.addHosts(cluster, added, startedAt);
      } else {
        const spare = [...hosts].reverse().find((h) => h.role === 'pureslave');
        if (spare) ops.removeHosts(cluster, [spare], startedAt);
      }
    }
    if (slot === SLOT.terminating) ops.terminate(cluster, start - rng.int(10, 50) * 1000);
  }
  // After the fleet, so that adding them left every cluster, host and log id as it was.
  seedKeysAndMail(env, state, devops, start - 505 * DAY);
}

function addUser(state: DcosState, username: string, email: string, tenantId: string, at: number): User {
  const tenantName = tenantId === state.admin.tenantId ? state.admin.tenantName : 'bigdata';
  const user: User = { id: state.ids.users.next(at), username, email, password: '', tenantId, tenantName, role: 'common' };
  state.users.push(user);
  return user;
}

/** The platforms the non-customized clusters were created on, owned by the administrator. */
function seedProviders(state: DcosState, ids: Record<string, string>, at: number): void {
  const settings: Record<(typeof PROVIDERS)[number], Pick<Provider, 'name' | 'sshUser' | 'info'>> = {
    amazonec2: {
      name: 'aws-cn-north',
      sshUser: 'ubuntu',
      info: {
        'amazonec2-access-key': 'AKIAFLEETGATESIM0001',
        'amazonec2-secret-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSIMULATED',
        'amazonec2-ami': 'ami-0a3b5c7d9e1f20304',
        'amazonec2-instance-type': 'm5.xlarge',
        'amazonec2-root-size': '100',
        'amazonec2-region': 'cn-north-1',
        'amazonec2-vpc-id': 'vpc-0f1e2d3c',
        'amazonec2-ssh-user': 'ubuntu',
      },
    },
    google: {
      name: 'gcp-analytics',
      sshUser: 'ubuntu',
      info: {
        'google-project': 'fleetgate-analytics',
        'google-zone': 'asia-east1-b',
        'google-machine-type': 'n1-standard-4',
        'google-machine-image': 'ubuntu-os-cloud/global/images/ubuntu-1604-xenial-v20170919',
        'google-network': 'default',
        'google-username': 'ubuntu',
        'google-disk-size': '100',
        'google-disk-type': 'pd-ssd',
        'google-use-internal-ip': 'true',
        'google-tags': 'dcos',
        'google-application-credentials': '',
      },
    },
    openstack: {
      name: 'openstack-lab',
      sshUser: 'centos',
      info: {
        'openstack-auth-url': 'http://192.168.20.10:5000/v2.0',
        'openstack-username': 'dcos',
        'openstack-password': 'Op3nStack!lab',
        'openstack-tenant-name': 'dcos',
        'openstack-flavor-name': 'm1.xlarge',
        'openstack-image-name': 'CentOS-7-x86_64',
        'openstack-ssh-user': 'centos',
        'openstack-sec-groups': 'dcos',
        'openstack-floatingip-pool': 'public',
        'openstack-nova-network': 'private',
      },
    },
  };
  for (const type of PROVIDERS) {
    const id = ids[type] ?? '';
    state.providers.set(id, { id, type, ...settings[type], userId: state.admin.id, tenantId: state.admin.tenantId, createdAt: at, updatedAt: at });
  }
}

/** An uploaded key for each operator, and the SMTP server alerts go out through. */
function seedKeysAndMail(env: SimEnv, state: DcosState, devops: User, at: number): void {
  const rng = env.rng.fork('catalogues');
  for (const [owner, name] of [
    [state.admin, 'ops-laptop'],
    [devops, 'ci-deploy'],
  ] as const) {
    const id = state.ids.clusters.next(at);
    const value = publicKeyValue(rng, `${owner.username}@fleetgate`);
    state.pubkeys.set(id, { id, name, value, owner: owner.username, userId: owner.id, tenantId: owner.tenantId, createdAt: at, updatedAt: at });
  }
  const id = state.ids.clusters.next(at);
  state.smtp.set(id, { id, name: 'alerts@fleetgate.local', address: 'smtp.fleetgate.local:465', sealed: seal('Sm7p!alerts') });
}

function seedRegistries(state: DcosState, at: number): void {
  const base = { secure: false, ca_text: '', user_id: state.admin.id, tenant_id: state.admin.tenantId, isUse: true, TimeCreate: isoSeconds(at) };
  const system = {
    ...base,
    _id: state.ids.clusters.next(at),
    name: 'linkerRegistry',
    registry: '192.168.10.95:5000',
    username: '',
    password: '',
    isSystemRegistry: true,
  };
  const harbor = {
    ...base,
    _id: state.ids.clusters.next(at + DAY),
    name: 'harbor-prod',
    registry: 'harbor.fleetgate.local:443',
    secure: true,
    username: 'robot$deploy',
    password: 'Hb-9f2kQ7x!deploy',
    isSystemRegistry: false,
  };
  for (const r of [system, harbor]) state.registries.set(r._id, r);
}

/** `prod-web-01`: environment, application, sequence; at most 15 characters as the service requires. */
function clusterName(i: number): string {
  const app = APPS[i % APPS.length] as string;
  const env = ENVS[Math.floor(i / APPS.length) % ENVS.length] as string;
  return `${env}-${app}-${String(Math.floor(i / (APPS.length * ENVS.length)) + 1).padStart(2, '0')}`;
}

/** Masters first, then shared agents (which also run the load balancer), then pure agents. */
function layout(total: number, category: Category): NodeRole[] {
  const masters = category === 'ha' ? 3 : 1;
  const shared = category === 'ha' || total >= 6 ? 2 : 1;
  return [
    ...Array<NodeRole>(masters).fill('master'),
    ...Array<NodeRole>(shared).fill('shared'),
    ...Array<NodeRole>(total - masters - shared).fill('pureslave'),
  ];
}

/** Each cluster has its own /24, as on-premises DC/OS installations usually do. */
function nodeSpec(cluster: number, node: number, type: string): NodeSpec {
  const ip = cluster < 240 ? `192.168.${cluster + 10}.${node + 11}` : `10.${16 + Math.floor(cluster / 240)}.${cluster % 240}.${node + 11}`;
  return type === 'customized'
    ? {
        ip,
        sshUser: 'root',
        privateKey: `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${ip.replace(/\./g, '')}...\n-----END RSA PRIVATE KEY-----`,
        privateNicName: 'eth0',
      }
    : { ip, sshUser: 'ubuntu', privateKey: '', privateNicName: 'ens4' };
}

function install(ops: Operations, rng: Rng, cluster: Cluster, hosts: Host[], at: number): void {
  ops.log(cluster, 'create_cluster', 'start', `install ${hosts.length} nodes`, cluster.createdAt);
  for (const h of hosts) {
    Object.assign(h, { status: 'RUNNING', hostName: machineName(rng, cluster), updatedAt: at });
    reportUsage(h, rng);
    if (h.role !== 'master' && rng.chance(0.1)) h.unhealthy = [rng.pick(['mesosslave', 'cadvisormonitor'])];
  }
  Object.assign(cluster, { status: 'RUNNING', endPoint: hosts[0]?.ip ?? '', instances: hosts.length, updatedAt: at });
  ops.log(cluster, 'create_cluster', 'success', `cluster ${cluster.name} is running on ${hosts.length} nodes`, at);
}

function failInstall(ops: Operations, rng: Rng, cluster: Cluster, hosts: Host[]): void {
  ops.log(cluster, 'create_cluster', 'start', `install ${hosts.length} nodes`, cluster.createdAt);
  const at = cluster.createdAt + rng.int(6, 15) * MINUTE;
  for (const h of hosts) Object.assign(h, { status: 'FAILED', updatedAt: at });
  Object.assign(cluster, { status: 'FAILED', updatedAt: at });
  ops.log(cluster, 'create_cluster', 'fail', `install failed on ${hosts[0]?.ip ?? ''}: docker-machine create timed out after 600s`, at);
}

/** Application operations on the cluster's Marathon, logged with `queryType=service`. */
function seedServiceLogs(ops: Operations, rng: Rng, cluster: Cluster, from: number, until: number): number {
  let at = from;
  for (let k = rng.int(1, 4); k > 0; k--) {
    const next = at + rng.int(1, 20) * DAY + rng.int(0, DAY);
    if (next + 60 * MINUTE > until) break;
    const service = rng.pick(SERVICES);
    const group = `/${service}/${rng.int(1, 9)}`;
    ops.log(cluster, 'create_service', 'success', service, next);
    ops.log(cluster, 'create_component', 'success', group, next + rng.int(1, 20) * MINUTE);
    ops.log(cluster, rng.pick(['start_component', 'stop_component', 'scale_component']), 'success', group, next + rng.int(21, 59) * MINUTE);
    at = next + 60 * MINUTE;
  }
  cluster.updatedAt = Math.max(cluster.updatedAt, at);
  return at;
}

/** A node added and later removed again: TERMINATED hosts stay listed, as in the real service. */
function seedRemovedHost(ops: Operations, rng: Rng, state: DcosState, cluster: Cluster, i: number, total: number, from: number, start: number): number {
  const addedAt = Math.min(start - 2 * DAY, from + rng.int(1, 5) * DAY);
  const host = newHost(state, rng, cluster, 'pureslave', nodeSpec(i, total, 'customized'), addedAt, 'customized');
  ops.log(cluster, 'add_hosts', 'start', `add 1 nodes: ${host.ip}`, addedAt);
  ops.log(cluster, 'add_hosts', 'success', `added 1 nodes: ${host.ip}`, addedAt + 5 * MINUTE);
  const removedAt = addedAt + DAY;
  ops.log(cluster, 'delete_hosts', 'start', `delete 1 nodes: ${host.ip}`, removedAt);
  ops.log(cluster, 'delete_hosts', 'success', `deleted 1 nodes: ${host.ip}`, removedAt + 2 * MINUTE);
  Object.assign(host, { status: 'TERMINATED', hostName: machineName(rng, cluster), updatedAt: removedAt + 2 * MINUTE });
  cluster.updatedAt = removedAt + 2 * MINUTE;
  return removedAt + 2 * MINUTE;
}
