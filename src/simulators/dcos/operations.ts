import type { SimEnv } from '../kit/definition.js';
import type { Rng } from '../kit/rng.js';
import {
  type Cluster,
  type ClusterStatus,
  type DcosState,
  type Host,
  type HostStatus,
  type LogStatus,
  clusterHosts,
  isLive,
  machineName,
  reportUsage,
} from './state.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Simulated durations. Installing a node (docker-machine, then the DC/OS containers)
 * takes minutes per node after a few minutes of preparation, so a 3-node cluster is up
 * in about ten minutes and a 10-node one in about twenty; removing is quicker.
 */
const TIMING = {
  install: { firstMs: 5 * MINUTE, perHostMs: 90 * SECOND },
  add: { firstMs: 3 * MINUTE, perHostMs: 2 * MINUTE },
  remove: { firstMs: 1 * MINUTE, perHostMs: 1 * MINUTE },
  terminate: { firstMs: 2 * MINUTE, perHostMs: 45 * SECOND },
  /** From the last node to the cluster's own status change (the deployment module's notify). */
  settleMs: 30 * SECOND,
} as const;

const INSTALL_FAILURES = [
  'docker-machine create timed out after 600s',
  'ssh: handshake failed: unable to authenticate, attempted methods [none publickey]',
  'mesos-master did not elect a leader within 300s',
  'pull image 192.168.10.95:5000/linker/marathon:1.4.7 failed: connection refused',
] as const;
const REMOVE_FAILURES = ['drain agent timed out: 3 tasks still running', 'docker-machine rm failed: host is not reachable'] as const;

interface Run {
  startedAt: number;
  hosts: Host[];
  timing: { firstMs: number; perHostMs: number };
  fails: boolean;
  each(host: Host, at: number): void;
  done(at: number): void;
  failed(host: Host, at: number): void;
}

/**
 * The long-running operations. Each is decided (success or failure) when it starts,
 * then advances node by node in simulated time: the cluster keeps its transitional
 * status (INSTALLING, MODIFYING, TERMINATING) while its nodes change one at a time,
 * which is the progress a client can see, and every operation writes a `start` log
 * and then a `success` or `fail` log, as the deployment module does.
 */
export class Operations {
  readonly #rng: Rng;

  #seeding = false;

  constructor(
    private readonly env: SimEnv,
    private readonly state: DcosState,
  ) {
    this.#rng = env.rng.fork('operations');
  }

  /**
   * Runs `seed` with logs appended as written, then puts them in time order with one
   * stable sort: the order placing each log would give, without a walk back through the
   * log per entry, which a fleet of thousands of clusters cannot afford.
   */
  seeding(seed: () => void): void {
    this.#seeding = true;
    try {
      seed();
    } finally {
      this.#seeding = false;
      this.state.logs.sort((a, b) => a.createdAt - b.createdAt);
    }
  }

  install(cluster: Cluster, startedAt: number): void {
    const hosts = clusterHosts(this.state, cluster.id).filter((h) => h.status === 'INSTALLING');
    const roles = countRoles(hosts);
    this.log(cluster, 'create_cluster', 'start', `install ${hosts.length} nodes (${roles})`, startedAt);
    this.#run({
      startedAt,
      hosts,
      timing: TIMING.install,
      fails: this.env.operationFails(),
      each: (host, at) => this.#bringUp(cluster, host, at),
      done: (at) => {
        cluster.endPoint = hosts.find((h) => h.role === 'master')?.ip ?? '';
        this.#settle(cluster, 'RUNNING', at);
        this.log(cluster, 'create_cluster', 'success', `cluster ${cluster.name} is running on ${cluster.instances} nodes`, at);
      },
      failed: (host, at) => {
        for (const h of clusterHosts(this.state, cluster.id).filter(isLive)) setHost(h, 'FAILED', at);
        setCluster(cluster, 'FAILED', at);
        this.log(cluster, 'create_cluster', 'fail', `install failed on ${host.ip}: ${this.#rng.pick(INSTALL_FAILURES)}`, at);
      },
    });
  }

  addHosts(cluster: Cluster, hosts: Host[], startedAt: number): void {
    setCluster(cluster, 'MODIFYING', startedAt);
    this.log(cluster, 'add_hosts', 'start', `add ${hosts.length} nodes: ${hosts.map((h) => h.ip).join(',')}`, startedAt);
    this.#run({
      startedAt,
      hosts,
      timing: TIMING.add,
      fails: this.env.operationFails(),
      each: (host, at) => this.#bringUp(cluster, host, at),
      done: (at) => {
        this.#settle(cluster, 'RUNNING', at);
        this.log(cluster, 'add_hosts', 'success', `added ${hosts.length} nodes: ${hosts.map((h) => h.ip).join(',')}`, at);
      },
      failed: (host, at) => {
        // The real service marks every node of the request FAILED and reopens the cluster.
        for (const h of hosts) setHost(h, 'FAILED', at);
        this.#settle(cluster, 'RUNNING', at);
        this.log(cluster, 'add_hosts', 'fail', `add node ${host.ip} failed: ${this.#rng.pick(INSTALL_FAILURES)}`, at);
      },
    });
  }

  removeHosts(cluster: Cluster, hosts: Host[], startedAt: number): void {
    const before = new Map(hosts.map((h) => [h.id, h.status]));
    for (const h of hosts) setHost(h, 'TERMINATING', startedAt);
    setCluster(cluster, 'MODIFYING', startedAt);
    this.log(cluster, 'delete_hosts', 'start', `delete ${hosts.length} nodes: ${hosts.map((h) => h.ip).join(',')}`, startedAt);
    this.#run({
      startedAt,
      hosts,
      timing: TIMING.remove,
      fails: this.env.operationFails(),
      each: (host, at) => {
        setHost(host, 'TERMINATED', at);
        reportUsage(host, this.#rng);
      },
      done: (at) => {
        this.#settle(cluster, 'RUNNING', at);
        this.log(cluster, 'delete_hosts', 'success', `deleted ${hosts.length} nodes: ${hosts.map((h) => h.ip).join(',')}`, at);
      },
      failed: (host, at) => {
        // A failed removal puts every node of the request back as it was.
        for (const h of hosts) {
          setHost(h, before.get(h.id) ?? 'RUNNING', at);
          reportUsage(h, this.#rng);
        }
        this.#settle(cluster, 'RUNNING', at);
        this.log(cluster, 'delete_hosts', 'fail', `delete node ${host.ip} failed: ${this.#rng.pick(REMOVE_FAILURES)}`, at);
      },
    });
  }

  /** Deletes a cluster: TERMINATING → TERMINATED, or FAILED with its nodes. */
  terminate(cluster: Cluster, startedAt: number): void {
    const hosts = clusterHosts(this.state, cluster.id).filter(isLive);
    this.log(cluster, 'delete_cluster', 'start', `delete cluster ${cluster.name} (${hosts.length} nodes)`, startedAt);
    if (hosts.length === 0) {
      // Nothing to tear down: the real service marks the cluster TERMINATED at once.
      setCluster(cluster, 'TERMINATED', startedAt);
      this.log(cluster, 'delete_cluster', 'success', `cluster ${cluster.name} terminated`, startedAt);
      return;
    }
    for (const h of hosts) setHost(h, 'TERMINATING', startedAt);
    setCluster(cluster, 'TERMINATING', startedAt);
    this.#run({
      startedAt,
      hosts,
      timing: TIMING.terminate,
      fails: this.env.operationFails(),
      each: (host, at) => {
        setHost(host, 'TERMINATED', at);
        reportUsage(host, this.#rng);
      },
      done: (at) => {
        cluster.instances = 0;
        setCluster(cluster, 'TERMINATED', at);
        this.log(cluster, 'delete_cluster', 'success', `cluster ${cluster.name} terminated`, at);
      },
      failed: (host, at) => {
        for (const h of hosts.filter((x) => x.status === 'TERMINATING')) setHost(h, 'FAILED', at);
        setCluster(cluster, 'FAILED', at);
        this.log(cluster, 'delete_cluster', 'fail', `delete node ${host.ip} failed: ${this.#rng.pick(REMOVE_FAILURES)}`, at);
      },
    });
  }

  log(cluster: Cluster, operateType: string, status: LogStatus, comments: string, at: number, queryType = queryTypeOf(operateType)): void {
    const owner = this.state.users.find((u) => u.id === cluster.userId);
    // Logs are kept in time order; an operation catching up on a late request may log
    // an instant earlier than the last entry, so find its place from the end. Seeding
    // writes cluster by cluster and sorts once at the end instead (see `seeding`).
    const logs = this.state.logs;
    let index = logs.length;
    while (!this.#seeding && index > 0 && (logs[index - 1]?.createdAt ?? 0) > at) index--;
    logs.splice(index, 0, {
      id: this.state.ids.logs.next(at),
      clusterName: cluster.name,
      clusterId: cluster.id,
      operateType,
      queryType,
      userName: owner?.username ?? cluster.owner,
      userId: cluster.userId,
      tenantId: cluster.tenantId,
      status,
      comments,
      createdAt: at,
      updatedAt: at,
    });
  }

  #bringUp(cluster: Cluster, host: Host, at: number): void {
    if (!host.hostName) host.hostName = machineName(this.#rng, cluster);
    setHost(host, 'RUNNING', at);
    reportUsage(host, this.#rng);
    cluster.updatedAt = at;
  }

  /** Ends an operation: the real service recounts the running nodes into `instances`. */
  #settle(cluster: Cluster, status: ClusterStatus, at: number): void {
    cluster.instances = clusterHosts(this.state, cluster.id).filter((h) => h.status === 'RUNNING' || h.status === 'OFFLINE').length;
    setCluster(cluster, status, at);
  }

  /** Schedules one step per node, stopping at the failing node when the run fails. */
  #run(run: Run): void {
    const { scheduler } = this.env;
    const failAt = run.fails ? Math.floor(run.hosts.length / 2) : -1;
    run.hosts.forEach((host, i) => {
      const at = run.startedAt + run.timing.firstMs + i * run.timing.perHostMs;
      if (i === failAt) scheduler.at(at, (t) => run.failed(host, t));
      else if (failAt < 0 || i < failAt) scheduler.at(at, (t) => run.each(host, t));
    });
    if (failAt < 0) {
      const last = run.startedAt + run.timing.firstMs + Math.max(0, run.hosts.length - 1) * run.timing.perHostMs;
      scheduler.at(last + TIMING.settleMs, (t) => run.done(t));
    }
  }
}

function setHost(host: Host, status: HostStatus, at: number): void {
  host.status = status;
  host.updatedAt = at;
}

function setCluster(cluster: Cluster, status: ClusterStatus, at: number): void {
  cluster.status = status;
  cluster.updatedAt = at;
}

/** Logs are queried by `queryType`: cluster operations, host operations, services. */
function queryTypeOf(operateType: string): string {
  if (operateType.endsWith('_hosts')) return 'host';
  if (operateType.endsWith('_cluster')) return 'cluster';
  return 'service';
}

function countRoles(hosts: Host[]): string {
  const n = (role: Host['role']) => hosts.filter((h) => h.role === role).length;
  return `${n('master')} master, ${n('shared')} shared, ${n('pureslave')} pureslave`;
}
