import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/model/errors.js';
import type { TakeOverClusterRequest } from '../../../src/model/operations.js';
import type { TiemCreateRequest } from '../../../src/sources/tiem/inputs.js';
import { tagLabel } from '../../../src/sources/tiem/map.js';
import { backupBody, checkRestore, createClusterBody, deleteClusterBody, labelTags, restoreBody, takeoverBody } from '../../../src/sources/tiem/requests.js';
import { clusterDetailSchema, envelopeSchema } from '../../../src/sources/tiem/wire.js';

const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/tiem/${name}.json`, import.meta.url), 'utf8'));

const create = (patch: Partial<TiemCreateRequest> = {}, tiem: Partial<NonNullable<TiemCreateRequest['tiem']>> = {}): TiemCreateRequest => ({
  name: 'orders',
  version: 'v6.1.0',
  region: 'CN-HANGZHOU',
  labels: [],
  tiem: {
    clusterType: 'TiDB',
    dbPassword: 'Secr3t!pass',
    components: [
      { type: 'PD', count: 3, spec: '4C8G', zone: 'CN-HANGZHOU-G' },
      { type: 'TiKV', count: 2, spec: '8C32G', zone: 'CN-HANGZHOU-G', diskType: 'NVMeSSD', diskCapacityGb: 500 },
      { type: 'TiKV', count: 1, spec: '8C32G', zone: 'CN-HANGZHOU-H', diskType: 'NVMeSSD', diskCapacityGb: 500 },
      { type: 'TiDB', count: 2, spec: '8C16G', zone: 'CN-HANGZHOU-G' },
    ],
    ...tiem,
  },
  ...patch,
});

/** The ValidationError `build` throws; fails the test when it throws nothing or something else. */
function fieldOf(build: () => unknown): string {
  try {
    build();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}

describe('createClusterBody', () => {
  it('sends only fields of the document’s cluster.CreateClusterReq example, components grouped by type', () => {
    const body = createClusterBody(
      create(
        {
          labels: [
            { key: 'team', value: 'dba' },
            { key: 'critical', value: '' },
          ],
        },
        { copies: 3, tls: true },
      ),
    );
    expect(body).toEqual({
      clusterName: 'orders',
      clusterType: 'TiDB',
      clusterVersion: 'v6.1.0',
      cpuArchitecture: 'X86_64',
      region: 'CN-HANGZHOU',
      dbPassword: 'Secr3t!pass',
      copies: 3,
      tls: true,
      tags: ['team=dba', 'critical'],
      resourceParameters: {
        requestResourceMode: 'SpecificZone',
        instanceResource: [
          { componentType: 'PD', totalNodeCount: 3, resource: [{ count: 3, specCode: '4C8G', zoneCode: 'CN-HANGZHOU-G' }] },
          {
            componentType: 'TiKV',
            totalNodeCount: 3,
            resource: [
              { count: 2, specCode: '8C32G', zoneCode: 'CN-HANGZHOU-G', diskType: 'NVMeSSD', diskCapacity: 500 },
              { count: 1, specCode: '8C32G', zoneCode: 'CN-HANGZHOU-H', diskType: 'NVMeSSD', diskCapacity: 500 },
            ],
          },
          { componentType: 'TiDB', totalNodeCount: 2, resource: [{ count: 2, specCode: '8C16G', zoneCode: 'CN-HANGZHOU-G' }] },
        ],
      },
    });
    const documented = fixture('clusters-create.request');
    for (const key of Object.keys(body)) expect(documented).toHaveProperty(key);
    for (const key of Object.keys(body.resourceParameters.instanceResource[1]?.resource[0] ?? {})) {
      expect(documented.resourceParameters.instanceResource[0].resource[0]).toHaveProperty(key);
    }
  });

  it('sends a parameter group and named hosts as the document’s example does (parameterGroupID, SpecificHost with hostIp and diskId)', () => {
    const components = [
      { type: 'PD', count: 1, spec: '4C8G', zone: 'CN-HANGZHOU-G', hostIp: '172.16.4.10', diskId: 'disk-a' },
      { type: 'TiKV', count: 1, spec: '8C32G', zone: 'CN-HANGZHOU-G', hostIp: '172.16.4.11' },
      { type: 'TiDB', count: 1, spec: '8C16G', zone: 'CN-HANGZHOU-G', hostIp: '172.16.4.12' },
    ];
    const body = createClusterBody(create({}, { parameterGroupId: 'pg-v6.1.0-oltp', components }));
    expect(body.parameterGroupID).toBe('pg-v6.1.0-oltp');
    expect(body.resourceParameters).toEqual({
      requestResourceMode: 'SpecificHost',
      instanceResource: [
        {
          componentType: 'PD',
          totalNodeCount: 1,
          resource: [{ count: 1, specCode: '4C8G', zoneCode: 'CN-HANGZHOU-G', hostIp: '172.16.4.10', diskId: 'disk-a' }],
        },
        { componentType: 'TiKV', totalNodeCount: 1, resource: [{ count: 1, specCode: '8C32G', zoneCode: 'CN-HANGZHOU-G', hostIp: '172.16.4.11' }] },
        { componentType: 'TiDB', totalNodeCount: 1, resource: [{ count: 1, specCode: '8C16G', zoneCode: 'CN-HANGZHOU-G', hostIp: '172.16.4.12' }] },
      ],
    });
    const documented = fixture('clusters-create.request');
    expect(documented).toHaveProperty('parameterGroupID');
    for (const key of Object.keys(body.resourceParameters.instanceResource[0]?.resource[0] ?? {})) {
      expect(documented.resourceParameters.instanceResource[0].resource[0]).toHaveProperty(key);
    }
    // Without hosts or a group, neither is sent.
    expect(createClusterBody(create())).not.toHaveProperty('parameterGroupID');
    expect(createClusterBody(create()).resourceParameters.requestResourceMode).toBe('SpecificZone');
  });

  it('names the input path of each missing or impossible value', () => {
    const cases: Array<[string, () => unknown]> = [
      ['input.tiem', () => createClusterBody({ ...create(), tiem: undefined })],
      ['input.name', () => createClusterBody(create({ name: ' ' }))],
      ['input.version', () => createClusterBody(create({ version: undefined }))],
      ['input.region', () => createClusterBody(create({ region: undefined }))],
      ['input.tiem.dbPassword', () => createClusterBody(create({}, { dbPassword: '' }))],
      ['input.tiem.components', () => createClusterBody(create({}, { components: [] }))],
      ['input.tiem.components', () => createClusterBody(create({}, { components: [{ type: 'TiKV', count: 3, spec: '4C8G', zone: 'z' }] }))],
      ['input.tiem.components[0].type', () => createClusterBody(create({}, { components: [{ type: 'MySQL', count: 1, spec: '4C8G', zone: 'z' }] }))],
      ['input.tiem.components[0].count', () => createClusterBody(create({}, { components: [{ type: 'PD', count: 0, spec: '4C8G', zone: 'z' }] }))],
      ['input.tiem.components[0].spec', () => createClusterBody(create({}, { components: [{ type: 'PD', count: 1, spec: '', zone: 'z' }] }))],
      ['input.tiem.components[0].zone', () => createClusterBody(create({}, { components: [{ type: 'PD', count: 1, spec: '4C8G', zone: '' }] }))],
      [
        'input.tiem.components[0].diskType',
        () => createClusterBody(create({}, { components: [{ type: 'PD', count: 1, spec: '4C8G', zone: 'z', diskType: 'HDD' }] })),
      ],
      [
        'input.tiem.components[0].diskCapacityGb',
        () => createClusterBody(create({}, { components: [{ type: 'PD', count: 1, spec: '4C8G', zone: 'z', diskCapacityGb: -5 }] })),
      ],
      ['input.tiem.copies', () => createClusterBody(create({}, { copies: 5 }))],
      ['input.tiem.copies', () => createClusterBody(create({}, { copies: 0 }))],
      ['input.zone', () => createClusterBody(create({ zone: 'CN-HANGZHOU-G' }))],
      [
        'input.labels[1].key',
        () =>
          createClusterBody(
            create({
              labels: [
                { key: 'a', value: '' },
                { key: 'a', value: 'b' },
              ],
            }),
          ),
      ],
      ['input.labels[0].key', () => createClusterBody(create({ labels: [{ key: 'env:prod', value: '' }] }))],
      ['input.tiem.parameterGroupId', () => createClusterBody(create({}, { parameterGroupId: ' ' }))],
      [
        'input.tiem.components[1].hostIp',
        () =>
          createClusterBody(
            create(
              {},
              {
                components: [
                  { type: 'PD', count: 1, spec: '4C8G', zone: 'z', hostIp: '10.0.0.1' },
                  { type: 'TiKV', count: 1, spec: '4C8G', zone: 'z' },
                ],
              },
            ),
          ),
      ],
      [
        'input.tiem.components[1].hostIp',
        () =>
          createClusterBody(
            create(
              {},
              {
                components: [
                  { type: 'PD', count: 1, spec: '4C8G', zone: 'z' },
                  { type: 'TiKV', count: 1, spec: '4C8G', zone: 'z', hostIp: '10.0.0.1' },
                ],
              },
            ),
          ),
      ],
      [
        'input.tiem.components[0].hostIp',
        () => createClusterBody(create({}, { components: [{ type: 'PD', count: 1, spec: '4C8G', zone: 'z', hostIp: 'pd-host' }] })),
      ],
      [
        'input.tiem.components[0].diskId',
        () => createClusterBody(create({}, { components: [{ type: 'PD', count: 1, spec: '4C8G', zone: 'z', diskId: 'disk-a' }] })),
      ],
    ];
    for (const [field, build] of cases) expect(fieldOf(build), field).toBe(field);
  });

  it('accepts input.zone when every component is placed there, and other cluster types without PD/TiKV/TiDB', () => {
    const oneZone = create({ zone: 'CN-HANGZHOU-G' }, { components: create().tiem?.components.map((c) => ({ ...c, zone: 'CN-HANGZHOU-G' })) ?? [] });
    expect(createClusterBody(oneZone).region).toBe('CN-HANGZHOU');
    const dm = createClusterBody(create({}, { clusterType: 'DataMigration', components: [{ type: 'DM-Master', count: 1, spec: '4C8G', zone: 'z' }] }));
    expect(dm.resourceParameters.instanceResource.map((g) => g.componentType)).toEqual(['DM-Master']);
  });
});

describe('labelTags', () => {
  it('writes labels as tags the read side parses back into the same labels', () => {
    const labels = [
      { key: 'team', value: 'dba' },
      { key: 'critical', value: '' },
      { key: 'url', value: 'a=b:c' },
    ];
    expect(labelTags(labels).map(tagLabel)).toEqual(labels);
  });
});

describe('deleteClusterBody', () => {
  it('keeps the last backup it asks for (autoBackup with keepHistoryBackupRecords), or neither', () => {
    expect(deleteClusterBody({ force: true, keepLastSnapshot: true })).toEqual({ autoBackup: true, force: true, keepHistoryBackupRecords: true });
    expect(deleteClusterBody({ force: false, keepLastSnapshot: false })).toEqual({ autoBackup: false, force: false, keepHistoryBackupRecords: false });
  });
});

describe('takeoverBody', () => {
  const req: TakeOverClusterRequest = {
    name: 'myClusterName',
    dbPassword: 'myPassword',
    controlHost: { ip: '172.16.4.147', port: 22, user: 'root', password: 'password', tiupPath: '.tiup/' },
  };

  it('is the document’s cluster.TakeoverClusterReq example', () => {
    expect(takeoverBody(req)).toEqual(fixture('clusters-takeover.request'));
  });

  it('names the flat GraphQL input field at fault', () => {
    const host = (patch: Partial<TakeOverClusterRequest['controlHost']>) => ({ ...req, controlHost: { ...req.controlHost, ...patch } });
    expect(fieldOf(() => takeoverBody(host({ ip: '172.16.4.300' })))).toBe('input.controlHostIp');
    expect(fieldOf(() => takeoverBody(host({ port: 70_000 })))).toBe('input.controlHostPort');
    expect(fieldOf(() => takeoverBody(host({ user: '' })))).toBe('input.controlHostUser');
    expect(fieldOf(() => takeoverBody(host({ password: '' })))).toBe('input.controlHostPassword');
    expect(fieldOf(() => takeoverBody(host({ tiupPath: ' ' })))).toBe('input.tiupPath');
    expect(fieldOf(() => takeoverBody({ ...req, name: '' }))).toBe('input.name');
    expect(fieldOf(() => takeoverBody({ ...req, dbPassword: '' }))).toBe('input.dbPassword');
  });
});

describe('backupBody', () => {
  it('is a manual full backup, and refuses a name or description TiEM cannot keep', () => {
    expect(backupBody('c1', {})).toEqual({ clusterId: 'c1', backupType: 'full', backupMode: 'manual' });
    expect(fieldOf(() => backupBody('c1', { name: 'nightly' }))).toBe('name');
    expect(fieldOf(() => backupBody('c1', { description: 'before upgrade' }))).toBe('description');
  });
});

describe('restoreBody', () => {
  const source = clusterDetailSchema.parse({
    info: {
      clusterId: 'src',
      clusterType: 'TiDB',
      clusterVersion: 'v5.4.0',
      cpuArchitecture: 'ARM64',
      region: 'CN-BEIJING',
      copies: 3,
      tls: false,
      tags: ['prod'],
    },
    topology: [],
    instanceResource: [
      {
        componentType: 'PD',
        totalNodeCount: 3,
        resource: [{ count: 3, specCode: '4C8G', zoneCode: 'CN-BEIJING-A', diskType: 'SSD', diskCapacity: 50, hostIp: '172.16.8.3', diskId: 'd1' }],
      },
      {
        componentType: 'TiKV',
        totalNodeCount: 3,
        resource: [{ count: 3, specCode: '8C32G', zoneCode: 'CN-BEIJING-A', diskType: 'NVMeSSD', diskCapacity: 500 }],
      },
    ],
  });

  it('copies the source cluster’s type, version, region and resources by zone (not hosts), without its tags', () => {
    expect(restoreBody('b1', source, { clusterName: 'copy' }, 'pw')).toEqual({
      backupId: 'b1',
      clusterName: 'copy',
      clusterType: 'TiDB',
      clusterVersion: 'v5.4.0',
      cpuArchitecture: 'ARM64',
      region: 'CN-BEIJING',
      dbPassword: 'pw',
      copies: 3,
      tls: false,
      tags: [],
      resourceParameters: {
        requestResourceMode: 'SpecificZone',
        instanceResource: [
          { componentType: 'PD', totalNodeCount: 3, resource: [{ count: 3, specCode: '4C8G', zoneCode: 'CN-BEIJING-A', diskType: 'SSD', diskCapacity: 50 }] },
          {
            componentType: 'TiKV',
            totalNodeCount: 3,
            resource: [{ count: 3, specCode: '8C32G', zoneCode: 'CN-BEIJING-A', diskType: 'NVMeSSD', diskCapacity: 500 }],
          },
        ],
      },
    });
  });

  it('moves every component into availabilityZone', () => {
    const body = restoreBody('b1', source, { clusterName: 'copy', availabilityZone: 'CN-BEIJING-C' }, 'pw');
    expect(body.resourceParameters.instanceResource.flatMap((g) => g.resource.map((l) => l.zoneCode))).toEqual(['CN-BEIJING-C', 'CN-BEIJING-C']);
  });

  it('names clusterName and availabilityZone when blank, and the snapshot when its cluster gives nothing to copy', () => {
    expect(fieldOf(() => checkRestore({ clusterName: '' }))).toBe('clusterName');
    expect(fieldOf(() => checkRestore({ clusterName: 'x', availabilityZone: ' ' }))).toBe('availabilityZone');
    const blank = clusterDetailSchema.parse(envelopeSchema.parse(fixture('clusters-detail.response')).data);
    expect(fieldOf(() => restoreBody('b1', { ...blank, info: { ...blank.info, clusterVersion: '' } }, { clusterName: 'x' }, 'pw'))).toBe('id');
  });
});
