import { z } from 'zod';
import type { SourceHttp, SourceReply, VendorError, VendorErrorReader } from '../http.js';
import { decode, type Envelope, replyError } from '../kit/decode.js';
import type { RequestScope } from '../scope.js';
import {
  addedCluster,
  clusterDetail,
  type ClusterDetail,
  clusterList,
  cloudManage,
  type CenterNode,
  type ClusterRow,
  computeStatistic,
  type ComputeStatistic,
  type DrsConfig,
  drsConfig,
  hostStatistic,
  type HostStatistic,
  type HostTaskReport,
  ignored,
  inspection,
  type InspectionReport,
  type InspectionRequest,
  metaData,
  type OverAllocation,
  overAllocation,
  type SnapshotPolicy,
  storage,
  type StorageSummary,
  taskProgress,
  top,
  type TopAnswer,
  topology,
  type TopologyAnswer,
} from './wire.js';

/**
 * Raw calls to the HCI platform's cluster service (document 001). The API has no auth.
 *
 * The document wraps answers in two envelopes and never says which endpoint uses which:
 * the newer `{scode, desc, message, message_cn|messageCn, stack, data}` and the older
 * `{status_code, message_en, message_cn, data}`. Every call accepts both, and so does
 * `readHciError`: code 0 is success, anything else is the vendor's error code.
 */

/** The two envelopes, reduced to what every caller needs. */
interface HciEnvelope {
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
const olderEnvelope = z.object({ status_code: z.number(), message_en: z.string().nullish(), message_cn: z.string().nullish(), data: z.unknown() }).loose();

const envelopeSchema: z.ZodType<HciEnvelope> = z.union([
  newerEnvelope.transform(({ scode, message, message_cn, messageCn, desc, data }): HciEnvelope => {
    // `desc` carries the detail (a missing parameter's name, the failing address).
    const text = message || message_cn || messageCn || '';
    return { code: scode, message: desc && desc !== text ? `${text} (${desc})` : text, data };
  }),
  olderEnvelope.transform(
    ({ status_code, message_en, message_cn, data }): HciEnvelope => ({ code: status_code, message: message_en || message_cn || '', data }),
  ),
]);
const ENVELOPE: Envelope<HciEnvelope> = { schema: envelopeSchema, payload: (e) => e.data, at: 'data' };

/**
 * The platform's own error codes (10xxx: a down center node, an aborted inspection)
 * are answers; a 500 whose code echoes the HTTP status comes from its runtime and may
 * pass if asked again.
 */
export const transientHci500 = (vendor: VendorError | undefined): boolean => vendor?.code === undefined || vendor.code === '500';

export const readHciError: VendorErrorReader = (body) => {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success || envelope.data.code === 0) return undefined;
  return { code: String(envelope.data.code), message: envelope.data.message };
};

export interface ClusterPage {
  rows: ClusterRow[];
  total: number;
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
const GONE_CODES: ReadonlySet<string> = new Set(['10003', '10004', '10008']);
const saysGone = (reply: SourceReply) => reply.status === 404 && GONE_CODES.has(readHciError(reply.body)?.code ?? '');

export class HciClient {
  constructor(private readonly http: SourceHttp) {}

  /**
   * One page of the cluster list, or every cluster when `page` is left out: the
   * document's `page_size` defaults to 0 and its example without paging returns all.
   */
  async clusters(scope: RequestScope, options: { page?: PageRequest; uuid?: string; name?: string } = {}): Promise<ClusterPage> {
    const query = {
      filter_uuid: options.uuid,
      // A case-sensitive substring match.
      filter_name: options.name,
      page_num: options.page?.pageNum,
      page_size: options.page?.pageSize,
    };
    const reply = await this.#call(scope, CLUSTER_LIST, query);
    const { data } = decode(this.http, { method: 'GET', route: CLUSTER_LIST }, reply, ENVELOPE, clusterList);
    if (!options.page && data.list.length < data.total_count) {
      throw replyError(
        this.http,
        'SOURCE_BAD_RESPONSE',
        { method: 'GET', route: CLUSTER_LIST },
        reply,
        `returned ${data.list.length} of ${data.total_count} clusters without paging`,
      );
    }
    return { rows: data.list, total: data.total_count };
  }

  /** The cluster with exactly this name: the platform keeps names unique, and `filter_name` matches parts. */
  async clusterUuidByName(scope: RequestScope, name: string): Promise<string | null> {
    const { rows } = await this.clusters(scope, { name });
    return rows.find((r) => r.cluster_name === name)?.cluster_uuid ?? null;
  }

  cluster(scope: RequestScope, uuid: string): Promise<ClusterDetail | null> {
    return this.#readOrNull(scope, '/v1/cluster/get', { cluster_uuid: uuid }, clusterDetail);
  }

  /** Every host of a cluster in one call (no `page_size`: the whole list). */
  computeStatistic(scope: RequestScope, uuid: string): Promise<ComputeStatistic | null> {
    return this.#readOrNull(scope, '/v1/cluster/compute/service/statistic', { cluster_uuid: uuid }, computeStatistic);
  }

  hostStatistic(scope: RequestScope, clusterUuid: string, hostUuid: string): Promise<HostStatistic | null> {
    return this.#readOrNull(scope, '/v1/cluster/compute/service/statistic/host', { cluster_uuid: clusterUuid, machine: hostUuid }, hostStatistic);
  }

  storage(scope: RequestScope, uuid: string): Promise<StorageSummary | null> {
    return this.#readOrNull(scope, '/v1/cluster/system/service/storage', { cluster_uuid: uuid }, storage);
  }

  inspection(scope: RequestScope, uuid: string): Promise<InspectionReport | null> {
    return this.#readOrNull(scope, '/v1/cluster/inspection/progress', { cluster_uuid: uuid }, inspection);
  }

  /** The `count` busiest hosts by each figure (`/v1/cluster/top`). */
  top(scope: RequestScope, uuid: string, count: number): Promise<TopAnswer | null> {
    return this.#readOrNull(scope, '/v1/cluster/top', { cluster_uuid: uuid, count }, top);
  }

  async drsConfig(scope: RequestScope, uuid: string): Promise<DrsConfig | null> {
    const data = await this.#readOrNull(scope, '/v1/cluster/compute/service/drsconfig/get', { cluster_uuid: uuid }, drsConfig);
    return data?.config ?? null;
  }

  /** The management plane's center nodes, with their etcd figures and the licence. */
  async centerNodes(scope: RequestScope, uuid: string): Promise<CenterNode[] | null> {
    const data = await this.#readOrNull(scope, '/v1/cluster/cloud/manage', { cluster_uuid: uuid }, cloudManage);
    return data?.host_info ?? null;
  }

  overAllocation(scope: RequestScope, uuid: string): Promise<OverAllocation | null> {
    return this.#readOrNull(scope, '/v1/cluster/get/global/config', { cluster_uuid: uuid }, overAllocation);
  }

  /** Metadata snapshot file names on one center node. */
  async snapshotFiles(scope: RequestScope, clusterUuid: string, ip: string): Promise<string[] | null> {
    const data = await this.#readOrNull(scope, '/v1/cluster/data/snapshot/list', { cluster_uuid: clusterUuid, ip }, metaData);
    return data ? data.meta_data.Snapshot : null;
  }

  async snapshotPolicy(scope: RequestScope, clusterUuid: string, ip: string): Promise<SnapshotPolicy | null> {
    const data = await this.#readOrNull(scope, '/v1/cluster/data/snapshot/config/inspect', { cluster_uuid: clusterUuid, ip }, metaData);
    return data?.meta_data.SnapshotConfig ?? null;
  }

  /** The metadata backup daemon's state on one center node (the example's `running`); null when the cluster is gone. */
  async daemonState(scope: RequestScope, clusterUuid: string, ip: string): Promise<string | null> {
    const data = await this.#readOrNull(scope, '/v1/cluster/data/daemon/state', { cluster_uuid: clusterUuid, ip }, metaData);
    return data ? (data.meta_data.DaemonState ?? '') : null;
  }

  /**
   * A host's task progress. A failed task answers HTTP 200 with a non-zero code and
   * still reports where it stopped: the query worked, the task did not.
   */
  async hostTask(scope: RequestScope, clusterUuid: string, hostUuid: string): Promise<HostTaskReport | null> {
    const route = '/v1/cluster/host/task/progress';
    const reply = await this.#call(scope, route, { cluster_uuid: clusterUuid, host_uuid: hostUuid });
    if (saysGone(reply)) return null;
    const envelope = reply.status === 200 ? envelopeSchema.safeParse(reply.body).data : undefined;
    if (envelope && envelope.code !== 0) {
      const reached = taskProgress.safeParse(envelope.data);
      if (reached.success) {
        return { progress: reached.data.progress, failure: { code: String(envelope.code), message: envelope.message } };
      }
    }
    return decode(this.http, { method: 'GET', route }, reply, ENVELOPE, taskProgress).data;
  }

  /**
   * The cluster's network drawn in a `width` × `height` canvas. A read, which the
   * document sends as a POST with a JSON body; the http layer takes every POST for a
   * write, so it is sent once per asking: not retried, not shared with a request asking
   * the same, and it drops the answers the source keeps.
   */
  async topology(scope: RequestScope, body: { width: number; height: number; cluster_uuid: string }): Promise<TopologyAnswer | null> {
    const route = '/v1/cluster/all_cluster/topology';
    const reply = await this.http.request({ method: 'POST', path: route, route, body, ...(scope.signal ? { signal: scope.signal } : {}) });
    return saysGone(reply) ? null : decode(this.http, { method: 'POST', route }, reply, ENVELOPE, topology).data;
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

  async setDrsConfig(body: { cluster_uuid: string; config: object }, signal?: AbortSignal): Promise<void> {
    await this.#write('/v1/cluster/compute/service/drsconfig/update', body, ignored, signal);
  }

  async setOverAllocation(body: { cluster_uuid: string }, signal?: AbortSignal): Promise<void> {
    await this.#write('/v1/cluster/set/global/config', body, ignored, signal);
  }

  async setSnapshotPolicy(body: { cluster_uuid: string; ip: string; duration: number; display_option: string }, signal?: AbortSignal): Promise<void> {
    await this.#write('/v1/cluster/data/snapshot/config/update', body, ignored, signal);
  }

  /** Starts (`start`) or stops the metadata backup daemon on one center node; both answer an empty DaemonState. */
  async setDaemon(action: 'start' | 'stop', body: { cluster_uuid: string; ip: string }, signal?: AbortSignal): Promise<void> {
    await this.#write(`/v1/cluster/data/daemon/${action}`, body, ignored, signal);
  }

  async #write<T extends z.ZodType>(route: string, body: object, schema: T, signal?: AbortSignal): Promise<z.infer<T>> {
    const reply = await this.http.request({ method: 'POST', path: route, route, body, ...(signal ? { signal } : {}) });
    return decode(this.http, { method: 'POST', route }, reply, ENVELOPE, schema).data;
  }

  // ---- Reads ----

  #call(scope: RequestScope, route: string, query: Record<string, string | number | undefined>): Promise<SourceReply> {
    return this.http.request({ method: 'GET', path: route, route, query, scope });
  }

  /** A read whose "no such cluster/host/file" means null rather than an error. */
  async #readOrNull<T extends z.ZodType>(
    scope: RequestScope,
    route: string,
    query: Record<string, string | number | undefined>,
    schema: T,
  ): Promise<z.output<T> | null> {
    const reply = await this.#call(scope, route, query);
    return saysGone(reply) ? null : decode(this.http, { method: 'GET', route }, reply, ENVELOPE, schema).data;
  }
}
