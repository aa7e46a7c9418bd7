import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TASK_STATUSES } from '../../../src/simulators/dws/model.js';
import {
  alarmStatistics,
  alarmSubscriptionList,
  auditDumpList,
  availabilityZoneList,
  bindableElbList,
  clusterDetail,
  eventSubscriptionList,
  type ClusterWire,
  nodeTypeList,
  parameterList,
  parameterTemplateList,
  quotaList,
  snapshotPolicy,
  workloadQueues,
  workloadStatus,
} from '../../../src/sources/dws/wire.js';
import {
  alarmSeverity,
  clusterStatus,
  clusterWorkflow,
  combinedClusterStatus,
  eventSeverity,
  fleetWorkflows,
  gbToBytes,
  toAlarm,
  toAlarmDay,
  toAlarmEvent,
  toAuditDump,
  toAvailabilityZone,
  toBindableLoadBalancer,
  toBindings,
  toCluster,
  toEvent,
  toHosts,
  toNodeType,
  toParameter,
  toParameterTemplate,
  toQuota,
  toSnapshot,
  toSnapshotPolicy,
  toSubscription,
  toWorkload,
  nodeStatus,
  parameterStatus,
  parsePercent,
  parseWorkflowId,
  settledClusterWorkflow,
  snapshotStatus,
  snapshotType,
  snapshotWorkflow,
  snapshotWorkflowId,
  startedWorkflowId,
  subStatus,
  TASK_WORDS,
  taskKind,
  taskPhase,
} from '../../../src/sources/dws/map.js';
import { withoutRaw } from '../../helpers/shape.js';

const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/dws/${name}`, import.meta.url), 'utf8'));
const S = 'dws-test';
const GiB = 1024 ** 3;

describe('dws map: fixtures', () => {
  it('maps the cluster list example (5.2.2)', () => {
    const [c] = fixture('clusters-list.response.json').clusters;
    expect(withoutRaw(toCluster(S, c, 'cn-north-4'))).toEqual({
      sourceId: S,
      nativeId: '7d85f602-a948-4a30-afd4-e84f47471c15',
      name: 'dws-1',
      kind: 'DATA_WAREHOUSE',
      // AVAILABLE with a running SNAPSHOTTING task.
      status: 'UPDATING',
      rawStatus: 'AVAILABLE',
      version: '1.2.0',
      region: 'cn-north-4',
      zone: 'cn-north-4b',
      labels: [
        { key: 'key1', value: 'value1' },
        { key: 'key2', value: 'value2' },
      ],
      createdAt: '2016-02-10T14:26:14.000Z',
      updatedAt: '2016-02-10T14:28:14.000Z',
      endpoints: [
        { protocol: 'postgresql', address: 'dws-1.cn-north-4.dwscloud.com', public: false },
        { protocol: 'postgresql', address: 'dws-1.cn-north-4.dwscloud.com', public: true },
      ],
      nodeCount: 3,
    });
  });

  it('maps the Getting Started list example: nulls, no tags, no zone on the times', () => {
    const [c] = fixture('getting-started-clusters-list.response.json').clusters;
    expect(withoutRaw(toCluster(S, c))).toEqual({
      sourceId: S,
      nativeId: '7ba031f6-81f4-4670-ad20-c490b91877e5',
      name: 'dws-demo',
      kind: 'DATA_WAREHOUSE',
      status: 'RUNNING',
      rawStatus: 'AVAILABLE',
      version: '1.1.0',
      labels: [],
      createdAt: '2018-01-15T12:50:06.000Z',
      updatedAt: '2018-01-15T12:50:06.000Z',
      // connect_info is null: no address to offer.
      endpoints: [],
      nodeCount: 3,
    });
  });

  it('maps the cluster detail example the same way as the list', () => {
    const c = fixture('cluster-detail.response.json').cluster;
    const mapped = toCluster(S, c);
    expect(mapped.status).toBe('UPDATING');
    expect(mapped.createdAt).toBe('2018-02-10T14:28:14.000Z');
    expect(mapped.labels).toHaveLength(2);
  });

  it('maps nodes and the CN list example (5.3.1) to hosts', () => {
    const cluster: ClusterWire = {
      ...fixture('clusters-list.response.json').clusters[0],
      nodes: [
        { id: 'e07d1bfb-6eac-4827-96e0-d10b8ca29c41', name: 'demo-dws-cn-cn-1-1', status: '200' },
        { id: 'n2', name: 'demo-dws-cn-cn-2-1', status: '300' },
        { id: 'n3', name: 'demo-dws-cn-cn-3-1', status: '199' },
      ],
    };
    const cns = fixture('cns-list.response.json').instances;
    expect(withoutRaw(toHosts(S, cluster, cns))).toEqual([
      {
        sourceId: S,
        nativeId: 'e07d1bfb-6eac-4827-96e0-d10b8ca29c41',
        clusterNativeId: cluster.id,
        name: 'demo-dws-cn-cn-1-1',
        addresses: ['172.16.69.106'],
        role: 'CN',
        status: 'ONLINE',
        rawStatus: '200',
        labels: [],
      },
      {
        sourceId: S,
        nativeId: 'n2',
        clusterNativeId: cluster.id,
        name: 'demo-dws-cn-cn-2-1',
        addresses: [],
        role: 'DN',
        status: 'OFFLINE',
        rawStatus: '300',
        labels: [],
      },
      {
        sourceId: S,
        nativeId: 'n3',
        clusterNativeId: cluster.id,
        name: 'demo-dws-cn-cn-3-1',
        addresses: [],
        role: 'IDLE',
        status: 'ONLINE',
        rawStatus: '199',
        labels: [],
      },
    ]);
    // Without the CN list (cluster gone meanwhile) nodes still map, without addresses.
    expect(toHosts(S, cluster, null)[0]?.addresses).toEqual([]);
  });

  it('maps the project snapshot list example (5.5.2), size in GB', () => {
    const [s] = fixture('snapshots-list.response.json').snapshots;
    expect(withoutRaw(toSnapshot(S, s))).toEqual({
      sourceId: S,
      nativeId: '2a4d0f86-67cd-408a-8b66-017454fb7793',
      clusterNativeId: '4f87d3c4-9e33-482f-b962-e23b30d1a18c',
      name: 'snapshot-1',
      status: 'AVAILABLE',
      rawStatus: 'AVAILABLE',
      type: 'MANUAL',
      sizeBytes: 500 * GiB,
      startedAt: '2016-08-23T03:59:23.000Z',
      finishedAt: '2016-08-23T04:01:40.000Z',
    });
  });

  it('maps the cluster snapshot list example (5.5.3), which has neither started nor finished', () => {
    const [s] = fixture('cluster-snapshots-list.response.json').snapshots;
    expect(withoutRaw(toSnapshot(S, s))).toEqual({
      sourceId: S,
      nativeId: '2a4d0f86-67cd-408a-8b66-017454fb7793',
      clusterNativeId: 'e59d6b86-9072-46eb-a996-13f8b44994c1',
      name: 'snapshot-1',
      status: 'AVAILABLE',
      rawStatus: 'AVAILABLE',
      type: 'MANUAL',
      sizeBytes: 500 * GiB,
    });
  });

  it('maps both snapshot detail examples (5.5.5, Getting Started), keeping times as given', () => {
    expect(toSnapshot(S, fixture('snapshot-detail.response.json').snapshot)).toMatchObject({
      description: 'snapshot description',
      startedAt: '2016-08-23T03:59:23.000Z',
      finishedAt: '2016-08-23T04:01:40.000Z',
    });
    // The Getting Started example finishes before it starts (a typo in the document): not "corrected".
    expect(toSnapshot(S, fixture('getting-started-snapshot-detail.response.json').snapshot)).toMatchObject({
      name: 'snapshotForDemoCluster',
      startedAt: '2018-01-18T13:59:23.000Z',
      finishedAt: '2018-01-18T13:01:40.000Z',
    });
  });

  it('maps the event list example (5.9.1)', () => {
    const [e] = fixture('events-list.response.json').events;
    expect(withoutRaw(toEvent(S, e, () => undefined))).toEqual({
      sourceId: S,
      nativeId: 'f63ccf96-e3e0-474a-835a-fd1a779f68bd',
      clusterNativeId: '9defa0ce-b11c-47b2-abbc-5cad09ced772',
      occurredAt: '2022-09-28T02:14:08.330Z',
      severity: 'INFO',
      category: 'management',
      message: 'The cluster test-ty-820-1006 is deleted',
    });
  });

  it('attributes a backup event to the snapshot’s cluster, and a DR event to none', () => {
    const [e] = fixture('events-list.response.json').events;
    const backup = { ...e, source_type: 'backup', source_id: 'snap-1', context: '' };
    expect(toEvent(S, backup, (id) => (id === 'snap-1' ? 'cluster-9' : undefined))).toMatchObject({
      clusterNativeId: 'cluster-9',
      message: 'Cluster deleted',
    });
    expect(toEvent(S, { ...e, source_type: 'disaster-recovery' }, () => 'x').clusterNativeId).toBeUndefined();
  });

  it('maps the alarm list example (5.8.1), asked for in GMT', () => {
    const [a] = fixture('alarms-list.response.json').alarm_details;
    expect(withoutRaw(toAlarmEvent(S, a))).toEqual({
      sourceId: S,
      nativeId: 'alarm:DWS_01010:5e76e8e2-d0cf-4b64-9d9a-aadbb04b54f7:2022-10-27 08:11:29',
      clusterNativeId: '5e76e8e2-d0cf-4b64-9d9a-aadbb04b54f7',
      occurredAt: '2022-10-27T08:11:29.000Z',
      severity: 'CRITICAL',
      category: 'alarm',
      message: 'Cluster Status Fault on evs-09',
      actor: 'DWS',
    });
    expect(toAlarmEvent(S, { ...a, alarm_status: '1' }).message).toBe('Cluster Status Fault on evs-09 (cleared)');
  });

  it('synthesizes the list example’s SNAPSHOTTING task as a running workflow at 20%', () => {
    const [c] = fixture('clusters-list.response.json').clusters;
    expect(withoutRaw(clusterWorkflow(S, c))).toEqual({
      sourceId: S,
      nativeId: `cluster:${c.id}:SNAPSHOTTING:${Date.parse('2016-02-10T14:28:14Z') / 1000}`,
      kind: 'CreateSnapshot',
      target: { type: 'Cluster', nativeId: c.id },
      clusterNativeId: c.id,
      state: 'RUNNING',
      rawState: 'SNAPSHOTTING',
      progress: 0.2,
      steps: [],
      startedAt: '2016-02-10T14:28:14.000Z',
      updatedAt: '2016-02-10T14:28:14.000Z',
    });
  });

  it('keeps the vendor record it was mapped from, as `raw`', () => {
    const [c] = fixture('clusters-list.response.json').clusters;
    expect(toCluster(S, c, 'cn-north-4').raw).toBe(c);
    // A host is its node and, for a CN, the CN list's instance (null for the others).
    const cluster: ClusterWire = {
      ...c,
      nodes: [
        { id: 'e07d1bfb-6eac-4827-96e0-d10b8ca29c41', name: 'demo-dws-cn-cn-1-1', status: '200' },
        { id: 'n2', name: 'demo-dws-cn-cn-2-1', status: '300' },
      ],
    };
    const cns = fixture('cns-list.response.json').instances;
    const hosts = toHosts(S, cluster, cns);
    expect(hosts.map((h) => h.raw)).toEqual([
      { node: cluster.nodes![0], cn: cns[0] },
      { node: cluster.nodes![1], cn: null },
    ]);
    expect(hosts[0]!.raw?.node).toBe(cluster.nodes![0]);
    expect(hosts[0]!.raw?.cn).toBe(cns[0]);
    expect(toHosts(S, cluster, null).map((h) => h.raw)).toEqual(cluster.nodes!.map((node) => ({ node, cn: null })));
    const [s] = fixture('snapshots-list.response.json').snapshots;
    expect(toSnapshot(S, s).raw).toBe(s);
    const [e] = fixture('events-list.response.json').events;
    expect(toEvent(S, e, () => undefined).raw).toBe(e);
    const [a] = fixture('alarms-list.response.json').alarm_details;
    expect(toAlarmEvent(S, a).raw).toBe(a);
    // A synthesized workflow keeps the record it was read from: the cluster, or the snapshot it creates.
    expect(clusterWorkflow(S, c)?.raw).toBe(c);
    expect(snapshotWorkflow(S, s).raw).toBe(s);
  });
});

describe('dws map: status tables, one row each', () => {
  it.each([
    ['CREATING', 'CREATING'],
    ['ACTIVE', 'RUNNING'],
    ['AVAILABLE', 'RUNNING'],
    ['FAILED', 'FAILED'],
    ['CREATE_FAILED', 'FAILED'],
    ['CREATION FAILED', 'FAILED'],
    ['DELETING', 'DELETING'],
    ['DELETE_FAILED', 'FAILED'],
    ['DELETED', 'DELETED'],
    ['FROZEN', 'STOPPED'],
    ['POLICE_FROZEN', 'STOPPED'],
    ['RESIZING', 'UNKNOWN'],
  ])('cluster status %s → %s', (raw, want) => expect(clusterStatus(raw)).toBe(want));

  it.each([
    ['NORMAL', 'RUNNING'],
    ['READONLY', 'DEGRADED'],
    ['REDISTRIBUTING', 'RUNNING'],
    ['REDISTRIBUTION-FAILURE', 'DEGRADED'],
    ['UNBALANCED', 'RUNNING'],
    ['UNBALANCED READONLY', 'DEGRADED'],
    ['DEGRADED', 'DEGRADED'],
    ['DEGRADED READONLY', 'DEGRADED'],
    ['DEGRADED UNBALANCED', 'DEGRADED'],
    ['UNBALANCED REDISTRIBUTING', 'RUNNING'],
    ['UNBALANCED REDISTRIBUTION-FAILURE', 'DEGRADED'],
    ['READONLY REDISTRIBUTION-FAILURE', 'DEGRADED'],
    ['UNBALANCED READONLY REDISTRIBUTION-FAILURE', 'DEGRADED'],
    ['DEGRADED REDISTRIBUTION-FAILURE', 'DEGRADED'],
    ['DEGRADED UNBALANCED REDISTRIBUTION-FAILURE', 'DEGRADED'],
    ['DEGRADED UNBALANCED READONLY REDISTRIBUTION-FAILURE', 'DEGRADED'],
    ['DEGRADED UNBALANCED READONLY', 'DEGRADED'],
    ['HALF ASLEEP', 'UNKNOWN'],
  ])('sub_status %s → %s', (raw, want) => expect(subStatus(raw)).toBe(want));

  it.each([
    ['UNFREEZING', 'RUNNING', 'UnfreezeCluster'],
    ['FREEZING', 'RUNNING', 'FreezeCluster'],
    ['RESTORING', 'RUNNING', 'RestoreSnapshot'],
    ['SNAPSHOTTING', 'RUNNING', 'CreateSnapshot'],
    ['GROWING', 'RUNNING', 'ScaleCluster'],
    ['REBOOTING', 'RUNNING', 'RestartCluster'],
    ['SETTING_CONFIGURATION', 'RUNNING', 'ConfigureSecurity'],
    ['CONFIGURING_EXT_DATASOURCE', 'RUNNING', 'ConfigureDataSource'],
    ['DELETING_EXT_DATASOURCE', 'RUNNING', 'DeleteDataSource'],
    ['REBOOT_FAILURE', 'FAILED', 'RestartCluster'],
    ['RESIZE_FAILURE', 'FAILED', 'ScaleCluster'],
    ['ADD_CN_ING', 'RUNNING', 'AddCoordinators'],
    ['DEL_CN_ING', 'RUNNING', 'RemoveCoordinators'],
    ['CREATING_NODE', 'RUNNING', 'ScaleCluster'],
    ['CREATE_NODE_FAILED', 'FAILED', 'ScaleCluster'],
    ['DELETING_NODE', 'RUNNING', 'ScaleCluster'],
    ['DELETE_NODE_FAILED', 'FAILED', 'ScaleCluster'],
    ['REDISTRIBUTING', 'RUNNING', 'RedistributeData'],
    ['REDISTRIBUTE_FAILURE', 'FAILED', 'RedistributeData'],
    ['WAITING_REDISTRIBUTION', 'PENDING', 'RedistributeData'],
    ['REDISTRIBUTION_PAUSED', 'PENDING', 'RedistributeData'],
    ['ELB_BINDING', 'RUNNING', 'BindLoadBalancer'],
    ['ELB_BIND_FAILED', 'FAILED', 'BindLoadBalancer'],
    ['ELB_UNBINDING', 'RUNNING', 'UnbindLoadBalancer'],
    ['ELB_UNBIND_FAILED', 'FAILED', 'UnbindLoadBalancer'],
    ['ELB_SWITCHING', 'RUNNING', 'SwitchLoadBalancer'],
    ['ELB_SWITCHING_FAILED', 'FAILED', 'SwitchLoadBalancer'],
    ['NETWORK_CONFIGURING', 'RUNNING', 'ConfigureNetwork'],
    ['NETWORK_CONFIG_FAILED', 'FAILED', 'ConfigureNetwork'],
    ['DISK_EXPAND_FAILED', 'FAILED', 'ExpandDisk'],
    ['DISK_EXPANDING', 'RUNNING', 'ExpandDisk'],
    ['ACTIVE_STANDBY_SWITCHOVER', 'RUNNING', 'SwitchOver'],
    ['ACTIVE_STANDBY_SWITCHOVER_FAILURE', 'FAILED', 'SwitchOver'],
    ['CLUSTER_SHRINK_FAILED', 'FAILED', 'ScaleCluster'],
    ['CLUSTER_SHRINKING', 'RUNNING', 'ScaleCluster'],
    ['SHRINK_CHECK_FAILED', 'FAILED', 'ScaleCluster'],
    ['SHRINK_CHECKING', 'RUNNING', 'ScaleCluster'],
    ['FLAVOR_RESIZING_FAILED', 'FAILED', 'ResizeFlavor'],
    ['FLAVOR_RESIZING', 'RUNNING', 'ResizeFlavor'],
    ['MANAGE_IP_BIND_FAILED', 'FAILED', 'EnableManagementAccess'],
    ['MANAGE_IP_BINDING', 'RUNNING', 'EnableManagementAccess'],
    ['ORDER_PENDING', 'PENDING', 'PayOrder'],
    ['FINE_GRAINED_RESTORING', 'RUNNING', 'RestoreSnapshot'],
    ['DR_RECOVERING', 'RUNNING', 'RecoverDisasterRecovery'],
    ['REPAIRING', 'RUNNING', 'RepairCluster'],
    ['CREATING', 'RUNNING', 'CreateCluster'],
    ['TELEPORTING', 'UNKNOWN', 'Other'],
  ])('task %s → %s (%s)', (raw, phase, kind) => {
    expect(taskPhase(raw)).toBe(phase);
    expect(taskKind(raw)).toBe(kind);
  });

  it('has a row for every task_status value the document lists (the simulator’s 44)', () => {
    expect(TASK_STATUSES.filter((t) => !(TASK_WORDS as readonly string[]).includes(t))).toEqual([]);
  });

  it.each([
    ['100', 'PROVISIONING'],
    ['199', 'ONLINE'],
    ['200', 'ONLINE'],
    ['300', 'OFFLINE'],
    ['303', 'FAILED'],
    ['304', 'REMOVING'],
    ['305', 'FAILED'],
    ['400', 'OFFLINE'],
    ['500', 'UNKNOWN'],
  ])('node status %s → %s', (raw, want) => expect(nodeStatus(raw)).toBe(want));

  it.each([
    ['CREATING', 'CREATING'],
    ['AVAILABLE', 'AVAILABLE'],
    ['UNAVAILABLE', 'FAILED'],
    ['RESTORING', 'RESTORING'],
    ['FROZEN', 'UNKNOWN'],
    ['POLICE_FROZEN', 'UNKNOWN'],
    ['EXPIRED', 'UNKNOWN'],
  ])('snapshot status %s → %s', (raw, want) => expect(snapshotStatus(raw)).toBe(want));

  it.each([
    ['MANUAL', 'MANUAL'],
    ['AUTO', 'AUTOMATED'],
    ['AUTOMATED', 'AUTOMATED'],
    ['WEEKLY', 'MANUAL'],
  ])('snapshot type %s → %s', (raw, want) => expect(snapshotType(raw)).toBe(want));

  it.each([
    ['normal', 'INFO'],
    ['warning', 'WARNING'],
    ['critical', 'WARNING'],
  ])('event severity %s → %s', (raw, want) => expect(eventSeverity(raw)).toBe(want));

  it.each([
    ['1', 'CRITICAL'],
    ['2', 'ERROR'],
    ['3', 'WARNING'],
    ['4', 'WARNING'],
    ['9', 'WARNING'],
  ])('alarm level %s → %s', (raw, want) => expect(alarmSeverity(raw)).toBe(want));

  it.each([
    ['AVAILABLE', null, 'NORMAL', 'RUNNING'],
    ['AVAILABLE', 'REBOOTING', 'NORMAL', 'UPDATING'],
    ['AVAILABLE', 'WAITING_REDISTRIBUTION', 'UNBALANCED', 'UPDATING'],
    ['AVAILABLE', 'REBOOTING', 'DEGRADED', 'UPDATING'],
    ['AVAILABLE', 'RESIZE_FAILURE', 'UNBALANCED', 'RUNNING'],
    ['AVAILABLE', 'REBOOT_FAILURE', 'READONLY', 'DEGRADED'],
    ['ACTIVE', null, 'DEGRADED READONLY', 'DEGRADED'],
    ['AVAILABLE', 'TELEPORTING', 'NORMAL', 'RUNNING'],
    ['FROZEN', 'UNFREEZING', null, 'UPDATING'],
    ['POLICE_FROZEN', null, null, 'STOPPED'],
    ['CREATING', 'RESTORING', null, 'CREATING'],
    ['DELETING', null, null, 'DELETING'],
    ['FAILED', 'ACTIVE_STANDBY_SWITCHOVER_FAILURE', 'DEGRADED', 'FAILED'],
  ])('combined: status %s + task %s + sub %s → %s', (status, task, sub, want) =>
    expect(combinedClusterStatus({ status, task_status: task, sub_status: sub })).toBe(want),
  );
});

describe('dws map: units', () => {
  it.each([
    ['20%', 0.2],
    ['0%', 0],
    ['100%', 1],
    ['37.5%', 0.375],
    ['150%', 1],
    ['', undefined],
    ['n/a', undefined],
  ])('progress %s → %s', (raw, want) => expect(parsePercent(raw)).toBe(want));

  it('converts GB sizes to bytes', () => {
    expect(gbToBytes(500)).toBe(500 * GiB);
    expect(gbToBytes(0.5)).toBe(GiB / 2);
    expect(gbToBytes(null)).toBeUndefined();
  });
});

describe('dws map: synthesized workflows', () => {
  const base: ClusterWire = {
    id: 'c1',
    name: 'dw',
    status: 'AVAILABLE',
    created: '2024-01-01T00:00:00Z',
    updated: '2024-03-01T10:00:00Z',
    task_status: 'REBOOTING',
    action_progress: { REBOOTING: '40%' },
    sub_status: 'NORMAL',
    failed_reasons: null,
  };
  const started = Date.parse('2024-03-01T10:00:00Z') / 1000;
  const runningId = `cluster:c1:REBOOTING:${started}`;
  const settle = (c: ClusterWire | null, id = runningId) => {
    const ref = parseWorkflowId(id);
    if (ref?.target !== 'cluster') throw new Error('not a cluster workflow id');
    return settledClusterWorkflow(S, ref, c);
  };

  it('reads a running task with its progress, and re-derives it by id', () => {
    const w = clusterWorkflow(S, base);
    expect(w).toMatchObject({ nativeId: runningId, kind: 'RestartCluster', state: 'RUNNING', progress: 0.4 });
    expect(settle(base)).toEqual(w);
  });

  it('is SUCCEEDED once the cluster is idle again', () => {
    const idle = { ...base, task_status: null, action_progress: {}, updated: '2024-03-01T10:05:00Z' };
    expect(clusterWorkflow(S, idle)).toBeUndefined();
    expect(settle(idle)).toMatchObject({
      nativeId: runningId,
      state: 'SUCCEEDED',
      progress: 1,
      startedAt: '2024-03-01T10:00:00.000Z',
      finishedAt: '2024-03-01T10:05:00.000Z',
    });
  });

  it('is FAILED when the cluster shows the task’s failure word, with failed_reasons as the message', () => {
    const failed = { ...base, task_status: 'REBOOT_FAILURE', action_progress: {}, failed_reasons: { error_code: 'DWS.6002', error_msg: 'Failed to restart.' } };
    expect(settle(failed)).toMatchObject({ state: 'FAILED', message: 'DWS.6002: Failed to restart.' });
    // And the failure itself is listed as a FAILED workflow of the same kind.
    expect(clusterWorkflow(S, failed)).toMatchObject({ kind: 'RestartCluster', state: 'FAILED', message: 'DWS.6002: Failed to restart.' });
  });

  it('is FAILED when the cluster is idle with failed_reasons (CN changes have no failure word)', () => {
    const idle = { ...base, task_status: null, action_progress: {}, failed_reasons: { error_code: 'DWS.0005', error_msg: 'Server failure.' } };
    expect(settle(idle)?.state).toBe('FAILED');
  });

  it('stays RUNNING when a tag edit bumped `updated` during the same task', () => {
    const bumped = { ...base, updated: '2024-03-01T10:02:00Z' };
    expect(settle(bumped)).toMatchObject({ nativeId: runningId, state: 'RUNNING', startedAt: '2024-03-01T10:00:00.000Z' });
  });

  it('is CANCELLED when the cluster is deleted meanwhile, and null once it is gone', () => {
    expect(settle({ ...base, status: 'DELETING', task_status: null })?.state).toBe('CANCELLED');
    expect(settle(null)).toBeNull();
  });

  it('reads creation and deletion from the cluster status', () => {
    const creating = { ...base, status: 'CREATING', task_status: null, action_progress: { CREATING: '10%' } };
    const created = clusterWorkflow(S, creating);
    expect(created).toMatchObject({ kind: 'CreateCluster', state: 'RUNNING', progress: 0.1, startedAt: '2024-01-01T00:00:00.000Z' });
    expect(settle({ ...creating, status: 'AVAILABLE', action_progress: {} }, created?.nativeId)?.state).toBe('SUCCEEDED');
    expect(settle({ ...creating, status: 'CREATION FAILED', action_progress: {} }, created?.nativeId)?.state).toBe('FAILED');

    const deleting = clusterWorkflow(S, { ...base, status: 'DELETING', task_status: null, action_progress: {} });
    expect(deleting).toMatchObject({ kind: 'DeleteCluster', state: 'RUNNING' });
    expect(settle(null, deleting?.nativeId)).toMatchObject({ state: 'SUCCEEDED' });
    expect(settle({ ...base, status: 'DELETE_FAILED', task_status: null }, deleting?.nativeId)?.state).toBe('FAILED');
  });

  it('reads a snapshot’s creation from the snapshot, listed once even while its cluster is SNAPSHOTTING', () => {
    const snap = { id: 's1', name: 'before-upgrade', status: 'CREATING', cluster_id: 'c1', started: '2024-03-01T10:00:00Z', progress: '35%' };
    const snapshotting = { ...base, task_status: 'SNAPSHOTTING', action_progress: { SNAPSHOTTING: '30%' } };
    expect(fleetWorkflows(S, [snapshotting], [snap])).toEqual([snapshotWorkflow(S, snap, snapshotting)]);
    expect(snapshotWorkflow(S, snap)).toMatchObject({ nativeId: 'snapshot:s1:CREATE', state: 'RUNNING', progress: 0.35 });
    expect(snapshotWorkflow(S, { ...snap, progress: null }, snapshotting).progress).toBe(0.3);
    expect(snapshotWorkflow(S, { ...snap, status: 'AVAILABLE', finished: '2024-03-01T10:09:00Z' })).toMatchObject({
      state: 'SUCCEEDED',
      finishedAt: '2024-03-01T10:09:00.000Z',
    });
    expect(snapshotWorkflow(S, { ...snap, status: 'UNAVAILABLE' }).state).toBe('FAILED');
  });

  it('follows a scale-out through its tasks under the id of the first, progress never going back', () => {
    const at = (updated: string, task: string | null, progress: Record<string, string>) => ({ ...base, updated, task_status: task, action_progress: progress });
    const creatingNodes = at('2024-03-01T10:00:00Z', 'CREATING_NODE', { GROWING: '90%' });
    const first = clusterWorkflow(S, creatingNodes)!;
    expect(first).toMatchObject({ nativeId: `cluster:c1:CREATING_NODE:${started}`, kind: 'ScaleCluster', state: 'RUNNING', progress: 0.3 });
    const looks = [
      at('2024-03-01T10:06:00Z', 'GROWING', { GROWING: '0%' }),
      at('2024-03-01T10:06:00Z', 'GROWING', { GROWING: '60%' }),
      at('2024-03-01T10:14:00Z', 'REDISTRIBUTING', { REDISTRIBUTING: '50%' }),
    ].map((c) => settle(c, first.nativeId)!);
    expect(looks.map((w) => w.state)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(looks.map((w) => w.rawState)).toEqual(['GROWING', 'GROWING', 'REDISTRIBUTING']);
    expect(looks.map((w) => w.progress)).toEqual([1 / 3, 1.6 / 3, 2.5 / 3]);
    expect(looks.every((w) => w.kind === 'ScaleCluster' && w.startedAt === '2024-03-01T10:00:00.000Z')).toBe(true);
    // Listed on its own, the GROWING task is a workflow of its own, counting from itself.
    expect(clusterWorkflow(S, at('2024-03-01T10:06:00Z', 'GROWING', { GROWING: '60%' }))?.progress).toBe(0.3);
    expect(settle(at('2024-03-01T10:30:00Z', null, {}), first.nativeId)).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    const failed = { ...at('2024-03-01T10:09:00Z', 'RESIZE_FAILURE', {}), failed_reasons: { error_code: 'DWS.6001', error_msg: 'Failed to scale out.' } };
    expect(settle(failed, first.nativeId)).toMatchObject({ state: 'FAILED', message: 'DWS.6001: Failed to scale out.' });
    // A failed redistribution fails the scale-out that started it.
    expect(settle(at('2024-03-01T10:20:00Z', 'REDISTRIBUTE_FAILURE', {}), first.nativeId)?.state).toBe('FAILED');
  });

  it('follows a scale-in from its check to its shrink', () => {
    const checking = { ...base, task_status: 'SHRINK_CHECKING', action_progress: { SHRINK_CHECKING: '50%' } };
    const id = clusterWorkflow(S, checking)!.nativeId;
    const shrinking = { ...base, updated: '2024-03-01T10:02:00Z', task_status: 'CLUSTER_SHRINKING', action_progress: { CLUSTER_SHRINKING: '10%' } };
    expect(settle(shrinking, id)).toMatchObject({ state: 'RUNNING', rawState: 'CLUSTER_SHRINKING', progress: 0.55 });
    expect(settle({ ...shrinking, task_status: 'CLUSTER_SHRINK_FAILED', action_progress: {} }, id)?.state).toBe('FAILED');
  });

  it('names the workflow an operation just started as the reader lists it', () => {
    expect(startedWorkflowId(base, 'REBOOTING')).toBe(runningId);
    const creating = { ...base, status: 'CREATING', task_status: null, action_progress: { CREATING: '0%' } };
    expect(startedWorkflowId(creating, 'CREATING')).toBe(clusterWorkflow(S, creating)?.nativeId);
    const restoring = { ...creating, task_status: 'RESTORING', action_progress: { RESTORING: '0%' } };
    expect(startedWorkflowId(restoring, 'RESTORING')).toBe(`cluster:c1:RESTORING:${Date.parse('2024-01-01T00:00:00Z') / 1000}`);
    // Already moved on to the next task of the same operation: the task shown names it.
    const growing = { ...base, task_status: 'GROWING', action_progress: { GROWING: '5%' } };
    expect(startedWorkflowId(growing, 'CREATING_NODE')).toBe(clusterWorkflow(S, growing)?.nativeId);
    // Already failed: the failure the reader lists.
    const failed = { ...base, task_status: 'REBOOT_FAILURE', action_progress: {} };
    expect(startedWorkflowId(failed, 'REBOOTING')).toBe(clusterWorkflow(S, failed)?.nativeId);
    // Already over: the first task's word at the cluster's `updated`, which the reader settles.
    const idle = { ...base, task_status: null, action_progress: {} };
    expect(startedWorkflowId(idle, 'ADD_CN_ING')).toBe(`cluster:c1:ADD_CN_ING:${started}`);
    expect(settle(idle, startedWorkflowId(idle, 'ADD_CN_ING'))?.state).toBe('SUCCEEDED');
    expect(snapshotWorkflowId('s1')).toBe('snapshot:s1:CREATE');
  });

  it('parses only the ids it makes', () => {
    expect(parseWorkflowId('snapshot:s1:CREATE')).toEqual({ target: 'snapshot', snapshotId: 's1' });
    expect(parseWorkflowId('cluster:c1:CREATION FAILED:12')).toEqual({ target: 'cluster', clusterId: 'c1', word: 'CREATION FAILED', start: '12' });
    expect(parseWorkflowId('wf-123')).toBeNull();
    expect(parseWorkflowId('cluster:c1')).toBeNull();
  });
});

describe('dws map: what a create form offers', () => {
  it('maps the AZ list example (5.1.1)', () => {
    const zones = availabilityZoneList.parse(fixture('availability-zones-list.response.json')).availability_zones.map(toAvailabilityZone);
    expect(zones).toEqual([{ code: 'az1', name: 'AZ1', available: true, rawStatus: 'available', group: 'center' }]);
    expect(toAvailabilityZone({ code: 'az5', status: 'unavailable' })).toEqual({
      code: 'az5',
      name: null,
      available: false,
      rawStatus: 'unavailable',
      group: null,
    });
  });

  it('maps the flavor list example (5.2.1), sizes in GB as GiB', () => {
    const [n] = nodeTypeList.parse(fixture('node-types-list.response.json')).node_types.map(toNodeType);
    expect(n).toEqual({
      nativeId: 'ebe532d6-665f-40e6-a4d4-3c51545b6a67',
      specName: 'dws.d2.xlarge',
      product: 'dws',
      architecture: 'x86',
      vcpus: 4,
      memoryBytes: 32 * GiB,
      zones: [{ code: 'az1', available: true, rawStatus: 'normal' }],
      versions: [{ version: '8.1.3.200', stable: true, rawRole: 'STABLE', minCoordinators: 2, maxCoordinators: 20 }],
      storage: { type: 'SSD', sizeBytes: 160 * GiB },
      elasticStorage: [{ type: 'SSD', minBytes: 100 * GiB, maxBytes: 32000 * GiB, stepBytes: 100 * GiB }],
    });
  });

  it('maps the quota example (5.10.1), whose counts are strings though the table says Integer', () => {
    const quotas = quotaList.parse(fixture('quotas-list.response.json')).quotas.resources.map(toQuota);
    expect(quotas).toEqual([
      { resource: 'instances', used: 3, limit: 100, unit: null },
      { resource: 'core', used: 12, limit: 100, unit: null },
      { resource: 'ram', used: 24, limit: 1000, unit: 'GB' },
      { resource: 'disk', used: 6, limit: 100, unit: null },
      { resource: 'disk_capacity', used: 600, limit: 1000, unit: 'GB' },
    ]);
    expect(toQuota({ type: 'instances', used: 3, quota: 100 })).toEqual({ resource: 'instances', used: 3, limit: 100, unit: null });
    expect(quotaList.safeParse({ quotas: { resources: [{ type: 'core', used: 'many', quota: '100' }] } }).success).toBe(false);
  });
});

describe('dws map: snapshot policy', () => {
  it('maps the policy example (5.5.4): next runs from epoch milliseconds, updates as UTC', () => {
    expect(toSnapshotPolicy(snapshotPolicy.parse(fixture('snapshot-policy.response.json')))).toEqual({
      retentionDays: 3,
      automated: true,
      device: 'OBS',
      serverIps: [],
      serverPort: null,
      clusterStrategyLimit: 10,
      schemaStrategyLimit: 50,
      strategies: [
        {
          nativeId: '3b5464ad-74a5-42cc-9667-76122839109a',
          name: 'apie-default-full-strategy',
          schedule: '0 0 2 ? * 1',
          type: 'full',
          level: 'cluster',
          nextRunAt: '2025-05-18T02:00:00.000Z',
          updatedAt: '2025-05-11T10:06:16.000Z',
          timeZoneOffsetHours: 0,
        },
        {
          nativeId: 'ceaeaf07-d600-494c-86d7-caa0fbf0858a',
          name: 'apie-default-increment-strategy',
          schedule: '0 7 2/8 ? * 2,3,4,5,6,7',
          type: 'increment',
          level: 'cluster',
          nextRunAt: '2025-05-12T02:07:00.000Z',
          updatedAt: '2025-05-11T10:06:16.000Z',
          timeZoneOffsetHours: 0,
        },
      ],
    });
  });

  it('reads a policy without strategies as not automated', () => {
    expect(toSnapshotPolicy({ keep_day: 1, backup_strategies: [] })).toMatchObject({ automated: false, strategies: [], device: null, serverIps: [] });
  });
});

describe('dws map: alarms with their state', () => {
  it('maps the alarm example (5.8.1): "0" is still raised', () => {
    const [a] = fixture('alarms-list.response.json').alarm_details;
    expect(toAlarm(a)).toEqual({
      eventNativeId: toAlarmEvent(S, a).nativeId,
      definitionId: 'DWS_01010',
      name: 'Cluster Status Fault',
      severity: 'CRITICAL',
      rawLevel: '1',
      active: true,
      rawStatus: '0',
      clusterNativeId: '5e76e8e2-d0cf-4b64-9d9a-aadbb04b54f7',
      resourceName: 'evs-09',
      message: a.alarm_message,
      location: a.alarm_location,
      source: 'DWS',
      raisedAt: '2022-10-27T08:11:29.000Z',
    });
  });

  it('reads "1" as cleared and any other word as still raised', () => {
    const [a] = fixture('alarms-list.response.json').alarm_details;
    expect(toAlarm({ ...a, alarm_status: '1' }).active).toBe(false);
    expect(toAlarm({ ...a, alarm_status: 'raised' }).active).toBe(true);
    expect(toAlarm({ ...a, alarm_status: null }).active).toBe(true);
  });
});

describe('dws map: alarm statistics', () => {
  it('maps the statistics example (5.8.2): seven days, counts as numbers though the table says String', () => {
    const days = alarmStatistics.parse(fixture('alarm-statistics.response.json')).alarm_statistics.map(toAlarmDay);
    expect(days.map((d) => d.date)).toEqual(['2022-10-21', '2022-10-22', '2022-10-23', '2022-10-24', '2022-10-25', '2022-10-26', '2022-10-27']);
    expect(days.at(-1)).toEqual({ date: '2022-10-27', urgent: 17, important: 0, minor: 0, prompt: 0 });
    expect(toAlarmDay({ date: '2022-10-28', urgent: '2', important: '0', minor: '1', prompt: '0' })).toEqual({
      date: '2022-10-28',
      urgent: 2,
      important: 0,
      minor: 1,
      prompt: 0,
    });
  });
});

describe('dws map: parameter templates', () => {
  it('maps the template example (5.12.1): its "null" fail_reason is none', () => {
    const templates = parameterTemplateList.parse(fixture('configurations-list.response.json')).configurations.map(toParameterTemplate);
    expect(templates.map((t) => [t.type, t.status, t.failReason])).toEqual(
      ['GUConfig', 'hiddenParameterGroup', 'OBSConfig', 'parameterGroup', 'securityParameterGroup'].map((type) => [type, 'IN_SYNC', null]),
    );
    expect(templates[3]).toEqual({
      nativeId: '3f377a36-1fa2-48fe-a1fa-a8801dae01ed',
      name: 'Default-Parameter-Template-DWS-8_2_0',
      type: 'parameterGroup',
      status: 'IN_SYNC',
      rawStatus: 'In-Sync',
      failReason: null,
    });
    expect(toParameterTemplate({ id: 't', status: 'Sync-Failure', fail_reason: 'disk full' })).toMatchObject({
      status: 'SYNC_FAILURE',
      failReason: 'disk full',
    });
  });

  it.each([
    ['In-Sync', 'IN_SYNC'],
    ['Applying', 'APPLYING'],
    ['Pending-Reboot', 'PENDING_REBOOT'],
    ['Sync-Failure', 'SYNC_FAILURE'],
    ['Syncing', 'UNKNOWN'],
    [null, 'UNKNOWN'],
  ])('reads template status %s as %s (table 5-213)', (raw, status) => {
    expect(parameterStatus(raw)).toBe(status);
  });

  it('maps the parameter example (5.12.2): a value for the CNs and one for the DNs', () => {
    const [p] = parameterList.parse(fixture('configuration-parameters.response.json')).configurations.map(toParameter);
    expect(p).toEqual({
      name: 'enable_constraint_optimization',
      type: 'boolean',
      unit: null,
      readOnly: false,
      valueRange: 'on|off',
      restartRequired: false,
      description: 'Specifies whether the informational constraint optimization execution plan can be used for an HDFS foreign table.',
      cnValue: 'on',
      cnDefault: 'on',
      dnValue: 'on',
      dnDefault: 'on',
    });
    expect(toParameter({ name: 'wal_level', readonly: true, restart_required: true })).toMatchObject({
      readOnly: true,
      restartRequired: true,
      cnValue: null,
      dnDefault: null,
    });
    // One node type's value alone, as a parameter set only on the DNs would be.
    expect(toParameter({ name: 'x', values: [{ type: 'dn', value: '1', default_value: '2' }] })).toMatchObject({ cnValue: null, dnValue: '1', dnDefault: '2' });
  });
});

describe('dws map: alarm and event subscriptions', () => {
  const topic = {
    topicUrn: 'urn:smn:cn-north-7:4cf650fd46704908aa071b4df2453e1e:CGS',
    topicName: 'CGS',
    topicType: 'SMN',
    language: 'zh-cn',
    timeZone: 'GMT+08:00',
  };

  it('maps the alarm subscription example (5.8.3): its levels as a list', () => {
    const [s] = alarmSubscriptionList.parse(fixture('alarm-subs-list.response.json')).alarm_subscriptions.map(toSubscription);
    expect(s).toEqual({
      nativeId: 'e8d8359f-b8bd-4b80-bc4d-32c86c7c725e',
      name: '00',
      enabled: true,
      levels: ['urgent', 'important', 'minor', 'prompt'],
      sourceTypes: [],
      sourceId: null,
      categories: [],
      severities: [],
      tag: null,
      ...topic,
    });
  });

  it('maps the event subscription example (5.9.2): empty filters are all', () => {
    const body = eventSubscriptionList.parse(fixture('event-subs-list.response.json'));
    const [s] = (body.event_subscriptions ?? []).map(toSubscription);
    expect(s).toEqual({
      nativeId: '4d62f33b-b9ee-41d3-b1bc-67e54b2239f9',
      name: '00',
      enabled: true,
      levels: [],
      sourceTypes: [],
      sourceId: null,
      categories: [],
      severities: [],
      tag: null,
      ...topic,
    });
    expect(toSubscription(fixture('event-sub-create.response.json')).severities).toEqual(['normal', 'warning']);
    expect(toSubscription({ id: 's', name: 'n', enable: 0, category: 'management,system alarm' })).toMatchObject({
      enabled: false,
      categories: ['management', 'system alarm'],
    });
  });
});

describe('dws map: a cluster’s EIP and ELB', () => {
  it('reads the detail example’s EIP (5.2.3) and no ELB', () => {
    const c = clusterDetail.parse(fixture('cluster-detail.response.json')).cluster;
    expect(toBindings(c)).toEqual({ eip: { nativeId: '85b20d7e-9etypb2a-98f3-3c8843ea3574', bindType: 'auto_assign' }, loadBalancer: null });
  });

  it('reads a bound ELB (table 5-35), and not_use or no public_ip as no EIP', () => {
    const c = clusterDetail.parse(fixture('cluster-detail.response.json')).cluster;
    const elb = { id: 'e1', name: 'lb', public_ip: '121.36.1.2', private_ip: '192.168.0.222', private_endpoint: '192.168.0.222:8000', vpc_id: 'v1' };
    expect(toBindings({ ...c, elb, public_ip: { public_bind_type: 'not_use', eip_id: null } })).toEqual({
      eip: null,
      loadBalancer: { nativeId: 'e1', name: 'lb', publicIp: '121.36.1.2', privateIp: '192.168.0.222', privateEndpoint: '192.168.0.222:8000', vpcId: 'v1' },
    });
    expect(toBindings({ ...c, public_ip: null }).eip).toBeNull();
  });

  it('maps the bindable ELB example (5.7.4): bound only when it names the cluster', () => {
    const [e] = bindableElbList.parse(fixture('elbs-list.response.json')).elbs;
    expect(toBindableLoadBalancer(e!, 'c1')).toEqual({
      nativeId: '1e6e0b66-6223-4523-bfd9-033c88b4ce9f',
      name: 'loadbalancer5',
      description: 'simple lb',
      address: '192.168.0.222',
      subnetId: null,
      type: null,
      up: true,
      bandwidth: 0,
      vpcId: 'c9f1171e-dc90-4ae9-bf22-f9736983ce2d',
      bound: false,
    });
    expect(toBindableLoadBalancer({ ...e!, cluster_id: 'c1' }, 'c1').bound).toBe(true);
  });
});

describe('dws map: resource management', () => {
  it('maps the status example (5.4.1): on, 60 at once', () => {
    expect(toWorkload(workloadStatus.parse(fixture('workload-status.response.json')))).toEqual({ enabled: true, rawSwitch: 'on', maxConcurrency: 60 });
    expect(toWorkload({ workload_status: { workload_switch: 'off' } })).toEqual({ enabled: false, rawSwitch: 'off', maxConcurrency: null });
  });

  it('reads the pool list example (5.4.3), which carries no result code', () => {
    expect(workloadQueues.parse(fixture('workload-queues-list.response.json')).workload_queue_name_list).toEqual(['test1']);
  });
});

describe('dws map: audit log dumps', () => {
  it('maps the record example (5.13.1): times without a zone as UTC', () => {
    const [r] = auditDumpList.parse(fixture('audit-log-records.response.json')).records.map(toAuditDump);
    expect(r).toEqual({
      result: 'RUNNING',
      executedAt: '2022-10-31T09:11:31.000Z',
      startsAt: '2022-10-31T09:09:55.000Z',
      endsAt: '2022-10-31T09:19:55.000Z',
      bucket: 'testbucket',
      prefix: 'test',
      failedReason: null,
    });
    expect(toAuditDump({ result: 'FAILED', failed_reason: 'access denied' })).toMatchObject({
      result: 'FAILED',
      failedReason: 'access denied',
      executedAt: null,
    });
  });
});
