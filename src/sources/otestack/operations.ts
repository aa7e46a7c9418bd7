import { cap } from '../kit/limit.js';
import type { Label } from '../../model/entities.js';
import { NotFoundError, ValidationError } from '../../model/errors.js';
import type { CreateDeploymentRequest, DeploymentVerdict, OperationOptions, OperationResult, SourceOperations } from '../../model/operations.js';
import { SourceError } from '../errors.js';
import { RequestScope } from '../scope.js';
import { allOf } from '../partial.js';
import { isNotFound, type OteClient } from './client.js';
import { Lookups } from './lookups.js';
import { AUDIT_STATUS, DEPLOY_TYPE, DEPLOYMENT_STATUS, operationId, parseHostId } from './map.js';
import {
  checkReplicas,
  chooseTarget,
  createDeploymentBody,
  createdDeployment,
  deploymentDraft,
  labelChanges,
  labelNames,
  pickAppVersion,
  rollbackVersion,
  targetCandidates,
} from './requests.js';
import type { OteSession } from './session.js';
import type { OteDeploymentDetail } from './wire.js';

/**
 * What an OTE-stack source can change: deployments (create, upgrade, roll back, delete,
 * and the administrator's approval or rejection of one held back) and cluster and node
 * labels. It cannot create, delete or restart edge clusters and keeps no
 * snapshots, so those operations stay absent.
 *
 * Each deployment operation reads what it needs first (a fresh RequestScope, so the
 * read-back afterwards never sees those answers again), sends its one write, and
 * returns the workflow `deployment:<id>:<deployType>:<version>` as the workflows reader
 * serves it: the vendor tracks one operation per deployment in its status, so the new
 * deployType and version name the operation just started.
 */
export interface OteOperationsDeps {
  client: OteClient;
  sourceId: string;
  sourceKind: string;
  /** Cap on the lookups a deployment's target and a host's labels fan out into, as for the readers. */
  concurrency: number;
  /** The adapter's own readers over `scope`: the workflows they serve are what subscriptions poll. */
  session(scope: RequestScope): OteSession;
}

export function oteOperations({ client, sourceId, sourceKind, concurrency, session }: OteOperationsDeps): SourceOperations {
  const freshScope = (o?: OperationOptions) => new RequestScope(o?.signal);

  /** A deployment the vendor still has; a deleted one is gone for the gateway too. */
  const liveDeployment = async (nativeId: string, scope: RequestScope): Promise<OteDeploymentDetail> => {
    const detail = /^\d+$/.test(nativeId) ? await client.deployment(scope, Number(nativeId)) : null;
    if (!detail || detail.status === DEPLOYMENT_STATUS.deleted) throw new NotFoundError('Deployment', nativeId);
    return detail;
  };

  /**
   * Reads back what an accepted write made. The write has happened by then, so a failed
   * read says so with `outcomeUnknown` (check, do not resend) instead of looking like a
   * refusal.
   */
  const readBack = async <T>(what: string, read: () => Promise<T | null | undefined>): Promise<T> => {
    let found: T | null | undefined;
    try {
      found = await read();
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      throw new SourceError(
        err.code,
        `${what} was accepted, but reading it back failed: ${err.detail.vendorMessage ?? err.code}`,
        { ...err.detail, outcomeUnknown: true },
        { cause: err },
      );
    }
    if (found === null || found === undefined) {
      throw new SourceError('SOURCE_BAD_RESPONSE', `${what} was accepted, but the vendor does not show it`, { sourceId, sourceKind, outcomeUnknown: true });
    }
    return found;
  };

  /** The deployment and the workflow of the operation just started on it. */
  const started = async (what: string, deployId: number, deployType: number, version: string, o?: OperationOptions): Promise<OperationResult> => {
    const { workflows } = session(freshScope(o));
    const workflow = await readBack(what, () => workflows.get(operationId(deployId, deployType, version)));
    return { target: { type: 'Deployment', nativeId: String(deployId) }, workflow };
  };

  /**
   * The `cluster` value that covers exactly the requested clusters: a cluster's name,
   * "all", or a label they share and no other cluster carries.
   */
  const deploymentTarget = async (clusters: readonly string[], scope: RequestScope): Promise<string> => {
    const lookups = new Lookups(client, scope, cap(concurrency));
    const known = new Set((await lookups.clusterRows()).map((c) => c.clusterName));
    const missing = clusters.find((c) => !known.has(c));
    if (missing !== undefined) throw new NotFoundError('Cluster', missing);
    const labels = clusters.length > 1 ? allOf(await lookups.clusterLabels(clusters)) : new Map<string, string[]>();
    const candidates = targetCandidates(clusters, labels);
    const covered = await Promise.all(candidates.map((target) => lookups.coverage(target)));
    return chooseTarget(clusters, new Map(candidates.map((target, i) => [target, covered[i] ?? []])));
  };

  /**
   * The deployment's application must have `version`. The application is not an argument
   * of upgrade or rollback, so a missing one is the `version` argument's fault too.
   */
  const checkVersion = async (detail: OteDeploymentDetail, version: string, scope: RequestScope): Promise<void> => {
    if (!detail.appName) return; // Nothing to look up by; the vendor checks.
    pickAppVersion(await client.appVersions(scope, detail.appName), detail.appName, version, { application: 'version', version: 'version' });
  };

  /**
   * One add or delete call per label that differs, adds first: a failure half way
   * leaves the object with extra labels rather than fewer, so no deployment targeting
   * a label loses a cluster or node it should keep. Done at once, no workflow.
   */
  const relabel = async (
    what: string,
    current: readonly string[],
    wanted: readonly string[],
    send: (change: 'add' | 'remove', label: string) => Promise<void>,
  ) => {
    const { add, remove } = labelChanges(current, wanted);
    const steps = [...add.map((label) => ({ change: 'add' as const, label })), ...remove.map((label) => ({ change: 'remove' as const, label }))];
    const done: string[] = [];
    for (const { change, label } of steps) {
      try {
        await send(change, label);
      } catch (err) {
        if (!(err instanceof SourceError) || done.length === 0) throw err;
        throw new SourceError(
          err.code,
          `labels of ${what} partly changed (${done.join(', ')}) when ${change} "${label}" failed: ${err.detail.vendorMessage ?? err.code}`,
          err.detail,
          { cause: err },
        );
      }
      done.push(`${change === 'add' ? 'added' : 'removed'} "${label}"`);
    }
  };

  return {
    async createDeployment(req: CreateDeploymentRequest, o?: OperationOptions): Promise<OperationResult> {
      const draft = deploymentDraft(req);
      const scope = freshScope(o);
      const cluster = await deploymentTarget(draft.clusters, scope);
      const app = pickAppVersion(await client.appVersions(scope, draft.appName), draft.appName, draft.version, {
        application: 'input.application',
        version: 'input.version',
      });
      checkReplicas(app, req.replicas);
      await client.createDeployment(createDeploymentBody(draft, cluster), o?.signal);
      const what = `deployment ${draft.deployName}`;
      const created = await readBack(what, async () => createdDeployment(await client.deploymentsOfApp(freshScope(o), draft.appName), draft.deployName));
      return started(what, created.id, DEPLOY_TYPE.install, draft.version, o);
    },

    async upgradeDeployment(deploymentId: string, version: string, o?: OperationOptions): Promise<OperationResult> {
      const scope = freshScope(o);
      const detail = await liveDeployment(deploymentId, scope);
      await checkVersion(detail, version, scope);
      await client.upgradeDeployment(detail.id, { version, comment: '' }, o?.signal);
      return started(`upgrade of deployment ${detail.deployName}`, detail.id, DEPLOY_TYPE.upgrade, version, o);
    },

    async rollbackDeployment(deploymentId: string, version: string | undefined, o?: OperationOptions): Promise<OperationResult> {
      const scope = freshScope(o);
      const detail = await liveDeployment(deploymentId, scope);
      const target = rollbackVersion(detail, version);
      await checkVersion(detail, target, scope);
      await client.rollbackDeployment(detail.id, { version: target, comment: '' }, o?.signal);
      return started(`rollback of deployment ${detail.deployName}`, detail.id, DEPLOY_TYPE.rollback, target, o);
    },

    async deleteDeployment(deploymentId: string, o?: OperationOptions): Promise<OperationResult> {
      const detail = await liveDeployment(deploymentId, freshScope(o));
      await client.deleteDeployment(detail.id, o?.signal);
      // A delete keeps the version: the operation is named by it and deployType 4.
      return started(`deletion of deployment ${detail.deployName}`, detail.id, DEPLOY_TYPE.delete, detail.version ?? '', o);
    },

    /**
     * The deployment's pending audit record, decided: approval starts the operation it
     * holds back (the workflow returned runs from there), rejection ends it. Only the
     * vendor's administrators may read or decide audits; a source signed in as anyone
     * else gets the vendor's refusal.
     */
    async decideDeployment(deploymentId: string, verdict: DeploymentVerdict, o?: OperationOptions): Promise<OperationResult> {
      const scope = freshScope(o);
      const detail = await liveDeployment(deploymentId, scope);
      const audit = (await client.audits(scope)).find((a) => a.deployId === detail.id && a.status === AUDIT_STATUS.pending);
      if (!audit) throw new ValidationError('id', `deployment ${detail.deployName} is not waiting for approval`);
      const status = verdict.approve ? AUDIT_STATUS.approved : AUDIT_STATUS.disapproved;
      await client.decideAudit({ id: audit.id, status, comment: verdict.comment }, o?.signal);
      const what = `${verdict.approve ? 'approval' : 'rejection'} of deployment ${detail.deployName}`;
      return started(what, detail.id, audit.deployType ?? DEPLOY_TYPE.install, audit.version ?? detail.version ?? '', o);
    },

    async setClusterLabels(clusterId: string, labels: Label[], o?: OperationOptions): Promise<OperationResult> {
      const wanted = labelNames(labels, 'labels');
      const current = await client.labelsOfCluster(freshScope(o), clusterId).catch((err: unknown) => {
        throw isNotFound(err) ? new NotFoundError('Cluster', clusterId) : err;
      });
      await relabel(clusterId, current, wanted, (change, label) => client.labelClusters(change, { clusterName: [clusterId], clusterLabel: label }, o?.signal));
      return { target: { type: 'Cluster', nativeId: clusterId } };
    },

    /** A node's labels, read from the node label index (targetOf has checked the node exists). */
    async setHostLabels(hostId: string, labels: Label[], o?: OperationOptions): Promise<OperationResult> {
      const node = parseHostId(hostId);
      if (!node) throw new NotFoundError('Host', hostId);
      const wanted = labelNames(labels, 'labels');
      const current = (await new Lookups(client, freshScope(o), cap(concurrency)).nodeLabels()).get(hostId) ?? [];
      const body = (label: string) => ({ nodeName: [node.nodeName], nodeLabel: label, clusterName: node.clusterName });
      await relabel(hostId, current, wanted, (change, label) => client.labelNodes(change, body(label), o?.signal));
      return { target: { type: 'Host', nativeId: hostId } };
    },
  };
}
