import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  acceptedWorkflow,
  backupStatus,
  backupType,
  clusterStatus,
  instanceStatus,
  processingShare,
  rawClusterStatus,
  splitHostNativeId,
  tagLabel,
  toCluster,
  toClusterFacts,
  toHost,
  toInstanceFacts,
  toResources,
  toSnapshot,
  toWorkflow,
  vendorWorkflowStatus,
  workflowState,
} from '../../../src/sources/tiem/map.js';
import {
  backupSchema,
  clusterDetailSchema,
  clusterInfoSchema,
  clusterListSchema,
  envelopeSchema,
  workflowDetailSchema,
} from '../../../src/sources/tiem/wire.js';
import { withoutRaw } from '../../helpers/shape.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/tiem/${name}.json`, import.meta.url), 'utf8'));
const dataOf = (name: string) => envelopeSchema.parse(fixture(name)).data;
const GIB = 1024 ** 3;

describe('document examples', () => {
  it('maps the GET /clusters/ example (placeholder values stay placeholders or undefined)', () => {
    const { clusters } = clusterListSchema.parse(dataOf('clusters-list.response'));
    expect(withoutRaw(clusters.map((c) => toCluster('tiem-a', c)))).toEqual([
      {
        sourceId: 'tiem-a',
        nativeId: 'string',
        name: 'string',
        kind: 'DATABASE',
        // "string" is no maintenance TiEM knows: UNKNOWN rather than a guess.
        status: 'UNKNOWN',
        rawStatus: 'string/string',
        version: 'string',
        region: 'string',
        labels: [{ key: 'string', value: '' }],
        createdAt: undefined,
        updatedAt: undefined,
        endpoints: [
          { protocol: 'mysql', address: 'string', public: false },
          { protocol: 'mysql', address: 'string', public: true },
        ],
        nodeCount: undefined,
        usage: {
          cpu: { unit: 'CORES', used: 0, total: 0, ratio: 0 },
          memory: { unit: 'BYTES', used: 0, total: 0, ratio: 0 },
          storage: { unit: 'BYTES', used: 0, total: 0, ratio: 0 },
        },
      },
    ]);
  });

  it('maps the GET /clusters/{clusterId} example: the cluster and its topology as hosts', () => {
    const detail = clusterDetailSchema.parse(dataOf('clusters-detail.response'));
    expect(toCluster('tiem-a', detail.info, detail.topology)).toMatchObject({
      nativeId: 'string',
      nodeCount: 1,
      // The detail example's info carries no cpu/memory/storage usage.
      usage: undefined,
    });
    expect(withoutRaw(detail.topology.map((i) => toHost('tiem-a', 'c1', i)))).toEqual([
      {
        sourceId: 'tiem-a',
        nativeId: 'c1/string',
        clusterNativeId: 'c1',
        name: 'string:0',
        addresses: ['string'],
        role: 'string',
        status: 'UNKNOWN',
        rawStatus: 'string',
        usage: undefined,
        labels: [
          { key: 'zone', value: 'string' },
          { key: 'spec', value: 'string' },
          { key: 'role', value: 'string' },
          { key: 'hostId', value: 'string' },
        ],
      },
    ]);
  });
});

describe('simulator-shaped bodies (login, workflows and backups are not in the document)', () => {
  const info = {
    clusterId: 'hSLFMBQfTmi0Ey-eqrnTvg',
    clusterName: 'tidb-orders-01',
    clusterType: 'TiDB',
    clusterVersion: 'v6.1.0',
    createTime: '2024-03-01T08:00:00.123456789+08:00',
    deleteTime: '0001-01-01T00:00:00Z',
    updateTime: '2024-03-02T00:00:00Z',
    extranetConnectAddresses: ['47.100.1.2:4000'],
    intranetConnectAddresses: ['172.16.4.3:4000'],
    maintainStatus: 'Stopping',
    region: 'CN-HANGZHOU',
    status: 'Running',
    tags: ['prod', 'team=dba', 'owner:alice'],
    cpuUsage: { total: 16, usageRate: 0.25, used: 4 },
    memoryUsage: { total: 64, usageRate: 0.5, used: 32 },
    storageUsage: { total: 1000, usageRate: 0.1, used: 100 },
  };

  it('maps a running cluster that is being stopped', () => {
    expect(withoutRaw(toCluster('tiem-a', clusterListSchema.parse({ clusters: [info] }).clusters[0] as never))).toEqual({
      sourceId: 'tiem-a',
      nativeId: 'hSLFMBQfTmi0Ey-eqrnTvg',
      name: 'tidb-orders-01',
      kind: 'DATABASE',
      status: 'STOPPING',
      rawStatus: 'Running/Stopping',
      version: 'v6.1.0',
      region: 'CN-HANGZHOU',
      labels: [
        { key: 'prod', value: '' },
        { key: 'team', value: 'dba' },
        { key: 'owner', value: 'alice' },
      ],
      createdAt: '2024-03-01T00:00:00.123Z',
      updatedAt: '2024-03-02T00:00:00.000Z',
      endpoints: [
        { protocol: 'mysql', address: '172.16.4.3:4000', public: false },
        { protocol: 'mysql', address: '47.100.1.2:4000', public: true },
      ],
      nodeCount: undefined,
      usage: {
        cpu: { unit: 'CORES', used: 4, total: 16, ratio: 0.25 },
        memory: { unit: 'BYTES', used: 32 * GIB, total: 64 * GIB, ratio: 0.5 },
        storage: { unit: 'BYTES', used: 100 * GIB, total: 1000 * GIB, ratio: 0.1 },
      },
    });
  });

  it('maps a finished automatic backup (size in MB) and an unfinished one (size not known yet)', () => {
    const done = backupSchema.parse({
      backupMethod: 'physical',
      backupMode: 'auto',
      backupType: 'full',
      clusterId: 'c1',
      createTime: '2024-03-01T02:00:00Z',
      endTime: '2024-03-01T02:07:05Z',
      filePath: 'nfs/em/backup/c1/2024-03-01-02-00-00-full',
      id: 'b1',
      size: 1536.5,
      startTime: '2024-03-01T02:00:05Z',
      status: 'Finished',
    });
    expect(withoutRaw(toSnapshot('tiem-a', done))).toEqual({
      sourceId: 'tiem-a',
      nativeId: 'b1',
      clusterNativeId: 'c1',
      name: '2024-03-01-02-00-00-full',
      status: 'AVAILABLE',
      rawStatus: 'Finished',
      type: 'AUTOMATED',
      sizeBytes: Math.round(1536.5 * 1024 * 1024),
      startedAt: '2024-03-01T02:00:05.000Z',
      finishedAt: '2024-03-01T02:07:05.000Z',
      description: 'full physical backup',
    });
    const running = backupSchema.parse({ id: 'b2', clusterId: 'c1', backupMode: 'manual', size: 0, status: 'Processing', endTime: '0001-01-01T00:00:00Z' });
    expect(toSnapshot('tiem-a', running)).toMatchObject({ name: 'b2', type: 'MANUAL', status: 'CREATING', sizeBytes: undefined, finishedAt: undefined });
  });

  const detail = (status: string, nodes: object[]) =>
    workflowDetailSchema.parse({
      info: { bizId: 'c1', bizType: 'cluster', createTime: '2024-03-01T00:00:00Z', id: 'w1', name: 'StopCluster', status, updateTime: '2024-03-01T00:01:00Z' },
      nodeNames: ['clusterStop', 'setClusterOffline', 'end'],
      nodes,
    });

  it('maps a running workflow: steps, pending steps, progress refined by "processing: N%"', () => {
    const d = detail('Processing', [
      { name: 'clusterStop', status: 'Finished', result: 'success', startTime: '2024-03-01T00:00:05Z', endTime: '2024-03-01T00:00:50Z' },
      { name: 'setClusterOffline', status: 'Processing', result: 'processing: 50%', startTime: '2024-03-01T00:00:50Z', endTime: '0001-01-01T00:00:00Z' },
    ]);
    expect(withoutRaw(toWorkflow('tiem-a', d.info, d))).toEqual({
      sourceId: 'tiem-a',
      nativeId: 'w1',
      kind: 'StopCluster',
      rawKind: 'StopCluster',
      target: { type: 'Cluster', nativeId: 'c1' },
      clusterNativeId: 'c1',
      state: 'RUNNING',
      rawState: 'Processing',
      progress: 1.5 / 3,
      message: 'setClusterOffline: processing: 50%',
      steps: [
        { name: 'clusterStop', state: 'SUCCEEDED', message: 'success', startedAt: '2024-03-01T00:00:05.000Z', finishedAt: '2024-03-01T00:00:50.000Z' },
        { name: 'setClusterOffline', state: 'RUNNING', message: 'processing: 50%', startedAt: '2024-03-01T00:00:50.000Z', finishedAt: undefined },
        { name: 'end', state: 'PENDING' },
      ],
      startedAt: '2024-03-01T00:00:00.000Z',
      updatedAt: '2024-03-01T00:01:00.000Z',
      finishedAt: undefined,
    });
  });

  it('maps a failed workflow: the failing step is the message, the rollback node is a step, no pending steps', () => {
    const d = detail('Error', [
      { name: 'clusterStop', status: 'Error', result: 'tiup cluster stop failed' },
      { name: 'end', status: 'Finished', result: 'rollback completed' },
    ]);
    const wf = toWorkflow('tiem-a', d.info, d);
    expect(wf).toMatchObject({ state: 'FAILED', progress: 0, message: 'clusterStop: tiup cluster stop failed', finishedAt: '2024-03-01T00:01:00.000Z' });
    expect(wf.steps.map((s) => [s.name, s.state])).toEqual([
      ['clusterStop', 'FAILED'],
      ['end', 'SUCCEEDED'],
    ]);
  });

  it('knows progress without the detail only for finished (1) and queued (0) flows', () => {
    const d = detail('Processing', []);
    expect(toWorkflow('tiem-a', { ...d.info, status: 'Finished' }).progress).toBe(1);
    expect(toWorkflow('tiem-a', { ...d.info, status: 'Initializing' }).progress).toBe(0);
    expect(toWorkflow('tiem-a', d.info).progress).toBeUndefined();
    expect(toWorkflow('tiem-a', { ...d.info, bizType: 'backup' })).toMatchObject({ target: undefined, clusterNativeId: undefined });
  });

  it('keeps the vendor record it was mapped from, as `raw`', () => {
    const { clusters } = clusterListSchema.parse(dataOf('clusters-list.response'));
    for (const c of clusters) expect(toCluster('tiem-a', c).raw).toBe(c);
    const clusterDetail = clusterDetailSchema.parse(dataOf('clusters-detail.response'));
    expect(toCluster('tiem-a', clusterDetail.info, clusterDetail.topology).raw).toBe(clusterDetail.info);
    for (const i of clusterDetail.topology) expect(toHost('tiem-a', 'c1', i).raw).toBe(i);
    const backup = backupSchema.parse({ id: 'b1', clusterId: 'c1', backupMode: 'auto', size: 1536.5, status: 'Finished', filePath: 'nfs/em/backup/c1/full' });
    expect(toSnapshot('tiem-a', backup).raw).toBe(backup);
    const d = detail('Processing', [{ name: 'clusterStop', status: 'Processing', result: 'processing: 50%' }]);
    expect(toWorkflow('tiem-a', d.info, d).raw).toBe(d.info);
    expect(toWorkflow('tiem-a', d.info).raw).toBe(d.info);
  });
});

describe('status tables', () => {
  // The document types these fields as bare `string`; the words are TiEM's own constants
  // (ClusterRunningStatus, ClusterMaintenanceStatus, ...), as its simulator emits them.
  // Written out here, not read from the adapter's tables, so a wrong row fails.
  it.each([
    ['Initializing', 'CREATING'],
    ['Running', 'RUNNING'],
    ['Stopped', 'STOPPED'],
    ['Recovering', 'UPDATING'],
    ['Failure', 'FAILED'],
  ])('cluster %s, no maintenance → %s', (raw, unified) => {
    expect(clusterStatus(raw, '')).toBe(unified);
    expect(clusterStatus(raw, undefined)).toBe(unified);
    expect(clusterStatus(raw, null)).toBe(unified);
  });

  it.each([
    ['', 'RUNNING', 'FAILED'],
    ['BackUp', 'RUNNING', 'FAILED'],
    ['Creating', 'CREATING', 'CREATING'],
    ['Deleting', 'DELETING', 'DELETING'],
    ['Stopping', 'STOPPING', 'STOPPING'],
    ['Restarting', 'UPDATING', 'UPDATING'],
    ['Restore', 'UPDATING', 'UPDATING'],
    ['Takeover', 'CREATING', 'CREATING'],
  ])('maintenance "%s": Running → %s, Failure → %s', (raw, whenRunning, whenFailed) => {
    expect(clusterStatus('Running', raw)).toBe(whenRunning);
    expect(clusterStatus('Failure', raw)).toBe(whenFailed);
  });

  it('keeps both vendor words in rawStatus', () => {
    expect(rawClusterStatus('Running', '')).toBe('Running');
    expect(rawClusterStatus('Running', null)).toBe('Running');
    expect(rawClusterStatus(undefined, '')).toBe('');
    expect(rawClusterStatus('Running', 'BackUp')).toBe('Running/BackUp');
    expect(rawClusterStatus(null, 'Creating')).toBe('/Creating');
  });

  it.each([
    ['Initializing', 'PROVISIONING'],
    ['Running', 'ONLINE'],
    ['Stopped', 'OFFLINE'],
    ['Recovering', 'DEGRADED'],
    ['Failure', 'FAILED'],
  ])('instance %s → %s', (raw, unified) => expect(instanceStatus(raw)).toBe(unified));
  it.each([
    ['Initializing', 'CREATING'],
    ['Processing', 'CREATING'],
    ['Finished', 'AVAILABLE'],
    ['Failed', 'FAILED'],
  ])('backup %s → %s', (raw, unified) => expect(backupStatus(raw)).toBe(unified));
  it.each([
    ['auto', 'AUTOMATED'],
    ['manual', 'MANUAL'],
  ])('backup mode %s → %s', (raw, unified) => expect(backupType(raw)).toBe(unified));
  it.each([
    ['Initializing', 'PENDING'],
    ['Processing', 'RUNNING'],
    ['Finished', 'SUCCEEDED'],
    ['Error', 'FAILED'],
    ['Canceled', 'CANCELLED'],
  ] as const)('workflow %s → %s, and back', (raw, unified) => {
    expect(workflowState(raw)).toBe(unified);
    expect(vendorWorkflowStatus(unified)).toBe(raw);
  });

  it('maps unknown words to UNKNOWN (or the documented fallback where the vocabulary has none)', () => {
    expect(clusterStatus('Hibernating', '')).toBe('UNKNOWN');
    expect(clusterStatus('Running', 'Upgrading')).toBe('UNKNOWN');
    expect(instanceStatus('Offline')).toBe('UNKNOWN');
    expect(backupStatus(undefined)).toBe('UNKNOWN');
    expect(backupType('scheduled')).toBe('MANUAL');
    expect(workflowState('Paused')).toBe('RUNNING');
  });
});

describe('units and parsing', () => {
  it('reads tags as labels', () => {
    expect(tagLabel('prod')).toEqual({ key: 'prod', value: '' });
    expect(tagLabel('env=prod')).toEqual({ key: 'env', value: 'prod' });
    expect(tagLabel('url:http://x')).toEqual({ key: 'url', value: 'http://x' });
    expect(tagLabel('=odd')).toEqual({ key: '=odd', value: '' });
  });

  it('reads "processing: N%" and host ids', () => {
    expect(processingShare('processing: 37%')).toBe(0.37);
    expect(processingShare('processing:100 %')).toBe(1);
    expect(processingShare('success')).toBeUndefined();
    expect(splitHostNativeId('c1/i1')).toEqual({ clusterId: 'c1', instanceId: 'i1' });
    expect(splitHostNativeId('c1')).toBeUndefined();
    expect(splitHostNativeId('/i1')).toBeUndefined();
  });
});

describe('acceptedWorkflow', () => {
  it('is a queued workflow on its cluster, as the answer that started it tells', () => {
    expect(acceptedWorkflow('tiem-a', 'wf-1', 'StopCluster', 'c-1')).toMatchObject({
      sourceId: 'tiem-a',
      nativeId: 'wf-1',
      kind: 'StopCluster',
      target: { type: 'Cluster', nativeId: 'c-1' },
      clusterNativeId: 'c-1',
      state: 'PENDING',
      rawState: 'Initializing',
      progress: 0,
      steps: [],
    });
  });
});

describe('FLOW_KIND', () => {
  it.each([
    ['CreateCluster', 'CreateCluster'],
    ['DeleteCluster', 'DeleteCluster'],
    ['StopCluster', 'StopCluster'],
    ['RestartCluster', 'RestartCluster'],
    ['TakeoverCluster', 'TakeOverCluster'],
    ['BackupCluster', 'CreateSnapshot'],
    ['RestoreNewCluster', 'RestoreSnapshot'],
    ['ScaleOutCluster', 'Other'],
  ])('flow %s is a %s workflow, its name kept as rawKind', (flowName, kind) => {
    expect(acceptedWorkflow('tiem-a', 'wf-1', flowName, 'c-1')).toMatchObject({ kind, rawKind: flowName });
  });
});

describe('what TiEM alone says (TiemClusterDetails, TiemHostDetails)', () => {
  it('reads the GET /clusters/ example’s monitoring, disaster recovery, access and backup storage', () => {
    const [info] = clusterListSchema.parse(dataOf('clusters-list.response')).clusters;
    expect(toClusterFacts(info!)).toEqual({
      grafanaUrl: 'http://127.0.0.1:3000',
      alertmanagerUrl: 'http://127.0.0.1:9093',
      drRole: 'string',
      drMasters: ['string'],
      drSlaves: ['string'],
      maintenanceWindow: 'string',
      whitelist: ['string'],
      tls: true,
      exclusive: true,
      // The example's 0 copies: Go's zero, not a cluster without data.
      copies: undefined,
      cpuArchitecture: 'string',
      clusterType: 'string',
      resourceVendor: 'string',
      backupStorage: { unit: 'BYTES', used: 0, total: 0, ratio: 0 },
    });
  });

  it('reads the same from the detail example’s info, and what the cluster was created with from its instanceResource, line by line', () => {
    const detail = clusterDetailSchema.parse(dataOf('clusters-detail.response'));
    const [listed] = clusterListSchema.parse(dataOf('clusters-list.response')).clusters;
    expect(toClusterFacts(detail.info)).toEqual(toClusterFacts(listed!));
    expect(toResources(detail)).toEqual({
      mode: 'SpecificZone',
      // Counts stay as given; a disk of Go's zero size is none asked for.
      lines: [
        { component: 'string', count: 0, spec: 'string', zone: 'string', diskType: 'string', diskCapacityGb: undefined, hostIp: 'string', diskId: 'string' },
      ],
    });
  });

  it('reads the detail example’s instance: its ports and disk load', () => {
    const [instance] = clusterDetailSchema.parse(dataOf('clusters-detail.response')).topology;
    expect(toInstanceFacts(instance!)).toEqual({ ports: [0], ioUtil: 0, iops: [0], version: 'string', diskId: 'string' });
  });

  it('scales backup storage from GiB as the other usage, and leaves out what TiEM leaves blank', () => {
    const info = clusterInfoSchema.parse({
      clusterId: 'c1',
      backupFileUsage: { total: 200, used: 50, usageRate: 0.25 },
      role: '',
      relations: { masters: null, slaves: ['c2'] },
      maintainWindow: '',
      whitelist: null,
      copies: 3,
      tls: false,
    });
    expect(toClusterFacts(info)).toMatchObject({
      backupStorage: { unit: 'BYTES', used: 50 * GIB, total: 200 * GIB, ratio: 0.25 },
      drRole: undefined,
      drMasters: [],
      drSlaves: ['c2'],
      maintenanceWindow: undefined,
      whitelist: [],
      copies: 3,
      tls: false,
      grafanaUrl: undefined,
    });
  });
});
