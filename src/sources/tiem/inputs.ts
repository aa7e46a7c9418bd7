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
    components: { type: COMPONENT, list: true, required: true, description: 'The components to install' },
  },
};

export const tiemInputs: VendorInputs = { createCluster: { field: 'For a TiEM source', shape: CLUSTER } };
