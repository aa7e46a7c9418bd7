import type { SimEnv } from '../kit/definition.js';
import { createRng } from '../kit/rng.js';
import type { Host } from './hosts.js';
import type { Cluster } from './state.js';

/**
 * Users' running VMs one by one. The fleet keeps only per-host counts; the topology and
 * the VM ranking need names, so a host's running VMs are drawn from its own seed
 * whenever asked (the same every time) and never stored.
 */
export interface Guest {
  uuid: string;
  name: string;
  tenant: string;
  host: Host;
  /** Percent of its vCPUs and memory in use. */
  cpu: number;
  mem: number;
}

export function guestsOf(env: SimEnv, cluster: Cluster, host: Host): Guest[] {
  const rng = createRng(`${env.seed}:hci:guests:${host.uuid}`);
  const octet = host.ip.split('.')[3] ?? '0';
  return Array.from({ length: host.vms.running }, (_, k) => ({
    uuid: rng.uuid(),
    name: `vm-${octet}-${String(k + 1).padStart(2, '0')}`,
    tenant: cluster.tenants[k % cluster.tenants.length] ?? '',
    host,
    cpu: Math.round(rng.float(0.5, Math.min(100, host.usage.cpu * 1.6 + 5)) * 100) / 100,
    mem: Math.round(rng.float(15, 92) * 100) / 100,
  }));
}
