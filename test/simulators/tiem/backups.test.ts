import { beforeEach, describe, expect, it } from 'vitest';
import { shapeDifferences } from '../../helpers/shape.js';
import { client, createBody, idleClusterId, login, useTiem } from './support.js';

// Backups are not in the document; shapes follow TiEM's cluster.QueryBackupRecordsResp / structs.BackupRecord.
const RECORD = {
  backupMethod: 's',
  backupMode: 's',
  backupTso: 's',
  backupType: 's',
  clusterId: 's',
  createTime: 's',
  deleteTime: 's',
  endTime: 's',
  filePath: 's',
  id: 's',
  size: 0,
  startTime: 's',
  status: 's',
  updateTime: 's',
};
const LIST_SHAPE = { code: 0, data: { backupRecords: [RECORD] }, message: 's', page: { page: 0, pageSize: 0, total: 0 } };

describe('tiem backups', () => {
  const tiem = useTiem();
  let token = '';
  const api = () => client(tiem.sim, () => token);
  beforeEach(async () => {
    tiem.sim.reset();
    token = await login(tiem.sim);
  });

  const all = async () => (await api()('GET', '/api/v1/backups/?pageSize=1000')).body.data.backupRecords as Array<Record<string, any>>;

  it('lists seeded backups in the envelope, filterable by cluster, id and time window', async () => {
    const res = await api()('GET', '/api/v1/backups/?pageSize=1000');
    expect(shapeDifferences(res.body, LIST_SHAPE)).toEqual([]);
    const records = res.body.data.backupRecords as Array<Record<string, any>>;
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['Finished', 'Failed', 'Processing']));
    const sample = records.find((r) => r.status === 'Finished')!;
    expect(sample.size).toBeGreaterThan(0);
    expect(sample.filePath).toContain(sample.clusterId);
    const byCluster = await api()('GET', `/api/v1/backups/?clusterId=${sample.clusterId}&pageSize=1000`);
    expect(byCluster.body.page.total).toBe(records.filter((r) => r.clusterId === sample.clusterId).length);
    expect((await api()('GET', `/api/v1/backups/?backupId=${sample.id}`)).body.data.backupRecords).toEqual([sample]);
    const at = Math.floor(Date.parse(sample.startTime) / 1000);
    const window = await api()('GET', `/api/v1/backups/?startTime=${at}&endTime=${at + 1}&pageSize=1000`);
    expect(window.body.data.backupRecords.map((r: any) => r.id)).toContain(sample.id);
    expect(window.body.page.total).toBeLessThan(records.length);
    expect((await api()('GET', '/api/v1/backups/?startTime=yesterday')).body).toMatchObject({ code: 10001, message: expect.stringContaining('startTime') });
    const paged = await api()('GET', '/api/v1/backups/?page=2&pageSize=3');
    expect(paged.body.page).toEqual({ page: 2, pageSize: 3, total: records.length });
  });

  it('validates backup requests', async () => {
    expect((await api()('POST', '/api/v1/backups/', {})).body).toEqual({ code: 10001, data: null, message: 'parameter is invalid: clusterId is required' });
    const id = await idleClusterId(api());
    expect((await api()('POST', '/api/v1/backups/', { clusterId: id, backupType: 'delta' })).body.message).toContain('backupType');
    expect((await api()('POST', '/api/v1/backups/', { clusterId: 'nope' })).status).toBe(404);
    const stopped = await idleClusterId(api(), 'Stopped');
    expect((await api()('POST', '/api/v1/backups/', { clusterId: stopped })).status).toBe(409);
  });

  it('deletes a finished backup record, refuses unknown or running ones', async () => {
    const records = await all();
    const done = records.find((r) => r.status === 'Finished')!;
    const res = await api()('DELETE', `/api/v1/backups/${done.id}`, { clusterId: done.clusterId, backupMode: done.backupMode });
    expect(res.body).toEqual({ code: 0, data: {}, message: 'OK' });
    expect((await all()).some((r) => r.id === done.id)).toBe(false);
    expect((await api()('DELETE', `/api/v1/backups/${done.id}`, {})).body).toMatchObject({ code: 20604 });
    const running = records.find((r) => r.status === 'Processing')!;
    expect((await api()('DELETE', `/api/v1/backups/${running.id}`, {})).body).toMatchObject({ code: 20610 });
    const other = records.find((r) => r.status === 'Finished' && r.id !== done.id)!;
    expect((await api()('DELETE', `/api/v1/backups/${other.id}`, { clusterId: 'someone-else' })).body.code).toBe(10001);
  });

  it('restores only from a Finished backup, and names a missing backupId', async () => {
    const failed = (await all()).find((r) => r.status === 'Failed')!;
    expect((await api()('POST', '/api/v1/clusters/restore', createBody('tidb-r', { backupId: failed.id }))).body).toMatchObject({ code: 20610 });
    expect((await api()('POST', '/api/v1/clusters/restore', createBody('tidb-r', { backupId: 'nope' }))).body).toMatchObject({ code: 20604 });
    expect((await api()('POST', '/api/v1/clusters/restore', createBody('tidb-r'))).body.message).toBe('parameter is invalid: backupId is required');
  });
});
