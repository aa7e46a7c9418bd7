import type { Limit } from '../kit/limit.js';
import type { z } from 'zod';
import { SourceError } from '../errors.js';
import type { SourceCall, SourceHttp, VendorErrorReader } from '../http.js';
import { decode, type Envelope, openList, replyError } from '../kit/decode.js';
import type { RequestScope } from '../scope.js';
import { type CountedPage, eachPage, pagesCovering, walkPages } from '../kit/paging.js';
import { MAX_PAGE_SIZE } from './paging.js';
import type { TiemBackupBody, TiemCreateClusterBody, TiemDeleteClusterBody, TiemRestoreBody, TiemTakeoverBody } from './requests.js';
import {
  backupJobSchema,
  backupListSchema,
  clusterJobSchema,
  emptySchema,
  type TiemBackupJob,
  type TiemClusterJob,
  clusterDetailSchema,
  clusterListSchema,
  clusterInfoSchema,
  type Envelope as TiemEnvelope,
  envelopeSchema,
  loginSchema,
  type TiemBackup,
  type TiemClusterDetail,
  type TiemClusterInfo,
  type TiemWorkflowDetail,
  type TiemWorkflowInfo,
  workflowDetailSchema,
  workflowListSchema,
  workflowInfoSchema,
  backupSchema,
} from './wire.js';

const API = '/api/v1';

/** A cluster's path, and the route it is counted under, with an action (`/stop`) or none. */
const clusterPath = (id: string, action = '') => ({
  route: `${API}/clusters/{clusterId}${action}`,
  path: `${API}/clusters/${encodeURIComponent(id)}${action}`,
});

/**
 * TiEM error codes the adapter treats specially (EM_ERROR_CODE). Expired and invalid
 * tokens (70602, 70600) need no entry: they come with HTTP 401, which SourceHttp renews on.
 */
export const TIEM_CODES = {
  clusterNotFound: 10003,
  backupNotFound: 20604,
  flowNotFound: 9996,
  loginFailed: 70603,
} as const;

/** Pulls `{code, message}` out of a TiEM error envelope, for SourceHttp's errors. */
export const readTiemError: VendorErrorReader = (body) => {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success || parsed.data.code === 0) return undefined;
  return { code: String(parsed.data.code), ...(parsed.data.message ? { message: parsed.data.message } : {}) };
};

/** `{code, data, message, page?}`: code 0 is success. */
const ENVELOPE: Envelope<TiemEnvelope> = { schema: envelopeSchema, payload: (e) => e.data, at: 'data' };

export type Query = Record<string, string | number | undefined>;

/** A paged TiEM list: where it lives, its `data` and where the items sit in it, and what identifies one. */
export interface ListEndpoint<T> {
  path: string;
  data: z.ZodType;
  /** The key of the items' array in `data`. */
  at: string;
  item: z.ZodType<T>;
  key: (item: T) => string;
}

export const CLUSTERS: ListEndpoint<TiemClusterInfo> = {
  path: '/api/v1/clusters/',
  data: clusterListSchema,
  at: 'clusters',
  item: clusterInfoSchema,
  key: (c) => c.clusterId,
};
export const WORKFLOWS: ListEndpoint<TiemWorkflowInfo> = {
  path: '/api/v1/workflow/',
  data: workflowListSchema,
  at: 'workFlows',
  item: workflowInfoSchema,
  key: (w) => w.id,
};
export const BACKUPS: ListEndpoint<TiemBackup> = {
  path: '/api/v1/backups/',
  data: backupListSchema,
  at: 'backupRecords',
  item: backupSchema,
  key: (b) => b.id,
};

export interface TiemClientOptions {
  http: SourceHttp;
  /** A static bearer token configured instead of a login; sent on every call. */
  headers?: Record<string, string>;
}

/**
 * POST /user/login over `http` (the source's, or its `authUrl`'s): a token for the user.
 * A refused user or password is SOURCE_AUTH_FAILED, not a vendor error.
 */
export async function login(http: SourceHttp, userName: string, userPassword: string, signal?: AbortSignal): Promise<string> {
  const call: SourceCall = {
    method: 'POST',
    path: '/api/v1/user/login',
    route: '/api/v1/user/login',
    body: { userName, userPassword },
    auth: false,
    ...(signal ? { signal } : {}),
  };
  try {
    return decode(http, call, await http.request(call), ENVELOPE, loginSchema).data.token;
  } catch (err) {
    if (err instanceof SourceError && err.code === 'SOURCE_ERROR' && Number(err.detail.vendorCode) === TIEM_CODES.loginFailed) {
      throw new SourceError('SOURCE_AUTH_FAILED', `TiEM refused user "${userName}": ${err.detail.vendorMessage ?? 'login failed'}`, err.detail, { cause: err });
    }
    throw err;
  }
}

/**
 * TiEM's REST calls under `/api/v1`: the `{code, data, message, page?}` envelope,
 * TiEM's numeric errors, and page walking. Knows nothing of the unified model.
 */
export class TiemClient {
  readonly #http: SourceHttp;
  readonly #headers: Record<string, string>;

  constructor(options: TiemClientOptions) {
    this.#http = options.http;
    this.#headers = options.headers ?? {};
  }

  /** GET /clusters/{clusterId}; null when TiEM says there is no such (live) cluster. */
  async clusterDetail(scope: RequestScope, clusterId: string): Promise<TiemClusterDetail | null> {
    const found = await this.#get(
      scope,
      `${API}/clusters/{clusterId}`,
      `${API}/clusters/${encodeURIComponent(clusterId)}`,
      clusterDetailSchema,
      TIEM_CODES.clusterNotFound,
    );
    return found?.data ?? null;
  }

  /** GET /workflow/{workFlowId}; null when TiEM knows no such flow. */
  async workflowDetail(scope: RequestScope, workFlowId: string): Promise<TiemWorkflowDetail | null> {
    const found = await this.#get(
      scope,
      `${API}/workflow/{workFlowId}`,
      `${API}/workflow/${encodeURIComponent(workFlowId)}`,
      workflowDetailSchema,
      TIEM_CODES.flowNotFound,
    );
    return found?.data ?? null;
  }

  /** One page of a list. */
  async page<T>(scope: RequestScope, endpoint: ListEndpoint<T>, query: Query, page: number, pageSize: number): Promise<CountedPage<T>> {
    const opened = await this.#open(scope, endpoint, query, page, pageSize);
    const items: T[] = [];
    opened.each((item) => items.push(item));
    return { items, total: opened.total };
  }

  /** Every item of a list, in pages of the largest size; an item that moved to a later page while we walked is kept once. */
  async walk<T>(scope: RequestScope, endpoint: ListEndpoint<T>, query: Query, limit: Limit): Promise<T[]> {
    const all = await walkPages((n, size) => this.page(scope, endpoint, query, n, size), { pageSize: MAX_PAGE_SIZE, limit, key: endpoint.key });
    return all.items;
  }

  /** The items `walk` answers, each handed to `visit` as its page is read, in order, and not kept. */
  async eachItem<T>(scope: RequestScope, endpoint: ListEndpoint<T>, query: Query, limit: Limit, visit: (item: T, shared: boolean) => void): Promise<void> {
    const seen = new Set<string>();
    const once = (item: T, shared: boolean) => {
      const key = endpoint.key(item);
      if (seen.has(key)) return;
      seen.add(key);
      visit(item, shared);
    };
    await eachPage(
      (n, size) => this.#open(scope, endpoint, query, n, size),
      { pageSize: MAX_PAGE_SIZE, limit },
      (page) => page.each(once),
    );
  }

  /** One page, its items read when asked for (kit/decode.ts openList). */
  async #open<T>(scope: RequestScope, endpoint: ListEndpoint<T>, query: Query, page: number, pageSize: number) {
    const call: SourceCall = { method: 'GET', path: endpoint.path, route: endpoint.path, query: { ...query, page, pageSize }, scope };
    const reply = await this.#http.request(this.#withHeaders(call));
    const opened = openList(this.#http, call, reply, ENVELOPE, endpoint.data, [endpoint.at], endpoint.item);
    const total = opened.envelope.page?.total;
    if (total === undefined) throw replyError(this.#http, 'SOURCE_BAD_RESPONSE', call, reply, 'answered without the `page` block a paged list carries');
    return { count: opened.count, total, each: opened.each };
  }

  /** Items `offset .. offset + limit - 1` in TiEM's order, in as few calls as the page rules allow. */
  async window<T>(scope: RequestScope, endpoint: ListEndpoint<T>, query: Query, offset: number, limit: number): Promise<CountedPage<T>> {
    const plan = pagesCovering(offset, limit, MAX_PAGE_SIZE);
    const pages = await Promise.all(plan.pages.map((n) => this.page(scope, endpoint, query, n + 1, plan.pageSize)));
    const items = pages.flatMap((p) => p.items).slice(plan.skip, plan.skip + Math.max(0, limit));
    return { items, total: pages[0]?.total ?? 0 };
  }

  // ---- Writes (document 000): each its answer's `data` ----

  createCluster(body: TiemCreateClusterBody, signal?: AbortSignal): Promise<TiemClusterJob> {
    return this.#write({ method: 'POST', route: `${API}/clusters/`, path: `${API}/clusters/`, body, signal }, clusterJobSchema);
  }

  deleteCluster(id: string, body: TiemDeleteClusterBody, signal?: AbortSignal): Promise<TiemClusterJob> {
    return this.#write({ method: 'DELETE', ...clusterPath(id), body, signal }, clusterJobSchema);
  }

  stopCluster(id: string, signal?: AbortSignal): Promise<TiemClusterJob> {
    return this.#write({ method: 'POST', ...clusterPath(id, '/stop'), signal }, clusterJobSchema);
  }

  /** On a Stopped cluster TiEM's restart starts it instead (its RestartCluster flow runs a startCluster node). */
  restartCluster(id: string, signal?: AbortSignal): Promise<TiemClusterJob> {
    return this.#write({ method: 'POST', ...clusterPath(id, '/restart'), signal }, clusterJobSchema);
  }

  takeOverCluster(body: TiemTakeoverBody, signal?: AbortSignal): Promise<TiemClusterJob> {
    return this.#write({ method: 'POST', route: `${API}/clusters/takeover`, path: `${API}/clusters/takeover`, body, signal }, clusterJobSchema);
  }

  /** A new cluster from a backup. */
  restoreCluster(body: TiemRestoreBody, signal?: AbortSignal): Promise<TiemClusterJob> {
    return this.#write({ method: 'POST', route: `${API}/clusters/restore`, path: `${API}/clusters/restore`, body, signal }, clusterJobSchema);
  }

  createBackup(body: TiemBackupBody, signal?: AbortSignal): Promise<TiemBackupJob> {
    return this.#write({ method: 'POST', route: `${API}/backups/`, path: `${API}/backups/`, body, signal }, backupJobSchema);
  }

  async deleteBackup(id: string, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'DELETE', route: `${API}/backups/{backupId}`, path: `${API}/backups/${encodeURIComponent(id)}`, signal }, emptySchema);
  }

  async stopWorkflow(workFlowId: string, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'POST', route: `${API}/workflow/stop`, path: `${API}/workflow/stop`, body: { workFlowId }, signal }, emptySchema);
  }

  /**
   * One write (POST/DELETE) and its envelope's `data`. Sent once: SourceHttp never
   * retries a write, and one that may have reached TiEM fails with `outcomeUnknown`.
   */
  async #write<T>(call: SourceCall & { method: 'POST' | 'DELETE' }, schema: z.ZodType<T>): Promise<T> {
    const reply = await this.#http.request(this.#withHeaders(call));
    return decode(this.#http, call, reply, ENVELOPE, schema).data;
  }

  /** A single-object GET; null when TiEM answers with `notFoundCode`. */
  async #get<T>(scope: RequestScope, route: string, path: string, schema: z.ZodType<T>, notFoundCode: number): Promise<{ data: T } | null> {
    const call: SourceCall = { method: 'GET', path, route, scope };
    const reply = await this.#http.request(this.#withHeaders(call));
    if (Number(this.#http.vendorError(reply)?.code) === notFoundCode) return null;
    return decode(this.#http, call, reply, ENVELOPE, schema);
  }

  #withHeaders(call: SourceCall): SourceCall {
    return Object.keys(this.#headers).length ? { ...call, headers: { ...call.headers, ...this.#headers } } : call;
  }
}
