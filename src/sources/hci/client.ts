import type { LimitFunction } from 'p-limit';
import { z } from 'zod';
import { SourceError, type SourceErrorCode } from '../errors.js';
import type { HttpMethod, SourceHttp, SourceReply, VendorError, VendorErrorReader } from '../http.js';
import type { RequestScope } from '../scope.js';

/**
 * Raw calls to the HCI platform's cluster service (document 001). The API has no auth.
 *
 * The document wraps answers in two envelopes and never says which endpoint uses which:
 * the newer `{scode, desc, message, message_cn|messageCn, stack, data}` and the older
 * `{status_code, message_en, message_cn, data}`. Every call accepts both, and so does
 * `readHciError`: code 0 is success, anything else is the vendor's error code.
 */

/** The two envelopes, reduced to what every caller needs. */
interface Envelope {
  code: number;
  message: string;
  data: unknown;
}

const newerEnvelope = z
  .object({
    scode: z.number(),
    message: z.string().nullish(),
    message_cn: z.string().nullish(),
    messageCn: z.string().nullish(),
    desc: z.string().nullish(),
    data: z.unknown(),
  })
  .loose();
const olderEnvelope = z
  .object({ status_code: z.number(), message_en: z.string().nullish(), message_cn: z.string().nullish(), data: z.unknown() })
  .loose();

function readEnvelope(body: unknown): Envelope | undefined {
  const newer = newerEnvelope.safeParse(body);
  if (newer.success) {
    const { scode, message, message_cn, messageCn, desc, data } = newer.data;
    // `desc` carries the detail (a missing parameter's name, the failing address).
    const text = message || message_cn || messageCn || '';
    return { code: scode, message: desc && desc !== text ? `${text} (${desc})` : text, data };
  }
  const older = olderEnvelope.safeParse(body);
  if (older.success) {
    const { status_code, message_en, message_cn, data } = older.data;
    return { code: status_code, message: message_en || message_cn || '', data };
  }
  return undefined;
}

/**
 * The platform's own error codes (10xxx: a down center node, an aborted inspection)
 * are answers; a 500 whose code echoes the HTTP status comes from its runtime and may
 * pass if asked again.
 */
export const transientHci500 = (vendor: VendorError | undefined): boolean => vendor?.code === undefined || vendor.code === '500';

export const readHciError: VendorErrorReader = (body) => {
  const envelope = readEnvelope(body);
  if (!envelope || envelope.code === 0) return undefined;
  return { code: String(envelope.code), message: envelope.message };
};

// ---- Payload schemas: lenient, requiring only the fields the mapping uses. ----

/** Go marshals an empty slice or map as `null`. */
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

const clusterRow = z.object({ cluster_uuid: z.string(), cluster_name: z.string(), ctime: z.number().nullish() }).loose();
const clusterList = z.object({ list: list(clusterRow), total_count: z.number() }).loose();

const clusterDetail = z.object({ cluster_uuid: z.string(), name: z.string(), candidates: list(z.string()) }).loose();

/** `{Ratio, Logical, Physical}`: what VMs were given, what the hardware has, and their ratio. */
const allocation = z.object({ Logical: z.number(), Physical: z.number() }).loose();

const hostStatistic = z
  .object({
    HostUUID: z.string(),
    Name: z.string(),
    Status: z.number(),
    Cpu: allocation.nullish(),
    Mem: allocation.nullish(),
    Label: z.record(z.string(), z.string()).nullish(),
  })
  .loose();

const computeStatistic = z
  .object({
    total_count: z.number(),
    UsageRatio: z.object({ Cpu: allocation, Mem: allocation }).loose(),
    HostStatistics: list(hostStatistic),
    HostSummary: z.object({ Total: z.number(), Healthy: z.number(), NoInUse: z.number() }).loose(),
  })
  .loose();

const storage = z
  .object({
    inner: z
      .object({
        total_size: z.number(),
        used: z.number(),
        volume_degrade_count: z.number().nullish(),
        volume_failed_count: z.number().nullish(),
      })
      .loose(),
    external: z.object({ total_size: z.number(), used: z.number() }).loose().nullish(),
  })
  .loose();

const inspection = z
  .object({
    status: z.object({ code: z.number().nullish(), message: z.string().nullish(), UUID: z.string().nullish() }).loose().nullish(),
    normal: z.number().nullish(),
    alarm: z.number().nullish(),
    fault: z.number().nullish(),
    score: z.number().nullish(),
    state: z.number(),
    finishedPercent: z.number(),
    checking: z.string().nullish(),
  })
  .loose();

const snapshotPolicy = z.object({ duration: z.number(), MTime: z.number() }).loose();
const metaData = z
  .object({
    meta_data: z.object({ Snapshot: list(z.string()), SnapshotConfig: snapshotPolicy.nullish() }).loose(),
  })
  .loose();

const taskProgress = z.object({ progress: z.number() }).loose();

/** The add answer; the document's example has an empty `uuid`, so it may be blank. */
const addedCluster = z.object({ uuid: z.string().nullish() }).loose();
/** Deletes and snapshot saves answer nothing a caller needs. */
const ignored = z.unknown();

export type ClusterRow = z.infer<typeof clusterRow>;
export type ClusterDetail = z.infer<typeof clusterDetail>;
export type HostStatistic = z.infer<typeof hostStatistic>;
export type ComputeStatistic = z.infer<typeof computeStatistic>;
export type StorageSummary = z.infer<typeof storage>;
export type InspectionReport = z.infer<typeof inspection>;
export type SnapshotPolicy = z.infer<typeof snapshotPolicy>;
/** A host task's progress (0..1); a failed task also carries the vendor's error. */
export interface HostTaskReport {
  progress: number;
  failure?: { code: string; message: string };
}
/** `/v1/cluster/inspection`: `cluster_name` only names the cluster in the vendor's operation log. */
export interface InspectionRequest {
  cluster_uuid: string;
  cluster_name: string;
  check_system: boolean;
  check_network: boolean;
  check_hardware: boolean;
}
export interface ClusterPage {
  rows: ClusterRow[];
  total: number;
}

/** Per session: the request's GET memo, and the cap on calls in flight. */
export interface CallContext {
  scope: RequestScope;
  limit: LimitFunction;
}

/** How many rows to ask for, and from which page (`page_num` counts from 0). */
export interface PageRequest {
  pageNum: number;
  pageSize: number;
}

const CLUSTER_LIST = '/v1/cluster/list';

/**
 * The vendor codes that say the object asked about does not exist (cluster 10003, host
 * 10004, snapshot file 10008). The document lists no error codes; these are the ones
 * the platform answers with, as the simulator reproduces them. Any other 404 (a proxy,
 * an unknown route) says nothing about the object, so it is an error, not "gone".
 */
const GONE_CODES: ReadonlySet<number> = new Set([10003, 10004, 10008]);
const saysGone = (reply: SourceReply, envelope: Envelope) => reply.status === 404 && GONE_CODES.has(envelope.code);

export class HciClient {
  constructor(private readonly http: SourceHttp) {}

  /**
   * One page of the cluster list, or every cluster when `page` is left out: the
   * document's `page_size` defaults to 0 and its example without paging returns all.
   */
  async clusters(ctx: CallContext, options: { page?: PageRequest; uuid?: string; name?: string } = {}): Promise<ClusterPage> {
    const query = {
      filter_uuid: options.uuid,
      // A case-sensitive substring match.
      filter_name: options.name,
      page_num: options.page?.pageNum,
      page_size: options.page?.pageSize,
    };
    const data = await this.#read(ctx, CLUSTER_LIST, query, clusterList);
    if (!options.page && data.list.length < data.total_count) {
      throw this.#error('SOURCE_BAD_RESPONSE', 'GET', CLUSTER_LIST, `returned ${data.list.length} of ${data.total_count} clusters without paging`);
    }
    return { rows: data.list, total: data.total_count };
  }

  /** The cluster with exactly this name: the platform keeps names unique, and `filter_name` matches parts. */
  async clusterUuidByName(ctx: CallContext, name: string): Promise<string | null> {
    const { rows } = await this.clusters(ctx, { name });
    return rows.find((r) => r.cluster_name === name)?.cluster_uuid ?? null;
  }

  cluster(ctx: CallContext, uuid: string): Promise<ClusterDetail | null> {
    return this.#readOrNull(ctx, '/v1/cluster/get', { cluster_uuid: uuid }, clusterDetail);
  }

  /** Every host of a cluster in one call (no `page_size`: the whole list). */
  computeStatistic(ctx: CallContext, uuid: string): Promise<ComputeStatistic | null> {
    return this.#readOrNull(ctx, '/v1/cluster/compute/service/statistic', { cluster_uuid: uuid }, computeStatistic);
  }

  hostStatistic(ctx: CallContext, clusterUuid: string, hostUuid: string): Promise<HostStatistic | null> {
    return this.#readOrNull(ctx, '/v1/cluster/compute/service/statistic/host', { cluster_uuid: clusterUuid, machine: hostUuid }, hostStatistic);
  }

  storage(ctx: CallContext, uuid: string): Promise<StorageSummary | null> {
    return this.#readOrNull(ctx, '/v1/cluster/system/service/storage', { cluster_uuid: uuid }, storage);
  }

  inspection(ctx: CallContext, uuid: string): Promise<InspectionReport | null> {
    return this.#readOrNull(ctx, '/v1/cluster/inspection/progress', { cluster_uuid: uuid }, inspection);
  }

  /** Metadata snapshot file names on one center node. */
  async snapshotFiles(ctx: CallContext, clusterUuid: string, ip: string): Promise<string[] | null> {
    const data = await this.#readOrNull(ctx, '/v1/cluster/data/snapshot/list', { cluster_uuid: clusterUuid, ip }, metaData);
    return data && data.meta_data.Snapshot;
  }

  async snapshotPolicy(ctx: CallContext, clusterUuid: string, ip: string): Promise<SnapshotPolicy | null> {
    const data = await this.#readOrNull(ctx, '/v1/cluster/data/snapshot/config/inspect', { cluster_uuid: clusterUuid, ip }, metaData);
    return data?.meta_data.SnapshotConfig ?? null;
  }

  /**
   * A host's task progress. A failed task answers HTTP 200 with a non-zero code and
   * still reports where it stopped: the query worked, the task did not.
   */
  async hostTask(ctx: CallContext, clusterUuid: string, hostUuid: string): Promise<HostTaskReport | null> {
    const route = '/v1/cluster/host/task/progress';
    const { reply, envelope } = await this.#call(ctx, route, { cluster_uuid: clusterUuid, host_uuid: hostUuid });
    if (saysGone(reply, envelope)) return null;
    if (envelope.code !== 0 && reply.status === 200) {
      const reached = taskProgress.safeParse(envelope.data);
      if (reached.success) {
        return { progress: reached.data.progress, failure: { code: String(envelope.code), message: envelope.message } };
      }
    }
    return this.#decode('GET', route, reply, envelope, taskProgress);
  }

  // ---- Writes: each is sent once (the http layer never retries them), never memoized. ----

  /**
   * `/v1/cluster/add`: the platform discovers the cluster from one node's address.
   * Answers the new cluster's uuid, or null where the vendor leaves it blank, as the
   * document's example does (see `clusterUuidByName`).
   */
  async addCluster(body: { ip: string; name: string; desc: string }, signal?: AbortSignal): Promise<string | null> {
    const added = await this.#write('/v1/cluster/add', body, addedCluster, signal);
    return added.uuid || null;
  }

  async deleteCluster(body: { cluster_uuid: string; force: boolean }, signal?: AbortSignal): Promise<void> {
    await this.#write('/v1/cluster/delete', body, ignored, signal);
  }

  /** Saves a metadata snapshot on one center node; the answer names no file. */
  async saveSnapshot(body: { cluster_uuid: string; ip: string }, signal?: AbortSignal): Promise<void> {
    await this.#write('/v1/cluster/data/snapshot/save', body, ignored, signal);
  }

  async deleteSnapshot(body: { cluster_uuid: string; ip: string; file_name: string }, signal?: AbortSignal): Promise<void> {
    await this.#write('/v1/cluster/data/snapshot/delete', body, ignored, signal);
  }

  /** Starts an inspection; the answer is the run's report, as the progress call gives it. */
  startInspection(body: InspectionRequest, signal?: AbortSignal): Promise<InspectionReport> {
    return this.#write('/v1/cluster/inspection', body, inspection, signal);
  }

  stopInspection(body: { cluster_uuid: string; cluster_name: string }, signal?: AbortSignal): Promise<InspectionReport> {
    return this.#write('/v1/cluster/inspection/stop', body, inspection, signal);
  }

  async #write<T extends z.ZodType>(route: string, body: object, schema: T, signal?: AbortSignal): Promise<z.infer<T>> {
    const reply = await this.http.request({ method: 'POST', path: route, route, body, ...(signal ? { signal } : {}) });
    return this.#decode('POST', route, reply, this.#open('POST', route, reply), schema);
  }

  // ---- Reads ----

  async #call(ctx: CallContext, route: string, query: Record<string, string | number | undefined>) {
    const reply = await ctx.limit(() => this.http.request({ method: 'GET', path: route, route, query, scope: ctx.scope }));
    return { reply, envelope: this.#open('GET', route, reply) };
  }

  async #read<T extends z.ZodType>(ctx: CallContext, route: string, query: Record<string, string | number | undefined>, schema: T) {
    const { reply, envelope } = await this.#call(ctx, route, query);
    return this.#decode('GET', route, reply, envelope, schema);
  }

  /** A read whose "no such cluster/host/file" means null rather than an error. */
  async #readOrNull<T extends z.ZodType>(ctx: CallContext, route: string, query: Record<string, string | number | undefined>, schema: T) {
    const { reply, envelope } = await this.#call(ctx, route, query);
    if (saysGone(reply, envelope)) return null;
    return this.#decode('GET', route, reply, envelope, schema);
  }

  // ---- Envelopes ----

  #open(method: HttpMethod, route: string, reply: SourceReply): Envelope {
    const envelope = readEnvelope(reply.body);
    if (!envelope) {
      const code: SourceErrorCode = reply.status >= 400 ? 'SOURCE_ERROR' : 'SOURCE_BAD_RESPONSE';
      throw this.#error(code, method, route, `answered HTTP ${reply.status} with a body in neither of the vendor's envelopes`, reply.status);
    }
    return envelope;
  }

  #decode<T extends z.ZodType>(method: HttpMethod, route: string, reply: SourceReply, envelope: Envelope, schema: T): z.infer<T> {
    if (envelope.code !== 0 || reply.status >= 400) {
      throw this.#error('SOURCE_ERROR', method, route, `the vendor answered code ${envelope.code}: ${envelope.message}`, reply.status, {
        vendorCode: String(envelope.code),
        vendorMessage: envelope.message,
      });
    }
    const parsed = schema.safeParse(envelope.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `data.${issue.path.join('.')}` : 'data';
      throw this.#error('SOURCE_BAD_RESPONSE', method, route, `${where}: ${issue?.message ?? 'not what the document describes'}`, reply.status);
    }
    return parsed.data;
  }

  #error(
    code: SourceErrorCode,
    method: HttpMethod,
    route: string,
    message: string,
    httpStatus?: number,
    vendor: { vendorCode?: string; vendorMessage?: string } = {},
  ): SourceError {
    return new SourceError(code, `${method} ${route} ${message}`, {
      sourceId: this.http.sourceId,
      sourceKind: 'hci',
      route: `${method} ${route}`,
      ...(httpStatus ? { httpStatus } : {}),
      ...vendor,
    });
  }
}
