import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, type SimRequest } from '../../kit/http.js';
import { submitForAudit } from '../audit-flow.js';
import { handler, invalid, notFound, OteError, success, unixSeconds } from '../envelope.js';
import { nameMatcher, optStr, paginate, pathId, project, str, triState } from '../params.js';
import { errorMessage, isEditable, isRunning, launchOperation, type OperationKind, podsPerCluster, podView } from '../rollout.js';
import { type Deployment, findApp, findDeployment, type OteState, ROLE, STATUS } from '../state.js';
import { VERSION } from './apps.js';
import type { Sessions } from './auth.js';

/** Deployment names become Kubernetes object names on the edge clusters. */
const DEPLOY_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function deploymentView(dep: Deployment, now: number): Record<string, unknown> {
  return {
    id: dep.id,
    deployName: dep.deployName,
    appName: dep.appName,
    version: dep.version,
    cluster: dep.cluster,
    nodeLabel: dep.nodeLabel,
    deployType: dep.deployType,
    status: dep.status,
    errorMessage: errorMessage(podView(dep, now)),
    comment: dep.comment,
    editable: isEditable(dep),
    auditComment: dep.auditComment,
    createTime: unixSeconds(dep.createdAt),
    updateTime: unixSeconds(dep.updatedAt),
  };
}

const historyView = (dep: Deployment) =>
  dep.history.map((h) => ({
    version: h.version,
    deployType: h.deployType,
    status: h.status,
    comment: h.comment,
    createTime: unixSeconds(h.createdAt),
    updateTime: unixSeconds(h.updatedAt),
  }));

export function deploymentRoutes(env: SimEnv, state: OteState, sessions: Sessions): Route[] {
  const byId = (req: SimRequest) => {
    const id = pathId(req.params.deployId, 'deployId');
    const dep = findDeployment(state, id);
    if (!dep) throw notFound(`deployment ${id} not found`);
    return dep;
  };
  const editable = (dep: Deployment) => {
    if (!isEditable(dep)) {
      throw new OteError(
        422,
        dep.status === STATUS.deleted
          ? `deployment ${dep.deployName} has been deleted`
          : `deployment ${dep.deployName} is being processed, try again when it has finished`,
      );
    }
    return dep;
  };
  const appVersion = (appName: string, version: string) => {
    if (!VERSION.test(version)) throw invalid('version must have the format x.x, for example 1.1');
    const app = findApp(state, appName, version);
    if (!app) throw notFound(`application ${appName} version ${version} not found`);
    return app;
  };
  /**
   * A system administrator's submissions run at once (enableAdminAutoDeploy); anyone
   * else's wait for an audit.
   */
  const submit = (req: SimRequest, dep: Deployment, kind: OperationKind, comment: string) => {
    if (sessions.user(req).role === ROLE.systemAdmin) launchOperation(env, state, dep, kind, comment);
    else submitForAudit(state, dep, kind, env.clock.now(), comment);
    return success();
  };

  const create = handler((req) => {
    const body = bodyObject(req);
    const deployName = str(body, 'deployName');
    if (!DEPLOY_NAME.test(deployName)) throw invalid('deployName must be lower-case letters, digits and -, at most 63 characters');
    const appName = str(body, 'appName');
    const version = str(body, 'version');
    const cluster = str(body, 'cluster');
    const nodeLabel = str(body, 'nodeLabel');
    const comment = str(body, 'comment', { allowEmpty: true });
    if (state.deployments.some((d) => d.deployName === deployName && d.status !== STATUS.deleted)) {
      throw new OteError(422, `deployment ${deployName} already exists`);
    }
    const app = appVersion(appName, version);
    if (podsPerCluster(state, app, cluster, nodeLabel).perCluster.length === 0) {
      throw new OteError(422, `no node matches cluster ${cluster} and node label ${nodeLabel}`);
    }
    const now = env.clock.now();
    const user = sessions.user(req);
    const dep: Deployment = {
      id: state.nextId.deployment++,
      deployName,
      appName,
      version,
      cluster,
      nodeLabel,
      comment,
      auditComment: '',
      businessName: user.role === ROLE.systemAdmin ? state.adminBusiness : `ns${user.id}`,
      deployType: 1,
      status: STATUS.pending,
      pods: { running: 0, error: 0, total: 0 },
      history: [],
      createdAt: now,
      updatedAt: now,
    };
    state.deployments.push(dep);
    return submit(req, dep, 'install', comment);
  });

  const remove = (find: (req: SimRequest) => Deployment) =>
    handler((req) => {
      const dep = editable(find(req));
      return submit(req, dep, 'delete', `delete ${dep.deployName}`);
    });

  return [
    { method: 'POST', path: '/v1/deploy', handle: create },
    // The heading says POST /v1/deploy, the example posts to /v1/deploy/install.
    { method: 'POST', path: '/v1/deploy/install', handle: create },
    {
      method: 'GET',
      path: '/v1/deploy',
      handle: handler((req) => {
        const q = req.query;
        const matches = nameMatcher(q, 'appName');
        const wantEditable = triState(q, 'editable', ['true', 'false', 'all']);
        const wantRunning = triState(q, 'running', ['true', 'all']);
        const found = state.deployments.filter(
          (d) => matches(d.appName) && (wantEditable === undefined || isEditable(d) === wantEditable) && (wantRunning === undefined || isRunning(d)),
        );
        const now = env.clock.now();
        return success({ data: paginate(found, q, 10).map((d) => project(deploymentView(d, now), q)), total: found.length });
      }),
    },
    {
      method: 'GET',
      path: '/v1/deploy/id/{deployId}',
      handle: handler((req) => {
        const dep = byId(req);
        const view = deploymentView(dep, env.clock.now());
        // field=historyVersion adds the versions this deployment has gone through.
        if (req.query.get('field') === 'historyVersion') return success({ data: { ...view, historyVersion: historyView(dep) } });
        return success({ data: project(view, req.query) });
      }),
    },
    {
      method: 'POST',
      path: '/v1/deploy/id/{deployId}',
      handle: handler((req) => {
        const dep = byId(req);
        const body = bodyObject(req);
        const version = str(body, 'version');
        const comment = optStr(body, 'comment', '');
        editable(dep);
        appVersion(dep.appName, version);
        if (version === dep.version && dep.status !== STATUS.failed) throw new OteError(422, `deployment ${dep.deployName} already runs version ${version}`);
        dep.version = version;
        return submit(req, dep, 'upgrade', comment);
      }),
    },
    {
      method: 'PUT',
      path: '/v1/deploy/id/{deployId}',
      handle: handler((req) => {
        const dep = byId(req);
        const body = bodyObject(req);
        const version = str(body, 'version');
        const comment = str(body, 'comment', { allowEmpty: true });
        editable(dep);
        // Only a version this deployment once ran successfully can be rolled back to.
        const ran = dep.history.some((h) => h.version === version && (h.status === STATUS.success || h.status === STATUS.partial));
        if (!ran) throw new OteError(422, `deployment ${dep.deployName} has never run version ${version}`);
        if (version === dep.version) throw new OteError(422, `deployment ${dep.deployName} already runs version ${version}`);
        appVersion(dep.appName, version);
        dep.version = version;
        return submit(req, dep, 'rollback', comment);
      }),
    },
    { method: 'DELETE', path: '/v1/deploy/id/{deployId}', handle: remove(byId) },
    {
      method: 'DELETE',
      path: '/v1/deploy/{deployName}',
      handle: remove((req) => {
        const name = req.params.deployName ?? '';
        const dep = state.deployments.find((d) => d.deployName === name && d.status !== STATUS.deleted);
        if (!dep) throw notFound(`deployment ${name} not found`);
        return dep;
      }),
    },
  ];
}
