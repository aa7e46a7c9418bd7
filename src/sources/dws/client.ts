import { z } from 'zod';
import type { IssuedCredential } from '../auth.js';
import { SourceError } from '../errors.js';
import type { SourceCall, SourceHttp, SourceReply, VendorErrorReader } from '../http.js';
import { BARE, decode, openList, replyError } from '../kit/decode.js';
import { type CountedPage, walkPages } from '../kit/paging.js';
import type { RequestScope } from '../scope.js';
import type { DwsSubscriptionKind } from './inputs.js';
import type { VendorPage } from './paging.js';
import {
  type AddCnsBody,
  type AlarmDayWire,
  alarmList,
  alarmStatistics,
  type AlarmWire,
  auditDumpList,
  type AuditDumpWire,
  anyAnswer,
  availabilityZoneList,
  type AvailabilityZoneWire,
  cluster,
  bindableElbList,
  type BindableElbWire,
  clusterDetail,
  type ClusterDetailWire,
  type DomainNameBody,
  clusterList,
  type ClusterWire,
  cnList,
  type CnListWire,
  type CnWire,
  copiedSnapshot,
  type CopySnapshotBody,
  type CreateClusterBody,
  createdCluster,
  createdSnapshot,
  type CreateSnapshotBody,
  type DeleteClusterBody,
  eventList,
  type EventWire,
  nodeTypeList,
  type NodeTypeWire,
  parameterList,
  type ParametersBody,
  parameterTemplateList,
  type ParameterTemplateWire,
  type ParameterWire,
  quotaList,
  type QuotaWire,
  type RemoveCnsBody,
  type ResetPasswordBody,
  type RestoreBody,
  type ScaleOutBody,
  type ShrinkBody,
  type SnapshotPolicyBody,
  snapshotPolicy,
  type SnapshotPolicyWire,
  snapshotDetail,
  snapshotList,
  type SnapshotWire,
  alarmSubscriptionList,
  eventSubscriptionList,
  type SubscriptionBody,
  subscriptionAnswer,
  type SubscriptionWire,
  type TagWire,
  type ResourcePoolBody,
  type WorkloadBody,
  type WorkloadPlanBody,
  workloadQueues,
  workloadStatus,
  type WorkloadStatusWire,
  token,
} from './wire.js';

/**
 * Raw calls to Huawei Cloud DWS (document 003) and the IAM token API it authenticates
 * against. Every DWS path is below `/{version}/{project_id}`; the project id comes from
 * the token (or the `projectId` override). Bodies are plain objects; errors are
 * `{error_code, error_msg}` from DWS and the API gateway, and Keystone's
 * `{error: {code, title, message}}` from IAM.
 */

// ---- Errors ----

const dwsErrorBody = z.object({ error_code: z.string(), error_msg: z.string().nullish() }).loose();
const keystoneErrorBody = z
  .object({ error: z.object({ code: z.union([z.number(), z.string()]).nullish(), message: z.string().nullish(), title: z.string().nullish() }).loose() })
  .loose();

export const readDwsError: VendorErrorReader = (body) => {
  const dws = dwsErrorBody.safeParse(body);
  if (dws.success) return { code: dws.data.error_code, ...(dws.data.error_msg ? { message: dws.data.error_msg } : {}) };
  const keystone = keystoneErrorBody.safeParse(body);
  if (keystone.success) {
    const { code, message, title } = keystone.data.error;
    const text = message || title;
    return { ...(code !== null && code !== undefined ? { code: String(code) } : {}), ...(text ? { message: text } : {}) };
  }
  return undefined;
};

/**
 * Answers that mean "no such object": a 404 from DWS itself (the API gateway's
 * APIGW.0101 is a wrong path, not a missing object), and the 400s DWS gives for a
 * snapshot id it cannot resolve (DWS.5149 invalid snapshot id, DWS.5111 backup file
 * does not exist).
 */
const NOT_FOUND_CODES = new Set(['DWS.5149', 'DWS.5111']);
const saysNotFound = (status: number | undefined, code: string | undefined): boolean =>
  status === 404 ? code !== 'APIGW.0101' : status === 400 && code !== undefined && NOT_FOUND_CODES.has(code);
const isNotFound = (reply: SourceReply): boolean => saysNotFound(reply.status, readDwsError(reply.body)?.code);

/** A write's refusal that means "no such object" (the same answers as a read's). */
export const isNotFoundError = (err: unknown): err is SourceError =>
  err instanceof SourceError && err.code === 'SOURCE_ERROR' && saysNotFound(err.detail.httpStatus, err.detail.vendorCode);

/** Who the token is for: the project every path names, and the region IAM says DWS is in. */
export interface Identity {
  projectId: string;
  region?: string;
}

export interface Credentials {
  user: string;
  password: string;
  domain: string;
  project: string;
}

/**
 * The events and alarm APIs default to 1000 and 10 records a page and document no
 * maximum; 1000 is the largest size the document shows the vendor serving, so both
 * are walked in pages of 1000.
 */
export const LIST_PAGE_SIZE = 1000;

/** DWS's `offset` is the page index, from 0; pages are read one at a time. */
const walkOptions = (atLeast: number | undefined) => ({ pageSize: LIST_PAGE_SIZE, firstPage: 0, ...(atLeast !== undefined ? { atLeast } : {}) });

/** Where each kind of subscription lives (5.8.3-5.8.6, 5.9.2-5.9.5), and the path parameter naming one. */
const SUBSCRIPTIONS = {
  alarm: { route: '/v2/{project_id}/alarm-subs', item: '/v2/{project_id}/alarm-subs/{alarm_sub_id}', id: 'alarm_sub_id' },
  event: { route: '/v2/{project_id}/event-subs', item: '/v2/{project_id}/event-subs/{event_sub_id}', id: 'event_sub_id' },
} as const;

/** Alarm dates are local times in `time_zone`; asking for GMT makes them UTC. */
const ALARM_TIME_ZONE = 'GMT';

/**
 * IAM password login scoped to the project by name (3.2), over `iam` (the DWS endpoint
 * itself or the region's IAM host): the token, which is in `X-Subject-Token`, and whom
 * it is for.
 */
export async function login(iam: SourceHttp, credentials: Credentials, signal?: AbortSignal): Promise<{ credential: IssuedCredential; identity: Identity }> {
  const route = '/v3/auth/tokens';
  const reply = await iam.request({
    method: 'POST',
    path: route,
    route,
    auth: false,
    ...(signal ? { signal } : {}),
    body: {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: credentials.user, password: credentials.password, domain: { name: credentials.domain } } },
        },
        scope: { project: { name: credentials.project } },
      },
    },
  });
  const body = decode(iam, { method: 'POST', route }, reply, BARE, token).data;
  const header = reply.headers['x-subject-token'];
  const subject = Array.isArray(header) ? header[0] : header;
  if (!subject) throw replyError(iam, 'SOURCE_BAD_RESPONSE', { method: 'POST', route }, reply, 'answered without the X-Subject-Token header a login carries');
  const expiresAt = Date.parse(body.token.expires_at);
  if (Number.isNaN(expiresAt))
    throw replyError(iam, 'SOURCE_BAD_RESPONSE', { method: 'POST', route }, reply, `answered token.expires_at "${body.token.expires_at}", which is not a time`);
  const region = body.token.catalog?.find((c) => c.type === 'dws')?.endpoints.find((e) => e.region_id || e.region);
  return {
    credential: { headers: { 'x-auth-token': subject }, expiresAt },
    identity: { projectId: body.token.project.id, ...(region ? { region: (region.region_id || region.region) as string } : {}) },
  };
}

export class DwsClient {
  constructor(
    private readonly http: SourceHttp,
    /** Whom the current token is for, logging in first if there is none. */
    readonly identity: (signal?: AbortSignal) => Promise<Identity>,
  ) {}

  // ---- Clusters and nodes ----

  async clusters(scope: RequestScope): Promise<ClusterWire[]> {
    return (await this.#get(scope, '/v1.0/{project_id}/clusters', {}, clusterList)).clusters;
  }

  /** The clusters `clusters` answers, each handed to `visit` as it is read and not kept (kit/decode.ts openList). */
  async eachCluster(scope: RequestScope, visit: (cluster: ClusterWire, shared: boolean) => void): Promise<void> {
    const route = '/v1.0/{project_id}/clusters';
    openList(this.http, { method: 'GET', route }, await this.#send(scope, route, {}), BARE, clusterList, ['clusters'], cluster).each(visit);
  }

  async cluster(scope: RequestScope, id: string): Promise<ClusterDetailWire | null> {
    return (await this.#find(scope, '/v1.0/{project_id}/clusters/{cluster_id}', { cluster_id: id }, clusterDetail))?.cluster ?? null;
  }

  /** CN instances of a cluster (5.3.1); null when the cluster is gone. */
  async coordinators(scope: RequestScope, clusterId: string): Promise<CnWire[] | null> {
    const body = await this.coordinatorList(scope, clusterId);
    return body ? (body.instances ?? []) : null;
  }

  /** The CN list with the counts the cluster allows; null when the cluster is gone. */
  coordinatorList(scope: RequestScope, clusterId: string): Promise<CnListWire | null> {
    return this.#find(scope, '/v1.0/{project_id}/clusters/{cluster_id}/cns', { cluster_id: clusterId }, cnList);
  }

  // ---- Snapshots ----

  /** Every snapshot of the project (5.5.2): one unpaged call. */
  async snapshots(scope: RequestScope): Promise<CountedPage<SnapshotWire>> {
    const body = await this.#get(scope, '/v1.0/{project_id}/snapshots', {}, snapshotList);
    return { items: body.snapshots, total: body.count ?? body.snapshots.length };
  }

  /**
   * One cluster's snapshots newest first (5.5.3). Without `page` the vendor's default
   * "no limit" returns them all in one call. null when the cluster is gone.
   */
  async clusterSnapshots(scope: RequestScope, clusterId: string, page?: VendorPage): Promise<CountedPage<SnapshotWire> | null> {
    const body = await this.#find(scope, '/v1.0/{project_id}/clusters/{cluster_id}/snapshots', { cluster_id: clusterId }, snapshotList, {
      sort_key: 'started',
      sort_dir: 'desc',
      ...(page ? { offset: page.offset, limit: page.limit } : {}),
    });
    return body ? { items: body.snapshots, total: body.count ?? body.snapshots.length } : null;
  }

  async snapshot(scope: RequestScope, id: string): Promise<SnapshotWire | null> {
    return (await this.#find(scope, '/v1.0/{project_id}/snapshots/{snapshot_id}', { snapshot_id: id }, snapshotDetail))?.snapshot ?? null;
  }

  /** A cluster's snapshot policy (5.5.4); null when the cluster is gone. */
  snapshotPolicy(scope: RequestScope, clusterId: string): Promise<SnapshotPolicyWire | null> {
    return this.#find(scope, '/v2/{project_id}/clusters/{cluster_id}/snapshot-policies', { cluster_id: clusterId }, snapshotPolicy);
  }

  /** The ELBs of the cluster's VPC it can be bound to (5.7.4); null when the cluster is gone. */
  async bindableElbs(scope: RequestScope, clusterId: string): Promise<BindableElbWire[] | null> {
    return (await this.#find(scope, '/v2/{project_id}/clusters/{cluster_id}/elbs', { cluster_id: clusterId }, bindableElbList))?.elbs ?? null;
  }

  /** The cluster's audit log dumps (5.13.1, unpaged); null when the cluster is gone. */
  async auditDumps(scope: RequestScope, clusterId: string): Promise<AuditDumpWire[] | null> {
    return (await this.#find(scope, '/v1.0/{project_id}/clusters/{cluster_id}/audit-log-records', { cluster_id: clusterId }, auditDumpList))?.records ?? null;
  }

  // ---- Resource management (5.4) ----

  /** Whether resource management is on (5.4.1); null when the cluster is gone. */
  workload(scope: RequestScope, clusterId: string): Promise<WorkloadStatusWire | null> {
    return this.#find(scope, '/v2/{project_id}/clusters/{cluster_id}/workload', { cluster_id: clusterId }, workloadStatus);
  }

  /** The names of the cluster's resource pools (5.4.3), of one logical cluster in that mode; null when the cluster is gone. */
  async resourcePools(scope: RequestScope, clusterId: string, logicalCluster?: string): Promise<string[] | null> {
    const query = logicalCluster !== undefined ? { logical_cluster_name: logicalCluster } : undefined;
    const body = await this.#find(scope, '/v2/{project_id}/clusters/{cluster_id}/workload/queues', { cluster_id: clusterId }, workloadQueues, query);
    return body ? (body.workload_queue_name_list ?? []) : null;
  }

  // ---- Parameter templates (5.12) ----

  /** The templates associated with a cluster (5.12.1); null when the cluster is gone. */
  async parameterTemplates(scope: RequestScope, clusterId: string): Promise<ParameterTemplateWire[] | null> {
    return (
      (await this.#find(scope, '/v1.0/{project_id}/clusters/{cluster_id}/configurations', { cluster_id: clusterId }, parameterTemplateList))?.configurations ??
      null
    );
  }

  /** A template's parameters (5.12.2); null when the cluster or the template is gone. */
  async parameters(scope: RequestScope, clusterId: string, templateId: string): Promise<ParameterWire[] | null> {
    const route = '/v1.0/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}';
    return (await this.#find(scope, route, { cluster_id: clusterId, configuration_id: templateId }, parameterList))?.configurations ?? null;
  }

  // ---- Events and alarms: project-wide, newest first, paged by page index. ----

  /** The first `atLeast` events (all without it), walking pages of LIST_PAGE_SIZE. */
  events(scope: RequestScope, atLeast?: number): Promise<CountedPage<EventWire>> {
    return walkPages(async (offset) => {
      const body = await this.#get(scope, '/v2/{project_id}/events', {}, eventList, { offset, limit: LIST_PAGE_SIZE });
      return { items: body.events, total: body.count };
    }, walkOptions(atLeast));
  }

  /** The first `atLeast` alarms (all without it), with dates in UTC. */
  alarms(scope: RequestScope, atLeast?: number): Promise<CountedPage<AlarmWire>> {
    return walkPages(async (offset) => {
      const body = await this.#get(scope, '/v2/{project_id}/alarms', {}, alarmList, { time_zone: ALARM_TIME_ZONE, offset, limit: LIST_PAGE_SIZE });
      return { items: body.alarm_details, total: body.count };
    }, walkOptions(atLeast));
  }

  /** Every subscription of a kind, walking pages of LIST_PAGE_SIZE (the vendor's default size). */
  async subscriptions(scope: RequestScope, kind: DwsSubscriptionKind): Promise<SubscriptionWire[]> {
    const { route } = SUBSCRIPTIONS[kind];
    const page = async (offset: number) => {
      const query = { offset, limit: LIST_PAGE_SIZE };
      if (kind === 'alarm') {
        const body = await this.#get(scope, route, {}, alarmSubscriptionList, query);
        return { items: body.alarm_subscriptions, total: body.count ?? undefined };
      }
      const body = await this.#get(scope, route, {}, eventSubscriptionList, query);
      return { items: body.event_subscriptions ?? body.event_subscription ?? [], total: body.count ?? undefined };
    };
    return (await walkPages(page, walkOptions(undefined))).items;
  }

  // ---- What a create form offers: the project's AZs (5.1.1), flavors (5.2.1) and quotas (5.10.1), each one unpaged call. ----

  async availabilityZones(scope: RequestScope): Promise<AvailabilityZoneWire[]> {
    return (await this.#get(scope, '/v1.0/{project_id}/availability-zones', {}, availabilityZoneList)).availability_zones;
  }

  /** The v2 flavor list, which has the AZs, kernel versions and storage the Getting Started v1.0 list leaves out. */
  async nodeTypes(scope: RequestScope): Promise<NodeTypeWire[]> {
    return (await this.#get(scope, '/v2/{project_id}/node-types', {}, nodeTypeList)).node_types;
  }

  async quotas(scope: RequestScope): Promise<QuotaWire[]> {
    return (await this.#get(scope, '/v1.0/{project_id}/quotas', {}, quotaList)).quotas.resources;
  }

  /** Alarms raised per day and level over the last seven days (5.8.2), days in UTC. */
  async alarmStatistics(scope: RequestScope): Promise<AlarmDayWire[]> {
    return (await this.#get(scope, '/v2/{project_id}/alarm-statistic', {}, alarmStatistics, { time_zone: ALARM_TIME_ZONE })).alarm_statistics;
  }

  /** The cheapest authenticated read: one event. */
  async probe(scope: RequestScope): Promise<void> {
    await this.#get(scope, '/v2/{project_id}/events', {}, eventList, { offset: 0, limit: 1 });
  }

  // ---- Writes: each sent once (the HTTP layer never retries one); a refusal is a SourceError. ----

  /** 5.2.4; answers the new cluster's id. */
  async createCluster(body: CreateClusterBody, signal?: AbortSignal): Promise<string> {
    return (await this.#write('POST', '/v1.0/{project_id}/clusters', {}, body, createdCluster, signal)).cluster.id;
  }

  /** 5.2.9 */
  async deleteCluster(clusterId: string, body: DeleteClusterBody, signal?: AbortSignal): Promise<void> {
    await this.#write('DELETE', '/v1.0/{project_id}/clusters/{cluster_id}', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.2.6: the body is a bare restart flag. */
  async restartCluster(clusterId: string, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v1.0/{project_id}/clusters/{cluster_id}/restart', { cluster_id: clusterId }, { restart: {} }, anyAnswer, signal);
  }

  /** 5.2.7: done when DWS answers. */
  async resetPassword(clusterId: string, body: ResetPasswordBody, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v1.0/{project_id}/clusters/{cluster_id}/reset-password', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.2.8: no body; done when DWS answers. */
  async cancelReadOnly(clusterId: string, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v1.0/{project_id}/clusters/{cluster_id}/cancel-readonly', { cluster_id: clusterId }, undefined, anyAnswer, signal);
  }

  /** 5.5.10: done when DWS answers. */
  async setSnapshotPolicy(clusterId: string, body: SnapshotPolicyBody, signal?: AbortSignal): Promise<void> {
    await this.#write('PUT', '/v2/{project_id}/clusters/{cluster_id}/snapshot-policies', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.5.6: one strategy of the policy, by its `policy_id`. */
  async deleteSnapshotStrategy(clusterId: string, strategyId: string, signal?: AbortSignal): Promise<void> {
    await this.#write(
      'DELETE',
      '/v1.0/{project_id}/clusters/{cluster_id}/snapshot-policies/{id}',
      { cluster_id: clusterId, id: strategyId },
      undefined,
      anyAnswer,
      signal,
    );
  }

  /** 5.12.3: DWS applies the values as a cluster task. */
  async setParameters(clusterId: string, templateId: string, body: ParametersBody, signal?: AbortSignal): Promise<void> {
    const route = '/v2/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}';
    await this.#write('PUT', route, { cluster_id: clusterId, configuration_id: templateId }, body, anyAnswer, signal);
  }

  /** 5.8.4 / 5.9.3; answers the new subscription. */
  async createSubscription(kind: DwsSubscriptionKind, body: SubscriptionBody, signal?: AbortSignal): Promise<SubscriptionWire> {
    return this.#write('POST', SUBSCRIPTIONS[kind].route, {}, body, subscriptionAnswer, signal);
  }

  /** 5.8.5 / 5.9.4: the whole subscription. */
  async updateSubscription(kind: DwsSubscriptionKind, id: string, body: SubscriptionBody, signal?: AbortSignal): Promise<void> {
    const { item, id: name } = SUBSCRIPTIONS[kind];
    await this.#write('PUT', item, { [name]: id }, body, anyAnswer, signal);
  }

  /** 5.8.6 / 5.9.5 */
  async deleteSubscription(kind: DwsSubscriptionKind, id: string, signal?: AbortSignal): Promise<void> {
    const { item, id: name } = SUBSCRIPTIONS[kind];
    await this.#write('DELETE', item, { [name]: id }, undefined, anyAnswer, signal);
  }

  /** 5.7.1 (`create`) or 5.7.2: done when DWS answers. */
  async setDomainName(clusterId: string, body: DomainNameBody, create: boolean, signal?: AbortSignal): Promise<void> {
    await this.#write(create ? 'POST' : 'PUT', '/v1.0/{project_id}/clusters/{cluster_id}/dns', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.7.3: only the public name can go. */
  async deletePublicDomainName(clusterId: string, signal?: AbortSignal): Promise<void> {
    await this.#write('DELETE', '/v1.0/{project_id}/clusters/{cluster_id}/dns', { cluster_id: clusterId }, undefined, anyAnswer, signal, { type: 'public' });
  }

  /** 5.7.5 (`bind`) or 5.7.6: DWS answers a job id and runs it as the cluster's ELB_BINDING / ELB_UNBINDING task. */
  async bindElb(clusterId: string, elbId: string, bind: boolean, signal?: AbortSignal): Promise<void> {
    const route = '/v2/{project_id}/clusters/{cluster_id}/elbs/{elb_id}';
    await this.#write(bind ? 'POST' : 'DELETE', route, { cluster_id: clusterId, elb_id: elbId }, undefined, anyAnswer, signal);
  }

  /** 5.7.7 (`bind`) or 5.7.8: no body either way; done when DWS answers. */
  async bindEip(clusterId: string, eipId: string, bind: boolean, signal?: AbortSignal): Promise<void> {
    const route = '/v2/{project_id}/clusters/{cluster_id}/eips/{eip_id}';
    await this.#write(bind ? 'POST' : 'DELETE', route, { cluster_id: clusterId, eip_id: eipId }, undefined, anyAnswer, signal);
  }

  /** 5.4.6: done when DWS answers, as are the other resource management writes. */
  async setWorkload(clusterId: string, body: WorkloadBody, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v2/{project_id}/clusters/{cluster_id}/workload', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.4.2 */
  async createWorkloadPlan(clusterId: string, body: WorkloadPlanBody, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v2/{project_id}/clusters/{cluster_id}/workload/plans', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.4.4 */
  async createResourcePool(clusterId: string, body: ResourcePoolBody, signal?: AbortSignal): Promise<void> {
    await this.#write('PUT', '/v2/{project_id}/clusters/{cluster_id}/workload/queues', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.4.5: the pool by name, in the query. */
  async deleteResourcePool(clusterId: string, name: string, logicalCluster: string | undefined, signal?: AbortSignal): Promise<void> {
    const query = { workload_queue_name: name, ...(logicalCluster !== undefined ? { logical_cluster_name: logicalCluster } : {}) };
    await this.#write('DELETE', '/v2/{project_id}/clusters/{cluster_id}/workload/queues', { cluster_id: clusterId }, undefined, anyAnswer, signal, query);
  }

  /** 5.3.4 */
  async scaleOut(clusterId: string, body: ScaleOutBody, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v1.0/{project_id}/clusters/{cluster_id}/resize', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.3.5, at the URI its table gives (its example posts to `/shrink`). */
  async scaleIn(clusterId: string, body: ShrinkBody, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v1.0/{project_id}/clusters/{cluster_id}/cluster-shrink', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.3.2 */
  async addCoordinators(clusterId: string, body: AddCnsBody, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v1.0/{project_id}/clusters/{cluster_id}/cns/batch-create', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.3.3 */
  async removeCoordinators(clusterId: string, body: RemoveCnsBody, signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v1.0/{project_id}/clusters/{cluster_id}/cns/batch-delete', { cluster_id: clusterId }, body, anyAnswer, signal);
  }

  /** 5.11.3 */
  async addTags(clusterId: string, tags: TagWire[], signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v1.0/{project_id}/clusters/{cluster_id}/tags/batch-create', { cluster_id: clusterId }, { tags }, anyAnswer, signal);
  }

  /** 5.11.4: each tag by key and its current value. */
  async deleteTags(clusterId: string, tags: TagWire[], signal?: AbortSignal): Promise<void> {
    await this.#write('POST', '/v1.0/{project_id}/clusters/{cluster_id}/tags/batch-delete', { cluster_id: clusterId }, { tags }, anyAnswer, signal);
  }

  /** 5.5.1; answers the new snapshot's id. */
  async createSnapshot(body: CreateSnapshotBody, signal?: AbortSignal): Promise<string> {
    return (await this.#write('POST', '/v1.0/{project_id}/snapshots', {}, body, createdSnapshot, signal)).snapshot.id;
  }

  /** 5.5.7 */
  async deleteSnapshot(snapshotId: string, signal?: AbortSignal): Promise<void> {
    await this.#write('DELETE', '/v1.0/{project_id}/snapshots/{snapshot_id}', { snapshot_id: snapshotId }, undefined, anyAnswer, signal);
  }

  /** 5.5.8; answers the id of the cluster the snapshot is restored into. */
  async restoreSnapshot(snapshotId: string, body: RestoreBody, signal?: AbortSignal): Promise<string> {
    return (await this.#write('POST', '/v1.0/{project_id}/snapshots/{snapshot_id}/actions', { snapshot_id: snapshotId }, body, createdCluster, signal)).cluster
      .id;
  }

  /** 5.5.9; answers the copy's id. */
  async copySnapshot(snapshotId: string, body: CopySnapshotBody, signal?: AbortSignal): Promise<string> {
    return (await this.#write('POST', '/v1.0/{project_id}/snapshots/{snapshot_id}/linked-copy', { snapshot_id: snapshotId }, body, copiedSnapshot, signal))
      .snapshot_id;
  }

  // ---- Plumbing ----

  async #write<S extends z.ZodType>(
    method: 'POST' | 'PUT' | 'DELETE',
    route: string,
    params: Record<string, string>,
    body: unknown,
    schema: S,
    signal?: AbortSignal,
    query?: SourceCall['query'],
  ): Promise<z.infer<S>> {
    const path = await this.#path(route, params, signal);
    const reply = await this.http.request({
      method,
      path,
      route,
      ...(body !== undefined ? { body } : {}),
      ...(signal ? { signal } : {}),
      ...(query ? { query } : {}),
    });
    return decode(this.http, { method, route }, reply, BARE, schema).data;
  }

  /** A GET whose 404 means "no such object": null then. */
  async #find<S extends z.ZodType>(
    scope: RequestScope,
    route: string,
    params: Record<string, string>,
    schema: S,
    query?: SourceCall['query'],
  ): Promise<z.infer<S> | null> {
    const reply = await this.#send(scope, route, params, query);
    if (isNotFound(reply)) return null;
    return decode(this.http, { method: 'GET', route }, reply, BARE, schema).data;
  }

  async #get<S extends z.ZodType>(
    scope: RequestScope,
    route: string,
    params: Record<string, string>,
    schema: S,
    query?: SourceCall['query'],
  ): Promise<z.infer<S>> {
    return decode(this.http, { method: 'GET', route }, await this.#send(scope, route, params, query), BARE, schema).data;
  }

  async #send(scope: RequestScope, route: string, params: Record<string, string>, query?: SourceCall['query']): Promise<SourceReply> {
    const path = await this.#path(route, params, scope.signal);
    return this.http.request({ method: 'GET', path, route, scope, ...(query ? { query } : {}) });
  }

  /** `route` with the token's project id and `params` filled in. */
  async #path(route: string, params: Record<string, string>, signal?: AbortSignal): Promise<string> {
    const { projectId } = await this.identity(signal);
    const values: Record<string, string> = { project_id: projectId, ...params };
    return route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
  }
}
