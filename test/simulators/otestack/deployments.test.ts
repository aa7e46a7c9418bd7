import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { client, type Client, fixture, login, SETTLE, useOtestack } from './support.js';

const counts = (d: { errorMessage: string }) => JSON.parse(d.errorMessage) as { running: number; error: number; total: number };

describe('otestack deployments', () => {
  const ote = useOtestack();
  let api: Client;
  let oneCluster: string;
  beforeEach(async () => {
    ote.sim.reset();
    api = client(ote.sim, await login(ote.sim));
    oneCluster = (await api('GET', '/v1/cluster?pageSize=1')).body.data[0].clusterName;
  });

  const deploy = async (deployName: string, cluster: string, version = '1.24') => {
    const res = await api('POST', '/v1/deploy', { deployName, appName: 'nginx-edge', version, cluster, nodeLabel: 'all', comment: 'test' });
    expect(res.status).toBe(200);
    const found = (await api('GET', '/v1/deploy?appName=nginx-edge&appNameMode=strict&pageSize=0')).body.data.find((d: any) => d.deployName === deployName);
    return found.id as number;
  };
  const get = async (id: number) => (await api('GET', `/v1/deploy/id/${id}`)).body.data;
  const failNext = () => call(ote.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });

  it('runs a deployment 0 → 3 → 4 → 5 with errorMessage counts advancing', async () => {
    const id = await deploy('nginx-north', 'north-china');
    const start = await get(id);
    expect(start).toMatchObject({ status: 0, deployType: 1, editable: false, version: '1.24' });
    const total = counts(start).total;
    expect(total).toBeGreaterThan(2);
    ote.sim.advance(10_000);
    expect((await get(id)).status).toBe(3);
    const seen: number[] = [];
    for (let i = 0; i < 200 && (await get(id)).status !== 5; i++) {
      const d = await get(id);
      if (d.status === 4) seen.push(counts(d).running);
      ote.sim.advance(5_000);
    }
    expect(seen.some((r) => r > 0 && r < total)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const done = await get(id);
    expect(done).toMatchObject({ status: 5, editable: true });
    expect(counts(done)).toEqual({ running: total, error: 0, total });
  });

  it('ends a failing rollout across several clusters in partial success (6), on one cluster in failure (7)', async () => {
    await failNext();
    const wide = await deploy('nginx-wide', 'north-china');
    const narrow = await deploy('nginx-narrow', oneCluster);
    ote.sim.advance(SETTLE);
    const partial = await get(wide);
    expect(partial.status).toBe(6);
    expect(counts(partial).running).toBeGreaterThan(0);
    expect(counts(partial).error).toBeGreaterThan(0);
    const failed = await get(narrow);
    expect(failed.status).toBe(7);
    expect(counts(failed)).toMatchObject({ running: 0, error: counts(failed).total });
  });

  it('upgrades and rolls back through the version history', async () => {
    const id = await deploy('nginx-canary', oneCluster);
    ote.sim.advance(SETTLE);
    const up = await api('POST', `/v1/deploy/id/${id}`, { version: '1.25' });
    expect(shapeDifferences(up.body, fixture('deploy-upgrade.response'))).toEqual([]);
    expect(await get(id)).toMatchObject({ version: '1.25', deployType: 2, editable: false });
    expect((await api('POST', `/v1/deploy/id/${id}`, { version: '1.25' })).status).toBe(422);
    ote.sim.advance(SETTLE);
    expect(await get(id)).toMatchObject({ version: '1.25', deployType: 2, status: 5 });

    const back = await api('PUT', `/v1/deploy/id/${id}`, { version: '1.24', comment: 'regression in 1.25' });
    expect(shapeDifferences(back.body, fixture('deploy-rollback.response'))).toEqual([]);
    ote.sim.advance(SETTLE);
    expect(await get(id)).toMatchObject({ version: '1.24', deployType: 3, status: 5 });
    const history = (await api('GET', `/v1/deploy/id/${id}?field=historyVersion`)).body.data.historyVersion;
    expect(history.map((h: any) => [h.version, h.deployType, h.status])).toEqual([
      ['1.24', 1, 5],
      ['1.25', 2, 5],
      ['1.24', 3, 5],
    ]);
    expect(history[2].comment).toBe('regression in 1.25');
    expect((await api('PUT', `/v1/deploy/id/${id}`, { version: '1.99', comment: '' })).body.message).toBe('deployment nginx-canary has never run version 1.99');
    expect((await api('PUT', `/v1/deploy/id/${id}`, { version: '1.25' })).body.message).toBe('parameter validation error: comment is required');
  });

  it('deletes by id and by name (3 → 9); a failed teardown is an internal error (8)', async () => {
    const a = await deploy('nginx-a', oneCluster);
    const b = await deploy('nginx-b', oneCluster);
    expect((await api('DELETE', `/v1/deploy/id/${a}`)).status).toBe(422);
    ote.sim.advance(SETTLE);
    expect((await api('DELETE', `/v1/deploy/id/${a}`)).status).toBe(200);
    expect(await get(a)).toMatchObject({ deployType: 4, status: 0 });
    ote.sim.advance(10_000);
    expect((await get(a)).status).toBe(3);
    ote.sim.advance(SETTLE);
    expect(await get(a)).toMatchObject({ status: 9, editable: false, errorMessage: '{"running": 0, "error": 0, "total": 0}' });
    expect((await api('DELETE', `/v1/deploy/id/${a}`)).body.message).toBe('deployment nginx-a has been deleted');

    await failNext();
    const byName = await api('DELETE', '/v1/deploy/nginx-b');
    expect(shapeDifferences(byName.body, fixture('deploy-delete-by-name.response'))).toEqual([]);
    ote.sim.advance(SETTLE);
    expect(await get(b)).toMatchObject({ deployType: 4, status: 8, editable: true });
    expect(await api('DELETE', '/v1/deploy/nginx-a')).toMatchObject({ status: 404, body: { code: 404, message: 'deployment nginx-a not found' } });
  });

  it('serves the documented create path and answers in the documented shapes', async () => {
    const body = { ...fixture('deploy-create.request'), appName: 'nginx-edge', version: '1.24', cluster: oneCluster, nodeLabel: 'all' };
    const res = await api('POST', '/v1/deploy/install', body);
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, fixture('deploy-create.response'))).toEqual([]);
    const list = await api('GET', '/v1/deploy?pageSize=10&page=1');
    expect(shapeDifferences(list.body, fixture('deploy-list.response'))).toEqual([]);
    const id = list.body.data[0].id;
    expect(shapeDifferences((await api('GET', `/v1/deploy/id/${id}`)).body, fixture('deploy-get.response'))).toEqual([]);
    expect((await api('POST', '/v1/deploy/install', body)).body.message).toBe('deployment nginx1 already exists');
  });

  it('validates creation and names unknown applications and deployments', async () => {
    const body = fixture('deploy-create.request');
    for (const field of ['deployName', 'appName', 'version', 'cluster', 'nodeLabel', 'comment']) {
      const { [field]: _, ...rest } = body;
      expect(await api('POST', '/v1/deploy', rest)).toMatchObject({
        status: 422,
        body: { code: 422, message: `parameter validation error: ${field} is required` },
      });
    }
    expect(await api('POST', '/v1/deploy', body)).toMatchObject({ status: 404, body: { message: 'application nginx1 version 1.1.1.1 not found' } });
    const nowhere = await api('POST', '/v1/deploy', { ...body, appName: 'nginx-edge', version: '1.24', cluster: 'mars' });
    expect(nowhere).toMatchObject({ status: 422, body: { message: 'no node matches cluster mars and node label node1' } });
    expect(await api('GET', '/v1/deploy/id/99999')).toMatchObject({ status: 404, body: { message: 'deployment 99999 not found' } });
    expect((await api('POST', '/v1/deploy/id/99999', fixture('deploy-upgrade.request'))).status).toBe(404);
    expect((await api('PUT', '/v1/deploy/id/99999', fixture('deploy-rollback.request'))).status).toBe(404);
  });

  it('pages and filters the deployment list by appName, editable and running, and projects fields', async () => {
    const all = (await api('GET', '/v1/deploy?pageSize=0')).body;
    expect(all.total).toBe(36);
    expect((await api('GET', '/v1/deploy')).body.data).toHaveLength(10);
    expect((await api('GET', '/v1/deploy?page=4')).body.data).toHaveLength(6);
    expect((await api('GET', '/v1/deploy?page=5')).body).toMatchObject({ data: [], total: 36 });
    const editable = (await api('GET', '/v1/deploy?editable=false&pageSize=0')).body.data;
    expect(editable.length).toBeGreaterThan(0);
    expect(editable.every((d: any) => d.editable === false)).toBe(true);
    const running = (await api('GET', '/v1/deploy?running=true&pageSize=0')).body.data;
    expect(running.every((d: any) => [4, 5, 6].includes(d.status))).toBe(true);
    expect(running.length).toBeLessThan(all.total);
    const face = (await api('GET', '/v1/deploy?appName=face&appNameMode=prefix&pageSize=0')).body.data;
    expect(face.every((d: any) => d.appName.startsWith('face'))).toBe(true);
    expect((await api('GET', '/v1/deploy?running=false')).status).toBe(422);
    const projected = (await api('GET', '/v1/deploy?field=id,status&pageSize=1')).body.data;
    expect(projected).toEqual([{ id: all.data[0].id, status: all.data[0].status }]);
  });
});
