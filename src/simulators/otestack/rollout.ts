import type { Rng } from '../kit/rng.js';
import type { SimEnv } from '../kit/definition.js';
import { type App, type Cluster, DEPLOY_TYPE, type Deployment, findApp, type OteState, type Placement, type PodCounts, STATUS } from './state.js';

/**
 * Deployment operations (install, upgrade, rollback, delete) in simulated time:
 *   0 pending (queued, or waiting for audit) / 1 approved
 *   → 3 processing (manifests rendered and pushed down the OTE-stack cluster tree)
 *   → 4 deploying (pods come up node by node; errorMessage counts advance)
 *   → 5 success / 6 partial success / 7 failed.
 * A delete goes 3 processing → 9 deleted, or 8 internal error when an edge cluster
 * does not confirm the teardown.
 */

/** How long an auto-approved (or just approved) submission waits for the scheduler. */
export const QUEUE_MS = 10_000;
const PROCESSING_MS: readonly [number, number] = [20_000, 60_000];
const TEARDOWN_MS: readonly [number, number] = [30_000, 90_000];
/** Pods start a few seconds apart per edge cluster; big rollouts are capped. */
const deployingMs = (pods: number) => Math.min(45_000 + 3_000 * pods, 12 * 60_000);

export type OperationKind = 'install' | 'upgrade' | 'rollback' | 'delete';
export const TYPE_OF: Record<OperationKind, number> = {
  install: DEPLOY_TYPE.install,
  upgrade: DEPLOY_TYPE.upgrade,
  rollback: DEPLOY_TYPE.rollback,
  delete: DEPLOY_TYPE.delete,
};
export const KIND_OF = Object.fromEntries(Object.entries(TYPE_OF).map(([kind, type]) => [type, kind])) as Record<number, OperationKind | undefined>;

export const ALL = 'all';

/** The clusters carrying each label, kept until a label changes (see `labelsChanged`). */
function labelIndex(state: OteState): ReadonlyMap<string, readonly Cluster[]> {
  if (!state.clustersByLabel) {
    const index = new Map<string, Cluster[]>();
    for (const c of state.clusters) {
      for (const label of c.labels.keys()) {
        const carrying = index.get(label);
        if (carrying) carrying.push(c);
        else index.set(label, [c]);
      }
    }
    state.clustersByLabel = index;
  }
  return state.clustersByLabel;
}

/** Every label some cluster carries, in the order the fleet first shows them. */
export const clusterLabels = (state: OteState): Iterable<string> => labelIndex(state).keys();

/** A label route changed a cluster's or a node's labels: placements are recomputed. */
export function labelsChanged(state: OteState): void {
  state.placements.clear();
  state.clustersByLabel = undefined;
}

/** The clusters a deployment's `cluster` (a cluster label, a cluster name or "all") targets, in fleet order. */
export function targetClusters(state: OteState, clusterLabel: string): readonly Cluster[] {
  if (clusterLabel === ALL) return state.clusters;
  // A label or a single site is found without a walk over the fleet, unless some cluster
  // also carries a site's name as a label.
  const named = state.clusterByName.get(clusterLabel);
  const labelled = labelIndex(state).get(clusterLabel);
  if (!labelled) return named ? [named] : [];
  if (!named) return labelled;
  return state.clusters.filter((c) => c === named || c.labels.has(clusterLabel));
}

/**
 * Pods per targeted edge cluster: a daemonset runs one per matching node, a deployment
 * runs its replicas in every cluster that has a matching node. The total is kept with
 * them, so a deployment over most of a large fleet does not sum it again.
 */
export function podsPerCluster(state: OteState, app: App, clusterLabel: string, nodeLabel: string): Placement {
  const key = `${clusterLabel}\n${nodeLabel}\n${app.deployType === 'daemonset' ? 'node' : Math.max(app.replicas, 1)}`;
  const known = state.placements.get(key);
  if (known) return known;
  const perCluster: number[] = [];
  let total = 0;
  for (const c of targetClusters(state, clusterLabel)) {
    const nodes = state.nodesByCluster.get(c.name) ?? [];
    let matching = nodeLabel === ALL ? nodes.length : 0;
    if (nodeLabel !== ALL) for (const n of nodes) if (n.labels.has(nodeLabel)) matching++;
    if (matching === 0) continue;
    const pods = app.deployType === 'daemonset' ? matching : Math.max(app.replicas, 1);
    perCluster.push(pods);
    total += pods;
  }
  const placement = { perCluster, total };
  state.placements.set(key, placement);
  return placement;
}

export const NOWHERE: Placement = { perCluster: [], total: 0 };

export function podView(dep: Deployment, now: number): PodCounts {
  const r = dep.rollout;
  if (!r || dep.status !== STATUS.deploying) return dep.pods;
  const p = Math.min(1, Math.max(0, (now - r.deployingAt) / (r.finishesAt - r.deployingAt)));
  const step = (a: number, b: number) => a + Math.floor((b - a) * p);
  return { running: step(r.from.running, r.to.running), error: step(r.from.error, r.to.error), total: r.to.total };
}

/** The `errorMessage` string, spaced like the document's example. */
export const errorMessage = (pods: PodCounts) => `{"running": ${pods.running}, "error": ${pods.error}, "total": ${pods.total}}`;

/** A deployment can take a new operation unless one is queued or running, or it is gone. */
export const isEditable = (dep: Deployment) =>
  !([STATUS.pending, STATUS.approved, STATUS.processing, STATUS.deploying, STATUS.deleted] as number[]).includes(dep.status);

/** Pods are (at least partly) up on the edge. */
export const isRunning = (dep: Deployment) => ([STATUS.deploying, STATUS.success, STATUS.partial] as number[]).includes(dep.status);

const generations = new WeakMap<Deployment, number>();

interface Phase {
  at: number;
  apply: (at: number) => void;
}

export interface OperationPlan {
  kind: OperationKind;
  /** When the operation was submitted (or approved); may lie in the past for generated history. */
  startedAt: number;
  fails: boolean;
  /** Starts from 1 (approved by an auditor) instead of 0 (queued). */
  approved: boolean;
  comment: string;
  /** Where the pods go, from `podsPerCluster` (ignored for deletes). */
  placement: Placement;
}

/**
 * Starts an operation on `dep`: sets the status it has at the current simulated time and
 * schedules the transitions still ahead. `rng` only shapes durations and which cluster
 * fails; whether it fails was drawn by the caller.
 */
export function startOperation(env: SimEnv, dep: Deployment, plan: OperationPlan, rng: Rng): void {
  const { startedAt } = plan;
  // A newer operation (a delete forced by removing a node label) supersedes this one's
  // transitions still in the scheduler.
  const generation = (generations.get(dep) ?? 0) + 1;
  generations.set(dep, generation);
  const current = (apply: (at: number) => void) => (at: number) => {
    if (generations.get(dep) === generation) apply(at);
  };
  dep.deployType = TYPE_OF[plan.kind];
  dep.updatedAt = startedAt;
  dep.rollout = undefined;
  // An approved operation was recorded when it was submitted for audit.
  if (!plan.approved) {
    dep.history.push({
      version: dep.version,
      deployType: dep.deployType,
      status: STATUS.pending,
      comment: plan.comment,
      createdAt: startedAt,
      updatedAt: startedAt,
    });
  }
  const setStatus = (status: number) => (at: number) => {
    dep.status = status;
    dep.updatedAt = at;
    const entry = dep.history[dep.history.length - 1];
    if (entry) {
      entry.status = status;
      entry.updatedAt = at;
    }
  };
  const processingAt = startedAt + QUEUE_MS;
  const phases: Phase[] = [
    { at: startedAt, apply: setStatus(plan.approved ? STATUS.approved : STATUS.pending) },
    { at: processingAt, apply: setStatus(STATUS.processing) },
  ];

  if (plan.kind === 'delete') {
    const endsAt = processingAt + rng.int(...TEARDOWN_MS);
    phases.push({
      at: endsAt,
      apply: (at) => {
        setStatus(plan.fails ? STATUS.internalError : STATUS.deleted)(at);
        if (!plan.fails) dep.pods = { running: 0, error: 0, total: 0 };
      },
    });
  } else {
    const total = plan.placement.total;
    const to = outcomePods(plan.placement, plan.fails, rng);
    const deployingAt = processingAt + rng.int(...PROCESSING_MS);
    const finishesAt = deployingAt + deployingMs(total);
    const from: PodCounts = { running: Math.min(dep.pods.running, total), error: 0, total };
    if (plan.kind === 'install') dep.pods = { running: 0, error: 0, total };
    phases.push(
      {
        at: deployingAt,
        apply: (at) => {
          dep.rollout = { deployingAt, finishesAt, from, to };
          setStatus(STATUS.deploying)(at);
        },
      },
      {
        at: finishesAt,
        apply: (at) => {
          dep.pods = to;
          dep.rollout = undefined;
          setStatus(to.error === 0 ? STATUS.success : to.running > 0 ? STATUS.partial : STATUS.failed)(at);
        },
      },
    );
  }

  const now = env.clock.now();
  for (const phase of phases) {
    if (phase.at <= now) phase.apply(phase.at);
    else env.scheduler.at(phase.at, current(phase.apply));
  }
}

/**
 * A failed rollout across several edge clusters is a partial success: one site's pods
 * crash-loop or cannot pull the image while the others come up. With a single cluster
 * there is nothing to fall back on, so the whole deployment fails.
 */
function outcomePods({ perCluster, total }: Placement, fails: boolean, rng: Rng): PodCounts {
  if (!fails) return { running: total, error: 0, total };
  if (perCluster.length < 2) return { running: 0, error: total, total };
  const error = perCluster[rng.int(0, perCluster.length - 1)] ?? 1;
  return { running: total - error, error, total };
}

/** Starts an operation requested now through the API; the failure draw happens here, once. */
export function launchOperation(env: SimEnv, state: OteState, dep: Deployment, kind: OperationKind, comment: string): void {
  const app = findApp(state, dep.appName, dep.version);
  const placement = app ? podsPerCluster(state, app, dep.cluster, dep.nodeLabel) : NOWHERE;
  const plan: OperationPlan = { kind, startedAt: env.clock.now(), fails: env.operationFails(), approved: false, comment, placement };
  startOperation(env, dep, plan, env.rng);
}
