import { z } from 'zod';

/** DC/OS's answers and request bodies (document 002), in the document's field names. Schemas are lenient: only the fields the mapping reads are required. */

const text = z.string();
/** Times are RFC 3339 strings in the document; kept as given and parsed in map.ts. */
const time = z.union([z.string(), z.number()]).nullish();

export const vendorCluster = z
  .object({
    _id: text,
    name: text,
    status: text,
    endPoint: z.string().nullish(),
    instances: z.number().nullish(),
    owner: z.string().nullish(),
    /** compact or ha: how many nodes a removal must leave. */
    createCategory: z.string().nullish(),
    time_create: time,
    time_update: time,
  })
  .loose();
export type VendorCluster = z.infer<typeof vendorCluster>;

/** A host as `GET /v1/cluster/{id}/hosts` lists it: the only view with the agent's usage. */
const vendorHost = z
  .object({
    hostId: text,
    hostName: z.string().nullish(),
    clusterId: text,
    status: text,
    ip: z.string().nullish(),
    privateIp: z.string().nullish(),
    cpu: z.string().nullish(),
    memory: z.string().nullish(),
    disk: z.string().nullish(),
    tag: z.array(z.string()).nullish(),
    isMasterNode: z.boolean().nullish(),
    isSharedNode: z.boolean().nullish(),
    isSlaveNode: z.boolean().nullish(),
    time_create: time,
    time_update: time,
  })
  .loose();
export type VendorHost = z.infer<typeof vendorHost>;

const vendorLog = z
  .object({
    _id: text,
    clusterId: text,
    operateType: text,
    status: text,
    userName: z.string().nullish(),
    comments: z.string().nullish(),
    time_create: time,
    time_update: time,
  })
  .loose();
export type VendorLog = z.infer<typeof vendorLog>;

/** `user.id` is whom the credentials act as: the owner of clusters created without one. */
export const loginData = z.object({ id: z.string().min(1), expire: z.number().nullish(), user: z.object({ id: z.string() }).loose().nullish() }).loose();
export type LoginData = z.infer<typeof loginData>;
/** The login body, by the simulator's (and the service's) field names. */
export type Credentials = { email: string; password: string; tenantname: string };

/** `data` may be absent: attaching and detaching (九 to 十二) and deleting a registry (十七) answer `{"success": true}` alone. */
export const envelope = z.object({ success: z.literal(true), count: z.number().nullish(), data: z.unknown().optional() }).loose();
export const clusterList = z.array(vendorCluster);
export const hostList = z.array(vendorHost);
export const logList = z.array(vendorLog);
export const anything = z.unknown();

// ---- Request bodies ----

/** One node as the vendor takes it (`masterNodes`, `sharedNodes`, `pureslaveNodes`). */
export interface VendorNode {
  ip: string;
  sshUser: string;
  /** Goes to the vendor only: nothing here puts it into an error message. */
  privateKey: string;
}

/** `POST /v1/cluster` for machines the caller brings (`type: customized`). */
export interface CreateClusterBody {
  name: string;
  /** The owning user; filled in by the caller when the request names none. */
  user_id?: string;
  type: 'customized';
  createCategory: Category;
  masterCount: number;
  sharedCount: number;
  pureslaveCount: number;
  masterNodes: VendorNode[];
  sharedNodes: VendorNode[];
  pureslaveNodes: VendorNode[];
  /** Catalogue registries as the document's example names them: id, name, address, whether a system one. */
  dockerRegistries?: RegistryRef[];
}

export interface RegistryRef {
  _id: string;
  name: string;
  registry: string;
  isSystemRegistry: boolean;
}

/** `POST /v1/cluster/{id}/hosts` with the caller's machines (`addMode: reuse`). */
export interface AddHostsBody {
  clusterId: string;
  addMode: 'reuse';
  sharedCount: number;
  pureslaveCount: number;
  sharedNodes: VendorNode[];
  pureslaveNodes: VendorNode[];
}

/** `DELETE /v1/cluster/{id}/hosts`. */
export interface RemoveHostsBody {
  host_ids: string[];
}

export const CATEGORIES = ['compact', 'ha'] as const;
export type Category = (typeof CATEGORIES)[number];

// ---- DC/OS's own capabilities (vendor.ts) ----

/**
 * One component on one node (3.0 `GET /v1/cluster/{id}/components`). The Go struct names
 * the component `componentName`, the example `imageName`: either is read.
 */
const vendorComponent = z
  .object({ imageName: z.string().nullish(), componentName: z.string().nullish(), ip: z.string().nullish(), status: z.string().nullish() })
  .loose();
export type VendorComponent = z.infer<typeof vendorComponent>;
export const componentsInfo = z.object({ clusterId: z.string().nullish(), componentStatus: z.array(vendorComponent).nullish() }).loose();
export type ComponentsInfo = z.infer<typeof componentsInfo>;

/** A docker registry of the catalogue (`/v1/dockerregistries`, 十四 to 十六). Its `password` is never read. */
export const vendorRegistry = z
  .object({
    _id: text,
    name: text,
    registry: text,
    secure: z.boolean().nullish(),
    username: z.string().nullish(),
    isUse: z.boolean().nullish(),
    isSystemRegistry: z.boolean().nullish(),
    user_id: z.string().nullish(),
    TimeCreate: time,
  })
  .loose();
export type VendorRegistry = z.infer<typeof vendorRegistry>;
export const registryList = z.array(vendorRegistry);

/** An SSH public key (`/v1/pubkey`, 二十五 to 二十七): the public half only. */
export const vendorPubkey = z
  .object({
    _id: text,
    name: text,
    pubkeyValue: text,
    owner: z.string().nullish(),
    user_id: z.string().nullish(),
    isuse: z.boolean().nullish(),
    time_create: time,
    time_update: time,
  })
  .loose();
export type VendorPubkey = z.infer<typeof vendorPubkey>;
export const pubkeyList = z.array(vendorPubkey);

/** An SMTP server (`/v1/smtp`, 三十 to 三十三). `passwd` comes back sealed and is never read. */
export const vendorSmtp = z.object({ _id: text, name: text, address: text }).loose();
export type VendorSmtp = z.infer<typeof vendorSmtp>;
export const smtpList = z.array(vendorSmtp);

/** A settings block of a provider: docker-machine options by their flag names, all strings. */
const providerBlock = z.record(z.string(), z.unknown()).nullish();

/** A cloud platform non-customized clusters create their nodes on (`/v1/provider`, 二十). */
export const vendorProvider = z
  .object({
    _id: text,
    name: text,
    type: text,
    sshUser: z.string().nullish(),
    isuse: z.boolean().nullish(),
    openstackInfo: providerBlock,
    awsEc2Info: providerBlock,
    googleInfo: providerBlock,
    time_create: time,
    time_update: time,
  })
  .loose();
export type VendorProvider = z.infer<typeof vendorProvider>;
export const providerList = z.array(vendorProvider);

/** `POST /v1/dockerregistries` (十四). */
export interface CreateRegistryBody {
  name: string;
  registry: string;
  user_id: string;
  isSystemRegistry: boolean;
  secure?: boolean;
  username?: string;
  /** Goes to the vendor only. */
  password?: string;
  ca_text?: string;
}

/** `POST /v1/pubkey` (二十五). */
export interface UploadPubkeyBody {
  name: string;
  pubkeyValue: string;
  user_id: string;
}

/** `POST /v1/smtp` and `PUT /v1/smtp/{id}` (三十, 三十二). */
export interface SmtpBody {
  name: string;
  address: string;
  /** Goes to the vendor only. */
  passwd: string;
}

/** `POST|DELETE /v1/cluster/{id}/registry` and `.../pubkey` (九 to 十二). */
export interface IdsBody {
  ids: string[];
}
