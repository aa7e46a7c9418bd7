import type { CreateClusterRequest } from '../../model/operations.js';
import type { InputShape, VendorInputs } from '../kit/inputs.js';

/** One component of a TiDB cluster and how many instances of it. */
export interface TiemComponent {
  type: string;
  count: number;
  spec: string;
  zone: string;
  diskType?: string;
  diskCapacityGb?: number;
  /** The host to place them on (TiEM's SpecificHost); every component names one, or none does. */
  hostIp?: string;
  /** The disk of that host they use. */
  diskId?: string;
}

/** createCluster's `tiem` block. */
export interface TiemClusterParams {
  clusterType?: string;
  /** Password of the database's root user. */
  dbPassword: string;
  dbUser?: string;
  cpuArchitecture?: string;
  copies?: number;
  tls?: boolean;
  exclusive?: boolean;
  vendor?: string;
  /** The parameter group applied once the cluster is deployed; absent: the version's default. */
  parameterGroupId?: string;
  components: TiemComponent[];
}

/** createCluster as a TiEM source receives it: the `tiem` block beside the common fields. */
export type TiemCreateRequest = CreateClusterRequest & { tiem?: TiemClusterParams };

const COMPONENT: InputShape<TiemComponent> = {
  name: 'TiemComponentInput',
  description: 'One component of a TiDB cluster and how many instances of it',
  fields: {
    type: { type: 'String', required: true, description: 'TiDB, TiKV, PD, TiFlash, CDC, ...' },
    count: { type: 'Int', required: true, description: 'Instances of it' },
    spec: { type: 'String', required: true, description: 'Instance size, e.g. 4C8G' },
    zone: { type: 'String', required: true, description: 'Zone the instances go to' },
    diskType: { type: 'String', description: 'NVMeSSD, SSD or SATA; absent: the service’s default' },
    diskCapacityGb: { type: 'Int', description: 'Disk per instance, in GB; absent: the service’s default' },
    hostIp: {
      type: 'String',
      description: 'The host (IPv4) to place them on instead of letting TiEM pick in the zone; give it for every component or for none',
    },
    diskId: { type: 'String', description: 'TiEM’s id of the disk of hostIp they use; only with hostIp' },
  },
};

const CLUSTER: InputShape<TiemClusterParams> = {
  name: 'TiemClusterInput',
  description: 'createCluster’s parameters for a TiEM source',
  fields: {
    clusterType: { type: 'String', defaultValue: 'TiDB', description: 'The product to install' },
    dbUser: { type: 'String', description: 'The database’s root user; absent: the service’s default' },
    dbPassword: { type: 'String', required: true, description: 'Password of the database’s root user; sent to the vendor only' },
    cpuArchitecture: { type: 'String', description: 'X86_64 or ARM' },
    copies: { type: 'Int', description: 'Data replicas; absent: the service’s default' },
    tls: { type: 'Boolean', description: 'Serve clients over TLS' },
    exclusive: { type: 'Boolean', description: 'Give the cluster hosts of its own' },
    vendor: { type: 'String', description: 'The resource vendor the hosts come from, as TiEM names it' },
    parameterGroupId: { type: 'String', description: 'The parameter group TiEM applies once the cluster is deployed; absent: the version’s default' },
    components: { type: COMPONENT, list: true, required: true, description: 'The components to install' },
  },
};

export const tiemInputs: VendorInputs = { createCluster: { field: 'For a TiEM source', shape: CLUSTER } };
