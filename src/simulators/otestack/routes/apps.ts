import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, type SimRequest } from '../../kit/http.js';
import { dependenceOf } from '../dependence.js';
import { handler, invalid, notFound, OteError, success, unixSeconds } from '../envelope.js';
import { isId, list, nameMatcher, optStr, optUint, paginate, pathId, str, uint, bool } from '../params.js';
import { type App, type EnvVar, findApp, type OteState, type PortMapping, STATUS, type Volume } from '../state.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPortNumber = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 65_536;
const isPort = (v: unknown): v is PortMapping => isObject(v) && isPortNumber(v.port) && (v.hostPort === undefined || isPortNumber(v.hostPort));
const isVolume = (v: unknown): v is Volume =>
  isObject(v) && typeof v.path === 'string' && typeof v.hostPath === 'string' && (v.readOnly === undefined || typeof v.readOnly === 'boolean');
const isEnv = (v: unknown): v is EnvVar => isObject(v) && typeof v.name === 'string' && v.name !== '' && typeof v.value === 'string';

/**
 * "Create Application" takes CPU as percent of a core (minCPU 10, maxCPU 200) while the
 * list and detail examples show cores (0.1, 2), and targetCPUUtilization 100 comes back
 * as 1; memory figures are returned unchanged. The simulator stores what was sent and
 * converts the same way.
 */
export const appView = (a: App) => ({
  id: a.id,
  appName: a.appName,
  status: a.status,
  deployType: a.deployType,
  image: a.image,
  projectName: a.projectName,
  repositoryId: a.repositoryId,
  version: a.version,
  replicas: a.replicas,
  port: a.port,
  command: a.command,
  volume: a.volume,
  dependence: a.dependence,
  env: a.env,
  minReplicas: a.minReplicas,
  maxReplicas: a.maxReplicas,
  minCPU: a.minCPU / 100,
  maxCPU: a.maxCPU / 100,
  GPU: a.GPU,
  isHPA: a.isHPA,
  targetCPUUtilization: a.targetCPUUtilization / 100,
  targetMemUtilization: a.targetMemUtilization,
  minMemory: a.minMemory,
  maxMemory: a.maxMemory,
  maxUnavailable: a.maxUnavailable,
  maxSurge: a.maxSurge,
  minReadySeconds: a.minReadySeconds,
  createTime: unixSeconds(a.createdAt),
  updateTime: unixSeconds(a.updatedAt),
});

/**
 * The document asks for a "main version with format x.x" but its own examples carry
 * 1.2.3 and 1.2.3.4, so two to four numeric parts are accepted.
 */
export const VERSION = /^\d+(\.\d+){1,3}$/;
/** App names become Kubernetes object names on the edge clusters. */
export const APP_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function appRoutes(env: SimEnv, state: OteState): Route[] {
  const detail = handler((req) => {
    const id = pathId(req.params.appId, 'appId');
    const app = state.apps.find((a) => a.id === id);
    if (!app) throw notFound(`application ${id} not found`);
    return success({ data: appView(app) });
  });

  return [
    {
      method: 'POST',
      path: '/v1/app',
      handle: handler((req) => {
        const app = parseApp(req, state, env.clock.now());
        state.apps.push(app);
        return success();
      }),
    },
    {
      method: 'DELETE',
      path: '/v1/app',
      handle: handler((req) => {
        const ids = list(bodyObject(req), 'appId', isId, 'application ids', { required: true });
        const apps = ids.map((id) => {
          const app = state.apps.find((a) => a.id === id);
          if (!app) throw notFound(`application ${id} not found`);
          return app;
        });
        for (const app of apps) {
          const user = state.deployments.find((d) => d.appName === app.appName && d.version === app.version && d.status !== STATUS.deleted);
          if (user) throw new OteError(422, `application ${app.appName} ${app.version} is used by deployment ${user.deployName}`);
        }
        state.apps = state.apps.filter((a) => !apps.includes(a));
        return success();
      }),
    },
    {
      method: 'GET',
      path: '/v1/app',
      handle: handler((req) => {
        const matches = nameMatcher(req.query, 'appName');
        const version = req.query.get('version');
        const found = state.apps.filter((a) => matches(a.appName) && (!version || a.version === version));
        // The document's example lists applications under "apps", not "data".
        return success({ apps: paginate(found, req.query, 10).map(appView), total: found.length });
      }),
    },
    // The heading says /v1/app/{appId}, the example calls /v1/app/id/1: both are served.
    { method: 'GET', path: '/v1/app/{appId}', handle: detail },
    { method: 'GET', path: '/v1/app/id/{appId}', handle: detail },
  ];
}

function parseApp(req: SimRequest, state: OteState, now: number): App {
  const body = bodyObject(req);
  const appName = str(body, 'appName');
  if (!APP_NAME.test(appName)) throw invalid('appName must be lower-case letters, digits and -, at most 63 characters');
  const deployType = str(body, 'deployType');
  if (deployType !== 'deployment' && deployType !== 'daemonset') throw invalid('deployType must be deployment or daemonset');
  const image = str(body, 'image');
  const version = str(body, 'version');
  if (!VERSION.test(version)) throw invalid('version must have the format x.x, for example 1.1');
  const port = list(body, 'port', isPort, 'objects {port, hostPort}', { required: true }).map((p) => ({ port: p.port, hostPort: p.hostPort ?? p.port }));
  const app: App = {
    id: state.nextId.app,
    appName,
    status: 1,
    deployType,
    image,
    projectName: image.includes('/') ? (image.split('/').slice(-2, -1)[0] ?? 'library') : 'library',
    repositoryId: optStr(body, 'repositoryId', ''),
    version,
    replicas: optUint(body, 'replicas', 1),
    port,
    command: optStr(body, 'command', ''),
    volume: list(body, 'volume', isVolume, 'objects {path, hostPath, readOnly}', { required: false }).map((v) => ({ ...v, readOnly: v.readOnly ?? false })),
    dependence: dependenceOf(image, port),
    env: list(body, 'env', isEnv, 'objects {name, value}', { required: false }),
    minReplicas: optUint(body, 'minReplicas', 1),
    maxReplicas: optUint(body, 'maxReplicas', 1),
    minCPU: uint(body, 'minCPU'),
    maxCPU: uint(body, 'maxCPU'),
    GPU: optUint(body, 'GPU', 0),
    isHPA: bool(body, 'isHPA'),
    targetCPUUtilization: uint(body, 'targetCPUUtilization'),
    targetMemUtilization: uint(body, 'targetMemUtilization'),
    minMemory: uint(body, 'minMemory'),
    maxMemory: uint(body, 'maxMemory'),
    maxUnavailable: uint(body, 'maxUnavailable'),
    maxSurge: uint(body, 'maxSurge'),
    minReadySeconds: uint(body, 'minReadySeconds'),
    createdAt: now,
    updatedAt: now,
  };
  if (app.minCPU > app.maxCPU) throw invalid('minCPU must not exceed maxCPU');
  if (app.minMemory > app.maxMemory) throw invalid('minMemory must not exceed maxMemory');
  if (app.minReplicas > app.maxReplicas) throw invalid('minReplicas must not exceed maxReplicas');
  assertNewApp(state, appName, version);
  state.nextId.app++;
  return app;
}

/** An application is one name at one version: a second with both the same is refused. */
export function assertNewApp(state: OteState, appName: string, version: string): void {
  if (findApp(state, appName, version)) throw new OteError(422, `application ${appName} version ${version} already exists`);
}
