import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHciError } from '../../../src/sources/hci/client.js';
import { hostId, parseHostId, parseSnapshotId, parseWorkflowId, snapshotId, workflowId } from '../../../src/sources/hci/ids.js';
import {
  clusterCondition,
  clusterStatus,
  hasTask,
  hostStatus,
  hostTaskWorkflow,
  hostsByAddress,
  inspectionState,
  inspectionWorkflow,
  joinWorkflow,
  dpmShare,
  toCluster,
  toDrsSettings,
  toHost,
  toInspection,
  toManagement,
  toMetadataBackup,
  toOverAllocation,
  toRanking,
  toSnapshots,
  toTopology,
  snapshotTime,
  snapshotType,
} from '../../../src/sources/hci/map.js';
import { cloudManage, clusterDetail, drsConfig, inspection, metaData, top, topology } from '../../../src/sources/hci/wire.js';
import { withoutRaw } from '../../helpers/shape.js';

const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/hci/${name}`, import.meta.url), 'utf8'));
const data = (name: string): any => fixture(name).data;

const SRC = 'hci-1';
const CLUSTER = '4e6dd97b-e937-4b78-ad3d-10a716bc29a3';

describe('hci map: document examples', () => {
  it('maps a cluster from its list row, detail, compute statistic and storage summary', () => {
    const row = data('cluster-list.response.json').list[0];
    const cluster = toCluster(SRC, {
      row,
      detail: data('cluster-get.response.json'),
      stats: data('compute-statistic.response.json'),
      storage: data('storage.response.json'),
    });
    expect(withoutRaw(cluster)).toEqual({
      sourceId: SRC,
      nativeId: CLUSTER,
      name: 'louis',
      kind: 'HCI',
      status: 'RUNNING',
      rawStatus: 'healthy',
      labels: [],
      // `ctime: 0` is the vendor's "unknown": no createdAt.
      endpoints: [{ address: '10.30.12.6', public: false }],
      nodeCount: 2,
      usage: {
        cpu: { used: 0, total: 8, unit: 'CORES' },
        memory: { used: 0, total: 8362889216, unit: 'BYTES' },
        storage: { used: 691019776, total: 214643503104, unit: 'BYTES' },
      },
    });
  });

  it('maps the compute statistic’s hosts; a host reporting no hardware has no usage', () => {
    const [first, second] = data('compute-statistic.response.json').HostStatistics;
    expect(withoutRaw(toHost(SRC, CLUSTER, first))).toEqual({
      sourceId: SRC,
      nativeId: `${CLUSTER}/55c94054-baa1-4882-b1bf-2825b334c92a`,
      clusterNativeId: CLUSTER,
      name: '10.30.12.41',
      addresses: ['10.30.12.41'],
      status: 'ONLINE',
      rawStatus: '1',
      usage: { cpu: { used: 0, total: 8, unit: 'CORES' }, memory: { used: 0, total: 8362889216, unit: 'BYTES' } },
      labels: [
        { key: '555', value: '666' },
        { key: 'value3', value: 'value3' },
        { key: '测试标签', value: 'fff' },
      ],
    });
    const host = toHost(SRC, CLUSTER, second);
    expect(host.usage).toBeUndefined();
    expect(host.labels).toHaveLength(10);
    expect(host.labels).toContainEqual({ key: 'system::secret', value: 'optional' });
  });

  it('maps the snapshot list: times from the file names, hourly files AUTOMATED under the hourly policy', () => {
    const files: string[] = data('snapshot-list.response.json').meta_data.Snapshot;
    const policy = data('snapshot-config-inspect.response.json').meta_data.SnapshotConfig;
    const snapshots = toSnapshots(SRC, CLUSTER, '10.30.10.24', files, policy);
    expect(withoutRaw(snapshots[0])).toEqual({
      sourceId: SRC,
      nativeId: `${CLUSTER}/10.30.10.24/snapshot1572928633.db`,
      clusterNativeId: CLUSTER,
      name: 'snapshot1572928633.db',
      status: 'AVAILABLE',
      rawStatus: '',
      type: 'AUTOMATED',
      startedAt: '2019-11-05T04:37:13.000Z',
      description: 'metadata snapshot on center node 10.30.10.24',
    });
    expect(snapshots.map((s) => s.startedAt)).toEqual([
      '2019-11-05T04:37:13.000Z',
      '2019-11-05T05:06:14.000Z',
      '2019-11-05T05:37:09.000Z',
      '2019-11-05T05:37:15.000Z',
      '2019-11-05T06:06:17.000Z',
      '2019-11-05T06:37:11.000Z',
      '2019-11-05T06:37:19.000Z',
    ]);
    // Each file has a sibling 3596..3604 s away: the document's hourly schedule.
    expect(snapshots.every((s) => s.type === 'AUTOMATED')).toBe(true);
    expect(toSnapshots(SRC, CLUSTER, '10.30.10.24', files, null).every((s) => s.type === 'MANUAL')).toBe(true);
  });

  it('maps the host task example to a running workflow on the host', () => {
    expect(hostTaskWorkflow(SRC, CLUSTER, 'h-1', data('host-task-progress.response.json'))).toEqual({
      sourceId: SRC,
      nativeId: `${CLUSTER}/host-task/h-1`,
      kind: 'HostTask',
      target: { type: 'Host', nativeId: `${CLUSTER}/h-1` },
      clusterNativeId: CLUSTER,
      state: 'RUNNING',
      rawState: '0',
      progress: 0.7,
      steps: [],
    });
  });

  it('finds no workflow in the inspection start/stop examples (state 0, no run id, nothing done)', () => {
    expect(inspectionWorkflow(SRC, CLUSTER, data('inspection-start.response.json'))).toBeNull();
    expect(inspectionWorkflow(SRC, CLUSTER, data('inspection-stop.response.json'))).toBeNull();
  });

  it('reads vendor errors from both envelopes, and none from a success', () => {
    expect(
      readHciError({
        scode: 10001,
        desc: 'missing required parameter: ip',
        message: 'param ip is required',
        message_cn: '参数ip不能为空',
        stack: null,
        data: null,
      }),
    ).toEqual({
      code: '10001',
      message: 'param ip is required (missing required parameter: ip)',
    });
    expect(readHciError({ status_code: 10005, message_en: 'cluster already exists', message_cn: '集群已存在', data: null })).toEqual({
      code: '10005',
      message: 'cluster already exists',
    });
    expect(readHciError({ scode: 7, message: '', message_cn: '失败', data: null })).toEqual({ code: '7', message: '失败' });
    expect(readHciError(fixture('cluster-top.response.json'))).toBeUndefined();
    expect(readHciError(fixture('cluster-get.response.json'))).toBeUndefined();
    expect(readHciError('<html>')).toBeUndefined();
  });

  it('keeps the vendor record it was mapped from, as `raw`', () => {
    const row = data('cluster-list.response.json').list[0];
    const detail = data('cluster-get.response.json');
    const stats = data('compute-statistic.response.json');
    const storage = data('storage.response.json');
    const cluster = toCluster(SRC, { row, detail, stats, storage });
    expect(cluster.raw).toEqual({ row, detail, stats, storage });
    expect(cluster.raw?.row).toBe(row);
    expect(cluster.raw?.detail).toBe(detail);
    expect(cluster.raw?.stats).toBe(stats);
    expect(cluster.raw?.storage).toBe(storage);
    for (const h of stats.HostStatistics) expect(toHost(SRC, CLUSTER, h).raw).toBe(h);
    const files: string[] = data('snapshot-list.response.json').meta_data.Snapshot;
    const policy = data('snapshot-config-inspect.response.json').meta_data.SnapshotConfig;
    expect(toSnapshots(SRC, CLUSTER, '10.30.10.24', files, policy).map((s) => s.raw)).toEqual(files.map((file) => ({ ip: '10.30.10.24', file })));
    // The inspection examples start and stop a run; the report of that run once it is under way.
    const idle = data('inspection-start.response.json');
    const running = { ...idle, state: 1, finishedPercent: 42, status: { ...idle.status, UUID: 'run-1' } };
    expect(inspectionWorkflow(SRC, CLUSTER, running)?.raw).toBe(running);
    const hosts = [
      { name: stats.HostStatistics[0].Name, task: null },
      { name: stats.HostStatistics[1].Name, task: data('host-task-progress.response.json') },
    ];
    const join = joinWorkflow(SRC, CLUSTER, hosts);
    expect(join.raw).toEqual({ hosts });
    expect(join.raw?.hosts).toBe(hosts);
  });
});

describe('hci map: status tables', () => {
  it.each([
    [0, 'OFFLINE'],
    [1, 'ONLINE'],
    [2, 'FAILED'],
    [3, 'UNKNOWN'],
    [null, 'UNKNOWN'],
  ] as const)('host Status %s → %s', (raw, status) => {
    expect(hostStatus(raw)).toBe(status);
  });

  // Written out here, not read from the adapter's table, so a wrong row fails.
  it.each([
    ['no-hosts', 'UNKNOWN'],
    ['hosts-down-none-healthy', 'FAILED'],
    ['all-hosts-not-in-use', 'CREATING'],
    ['hosts-down', 'DEGRADED'],
    ['volumes-degraded', 'DEGRADED'],
    ['hosts-not-in-use', 'RUNNING'],
    ['healthy', 'RUNNING'],
  ])('cluster condition %s → %s', (condition, status) => {
    expect(clusterStatus(condition)).toBe(status);
  });
  it('an unknown cluster condition → UNKNOWN', () => expect(clusterStatus('on-fire')).toBe('UNKNOWN'));

  const stats = (Total: number, Healthy: number, NoInUse: number): any => ({ HostSummary: { Total, Healthy, NoInUse } });
  const storage = (degraded = 0, failed = 0): any => ({ inner: { total_size: 1, used: 0, volume_degrade_count: degraded, volume_failed_count: failed } });
  it.each([
    ['no-hosts', stats(0, 0, 0), storage()],
    ['hosts-down-none-healthy', stats(3, 0, 1), storage()],
    ['all-hosts-not-in-use', stats(3, 0, 3), storage()],
    ['hosts-down', stats(4, 2, 1), storage()],
    ['volumes-degraded', stats(3, 3, 0), storage(2, 0)],
    ['volumes-degraded', stats(3, 3, 0), storage(0, 1)],
    ['hosts-not-in-use', stats(3, 2, 1), storage()],
    ['healthy', stats(3, 3, 0), storage()],
  ] as const)('derives %s from host and volume counts', (condition, s, st) => {
    expect(clusterCondition(s, st)).toBe(condition);
  });

  it.each([
    [0, 'PENDING'],
    [1, 'RUNNING'],
    [2, 'SUCCEEDED'],
    [3, 'CANCELLED'],
    [4, 'FAILED'],
    // A state the table does not know: the run exists and has not said it ended.
    [9, 'RUNNING'],
  ] as const)('inspection state %s → %s', (raw, state) => {
    expect(inspectionState(raw)).toBe(state);
  });
});

describe('hci map: workflows', () => {
  const report = (over: Record<string, unknown>): any => ({
    status: { code: 0, message: '', UUID: 'run-1' },
    normal: 3,
    alarm: 1,
    fault: 0,
    score: 98,
    state: 1,
    finishedPercent: 42,
    checking: '10.0.0.1 NTP时间同步',
    ...over,
  });

  it('a running inspection: progress from finishedPercent, message from what it checks', () => {
    expect(withoutRaw(inspectionWorkflow(SRC, CLUSTER, report({})))).toEqual({
      sourceId: SRC,
      nativeId: `${CLUSTER}/inspection/run-1`,
      kind: 'InspectCluster',
      target: { type: 'Cluster', nativeId: CLUSTER },
      clusterNativeId: CLUSTER,
      state: 'RUNNING',
      rawState: '1',
      progress: 0.42,
      message: 'checking 10.0.0.1 NTP时间同步',
      steps: [],
    });
  });

  it('a finished inspection reports its counts; an aborted one the vendor’s reason', () => {
    expect(inspectionWorkflow(SRC, CLUSTER, report({ state: 2, finishedPercent: 100, checking: '' }))).toMatchObject({
      state: 'SUCCEEDED',
      progress: 1,
      message: '3 normal, 1 alarm, 0 fault, score 98',
    });
    expect(inspectionWorkflow(SRC, CLUSTER, report({ state: 4, status: { code: 10012, message: 'inspection aborted', UUID: 'run-1' } }))).toMatchObject({
      state: 'FAILED',
      rawState: '4',
      message: 'inspection aborted',
    });
  });

  it('a run without an id is still one workflow, under a stable id', () => {
    expect(inspectionWorkflow(SRC, CLUSTER, report({ status: null }))?.nativeId).toBe(`${CLUSTER}/inspection/latest`);
  });

  it('host tasks: failed with the vendor message, finished at 1; only unfinished or failed ones count', () => {
    const failed = { progress: 0.4, failure: { code: '10011', message: 'host task failed' } };
    expect(hostTaskWorkflow(SRC, CLUSTER, 'h', failed)).toMatchObject({ state: 'FAILED', rawState: '10011', progress: 0.4, message: 'host task failed' });
    expect(hostTaskWorkflow(SRC, CLUSTER, 'h', { progress: 1 })).toMatchObject({ state: 'SUCCEEDED', progress: 1 });
    expect([hasTask(failed), hasTask({ progress: 0.2 }), hasTask({ progress: 1 })]).toEqual([true, true, false]);
  });
});

describe('hci map: a cluster’s join', () => {
  const failure = { code: '10011', message: 'host task failed: install hyper-agent on 10.0.0.2: exit status 1' };

  it('aggregates the hosts’ tasks: a step each, the mean progress, members count as joined', () => {
    const w = joinWorkflow(SRC, CLUSTER, [
      { name: '10.0.0.1', task: null },
      { name: '10.0.0.2', task: { progress: 0.5 } },
      { name: '10.0.0.3', task: { progress: 0 } },
    ]);
    expect(withoutRaw(w)).toEqual({
      sourceId: SRC,
      nativeId: `${CLUSTER}/join`,
      kind: 'JoinCluster',
      target: { type: 'Cluster', nativeId: CLUSTER },
      clusterNativeId: CLUSTER,
      state: 'RUNNING',
      rawState: '0',
      progress: 0.5,
      message: '1 of 3 hosts joined',
      steps: [
        { name: '10.0.0.1', state: 'SUCCEEDED' },
        { name: '10.0.0.2', state: 'RUNNING' },
        { name: '10.0.0.3', state: 'PENDING' },
      ],
    });
  });

  it.each([
    ['no host discovered yet', [], 'PENDING', 0],
    ['every host queued', [{ progress: 0 }, { progress: 0 }], 'PENDING', 0],
    ['every host done (in service or reporting 1)', [null, { progress: 1 }], 'SUCCEEDED', 1],
    // A failed host does not stop the others: the join ends when they have.
    ['one failed, one still joining', [{ progress: 0.4, failure }, { progress: 0.2 }], 'RUNNING', 0.3],
    ['one failed, the rest joined', [{ progress: 0.4, failure }, null], 'FAILED', 0.7],
  ] as const)('%s → %s', (_what, tasks, state, progress) => {
    const w = joinWorkflow(
      SRC,
      CLUSTER,
      tasks.map((task, i) => ({ name: `10.0.0.${i + 1}`, task })),
    );
    expect(w.state).toBe(state);
    expect(w.progress).toBeCloseTo(progress);
  });

  it('a failed join carries the vendor’s code and each failed host’s message', () => {
    const w = joinWorkflow(SRC, CLUSTER, [
      { name: '10.0.0.1', task: null },
      { name: '10.0.0.2', task: { progress: 0.4, failure } },
    ]);
    expect(w).toMatchObject({ state: 'FAILED', rawState: '10011', message: `10.0.0.2: ${failure.message}` });
    expect(w.steps[1]).toEqual({ name: '10.0.0.2', state: 'FAILED', message: failure.message });
  });
});

describe('hci map: units and ids', () => {
  it('reads the time in a snapshot file name, and nothing from other names', () => {
    expect(snapshotTime('snapshot1572936234.db')).toBe(1572936234);
    expect(snapshotTime('snapshot.db')).toBeUndefined();
    expect(snapshotTime('backup1572936234.tar')).toBeUndefined();
    const [odd] = toSnapshots(SRC, CLUSTER, '10.0.0.1', ['manual-copy.db'], null);
    expect(odd).toMatchObject({ name: 'manual-copy.db', type: 'MANUAL' });
    expect(odd?.startedAt).toBeUndefined();
  });

  it('types a snapshot by the policy’s schedule', () => {
    const policy = { duration: 3600, MTime: 1_000_000 };
    expect(snapshotType(1_000_000 + 3600, [], policy)).toBe('AUTOMATED'); // the schedule's first file
    expect(snapshotType(1_000_000 + 3608, [], policy)).toBe('AUTOMATED'); // drifted within the slack
    expect(snapshotType(1_000_000 + 7 * 3600, [], policy)).toBe('MANUAL'); // alone, whole periods later: no evidence
    expect(snapshotType(1_000_000 + 5, [], policy)).toBe('MANUAL'); // taken as the policy was set
    expect(snapshotType(2_000_000, [2_000_000 - 3601], policy)).toBe('AUTOMATED'); // one period from a sibling
    expect(snapshotType(2_000_000, [2_000_000 - 1800, 2_000_000 + 7200], policy)).toBe('MANUAL');
    expect(snapshotType(2_000_000, [2_000_000 - 3600], null)).toBe('MANUAL');
  });

  it('round-trips native ids and rejects malformed ones', () => {
    expect(parseHostId(hostId('c', 'h'))).toEqual({ clusterUuid: 'c', hostUuid: 'h' });
    expect(parseSnapshotId(snapshotId('c', '10.0.0.1', 'snapshot1.db'))).toEqual({ clusterUuid: 'c', ip: '10.0.0.1', file: 'snapshot1.db' });
    for (const ref of [
      { kind: 'inspection', clusterUuid: 'c', runUuid: 'r' },
      { kind: 'host-task', clusterUuid: 'c', hostUuid: 'h' },
      { kind: 'join', clusterUuid: 'c' },
    ] as const) {
      expect(parseWorkflowId(workflowId(ref))).toEqual(ref);
    }
    expect(parseHostId('c')).toBeNull();
    expect(parseHostId('c//')).toBeNull();
    expect(parseSnapshotId('c/ip')).toBeNull();
    expect(parseWorkflowId('c/other/x')).toBeNull();
    expect(parseWorkflowId('c/other')).toBeNull();
    expect(workflowId({ kind: 'join', clusterUuid: 'c' })).toBe('c/join');
  });
});

describe('hci map: its own capabilities', () => {
  it('has no inspection to show for the document’s start and stop answers (nothing run yet, categories null)', () => {
    for (const name of ['inspection-start.response.json', 'inspection-stop.response.json']) {
      const report = inspection.parse(data(name));
      expect(report.system).toEqual([]);
      expect(toInspection(SRC, CLUSTER, report)).toBeNull();
    }
  });

  it('lists a run’s findings by category, each on its host, with the counters and the run as its workflow', () => {
    const item = (host: string, key: string, level: number, value: string, suggestion = '') => ({
      host_uuid: host,
      host_name: '10.0.0.1',
      item: key,
      item_cn: '名称',
      level,
      value,
      suggestion,
    });
    const report = inspection.parse({
      ...data('inspection-start.response.json'),
      status: { code: 0, message: '', UUID: 'run-1' },
      normal: 1,
      alarm: 1,
      fault: 1,
      score: 88,
      state: 2,
      finishedPercent: 100,
      hardware: [item('h2', 'raid', 2, 'Degraded', '请联系运维人员排查')],
      system: [item('h1', 'cpu_usage', 0, '12.5%'), item('h2', 'mem_usage', 1, '90.0%', '迁移部分虚拟机或扩容主机')],
    });
    const mapped = toInspection(SRC, CLUSTER, report)!;
    expect(mapped.workflow).toMatchObject({ kind: 'InspectCluster', state: 'SUCCEEDED', progress: 1 });
    expect(mapped).toMatchObject({ score: 88, normal: 1, alarm: 1, fault: 1 });
    expect(mapped.findings.map((f) => [f.category, f.hostNativeId, f.item, f.level, f.value, f.suggestion])).toEqual([
      ['system', hostId(CLUSTER, 'h1'), 'cpu_usage', 'NORMAL', '12.5%', null],
      ['system', hostId(CLUSTER, 'h2'), 'mem_usage', 'ALARM', '90.0%', '迁移部分虚拟机或扩容主机'],
      ['hardware', hostId(CLUSTER, 'h2'), 'raid', 'FAULT', 'Degraded', '请联系运维人员排查'],
    ]);
    expect(toInspection(SRC, CLUSTER, { ...report, system: [item('h1', 'ntp_sync', 7, 'odd')], hardware: [] })!.findings[0]).toMatchObject({
      level: 'UNKNOWN',
      rawLevel: '7',
      itemName: '名称',
      hostName: '10.0.0.1',
    });
  });

  it('ranks hosts from the top example: its `list` stands for the cpu ranking, the others are empty', () => {
    const answer = top.parse(data('cluster-top.response.json'));
    const [first] = data('cluster-top.response.json').list;
    expect(toRanking(CLUSTER, answer, 'cpu_usage_info')).toEqual([
      {
        hostNativeId: hostId(CLUSTER, first.host_info.uuid),
        hostName: 'TOS-192.168.201.187',
        address: null,
        kernelVersion: '4.14.254',
        uptimeSeconds: 189312,
        cpuPercent: first.cpu_usage,
        memoryPercent: first.mem_usage,
        netReceiveIops: 47,
        netSendIops: 2,
        netReceiveRate: 4700,
        netSendRate: 891,
        diskReadIops: 0,
        diskWriteIops: 0,
        diskReadSpeed: 0,
        diskWriteSpeed: 272,
        diskReadIowait: 0,
        diskWriteIowait: 46,
      },
    ]);
    expect(toRanking(CLUSTER, answer, 'disk_wiowait_usage_info')).toEqual([]);
    const tabled = top.parse({ ...data('cluster-top.response.json'), disk_wiowait_usage_info: [first], cpu_usage_info: [] });
    expect(toRanking(CLUSTER, tabled, 'disk_wiowait_usage_info').map((u) => u.diskWriteIowait)).toEqual([46]);
  });

  it('reads the DRS/DPM example, its DPM thresholds as shares', () => {
    expect(toDrsSettings(drsConfig.parse(data('drsconfig-get.response.json')).config)).toEqual({
      drs: { enabled: true, maxStep: 4, maxConcurrentMigrations: 4, maxHostConcurrentMigrations: 2, thresholdLevel: 3, minBenefitLevel: 3 },
      dpm: { enabled: false, highThreshold: 0.8, lowThreshold: 0.45 },
    });
    // The table says "0~100%": a percentage reads as the same share.
    expect([dpmShare(80), dpmShare(0.8), dpmShare(1), dpmShare(null)]).toEqual([0.8, 0.8, 1, null]);
    expect(toDrsSettings({ DRS: null })).toEqual({ drs: null, dpm: null });
  });

  it('reads the over-allocation caps by the names the set example sends (get shows no answer)', () => {
    expect(toOverAllocation(fixture('global-config-set.request.json'))).toEqual({ storage: 0.7, cpu: 0.8, memory: null, dataDisk: null });
  });

  it('reads the licence and each center node’s etcd health from the cloud-manage example', () => {
    const nodes = cloudManage.parse(data('cloud-manage.response.json')).host_info;
    expect(toManagement(CLUSTER, nodes)).toEqual({
      licenceInstalled: false,
      licenceExpiresAt: new Date(1572873658 * 1000).toISOString(),
      centerNodes: [
        {
          hostNativeId: hostId(CLUSTER, '5a2744dc-b17c-4082-8259-ddb91952e1fa'),
          address: '10.30.12.52',
          leader: true,
          rawStatus: '1',
          etcd: {
            healthy: true,
            rawHealth: 'health',
            members: 1,
            healthyCenterNodes: 1,
            unhealthyCenterNodes: 0,
            dbSizeBytes: 22687744,
            dataDirCapacityBytes: 51699699712,
            dataDirFreeBytes: 15635509248,
            proposalsFailed: 13,
            proposalsPending: 0,
            leaderChanges: 1,
          },
        },
      ],
    });
    const [node] = nodes;
    const follower = { ...node!, is_leader: false, etcd_base_info: {}, license_expire_date: 0, uuid: 'h2' };
    const unhealthy = { ...node!, etcd_base_info: { etcd_cluter_health: 'unhealth', etcd_node_count: '' } };
    expect(toManagement(CLUSTER, [follower]).centerNodes[0]!.etcd).toBeNull();
    expect(toManagement(CLUSTER, [follower]).licenceExpiresAt).toBeNull();
    expect(toManagement(CLUSTER, [follower, unhealthy]).centerNodes[1]!.etcd).toMatchObject({ healthy: false, rawHealth: 'unhealth', members: null });
    expect(toManagement(CLUSTER, [])).toEqual({ licenceInstalled: null, licenceExpiresAt: null, centerNodes: [] });
  });

  it('reads a center node’s metadata backup schedule and daemon from the config-inspect and daemon-state examples', () => {
    const policy = metaData.parse(data('snapshot-config-inspect.response.json')).meta_data.SnapshotConfig!;
    const daemon = metaData.parse(data('daemon-state.response.json')).meta_data.DaemonState!;
    expect(toMetadataBackup('10.30.10.25', policy, daemon)).toEqual({
      address: '10.30.10.25',
      intervalSeconds: 3600,
      displayOption: 'hour',
      changedAt: new Date(1568947728 * 1000).toISOString(),
      daemonRunning: true,
      rawDaemonState: 'running',
    });
    expect(toMetadataBackup('10.0.0.1', null, 'stopped')).toMatchObject({ intervalSeconds: null, changedAt: null, daemonRunning: false });
    // The config example's own `DaemonState` is blank: no word, no answer.
    expect(toMetadataBackup('10.0.0.1', policy, '')).toMatchObject({ daemonRunning: null, rawDaemonState: null });
  });

  it('reads the topology example: each host at its place with its interface and the VMs drawn around it, blanks as null', () => {
    const example = fixture('topology.request.json').cluster_uuid;
    const drawn = toTopology(example, topology.parse(data('topology.response.json')));
    const at = (x: number, y: number) => ({ x, y });
    expect(drawn).toEqual({
      clusterName: 'cluster_name_37',
      hosts: [
        {
          address: '10.30.12.120/24',
          ...at(381, 161),
          interfaces: [{ address: '10.30.12.120/24', name: null, mac: null, systemName: null, port: null, healthy: true }],
          platformVms: [
            { nativeId: 'af7fc298-3e15-4055-af28-8cb23883416b', name: 'GNW1629684227', type: 'nvm', tenantId: null, ...at(336, 170) },
            { nativeId: '5428047c-e311-433e-ad62-095cb5df3a23', name: 'GPE1629169898', type: 'GPE', tenantId: null, ...at(432, 156) },
            { nativeId: '48d37075-2961-4dd2-8719-a33e371447ae', name: 'LCM48d37075-2961-4dd2-8719-a33e371447ae', type: 'cvm', tenantId: null, ...at(309, 122) },
          ],
          securityVms: [
            {
              nativeId: '5428047c-e311-433e-ad62-095cb5df3a23',
              name: 'GPE1629169898',
              type: 'GPE',
              tenantId: 'c6363c58-a48f-45e4-aa99-55642023770a',
              ...at(432, 156),
            },
            {
              nativeId: 'ccb7cafd-c27b-46de-a27f-9c419b173560',
              name: '虚拟路由器',
              type: 'GTVR',
              tenantId: 'cadb1027-3a5b-4012-97d3-8092feca912c',
              ...at(367, 74),
            },
          ],
          vms: [
            {
              nativeId: 'aedae191-43c7-40a7-9c50-5632237de982',
              name: 'zhangqi',
              type: 'GUS',
              tenantId: 'cadb1027-3a5b-4012-97d3-8092feca912c',
              ...at(383, 185),
            },
            { nativeId: 'c67e4b18-383f-4f90-b8b9-67b3c255b985', name: '2222', type: 'GUS', tenantId: 'cadb1027-3a5b-4012-97d3-8092feca912c', ...at(375, 237) },
          ],
        },
      ],
    });
    // Another cluster's drawing, or none (Go's null map), draws nothing for this one.
    expect(toTopology(CLUSTER, topology.parse(data('topology.response.json')))).toEqual({ clusterName: null, hosts: [] });
    expect(toTopology(example, topology.parse({ info: null }))).toEqual({ clusterName: null, hosts: [] });
  });

  it('links the addresses the topology keys hosts by to hosts, from the cluster detail example’s networks', () => {
    const detail = clusterDetail.parse(data('cluster-get.response.json'));
    const byAddress = hostsByAddress(CLUSTER, detail);
    expect(byAddress.get('10.30.12.137/24')).toBe(hostId(CLUSTER, '21d61a68-b30f-4350-ac38-0dd69231648d'));
    expect(byAddress.get('10.30.12.6/24')).toBe(hostId(CLUSTER, '2748d997-8162-4ac7-942a-2d56e9c38c49'));
    expect(byAddress.size).toBe(2);
    // A node without its uuid links nothing; a detail without nodes (a list row's) links nothing.
    expect(hostsByAddress(CLUSTER, clusterDetail.parse({ ...detail, TopoHostNode: [{ managerNet: { Addrs: ['10.0.0.1/24'] } }] })).size).toBe(0);
    expect(hostsByAddress(CLUSTER, clusterDetail.parse({ ...detail, TopoHostNode: null })).size).toBe(0);
  });
});
