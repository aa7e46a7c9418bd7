import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { errors } from '../envelope.js';
import { optionalBool, optionalString, paginate, requiredCidr, requiredField, requiredIp, requiredQuery, route } from '../params.js';
import { deleteStorageService, deployStorageService, servicesOf, type StorageServiceVm } from '../services.js';
import { findCluster, type HciState } from '../state.js';

/** A storage access VM as deploy and list answer it (no example: the shape is ours). */
const view = (vm: StorageServiceVm) => ({
  uuid: vm.uuid,
  name: vm.name,
  vm_type: vm.vmType,
  host_uuid: vm.host.uuid,
  host_ip: vm.host.ip,
  manage_cidr: vm.manageCidr,
  manage_gateway: vm.manageGateway,
  storage_cidr: vm.storageCidr,
  storage_gateway: vm.storageGateway,
  status: vm.state,
  ctime: Math.floor(vm.ctime / 1000),
});

const VM_TYPES = ['GST'];

/** Storage access service VMs: deployed in simulated minutes, listed, deleted. */
export function storageServiceRoutes(env: SimEnv, state: HciState): Route[] {
  return [
    route('POST', '/v1/cluster/deploy/storage_service/vm', 'scode+messageCn', (req) => {
      const body = bodyObject(req);
      const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
      const type = requiredField(body, 'vm_type');
      if (!VM_TYPES.includes(type)) throw errors.paramInvalid('vm_type', `must be one of ${VM_TYPES.join(', ')}`);
      const vm = deployStorageService(env, cluster, {
        manageCidr: requiredCidr(body, 'manage_cidr'),
        manageGateway: requiredIp(body, 'manage_gateway'),
        storageCidr: requiredCidr(body, 'storage_cidr'),
        storageGateway: requiredIp(body, 'storage_gateway'),
      });
      return view(vm);
    }),

    // `filter_ip` matches part of either address; paging as the cluster list pages.
    route('GET', '/v1/cluster/storage_service/vm/list', 'scode+messageCn', (req) => {
      const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
      const ip = req.query.get('filter_ip') ?? '';
      const vms = servicesOf(env, cluster).storage.filter((vm) => vm.manageCidr.includes(ip) || vm.storageCidr.includes(ip));
      return { total_count: vms.length, list: paginate(req, vms).map(view) };
    }),

    // `name` only names the VM in the operation log.
    route('POST', '/v1/cluster/storage_service/vm/delete', 'scode+messageCn', (req) => {
      const body = bodyObject(req);
      const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
      optionalString(body, 'name');
      const vm = deleteStorageService(env, cluster, requiredField(body, 'uuid'), optionalBool(body, 'force'));
      return { uuid: vm.uuid, name: vm.name };
    }),
  ];
}
