import type { CreateClusterRequest, ScaleClusterRequest } from '../../model/operations.js';
import type { InputFields, InputShape, VendorInputs } from '../kit/inputs.js';

/** A machine DC/OS installs onto, and how to log in to it. */
export interface DcosHostSpec {
  ip: string;
  sshUser?: string;
  privateKey?: string;
}

/** createCluster's `dcos` block. */
export interface DcosClusterParams {
  /** compact or ha */
  type?: string;
  ownerId?: string;
  masters: DcosHostSpec[];
  shared?: DcosHostSpec[];
  slaves?: DcosHostSpec[];
  /** Catalogue registries (native ids) the cluster pulls from. */
  registryIds?: string[];
}

/** The fields of scaleCluster's input DC/OS reads: hosts to add or remove, one of the two per call. */
export interface DcosScaleParams {
  addHosts?: DcosHostSpec[];
  /** Native ids of hosts to remove (the schema has turned the global ids into these). */
  removeHostIds?: string[];
}

/** createCluster as a DC/OS source receives it: the `dcos` block beside the common fields. */
export type DcosCreateRequest = CreateClusterRequest & { dcos?: DcosClusterParams };
export type DcosScaleRequest = ScaleClusterRequest & DcosScaleParams;

const HOST_SPEC: InputShape<DcosHostSpec> = {
  name: 'HostSpecInput',
  description: 'A machine DC/OS installs onto, and how to log in to it',
  fields: {
    ip: { type: 'String', required: true, description: 'Its IP address' },
    sshUser: { type: 'String', description: 'The SSH user; absent: the vendor’s default' },
    privateKey: { type: 'String', description: 'Sent to the vendor only; never returned or logged' },
  },
};

const CLUSTER: InputShape<DcosClusterParams> = {
  name: 'DcosClusterInput',
  description: 'createCluster’s parameters for a DC/OS source',
  fields: {
    type: { type: 'String', description: 'compact or ha' },
    ownerId: { type: 'String', description: 'The DC/OS user who owns it; absent: the user the source logs in as' },
    masters: { type: HOST_SPEC, list: true, required: true, description: 'Master hosts' },
    shared: { type: HOST_SPEC, list: true, description: 'Shared (public agent) hosts' },
    slaves: { type: HOST_SPEC, list: true, description: 'Agent hosts' },
    registryIds: {
      type: 'String',
      list: true,
      description: 'Docker registries the cluster pulls from, by native id from dcos(sourceId:) { dockerRegistries }',
    },
  },
};

const SCALE: InputFields<DcosScaleParams> = {
  addHosts: { type: HOST_SPEC, list: true, description: 'Hosts to add (DC/OS)' },
  removeHostIds: { type: 'ID', node: 'Host', list: true, description: 'Host ids to remove (DC/OS)' },
};

export const dcosInputs: VendorInputs = { createCluster: { field: 'For a DC/OS source', shape: CLUSTER }, scaleCluster: SCALE };

// ---- DC/OS's own mutations and lookups (schema/types/vendors/dcos.ts) ----

/** The cloud platforms a provider is of, by the schema's enum names, as DC/OS spells them (二十's `type`). */
export const PROVIDER_TYPES = { OPENSTACK: 'openstack', AMAZONEC2: 'amazonec2', GOOGLE: 'google' } as const;
export type DcosProviderType = (typeof PROVIDER_TYPES)[keyof typeof PROVIDER_TYPES];

/** dcosCreateDockerRegistry's input. */
export interface DcosRegistryInput {
  name: string;
  address: string;
  system?: boolean;
  secure?: boolean;
  username?: string;
  password?: string;
  caText?: string;
  ownerId?: string;
}

/** dcosAddPublicKey's input. */
export interface DcosPublicKeyInput {
  name: string;
  value: string;
  ownerId?: string;
}

/** dcosSetSmtpServer's input. */
export interface DcosSmtpInput {
  user: string;
  address: string;
  password: string;
}
