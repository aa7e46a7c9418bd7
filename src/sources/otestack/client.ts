import type { z } from 'zod';
import type { IssuedCredential } from '../auth.js';
import { SourceError } from '../errors.js';
import type { SourceCall, SourceHttp, SourceReply, VendorErrorReader } from '../http.js';
import { BARE, decode } from '../kit/decode.js';
import { type Page, walkPages } from '../kit/paging.js';
import type { RequestScope } from '../scope.js';
import {
  ackReply,
  appDetailReply,
  appListReply,
  auditList,
  businessDetailReply,
  businessList,
  externalRepoList,
  imageList,
  projectList,
  tagList,
  userList,
  type OteBusinessRow,
  type OteCreateAppBody,
  type OteCreateBusinessBody,
  type OteCreateExternalRepoBody,
  type OteCreateUserBody,
  type OteExternalRepoRow,
  type OteImageRow,
  type OteProjectRow,
  type OteTagRow,
  type OteUserRow,
  authInfoReply,
  clusterLabelList,
  clusterList,
  deploymentDetailReply,
  deploymentList,
  envelope,
  labelNamesReply,
  nodeList,
  nodeRefList,
  type OteApp,
  type OteAudit,
  type OteAuditDecisionBody,
  type OteCluster,
  type OteClusterLabelBody,
  type OteNodeLabelBody,
  type OteCreateDeploymentBody,
  type OteDeployment,
  type OteDeploymentDetail,
  type OteNode,
  type OteNodeRef,
  type OteVersionBody,
  tokenReply,
} from './wire.js';

/**
 * Raw calls to the OTE-stack API (document 004): paths, query parameters, the
 * `{code, message, data, total}` envelope, paging and the token calls. Nothing here
 * maps to the unified model; map.ts does.
 */

/** "During the validity period (1 hour)": the lifetime when a token does not say. */
export const TOKEN_LIFETIME_MS = 60 * 60_000;

/**
 * The largest page asked for where the document gives a default but no "0 for no
 * limit" (nodes, the audit list). A vendor that caps it serves fewer; `walkPages`
 * notices and continues at the vendor's size.
 */
export const PAGE_SIZE = 1000;

export interface NodeQuery {
  clusterName?: string;
  nodeLabel?: string;
  nodeName?: string;
}

export const readOteError: VendorErrorReader = (body) => {
  const parsed = envelope.safeParse(body);
  if (!parsed.success || parsed.data.code === undefined || Number(parsed.data.code) === 200) return undefined;
  return { code: String(parsed.data.code), ...(parsed.data.message !== undefined ? { message: parsed.data.message } : {}) };
};

/**
 * The token as `TokenAuth` keeps it: sent raw in `Authorization` (no "Bearer"), expiring
 * at the JWT's `exp` claim. A token without a readable `exp`, or with one already past
 * by our clock (the vendor's clock disagrees with ours), is given the documented hour.
 */
/**
 * A read the vendor answered 404. Where the caller knows the object should be there (an
 * operation on a cluster the caller named), that is "no such object"; where a list just
 * named it, it is only an error (the same body comes from a proxy's unknown route).
 */
export const isNotFound = (err: unknown): boolean => err instanceof SourceError && err.detail.httpStatus === 404;

export function tokenCredential(token: string, issuedAt: number): IssuedCredential {
  const exp = jwtExpiry(token);
  return { headers: { authorization: token }, expiresAt: exp !== undefined && exp > issuedAt ? exp : issuedAt + TOKEN_LIFETIME_MS };
}

function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = (claims as { exp?: unknown } | null)?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** POST /v1/authorization over `http` (the source's, or its `authUrl`'s): a fresh token for the user. */
export async function login(http: SourceHttp, user: string, password: string, signal?: AbortSignal): Promise<string> {
  const call: SourceCall = {
    method: 'POST',
    path: '/v1/authorization',
    route: '/v1/authorization',
    body: { user, password },
    auth: false,
    ...(signal ? { signal } : {}),
  };
  return decode(http, call, await http.request(call), BARE, tokenReply).data.token;
}

/** PUT /v1/authorization over `http`: a new token with a new expiry, for a still valid one. */
export async function refresh(http: SourceHttp, token: string, signal?: AbortSignal): Promise<string> {
  const call: SourceCall = {
    method: 'PUT',
    path: '/v1/authorization',
    route: '/v1/authorization',
    headers: { authorization: token },
    auth: false,
    ...(signal ? { signal } : {}),
  };
  return decode(http, call, await http.request(call), BARE, tokenReply).data.token;
}

export class OteClient {
  constructor(private readonly http: SourceHttp) {}

  /** POST /v1/authorization: a fresh token for the configured user. */
  /** GET /v1/authorization: the cheapest authenticated call there is. */
  async whoAmI(signal?: AbortSignal): Promise<void> {
    const call: SourceCall = { method: 'GET', path: '/v1/authorization', route: '/v1/authorization', ...(signal ? { signal } : {}) };
    this.#decode(call, await this.http.request(call), authInfoReply);
  }

  /** GET /v1/cluster without paging: every cluster (the page size defaults to "no limit"). */
  async clusters(scope: RequestScope, clusterLabel?: string): Promise<Page<OteCluster>> {
    return this.#list(scope, '/v1/cluster', { clusterLabel }, clusterList);
  }

  /** One page of GET /v1/cluster, in the vendor's stable order. */
  async clusterPage(scope: RequestScope, clusterLabel: string | undefined, page: number, pageSize: number): Promise<Page<OteCluster>> {
    return this.#list(scope, '/v1/cluster', { clusterLabel, page, pageSize }, clusterList);
  }

  /** GET /v1/cluster/label: every cluster label in use. */
  async clusterLabelNames(scope: RequestScope): Promise<string[]> {
    const call = this.#getCall(scope, '/v1/cluster/label', '/v1/cluster/label', {});
    return this.#decode(call, await this.http.request(call), labelNamesReply).data;
  }

  /**
   * GET /v1/cluster/label/{clusterName} (pageSize 0: no limit). Its 404 is an error: the
   * vendor's 404 body is the same for a cluster that does not exist and for a route its
   * proxy does not know, so it cannot say the cluster is gone (see `isNotFound`).
   */
  async labelsOfCluster(scope: RequestScope, clusterName: string): Promise<string[]> {
    const call = this.#getCall(scope, `/v1/cluster/label/${encodeURIComponent(clusterName)}`, '/v1/cluster/label/{clusterName}', { pageSize: 0 });
    return this.#decode(call, await this.http.request(call), clusterLabelList).data.map((l) => l.clusterLabel);
  }

  /** GET /v1/node, every page. */
  async nodes(scope: RequestScope, query: NodeQuery = {}): Promise<Page<OteNode>> {
    return walkPages((page, pageSize) => this.nodePage(scope, query, page, pageSize), { pageSize: PAGE_SIZE });
  }

  async nodePage(scope: RequestScope, query: NodeQuery, page: number, pageSize: number): Promise<Page<OteNode>> {
    return this.#list(scope, '/v1/node', { ...query, page, pageSize }, nodeList);
  }

  /**
   * The nodes carrying one label, projected to their identity: the node list has no
   * labels, so a node's labels are known only by asking which nodes carry each one.
   */
  async nodesLabelled(scope: RequestScope, nodeLabel: string): Promise<OteNodeRef[]> {
    const refs = await walkPages((page, pageSize) => this.#list(scope, '/v1/node', { nodeLabel, field: 'nodeName,clusterName', page, pageSize }, nodeRefList), {
      pageSize: PAGE_SIZE,
    });
    return refs.items;
  }

  /** GET /v1/node/label: every node label in any cluster. */
  async nodeLabelNames(scope: RequestScope): Promise<string[]> {
    const call = this.#getCall(scope, '/v1/node/label', '/v1/node/label', {});
    return this.#decode(call, await this.http.request(call), labelNamesReply).data;
  }

  /** GET /v1/deploy with pageSize 0 (no limit); `editable: false` leaves out those open to a new operation. */
  async deployments(scope: RequestScope, editable?: boolean): Promise<OteDeployment[]> {
    return (await this.#list(scope, '/v1/deploy', { pageSize: 0, editable }, deploymentList)).items;
  }

  /** GET /v1/deploy/id/{id}?field=historyVersion; null when there is no such deployment. */
  async deployment(scope: RequestScope, id: number): Promise<OteDeploymentDetail | null> {
    const call = this.#getCall(scope, `/v1/deploy/id/${encodeURIComponent(id)}`, '/v1/deploy/id/{deployId}', { field: 'historyVersion' });
    const reply = await this.http.request(call);
    if (reply.status === 404) return null;
    return this.#decode(call, reply, deploymentDetailReply).data;
  }

  /** GET /v1/admin/deploy, every page: the audit records (administrators only). */
  async audits(scope: RequestScope): Promise<OteAudit[]> {
    const all = await walkPages((page, pageSize) => this.#list(scope, '/v1/admin/deploy', { page, pageSize }, auditList), { pageSize: PAGE_SIZE });
    return all.items;
  }

  /** GET /v1/app, every page: the application catalogue, every version, names containing `nameContains` where given. */
  applications(scope: RequestScope, nameContains?: string): Promise<OteApp[]> {
    return this.#apps(scope, nameContains ? { appName: nameContains, appNameMode: 'partial' } : {});
  }

  /** GET /v1/app for one application (exact name), every version. */
  appVersions(scope: RequestScope, appName: string): Promise<OteApp[]> {
    return this.#apps(scope, { appName, appNameMode: 'strict' });
  }

  async #apps(scope: RequestScope, filter: Record<string, string>): Promise<OteApp[]> {
    const all = await walkPages(
      async (page, pageSize) => {
        const call = this.#getCall(scope, '/v1/app', '/v1/app', { ...filter, page, pageSize });
        return this.#decode(call, await this.http.request(call), appListReply);
      },
      { pageSize: PAGE_SIZE },
    );
    return all.items;
  }

  /** GET /v1/app/{appId} (the heading's path; the example calls /v1/app/id/1); null when there is no such application. */
  async app(scope: RequestScope, id: number): Promise<OteApp | null> {
    const call = this.#getCall(scope, `/v1/app/${encodeURIComponent(id)}`, '/v1/app/{appId}', {});
    const reply = await this.http.request(call);
    if (reply.status === 404) return null;
    return this.#decode(call, reply, appDetailReply).data;
  }

  /** GET /v1/repository/project, every page: the Harbor projects the user can see. */
  async projects(scope: RequestScope): Promise<OteProjectRow[]> {
    return (await walkPages((page, pageSize) => this.#list(scope, '/v1/repository/project', { page, pageSize }, projectList), { pageSize: PAGE_SIZE })).items;
  }

  /** GET /v1/repository/image of one project (the document requires it), names containing `nameContains` where given; pageSize 0: no limit. */
  async images(scope: RequestScope, projectName: string, nameContains?: string): Promise<OteImageRow[]> {
    return (await this.#list(scope, '/v1/repository/image', { projectName, imageName: nameContains, pageSize: 0 }, imageList)).items;
  }

  /** GET /v1/repository/image/tag of one image; pageSize 0: no limit. */
  async imageTags(scope: RequestScope, imageName: string): Promise<OteTagRow[]> {
    return (await this.#list(scope, '/v1/repository/image/tag', { imageName, pageSize: 0 }, tagList)).items;
  }

  /** GET /v1/repository/third; pageSize 0: no limit. */
  async externalRepos(scope: RequestScope): Promise<OteExternalRepoRow[]> {
    return (await this.#list(scope, '/v1/repository/third', { pageSize: 0 }, externalRepoList)).items;
  }

  /** GET /v1/admin/user, every page (administrators only: the vendor refuses anyone else). */
  async users(scope: RequestScope): Promise<OteUserRow[]> {
    return (await walkPages((page, pageSize) => this.#list(scope, '/v1/admin/user', { page, pageSize }, userList), { pageSize: PAGE_SIZE })).items;
  }

  /** GET /v1/business, every page, names containing `name` where given. */
  async businesses(scope: RequestScope, name?: string): Promise<OteBusinessRow[]> {
    return (await walkPages((page, pageSize) => this.#list(scope, '/v1/business', { name, page, pageSize }, businessList), { pageSize: PAGE_SIZE })).items;
  }

  /** GET /v1/business/id/{id}; null when there is no such business. */
  async business(scope: RequestScope, id: number): Promise<OteBusinessRow | null> {
    const call = this.#getCall(scope, `/v1/business/id/${encodeURIComponent(id)}`, '/v1/business/id/{id}', {});
    const reply = await this.http.request(call);
    if (reply.status === 404) return null;
    return this.#decode(call, reply, businessDetailReply).data;
  }

  /**
   * GET /v1/deploy for one application (exact name), deleted ones included. Create
   * Deployment answers no id: this is how the new deployment is found.
   */
  async deploymentsOfApp(scope: RequestScope, appName: string): Promise<OteDeployment[]> {
    return (await this.#list(scope, '/v1/deploy', { pageSize: 0, appName, appNameMode: 'strict' }, deploymentList)).items;
  }

  // ---- Writes: each sent once (the HTTP layer never retries one). ----

  /** POST /v1/deploy (the heading's path; the example posts to /v1/deploy/install). */
  async createDeployment(body: OteCreateDeploymentBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'POST', path: '/v1/deploy', route: '/v1/deploy', body }, signal);
  }

  /** POST /v1/deploy/id/{deployId}: Upgrade Deployment. */
  async upgradeDeployment(id: number, body: OteVersionBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'POST', path: `/v1/deploy/id/${encodeURIComponent(id)}`, route: '/v1/deploy/id/{deployId}', body }, signal);
  }

  /** PUT /v1/deploy/id/{deployId}: Rollback Deployment. */
  async rollbackDeployment(id: number, body: OteVersionBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'PUT', path: `/v1/deploy/id/${encodeURIComponent(id)}`, route: '/v1/deploy/id/{deployId}', body }, signal);
  }

  /** DELETE /v1/deploy/id/{deployId}. */
  async deleteDeployment(id: number, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'DELETE', path: `/v1/deploy/id/${encodeURIComponent(id)}`, route: '/v1/deploy/id/{deployId}' }, signal);
  }

  /** PUT /v1/admin/deploy: Audit Deployment (administrators only). */
  async decideAudit(body: OteAuditDecisionBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'PUT', path: '/v1/admin/deploy', route: '/v1/admin/deploy', body }, signal);
  }

  /** POST (add) or DELETE (remove) /v1/cluster/label: one label on the named clusters. */
  async labelClusters(change: 'add' | 'remove', body: OteClusterLabelBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: change === 'add' ? 'POST' : 'DELETE', path: '/v1/cluster/label', route: '/v1/cluster/label', body }, signal);
  }

  /** POST (add) or DELETE (remove) /v1/node/label: one label on the named nodes of one cluster. */
  async labelNodes(change: 'add' | 'remove', body: OteNodeLabelBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: change === 'add' ? 'POST' : 'DELETE', path: '/v1/node/label', route: '/v1/node/label', body }, signal);
  }

  /** POST /v1/app: Create Application. */
  async createApp(body: OteCreateAppBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'POST', path: '/v1/app', route: '/v1/app', body }, signal);
  }

  /** POST /v1/app/chart: Upload Helm Chart to Create Application, as multipart/form-data. */
  async uploadChart(appName: string, version: string, chart: Uint8Array<ArrayBuffer>, signal?: AbortSignal): Promise<void> {
    const form = new FormData();
    form.set('appName', appName);
    form.set('version', version);
    form.set('chart', new Blob([chart], { type: 'application/gzip' }), `${appName}-${version}.tgz`);
    await this.#write({ method: 'POST', path: '/v1/app/chart', route: '/v1/app/chart', form }, signal);
  }

  /** DELETE /v1/app: Delete Application, by the ids of application versions. */
  async deleteApps(appId: number[], signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'DELETE', path: '/v1/app', route: '/v1/app', body: { appId } }, signal);
  }

  /** POST /v1/repository/project: Create Project. */
  async createProject(projectName: string, isPublic: boolean, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'POST', path: '/v1/repository/project', route: '/v1/repository/project', body: { projectName, public: isPublic } }, signal);
  }

  /** DELETE /v1/repository/project: Delete Project, by ids. */
  async deleteProjects(projectId: number[], signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'DELETE', path: '/v1/repository/project', route: '/v1/repository/project', body: { projectId } }, signal);
  }

  /** DELETE /v1/repository/image: Delete Image, by `project/repository` names. */
  async deleteImages(imageName: string[], signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'DELETE', path: '/v1/repository/image', route: '/v1/repository/image', body: { imageName } }, signal);
  }

  /** DELETE /v1/repository/image/tag: Delete Tag of Image. */
  async deleteImageTags(imageName: string, tag: string[], signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'DELETE', path: '/v1/repository/image/tag', route: '/v1/repository/image/tag', body: { imageName, tag } }, signal);
  }

  /** POST /v1/repository/third (the heading's path; the example posts to /v1/repository): Create External Repository. */
  async createExternalRepo(body: OteCreateExternalRepoBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'POST', path: '/v1/repository/third', route: '/v1/repository/third', body }, signal);
  }

  /** DELETE /v1/repository/third: Delete External Repository, by repositoryId. */
  async deleteExternalRepos(repositoryId: string[], signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'DELETE', path: '/v1/repository/third', route: '/v1/repository/third', body: { repositoryId } }, signal);
  }

  /** POST /v1/admin/user: Create Sub-User, in the logged-in administrator's business namespace. */
  async createUser(body: OteCreateUserBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'POST', path: '/v1/admin/user', route: '/v1/admin/user', body }, signal);
  }

  /** DELETE /v1/admin/user/{userid}. */
  async deleteUser(id: number, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'DELETE', path: `/v1/admin/user/${encodeURIComponent(id)}`, route: '/v1/admin/user/{userid}' }, signal);
  }

  /** PUT /v1/admin/user/{userId}: Audit User, its status code. */
  async auditUser(id: number, status: number, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'PUT', path: `/v1/admin/user/${encodeURIComponent(id)}`, route: '/v1/admin/user/{userId}', body: { status } }, signal);
  }

  /** PUT /v1/admin/user/{userId}/password: Reset Password. */
  async resetPassword(id: number, password: string, signal?: AbortSignal): Promise<void> {
    const path = `/v1/admin/user/${encodeURIComponent(id)}/password`;
    await this.#write({ method: 'PUT', path, route: '/v1/admin/user/{userId}/password', body: { password } }, signal);
  }

  /** POST /v1/business: Create Business, owned by the logged-in user. */
  async createBusiness(body: OteCreateBusinessBody, signal?: AbortSignal): Promise<void> {
    await this.#write({ method: 'POST', path: '/v1/business', route: '/v1/business', body }, signal);
  }

  /** PUT /v1/business/id/{id}: Audit Business, 1 to approve or 2 to disapprove. */
  async auditBusiness(id: number, status: number, comment: string, signal?: AbortSignal): Promise<void> {
    const path = `/v1/business/id/${encodeURIComponent(id)}`;
    await this.#write({ method: 'PUT', path, route: '/v1/business/id/{id}', body: { comment, status } }, signal);
  }

  async #write(call: SourceCall, signal: AbortSignal | undefined): Promise<void> {
    const sent: SourceCall = signal ? { ...call, signal } : call;
    this.#decode(sent, await this.http.request(sent), ackReply);
  }

  async #list<T>(scope: RequestScope, path: string, query: SourceCall['query'], list: z.ZodType<{ data: T[]; total?: number | undefined }>): Promise<Page<T>> {
    const call = this.#getCall(scope, path, path, query ?? {});
    const body = this.#decode(call, await this.http.request(call), list);
    return { items: body.data, ...(body.total !== undefined ? { total: body.total } : {}) };
  }

  #getCall(scope: RequestScope, path: string, route: string, query: NonNullable<SourceCall['query']>): SourceCall {
    return { method: 'GET', path, route, query, scope };
  }

  #decode<S extends z.ZodType>(call: SourceCall, reply: SourceReply, schema: S): z.output<S> {
    return decode(this.http, call, reply, BARE, schema).data;
  }
}
