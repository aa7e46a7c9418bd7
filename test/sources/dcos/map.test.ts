import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VendorHost, VendorLog } from '../../../src/sources/dcos/wire.js';
import {
  CLUSTER_STATUS,
  HOST_STATUS,
  clusterStatus,
  hostStatus,
  latestOperation,
  logSeverity,
  logWorkflowState,
  pairOperations,
  parseUsage,
  splitCompositeId,
  tagLabel,
  toCluster,
  toEvent,
  toHost,
  toWorkflow,
  vendorValuesFor,
} from '../../../src/sources/dcos/map.js';
import { withoutRaw } from '../../helpers/shape.js';

const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/dcos/${name}`, import.meta.url), 'utf8'));
const MIB = 1024 * 1024;
const SRC = 'dcos-1';

describe('clusters', () => {
  const running = {
    sourceId: SRC,
    nativeId: '59bb43f8284ae3000bf663ea',
    name: 'cluster',
    kind: 'CONTAINER',
    status: 'RUNNING',
    rawStatus: 'RUNNING',
    labels: [],
    createdAt: '2017-09-15T03:07:36.000Z',
    updatedAt: '2017-09-15T04:24:31.000Z',
    endpoints: [{ address: '192.168.10.212', public: false }],
    nodeCount: 3,
  };

  it('maps the list example', () => {
    expect(withoutRaw(fixture('clusters-list.response.json').data.map((c: any) => toCluster(SRC, c)))).toEqual([running]);
  });

  it('maps the detail example', () => {
    expect(withoutRaw(toCluster(SRC, fixture('cluster-detail.response.json').data))).toEqual(running);
  });

  it('maps the create answer: INSTALLING, no endpoint yet', () => {
    expect(withoutRaw(toCluster(SRC, fixture('cluster-create.response.json').data))).toEqual({
      ...running,
      status: 'CREATING',
      rawStatus: 'INSTALLING',
      updatedAt: '2017-09-15T03:07:36.000Z',
      endpoints: [],
      nodeCount: 2,
    });
  });

  it('maps the add-hosts answer (the cluster as it was)', () => {
    expect(withoutRaw(toCluster(SRC, fixture('hosts-add.response.json').data))).toEqual({ ...running, updatedAt: '2017-09-15T04:12:49.000Z', nodeCount: 2 });
  });
});

describe('hosts', () => {
  const hosts = () => fixture('hosts-list.response.json').data.map((h: VendorHost) => toHost(SRC, h));

  it('maps the list example, parsing used/total strings', () => {
    expect(withoutRaw(hosts())).toEqual([
      {
        sourceId: SRC,
        nativeId: '59bb43f8284ae3000bf663ea:59bb43f8284ae3000bf663eb',
        clusterNativeId: '59bb43f8284ae3000bf663ea',
        name: 'a-420286728-cluster-sysadmin',
        addresses: ['192.168.10.212'],
        role: 'master',
        status: 'ONLINE',
        rawStatus: 'RUNNING',
        labels: [],
      },
      {
        sourceId: SRC,
        nativeId: '59bb43f8284ae3000bf663ea:59bb43f8284ae3000bf663ec',
        clusterNativeId: '59bb43f8284ae3000bf663ea',
        name: 'f-952748725-cluster-sysadmin',
        addresses: ['192.168.10.213'],
        role: 'shared',
        status: 'ONLINE',
        rawStatus: 'RUNNING',
        usage: {
          cpu: { used: 0.3, total: 4, ratio: 0.075, unit: 'CORES' },
          memory: { used: 712 * MIB, total: 2927 * MIB, ratio: 712 / 2927, unit: 'BYTES' },
        },
        labels: [
          { key: 'lb', value: 'enable' },
          { key: 'public_ip', value: 'true' },
        ],
      },
      {
        sourceId: SRC,
        nativeId: '59bb43f8284ae3000bf663ea:59bb5373284ae3000bf663ef',
        clusterNativeId: '59bb43f8284ae3000bf663ea',
        name: 'u-135224906-cluster-sysadmin',
        addresses: ['192.168.10.214'],
        role: 'slave',
        status: 'ONLINE',
        rawStatus: 'RUNNING',
        usage: {
          cpu: { used: 0.2, total: 4, ratio: 0.05, unit: 'CORES' },
          memory: { used: 200 * MIB, total: 2927 * MIB, ratio: 200 / 2927, unit: 'BYTES' },
        },
        labels: [],
      },
    ]);
  });

  it('reads disk in MB, and names an unprovisioned node by its address', () => {
    const raw = fixture('hosts-list.response.json').data[1];
    const host = toHost(SRC, { ...raw, hostName: '', privateIp: '10.0.0.9', disk: '1024/51200', status: 'INSTALLING' });
    expect(host).toMatchObject({ name: '192.168.10.213', addresses: ['192.168.10.213', '10.0.0.9'], status: 'PROVISIONING' });
    expect(host.usage?.storage).toEqual({ used: 1024 * MIB, total: 51200 * MIB, ratio: 1024 / 51200, unit: 'BYTES' });
  });
});

describe('events', () => {
  it('maps the logs example', () => {
    const events = fixture('logs-list.response.json').data.map((l: VendorLog) => toEvent(SRC, l));
    expect(events).toHaveLength(8);
    expect(withoutRaw(events[0])).toEqual({
      sourceId: SRC,
      nativeId: '598bd034f5528800083d58a2:598bd536f5528800083d58b4',
      clusterNativeId: '598bd034f5528800083d58a2',
      occurredAt: '2017-08-10T03:38:30.000Z',
      severity: 'INFO',
      category: 'create_service',
      message: 'create_service success: 1',
      actor: 'sysadmin',
    });
    expect(events[6]).toMatchObject({ category: 'stop_component', message: 'stop_component success: /9/4', occurredAt: '2017-08-10T06:07:39.000Z' });
  });

  it('service logs are not operations, so the example has no workflows', () => {
    expect(pairOperations(fixture('logs-list.response.json').data)).toEqual([]);
  });
});

describe('status tables', () => {
  // The document's examples show INSTALLING and RUNNING clusters and hosts and `success`
  // logs; the other words are the platform's lifecycle as its simulator plays it.
  // Written out here, not read from the adapter's tables, so a wrong row fails.
  it.each([
    ['INSTALLING', 'CREATING'],
    ['RUNNING', 'RUNNING'],
    ['MODIFYING', 'UPDATING'],
    ['FAILED', 'FAILED'],
    ['TERMINATING', 'DELETING'],
    ['TERMINATED', 'DELETED'],
  ])('cluster %s → %s', (raw, status) => expect(clusterStatus(raw)).toBe(status));
  it.each([
    ['INSTALLING', 'PROVISIONING'],
    ['RUNNING', 'ONLINE'],
    ['OFFLINE', 'OFFLINE'],
    ['FAILED', 'FAILED'],
    ['TERMINATING', 'REMOVING'],
    ['TERMINATED', 'OFFLINE'],
  ])('host %s → %s', (raw, status) => expect(hostStatus(raw)).toBe(status));
  it.each([
    ['start', 'INFO'],
    ['success', 'INFO'],
    ['fail', 'ERROR'],
  ])('log %s → severity %s', (raw, severity) => expect(logSeverity(raw)).toBe(severity));
  it.each([
    ['start', 'RUNNING'],
    ['success', 'SUCCEEDED'],
    ['fail', 'FAILED'],
  ])('log %s → workflow %s', (raw, state) => expect(logWorkflowState(raw)).toBe(state));

  it('unknown words', () => {
    expect(clusterStatus('STOPPED')).toBe('UNKNOWN');
    expect(clusterStatus('running')).toBe('UNKNOWN');
    expect(hostStatus(undefined)).toBe('UNKNOWN');
    expect(logSeverity('retry')).toBe('WARNING');
    expect(logWorkflowState('retry')).toBe('RUNNING');
  });

  it('vendor values for a status filter', () => {
    expect(vendorValuesFor(CLUSTER_STATUS, ['RUNNING'])).toEqual(['RUNNING']);
    expect(vendorValuesFor(CLUSTER_STATUS, ['CREATING', 'DELETED'])).toEqual(['INSTALLING', 'TERMINATED']);
    expect(vendorValuesFor(HOST_STATUS, ['OFFLINE'])).toEqual(['OFFLINE', 'TERMINATED']);
    expect(vendorValuesFor(CLUSTER_STATUS, ['STOPPED'])).toEqual([]);
    expect(vendorValuesFor(CLUSTER_STATUS, ['RUNNING', 'UNKNOWN'])).toBeUndefined();
  });
});

describe('units and ids', () => {
  it('parses used/total strings', () => {
    expect(parseUsage('0.3/4', 'CORES')).toEqual({ used: 0.3, total: 4, ratio: 0.075, unit: 'CORES' });
    expect(parseUsage(' 712 / 2927 ', 'BYTES', MIB)).toMatchObject({ used: 712 * MIB, total: 2927 * MIB });
    expect(parseUsage('0/0', 'CORES')).toEqual({ used: 0, total: 0, unit: 'CORES' });
    for (const bad of ['', null, undefined, '712', '1/2/3', 'a/b', '-1/4']) expect(parseUsage(bad, 'CORES')).toBeUndefined();
  });

  it('splits tags and composite ids', () => {
    expect(tagLabel('lb=enable')).toEqual({ key: 'lb', value: 'enable' });
    expect(tagLabel('a=b=c')).toEqual({ key: 'a', value: 'b=c' });
    expect(tagLabel('gpu')).toEqual({ key: 'gpu', value: '' });
    expect(splitCompositeId('c1:h1')).toEqual({ clusterId: 'c1', id: 'h1' });
    for (const bad of ['c1', ':h1', 'c1:']) expect(splitCompositeId(bad)).toBeNull();
  });
});

describe('workflows from operation logs', () => {
  const log = (id: string, operateType: string, status: string, at: string, comments = ''): VendorLog => ({
    _id: id,
    clusterId: 'c1',
    operateType,
    status,
    userName: 'sysadmin',
    comments,
    time_create: at,
    time_update: at,
  });
  const host = (id: string, status: string, created: string, updated = created): VendorHost => ({
    hostId: id,
    hostName: `node-${id}`,
    clusterId: 'c1',
    status,
    ip: `10.0.0.${id}`,
    time_create: created,
    time_update: updated,
  });

  it('a running install: progress is the share of nodes up', () => {
    const [op] = pairOperations([log('l1', 'create_cluster', 'start', '2026-01-01T00:00:00Z', 'install 3 nodes')]);
    const wf = toWorkflow(SRC, op!, [
      host('1', 'RUNNING', '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z'),
      host('2', 'INSTALLING', '2026-01-01T00:00:00Z'),
      host('3', 'INSTALLING', '2026-01-01T00:00:00Z'),
    ]);
    expect(withoutRaw(wf)).toEqual({
      sourceId: SRC,
      nativeId: 'c1:l1',
      kind: 'CreateCluster',
      target: { type: 'Cluster', nativeId: 'c1' },
      clusterNativeId: 'c1',
      state: 'RUNNING',
      rawState: 'start',
      progress: 1 / 3,
      message: 'install 3 nodes',
      steps: [
        { name: 'node-1', state: 'SUCCEEDED', message: 'RUNNING', finishedAt: '2026-01-01T00:05:00.000Z' },
        { name: 'node-2', state: 'RUNNING', message: 'INSTALLING' },
        { name: 'node-3', state: 'RUNNING', message: 'INSTALLING' },
      ],
      startedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:05:00.000Z',
    });
  });

  it('the outcome log ends the same workflow', () => {
    const logs = [
      log('l1', 'create_cluster', 'start', '2026-01-01T00:00:00Z'),
      log('l2', 'create_cluster', 'success', '2026-01-01T00:10:00Z', 'cluster x is running on 3 nodes'),
    ];
    const [op] = pairOperations(logs);
    expect(toWorkflow(SRC, op!, undefined)).toMatchObject({
      nativeId: 'c1:l1',
      state: 'SUCCEEDED',
      rawState: 'success',
      progress: 1,
      message: 'cluster x is running on 3 nodes',
      steps: [],
      finishedAt: '2026-01-01T00:10:00.000Z',
      updatedAt: '2026-01-01T00:10:00.000Z',
    });
  });

  it('pairs repeated operations in order and ignores service logs', () => {
    const ops = pairOperations([
      log('l3', 'delete_hosts', 'start', '2026-01-03T00:00:00Z'),
      log('l1', 'add_hosts', 'start', '2026-01-01T00:00:00Z'),
      log('s1', 'create_service', 'success', '2026-01-01T12:00:00Z'),
      log('l2', 'add_hosts', 'fail', '2026-01-01T00:05:00Z', 'add node 10.0.0.9 failed'),
      log('l4', 'add_hosts', 'start', '2026-01-04T00:00:00Z'),
    ]);
    expect(ops.map((o) => [o.start._id, o.end?._id])).toEqual([
      ['l1', 'l2'],
      ['l3', undefined],
      ['l4', undefined],
    ]);
    expect(toWorkflow(SRC, ops[0]!, undefined)).toMatchObject({
      kind: 'AddHosts',
      state: 'FAILED',
      rawState: 'fail',
      message: 'add node 10.0.0.9 failed',
      steps: [],
    });
    expect(toWorkflow(SRC, ops[0]!, undefined).progress).toBeUndefined();
  });

  it('node removal: steps are the nodes terminating or terminated since the start', () => {
    const [op] = pairOperations([log('l1', 'delete_hosts', 'start', '2026-01-02T00:00:00Z')]);
    const wf = toWorkflow(SRC, op!, [
      host('1', 'RUNNING', '2026-01-01T00:00:00Z'),
      host('2', 'TERMINATED', '2026-01-01T00:00:00Z', '2026-01-02T00:01:00Z'),
      host('3', 'TERMINATING', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),
      host('4', 'TERMINATED', '2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z'),
    ]);
    expect(wf).toMatchObject({ kind: 'DeleteHosts', state: 'RUNNING', progress: 0.5 });
    expect(wf.steps.map((s) => [s.name, s.state])).toEqual([
      ['node-2', 'SUCCEEDED'],
      ['node-3', 'RUNNING'],
    ]);
  });

  it('a running operation whose nodes are not known yet has progress 0', () => {
    const [op] = pairOperations([log('l1', 'add_hosts', 'start', '2026-01-02T00:00:00Z')]);
    expect(toWorkflow(SRC, op!, [host('1', 'RUNNING', '2026-01-01T00:00:00Z')])).toMatchObject({ state: 'RUNNING', progress: 0, steps: [] });
  });

  it('the latest operation of a type is the one a write just started, in whatever order the logs come', () => {
    const logs = [
      log('l5', 'delete_hosts', 'start', '2026-01-04T00:00:00Z'),
      log('l4', 'add_hosts', 'start', '2026-01-03T00:00:00Z'),
      log('l3', 'add_hosts', 'success', '2026-01-02T00:10:00Z'),
      log('l2', 'add_hosts', 'start', '2026-01-02T00:00:00Z'),
      log('l1', 'create_cluster', 'start', '2026-01-01T00:00:00Z'),
    ];
    expect(latestOperation(logs, 'add_hosts')).toEqual({ start: logs[1] });
    expect(latestOperation(logs, 'create_cluster')?.start._id).toBe('l1');
    expect(latestOperation(logs, 'delete_cluster')).toBeUndefined();
  });
});

describe('vendor records', () => {
  it('keeps the vendor record it was mapped from, as `raw`', () => {
    const [listed] = fixture('clusters-list.response.json').data;
    expect(toCluster(SRC, listed).raw).toBe(listed);
    const detail = fixture('cluster-detail.response.json').data;
    expect(toCluster(SRC, detail).raw).toBe(detail);
    const hostRecords = fixture('hosts-list.response.json').data;
    for (const h of hostRecords) expect(toHost(SRC, h).raw).toBe(h);
    const logs = fixture('logs-list.response.json').data;
    for (const l of logs) expect(toEvent(SRC, l).raw).toBe(l);
    // The example's logs are service logs; as an operation's start and outcome they make a workflow of both.
    const start: VendorLog = { ...logs[0], operateType: 'add_hosts', status: 'start' };
    const end: VendorLog = { ...logs[1], clusterId: start.clusterId, operateType: 'add_hosts', status: 'success' };
    const [finished] = pairOperations([end, start]);
    const raw = toWorkflow(SRC, finished!, hostRecords).raw;
    expect(raw).toEqual({ start, end });
    expect(raw?.start).toBe(start);
    expect(raw?.end).toBe(end);
    const [running] = pairOperations([start]);
    expect(toWorkflow(SRC, running!, hostRecords).raw).toEqual({ start, end: null });
  });
});
