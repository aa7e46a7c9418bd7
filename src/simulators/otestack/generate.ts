import type { SimEnv } from '../kit/definition.js';
import type { Rng } from '../kit/rng.js';
import { APPS, type AppTemplate, BUSINESSES, CITIES, KERNELS, NODE_ROLES, REGISTRY, SITE_KINDS } from './catalog.js';
import { dependenceOf } from './dependence.js';
import { generateAccounts } from './generate-accounts.js';
import { generateRegistry } from './generate-registry.js';
import { decideAudit, submitForAudit } from './audit-flow.js';
import { ALL, clusterLabels, type OperationKind, podsPerCluster, QUEUE_MS, startOperation } from './rollout.js';
import { type App, AUDIT, type Cluster, type Deployment, type EdgeNode, type OteState, STATUS } from './state.js';

const DAY = 86_400_000;
const GiB = 1024 ** 3;
const GB = 1000 ** 3;

/** Builds the whole platform from the seed; the fleet size follows `env.clusters`. */
export function generateState(env: SimEnv): OteState {
  const rng = env.rng.fork('fleet');
  const now = env.clock.startedAt;
  const { users, businesses } = generateAccounts(env, rng, now);
  // Its own stream, so the fleet stays the one the seed gave before the registry existed.
  const { projects, images, externalRepos } = generateRegistry(env.rng.fork('registry'), now);
  const state: OteState = {
    users,
    businesses,
    projects,
    images,
    externalRepos,
    clusters: [],
    clusterByName: new Map(),
    nodes: [],
    nodesByCluster: new Map(),
    placements: new Map(),
    apps: [],
    deployments: [],
    audits: [],
    adminBusiness: BUSINESSES[0],
    nextId: {
      user: users.length + 1,
      business: businesses.length + 1,
      project: projects.length + 1,
      image: images.length + 1,
      externalRepo: externalRepos.length + 1,
      app: 1,
      deployment: 1,
      audit: 1,
    },
  };
  generateFleet(state, env.clusters, rng, now);
  for (const template of APPS) for (const [i, version] of template.versions.entries()) state.apps.push(generateApp(state, template, version, i, rng, now));
  generateDeployments(env, state, rng, now);
  return state;
}

function generateFleet(state: OteState, count: number, rng: Rng, now: number): void {
  const perSite = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const cityIndex = i % CITIES.length;
    const city = CITIES[cityIndex] as (typeof CITIES)[number];
    const district = rng.pick(city.districts);
    const seq = (perSite.get(`${city.code}-${district}`) ?? 0) + 1;
    perSite.set(`${city.code}-${district}`, seq);
    const name = `${city.code}-${district}-${String(seq).padStart(2, '0')}`;
    // The second cluster is always offline so both isReady values exist at any size.
    const isReady = i !== 1 && rng.chance(0.92);
    const labeledAt = now - rng.int(60, 500) * DAY;
    const labels = new Map<string, number>([
      [city.region, labeledAt],
      [city.name, labeledAt],
      [rng.pick(SITE_KINDS), labeledAt + rng.int(0, 20) * DAY],
      [rng.chance(0.85) ? 'prod' : 'staging', labeledAt],
    ]);
    const cluster: Cluster = { name, isReady, labels };
    state.clusters.push(cluster);
    state.clusterByName.set(name, cluster);
    const nodeCount = rng.chance(0.6) ? rng.int(2, 8) : rng.int(9, 20);
    // One /24 per cluster, numbered in fleet order: unique for the first 65,536 clusters.
    const subnet = `10.${Math.floor(i / 256) % 256}.${i % 256}`;
    const nodes = Array.from({ length: nodeCount }, (_, j) => generateNode(cluster, j, subnet, rng));
    state.nodes.push(...nodes);
    state.nodesByCluster.set(name, nodes);
    if (nodes.some((n) => n.gpu > 0)) labels.set('gpu', labeledAt + DAY);
  }
}

function generateNode(cluster: Cluster, index: number, subnet: string, rng: Rng): EdgeNode {
  const role = index < 2 ? 'gateway' : rng.pick(NODE_ROLES);
  const hasGpu = role === 'video-analytics' && rng.chance(0.8);
  const ubuntu = rng.chance(0.7);
  const labels = new Set<string>([role]);
  if (hasGpu) labels.add('gpu');
  return {
    name: `${cluster.name}-node-${String(index + 1).padStart(2, '0')}`,
    clusterName: cluster.name,
    operatingSystem: 'Linux',
    kernelVersion: rng.pick(ubuntu ? KERNELS.ubuntu : KERNELS.centos),
    ip: `${subnet}.${11 + index}`,
    memory: rng.pick(hasGpu ? [64, 128] : [16, 32, 64]) * GiB,
    cpu: rng.pick(hasGpu ? [32, 48, 64] : [8, 16, 32]),
    gpu: hasGpu ? rng.pick([16, 24]) * GiB : 0,
    disk: rng.pick(role === 'storage' ? [3840, 7680] : [480, 960, 1920]) * GB,
    isReady: cluster.isReady && (index === 0 || rng.chance(0.94)),
    labels,
  };
}

function generateApp(state: OteState, t: AppTemplate, version: string, index: number, rng: Rng, now: number): App {
  const createdAt = now - (200 - index * 45) * DAY - rng.int(0, 20) * DAY;
  const isDeployment = t.kind === 'deployment';
  const app: Omit<App, 'dependence'> = {
    id: state.nextId.app++,
    appName: t.name,
    status: 1,
    deployType: t.kind,
    image: `${REGISTRY}/${t.image}:${version}`,
    projectName: t.project,
    repositoryId: rng.chance(0.7) ? 'harbor-edge' : '',
    version,
    replicas: isDeployment ? rng.int(1, 3) : 0,
    port: [{ port: t.port, hostPort: isDeployment ? 30_000 + rng.int(0, 2767) : t.port }],
    command: '',
    volume: t.volumes.map(([path, hostPath, readOnly]) => ({ path, hostPath, readOnly })),
    env: t.env.map(([name, value]) => ({ name, value })),
    minReplicas: isDeployment ? 1 : 0,
    maxReplicas: isDeployment ? rng.int(3, 6) : 0,
    minCPU: rng.pick([10, 25, 50]),
    maxCPU: t.gpu ? 400 : rng.pick([100, 200]),
    GPU: t.gpu,
    isHPA: isDeployment && t.gpu === 0 && rng.chance(0.5),
    targetCPUUtilization: rng.pick([70, 80]),
    targetMemUtilization: 80,
    minMemory: rng.pick([128, 256, 512]),
    maxMemory: t.gpu ? 8192 : rng.pick([512, 1024, 2048]),
    maxUnavailable: 1,
    maxSurge: 1,
    minReadySeconds: 10,
    createdAt,
    updatedAt: createdAt + rng.int(0, 5) * DAY,
  };
  return { ...app, dependence: dependenceOf(app.image, app.port, t.dependsOn) };
}

/**
 * Every deployment status appears at any fleet size: the first ten deployments take one
 * status each, the rest are mostly healthy. A partial success needs several target
 * clusters and a plain failure a single one (see rollout.ts), so targets follow status.
 */
function generateDeployments(env: SimEnv, state: OteState, rng: Rng, now: number): void {
  const count = Math.max(12, Math.round(state.clusters.length * 1.5));
  const every = [5, 6, 7, 0, 1, 2, 3, 4, 8, 9];
  const statuses = rng.shuffle(Array.from({ length: count }, (_, i) => every[i] ?? rng.pick([5, 5, 5, 5, 5, 5, 6, 7, 9, 0])));
  const names = new Set<string>();
  // Cluster labels do not change while the history is generated.
  const labels = [...clusterLabels(state)];
  let rolledBack = false;
  for (const status of statuses) {
    const template = rng.pick(APPS);
    const target = pickTarget(state, labels, template, status, rng);
    const versions = state.apps.filter((a) => a.appName === template.name);
    const first = versions[0];
    if (!first || !target) continue;
    const latest = versions[versions.length - 1] ?? first;
    let deployName = `${template.name}-${target.suffix}`;
    for (let n = 2; names.has(deployName); n++) deployName = `${template.name}-${target.suffix}-${n}`;
    names.add(deployName);
    const audited = status === STATUS.pending || status === STATUS.approved || status === STATUS.disapproved || rng.chance(0.3);
    // The operation that leaves the deployment in `status`, after a settled history.
    const deletes = status === STATUS.internalError || status === STATUS.deleted;
    // The first healthy deployment is a rolled-back one, so deployType 3 always appears too.
    const rollsBack: boolean = latest !== first && !deletes && ((status === STATUS.success && !rolledBack) || rng.chance(0.15));
    rolledBack ||= rollsBack;
    const kind: OperationKind = deletes ? 'delete' : rollsBack ? 'rollback' : latest !== first && rng.chance(0.4) ? 'upgrade' : 'install';
    const prior: [OperationKind, App][] =
      kind === 'install'
        ? []
        : kind === 'rollback'
          ? [
              ['install', first],
              ['upgrade', latest],
            ]
          : [['install', first]];
    const finalApp = kind === 'upgrade' ? latest : first;
    const startedAt = startFor(status, now, rng);
    const createdAt = kind === 'install' ? startedAt : now - rng.int(60, 180) * DAY;
    const dep: Deployment = {
      id: state.nextId.deployment++,
      deployName,
      appName: template.name,
      version: first.version,
      cluster: target.cluster,
      nodeLabel: target.nodeLabel,
      comment: rng.pick(['', 'initial rollout', 'requested by site ops', 'quarterly release']),
      auditComment: '',
      businessName: audited ? rng.pick(BUSINESSES.slice(1)) : state.adminBusiness,
      deployType: 1,
      status: STATUS.pending,
      pods: { running: 0, error: 0, total: 0 },
      history: [],
      createdAt,
      updatedAt: createdAt,
    };
    state.deployments.push(dep);
    let at = createdAt;
    for (const [priorKind, app] of prior) {
      dep.version = app.version;
      const placement = podsPerCluster(state, app, dep.cluster, dep.nodeLabel);
      const comment = priorKind === 'install' ? dep.comment : `upgrade to ${app.version}`;
      startOperation(env, dep, { kind: priorKind, startedAt: at, fails: false, approved: false, comment, placement }, rng);
      at += rng.int(3, 15) * DAY;
    }
    dep.version = finalApp.version;
    const comment =
      kind === 'upgrade'
        ? `upgrade to ${finalApp.version}`
        : kind === 'rollback'
          ? `roll back to ${finalApp.version}`
          : kind === 'delete'
            ? `delete ${deployName}`
            : dep.comment;
    const fails = status === STATUS.partial || status === STATUS.failed || status === STATUS.internalError;
    if (audited) {
      const audit = submitForAudit(state, dep, kind, startedAt, comment);
      if (status === STATUS.pending) continue;
      const verdict =
        status === STATUS.disapproved
          ? { status: AUDIT.disapproved, comment: 'image has not passed the security scan' }
          : { status: AUDIT.approved, comment: 'pass' };
      decideAudit(env, state, audit, { ...verdict, at: startedAt, fails }, rng);
    } else {
      const placement = podsPerCluster(state, finalApp, dep.cluster, dep.nodeLabel);
      startOperation(env, dep, { kind, startedAt, fails, approved: false, comment, placement }, rng);
    }
  }
}

/** When the final operation started, so that it is in `status` at `now`. */
function startFor(status: number, now: number, rng: Rng): number {
  switch (status) {
    case STATUS.pending:
      return now - rng.int(1, 48) * 3_600_000;
    case STATUS.approved:
      return now - 3_000;
    case STATUS.processing:
      return now - QUEUE_MS - 5_000;
    case STATUS.deploying:
      // Processing lasts at most 60 s and deploying at least 48 s (rollout.ts).
      return now - QUEUE_MS - 62_000;
    default:
      return now - rng.int(1, 15) * DAY - rng.int(0, 86_399) * 1000;
  }
}

interface Target {
  cluster: string;
  nodeLabel: string;
  suffix: string;
}

function pickTarget(state: OteState, fleetLabels: readonly string[], t: AppTemplate, status: number, rng: Rng): Target | undefined {
  const nodeLabel = t.kind === 'daemonset' ? ALL : t.gpu ? 'video-analytics' : t.name === 'rtsp-gateway' ? 'camera-ingest' : ALL;
  const app = state.apps.find((a) => a.appName === t.name);
  if (!app) return undefined;
  const breadth = (cluster: string) => podsPerCluster(state, app, cluster, nodeLabel).perCluster.length;
  // A failed deployment targets one site, the first with a matching node from a random
  // start (not a shuffle of the fleet per deployment); everything else a region, city or site kind.
  if (status === STATUS.failed) {
    const start = rng.int(0, state.clusters.length - 1);
    for (let k = 0; k < state.clusters.length; k++) {
      const cluster = state.clusters[(start + k) % state.clusters.length];
      if (cluster && breadth(cluster.name) === 1) return { cluster: cluster.name, nodeLabel, suffix: cluster.name };
    }
    return undefined;
  }
  const labels = rng.shuffle(fleetLabels);
  const label = labels.find((l) => breadth(l) >= 2) ?? ALL;
  return breadth(label) >= 1 ? { cluster: label, nodeLabel, suffix: label } : undefined;
}
