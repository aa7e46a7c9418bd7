import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/model/errors.js';
import { DEFAULT_CANVAS, type HciCreateRequest } from '../../../src/sources/hci/inputs.js';
import type { HostStatistic } from '../../../src/sources/hci/wire.js';
import {
  addClusterBody,
  centerNodeFor,
  checkSnapshotRequest,
  daemonBody,
  deleteClusterBody,
  drsConfigBody,
  inspectionBody,
  metadataScheduleBody,
  newestSnapshotFile,
  overAllocationBody,
  topologyBody,
} from '../../../src/sources/hci/requests.js';

const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/hci/${name}`, import.meta.url), 'utf8'));

const fieldOf = (run: () => unknown): string => {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
};

describe('hci requests: add cluster', () => {
  const request = (over: Partial<HciCreateRequest> = {}): HciCreateRequest => ({
    name: 'hci-new',
    labels: [],
    hci: { centerIp: '10.1.2.11', description: '新集群' },
    ...over,
  });

  it('sends the name, the node to discover from and the description', () => {
    expect(addClusterBody(request())).toEqual({ ip: '10.1.2.11', name: 'hci-new', desc: '新集群' });
    expect(addClusterBody(request({ hci: { centerIp: '10.1.2.11' } }))).toEqual({ ip: '10.1.2.11', name: 'hci-new', desc: '' });
  });

  it.each([
    ['input.hci', { hci: undefined }],
    ['input.name', { name: '  ' }],
    ['input.hci.centerIp', { hci: { centerIp: 'center-1' } }],
    ['input.hci.centerIp', { hci: { centerIp: '10.1.2.256' } }],
    ['input.hci.centerIp', { hci: { centerIp: ' 10.1.2.11' } }],
    ['input.version', { version: '6.0' }],
    ['input.region', { region: 'cn-north' }],
    ['input.zone', { zone: 'az1' }],
    ['input.labels', { labels: [{ key: 'env', value: 'prod' }] }],
  ] as const)('refuses %s', (field, over) => {
    expect(fieldOf(() => addClusterBody(request(over as Partial<HciCreateRequest>)))).toBe(field);
  });
});

describe('hci requests: the rest', () => {
  it('deletes with or without force; a last snapshot cannot be kept', () => {
    expect(deleteClusterBody('c1', { force: true, keepLastSnapshot: false })).toEqual({ cluster_uuid: 'c1', force: true });
    expect(deleteClusterBody('c1', { force: false, keepLastSnapshot: false })).toEqual({ cluster_uuid: 'c1', force: false });
    expect(fieldOf(() => deleteClusterBody('c1', { force: false, keepLastSnapshot: true }))).toBe('keepLastSnapshot');
  });

  it('a metadata snapshot takes neither a name nor a description', () => {
    expect(() => checkSnapshotRequest({})).not.toThrow();
    expect(fieldOf(() => checkSnapshotRequest({ name: 'before-upgrade' }))).toBe('name');
    expect(fieldOf(() => checkSnapshotRequest({ description: 'x' }))).toBe('description');
  });

  it('saves on the first center node that is not down, else on the first', () => {
    const host = (Name: string, Status: number) => ({ HostUUID: Name, Name, Status }) as HostStatistic;
    const hosts = [host('10.0.0.1', 2), host('10.0.0.2', 0), host('10.0.0.3', 1)];
    expect(centerNodeFor(['10.0.0.1', '10.0.0.2', '10.0.0.3'], hosts)).toBe('10.0.0.2');
    expect(centerNodeFor(['10.0.0.1'], hosts)).toBe('10.0.0.1');
    expect(centerNodeFor(['10.0.0.9'], [])).toBe('10.0.0.9');
    expect(centerNodeFor([], hosts)).toBeUndefined();
  });

  it('the newest file by the time in its name is the one just saved', () => {
    expect(newestSnapshotFile(['snapshot1572936234.db', 'snapshot1572939834.db', 'manual.db', 'snapshot999.db'])).toBe('snapshot1572939834.db');
    expect(newestSnapshotFile(['manual.db'])).toBeUndefined();
    expect(newestSnapshotFile([])).toBeUndefined();
  });

  it('inspects every category', () => {
    expect(inspectionBody({ uuid: 'c1', name: 'hci-prod' })).toEqual({
      cluster_uuid: 'c1',
      cluster_name: 'hci-prod',
      check_system: true,
      check_network: true,
      check_hardware: true,
    });
  });
});

describe('hci requests: DRS/DPM and over-allocation settings', () => {
  it('sends the document’s DRS update: DRS alone, only the fields given (cluster_name, for the vendor’s log only, left out)', () => {
    const { cluster_name: _, ...example } = fixture('drsconfig-update.request.json');
    const change = { drs: { enabled: false, maxStep: 4, thresholdLevel: 1, minBenefitLevel: 3, maxConcurrentMigrations: 4, maxHostConcurrentMigrations: 2 } };
    expect(drsConfigBody(example.cluster_uuid, change)).toEqual(example);
    expect(drsConfigBody('c', { dpm: { lowThreshold: 0.3 } })).toEqual({ cluster_uuid: 'c', config: { DPM: { LowThreshold: 0.3 } } });
  });

  it('refuses DRS/DPM values the table rules out, naming the field', () => {
    expect(fieldOf(() => drsConfigBody('c', {}))).toBe('input');
    expect(fieldOf(() => drsConfigBody('c', { drs: {} }))).toBe('input');
    expect(fieldOf(() => drsConfigBody('c', { drs: { thresholdLevel: 6 } }))).toBe('input.drs.thresholdLevel');
    expect(fieldOf(() => drsConfigBody('c', { drs: { minBenefitLevel: 2.5 } }))).toBe('input.drs.minBenefitLevel');
    expect(fieldOf(() => drsConfigBody('c', { drs: { maxStep: 0 } }))).toBe('input.drs.maxStep');
    expect(fieldOf(() => drsConfigBody('c', { dpm: { highThreshold: 80 } }))).toBe('input.dpm.highThreshold');
    expect(fieldOf(() => drsConfigBody('c', { dpm: { highThreshold: 0.4, lowThreshold: 0.5 } }))).toBe('input.dpm.lowThreshold');
  });

  it('sends the document’s over-allocation example: only the caps given, the cluster by its uuid', () => {
    const { ip: _, ...example } = fixture('global-config-set.request.json');
    expect(overAllocationBody('c', { storage: 0.7, cpu: 0.8 })).toEqual({ cluster_uuid: 'c', ...example });
    expect(fieldOf(() => overAllocationBody('c', {}))).toBe('input');
    expect(fieldOf(() => overAllocationBody('c', { memory: 0 }))).toBe('input.memory');
    expect(fieldOf(() => overAllocationBody('c', { dataDisk: 1.5 }))).toBe('input.dataDisk');
  });
});

describe('hci requests: the metadata backup schedule and daemon', () => {
  it('sends the schedule as the document’s config/update example does, every field it requires', () => {
    const example = fixture('snapshot-config-update.request.json');
    expect(metadataScheduleBody(example.cluster_uuid, example.ip, { intervalSeconds: 86_400, displayOption: 'day' })).toEqual(example);
    expect(daemonBody('3afdbbfc-e45a-430e-abba-842074a8b035', '10.30.10.24')).toEqual({
      ip: '10.30.10.24',
      cluster_uuid: '3afdbbfc-e45a-430e-abba-842074a8b035',
    });
  });

  it('refuses an interval that is not a whole number of seconds from 1 to a year, naming it', () => {
    for (const intervalSeconds of [0, 1.5, 366 * 86_400 + 1]) {
      expect(fieldOf(() => metadataScheduleBody('c', '10.0.0.1', { intervalSeconds, displayOption: 'hour' }))).toBe('input.intervalSeconds');
    }
    expect(metadataScheduleBody('c', '10.0.0.1', { intervalSeconds: 366 * 86_400, displayOption: 'week' }).duration).toBe(366 * 86_400);
  });
});

describe('hci requests: the network topology', () => {
  it('asks as the document’s example does: the cluster and the canvas, the document’s default one by default', () => {
    const example = fixture('topology.request.json');
    expect(topologyBody(example.cluster_uuid, DEFAULT_CANVAS)).toEqual(example);
    expect(topologyBody('c', { width: 100, height: 10_000 })).toEqual({ width: 100, height: 10_000, cluster_uuid: 'c' });
  });

  it('refuses a canvas side that is not a whole number of pixels from 100 to 10000, naming it', () => {
    for (const width of [99, 10_001, 760.5, 0]) expect(fieldOf(() => topologyBody('c', { width, height: 550 }))).toBe('width');
    expect(fieldOf(() => topologyBody('c', { width: 760, height: -550 }))).toBe('height');
  });
});
