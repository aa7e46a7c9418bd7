import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/model/errors.js';
import type { DcosCreateRequest, DcosHostSpec } from '../../../src/sources/dcos/inputs.js';
import type { VendorCluster, VendorHost } from '../../../src/sources/dcos/wire.js';
import { checkDeleteCluster, checkRemoval, createClusterBody, hostChange } from '../../../src/sources/dcos/requests.js';

const KEY = 'LSdWLSeCRpyJT3BSpdE1pFJJq5FpRSBLRq5WLSdWLQ==';
const OWNER = '59bb4331403cba000a116359';
const CLUSTER = '59bb43f8284ae3000bf663ea';
const host = (ip: string): DcosHostSpec => ({ ip, sshUser: 'root', privateKey: KEY });
const node = (ip: string) => ({ ip, sshUser: 'root', privateKey: KEY });

function request(dcos: Partial<NonNullable<DcosCreateRequest['dcos']>> = {}, rest: Partial<DcosCreateRequest> = {}): DcosCreateRequest {
  return { name: 'cluster', labels: [], dcos: { masters: [host('192.168.10.212')], shared: [host('192.168.10.213')], ...dcos }, ...rest };
}

/** The ValidationError `run` throws; fails the test when it throws none. */
function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('createClusterBody', () => {
  it('builds the document’s customized compact cluster from the gateway’s dcos block', () => {
    // Section 一 (createUserCluster.json), less what the gateway has no input for:
    // owner (the vendor takes it from user_id), privateNicName, dockerRegistries.
    expect(createClusterBody(request({ ownerId: OWNER }))).toEqual({
      name: 'cluster',
      user_id: OWNER,
      type: 'customized',
      createCategory: 'compact',
      masterCount: 1,
      sharedCount: 1,
      pureslaveCount: 0,
      masterNodes: [node('192.168.10.212')],
      sharedNodes: [node('192.168.10.213')],
      pureslaveNodes: [],
    });
  });

  it('maps ha with slaves; leaves user_id out when no owner is named; trims', () => {
    const body = createClusterBody(
      request(
        {
          type: 'ha',
          masters: [host('10.0.0.1'), host('10.0.0.2'), host('10.0.0.3')],
          shared: [host(' 10.0.0.4 ')],
          slaves: [host('10.0.0.5'), { ip: 'fd00::6', sshUser: ' core ', privateKey: KEY }],
        },
        { name: ' edge-1 ' },
      ),
    );
    expect(body).toMatchObject({ name: 'edge-1', createCategory: 'ha', masterCount: 3, sharedCount: 1, pureslaveCount: 2 });
    expect(body).not.toHaveProperty('user_id');
    expect(body.sharedNodes[0]?.ip).toBe('10.0.0.4');
    expect(body.pureslaveNodes[1]).toEqual({ ip: 'fd00::6', sshUser: 'core', privateKey: KEY });
  });

  it.each([
    ['no dcos block', request({}, { dcos: undefined }), 'input.dcos'],
    ['labels', request({}, { labels: [{ key: 'env', value: 'prod' }] }), 'input.labels'],
    ['version', request({}, { version: '1.10' }), 'input.version'],
    ['region', request({}, { region: 'cn-north' }), 'input.region'],
    ['zone', request({}, { zone: 'az1' }), 'input.zone'],
    ['a name starting with a digit', request({}, { name: '1cluster' }), 'input.name'],
    ['a name with underscores', request({}, { name: 'my_cluster' }), 'input.name'],
    ['a blank name', request({}, { name: '  ' }), 'input.name'],
    ['a name of 16 characters', request({}, { name: 'a'.repeat(16) }), 'input.name'],
    ['an unknown type', request({ type: 'large' }), 'input.dcos.type'],
    ['an owner that is not an ObjectId', request({ ownerId: 'sysadmin' }), 'input.dcos.ownerId'],
    ['no master', request({ masters: [] }), 'input.dcos.masters'],
    ['no shared node', request({ shared: undefined }), 'input.dcos.shared'],
    ['an ha cluster of 4', request({ type: 'ha', slaves: [host('10.0.0.8'), host('10.0.0.9')] }), 'input.dcos'],
    ['a bad address', request({ slaves: [host('10.0.0.300')] }), 'input.dcos.slaves[0].ip'],
    ['an address twice', request({ shared: [host('192.168.10.212')] }), 'input.dcos.shared[0].ip'],
    ['no ssh user', request({ masters: [{ ip: '10.0.0.1', privateKey: KEY }] }), 'input.dcos.masters[0].sshUser'],
    ['no private key', request({ shared: [{ ip: '10.0.0.2', sshUser: 'root', privateKey: ' ' }] }), 'input.dcos.shared[0].privateKey'],
  ])('refuses %s, naming %s', (_what, req, field) => {
    expect(refusal(() => createClusterBody(req)).field).toBe(field);
  });

  it('never quotes the private key', () => {
    const err = refusal(() => createClusterBody(request({ masters: [{ ip: 'nowhere', sshUser: 'root', privateKey: KEY }] })));
    expect(err.message).not.toContain(KEY);
  });
});

describe('checkDeleteCluster', () => {
  it('takes a plain delete; refuses force and a last snapshot, which DC/OS has not', () => {
    expect(() => checkDeleteCluster({ force: false, keepLastSnapshot: false })).not.toThrow();
    expect(refusal(() => checkDeleteCluster({ force: true, keepLastSnapshot: false })).field).toBe('force');
    expect(refusal(() => checkDeleteCluster({ force: false, keepLastSnapshot: true })).field).toBe('keepLastSnapshot');
  });
});

describe('hostChange', () => {
  it('adds hosts as private agents, reusing the caller’s machines (the document’s add.json)', () => {
    expect(hostChange(CLUSTER, { addHosts: [host('192.168.10.214')] })).toEqual({
      kind: 'add',
      body: { clusterId: CLUSTER, addMode: 'reuse', sharedCount: 0, pureslaveCount: 1, sharedNodes: [], pureslaveNodes: [node('192.168.10.214')] },
    });
  });

  it('strips the cluster from host native ids, remembering which input named each', () => {
    expect(hostChange(CLUSTER, { removeHostIds: [`${CLUSTER}:59bb5373284ae3000bf663ef`] })).toEqual({
      kind: 'remove',
      hostIds: [{ hostId: '59bb5373284ae3000bf663ef', field: 'input.removeHostIds[0]' }],
    });
  });

  const other = '59bb43f8284ae3000bf66300';
  it.each([
    ['nodeCount', { nodeCount: 3 }, 'input.nodeCount'],
    ['coordinatorCount', { coordinatorCount: 1 }, 'input.coordinatorCount'],
    ['both changes at once', { addHosts: [host('10.0.0.1')], removeHostIds: [`${CLUSTER}:59bb5373284ae3000bf663ef`] }, 'input'],
    ['nothing', {}, 'input'],
    ['no hosts to add', { addHosts: [] }, 'input.addHosts'],
    ['an added host without a key', { addHosts: [host('10.0.0.1'), { ip: '10.0.0.2', sshUser: 'root' }] }, 'input.addHosts[1].privateKey'],
    ['an added address twice', { addHosts: [host('10.0.0.1'), host('10.0.0.1')] }, 'input.addHosts[1].ip'],
    ['no hosts to remove', { removeHostIds: [] }, 'input.removeHostIds'],
    ['a bare host id', { removeHostIds: ['59bb5373284ae3000bf663ef'] }, 'input.removeHostIds[0]'],
    ['a host id that is not an ObjectId', { removeHostIds: [`${CLUSTER}:host-1`] }, 'input.removeHostIds[0]'],
    ['a host of another cluster', { removeHostIds: [`${CLUSTER}:59bb5373284ae3000bf663ef`, `${other}:59bb5373284ae3000bf663f0`] }, 'input.removeHostIds[1]'],
    ['a host twice', { removeHostIds: [`${CLUSTER}:59bb5373284ae3000bf663ef`, `${CLUSTER}:59bb5373284ae3000bf663ef`] }, 'input.removeHostIds[1]'],
  ])('refuses %s, naming %s', (_what, req, field) => {
    expect(refusal(() => hostChange(CLUSTER, req)).field).toBe(field);
  });
});

describe('checkRemoval', () => {
  const vendorHost = (hostId: string, role: 'master' | 'shared' | 'slave', status = 'RUNNING'): VendorHost => ({
    hostId,
    clusterId: CLUSTER,
    status,
    isMasterNode: role === 'master',
    isSharedNode: role === 'shared',
    isSlaveNode: role !== 'master',
  });
  const cluster = (createCategory?: string): VendorCluster => ({
    _id: CLUSTER,
    name: 'cluster',
    status: 'RUNNING',
    ...(createCategory ? { createCategory } : {}),
  });
  const hosts = [
    vendorHost('a00000000000000000000001', 'master'),
    vendorHost('a00000000000000000000002', 'shared'),
    vendorHost('a00000000000000000000003', 'slave'),
    vendorHost('a00000000000000000000004', 'slave'),
    vendorHost('a00000000000000000000005', 'slave', 'TERMINATED'),
  ];
  const ids = (...n: number[]) => n.map((k, i) => ({ hostId: `a0000000000000000000000${k}`, field: `input.removeHostIds[${i}]` }));

  it('sends the vendor ids of live agents when enough keeps running', () => {
    expect(checkRemoval(cluster('compact'), hosts, ids(3, 4))).toEqual({ host_ids: ['a00000000000000000000003', 'a00000000000000000000004'] });
  });

  it.each([
    ['a host the cluster does not have', ids(3, 9), 'input.removeHostIds[1]'],
    ['a host already removed', ids(5), 'input.removeHostIds[0]'],
    ['a master', ids(1), 'input.removeHostIds[0]'],
    ['the last shared node', ids(2), 'input.removeHostIds'],
  ])('refuses %s, naming %s', (_what, removal, field) => {
    expect(refusal(() => checkRemoval(cluster('compact'), hosts, removal)).field).toBe(field);
  });

  it('an ha cluster keeps five running nodes; a category the vendor does not report is left to it', () => {
    expect(refusal(() => checkRemoval(cluster('ha'), hosts, ids(3))).field).toBe('input.removeHostIds');
    expect(checkRemoval(cluster(), hosts, ids(2, 3, 4))).toEqual({
      host_ids: ['a00000000000000000000002', 'a00000000000000000000003', 'a00000000000000000000004'],
    });
  });
});
