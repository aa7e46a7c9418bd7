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

export const envelope = z.object({ success: z.literal(true), count: z.number().nullish(), data: z.unknown() }).loose();
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
