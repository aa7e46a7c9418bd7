import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_OUTLINE_FIELDS,
  clusterOutline,
  clusterStatus,
  currentOperation,
  deploymentStatus,
  hostStatus,
  labelPushdown,
  parseHostId,
  parseOperationId,
  parseReplicas,
  pastOperation,
  toApplication,
  toBusiness,
  toCluster,
  toExternalRepository,
  toImage,
  toImageProject,
  toImageTag,
  toUser,
  toDeployment,
  toHost,
  toWorkflow,
  workflowState,
} from '../../../src/sources/otestack/map.js';
import {
  appDetailReply,
  appListReply,
  businessDetailReply,
  businessList,
  clusterList,
  deploymentDetailReply,
  deploymentList,
  deploymentRow,
  externalRepoList,
  historyEntry,
  imageList,
  nodeList,
  projectList,
  tagList,
  userList,
} from '../../../src/sources/otestack/wire.js';
import { tokenCredential } from '../../../src/sources/otestack/client.js';
import { withoutRaw } from '../../helpers/shape.js';

const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/otestack/${name}.json`, import.meta.url), 'utf8'));
const T = '2019-03-05T03:58:41.000Z'; // 1551758321
const MIB = 1024 * 1024;

describe('otestack map: document examples', () => {
  it('maps the List Applications example to a catalogue entry, leaving out what may hold secrets', () => {
    const [app] = appListReply.parse(fixture('apps-list.response')).items;
    expect(toApplication('ote', app!)).toEqual({
      sourceId: 'ote',
      nativeId: '1',
      name: 'nginx1',
      version: '1.2.3.4',
      workload: 'deployment',
      image: 'nginx:latest',
      project: 'proj1',
      repository: 'repo1',
      replicas: 10,
      minReplicas: 2,
      maxReplicas: 20,
      autoscaled: true,
      ports: [{ port: 8080, hostPort: 9090 }],
      dependencies: [{ name: 'nginx', service: 'xxxx', port: 9090 }],
      minCpuCores: 0.1,
      maxCpuCores: 2,
      gpus: 2,
      minMemoryBytes: 100 * MIB,
      maxMemoryBytes: 200 * MIB,
      maxUnavailable: 1,
      maxSurge: 1,
      minReadySeconds: 10,
      createdAt: T,
      updatedAt: T,
    });
    expect(Object.keys(toApplication('ote', app!))).not.toContain('env');
  });

  it('maps the Get Application example as the list’s entry of the same version', () => {
    const detail = appDetailReply.parse(fixture('app-get.response')).data;
    expect(toApplication('ote', detail)).toMatchObject({ nativeId: '1', name: 'nginx1', version: '1.2.3', image: 'nginx', gpus: 1, minCpuCores: 0.1 });
    const [listed] = appListReply.parse(fixture('apps-list.response')).items;
    const { version, image, gpus, ...rest } = toApplication('ote', detail);
    expect(toApplication('ote', listed!)).toMatchObject(rest);
  });

  it('maps the Get Images, Get Tag of Image and Get Projects examples', () => {
    const images = imageList.parse(fixture('images-list.response')).data.map(toImage);
    expect(images[0]).toEqual({
      name: 'test/test-demo1',
      project: 'test',
      public: false,
      address: 'registry.dcdn.baidu.com/test/test-demo1',
      createdAt: T,
      updatedAt: T,
    });
    expect(images.map((i) => i.project)).toEqual(['test', 'test2']);
    expect(tagList.parse(fixture('image-tags.response')).data.map(toImageTag)).toEqual([
      { tag: 'latest', reference: 'registry.dcdn.baidu.com/test/test-demo1:latest', createdAt: T, updatedAt: T },
      { tag: 'v1', reference: 'registry.dcdn.baidu.com/test/test-demo1:v1', createdAt: T, updatedAt: T },
    ]);
    expect(projectList.parse(fixture('projects-list.response')).data.map(toImageProject)).toEqual([
      { nativeId: '13', name: 'calico', public: true, imageCount: 3, createdAt: T, updatedAt: T },
    ]);
  });

  it('maps the Get External Repository List example, and never reads a password the vendor might add', () => {
    const body = fixture('external-repos-list.response');
    expect(externalRepoList.parse(body).data.map(toExternalRepository)).toEqual([
      { repositoryId: 'yq01', address: 'xxxsdsdsds', user: 'ddddddd' },
      { repositoryId: 'yq02', address: 'xxxsdsdsds', user: 'ddddddd' },
    ]);
    const leaked = externalRepoList.parse({ ...body, data: [{ ...body.data[0], password: 'password1' }] }).data[0];
    expect(JSON.stringify(leaked)).not.toContain('password1');
  });

  it('maps the Get User List example: status 3 is FORBIDDEN, never a password', () => {
    const body = fixture('users-list.response');
    expect(userList.parse(body).data.map(toUser)[0]).toEqual({
      nativeId: '1',
      name: 'user1',
      realName: 'user1',
      phone: '18923441163',
      status: 'FORBIDDEN',
      rawStatus: 3,
      createdAt: T,
      updatedAt: T,
    });
    const leaked = userList.parse({ ...body, data: [{ ...body.data[0], password: 'xxX@1234' }] }).data[0];
    expect(JSON.stringify(leaked)).not.toContain('xxX@1234');
    expect(toUser({ ...userList.parse(body).data[0]!, status: 7 })).toMatchObject({ status: null, rawStatus: 7 });
  });

  it('maps the Get Business List and Get Business examples; the namespace exists once approved', () => {
    const at = '2020-05-21T11:56:36.000Z'; // 1590062196
    const listed = toBusiness(businessList.parse(fixture('business-list.response')).data[0]!);
    expect(listed).toEqual({
      nativeId: '1',
      name: 'name',
      ownerId: '123',
      status: 'PENDING',
      rawStatus: 0,
      comment: 'comment',
      namespace: null,
      about: null,
      createdAt: at,
      updatedAt: at,
    });
    const detail = toBusiness(businessDetailReply.parse(fixture('business-get.response')).data);
    expect(detail).toEqual({ ...listed, about: { introduction: 'introduce', objective: '', scale: '1400000000' } });
    // "the business id is 123, then the name of namespace is ns123"
    expect(toBusiness({ ...businessList.parse(fixture('business-list.response')).data[0]!, id: 123, status: 1 })).toMatchObject({
      status: 'APPROVED',
      namespace: 'ns123',
    });
  });

  it('outlines each cluster of the list example as its completed cluster has every outline field', () => {
    const rows = clusterList.parse(fixture('clusters-list.response')).data;
    for (const row of rows) {
      const outline = clusterOutline('ote', row) as Record<string, unknown>;
      const complete = toCluster('ote', row, ['north'], []) as unknown as Record<string, unknown>;
      for (const field of CLUSTER_OUTLINE_FIELDS) expect(outline[field], field).toEqual(complete[field]);
    }
  });

  it('maps the Get Cluster List example', () => {
    const rows = clusterList.parse(fixture('clusters-list.response')).data;
    expect(withoutRaw(rows.map((r) => toCluster('ote', r, [])))).toEqual([
      {
        sourceId: 'ote',
        nativeId: 'GuangZhou',
        name: 'GuangZhou',
        kind: 'EDGE',
        status: 'FAILED',
        rawStatus: 'isReady=false',
        labels: [],
        endpoints: [],
        nodeCount: 1,
      },
      {
        sourceId: 'ote',
        nativeId: 'BeiJing',
        name: 'BeiJing',
        kind: 'EDGE',
        status: 'RUNNING',
        rawStatus: 'isReady=true',
        labels: [],
        endpoints: [],
        nodeCount: 2,
      },
    ]);
  });

  it('maps the Get Node List example, and a cluster with a node not ready is DEGRADED with its nodes’ capacity', () => {
    const nodes = nodeList.parse(fixture('nodes-list.response')).data;
    expect(withoutRaw(toHost('ote', nodes[0]!, ['gpu', 'edge']))).toEqual({
      sourceId: 'ote',
      nativeId: 'GuangZhou/GZ1',
      clusterNativeId: 'GuangZhou',
      name: 'GZ1',
      addresses: ['1.2.3.4'],
      status: 'ONLINE',
      rawStatus: 'isReady=true',
      os: 'Linux',
      kernel: '2.6',
      labels: [
        { key: 'edge', value: '' },
        { key: 'gpu', value: '' },
      ],
    });
    const sized = [
      { ...nodes[1]!, cpu: 8, memory: 16 * 2 ** 30, disk: 480e9 },
      { ...nodes[1]!, nodeName: 'BJ2', isReady: false, cpu: 16, memory: 32 * 2 ** 30 },
    ];
    expect(toHost('ote', sized[0]!, []).usage).toEqual({
      cpu: { total: 8, unit: 'CORES' },
      memory: { total: 16 * 2 ** 30, unit: 'BYTES' },
      storage: { total: 480e9, unit: 'BYTES' },
    });
    const cluster = toCluster('ote', { clusterName: 'BeiJing', nodeCount: 2, isReady: true }, ['north'], sized);
    expect(cluster).toMatchObject({
      status: 'DEGRADED',
      rawStatus: 'isReady=true',
      labels: [{ key: 'north', value: '' }],
      usage: { cpu: { total: 24, unit: 'CORES' }, memory: { total: 48 * 2 ** 30, unit: 'BYTES' }, storage: { total: 480e9, unit: 'BYTES' } },
    });
  });

  it('keeps a ready cluster whose nodes are all ready RUNNING, and a cluster not ready FAILED whatever its nodes say', () => {
    const node = nodeList.parse(fixture('nodes-list.response')).data[0]!;
    const ready = [
      { ...node, isReady: true },
      { ...node, nodeName: 'n2', isReady: true },
    ];
    expect(toCluster('ote', { clusterName: 'BeiJing', nodeCount: 2, isReady: true }, [], ready).status).toBe('RUNNING');
    const notReady = [
      { ...node, isReady: false },
      { ...node, nodeName: 'n2', isReady: true },
    ];
    expect(toCluster('ote', { clusterName: 'GuangZhou', nodeCount: 2, isReady: false }, [], notReady).status).toBe('FAILED');
  });

  it('maps the List Deployment example (status 6, counts from errorMessage, no history in a list)', () => {
    const row = deploymentList.parse(fixture('deploy-list.response')).data[0]!;
    expect(withoutRaw(toDeployment('ote', row, { clusters: ['c1'], awaitingAudit: false }))).toEqual({
      sourceId: 'ote',
      nativeId: '1',
      clusterNativeId: 'c1',
      name: 'nginx1',
      application: 'nginx1',
      version: '1.1.1.1',
      status: 'PARTIAL',
      rawStatus: '6',
      replicas: { running: 10, error: 3, total: 13 },
      history: [],
      createdAt: T,
      updatedAt: T,
    });
  });

  it('maps the Get Deployment example; a target spanning several clusters has no single cluster', () => {
    const detail = deploymentDetailReply.parse(fixture('deploy-get.response')).data;
    expect(withoutRaw(toDeployment('ote', detail, { clusters: ['a', 'b'], awaitingAudit: false }, detail.historyVersion))).toEqual({
      sourceId: 'ote',
      nativeId: '1',
      name: 'nginx1',
      application: 'nginx1',
      version: '1.1.1.2',
      status: 'PARTIAL',
      rawStatus: '6',
      replicas: { running: 10, error: 3, total: 13 },
      history: [],
      createdAt: T,
      updatedAt: T,
    });
  });

  it('keeps the versions a deployment ran as its history, and drops deleted deployments', () => {
    const row = deploymentRow.parse({ ...fixture('deploy-get.response').data, status: 5 });
    const history = [
      { version: '1.1', deployType: 1, status: 5, createTime: 100, updateTime: 1551758321 },
      { version: '1.2', deployType: 2, status: 7, createTime: 200, updateTime: 300 },
      { version: '1.2', deployType: 2, status: 6, createTime: 400, updateTime: 1551758322 },
      { version: '1.2', deployType: 4, status: 9, createTime: 500, updateTime: 600 },
      { version: '1.3', deployType: 2, status: 2, createTime: 700, updateTime: 800 },
    ].map((h) => historyEntry.parse(h));
    expect(toDeployment('ote', row, { clusters: [], awaitingAudit: false }, history)?.history).toEqual([
      { version: '1.1', deployedAt: T },
      { version: '1.2', deployedAt: '2019-03-05T03:58:42.000Z' },
    ]);
    expect(toDeployment('ote', { ...row, status: 9 }, { clusters: [], awaitingAudit: false })).toBeUndefined();
  });

  it('synthesizes the workflow of a deployment’s current operation and of a past one', () => {
    const row = deploymentRow.parse({ ...fixture('deploy-list.response').data[0], status: 4, deployType: 2 });
    expect(withoutRaw(toWorkflow('ote', row, currentOperation(row), { clusters: ['c1'], awaitingAudit: false }))).toEqual({
      sourceId: 'ote',
      nativeId: 'deployment:1:2:1.1.1.1',
      kind: 'UpgradeDeployment',
      target: { type: 'Deployment', nativeId: '1' },
      clusterNativeId: 'c1',
      state: 'RUNNING',
      rawState: '4',
      message: 'deploying: 10 of 13 pods running, 3 in error',
      steps: [],
      updatedAt: T,
    });
    // An install's running share is its progress; an upgrade's pods ran before it began.
    const installing = { ...row, deployType: 1 };
    expect(toWorkflow('ote', installing, currentOperation(installing), { clusters: [], awaitingAudit: false }).progress).toBe(10 / 13);
    const entry = historyEntry.parse({ version: '1.0', deployType: 1, status: 5, createTime: 1551758000, updateTime: 1551758321 });
    expect(withoutRaw(toWorkflow('ote', row, pastOperation(entry), { clusters: [], awaitingAudit: false }))).toEqual({
      sourceId: 'ote',
      nativeId: 'deployment:1:1:1.0',
      kind: 'CreateDeployment',
      target: { type: 'Deployment', nativeId: '1' },
      state: 'SUCCEEDED',
      rawState: '5',
      progress: 1,
      message: 'succeeded',
      steps: [],
      startedAt: '2019-03-05T03:53:20.000Z',
      updatedAt: T,
      finishedAt: T,
    });
    const pending = deploymentRow.parse({ ...row, status: 0, deployType: 1 });
    expect(toWorkflow('ote', pending, currentOperation(pending), { clusters: [], awaitingAudit: true })).toMatchObject({
      state: 'PENDING',
      message: 'awaiting an administrator’s audit',
      startedAt: T,
    });
    const rejected = deploymentRow.parse({ ...row, status: 2, auditComment: 'no pass' });
    expect(toWorkflow('ote', rejected, currentOperation(rejected), { clusters: [], awaitingAudit: false })).toMatchObject({
      state: 'CANCELLED',
      message: 'rejected by the auditor: no pass',
      finishedAt: T,
    });
    const text = deploymentRow.parse({ ...row, status: 7, errorMessage: 'ImagePullBackOff' });
    expect(toWorkflow('ote', text, currentOperation(text), { clusters: [], awaitingAudit: false }).message).toBe('failed (ImagePullBackOff)');
    expect(parseOperationId('deployment:12:3:2.1')).toEqual({ deployId: 12, deployType: '3', version: '2.1' });
    expect(parseOperationId('cluster:1')).toBeUndefined();
  });

  it('keeps the vendor record it was mapped from, as `raw`', () => {
    const clusters = clusterList.parse(fixture('clusters-list.response')).data;
    for (const c of clusters) expect(toCluster('ote', c, []).raw).toBe(c);
    const nodes = nodeList.parse(fixture('nodes-list.response')).data;
    for (const n of nodes) expect(toHost('ote', n, []).raw).toBe(n);
    const row = deploymentList.parse(fixture('deploy-list.response')).data[0]!;
    expect(toDeployment('ote', row, { clusters: ['c1'], awaitingAudit: false })?.raw).toBe(row);
    const detail = deploymentDetailReply.parse(fixture('deploy-get.response')).data;
    expect(toDeployment('ote', detail, { clusters: [], awaitingAudit: false }, detail.historyVersion)?.raw).toBe(detail);
    // A workflow keeps the deployment it was synthesized from, for a current and a past operation alike.
    expect(toWorkflow('ote', row, currentOperation(row), { clusters: ['c1'], awaitingAudit: false }).raw).toBe(row);
    const past = historyEntry.parse({ version: '1.0', deployType: 1, status: 5, createTime: 1551758000, updateTime: 1551758321 });
    expect(toWorkflow('ote', detail, pastOperation(past), { clusters: [], awaitingAudit: false }).raw).toBe(detail);
  });
});

describe('otestack status tables', () => {
  it.each([
    ['true', 'RUNNING'],
    ['false', 'FAILED'],
    ['maybe', 'UNKNOWN'],
  ])('cluster isReady=%s → %s', (raw, want) => expect(clusterStatus(raw)).toBe(want));

  it.each([
    ['true', 'ONLINE'],
    ['false', 'OFFLINE'],
    ['maybe', 'UNKNOWN'],
  ])('node isReady=%s → %s', (raw, want) => expect(hostStatus(raw)).toBe(want));

  it.each([
    [0, 'PENDING'],
    [1, 'PENDING'],
    [2, 'FAILED'],
    [3, 'DEPLOYING'],
    [4, 'DEPLOYING'],
    [5, 'SUCCEEDED'],
    [6, 'PARTIAL'],
    [7, 'FAILED'],
    [8, 'FAILED'],
    [9, 'DELETED'],
    [42, 'UNKNOWN'],
  ])('deployment status %s → %s', (raw, want) => expect(deploymentStatus(raw)).toBe(want));

  it('status 0 with a pending audit is AWAITING_APPROVAL, without one PENDING', () => {
    const row = deploymentRow.parse({ id: 7, deployName: 'd', status: 0 });
    expect(toDeployment('ote', row, { clusters: [], awaitingAudit: true })?.status).toBe('AWAITING_APPROVAL');
    expect(toDeployment('ote', row, { clusters: [], awaitingAudit: false })?.status).toBe('PENDING');
    expect(toDeployment('ote', { ...row, status: 1 }, { clusters: [], awaitingAudit: true })?.status).toBe('PENDING');
  });

  it.each([
    [0, 'PENDING'],
    [1, 'PENDING'],
    [2, 'CANCELLED'],
    [3, 'RUNNING'],
    [4, 'RUNNING'],
    [5, 'SUCCEEDED'],
    [6, 'FAILED'],
    [7, 'FAILED'],
    [8, 'FAILED'],
    [9, 'SUCCEEDED'],
    [42, 'RUNNING'],
  ])('workflow state of status %s → %s', (raw, want) => expect(workflowState(raw)).toBe(want));
});

describe('otestack units and parsing', () => {
  it.each([
    ['{"running": 10, "error": 3, "total": 13}', { running: 10, error: 3, total: 13 }],
    ['{"running": 10, "error": 3, "total": 13}"', { running: 10, error: 3, total: 13 }],
    [
      { running: 1, error: 0, total: 2 },
      { running: 1, error: 0, total: 2 },
    ],
    ['{"running": 10, "total": 13}', undefined],
    ['ImagePullBackOff', undefined],
    [undefined, undefined],
  ])('errorMessage %j → %j', (raw, want) => expect(parseReplicas(raw)).toEqual(want));

  it('splits host ids at the last slash', () => {
    expect(parseHostId('bj-01/bj-01-node-02')).toEqual({ clusterName: 'bj-01', nodeName: 'bj-01-node-02' });
    expect(parseHostId('no-slash')).toBeUndefined();
    expect(parseHostId('/x')).toBeUndefined();
  });

  it('pushes one bare label down; values no OTE-stack label has match nothing', () => {
    expect(labelPushdown(undefined)).toEqual({ kind: 'none' });
    expect(labelPushdown([{ key: 'gpu' }])).toEqual({ kind: 'label', label: 'gpu', exact: true });
    expect(labelPushdown([{ key: 'gpu', value: '' }, { key: 'prod' }])).toEqual({ kind: 'label', label: 'gpu', exact: false });
    expect(labelPushdown([{ key: 'gpu', value: 'yes' }])).toEqual({ kind: 'impossible' });
  });

  it('takes the token expiry from the JWT exp claim, else an hour from issue', () => {
    const claims = Buffer.from(JSON.stringify({ exp: 2_000_000_000 })).toString('base64url');
    expect(tokenCredential(`eyJh.${claims}.sig`, 1_000)).toEqual({ headers: { authorization: `eyJh.${claims}.sig` }, expiresAt: 2_000_000_000_000 });
    expect(tokenCredential('eyJxxxxxx', 1_000).expiresAt).toBe(1_000 + 3_600_000);
    // An exp already past by our clock: the clocks disagree, the documented hour applies.
    expect(tokenCredential(`eyJh.${claims}.sig`, 3_000_000_000_000).expiresAt).toBe(3_000_000_000_000 + 3_600_000);
  });
});
