import type { SimEnv } from '../kit/definition.js';
import type { Rng } from '../kit/rng.js';
import { KIND_OF, NOWHERE, type OperationKind, podsPerCluster, startOperation, TYPE_OF } from './rollout.js';
import { AUDIT, type Audit, type Deployment, findApp, findDeployment, type OteState, STATUS } from './state.js';

/**
 * Deployments submitted by general users wait (status 0) for an administrator's audit;
 * approval starts the operation from status 1, disapproval parks it at status 2. The
 * demo administrator has `enableAdminAutoDeploy`, so its own submissions skip this.
 */

export function submitForAudit(state: OteState, dep: Deployment, kind: OperationKind, at: number, comment: string): Audit {
  dep.deployType = TYPE_OF[kind];
  dep.status = STATUS.pending;
  if (kind === 'install') {
    const app = findApp(state, dep.appName, dep.version);
    const total = app ? podsPerCluster(state, app, dep.cluster, dep.nodeLabel).total : 0;
    dep.pods = { running: 0, error: 0, total };
  }
  dep.updatedAt = at;
  dep.history.push({ version: dep.version, deployType: dep.deployType, status: STATUS.pending, comment, createdAt: at, updatedAt: at });
  const audit: Audit = {
    id: state.nextId.audit++,
    deployId: dep.id,
    businessName: dep.businessName,
    appName: dep.appName,
    version: dep.version,
    cluster: dep.cluster,
    deployType: dep.deployType,
    status: AUDIT.pending,
    comment: '',
    createdAt: at,
    updatedAt: at,
  };
  state.audits.push(audit);
  return audit;
}

export interface Verdict {
  status: typeof AUDIT.approved | typeof AUDIT.disapproved;
  comment: string;
  at: number;
  /** Drawn by the caller when the approved operation starts. */
  fails: boolean;
}

export function decideAudit(env: SimEnv, state: OteState, audit: Audit, verdict: Verdict, rng: Rng): void {
  const dep = findDeployment(state, audit.deployId);
  audit.status = verdict.status;
  audit.comment = verdict.comment;
  audit.updatedAt = verdict.at;
  if (!dep) return;
  dep.auditComment = verdict.comment;
  const entry = dep.history[dep.history.length - 1];
  if (verdict.status === AUDIT.disapproved) {
    dep.status = STATUS.disapproved;
    dep.updatedAt = verdict.at;
    if (entry) Object.assign(entry, { status: STATUS.disapproved, updatedAt: verdict.at });
    return;
  }
  const app = findApp(state, dep.appName, dep.version);
  const placement = app ? podsPerCluster(state, app, dep.cluster, dep.nodeLabel) : NOWHERE;
  const kind = KIND_OF[audit.deployType] ?? 'install';
  startOperation(env, dep, { kind, startedAt: verdict.at, fails: verdict.fails, approved: true, comment: entry?.comment ?? '', placement }, rng);
}
