import type { SimEnv } from '../kit/definition.js';
import { createRng } from '../kit/rng.js';
import { errors } from './envelope.js';
import { HOST_STATUS, type Host } from './hosts.js';
import { type Cluster, startHostTask } from './state.js';

/**
 * Platform service VMs a cluster runs beside its users' VMs: storage access service
 * VMs (`vm_type` GST, the only type the document offers) and cloud manager VMs (CVM,
 * named `LCM<uuid>` as in the topology example). Both take simulated minutes to deploy.
 */

export const SERVICE_STATE = { deploying: 'deploying', running: 'running', failed: 'failed' } as const;
export type ServiceState = (typeof SERVICE_STATE)[keyof typeof SERVICE_STATE];

export interface StorageServiceVm {
  uuid: string;
  name: string;
  vmType: 'GST';
  host: Host;
  manageCidr: string;
  manageGateway: string;
  storageCidr: string;
  storageGateway: string;
  state: ServiceState;
  ctime: number;
}

export interface CloudManagerVm {
  uuid: string;
  host: Host;
  addr: string;
  gateway: string;
  state: ServiceState;
  ctime: number;
}

export interface ClusterServices {
  storage: StorageServiceVm[];
  cvms: CloudManagerVm[];
}

const addressOf = (cidr: string) => cidr.split('/')[0] ?? cidr;

/** Hosts that can take a new VM: up and not in maintenance. */
const inService = (h: Host) => h.status === HOST_STATUS.healthy && !h.maintenance;

/**
 * The cluster's service VMs, seeded the first time anybody looks (so a large fleet pays
 * nothing for clusters nobody asks about): one cluster in three runs a storage access VM,
 * one in four a cloud manager VM on its first center node. The seed depends only on the
 * cluster, never on when it is first looked at.
 */
export function servicesOf(env: SimEnv, cluster: Cluster): ClusterServices {
  if (cluster.services) return cluster.services;
  const rng = createRng(`${env.seed}:hci:services:${cluster.uuid}`);
  const services: ClusterServices = { storage: [], cvms: [] };
  const [c, d] = cluster.hosts[0]?.ip.split('.').slice(2) ?? ['0', '0'];
  const host = cluster.hosts.find(inService);
  if (host && rng.chance(1 / 3)) {
    const ctime = cluster.ctime + rng.int(1, 20) * 86_400_000;
    services.storage.push({
      uuid: rng.uuid(),
      name: `GST${Math.floor(ctime / 1000)}`,
      vmType: 'GST',
      host,
      manageCidr: `10.250.${c}.${Number(d) + 100}/24`,
      manageGateway: `10.250.${c}.1`,
      storageCidr: `172.31.${c}.${Number(d) + 100}/24`,
      storageGateway: `172.31.${c}.1`,
      state: SERVICE_STATE.running,
      ctime,
    });
  }
  const center = cluster.hosts.find((h) => h.roles.center && inService(h));
  if (center && rng.chance(1 / 4)) {
    services.cvms.push({
      uuid: rng.uuid(),
      host: center,
      addr: `10.251.${c}.${Number(d) + 50}/24`,
      gateway: `10.251.${c}.1`,
      state: SERVICE_STATE.running,
      ctime: cluster.ctime + rng.int(1, 20) * 86_400_000,
    });
  }
  cluster.services = services;
  return services;
}

/** Deploying takes this long in simulated time, and fails as often as other operations do. */
const DEPLOY_MS = { storage: 6 * 60_000, cvm: 10 * 60_000 };

export interface StorageServiceRequest {
  manageCidr: string;
  manageGateway: string;
  storageCidr: string;
  storageGateway: string;
}

/**
 * Places a storage access VM on the in-service host running the fewest of them. Two
 * service VMs of a cluster cannot share a management address.
 */
export function deployStorageService(env: SimEnv, cluster: Cluster, input: StorageServiceRequest): StorageServiceVm {
  const services = servicesOf(env, cluster);
  const address = addressOf(input.manageCidr);
  if (services.storage.some((vm) => addressOf(vm.manageCidr) === address)) {
    throw errors.conflict(
      `address ${address} is already used by a storage service vm`,
      `地址${address}已被存储服务虚拟机使用`,
      `manage_cidr ${input.manageCidr}`,
    );
  }
  const load = (h: Host) => services.storage.filter((vm) => vm.host === h).length;
  const host = cluster.hosts.filter(inService).sort((a, b) => load(a) - load(b) || a.index - b.index)[0];
  if (!host) throw errors.conflict('no host in service can run the vm', '没有可用的主机部署虚拟机', 'every host is down or in maintenance');
  const now = env.clock.now();
  const vm: StorageServiceVm = {
    uuid: env.rng.uuid(),
    name: `GST${Math.floor(now / 1000)}`,
    vmType: 'GST',
    host,
    ...input,
    state: SERVICE_STATE.deploying,
    ctime: now,
  };
  services.storage.push(vm);
  const fails = env.operationFails();
  env.scheduler.at(now + DEPLOY_MS.storage, () => {
    if (vm.state === SERVICE_STATE.deploying) vm.state = fails ? SERVICE_STATE.failed : SERVICE_STATE.running;
  });
  return vm;
}

/** Without `force` a VM still deploying is not pulled out from under its deployment. */
export function deleteStorageService(env: SimEnv, cluster: Cluster, uuid: string, force: boolean): StorageServiceVm {
  const services = servicesOf(env, cluster);
  const vm = services.storage.find((v) => v.uuid === uuid);
  if (!vm) throw errors.serviceVmNotFound(uuid);
  if (vm.state === SERVICE_STATE.deploying && !force) {
    throw errors.conflict(`storage service vm ${vm.name} is still deploying`, `存储服务虚拟机${vm.name}正在部署`, 'retry with force=true to delete anyway');
  }
  services.storage.splice(services.storage.indexOf(vm), 1);
  return vm;
}

/**
 * Deploys a cloud manager VM on the host `MachineUUID` names, as a task on that host
 * (followed by the host task progress endpoint). One per host; the host must be in
 * service and have no other task running.
 */
export function deployCvm(env: SimEnv, cluster: Cluster, host: Host, network: { addr: string; gateway: string }): CloudManagerVm {
  const services = servicesOf(env, cluster);
  if (services.cvms.some((v) => v.host === host)) {
    throw errors.conflict(`host ${host.ip} already runs a cloud manager vm`, `主机${host.ip}已部署云管服务`, `MachineUUID ${host.uuid}`);
  }
  if (!inService(host)) throw errors.conflict(`host ${host.ip} is not in service`, `主机${host.ip}不可用`, 'the host is down or in maintenance');
  if (host.task?.outcome === 'running')
    throw errors.conflict(`host ${host.ip} is busy with another task`, `主机${host.ip}正在执行其他任务`, 'wait for its task to end');
  const cvm: CloudManagerVm = { uuid: env.rng.uuid(), host, ...network, state: SERVICE_STATE.deploying, ctime: env.clock.now() };
  services.cvms.push(cvm);
  startHostTask(env, cluster, host, { job: 'cvm', startedAt: cvm.ctime, durationMs: DEPLOY_MS.cvm }, (succeeded) => {
    cvm.state = succeeded ? SERVICE_STATE.running : SERVICE_STATE.failed;
  });
  return cvm;
}

/** A CVM still deploying cannot be deleted (the document offers no `force` here). */
export function deleteCvm(env: SimEnv, cluster: Cluster, machineUuid: string): CloudManagerVm {
  const services = servicesOf(env, cluster);
  const cvm = services.cvms.find((v) => v.host.uuid === machineUuid);
  if (!cvm) throw errors.cvmNotFound(machineUuid);
  if (cvm.state === SERVICE_STATE.deploying) {
    throw errors.conflict(
      `the cloud manager vm on ${cvm.host.ip} is still deploying`,
      `主机${cvm.host.ip}上的云管服务正在部署`,
      'wait for the host task to end',
    );
  }
  services.cvms.splice(services.cvms.indexOf(cvm), 1);
  return cvm;
}

export const cvmName = (cvm: CloudManagerVm) => `LCM${cvm.uuid}`;
