import { z } from 'zod';
import { SourceError } from '../errors.js';
import type { HttpMethod, SourceHttp, SourceReply, VendorError, VendorErrorReader } from '../http.js';
import { decode, openList, type Envelope } from '../kit/decode.js';
import type { Page } from '../kit/paging.js';
import type { RequestScope } from '../scope.js';
import { isObjectId } from './ids.js';
import {
  type AddHostsBody,
  anything,
  clusterList,
  type ComponentsInfo,
  componentsInfo,
  type CreateClusterBody,
  type CreateRegistryBody,
  type Credentials,
  envelope,
  hostList,
  type IdsBody,
  type LoginData,
  loginData,
  logList,
  providerList,
  pubkeyList,
  registryList,
  type RemoveHostsBody,
  type SmtpBody,
  smtpList,
  type UploadPubkeyBody,
  type VendorCluster,
  type VendorHost,
  type VendorLog,
  type VendorProvider,
  type VendorPubkey,
  type VendorRegistry,
  type VendorSmtp,
  vendorCluster,
  vendorPubkey,
  vendorRegistry,
  vendorSmtp,
} from './wire.js';

/**
 * Raw calls to the DC/OS cluster manager (document 002). Every answer is the envelope
 * `{success, count?, data}`; errors are `{success: false, error: {code, errormsg}}`,
 * with HTTP 500 for business errors and 401 for a refused `X-Auth-Token`.
 * Schemas are lenient: only the fields the mapping reads are required.
 */

const ENVELOPE: Envelope<z.infer<typeof envelope>> = { schema: envelope, payload: (e) => e.data, at: 'data' };

const errorBody = z.object({ success: z.literal(false), error: z.object({ code: z.string(), errormsg: z.string().optional() }).loose() }).loose();

export const readDcosError: VendorErrorReader = (body) => {
  const parsed = errorBody.safeParse(body);
  return parsed.success
    ? { code: parsed.data.error.code, ...(parsed.data.error.errormsg !== undefined ? { message: parsed.data.error.errormsg } : {}) }
    : undefined;
};

/**
 * DC/OS answers every business error (no such cluster, invalid input) with HTTP 500;
 * only its internal error (E12003), or a 500 without its envelope, may pass if asked again.
 */
export const transientDcos500 = (vendor: VendorError | undefined): boolean => vendor?.code === undefined || vendor.code === 'E12003';

/** The vendor's "no such object" codes: a lookup answers null, not an error. */
const NOT_FOUND_CODES: ReadonlySet<string> = new Set(['E50004', 'E50103']);

export function isNotFound(err: unknown): boolean {
  return err instanceof SourceError && err.code === 'SOURCE_ERROR' && NOT_FOUND_CODES.has(err.detail.vendorCode ?? '');
}

/**
 * "No such ..." of the catalogues beside clusters. The document lists no codes; these
 * are the service's scheme as the simulator numbers it (registries E502xx, public keys
 * E504xx, SMTP servers E505xx).
 */
export const CATALOGUE_NOT_FOUND = { registry: 'E50202', pubkey: 'E50402', smtp: 'E50502' } as const;

/** "Components not available": the cluster has no running master, so no component runs. */
export const NO_COMPONENTS = 'E50020';

/** Whether the vendor refused `err`'s call with this code. */
export const refusedWith = (err: unknown, code: string): boolean => err instanceof SourceError && err.detail.vendorCode === code;

/** Which catalogue a cluster has entries of attached by id (九 to 十二). */
export type Attachment = 'registry' | 'pubkey';

/**
 * List orders. Explicit sorts make skip/limit windows stable; the trailing keys break
 * ties the way the gateway does (by native id, ascending), so a window is exactly a
 * slice of the gateway's own order. Host and event native ids are `clusterId:id`, hence
 * the cluster key before `_id` for logs.
 */
export const CLUSTER_SORT = 'time_create,_id';
export const LOG_SORT = '-time_create,clusterId,_id';

/** Vendor query parameters, by their names in the document. */
export type ClusterQuery = { status?: string };
export type HostQuery = { status?: string; tag?: string };
export type LogQuery = { cluster_id?: string };
export interface Window {
  skip: number;
  /** 0 means every item, as the vendor reads it. */
  limit: number;
}
const ALL: Window = { skip: 0, limit: 0 };

/**
 * POST /v1/token over `http`: the source's, or its `authUrl`'s (user management, another
 * service in real deployments).
 */
export async function login(http: SourceHttp, credentials: Credentials, signal?: AbortSignal): Promise<LoginData> {
  const route = '/v1/token';
  const reply = await http.request({ method: 'POST', path: route, route, body: credentials, auth: false, ...(signal ? { signal } : {}) });
  return decode(http, { method: 'POST', route }, reply, ENVELOPE, loginData).data;
}

export class DcosClient {
  constructor(private readonly http: SourceHttp) {}

  clusters(scope: RequestScope, query: ClusterQuery, window: Window = ALL): Promise<Page<VendorCluster>> {
    return this.#list(scope, '/v1/cluster', '/v1/cluster', clusterList, { ...query, sort: CLUSTER_SORT }, window);
  }

  /** The clusters `clusters` answers without a window, each handed to `visit` as it is read and not kept (kit/decode.ts openList). */
  async eachCluster(scope: RequestScope, query: ClusterQuery, visit: (cluster: VendorCluster, shared: boolean) => void): Promise<void> {
    const route = '/v1/cluster';
    const reply = await this.#ask(scope, route, route, { ...query, sort: CLUSTER_SORT }, ALL);
    openList(this.http, { method: 'GET', route }, reply, ENVELOPE, clusterList, [], vendorCluster).each(visit);
  }

  /** null when the vendor says there is no such cluster. */
  async cluster(scope: RequestScope, id: string): Promise<VendorCluster | null> {
    if (!isObjectId(id)) return null;
    const route = '/v1/cluster/{cluster_id}';
    try {
      const reply = await this.http.request({ method: 'GET', path: `/v1/cluster/${encodeURIComponent(id)}`, route, scope });
      return decode(this.http, { method: 'GET', route }, reply, ENVELOPE, vendorCluster).data;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** Every host of a cluster, terminated ones included; throws not-found for an unknown cluster. */
  async hosts(scope: RequestScope, clusterId: string, query: HostQuery = {}): Promise<VendorHost[]> {
    const page = await this.#list(scope, `/v1/cluster/${encodeURIComponent(clusterId)}/hosts`, '/v1/cluster/{cluster_id}/hosts', hostList, query, ALL);
    return page.items;
  }

  logs(scope: RequestScope, query: LogQuery, window: Window = ALL): Promise<Page<VendorLog>> {
    return this.#list(scope, '/v1/logs', '/v1/logs', logList, { ...query, sort: LOG_SORT }, window);
  }

  /** The cluster as the vendor created it (INSTALLING). Needs `user_id`. */
  async createCluster(body: CreateClusterBody & { user_id: string }, signal?: AbortSignal): Promise<VendorCluster> {
    return this.#write('POST', '/v1/cluster', '/v1/cluster', body, vendorCluster, signal);
  }

  async deleteCluster(id: string, signal?: AbortSignal): Promise<void> {
    await this.#write('DELETE', `/v1/cluster/${encodeURIComponent(id)}`, '/v1/cluster/{cluster_id}', undefined, anything, signal);
  }

  /** The answer is the cluster as it was before the request, which says nothing new: ignored. */
  async addHosts(clusterId: string, body: AddHostsBody, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', `/v1/cluster/${encodeURIComponent(clusterId)}/hosts`, '/v1/cluster/{cluster_id}/hosts', body, anything, signal);
  }

  async removeHosts(clusterId: string, body: RemoveHostsBody, signal?: AbortSignal): Promise<void> {
    await this.#write('DELETE', `/v1/cluster/${encodeURIComponent(clusterId)}/hosts`, '/v1/cluster/{cluster_id}/hosts', body, anything, signal);
  }

  /** Health of every system component on every node (3.0); the vendor refuses it for a cluster with no running master. */
  async components(scope: RequestScope, clusterId: string): Promise<ComponentsInfo> {
    const route = '/v1/cluster/{cluster_id}/components';
    const reply = await this.http.request({ method: 'GET', path: `/v1/cluster/${encodeURIComponent(clusterId)}/components`, route, scope });
    return decode(this.http, { method: 'GET', route }, reply, ENVELOPE, componentsInfo).data;
  }

  async registries(scope: RequestScope): Promise<VendorRegistry[]> {
    return (await this.#list(scope, '/v1/dockerregistries', '/v1/dockerregistries', registryList, {}, ALL)).items;
  }

  async pubkeys(scope: RequestScope): Promise<VendorPubkey[]> {
    return (await this.#list(scope, '/v1/pubkey', '/v1/pubkey', pubkeyList, {}, ALL)).items;
  }

  async smtpServers(scope: RequestScope): Promise<VendorSmtp[]> {
    return (await this.#list(scope, '/v1/smtp', '/v1/smtp', smtpList, {}, ALL)).items;
  }

  /** `type` is the vendor's: openstack, amazonec2 or google. */
  async providers(scope: RequestScope, type?: string): Promise<VendorProvider[]> {
    return (await this.#list(scope, '/v1/provider', '/v1/provider', providerList, { type }, ALL)).items;
  }

  createRegistry(body: CreateRegistryBody, signal?: AbortSignal): Promise<VendorRegistry> {
    return this.#write('POST', '/v1/dockerregistries', '/v1/dockerregistries', body, vendorRegistry, signal);
  }

  async deleteRegistry(id: string, signal?: AbortSignal): Promise<void> {
    const route = '/v1/dockerregistries/{registry_id}';
    await this.#write('DELETE', `/v1/dockerregistries/${encodeURIComponent(id)}`, route, undefined, anything, signal);
  }

  uploadPubkey(body: UploadPubkeyBody, signal?: AbortSignal): Promise<VendorPubkey> {
    return this.#write('POST', '/v1/pubkey', '/v1/pubkey', body, vendorPubkey, signal);
  }

  createSmtp(body: SmtpBody, signal?: AbortSignal): Promise<VendorSmtp> {
    return this.#write('POST', '/v1/smtp', '/v1/smtp', body, vendorSmtp, signal);
  }

  /** The answer (`{created, url}`) says nothing new: ignored. */
  async updateSmtp(id: string, body: SmtpBody, signal?: AbortSignal): Promise<void> {
    await this.#write('PUT', `/v1/smtp/${encodeURIComponent(id)}`, '/v1/smtp/{smtp_id}', body, anything, signal);
  }

  async deleteSmtp(id: string, signal?: AbortSignal): Promise<void> {
    await this.#write('DELETE', `/v1/smtp/${encodeURIComponent(id)}`, '/v1/smtp/{smtp_id}', undefined, anything, signal);
  }

  /** Attaches (POST) or detaches (DELETE) catalogue entries to or from a cluster. */
  async attachment(method: 'POST' | 'DELETE', clusterId: string, what: Attachment, body: IdsBody, signal?: AbortSignal): Promise<void> {
    await this.#write(method, `/v1/cluster/${encodeURIComponent(clusterId)}/${what}`, `/v1/cluster/{cluster_id}/${what}`, body, anything, signal);
  }

  /**
   * One write, sent once (the HTTP layer never retries writes); an answer that cannot be
   * read came from a vendor that received it, so its error is `outcomeUnknown`.
   */
  async #write<T>(method: HttpMethod, path: string, route: string, body: unknown, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    const reply = await this.http.request({ method, path, route, ...(body !== undefined ? { body } : {}), ...(signal ? { signal } : {}) });
    return decode(this.http, { method, route }, reply, ENVELOPE, schema).data;
  }

  async #list<T>(
    scope: RequestScope,
    path: string,
    route: string,
    list: z.ZodType<T[]>,
    query: Record<string, string | undefined>,
    window: Window,
  ): Promise<Page<T>> {
    const reply = await this.#ask(scope, path, route, query, window);
    const { data, envelope } = decode(this.http, { method: 'GET', route }, reply, ENVELOPE, list);
    return { items: data, ...(envelope.count !== undefined && envelope.count !== null ? { total: envelope.count } : {}) };
  }

  #ask(scope: RequestScope, path: string, route: string, query: Record<string, string | undefined>, window: Window): Promise<SourceReply> {
    // A full read (limit 0) needs no count; a window asks for the total beside it.
    const paged = window.limit > 0;
    return this.http.request({
      method: 'GET',
      path,
      route,
      scope,
      query: { ...query, ...(paged ? { skip: window.skip, limit: window.limit, count: true } : { limit: 0 }) },
    });
  }
}
