import type { SimEnv } from '../kit/definition.js';
import { guestsOf } from './guests.js';
import { HOST_STATUS, type Host } from './hosts.js';
import { networkOf } from './network.js';
import { cvmName, servicesOf } from './services.js';
import type { Cluster } from './state.js';

/**
 * `/v1/cluster/all_cluster/topology`: the cluster drawn in a `width` × `height` canvas.
 * Hosts sit on an ellipse around the centre, each keyed by its management address;
 * what runs on a host sits on a small circle around it: platform VMs (`Hosts`: the
 * network node, edge gateways, cloud manager and storage access VMs), the tenants'
 * security elements (`SecVirtMachine`: the edge gateways again, at the same place, and
 * the virtual routers, which the example lists there only) and users' VMs
 * (`VirtMachine`, type GUS).
 */
export function topologyView(env: SimEnv, cluster: Cluster, width: number, height: number) {
  const sdn = networkOf(env, cluster);
  const services = servicesOf(env, cluster);
  const n = cluster.hosts.length;
  const clampX = (x: number) => Math.max(0, Math.min(width, Math.round(x)));
  const clampY = (y: number) => Math.max(0, Math.min(height, Math.round(y)));
  const hostsInfo = cluster.hosts.map((host, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
    const hx = width / 2 + width * 0.35 * Math.cos(angle);
    const hy = height / 2 + height * 0.3 * Math.sin(angle);
    const netVms = sdn.vms.filter((v) => v.host === host);
    const platform = [
      ...netVms.filter((v) => v.type !== 'GTVR').map((v) => ({ Type: v.type, UUID: v.uuid, Name: v.name })),
      ...services.cvms.filter((v) => v.host === host).map((v) => ({ Type: 'cvm', UUID: v.uuid, Name: cvmName(v) })),
      ...services.storage.filter((v) => v.host === host).map((v) => ({ Type: v.vmType, UUID: v.uuid, Name: v.name })),
    ];
    const routers = netVms.filter((v) => v.type === 'GTVR');
    const guests = guestsOf(env, cluster, host);
    const ring = platform.length + routers.length + guests.length;
    const around = (k: number) => {
      const a = (2 * Math.PI * k) / Math.max(1, ring);
      const r = 30 + 4 * Math.floor(k / 12);
      return { CoordinateX: clampX(hx + r * Math.cos(a)), CoordinateY: clampY(hy + r * Math.sin(a)) };
    };
    const place = new Map([...platform.map((p) => p.UUID), ...routers.map((v) => v.uuid)].map((uuid, k) => [uuid, around(k)]));
    return [
      host.managerNet.cidr,
      {
        IFacesInfo: { [host.managerNet.cidr]: nicInfo(host) },
        CoordinateX: clampX(hx),
        CoordinateY: clampY(hy),
        Hosts: platform.map((p) => ({ ...p, ClusterUUID: '', DomainUUID: '', ...place.get(p.UUID) })),
        SecVirtMachine: netVms
          .filter((v) => v.type !== 'nvm')
          .map((v) => ({
            SecurityVmServer: '',
            VmSeverUUID: v.uuid,
            SecurityType: v.type,
            Namespace: v.tenant,
            VMName: v.name,
            ...place.get(v.uuid),
          })),
        VirtMachine: guests.map((g, k) => ({ Type: 'GUS', Name: g.name, UUID: g.uuid, Nsuuid: g.tenant, ...around(platform.length + routers.length + k) })),
      },
    ] as const;
  });
  return { info: { [cluster.uuid]: { ClusterName: cluster.name, HostIFacesInfo: Object.fromEntries(hostsInfo) } } };
}

function nicInfo(host: Host) {
  const d = host.domain.replace(/-/g, '');
  return {
    SysName: `TOS-${host.ip}`,
    IP: host.managerNet.cidr,
    Mac: `52:54:00:${d.slice(0, 2)}:${d.slice(2, 4)}:${d.slice(4, 6)}`,
    IFaceName: host.managerNet.name,
    Health: host.status !== HOST_STATUS.down,
    Port: '',
  };
}
