import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/model/ids.js';
import {
  ClusterDetailsKindsDocument,
  CreateClusterDocument,
  DwsAlarmStatisticsDocument,
  DwsAlarmsDocument,
  DwsAuditDumpsDocument,
  DwsBindEipDocument,
  DwsBindLoadBalancerDocument,
  DwsCancelReadOnlyDocument,
  DwsConnectionsDocument,
  DwsCreateDomainNameDocument,
  DwsCreateAlarmSubscriptionDocument,
  DwsCreateEventSubscriptionDocument,
  DwsCreateFormDocument,
  DwsCreateResourcePoolDocument,
  DwsCreateWorkloadPlanDocument,
  DwsDeleteAlarmSubscriptionDocument,
  DwsDeleteDomainNameDocument,
  DwsDeleteEventSubscriptionDocument,
  DwsDeleteResourcePoolDocument,
  DwsDeleteSnapshotStrategyDocument,
  DwsParametersDocument,
  DwsParameterTemplatesDocument,
  DwsQuotasDocument,
  DwsResetPasswordDocument,
  DwsSetParametersDocument,
  DwsSetSnapshotPolicyDocument,
  DwsSetWorkloadDocument,
  DwsSubscriptionsDocument,
  DwsUnbindEipDocument,
  DwsUnbindLoadBalancerDocument,
  DwsUpdateAlarmSubscriptionDocument,
  DwsUpdateDomainNameDocument,
  DwsWorkloadDocument,
  DwsUpdateEventSubscriptionDocument,
  DwsSnapshotPolicyDocument,
  NodeByIdDocument,
  WorkflowStateDocument,
} from '../generated/operations.js';
import { OPERATOR_TOKEN, useRolesDemo, VIEWER_TOKEN } from '../helpers/gateway.js';
import { mutate, started } from '../helpers/mutations.js';
import { readNode } from '../helpers/nodes.js';
import { call } from '../helpers/sim-client.js';

/** DWS's own root (`dws(sourceId:)`) through `/graphql`, against the demo's simulator. */

const NEW_PASSWORD = 'NewPassw0rd!e2e';

const demo = useRolesDemo();

/** The simulator's own answer at `path` (below `/{version}/{project_id}`), read with a token of our own. */
async function vendor(version: string, path: string): Promise<any> {
  const sim = demo.fleet.simulators.dws;
  const { user, password, domain, project } = sim.credentials;
  const login = await call(sim, 'POST', '/v3/auth/tokens', {
    body: {
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, password, domain: { name: domain } } } },
        scope: { project: { name: project } },
      },
    },
  });
  const headers = { 'x-auth-token': login.headers.get('x-subject-token') as string };
  return (await call(sim, 'GET', `/${version}/${login.body.token.project.id}${path}`, { headers })).body;
}

const vendorWrites = () => Object.keys(demo.vendorCalls().dws!.routes).filter((route) => !route.startsWith('GET ') && route !== 'POST /v3/auth/tokens');
const vendorReads = () => Object.entries(demo.vendorCalls().dws!.routes).filter(([route]) => route !== 'POST /v3/auth/tokens');

describe('dws(sourceId:): what a create form offers', () => {
  it('lists the zones, flavors and quotas as the vendor has them, one vendor call each, to a viewer too', async () => {
    const [zones, types, quotas] = [await vendor('v1.0', '/availability-zones'), await vendor('v2', '/node-types'), await vendor('v1.0', '/quotas')];
    demo.resetCounts();
    const { data, errors } = await demo.run(DwsCreateFormDocument, { sourceId: 'dws' }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const form = data!.dws!;
    expect(form.sourceId).toBe('dws');
    expect(form.availabilityZones.map((z) => [z.code, z.available])).toEqual(zones.availability_zones.map((z: any) => [z.code, z.status === 'available']));
    expect(form.nodeTypes.map((t) => [t.nativeId, t.specName, t.vcpus])).toEqual(types.node_types.map((t: any) => [t.id, t.spec_name, t.vcpus]));
    expect(form.nodeTypes.every((t) => t.versions.length > 0 && t.zones.length > 0)).toBe(true);
    expect(form.quotas.map((q) => [q.resource, q.used, q.limit, q.remaining])).toEqual(
      quotas.quotas.resources.map((q: any) => [q.type, Number(q.used), Number(q.quota), Number(q.quota) - Number(q.used)]),
    );
    expect(Object.fromEntries(vendorReads())).toEqual({
      'GET /v1.0/{project_id}/availability-zones': 1,
      'GET /v2/{project_id}/node-types': 1,
      'GET /v1.0/{project_id}/quotas': 1,
    });
  });

  it('asks only for what is selected', async () => {
    const { data, errors } = await demo.run(DwsQuotasDocument, { sourceId: 'dws' }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    expect(data!.dws!.quotas.length).toBeGreaterThan(0);
    expect(vendorReads()).toEqual([['GET /v1.0/{project_id}/quotas', 1]]);
  });

  it('offers a flavor and zone that createCluster accepts', async () => {
    const form = (await demo.run(DwsCreateFormDocument, { sourceId: 'dws' })).data!.dws!;
    const flavor = form.nodeTypes.find((t) => t.zones.some((z) => z.available))!;
    const zone = flavor.zones.find((z) => z.available)!.code;
    expect(form.availabilityZones.find((z) => z.code === zone)?.available).toBe(true);
    const created = started(
      await mutate(demo, CreateClusterDocument, {
        input: {
          sourceId: 'dws',
          name: 'e2e-dws-form',
          dws: {
            nodeType: flavor.nativeId,
            nodes: 3,
            vpcId: '85b20d7e-9eb7-4b2a-98f3-3c8843ea3574',
            subnetId: '374eca02-cfc4-4de7-8ab5-dbebf7d9a720',
            securityGroupId: 'dc3ec145-9029-4b39-b5a3-ace5a01f772b',
            availabilityZone: zone,
            adminUser: 'dbadmin',
            adminPassword: 'Gauss_2024!x',
          },
        },
      }),
    );
    expect(created.workflow).toMatchObject({ kind: 'CREATE_CLUSTER', state: 'RUNNING' });
    const after = (await demo.run(DwsCreateFormDocument, { sourceId: 'dws' })).data!.dws!;
    const instances = (f: typeof form) => f.quotas.find((q) => q.resource === 'instances')!.used;
    expect(instances(after) - instances(form)).toBe(3);
  });

  it('names the sourceId argument when it is no DWS source, and asks no vendor', async () => {
    for (const [sourceId, says] of [
      ['otestack', 'is a otestack source, not DWS'],
      ['nowhere', 'no source "nowhere" is configured'],
    ] as const) {
      const { data, errors } = await demo.run(DwsCreateFormDocument, { sourceId });
      expect(data?.dws ?? null).toBeNull();
      expect(errors?.[0]).toMatchObject({ message: expect.stringContaining(says), extensions: { code: 'VALIDATION_FAILED' } });
    }
    expect(Object.values(demo.vendorCalls()).reduce((n, s) => n + s.total, 0)).toBe(0);
  });
});

describe('DWS’s own mutations', () => {
  const clusterId = (nativeId: string) => encodeGlobalId({ type: 'Cluster', sourceId: 'dws', nativeId });
  const clusters = async (): Promise<any[]> => (await vendor('v1.0', '/clusters')).clusters;

  it('resets the administrator’s password: done at once, and never in the answer', async () => {
    const idle = (await clusters()).find((c) => c.status === 'AVAILABLE' && c.task_status === null)!;
    demo.resetCounts();
    const answer = await mutate(demo, DwsResetPasswordDocument, { id: clusterId(idle.id), newPassword: NEW_PASSWORD });
    expect(answer).toEqual({ __typename: 'OperationPayload', targetId: clusterId(idle.id), workflow: null });
    expect(vendorWrites()).toEqual(['POST /v1.0/{project_id}/clusters/{cluster_id}/reset-password']);
    expect(demo.vendorCalls().dws!.routes['GET /v1.0/{project_id}/clusters/{cluster_id}']).toBe(1);

    const again = await demo.run(DwsResetPasswordDocument, { id: clusterId(idle.id), newPassword: NEW_PASSWORD });
    expect(again.data!.dwsResetPassword).toMatchObject({ __typename: 'SourceError', vendorCode: 'DWS.5144', httpStatus: 400, outcomeUnknown: false });
    expect(JSON.stringify([answer, again])).not.toContain(NEW_PASSWORD);
  });

  it('refuses a password DWS would refuse, naming newPassword, before any write', async () => {
    const [one] = await clusters();
    demo.resetCounts();
    const answer = await mutate(demo, DwsResetPasswordDocument, { id: clusterId(one.id), newPassword: 'short' });
    expect(answer).toMatchObject({ __typename: 'ValidationError', field: 'newPassword' });
    expect(vendorWrites()).toEqual([]);
  });

  it('cancels a read-only state once; the second time DWS says why not', async () => {
    const readonly = (await clusters()).find((c) => (c.sub_status ?? '').split(' ').includes('READONLY'))!;
    expect(await mutate(demo, DwsCancelReadOnlyDocument, { id: clusterId(readonly.id) })).toEqual({
      __typename: 'OperationPayload',
      targetId: clusterId(readonly.id),
      workflow: null,
    });
    expect((await vendor('v1.0', `/clusters/${readonly.id}`)).cluster.sub_status.split(' ')).not.toContain('READONLY');
    expect(await mutate(demo, DwsCancelReadOnlyDocument, { id: clusterId(readonly.id) })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: 'DWS.5095',
      outcomeUnknown: false,
    });
  });

  it('is an UnsupportedOperationError on another vendor’s cluster, NOT_FOUND for a cluster that is not there, and the operator role’s', async () => {
    const tiem = encodeGlobalId({ type: 'Cluster', sourceId: 'tiem', nativeId: 'any' });
    expect(await mutate(demo, DwsCancelReadOnlyDocument, { id: tiem })).toEqual({
      __typename: 'UnsupportedOperationError',
      sourceKind: 'TIEM',
      operation: 'dwsCancelReadOnly',
    });
    const missing = clusterId('00000000-1111-4222-8333-444444444444');
    expect(await mutate(demo, DwsCancelReadOnlyDocument, { id: missing })).toEqual({ __typename: 'NotFoundError', type: 'Cluster', id: missing });
    demo.resetCounts();
    const viewer = await demo.run(DwsResetPasswordDocument, { id: missing, newPassword: NEW_PASSWORD }, VIEWER_TOKEN);
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(Object.values(demo.vendorCalls()).reduce((n, s) => n + s.total, 0)).toBe(0);
  });
});

describe('Cluster.details: a DWS cluster’s snapshot policy', () => {
  const clusterId = (nativeId: string) => encodeGlobalId({ type: 'Cluster', sourceId: 'dws', nativeId });
  const idleCluster = async (): Promise<any> =>
    (await vendor('v1.0', '/clusters')).clusters.find((c: any) => c.status === 'AVAILABLE' && c.task_status === null);
  const policyOf = async (id: string, token?: string) => {
    const { data, errors } = await demo.run(DwsSnapshotPolicyDocument, { id }, token);
    expect(errors).toBeUndefined();
    const node = data!.node!;
    if (!('details' in node) || node.details?.__typename !== 'DwsClusterDetails') return expect.unreachable(`no DWS details: ${JSON.stringify(node)}`);
    return node.details.snapshotPolicy!;
  };

  it('is the DWS member for DWS clusters and not for the others, and costs no vendor call unless its fields are read', async () => {
    demo.resetCounts();
    const { data, errors } = await demo.run(ClusterDetailsKindsDocument, { first: 100 });
    expect(errors).toBeUndefined();
    const kinds = new Map(data!.clusters.edges.map((e) => [e.node.source.kind, e.node.details?.__typename ?? null]));
    expect(kinds.get('DWS')).toBe('DwsClusterDetails');
    expect([...kinds].filter(([kind]) => kind !== 'DWS').every(([, details]) => details !== 'DwsClusterDetails')).toBe(true);
    expect(vendorReads().some(([route]) => route.includes('snapshot-policies'))).toBe(false);
  });

  it('reads the policy as the vendor has it, to a viewer, in one call', async () => {
    const idle = await idleCluster();
    const expected = await vendor('v2', `/clusters/${idle.id}/snapshot-policies`);
    demo.resetCounts();
    const policy = await policyOf(clusterId(idle.id), VIEWER_TOKEN);
    expect(policy).toMatchObject({ automated: expected.auto_backup, retentionDays: expected.keep_day, device: expected.device_name });
    expect(policy.strategies.map((s) => [s.nativeId, s.name, s.schedule, s.type, s.nextRunAt])).toEqual(
      expected.backup_strategies.map((s: any) => [
        s.policy_id,
        s.policy_name,
        s.backup_strategy,
        s.backup_type,
        new Date(Number(s.next_fire_time)).toISOString(),
      ]),
    );
    expect(demo.vendorCalls().dws!.routes['GET /v2/{project_id}/clusters/{cluster_id}/snapshot-policies']).toBe(1);
  });

  it('adds, edits and deletes a strategy through the operator’s mutations; a viewer may not', async () => {
    const id = clusterId((await idleCluster()).id);
    const input = { retentionDays: 10, strategies: [{ name: 'e2e-nightly', schedule: '0 0 3 ? * 1,2,3,4,5,6,7', type: 'FULL' as const }] };
    const denied = await demo.run(DwsSetSnapshotPolicyDocument, { id, input }, VIEWER_TOKEN);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect(await mutate(demo, DwsSetSnapshotPolicyDocument, { id, input })).toEqual({ __typename: 'OperationPayload', targetId: id, workflow: null });
    const added = await policyOf(id);
    expect(added.retentionDays).toBe(10);
    const nightly = added.strategies.find((s) => s.name === 'e2e-nightly')!;
    expect(nightly).toMatchObject({ type: 'full', schedule: '0 0 3 ? * 1,2,3,4,5,6,7' });

    await mutate(demo, DwsSetSnapshotPolicyDocument, { id, input: { strategies: [{ nativeId: nightly.nativeId, type: 'INCREMENT' }] } });
    expect((await policyOf(id)).strategies.find((s) => s.nativeId === nightly.nativeId)?.type).toBe('increment');

    expect(await mutate(demo, DwsSetSnapshotPolicyDocument, { id, input: { retentionDays: 40 } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.retentionDays',
    });
    expect(await mutate(demo, DwsDeleteSnapshotStrategyDocument, { id, strategyId: nightly.nativeId })).toMatchObject({ __typename: 'OperationPayload' });
    expect((await policyOf(id)).strategies.map((s) => s.name)).not.toContain('e2e-nightly');
    expect(await mutate(demo, DwsDeleteSnapshotStrategyDocument, { id, strategyId: nightly.nativeId })).toMatchObject({
      __typename: 'ValidationError',
      field: 'strategyId',
    });
  });
});

describe('dws(sourceId:) { alarms }', () => {
  it('lists the alarms with their state, as the vendor has them, and only the raised ones when asked', async () => {
    const expected = (await vendor('v2', '/alarms?time_zone=GMT&limit=1000')).alarm_details;
    demo.resetCounts();
    const all = (await demo.run(DwsAlarmsDocument, { sourceId: 'dws' }, VIEWER_TOKEN)).data!.dws!.alarms;
    expect(all.map((a) => [a.definitionId, a.active, a.rawStatus])).toEqual(expected.map((a: any) => [a.alarm_id, a.alarm_status === '0', a.alarm_status]));
    expect(vendorReads()).toEqual([['GET /v2/{project_id}/alarms', 1]]);
    const raised = (await demo.run(DwsAlarmsDocument, { sourceId: 'dws', active: true })).data!.dws!.alarms;
    expect(raised.length).toBe(expected.filter((a: any) => a.alarm_status === '0').length);
    expect(raised.length).toBeGreaterThan(0);
    expect(raised.every((a) => a.active)).toBe(true);
  });

  it('counts the alarms of the last seven days by level, as the vendor does', async () => {
    const expected = (await vendor('v2', '/alarm-statistic?time_zone=GMT')).alarm_statistics;
    const { data, errors } = await demo.run(DwsAlarmStatisticsDocument, { sourceId: 'dws' }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    expect(data!.dws!.alarmStatistics).toEqual(expected);
  });

  it('links each alarm to its cluster and to the same alarm in the unified events', async () => {
    const [alarm] = (await demo.run(DwsAlarmsDocument, { sourceId: 'dws', active: true })).data!.dws!.alarms;
    for (const [id, type] of [
      [alarm!.eventId, 'Event'],
      [alarm!.clusterId!, 'Cluster'],
    ] as const) {
      const { data, errors } = await demo.run(NodeByIdDocument, { id });
      expect(errors).toBeUndefined();
      expect(data!.node).toMatchObject({ id, __typename: type });
    }
  });
});

describe('Cluster.details: a DWS cluster’s parameters', () => {
  const clusterId = (nativeId: string) => encodeGlobalId({ type: 'Cluster', sourceId: 'dws', nativeId });
  /** The change has an idle cluster of its own: it leaves a task on the one it changes. */
  const idleCluster = async (skip: number): Promise<any> =>
    (await vendor('v1.0', '/clusters')).clusters.filter((c: any) => c.status === 'AVAILABLE' && c.task_status === null)[skip];
  const templatesOf = async (id: string) => {
    const { data, errors } = await demo.run(DwsParameterTemplatesDocument, { id }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const node = data!.node!;
    if (!('details' in node) || !node.details || !('parameterTemplates' in node.details)) return expect.unreachable(`no DWS details: ${JSON.stringify(node)}`);
    return node.details.parameterTemplates!;
  };
  const change = [
    { name: 'enable_constraint_optimization', role: 'CN' as const, value: 'off' },
    { name: 'enable_constraint_optimization', role: 'DN' as const, value: 'off' },
  ];

  it('reads the templates and their parameters as the vendor has them, to a viewer: one call for the list and one per template', async () => {
    const idle = await idleCluster(0);
    const expected = (await vendor('v1.0', `/clusters/${idle.id}/configurations`)).configurations;
    const groupId = expected.find((t: any) => t.type === 'parameterGroup').id;
    const raw = (await vendor('v1.0', `/clusters/${idle.id}/configurations/${groupId}`)).configurations;
    demo.resetCounts();
    const { data, errors } = await demo.run(DwsParametersDocument, { id: clusterId(idle.id) }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const node = data!.node!;
    if (!('details' in node) || node.details?.__typename !== 'DwsClusterDetails') return expect.unreachable(`no DWS details: ${JSON.stringify(node)}`);
    const templates = node.details.parameterTemplates!;
    expect(templates.map((t) => [t.nativeId, t.name, t.type, t.rawStatus, t.failReason])).toEqual(
      expected.map((t: any) => [t.id, t.name, t.type, t.status, null]),
    );
    const group = templates.find((t) => t.nativeId === groupId)!;
    const on = (p: any, type: string) => p.values.find((v: any) => v.type === type);
    expect(group.parameters!.map((p) => [p.name, p.readOnly, p.cnValue, p.cnDefault, p.dnValue, p.dnDefault])).toEqual(
      raw.map((p: any) => [p.name, p.readonly, on(p, 'cn').value, on(p, 'cn').default_value, on(p, 'dn').value, on(p, 'dn').default_value]),
    );
    expect(templates.filter((t) => t !== group).every((t) => t.parameters?.length === 0)).toBe(true);
    expect(Object.fromEntries(vendorReads())).toMatchObject({
      'GET /v1.0/{project_id}/clusters/{cluster_id}/configurations': 1,
      'GET /v1.0/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}': expected.length,
    });
  });

  it('changes them through the operator’s mutation, answering the task as a workflow that ends when they are applied; a viewer may not', async () => {
    const idle = await idleCluster(1);
    const id = clusterId(idle.id);
    const denied = await demo.run(DwsSetParametersDocument, { id, values: change }, VIEWER_TOKEN);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    demo.resetCounts();
    const answer = await demo.run(DwsSetParametersDocument, { id, values: change }, OPERATOR_TOKEN);
    expect(answer.errors).toBeUndefined();
    const { workflow } = started(answer.data!.dwsSetParameters);
    expect(workflow).toMatchObject({ kind: 'CONFIGURE_SECURITY', state: 'RUNNING', rawState: 'SETTING_CONFIGURATION' });
    expect(vendorWrites()).toEqual(['PUT /v2/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}']);
    expect((await templatesOf(id)).find((t) => t.type === 'parameterGroup')!.status).toBe('APPLYING');

    demo.fleet.simulators.dws.advance(4 * 60_000);
    expect(await readNode(demo, WorkflowStateDocument, workflow.id, 'Workflow')).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect((await templatesOf(id)).find((t) => t.type === 'parameterGroup')!.status).toBe('IN_SYNC');
    const values = (await vendor('v1.0', `/clusters/${idle.id}/configurations`)).configurations.find((t: any) => t.type === 'parameterGroup');
    const now = (await vendor('v1.0', `/clusters/${idle.id}/configurations/${values.id}`)).configurations.find((p: any) => p.name === change[0]!.name);
    expect(now.values.map((v: any) => v.value)).toEqual(['off', 'off']);
  });

  it('names templateId for a template the cluster lacks, and answers DWS’s refusal of a value as a SourceError', async () => {
    const id = clusterId((await idleCluster(0)).id);
    expect(await mutate(demo, DwsSetParametersDocument, { id, values: change, templateId: 'no-such-template' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'templateId',
    });
    expect(await mutate(demo, DwsSetParametersDocument, { id, values: [{ name: 'session_timeout', role: 'CN', value: '90000' }] })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: 'DWS.5038',
      outcomeUnknown: false,
    });
    expect(await mutate(demo, DwsSetParametersDocument, { id, values: [] })).toMatchObject({ __typename: 'ValidationError', field: 'values' });
  });
});

describe('dws(sourceId:) { alarmSubscriptions eventSubscriptions } and the admin’s subscription mutations', () => {
  const subscriptions = async (token?: string) => {
    const { data, errors } = await demo.run(DwsSubscriptionsDocument, { sourceId: 'dws' }, token);
    expect(errors).toBeUndefined();
    return data!.dws!;
  };

  it('creates, lists, changes and deletes both kinds as the admin; a viewer reads them, an operator may not change them', async () => {
    const topicUrn = `urn:smn:cn-north-4:${'a'.repeat(32)}:e2e-ops`;
    const alarmInput = { name: 'e2e-oncall', levels: ['URGENT' as const, 'IMPORTANT' as const], topicUrn, topicName: 'e2e-ops', timeZone: 'GMT+08:00' };
    const refused = await demo.run(DwsCreateAlarmSubscriptionDocument, { sourceId: 'dws', input: alarmInput }, OPERATOR_TOKEN);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    demo.resetCounts();
    expect(await mutate(demo, DwsCreateAlarmSubscriptionDocument, { sourceId: 'dws', input: alarmInput })).toEqual({
      __typename: 'OperationPayload',
      targetId: null,
      workflow: null,
    });
    expect(vendorWrites()).toEqual(['POST /v2/{project_id}/alarm-subs']);
    expect(
      await mutate(demo, DwsCreateEventSubscriptionDocument, {
        sourceId: 'dws',
        input: {
          name: 'e2e-audit',
          sourceTypes: ['CLUSTER'],
          categories: ['SECURITY', 'SYSTEM_ALARM'],
          severities: ['WARNING'],
          topicUrn,
          topicName: 'e2e-ops',
        },
      }),
    ).toMatchObject({ __typename: 'OperationPayload' });

    demo.resetCounts();
    const listed = await subscriptions(VIEWER_TOKEN);
    expect(Object.fromEntries(vendorReads())).toEqual({ 'GET /v2/{project_id}/alarm-subs': 1, 'GET /v2/{project_id}/event-subs': 1 });
    const alarm = listed.alarmSubscriptions.find((s) => s.name === 'e2e-oncall')!;
    expect(alarm).toMatchObject({ enabled: true, levels: ['urgent', 'important'], topicUrn, topicType: 'SMN', timeZone: 'GMT+08:00' });
    const event = listed.eventSubscriptions.find((s) => s.name === 'e2e-audit')!;
    expect(event).toMatchObject({ sourceTypes: ['cluster'], categories: ['security', 'system alarm'], severities: ['warning'], sourceId: null, tag: null });

    await mutate(demo, DwsUpdateAlarmSubscriptionDocument, { sourceId: 'dws', subscriptionId: alarm.nativeId, input: { enabled: false } });
    await mutate(demo, DwsUpdateEventSubscriptionDocument, { sourceId: 'dws', subscriptionId: event.nativeId, input: { name: 'e2e-audit-2' } });
    const changed = await subscriptions();
    expect(changed.alarmSubscriptions.find((s) => s.nativeId === alarm.nativeId)).toMatchObject({ enabled: false, levels: ['urgent', 'important'] });
    expect(changed.eventSubscriptions.find((s) => s.nativeId === event.nativeId)).toMatchObject({
      name: 'e2e-audit-2',
      categories: ['security', 'system alarm'],
    });

    expect(await mutate(demo, DwsDeleteAlarmSubscriptionDocument, { sourceId: 'dws', subscriptionId: alarm.nativeId })).toMatchObject({
      __typename: 'OperationPayload',
    });
    expect(await mutate(demo, DwsDeleteEventSubscriptionDocument, { sourceId: 'dws', subscriptionId: event.nativeId })).toMatchObject({
      __typename: 'OperationPayload',
    });
    expect(await mutate(demo, DwsDeleteAlarmSubscriptionDocument, { sourceId: 'dws', subscriptionId: alarm.nativeId })).toEqual({
      __typename: 'NotFoundError',
      type: 'DwsAlarmSubscription',
      id: alarm.nativeId,
    });
    const after = await subscriptions();
    expect([...after.alarmSubscriptions, ...after.eventSubscriptions].map((s) => s.nativeId)).not.toContain(alarm.nativeId);
  });

  it('names the input field a creation lacks, and refuses a time zone change, before any write; another kind’s source is unsupported', async () => {
    demo.resetCounts();
    expect(await mutate(demo, DwsCreateAlarmSubscriptionDocument, { sourceId: 'dws', input: { name: 'no-topic', timeZone: 'GMT+08:00' } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.topicUrn',
    });
    expect(vendorWrites()).toEqual([]);
    expect(await mutate(demo, DwsDeleteEventSubscriptionDocument, { sourceId: 'tiem', subscriptionId: 'any' })).toEqual({
      __typename: 'UnsupportedOperationError',
      sourceKind: 'TIEM',
      operation: 'dwsDeleteEventSubscription',
    });
    expect(await mutate(demo, DwsDeleteEventSubscriptionDocument, { sourceId: 'nowhere', subscriptionId: 'any' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'sourceId',
    });
  });
});

describe('Cluster.details: a DWS cluster’s EIP, ELB and domain names, and the operator’s mutations', () => {
  const clusterId = (nativeId: string) => encodeGlobalId({ type: 'Cluster', sourceId: 'dws', nativeId });
  const connectionsOf = async (id: string, token?: string) => {
    const { data, errors } = await demo.run(DwsConnectionsDocument, { id }, token);
    expect(errors).toBeUndefined();
    const node = data!.node!;
    if (!('details' in node) || !node.details || !('eip' in node.details)) return expect.unreachable(`no DWS details: ${JSON.stringify(node)}`);
    return node.details;
  };
  const idleWithout = async (what: 'elb' | 'public_ip'): Promise<any> => {
    for (const c of (await vendor('v1.0', '/clusters')).clusters) {
      if (c.status !== 'AVAILABLE' || c.task_status !== null) continue;
      const detail = (await vendor('v1.0', `/clusters/${c.id}`)).cluster;
      if (!detail[what]) return detail;
    }
    return expect.unreachable(`no idle cluster without ${what}`);
  };

  it('reads what the cluster is bound to from its detail, once for both, and the ELBs it can take in one more call, to a viewer', async () => {
    const c = await idleWithout('elb');
    const elbs = (await vendor('v2', `/clusters/${c.id}/elbs`)).elbs;
    demo.resetCounts();
    const read = await connectionsOf(clusterId(c.id), VIEWER_TOKEN);
    expect(read.eip).toEqual(c.public_ip ? { nativeId: c.public_ip.eip_id, bindType: c.public_ip.public_bind_type } : null);
    expect(read.loadBalancer).toBeNull();
    expect(read.bindableLoadBalancers!.map((e) => [e.nativeId, e.address, e.bound])).toEqual(elbs.map((e: any) => [e.id, e.vip_address, false]));
    expect(Object.fromEntries(vendorReads())).toEqual({
      'GET /v1.0/{project_id}/clusters/{cluster_id}': 1,
      'GET /v2/{project_id}/clusters/{cluster_id}/elbs': 1,
    });
  });

  it('binds and unbinds an ELB as workflows, and an EIP at once; a viewer may not', async () => {
    const c = await idleWithout('elb');
    const id = clusterId(c.id);
    const [elb] = (await connectionsOf(id)).bindableLoadBalancers!;
    expect((await demo.run(DwsBindLoadBalancerDocument, { id, elbId: elb!.nativeId }, VIEWER_TOKEN)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const bound = await demo.run(DwsBindLoadBalancerDocument, { id, elbId: elb!.nativeId }, OPERATOR_TOKEN);
    expect(bound.errors).toBeUndefined();
    const { workflow } = started(bound.data!.dwsBindLoadBalancer);
    expect(workflow).toMatchObject({ kind: 'BIND_LOAD_BALANCER', state: 'RUNNING', rawState: 'ELB_BINDING' });
    demo.fleet.simulators.dws.advance(4 * 60_000);
    expect(await readNode(demo, WorkflowStateDocument, workflow.id, 'Workflow')).toMatchObject({ state: 'SUCCEEDED' });
    expect((await connectionsOf(id)).loadBalancer).toMatchObject({ nativeId: elb!.nativeId, privateIp: elb!.address });

    expect(started(await mutate(demo, DwsUnbindLoadBalancerDocument, { id })).workflow).toMatchObject({ kind: 'UNBIND_LOAD_BALANCER' });
    demo.fleet.simulators.dws.advance(4 * 60_000);
    expect((await connectionsOf(id)).loadBalancer).toBeNull();
    expect(await mutate(demo, DwsUnbindLoadBalancerDocument, { id })).toMatchObject({ __typename: 'ValidationError', field: 'id' });

    const plain = await idleWithout('public_ip');
    const plainId = clusterId(plain.id);
    const eipId = 'ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983';
    expect(await mutate(demo, DwsBindEipDocument, { id: plainId, eipId })).toEqual({ __typename: 'OperationPayload', targetId: plainId, workflow: null });
    expect((await connectionsOf(plainId)).eip).toEqual({ nativeId: eipId, bindType: 'bind_existing' });
    expect(await mutate(demo, DwsUnbindEipDocument, { id: plainId })).toMatchObject({ __typename: 'OperationPayload', workflow: null });
    expect((await connectionsOf(plainId)).eip).toBeNull();
  });

  it('applies for, changes and deletes a public domain name, each done at once', async () => {
    const id = clusterId((await idleWithout('elb')).id);
    const input = { type: 'PUBLIC' as const, name: 'e2e-demo' };
    expect(await mutate(demo, DwsUpdateDomainNameDocument, { id, input })).toMatchObject({ __typename: 'ValidationError', field: 'input.type' });
    demo.resetCounts();
    expect(await mutate(demo, DwsCreateDomainNameDocument, { id, input })).toEqual({ __typename: 'OperationPayload', targetId: id, workflow: null });
    expect(vendorWrites()).toEqual(['POST /v1.0/{project_id}/clusters/{cluster_id}/dns']);
    expect(await mutate(demo, DwsUpdateDomainNameDocument, { id, input: { ...input, name: 'e2e-demo-2', ttl: 600 } })).toMatchObject({
      __typename: 'OperationPayload',
    });
    expect(await mutate(demo, DwsDeleteDomainNameDocument, { id })).toMatchObject({ __typename: 'OperationPayload' });
    expect(await mutate(demo, DwsDeleteDomainNameDocument, { id })).toMatchObject({ __typename: 'ValidationError', field: 'id' });
    expect(await mutate(demo, DwsCreateDomainNameDocument, { id, input: { ...input, ttl: 10 } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.ttl',
    });
  });
});

describe('Cluster.details: a DWS cluster’s resource management, and the operator’s mutations', () => {
  const workloadOf = async (id: string, token?: string, logicalCluster?: string) => {
    const { data, errors } = await demo.run(DwsWorkloadDocument, { id, logicalCluster: logicalCluster ?? null }, token);
    expect(errors).toBeUndefined();
    const node = data!.node!;
    if (!('details' in node) || !node.details || !('workload' in node.details)) return expect.unreachable(`no DWS details: ${JSON.stringify(node)}`);
    return node.details;
  };

  it('reads the switch and the pools, one vendor call each, to a viewer; the operator changes them, a viewer may not', async () => {
    const idle = (await vendor('v1.0', '/clusters')).clusters.find((c: any) => c.status === 'AVAILABLE' && c.task_status === null);
    const id = encodeGlobalId({ type: 'Cluster', sourceId: 'dws', nativeId: idle.id });
    demo.resetCounts();
    expect(await workloadOf(id, VIEWER_TOKEN)).toEqual({ workload: { enabled: true, rawSwitch: 'on', maxConcurrency: 60 }, resourcePools: [] });
    expect(Object.fromEntries(vendorReads())).toMatchObject({
      'GET /v2/{project_id}/clusters/{cluster_id}/workload': 1,
      'GET /v2/{project_id}/clusters/{cluster_id}/workload/queues': 1,
    });

    const input = {
      name: 'e2e_etl',
      resources: [
        { name: 'cpu_share', value: 20 },
        { name: 'memory', value: 0 },
      ],
    };
    expect((await demo.run(DwsCreateResourcePoolDocument, { id, input }, VIEWER_TOKEN)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const created = await demo.run(DwsCreateResourcePoolDocument, { id, input }, OPERATOR_TOKEN);
    expect(created.data?.dwsCreateResourcePool).toEqual({ __typename: 'OperationPayload', targetId: id, workflow: null });
    expect(await mutate(demo, DwsSetWorkloadDocument, { id, enabled: true, maxConcurrency: 5 })).toMatchObject({
      __typename: 'OperationPayload',
      workflow: null,
    });
    expect(await mutate(demo, DwsCreateWorkloadPlanDocument, { id, name: 'e2e_plan' })).toMatchObject({ __typename: 'OperationPayload' });
    expect(await workloadOf(id)).toEqual({ workload: { enabled: true, rawSwitch: 'on', maxConcurrency: 5 }, resourcePools: ['e2e_etl'] });

    expect(await mutate(demo, DwsDeleteResourcePoolDocument, { id, name: 'e2e_etl' })).toMatchObject({ __typename: 'OperationPayload' });
    expect(await mutate(demo, DwsDeleteResourcePoolDocument, { id, name: 'e2e_etl' })).toEqual({
      __typename: 'NotFoundError',
      type: 'DwsResourcePool',
      id: 'e2e_etl',
    });
    expect(await mutate(demo, DwsCreateResourcePoolDocument, { id, input: { ...input, resources: [] } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.resources',
    });
    expect((await workloadOf(id)).resourcePools).toEqual([]);
  });
});

describe('Cluster.details: a DWS cluster’s audit log dumps', () => {
  it('lists them as the vendor has them, to a viewer, in one call', async () => {
    const idle = (await vendor('v1.0', '/clusters')).clusters.find((c: any) => c.status === 'AVAILABLE' && c.task_status === null);
    const records = (await vendor('v1.0', `/clusters/${idle.id}/audit-log-records`)).records;
    demo.resetCounts();
    const { data, errors } = await demo.run(
      DwsAuditDumpsDocument,
      { id: encodeGlobalId({ type: 'Cluster', sourceId: 'dws', nativeId: idle.id }) },
      VIEWER_TOKEN,
    );
    expect(errors).toBeUndefined();
    const node = data!.node!;
    if (!('details' in node) || !node.details || !('auditDumps' in node.details)) return expect.unreachable(`no DWS details: ${JSON.stringify(node)}`);
    expect(node.details.auditDumps!.map((d) => [d.result, d.bucket, d.prefix, d.endsAt])).toEqual(
      records.map((r: any) => [r.result, r.bucket_name, r.location_prefix, new Date(`${r.end_time}Z`).toISOString()]),
    );
    expect(demo.vendorCalls().dws!.routes['GET /v1.0/{project_id}/clusters/{cluster_id}/audit-log-records']).toBe(1);
  });
});
