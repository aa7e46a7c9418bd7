import type { Label } from '../../model/entities.js';
import { ValidationError } from '../../model/errors.js';
import type { CreateDeploymentRequest } from '../../model/operations.js';
import { ALL_CLUSTERS } from './lookups.js';
import { DEPLOYMENT_STATUS, toRevisions } from './map.js';
import type { OteApplicationInput, OteUserInput } from './inputs.js';
import type { OteApp, OteCreateAppBody, OteCreateDeploymentBody, OteCreateUserBody, OteDeployment, OteDeploymentDetail } from './wire.js';

/**
 * Gateway requests → OTE-stack request bodies, and the checks that need no vendor call.
 * Pure: each either returns what to send or throws a ValidationError naming the input
 * field, so nothing is sent for a request the vendor could not honour.
 */

/** The vendor's wildcard in `cluster` and `nodeLabel` ("all clusters", "all nodes"). */
const ALL = ALL_CLUSTERS;

/**
 * Label names as Add Label to Cluster/Node takes them: "uppercase and lowercase letters,
 * numbers and special character - ." — 63 at most, as Kubernetes label values are.
 */
const LABEL_NAME = /^[A-Za-z0-9.-]{1,63}$/;

/** Deployment names become Kubernetes object names on the edge clusters (RFC 1123 labels). */
const DEPLOY_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * OTE-stack labels are bare names, served as `{key: name, value: ""}`; only labels of
 * that shape can be written back. "all" is refused: the vendor reads it as every
 * cluster or node, never as a label.
 */
export function labelNames(labels: readonly Label[], field: string): string[] {
  for (const { key, value } of labels) {
    if (value !== '') throw new ValidationError(field, `OTE-stack labels are bare names: "${key}" cannot carry the value "${value}"`);
    if (key === ALL) throw new ValidationError(field, `"${ALL}" is OTE-stack's word for every cluster or node and cannot be a label`);
    if (!LABEL_NAME.test(key)) throw new ValidationError(field, `"${key}" is not an OTE-stack label name (letters, digits, "-" and ".", at most 63)`);
  }
  return [...new Set(labels.map((l) => l.key))];
}

/** What a Create Deployment request says once checked, before its target is resolved. */
export interface DeploymentDraft {
  deployName: string;
  appName: string;
  version: string;
  /** The requested clusters, each once. */
  clusters: string[];
  /** The one node label it is placed by, or "all". */
  nodeLabel: string;
}

export function deploymentDraft(req: CreateDeploymentRequest): DeploymentDraft {
  if (!DEPLOY_NAME.test(req.name)) {
    throw new ValidationError('input.name', 'becomes a Kubernetes name on the edge: lower-case letters, digits and "-", at most 63');
  }
  if (req.application.trim() === '') throw new ValidationError('input.application', 'name the application to deploy');
  if (req.version.trim() === '') throw new ValidationError('input.version', 'name the application version to deploy');
  if (req.replicas !== undefined && req.replicas < 1) throw new ValidationError('input.replicas', 'must be at least 1');
  const clusters = [...new Set(req.clusterNativeIds)];
  if (clusters.length === 0) throw new ValidationError('input.clusterIds', 'name at least one cluster');
  const nodeLabels = labelNames(req.labels, 'input.labels');
  if (nodeLabels.length > 1) {
    throw new ValidationError('input.labels', `OTE-stack places a deployment by one node label, not ${nodeLabels.length}`);
  }
  return { deployName: req.name, appName: req.application, version: req.version, clusters, nodeLabel: nodeLabels[0] ?? ALL };
}

/**
 * The targets that might cover exactly the requested clusters, in order of preference:
 * a single cluster by its name; several by "all" (when they are the whole fleet) or by
 * a label all of them carry, alphabetically.
 */
export function targetCandidates(clusters: readonly string[], labelsByCluster: ReadonlyMap<string, readonly string[]>): string[] {
  if (clusters.length === 1) return [...clusters];
  const [first, ...rest] = clusters.map((c) => new Set(labelsByCluster.get(c) ?? []));
  const shared = [...(first ?? [])].filter((label) => rest.every((labels) => labels.has(label))).sort();
  return [ALL, ...shared];
}

/**
 * The deployment target (`cluster`) covering exactly the requested clusters, given what
 * each candidate covers today. A deployment follows its target: clusters that gain the
 * label (or join, for "all") later get it too, as OTE-stack intends.
 */
export function chooseTarget(clusters: readonly string[], coverage: ReadonlyMap<string, readonly string[]>): string {
  const wanted = new Set(clusters);
  for (const [target, covered] of coverage) {
    const set = new Set(covered);
    if (set.size === wanted.size && [...wanted].every((c) => set.has(c))) return target;
  }
  const only = clusters.length === 1 ? clusters[0] : undefined;
  throw new ValidationError(
    'input.clusterIds',
    only !== undefined
      ? `"${only}" is also a cluster label, so OTE-stack would deploy to every cluster carrying it as well`
      : `OTE-stack deploys to one cluster, to the clusters carrying one label, or to all; no label is carried by exactly these ${clusters.length} clusters (give them one with setClusterLabels first)`,
  );
}

export function createDeploymentBody(draft: DeploymentDraft, cluster: string): OteCreateDeploymentBody {
  return { deployName: draft.deployName, appName: draft.appName, version: draft.version, cluster, nodeLabel: draft.nodeLabel, comment: '' };
}

/**
 * The application version among `apps` (the versions of `appName`); a missing
 * application is the `fields.application` input's fault, a missing version the
 * `fields.version` input's.
 */
export function pickAppVersion(apps: readonly OteApp[], appName: string, version: string, fields: { application: string; version: string }): OteApp {
  const versions = apps.filter((a) => a.appName === appName);
  if (versions.length === 0) throw new ValidationError(fields.application, `OTE-stack has no application "${appName}"`);
  const app = versions.find((a) => a.version === version);
  if (!app)
    throw new ValidationError(fields.version, `application "${appName}" has no version "${version}" (it has ${versions.map((a) => a.version).join(', ')})`);
  return app;
}

/**
 * OTE-stack takes replicas from the application version, not from the deployment: a
 * requested count is accepted only where it is what the version will run anyway.
 */
export function checkReplicas(app: OteApp, replicas: number | undefined): void {
  if (replicas === undefined) return;
  const what = `application "${app.appName}" ${app.version}`;
  if (app.deployType === 'daemonset') throw new ValidationError('input.replicas', `${what} is a daemonset: one pod on each matching node; leave replicas out`);
  if (app.replicas !== replicas) {
    const runs = typeof app.replicas === 'number' ? `runs ${app.replicas} per cluster` : 'sets its own count';
    throw new ValidationError('input.replicas', `OTE-stack takes replicas from the application version, and ${what} ${runs}; leave replicas out`);
  }
}

/**
 * The version a rollback goes to: the one asked for, which the deployment must once have
 * run successfully; by default the latest such version other than the current one.
 */
export function rollbackVersion(detail: OteDeploymentDetail, requested: string | undefined): string {
  const ran = toRevisions(detail.historyVersion).map((r) => r.version);
  const current = detail.version ?? '';
  if (requested === undefined) {
    const previous = ran.filter((v) => v !== current).at(-1);
    if (previous === undefined)
      throw new ValidationError('version', `deployment ${detail.deployName} has run no other version successfully: nothing to roll back to`);
    return previous;
  }
  if (requested === current) throw new ValidationError('version', `deployment ${detail.deployName} already runs version ${current}`);
  if (!ran.includes(requested)) {
    const others = [...new Set(ran.filter((v) => v !== current))];
    throw new ValidationError(
      'version',
      `deployment ${detail.deployName} never ran version ${requested} successfully${others.length ? ` (it ran ${others.join(', ')})` : ''}`,
    );
  }
  return requested;
}

/** The labels to add and to remove to go from `current` to exactly `wanted`. */
export function labelChanges(current: readonly string[], wanted: readonly string[]): { add: string[]; remove: string[] } {
  return { add: wanted.filter((l) => !current.includes(l)), remove: current.filter((l) => !wanted.includes(l)) };
}

/**
 * The deployment Create Deployment just made, which it does not name: the newest one of
 * that name not deleted (the vendor refuses a second live one of the same name).
 */
export function createdDeployment(rows: readonly OteDeployment[], deployName: string): OteDeployment | undefined {
  return rows
    .filter((d) => d.deployName === deployName && d.status !== DEPLOYMENT_STATUS.deleted)
    .reduce<OteDeployment | undefined>((newest, d) => (newest && newest.id > d.id ? newest : d), undefined);
}

// ---- The catalogue, users: OTE-stack's own mutations (vendor.ts) ----

/**
 * "Main version with format x.x, for example 1.1", yet the document's own catalogue
 * examples carry 1.2.3 and 1.2.3.4: two to four numeric parts.
 */
const APP_VERSION = /^\d+(\.\d+){1,3}$/;

const isCount = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);

/** Application names become Kubernetes object names on the edge, as deployment names do. */
function checkAppName(name: string, field: string): void {
  if (!DEPLOY_NAME.test(name)) throw new ValidationError(field, 'becomes a Kubernetes name on the edge: lower-case letters, digits and "-", at most 63');
}

function checkAppVersion(version: string, field: string): void {
  if (!APP_VERSION.test(version)) throw new ValidationError(field, 'a version of two to four numbers, as 1.1 or 1.2.3');
}

/** Cores as percent of a core, which is what Create Application takes: whole percents only. */
function cpuPercent(cores: number, field: string): number {
  const percent = Math.round(cores * 100);
  if (cores <= 0 || Math.abs(percent - cores * 100) > 1e-6)
    throw new ValidationError(field, 'cores above 0, in hundredths (OTE-stack takes whole percents of a core)');
  return percent;
}

/** `min` ≤ `max` where both are given; the `max` field is named, the one to raise. */
function checkRange(min: number | undefined, max: number | undefined, field: string): void {
  if (min !== undefined && max !== undefined && min > max) throw new ValidationError(field, `must be at least the minimum (${min})`);
}

/** otestackCreateApplication's input as Create Application's body, checked field by field before anything is sent. */
export function createAppBody(input: OteApplicationInput): OteCreateAppBody {
  checkAppName(input.name, 'input.name');
  checkAppVersion(input.version, 'input.version');
  if (input.image.trim() === '') throw new ValidationError('input.image', 'name the image with its tag');
  if (input.ports.length === 0) throw new ValidationError('input.ports', 'at least one port: OTE-stack requires one');
  input.ports.forEach((p, i) => {
    for (const port of [p.port, p.hostPort]) {
      if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65_536)) throw new ValidationError(`input.ports[${i}]`, 'ports are 1 to 65535');
    }
  });
  const counts = [
    'replicas',
    'minReplicas',
    'maxReplicas',
    'gpus',
    'minMemoryMib',
    'maxMemoryMib',
    'maxUnavailable',
    'maxSurge',
    'minReadySeconds',
    'targetCpuPercent',
    'targetMemoryPercent',
  ] as const;
  for (const name of counts) if (!isCount(input[name])) throw new ValidationError(`input.${name}`, 'a whole number, 0 or more');
  const minCPU = cpuPercent(input.minCpuCores, 'input.minCpuCores');
  const maxCPU = cpuPercent(input.maxCpuCores, 'input.maxCpuCores');
  checkRange(minCPU, maxCPU, 'input.maxCpuCores');
  checkRange(input.minMemoryMib, input.maxMemoryMib, 'input.maxMemoryMib');
  checkRange(input.minReplicas, input.maxReplicas, 'input.maxReplicas');
  if (input.workload === 'daemonset' && input.replicas !== undefined)
    throw new ValidationError('input.replicas', 'a daemonset runs one pod on each matching node; leave replicas out');
  return {
    appName: input.name,
    deployType: input.workload,
    image: input.image,
    version: input.version,
    ...(input.repositoryId !== undefined ? { repositoryId: input.repositoryId } : {}),
    port: input.ports.map((p) => ({ port: p.port, ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}) })),
    ...(input.command !== undefined ? { command: input.command } : {}),
    ...(input.volumes ? { volume: input.volumes.map((v) => ({ path: v.path, hostPath: v.hostPath, readOnly: v.readOnly ?? false })) } : {}),
    ...(input.env ? { env: input.env } : {}),
    ...(input.replicas !== undefined ? { replicas: input.replicas } : {}),
    ...(input.minReplicas !== undefined ? { minReplicas: input.minReplicas } : {}),
    ...(input.maxReplicas !== undefined ? { maxReplicas: input.maxReplicas } : {}),
    minCPU,
    maxCPU,
    ...(input.gpus !== undefined ? { GPU: input.gpus } : {}),
    isHPA: input.autoscaled,
    targetCPUUtilization: input.targetCpuPercent,
    targetMemUtilization: input.targetMemoryPercent,
    minMemory: input.minMemoryMib,
    maxMemory: input.maxMemoryMib,
    maxUnavailable: input.maxUnavailable,
    maxSurge: input.maxSurge,
    minReadySeconds: input.minReadySeconds,
  };
}

/**
 * The largest chart accepted, decoded. Charts are small (tens of KiB; the vendor
 * stores them as the catalogue's records), and its base64 text (4/3 of it) must fit in
 * the gateway's default 1 MiB request body beside the rest of the request.
 */
export const CHART_MAX_BYTES = 512 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A Helm chart is a gzip-compressed tarball; gzip streams start with these two bytes. */
const isGzip = (bytes: Uint8Array) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** otestackUploadHelmChart's arguments checked, the chart decoded from base64, before anything is sent. */
export function chartUpload(name: string, version: string, chartBase64: string): { appName: string; version: string; chart: Uint8Array<ArrayBuffer> } {
  checkAppName(name, 'name');
  checkAppVersion(version, 'version');
  const text = chartBase64.replace(/\s+/g, '');
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw new ValidationError('chartBase64', 'the chart’s bytes in base64 (RFC 4648, with padding)');
  if ((text.length / 4) * 3 > CHART_MAX_BYTES + 2) throw new ValidationError('chartBase64', `a chart of at most ${CHART_MAX_BYTES / 1024} KiB`);
  const chart = new Uint8Array(Buffer.from(text, 'base64'));
  if (chart.length > CHART_MAX_BYTES) throw new ValidationError('chartBase64', `a chart of at most ${CHART_MAX_BYTES / 1024} KiB`);
  if (!isGzip(chart)) throw new ValidationError('chartBase64', 'a Helm chart: the .tgz that `helm package` makes (gzip)');
  return { appName: name, version, chart };
}

/** "Password should be 8-20 characters long with at least 1 uppercase, 1 lowercase and 1 number." */
export function checkPassword(password: string, field: string): void {
  if (password.length < 8 || password.length > 20 || !/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/\d/.test(password)) {
    throw new ValidationError(field, 'OTE-stack passwords have 8 to 20 characters, with an upper-case letter, a lower-case letter and a digit');
  }
}

export function createUserBody(input: OteUserInput): OteCreateUserBody {
  if (input.name.trim() === '') throw new ValidationError('input.name', 'name the user');
  checkPassword(input.password, 'input.password');
  return { user: input.name, password: input.password, phone: input.phone, isAdmin: input.admin, realName: input.realName };
}

/** A vendor id of a catalogue or account record, which OTE-stack numbers; another shape names nothing. */
export const numericId = (id: string): number | undefined => (/^[1-9]\d{0,15}$/.test(id) ? Number(id) : undefined);
