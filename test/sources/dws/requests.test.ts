import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/model/errors.js';
import type { DwsCreateRequest, DwsClusterParams } from '../../../src/sources/dws/inputs.js';
import { type CnListWire, subscriptionAnswer } from '../../../src/sources/dws/wire.js';
import {
  checkSnapshotRequest,
  checkTags,
  coordinatorChange,
  copySnapshotBody,
  createClusterBody,
  createSnapshotBody,
  defaultSnapshotName,
  deleteClusterBody,
  domainNameBody,
  memberNodeCount,
  nodeChange,
  parametersBody,
  resetPasswordBody,
  resourcePoolBody,
  snapshotPolicyBody,
  subscriptionBody,
  restoreBody,
  scaleTarget,
  tagChanges,
} from '../../../src/sources/dws/requests.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/dws/${name}`, import.meta.url), 'utf8'));

const PASSWORD = 'Gauss_2024!x';

const dws = (over: Partial<DwsClusterParams> = {}): DwsClusterParams => ({
  nodeType: 'dws.m1.xlarge.ultrahigh',
  nodes: 3,
  vpcId: '85b20d7e-9eb7-4b2a-98f3-3c8843ea3574',
  subnetId: '374eca02-cfc4-4de7-8ab5-dbebf7d9a720',
  securityGroupId: 'dc3ec145-9029-4b39-b5a3-ace5a01f772b',
  availabilityZone: 'az1.dc1',
  adminUser: 'dbadmin',
  adminPassword: PASSWORD,
  ...over,
});
const request = (over: Partial<DwsCreateRequest> = {}, params: Partial<DwsClusterParams> = {}): DwsCreateRequest => ({
  name: 'dws-1',
  labels: [],
  dws: dws(params),
  ...over,
});

/** The field a refusal names; its message must never carry the password. */
const field = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).not.toContain(PASSWORD);
    return (err as ValidationError).field;
  }
  return undefined;
};

describe('dws requests: createCluster', () => {
  it('builds the document’s example body (5.2.4) from the dws block, labels as tags', () => {
    const body = createClusterBody(request({ labels: [{ key: 'env', value: 'prod' }] }, { port: 8000, publicIp: true, coordinators: 3 }), 'cn-north-4');
    expect(body).toEqual({
      cluster: {
        name: 'dws-1',
        node_type: 'dws.m1.xlarge.ultrahigh',
        number_of_node: 3,
        number_of_cn: 3,
        vpc_id: '85b20d7e-9eb7-4b2a-98f3-3c8843ea3574',
        subnet_id: '374eca02-cfc4-4de7-8ab5-dbebf7d9a720',
        security_group_id: 'dc3ec145-9029-4b39-b5a3-ace5a01f772b',
        availability_zone: 'az1.dc1',
        user_name: 'dbadmin',
        user_pwd: PASSWORD,
        port: 8000,
        public_ip: { public_bind_type: 'auto_assign' },
        tags: [{ key: 'env', value: 'prod' }],
      },
    });
  });

  it('leaves out what the gateway was not given: DWS defaults apply (no EIP, 3 CNs, port 8000, no tags)', () => {
    const { cluster } = createClusterBody(request({}, { publicIp: false }), undefined);
    expect(Object.keys(cluster).sort()).toEqual(
      ['availability_zone', 'name', 'node_type', 'number_of_node', 'security_group_id', 'subnet_id', 'user_name', 'user_pwd', 'vpc_id'].sort(),
    );
  });

  it('accepts a region and zone that agree with the source and the dws block', () => {
    expect(createClusterBody(request({ region: 'cn-north-4', zone: 'az1.dc1' }), 'cn-north-4').cluster.availability_zone).toBe('az1.dc1');
  });

  it.each<[string, Partial<DwsCreateRequest>, Partial<DwsClusterParams>]>([
    ['input.dws', { dws: undefined }, {}],
    ['input.version', { version: '8.2.0' }, {}],
    ['input.region', { region: 'eu-west-0' }, {}],
    ['input.zone', { zone: 'az2.dc2' }, {}],
    ['input.name', { name: 'dw' }, {}],
    ['input.name', { name: '1-warehouse' }, {}],
    ['input.name', { name: 'dws.prod' }, {}],
    ['input.labels[0].key', { labels: [{ key: '', value: 'x' }] }, {}],
    ['input.labels[0].value', { labels: [{ key: 'k', value: ' padded' }] }, {}],
    ['input.labels[0].key', { labels: [{ key: 'a/b', value: '' }] }, {}],
    ['input.dws.nodes', {}, { nodes: 2 }],
    ['input.dws.nodes', {}, { nodes: 257 }],
    ['input.dws.coordinators', {}, { coordinators: 1 }],
    ['input.dws.coordinators', {}, { nodes: 3, coordinators: 4 }],
    ['input.dws.port', {}, { port: 5432 }],
    ['input.dws.adminUser', {}, { adminUser: 'DBAdmin' }],
    ['input.dws.adminUser', {}, { adminUser: '1admin' }],
    ['input.dws.adminPassword', {}, { adminPassword: 'alllowercase123' }],
    ['input.dws.adminPassword', {}, { adminPassword: 'Xdbadmin_2024!' }],
    ['input.dws.adminPassword', {}, { adminPassword: 'Xnimdabd_2024!' }],
    ['input.dws.adminPassword', {}, { adminPassword: `A1!${'x'.repeat(30)}` }],
    ['input.dws.nodeType', {}, { nodeType: ' ' }],
    ['input.dws.vpcId', {}, { vpcId: '' }],
    ['input.dws.availabilityZone', {}, { availabilityZone: '' }],
  ])('refuses %s (%o %o)', (want, over, params) => {
    expect(field(() => createClusterBody(request(over, params), 'cn-north-4'))).toBe(want);
  });

  it('refuses any region when the source does not know its own', () => {
    expect(field(() => createClusterBody(request({ region: 'cn-north-4' }), undefined))).toBe('input.region');
  });

  it('accepts a one-node hybrid warehouse and leaves the flavor check to DWS', () => {
    expect(createClusterBody(request({}, { nodes: 1 }), undefined).cluster.number_of_node).toBe(1);
  });
});

describe('dws requests: deleteCluster', () => {
  it('keeps the newest manual snapshot for keepLastSnapshot, none otherwise', () => {
    expect(deleteClusterBody({ force: false, keepLastSnapshot: true })).toEqual({ keep_last_manual_snapshot: 1 });
    expect(deleteClusterBody({ force: false, keepLastSnapshot: false })).toEqual({ keep_last_manual_snapshot: 0 });
  });

  it('refuses force, which DWS has no word for', () => {
    expect(field(() => deleteClusterBody({ force: true, keepLastSnapshot: false }))).toBe('force');
  });
});

describe('dws requests: scaleCluster', () => {
  it('takes one kind of change per call', () => {
    expect(scaleTarget({ nodeCount: 6 })).toEqual({ change: 'nodes', nodeCount: 6 });
    expect(scaleTarget({ coordinatorCount: 3 })).toEqual({ change: 'coordinators', coordinatorCount: 3 });
    expect(field(() => scaleTarget({ nodeCount: 6, coordinatorCount: 3 }))).toBe('input');
    expect(field(() => scaleTarget({}))).toBe('input');
    expect(field(() => scaleTarget({ addHosts: [{ ip: '10.0.0.1' }] }))).toBe('input.addHosts');
    expect(field(() => scaleTarget({ removeHostIds: ['n1'] }))).toBe('input.removeHostIds');
  });

  it('scales out by the difference (at least 3), in by the difference', () => {
    expect(nodeChange(6, 3)).toEqual({ kind: 'scaleOut', body: { scale_out: { count: 3 } }, firstTask: 'CREATING_NODE' });
    expect(nodeChange(4, 6)).toEqual({ kind: 'scaleIn', body: { shrink_number: 2 }, firstTask: 'SHRINK_CHECKING' });
    expect(field(() => nodeChange(5, 3))).toBe('input.nodeCount');
    expect(field(() => nodeChange(3, 3))).toBe('input.nodeCount');
    expect(field(() => nodeChange(2, 6))).toBe('input.nodeCount');
    expect(field(() => nodeChange(257, 200))).toBe('input.nodeCount');
  });

  it('counts member nodes: number_of_node, else the nodes that are not idle', () => {
    expect(memberNodeCount({ id: 'c', name: 'c', status: 'AVAILABLE', number_of_node: 4 })).toBe(4);
    const nodes = [200, 200, 200, 199].map((status, i) => ({ id: `n${i}`, name: `n${i}`, status }));
    expect(memberNodeCount({ id: 'c', name: 'c', status: 'AVAILABLE', nodes })).toBe(3);
  });

  const cns = (names: string[], bounds: Partial<CnListWire> = { min_num: 2, max_num: 6 }): CnListWire => ({
    ...bounds,
    instances: names.map((name) => ({ id: `id-${name}`, name, private_ip: '192.168.0.1' })),
  });

  it('adds CNs to a total (num is the total after the addition, 5.3.2)', () => {
    expect(coordinatorChange(4, cns(['dw-dws-cn-cn-1-1', 'dw-dws-cn-cn-2-1']))).toEqual({ kind: 'add', body: { num: 4 }, firstTask: 'ADD_CN_ING' });
  });

  it('removes the CNs on the highest-numbered nodes, by instance id', () => {
    const list = cns(['dw-dws-cn-cn-2-1', 'dw-dws-cn-cn-10-1', 'dw-dws-cn-cn-1-1', 'dw-dws-cn-cn-9-1']);
    expect(coordinatorChange(2, list)).toEqual({
      kind: 'remove',
      body: { instances: ['id-dw-dws-cn-cn-10-1', 'id-dw-dws-cn-cn-9-1'] },
      firstTask: 'DEL_CN_ING',
    });
  });

  it('keeps within the CN counts the cluster states, or the document’s 2 to 20', () => {
    expect(field(() => coordinatorChange(7, cns(['a', 'b'])))).toBe('input.coordinatorCount');
    expect(field(() => coordinatorChange(1, cns(['a', 'b', 'c'])))).toBe('input.coordinatorCount');
    expect(field(() => coordinatorChange(2, cns(['a', 'b'])))).toBe('input.coordinatorCount');
    expect(coordinatorChange(20, cns(['a', 'b'], {})).kind).toBe('add');
    expect(field(() => coordinatorChange(21, cns(['a', 'b'], {})))).toBe('input.coordinatorCount');
  });
});

describe('dws requests: tags', () => {
  it('removes keys that go away (with their current value) and adds new keys and new values', () => {
    const current = [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'bi' },
      { key: 'tier', value: 'gold' },
    ];
    const wanted = [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'ops' },
      { key: 'cost', value: '' },
    ];
    expect(tagChanges(current, wanted)).toEqual({
      remove: [{ key: 'tier', value: 'gold' }],
      add: [
        { key: 'team', value: 'ops' },
        { key: 'cost', value: '' },
      ],
    });
    expect(tagChanges(current, current)).toEqual({ remove: [], add: [] });
    expect(tagChanges(current, [])).toEqual({ remove: current, add: [] });
  });

  it('checks tags by the document’s rules (table 5-40)', () => {
    expect(checkTags([{ key: 'k', value: '' }], 'labels')).toEqual([{ key: 'k', value: '' }]);
    expect(field(() => checkTags([{ key: 'k'.repeat(129), value: '' }], 'labels'))).toBe('labels[0].key');
    expect(field(() => checkTags([{ key: 'k', value: 'v'.repeat(257) }], 'labels'))).toBe('labels[0].value');
    expect(
      field(() =>
        checkTags(
          [
            { key: 'ok', value: '' },
            { key: 'a=b', value: '' },
          ],
          'labels',
        ),
      ),
    ).toBe('labels[1].key');
    expect(field(() => checkTags([{ key: 'k', value: 'a|b' }], 'labels'))).toBe('labels[0].value');
  });
});

describe('dws requests: snapshots', () => {
  it('names a snapshot after its cluster and the UTC time when none is given, within 64 characters', () => {
    const at = new Date('2024-05-21T09:03:40.123Z');
    expect(defaultSnapshotName('dws-1', at)).toBe('dws-1-20240521090340');
    const long = defaultSnapshotName(`d${'w'.repeat(63)}`, at);
    expect(long).toHaveLength(64);
    expect(long.endsWith('-20240521090340')).toBe(true);
  });

  it('builds the create body (5.5.1), description only when given', () => {
    expect(createSnapshotBody('c1', 'snapshot-3', 'Snapshot-3 description')).toEqual({
      snapshot: { name: 'snapshot-3', cluster_id: 'c1', description: 'Snapshot-3 description' },
    });
    expect(createSnapshotBody('c1', 'snapshot-3', undefined)).toEqual({ snapshot: { name: 'snapshot-3', cluster_id: 'c1' } });
  });

  it('checks names and descriptions', () => {
    expect(() => checkSnapshotRequest({})).not.toThrow();
    expect(field(() => checkSnapshotRequest({ name: 'ab' }))).toBe('name');
    expect(field(() => checkSnapshotRequest({ name: 'snap shot' }))).toBe('name');
    expect(field(() => checkSnapshotRequest({ description: 'a <b>' }))).toBe('description');
    expect(field(() => checkSnapshotRequest({ description: 'x'.repeat(257) }))).toBe('description');
  });

  it('builds the restore body (5.5.8) and refuses a password DWS would not set', () => {
    expect(restoreBody({ clusterName: 'dws-1', availabilityZone: 'az1.dc1' })).toEqual({ restore: { name: 'dws-1', availability_zone: 'az1.dc1' } });
    expect(restoreBody({ clusterName: 'dws-1' })).toEqual({ restore: { name: 'dws-1' } });
    expect(field(() => restoreBody({ clusterName: 'dws-1', dbPassword: PASSWORD }))).toBe('dbPassword');
    expect(field(() => restoreBody({ clusterName: 'd' }))).toBe('clusterName');
    expect(field(() => restoreBody({ clusterName: 'dws-1', availabilityZone: '' }))).toBe('availabilityZone');
  });

  it('builds the linked-copy body (5.5.9)', () => {
    expect(copySnapshotBody({ name: 'backup20', description: 'description' })).toEqual({ backup_name: 'backup20', description: 'description' });
    expect(field(() => copySnapshotBody({}))).toBe('name');
    expect(field(() => copySnapshotBody({ name: 'b' }))).toBe('name');
  });
});

describe('dws requests: resetPassword', () => {
  it('sends the example’s body (5.2.7)', () => {
    expect(resetPasswordBody('NewPassw0rd!', 'dbadmin')).toEqual(fixture('cluster-reset-password.request.json'));
  });

  it.each([
    ['too short (12 at least: its table and example agree)', 'Sh0rt!pass', 'dbadmin'],
    ['too long', `A1!${'x'.repeat(30)}`, 'dbadmin'],
    ['two kinds of character', 'alllowercase123', 'dbadmin'],
    ['the administrator’s name', 'Xdbadmin_2024!', 'dbadmin'],
    ['the name backwards, in another case', 'XNIMDABD_2024!', 'DbAdmin'],
  ])('refuses a password %s, naming newPassword', (_, password, user) => {
    expect(field(() => resetPasswordBody(password, user))).toBe('newPassword');
  });

  it('leaves the name rule to DWS when it does not show the administrator', () => {
    expect(resetPasswordBody('Xdbadmin_2024!', undefined)).toEqual({ new_password: 'Xdbadmin_2024!' });
  });
});

describe('dws requests: snapshot policy', () => {
  it('adds the strategy 5.5.10’s example describes (its body is not shown: "test", full, 03:00 every day)', () => {
    expect(snapshotPolicyBody({ strategies: [{ name: 'test', schedule: '0 0 3 ? * 1,2,3,4,5,6,7', type: 'full' }] })).toEqual({
      backup_strategies: [{ policy_name: 'test', backup_strategy: '0 0 3 ? * 1,2,3,4,5,6,7', backup_type: 'full', backup_level: 'cluster' }],
    });
  });

  it('edits a strategy by its id and sends only what is given', () => {
    expect(snapshotPolicyBody({ retentionDays: 7, strategies: [{ nativeId: 's1', type: 'increment' }] })).toEqual({
      keep_day: 7,
      backup_strategies: [{ policy_id: 's1', backup_type: 'increment', backup_level: 'cluster' }],
    });
    expect(snapshotPolicyBody({ device: 'NFS', serverIps: ['10.0.0.9'] })).toEqual({ device_name: 'NFS', server_ips: ['10.0.0.9'] });
    expect(snapshotPolicyBody({ device: 'NBU', serverIps: ['10.0.0.9'], serverPort: '1556', backupParam: 'p' })).toEqual({
      device_name: 'NBU',
      server_ips: ['10.0.0.9'],
      server_port: '1556',
      backup_param: 'p',
    });
  });

  it.each([
    ['input', {}],
    ['input.retentionDays', { retentionDays: 0 }],
    ['input.retentionDays', { retentionDays: 32 }],
    ['input.serverIps', { device: 'NFS' as const }],
    ['input.serverPort', { device: 'NBU' as const, serverIps: ['10.0.0.9'], backupParam: 'p' }],
    ['input.backupParam', { device: 'NBU' as const, serverIps: ['10.0.0.9'], serverPort: '1556' }],
    ['input.strategies[0].name', { strategies: [{ schedule: '0 0 3 ? * 1' }] }],
    ['input.strategies[0].name', { strategies: [{ name: '1abc', schedule: '0 0 3 ? * 1' }] }],
    ['input.strategies[0].name', { strategies: [{ name: 'abc', schedule: '0 0 3 ? * 1' }] }],
    ['input.strategies[0].schedule', { strategies: [{ name: 'nightly' }] }],
    ['input.strategies[1].schedule', { strategies: [{ nativeId: 's1' }, { nativeId: 's2', schedule: ' ' }] }],
  ])('refuses what tables 5-130 and 5-131 refuse, naming %s', (at, change) => {
    expect(field(() => snapshotPolicyBody(change))).toBe(at);
  });
});

describe('dws requests: parameter settings', () => {
  it('sends the example’s change (5.12.3): enable_constraint_optimization off on the CNs and the DNs', () => {
    const values = [
      { name: 'enable_constraint_optimization', role: 'cn', value: 'off' },
      { name: 'enable_constraint_optimization', role: 'dn', value: 'off' },
    ] as const;
    expect(parametersBody(values)).toEqual(fixture('configuration-update.request.json'));
  });

  it.each([
    ['values', []],
    [
      'values[1]',
      [
        { name: 'session_timeout', role: 'cn' as const, value: '60' },
        { name: 'session_timeout', role: 'cn' as const, value: '90' },
      ],
    ],
    ['values[0].name', [{ name: ' ', role: 'dn' as const, value: 'on' }]],
  ])('refuses, naming %s, what DWS would refuse for its shape', (at, values) => {
    expect(field(() => parametersBody(values))).toBe(at);
  });
});

describe('dws requests: subscriptions', () => {
  const urn = 'urn:smn:cn-north-7:4cf650fd46704908aa071b4df2453e1e:dws-test-nodelete';
  const topic = { topicUrn: urn, topicName: 'dws-test-nodelete' };
  /** A subscription as DWS answers it: the examples' creation answers are what their modifications change. */
  const created = (kind: 'alarm' | 'event') => subscriptionAnswer.parse(fixture(`${kind}-sub-create.response.json`));

  it('creates the examples’ subscriptions (5.8.4, 5.9.3)', () => {
    expect(
      subscriptionBody('alarm', { name: 'zrf-test-12', enabled: true, levels: ['urgent', 'important', 'minor'], timeZone: 'GMT+08:00', ...topic }),
    ).toEqual(fixture('alarm-sub-create.request.json'));
    expect(
      subscriptionBody('event', {
        name: 'zrf-test-66',
        enabled: true,
        severities: ['normal', 'warning'],
        sourceTypes: [],
        sourceId: '',
        categories: [],
        tag: '',
        timeZone: 'GMT+08:00',
        ...topic,
      }),
    ).toEqual(fixture('event-sub-create.request.json'));
  });

  it('modifies them as the examples do (5.8.5, 5.9.4): the whole subscription, what is not given as it is now, no time zone', () => {
    expect(subscriptionBody('alarm', { name: 'zrf-test-13' }, created('alarm'))).toEqual(fixture('alarm-sub-update.request.json'));
    expect(subscriptionBody('event', { severities: ['normal', 'warning'] }, created('event'))).toEqual(fixture('event-sub-update.request.json'));
    expect(subscriptionBody('alarm', { enabled: false, levels: [] }, created('alarm'))).toMatchObject({ enable: 0, alarm_level: '' });
  });

  it.each([
    ['input.name', 'alarm', { ...topic, timeZone: 'GMT+08:00' }, undefined],
    ['input.topicUrn', 'event', { name: 'n', topicName: 't' }, undefined],
    ['input.topicName', 'event', { name: 'n', topicUrn: urn }, undefined],
    ['input.timeZone', 'alarm', { name: 'n', ...topic }, undefined],
    ['input.timeZone', 'alarm', { timeZone: 'GMT+01:00' }, created('alarm')],
    ['input', 'event', {}, created('event')],
  ] as const)('refuses, naming %s, what the tables make mandatory', (at, kind, change, current) => {
    expect(field(() => subscriptionBody(kind, change, current))).toBe(at);
  });
});

describe('dws requests: domain names', () => {
  it('sends the examples’ public name "demo" (5.7.1, 5.7.2), 300 s being the default', () => {
    expect(domainNameBody({ type: 'public', name: 'demo', ttl: 300 })).toEqual(fixture('dns-create.request.json'));
    expect(domainNameBody({ type: 'public', name: 'demo' })).toEqual(fixture('dns-update.request.json'));
  });

  it.each([
    ['input.ttl', { type: 'private' as const, name: 'demo', ttl: 299 }],
    ['input.ttl', { type: 'private' as const, name: 'demo', ttl: 2147483648 }],
    ['input.name', { type: 'public' as const, name: '' }],
  ])('refuses, naming %s, what tables 5-145 and 5-147 refuse', (at, change) => {
    expect(field(() => domainNameBody(change))).toBe(at);
  });
});

describe('dws requests: resource pools', () => {
  it('builds the pool 5.4.4’s example describes (its body is not shown): test11, CPU share 12, memory 0, storage -1, concurrency 10', () => {
    const resources = [
      { name: 'cpu_share', value: 12 },
      { name: 'memory', value: 0 },
      { name: 'storage', value: -1 },
      { name: 'concurrency', value: 10 },
    ];
    expect(resourcePoolBody({ name: 'test11', resources })).toEqual({
      workload_queue: {
        workload_queue_name: 'test11',
        workload_resource_item_list: resources.map((r) => ({ resource_name: r.name, resource_value: r.value })),
      },
    });
    expect(resourcePoolBody({ name: 'p', logicalCluster: 'v3_logical', resources: [resources[0]!] }).workload_queue.logical_cluster_name).toBe('v3_logical');
  });

  it.each([
    ['input.resources', { name: 'p', resources: [] }],
    ['input.resources[0].value', { name: 'p', resources: [{ name: 'memory', value: -2 }] }],
    ['input.resources[0].name', { name: 'p', resources: [{ name: ' ', value: 1 }] }],
    ['input.name', { name: '', resources: [{ name: 'memory', value: 1 }] }],
  ])('refuses, naming %s, what no pool can be', (at, pool) => {
    expect(field(() => resourcePoolBody(pool))).toBe(at);
  });
});
