import { NotFoundError, ValidationError } from '../../model/errors.js';
import { encodeGlobalId } from '../../model/ids.js';
import type { OperationResult } from '../../model/operations.js';
import type { RequestScope } from '../scope.js';
import {
  type DwsAlarm,
  type DwsAlarmDay,
  type DwsAuditDump,
  type DwsAvailabilityZone,
  type DwsBindableLoadBalancer,
  type DwsBindings,
  type DwsNodeType,
  type DwsParameter,
  type DwsParameterTemplate,
  type DwsQuota,
  type DwsSnapshotPolicy,
  type DwsSubscription,
  type DwsWorkload,
  toAlarm,
  toAlarmDay,
  toAuditDump,
  toAvailabilityZone,
  toBindableLoadBalancer,
  toBindings,
  toNodeType,
  toParameter,
  toParameterTemplate,
  toQuota,
  toSnapshotPolicy,
  toSubscription,
  toWorkload,
} from './map.js';
import { isNotFoundError } from './client.js';
import { type DwsOperationsDeps, sendTo, startedOn } from './operations.js';
import type {
  DwsAlarmSubscriptionChange,
  DwsDomainNameChange,
  DwsEventSubscriptionChange,
  DwsParameterChange,
  DwsResourcePoolChange,
  DwsSnapshotPolicyChange,
  DwsSubscriptionKind,
} from './inputs.js';
import { domainNameBody, parametersBody, resourcePoolBody, resetPasswordBody, snapshotPolicyBody, subscriptionBody } from './requests.js';

/**
 * DWS's own capabilities, beyond the unified readers and operations
 * (docs/vendor-capabilities.md). Reads and writes take the request's scope: a write's
 * own reads of the cluster share the GET the schema made to find it.
 */
export interface DwsVendor {
  /** The AZs a cluster can be created in (createCluster's `availabilityZone`). */
  availabilityZones(scope: RequestScope): Promise<DwsAvailabilityZone[]>;
  /** The node flavors (createCluster's `nodeType`), with the AZs that sell each and its kernel versions. */
  nodeTypes(scope: RequestScope): Promise<DwsNodeType[]>;
  /** The project's quotas and what is used of each. */
  quotas(scope: RequestScope): Promise<DwsQuota[]>;
  /** Every alarm of the project, newest first; only those still raised (or only cleared ones) with `active`. */
  alarms(scope: RequestScope, active?: boolean): Promise<DwsAlarm[]>;
  /** Alarms raised per day and level over the last seven days, oldest first. */
  alarmStatistics(scope: RequestScope): Promise<DwsAlarmDay[]>;
  /** A new password for the cluster's database administrator (5.2.7); done when DWS answers. */
  resetPassword(scope: RequestScope, clusterId: string, newPassword: string): Promise<OperationResult>;
  /** Ends the read-only state a full disk put the cluster in (5.2.8); done when DWS answers. */
  cancelReadOnly(scope: RequestScope, clusterId: string): Promise<OperationResult>;
  /** The cluster's snapshot policy (5.5.4); null when the cluster is gone. */
  snapshotPolicy(scope: RequestScope, clusterId: string): Promise<DwsSnapshotPolicy | null>;
  /** Changes what `change` gives of the policy (5.5.10); done when DWS answers. */
  setSnapshotPolicy(scope: RequestScope, clusterId: string, change: DwsSnapshotPolicyChange): Promise<OperationResult>;
  /** Removes one strategy of the policy (5.5.6); a ValidationError naming `strategyId` when the policy has none such. */
  deleteSnapshotStrategy(scope: RequestScope, clusterId: string, strategyId: string): Promise<OperationResult>;
  /** The parameter templates associated with the cluster (5.12.1); null when the cluster is gone. */
  parameterTemplates(scope: RequestScope, clusterId: string): Promise<DwsParameterTemplate[] | null>;
  /** A template's parameters (5.12.2); null when the cluster or the template is gone. */
  parameters(scope: RequestScope, clusterId: string, templateId: string): Promise<DwsParameter[] | null>;
  /**
   * New values for parameters of one of the cluster's templates (5.12.3), by default its
   * parameterGroup (the database parameters); DWS applies them as a task, answered as its workflow.
   */
  setParameters(scope: RequestScope, clusterId: string, values: readonly DwsParameterChange[], templateId?: string): Promise<OperationResult>;
  /** The project's alarm or event subscriptions: who is told of what, through which SMN topic. */
  subscriptions(scope: RequestScope, kind: DwsSubscriptionKind): Promise<DwsSubscription[]>;
  /** A new subscription (5.8.4, 5.9.3); done when DWS answers. Subscriptions have no global id: the answer names no target. */
  createSubscription(scope: RequestScope, kind: DwsSubscriptionKind, change: DwsAlarmSubscriptionChange | DwsEventSubscriptionChange): Promise<OperationResult>;
  /** Changes what `change` gives of subscription `id` (5.8.5, 5.9.4), read first: DWS takes the whole subscription. */
  updateSubscription(
    scope: RequestScope,
    kind: DwsSubscriptionKind,
    id: string,
    change: DwsAlarmSubscriptionChange | DwsEventSubscriptionChange,
  ): Promise<OperationResult>;
  /** Removes subscription `id` (5.8.6, 5.9.5). */
  deleteSubscription(scope: RequestScope, kind: DwsSubscriptionKind, id: string): Promise<OperationResult>;
  /** The cluster's EIP and ELB, as its detail shows them; null when the cluster is gone. */
  bindings(scope: RequestScope, clusterId: string): Promise<DwsBindings | null>;
  /** The ELBs of the cluster's VPC it can be bound to (5.7.4); null when the cluster is gone. */
  bindableLoadBalancers(scope: RequestScope, clusterId: string): Promise<DwsBindableLoadBalancer[] | null>;
  /** Binds ELB `elbId`, one the cluster can be bound to (5.7.5): DWS's ELB_BINDING task, answered as its workflow. */
  bindLoadBalancer(scope: RequestScope, clusterId: string, elbId: string): Promise<OperationResult>;
  /** Unbinds the cluster's ELB (5.7.6): DWS's ELB_UNBINDING task, answered as its workflow. */
  unbindLoadBalancer(scope: RequestScope, clusterId: string): Promise<OperationResult>;
  /** Binds EIP `eipId` (5.7.7); done when DWS answers. */
  bindEip(scope: RequestScope, clusterId: string, eipId: string): Promise<OperationResult>;
  /** Unbinds the cluster's EIP (5.7.8); done when DWS answers. */
  unbindEip(scope: RequestScope, clusterId: string): Promise<OperationResult>;
  /** Applies for (`create`, 5.7.1) or changes (5.7.2) the cluster's public or private domain name; done when DWS answers. */
  setDomainName(scope: RequestScope, clusterId: string, change: DwsDomainNameChange, create: boolean): Promise<OperationResult>;
  /** Deletes the cluster's public domain name (5.7.3: the private one cannot go); done when DWS answers. */
  deletePublicDomainName(scope: RequestScope, clusterId: string): Promise<OperationResult>;
  /** The cluster's audit log dumps to OBS (5.13.1); null when the cluster is gone. */
  auditDumps(scope: RequestScope, clusterId: string): Promise<DwsAuditDump[] | null>;
  /** Whether resource management is on, and the most concurrent queries (5.4.1); null when the cluster is gone. */
  workload(scope: RequestScope, clusterId: string): Promise<DwsWorkload | null>;
  /** The names of the cluster's resource pools (5.4.3); null when the cluster is gone. */
  resourcePools(scope: RequestScope, clusterId: string, logicalCluster?: string): Promise<string[] | null>;
  /** Switches resource management on or off, with the most concurrent queries (5.4.6); done when DWS answers, as are the writes below. */
  setWorkload(scope: RequestScope, clusterId: string, enabled: boolean, maxConcurrency?: number): Promise<OperationResult>;
  /** A resource management plan (5.4.2). */
  createWorkloadPlan(scope: RequestScope, clusterId: string, name: string, logicalCluster?: string): Promise<OperationResult>;
  /** A resource pool with its resource settings (5.4.4). */
  createResourcePool(scope: RequestScope, clusterId: string, pool: DwsResourcePoolChange): Promise<OperationResult>;
  /** Removes resource pool `name` (5.4.5); NotFoundError DwsResourcePool when the cluster has none such. */
  deleteResourcePool(scope: RequestScope, clusterId: string, name: string, logicalCluster?: string): Promise<OperationResult>;
}

/** The types NotFoundError names for subscriptions, which have no global id. */
const SUBSCRIPTION_TYPE: Record<DwsSubscriptionKind, string> = { alarm: 'DwsAlarmSubscription', event: 'DwsEventSubscription' };

/** The template whose parameters are the cluster's database settings, which dwsSetParameters changes unless told otherwise. */
const DATABASE_TEMPLATE = 'parameterGroup';

export function dwsVendor(deps: DwsOperationsDeps): DwsVendor {
  const { client, sourceId } = deps;
  const cluster = (clusterId: string) => ({ target: { type: 'Cluster', nativeId: clusterId } }) as const;
  /** What the cluster is bound to now, read before a change of it; NotFoundError when the cluster is gone. */
  const boundTo = async (scope: RequestScope, clusterId: string): Promise<DwsBindings> => {
    const c = await client.cluster(scope, clusterId);
    if (!c) throw gone(clusterId);
    return toBindings(c);
  };
  const noSubscription = (kind: DwsSubscriptionKind, id: string) => new NotFoundError(SUBSCRIPTION_TYPE[kind], id);
  /** One write to subscription `id`; DWS's 404 for it becomes NotFoundError. Done when DWS answers. */
  const toSubscriptionAt = async (kind: DwsSubscriptionKind, id: string, write: () => Promise<void>): Promise<OperationResult> => {
    try {
      await write();
    } catch (err) {
      throw isNotFoundError(err) ? noSubscription(kind, id) : err;
    }
    return {};
  };
  const gone = (clusterId: string) => new NotFoundError('Cluster', encodeGlobalId({ type: 'Cluster', sourceId, nativeId: clusterId }));
  return {
    availabilityZones: async (scope) => (await client.availabilityZones(scope)).map(toAvailabilityZone),
    nodeTypes: async (scope) => (await client.nodeTypes(scope)).map(toNodeType),
    quotas: async (scope) => (await client.quotas(scope)).map(toQuota),
    alarmStatistics: async (scope) => (await client.alarmStatistics(scope)).map(toAlarmDay),
    alarms: async (scope, active) => (await client.alarms(scope)).items.map(toAlarm).filter((a) => active === undefined || a.active === active),

    async resetPassword(scope, clusterId, newPassword) {
      const c = await client.cluster(scope, clusterId);
      if (!c) throw gone(clusterId);
      const body = resetPasswordBody(newPassword, c.user_name ?? undefined);
      await sendTo(sourceId, 'Cluster', clusterId, () => client.resetPassword(clusterId, body, scope.signal));
      return cluster(clusterId);
    },

    async cancelReadOnly(scope, clusterId) {
      await sendTo(sourceId, 'Cluster', clusterId, () => client.cancelReadOnly(clusterId, scope.signal));
      return cluster(clusterId);
    },

    async snapshotPolicy(scope, clusterId) {
      const policy = await client.snapshotPolicy(scope, clusterId);
      return policy && toSnapshotPolicy(policy);
    },

    async setSnapshotPolicy(scope, clusterId, change) {
      const body = snapshotPolicyBody(change);
      await sendTo(sourceId, 'Cluster', clusterId, () => client.setSnapshotPolicy(clusterId, body, scope.signal));
      return cluster(clusterId);
    },

    /** DWS answers 404 both for the cluster and for the strategy: the policy is read first, so the 404 can only mean the cluster. */
    async deleteSnapshotStrategy(scope, clusterId, strategyId) {
      const policy = await client.snapshotPolicy(scope, clusterId);
      if (!policy) throw gone(clusterId);
      if (!policy.backup_strategies?.some((s) => s.policy_id === strategyId)) {
        throw new ValidationError('strategyId', `the cluster's snapshot policy has no strategy "${strategyId}"`);
      }
      await sendTo(sourceId, 'Cluster', clusterId, () => client.deleteSnapshotStrategy(clusterId, strategyId, scope.signal));
      return cluster(clusterId);
    },

    async parameterTemplates(scope, clusterId) {
      return (await client.parameterTemplates(scope, clusterId))?.map(toParameterTemplate) ?? null;
    },

    async parameters(scope, clusterId, templateId) {
      return (await client.parameters(scope, clusterId, templateId))?.map(toParameter) ?? null;
    },

    /** The templates are read first: DWS's 404 would not say whether the cluster or the template is missing. */
    async setParameters(scope, clusterId, values, templateId) {
      const body = parametersBody(values);
      const templates = await client.parameterTemplates(scope, clusterId);
      if (!templates) throw gone(clusterId);
      const template = templateId === undefined ? templates.find((t) => t.type === DATABASE_TEMPLATE) : templates.find((t) => t.id === templateId);
      if (!template) {
        throw new ValidationError(
          'templateId',
          templateId === undefined ? `the cluster has no ${DATABASE_TEMPLATE} template: name one` : `the cluster has no parameter template "${templateId}"`,
        );
      }
      await sendTo(sourceId, 'Cluster', clusterId, () => client.setParameters(clusterId, template.id, body, scope.signal));
      return startedOn(deps, clusterId, 'SETTING_CONFIGURATION', scope.signal);
    },

    async bindings(scope, clusterId) {
      const c = await client.cluster(scope, clusterId);
      return c && toBindings(c);
    },

    async bindableLoadBalancers(scope, clusterId) {
      return (await client.bindableElbs(scope, clusterId))?.map((e) => toBindableLoadBalancer(e, clusterId)) ?? null;
    },

    /** The list is read first: DWS's 404 would not say whether the cluster or the ELB is missing. */
    async bindLoadBalancer(scope, clusterId, elbId) {
      const elbs = await client.bindableElbs(scope, clusterId);
      if (!elbs) throw gone(clusterId);
      if (!elbs.some((e) => e.id === elbId)) throw new ValidationError('elbId', `"${elbId}" is no ELB this cluster can be bound to`);
      await sendTo(sourceId, 'Cluster', clusterId, () => client.bindElb(clusterId, elbId, true, scope.signal));
      return startedOn(deps, clusterId, 'ELB_BINDING', scope.signal);
    },

    async unbindLoadBalancer(scope, clusterId) {
      const elbId = (await boundTo(scope, clusterId)).loadBalancer?.nativeId;
      if (!elbId) throw new ValidationError('id', 'the cluster has no ELB bound');
      await sendTo(sourceId, 'Cluster', clusterId, () => client.bindElb(clusterId, elbId, false, scope.signal));
      return startedOn(deps, clusterId, 'ELB_UNBINDING', scope.signal);
    },

    async bindEip(scope, clusterId, eipId) {
      if (eipId.trim() === '') throw new ValidationError('eipId', 'DWS needs the EIP’s id');
      await sendTo(sourceId, 'Cluster', clusterId, () => client.bindEip(clusterId, eipId, true, scope.signal));
      return cluster(clusterId);
    },

    async unbindEip(scope, clusterId) {
      const eipId = (await boundTo(scope, clusterId)).eip?.nativeId;
      if (!eipId) throw new ValidationError('id', 'the cluster has no EIP bound');
      await sendTo(sourceId, 'Cluster', clusterId, () => client.bindEip(clusterId, eipId, false, scope.signal));
      return cluster(clusterId);
    },

    /**
     * The cluster exists (the mutation found it), so DWS's 404 on a modification means it
     * has no domain name of that type; on an application, a name of that type it has is
     * DWS's own refusal.
     */
    async setDomainName(scope, clusterId, change, create) {
      const body = domainNameBody(change);
      try {
        await client.setDomainName(clusterId, body, create, scope.signal);
      } catch (err) {
        throw isNotFoundError(err) ? new ValidationError('input.type', `the cluster has no ${change.type} domain name to change: apply for one`) : err;
      }
      return cluster(clusterId);
    },

    async deletePublicDomainName(scope, clusterId) {
      try {
        await client.deletePublicDomainName(clusterId, scope.signal);
      } catch (err) {
        throw isNotFoundError(err) ? new ValidationError('id', 'the cluster has no public domain name') : err;
      }
      return cluster(clusterId);
    },

    auditDumps: async (scope, clusterId) => (await client.auditDumps(scope, clusterId))?.map(toAuditDump) ?? null,

    workload: async (scope, clusterId) => {
      const w = await client.workload(scope, clusterId);
      return w && toWorkload(w);
    },

    resourcePools: (scope, clusterId, logicalCluster) => client.resourcePools(scope, clusterId, logicalCluster),

    async setWorkload(scope, clusterId, enabled, maxConcurrency) {
      if (maxConcurrency !== undefined && (!Number.isInteger(maxConcurrency) || maxConcurrency < 1)) {
        throw new ValidationError('maxConcurrency', 'the most concurrent queries is a whole number, 1 or more');
      }
      const body = {
        workload_status: { workload_switch: enabled ? 'on' : 'off', ...(maxConcurrency !== undefined ? { max_concurrency_num: maxConcurrency } : {}) },
      } as const;
      await sendTo(sourceId, 'Cluster', clusterId, () => client.setWorkload(clusterId, body, scope.signal));
      return cluster(clusterId);
    },

    async createWorkloadPlan(scope, clusterId, name, logicalCluster) {
      if (name.trim() === '') throw new ValidationError('name', 'DWS needs a plan name');
      const body = { plan_name: name, ...(logicalCluster !== undefined ? { logical_cluster_name: logicalCluster } : {}) };
      await sendTo(sourceId, 'Cluster', clusterId, () => client.createWorkloadPlan(clusterId, body, scope.signal));
      return cluster(clusterId);
    },

    async createResourcePool(scope, clusterId, pool) {
      const body = resourcePoolBody(pool);
      await sendTo(sourceId, 'Cluster', clusterId, () => client.createResourcePool(clusterId, body, scope.signal));
      return cluster(clusterId);
    },

    /** The cluster exists (the mutation found it): DWS's 404 means the pool. */
    async deleteResourcePool(scope, clusterId, name, logicalCluster) {
      try {
        await client.deleteResourcePool(clusterId, name, logicalCluster, scope.signal);
      } catch (err) {
        throw isNotFoundError(err) ? new NotFoundError('DwsResourcePool', name) : err;
      }
      return cluster(clusterId);
    },

    subscriptions: async (scope, kind) => (await client.subscriptions(scope, kind)).map(toSubscription),

    async createSubscription(scope, kind, change) {
      await client.createSubscription(kind, subscriptionBody(kind, change), scope.signal);
      return {};
    },

    async updateSubscription(scope, kind, id, change) {
      const current = (await client.subscriptions(scope, kind)).find((s) => s.id === id);
      if (!current) throw noSubscription(kind, id);
      const body = subscriptionBody(kind, change, current);
      return toSubscriptionAt(kind, id, () => client.updateSubscription(kind, id, body, scope.signal));
    },

    deleteSubscription: (scope, kind, id) => toSubscriptionAt(kind, id, () => client.deleteSubscription(kind, id, scope.signal)),
  };
}
