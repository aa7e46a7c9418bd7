import { beforeEach, describe, expect, it } from 'vitest';
import { shapeDifferences } from '../../helpers/shape.js';
import { type Client, client, fixture, login, useOtestack } from './support.js';

describe('otestack clusters and cluster labels', () => {
  const ote = useOtestack();
  let api: Client;
  beforeEach(async () => {
    ote.sim.reset();
    api = client(ote.sim, await login(ote.sim));
  });

  it('lists every cluster by default (pageSize defaults to no limit) in the documented shape', async () => {
    const res = await api('GET', '/v1/cluster');
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, fixture('clusters-list.response'))).toEqual([]);
    expect(res.body.total).toBe(24);
    expect(res.body.data).toHaveLength(24);
    expect(res.body.data.every((c: any) => c.nodeCount >= 2 && c.nodeCount <= 20)).toBe(true);
    expect(new Set(res.body.data.map((c: any) => c.isReady))).toEqual(new Set([true, false]));
  });

  it('pages: first page, last partial page, past the end, pageSize 0 and invalid values', async () => {
    const first = await api('GET', '/v1/cluster?clusterLabel=all&page=1&pageSize=10');
    expect(first.body.data).toHaveLength(10);
    expect(first.body.total).toBe(24);
    const last = await api('GET', '/v1/cluster?page=3&pageSize=10');
    expect(last.body.data).toHaveLength(4);
    expect(last.body.data[3].clusterName).toBe((await api('GET', '/v1/cluster')).body.data[23].clusterName);
    const past = await api('GET', '/v1/cluster?page=4&pageSize=10');
    expect(past.body).toMatchObject({ code: 200, data: [], total: 24 });
    expect((await api('GET', '/v1/cluster?pageSize=0')).body.data).toHaveLength(24);
    expect((await api('GET', '/v1/cluster?pageSize=1')).body.data).toHaveLength(1);
    for (const bad of ['page=0', 'page=-1', 'page=x', 'pageSize=-1', 'pageSize=1.5']) {
      const res = await api('GET', `/v1/cluster?${bad}`);
      expect(res.status).toBe(422);
      expect(res.body).toEqual({ code: 422, message: expect.stringMatching(/^parameter validation error: page/) });
    }
  });

  it('filters clusters by label', async () => {
    const all = (await api('GET', '/v1/cluster')).body.data;
    const north = await api('GET', '/v1/cluster?clusterLabel=north-china');
    expect(north.body.total).toBeGreaterThan(1);
    expect(north.body.total).toBeLessThan(all.length);
    expect(north.body.data.every((c: any) => /^(bj|tj)-/.test(c.clusterName))).toBe(true);
    expect((await api('GET', '/v1/cluster?clusterLabel=no-such-label')).body).toMatchObject({ data: [], total: 0 });
  });

  it('adds, lists and deletes cluster labels', async () => {
    const [a, b] = (await api('GET', '/v1/cluster?pageSize=2')).body.data.map((c: any) => c.clusterName);
    const add = await api('POST', '/v1/cluster/label', { clusterLabel: 'canary.v2', clusterName: [a, b] });
    expect(add.status).toBe(200);
    expect(shapeDifferences(add.body, fixture('cluster-label-add.response'))).toEqual([]);

    const labels = await api('GET', '/v1/cluster/label');
    expect(shapeDifferences(labels.body, fixture('cluster-labels-list.response'))).toEqual([]);
    expect(labels.body.data).toContain('canary.v2');
    expect((await api('GET', '/v1/cluster?clusterLabel=canary.v2')).body.data.map((c: any) => c.clusterName)).toEqual([a, b]);

    const ofCluster = await api('GET', `/v1/cluster/label/${a}?page=1&pageSize=10`);
    expect(shapeDifferences(ofCluster.body, fixture('cluster-label-get.response'))).toEqual([]);
    expect(ofCluster.body.data.map((l: any) => l.clusterLabel)).toContain('canary.v2');
    expect(ofCluster.body.data.at(-1).createTime).toBeLessThanOrEqual(Math.ceil(ote.sim.clock.now() / 1000));

    const del = await api('DELETE', '/v1/cluster/label', { clusterLabel: 'canary.v2', clusterName: [a, b] });
    expect(shapeDifferences(del.body, fixture('cluster-label-delete.response'))).toEqual([]);
    expect((await api('GET', '/v1/cluster/label')).body.data).not.toContain('canary.v2');
  });

  it('pages the labels of one cluster (pageSize 0: no limit)', async () => {
    const name = (await api('GET', '/v1/cluster?pageSize=1')).body.data[0].clusterName;
    const all = await api('GET', `/v1/cluster/label/${name}?pageSize=0`);
    expect(all.body.total).toBeGreaterThanOrEqual(4);
    expect(all.body.data).toHaveLength(all.body.total);
    const one = await api('GET', `/v1/cluster/label/${name}?page=2&pageSize=1`);
    expect(one.body.data).toEqual([all.body.data[1]]);
  });

  it('validates label requests and names unknown clusters', async () => {
    expect(await api('POST', '/v1/cluster/label', { clusterName: ['x'] })).toMatchObject({
      status: 422,
      body: { code: 422, message: 'parameter validation error: clusterLabel is required' },
    });
    expect(await api('POST', '/v1/cluster/label', { clusterLabel: 'ok' })).toMatchObject({
      status: 422,
      body: { message: 'parameter validation error: clusterName is required' },
    });
    expect((await api('POST', '/v1/cluster/label', { clusterLabel: 'bad label!', clusterName: ['x'] })).status).toBe(422);
    const unknown = await api('POST', '/v1/cluster/label', fixture('cluster-label-add.request'));
    expect(unknown).toMatchObject({ status: 404, body: { code: 404, message: 'cluster GuangZhou not found' } });
    expect((await api('GET', '/v1/cluster/label/GuangZhou')).status).toBe(404);
    const name = (await api('GET', '/v1/cluster?pageSize=1')).body.data[0].clusterName;
    const missing = await api('DELETE', '/v1/cluster/label', { clusterLabel: 'never-set', clusterName: [name] });
    expect(missing).toMatchObject({ status: 404, body: { message: `cluster ${name} has no label never-set` } });
  });
});
