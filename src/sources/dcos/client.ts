import { z } from 'zod';
import { builtOnce } from '../built-once.js';
import { SourceError } from '../errors.js';
import type { HttpMethod, SourceHttp, SourceReply, VendorError, VendorErrorReader } from '../http.js';
import type { RequestScope } from '../scope.js';
import type { AddHostsBody, CreateClusterBody, RemoveHostsBody } from './requests.js';

/**
 * Raw calls to the DC/OS cluster manager (document 002). Every answer is the envelope
 * `{success, count?, data}`; errors are `{success: false, error: {code, errormsg}}`,
 * with HTTP 500 for business errors and 401 for a refused `X-Auth-Token`.
 * Schemas are lenient: only the fields the mapping reads are required.
 */

const arrayOf = builtOnce((item: z.ZodType) => z.array(item));
const envelopeOf = builtOnce((data: z.ZodType) => z.object({ success: z.literal(true), count: z.number().nullish(), data }).loose());

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
export const vendorHost = z
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

export const vendorLog = z
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
const loginData = z.object({ id: z.string().min(1), expire: z.number().nullish(), user: z.object({ id: z.string() }).loose().nullish() }).loose();
export type LoginData = z.infer<typeof loginData>;
/** The login body, by the simulator's (and the service's) field names. */
export type Credentials = { email: string; password: string; tenantname: string };

const errorBody = z.object({ success: z.literal(false), error: z.object({ code: z.string(), errormsg: z.string().optional() }).loose() }).loose();

export const readDcosError: VendorErrorReader = (body) => {
  const parsed = errorBody.safeParse(body);
  return parsed.success ? { code: parsed.data.error.code, ...(parsed.data.error.errormsg !== undefined ? { message: parsed.data.error.errormsg } : {}) } : undefined;
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

/** Every id in this API is a MongoDB ObjectId; anything else names nothing. */
export const isObjectId = (id: string): boolean => /^[0-9a-f]{24}$/i.test(id);

/**
 * List orders. Explicit sorts make skip/limit windows stable; the trailing keys break
 * ties the way the gateway does (by native id, ascending), so a window is exactly a
 * slice of the gateway's own order. Host and event native ids are `clusterId:id`, hence
 * the cluster key before `_id` for logs.
 */
export const CLUSTER_SORT = 'time_create,_id';
export const LOG_SORT = '-time_create,clusterId,_id';

export interface ListPage<T> {
  items: T[];
  total?: number;
}

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

export class DcosClient {
  constructor(
    private readonly http: SourceHttp,
    /** Where `/v1/token` is served: user management, another service in real deployments. */
    private readonly authHttp: SourceHttp,
  ) {}

  async login(credentials: Credentials, signal?: AbortSignal): Promise<LoginData> {
    const route = '/v1/token';
    const reply = await this.authHttp.request({ method: 'POST', path: route, route, body: credentials, auth: false, ...(signal ? { signal } : {}) });
    return this.#decode(this.authHttp, reply, 'POST', route, loginData).data;
  }

  clusters(scope: RequestScope, query: ClusterQuery, window: Window = ALL): Promise<ListPage<VendorCluster>> {
    return this.#list(scope, '/v1/cluster', '/v1/cluster', vendorCluster, { ...query, sort: CLUSTER_SORT }, window);
  }

  /** null when the vendor says there is no such cluster. */
  async cluster(scope: RequestScope, id: string): Promise<VendorCluster | null> {
    if (!isObjectId(id)) return null;
    const route = '/v1/cluster/{cluster_id}';
    try {
      const reply = await this.http.request({ method: 'GET', path: `/v1/cluster/${encodeURIComponent(id)}`, route, scope });
      return this.#decode(this.http, reply, 'GET', route, vendorCluster).data;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** Every host of a cluster, terminated ones included; throws not-found for an unknown cluster. */
  async hosts(scope: RequestScope, clusterId: string, query: HostQuery = {}): Promise<VendorHost[]> {
    const page = await this.#list(scope, `/v1/cluster/${encodeURIComponent(clusterId)}/hosts`, '/v1/cluster/{cluster_id}/hosts', vendorHost, query, ALL);
    return page.items;
  }

  logs(scope: RequestScope, query: LogQuery, window: Window = ALL): Promise<ListPage<VendorLog>> {
    return this.#list(scope, '/v1/logs', '/v1/logs', vendorLog, { ...query, sort: LOG_SORT }, window);
  }

  /** The cluster as the vendor created it (INSTALLING). Needs `user_id`. */
  async createCluster(body: CreateClusterBody & { user_id: string }, signal?: AbortSignal): Promise<VendorCluster> {
    return this.#write('POST', '/v1/cluster', '/v1/cluster', body, vendorCluster, signal);
  }

  async deleteCluster(id: string, signal?: AbortSignal): Promise<void> {
    await this.#write('DELETE', `/v1/cluster/${encodeURIComponent(id)}`, '/v1/cluster/{cluster_id}', undefined, z.unknown(), signal);
  }

  /** The answer is the cluster as it was before the request, which says nothing new: ignored. */
  async addHosts(clusterId: string, body: AddHostsBody, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', `/v1/cluster/${encodeURIComponent(clusterId)}/hosts`, '/v1/cluster/{cluster_id}/hosts', body, z.unknown(), signal);
  }

  async removeHosts(clusterId: string, body: RemoveHostsBody, signal?: AbortSignal): Promise<void> {
    await this.#write('DELETE', `/v1/cluster/${encodeURIComponent(clusterId)}/hosts`, '/v1/cluster/{cluster_id}/hosts', body, z.unknown(), signal);
  }

  /**
   * One write, sent once (the HTTP layer never retries writes). An answer that cannot be
   * read — cut short, not JSON, not the envelope — came from a vendor that received the
   * request, so whether it acted is unknown, and the error says so: resending could do
   * the change twice.
   */
  async #write<T>(method: HttpMethod, path: string, route: string, body: unknown, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    try {
      const reply = await this.http.request({ method, path, route, ...(body !== undefined ? { body } : {}), ...(signal ? { signal } : {}) });
      return this.#decode(this.http, reply, method, route, schema).data;
    } catch (err) {
      if (!(err instanceof SourceError) || err.code !== 'SOURCE_BAD_RESPONSE' || err.detail.outcomeUnknown) throw err;
      const where = `${method} ${route}`;
      throw new SourceError('SOURCE_BAD_RESPONSE', `${where} was sent but its answer could not be read, so whether it took effect is unknown`, { ...err.detail, outcomeUnknown: true }, { cause: err });
    }
  }

  async #list<T>(
    scope: RequestScope,
    path: string,
    route: string,
    item: z.ZodType<T>,
    query: Record<string, string | undefined>,
    window: Window,
  ): Promise<ListPage<T>> {
    // A full read (limit 0) needs no count; a window asks for the total beside it.
    const paged = window.limit > 0;
    const reply = await this.http.request({
      method: 'GET',
      path,
      route,
      scope,
      query: { ...query, ...(paged ? { skip: window.skip, limit: window.limit, count: true } : { limit: 0 }) },
    });
    const body = this.#decode(this.http, reply, 'GET', route, arrayOf(item) as z.ZodType<T[]>);
    return { items: body.data, ...(body.count !== undefined && body.count !== null ? { total: body.count } : {}) };
  }

  /** The envelope's `data` as `schema` says, or the vendor's error as a SourceError. */
  #decode<T>(http: SourceHttp, reply: SourceReply, method: string, route: string, schema: z.ZodType<T>): { data: T; count?: number | null } {
    const where = `${method} ${route}`;
    const detail = { sourceId: http.sourceId, sourceKind: 'dcos', route: where, httpStatus: reply.status };
    const vendor = readDcosError(reply.body);
    if (vendor || reply.status >= 400) {
      throw new SourceError('SOURCE_ERROR', `${where} failed${vendor?.message ? `: ${vendor.message}` : ` with HTTP ${reply.status}`}`, {
        ...detail,
        ...(vendor?.code !== undefined ? { vendorCode: vendor.code } : {}),
        ...(vendor?.message !== undefined ? { vendorMessage: vendor.message } : {}),
      });
    }
    const parsed = envelopeOf(schema).safeParse(reply.body) as z.ZodSafeParseResult<{ data: T; count?: number | null }>;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue?.path.length ? issue.path.join('.') : '(body)';
      throw new SourceError('SOURCE_BAD_RESPONSE', `${where} answered a body the document does not describe: ${at}: ${issue?.message ?? 'invalid'}`, detail);
    }
    return parsed.data;
  }
}
