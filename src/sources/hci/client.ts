import type { LimitFunction } from 'p-limit';
import { z } from 'zod';
import { SourceError, type SourceErrorCode } from '../errors.js';
import type { RequestScope, SourceHttp, SourceReply, VendorErrorReader } from '../http.js';

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

export class HciClient {
  constructor(private readonly http: SourceHttp) {}

  /**
   * One page of the cluster list, or every cluster when `page` is left out: the
   * document's `page_size` defaults to 0 and its example without paging returns all.
   */
  async clusters(ctx: CallContext, options: { page?: PageRequest; uuid?: string } = {}): Promise<ClusterPage> {
    const query = {
      filter_uuid: options.uuid,
      page_num: options.page?.pageNum,
      page_size: options.page?.pageSize,
    };
    const data = await this.#read(ctx, CLUSTER_LIST, query, clusterList);
    if (!options.page && data.list.length < data.total_count) {
      throw this.#error('SOURCE_BAD_RESPONSE', CLUSTER_LIST, `returned ${data.list.length} of ${data.total_count} clusters without paging`);
    }
    return { rows: data.list, total: data.total_count };
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
    if (reply.status === 404) return null;
    if (envelope.code !== 0 && reply.status === 200) {
      const reached = taskProgress.safeParse(envelope.data);
      if (reached.success) {
        return { progress: reached.data.progress, failure: { code: String(envelope.code), message: envelope.message } };
      }
    }
    return this.#decode(route, reply, envelope, taskProgress);
  }

  async #call(ctx: CallContext, route: string, query: Record<string, string | number | undefined>) {
    const reply = await ctx.limit(() => this.http.request({ method: 'GET', path: route, route, query, scope: ctx.scope }));
    const envelope = readEnvelope(reply.body);
    if (!envelope) {
      const code: SourceErrorCode = reply.status >= 400 ? 'SOURCE_ERROR' : 'SOURCE_BAD_RESPONSE';
      throw this.#error(code, route, `answered HTTP ${reply.status} with a body in neither of the vendor's envelopes`, reply.status);
    }
    return { reply, envelope };
  }

  async #read<T extends z.ZodType>(ctx: CallContext, route: string, query: Record<string, string | number | undefined>, schema: T) {
    const { reply, envelope } = await this.#call(ctx, route, query);
    return this.#decode(route, reply, envelope, schema);
  }

  /** A read whose "no such cluster/host/file" (HTTP 404) means null rather than an error. */
  async #readOrNull<T extends z.ZodType>(ctx: CallContext, route: string, query: Record<string, string | number | undefined>, schema: T) {
    const { reply, envelope } = await this.#call(ctx, route, query);
    if (reply.status === 404) return null;
    return this.#decode(route, reply, envelope, schema);
  }

  #decode<T extends z.ZodType>(route: string, reply: SourceReply, envelope: Envelope, schema: T): z.infer<T> {
    if (envelope.code !== 0 || reply.status >= 400) {
      throw this.#error('SOURCE_ERROR', route, `the vendor answered code ${envelope.code}: ${envelope.message}`, reply.status, {
        vendorCode: String(envelope.code),
        vendorMessage: envelope.message,
      });
    }
    const parsed = schema.safeParse(envelope.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `data.${issue.path.join('.')}` : 'data';
      throw this.#error('SOURCE_BAD_RESPONSE', route, `${where}: ${issue?.message ?? 'not what the document describes'}`, reply.status);
    }
    return parsed.data;
  }

  #error(
    code: SourceErrorCode,
    route: string,
    message: string,
    httpStatus?: number,
    vendor: { vendorCode?: string; vendorMessage?: string } = {},
  ): SourceError {
    return new SourceError(code, `GET ${route} ${message}`, {
      sourceId: this.http.sourceId,
      sourceKind: 'hci',
      route: `GET ${route}`,
      ...(httpStatus ? { httpStatus } : {}),
      ...vendor,
    });
  }
}
