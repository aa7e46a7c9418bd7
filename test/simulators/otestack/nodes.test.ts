import { beforeEach, describe, expect, it } from 'vitest';
import { shapeDifferences } from '../../helpers/shape.js';
import { client, type Client, fixture, login, SETTLE, useOtestack } from './support.js';

describe('otestack nodes and node labels', () => {
  const ote = useOtestack();
  let api: Client;
  beforeEach(async () => {
    ote.sim.reset();
    api = client(ote.sim, await login(ote.sim));
  });

  it('lists nodes ten per page with readyNodeCount in meta, in the documented shape', async () => {
    const res = await api('GET', '/v1/node');
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, fixture('nodes-list.response'))).toEqual([]);
    expect(res.body.data).toHaveLength(10);
    const all = (await api('GET', '/v1/node?pageSize=0')).body;
    expect(all.data).toHaveLength(all.total);
    expect(res.body.total).toBe(all.total);
    expect(res.body.meta.readyNodeCount).toBe(all.data.filter((n: any) => n.isReady).length);
    expect(res.body.meta.readyNodeCount).toBeLessThan(all.total);
    const node = all.data[0];
    expect(node.ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(node.memory).toBeGreaterThanOrEqual(16 * 1024 ** 3);
    expect(node.cpu).toBeGreaterThanOrEqual(8);
    const last = await api('GET', `/v1/node?page=${Math.ceil(all.total / 10)}`);
    expect(last.body.data).toHaveLength(all.total % 10 || 10);
    expect((await api('GET', `/v1/node?page=${Math.ceil(all.total / 10) + 1}`)).body.data).toEqual([]);
    expect((await api('GET', '/v1/node?pageSize=abc')).status).toBe(422);
  });

  it('filters by cluster, node label and node name, and presents only the asked fields', async () => {
    const cluster = (await api('GET', '/v1/cluster?pageSize=1')).body.data[0];
    const inCluster = await api('GET', `/v1/node?clusterName=${cluster.clusterName}&pageSize=0`);
    expect(inCluster.body.total).toBe(cluster.nodeCount);
    expect(inCluster.body.data.every((n: any) => n.clusterName === cluster.clusterName)).toBe(true);
    const gateways = await api('GET', `/v1/node?nodeLabel=gateway&pageSize=0`);
    expect(gateways.body.total).toBeGreaterThanOrEqual(48);
    expect(gateways.body.data.every((n: any) => /-node-\d+$/.test(n.nodeName))).toBe(true);
    const byName = await api('GET', `/v1/node?nodeName=${cluster.clusterName}-node-01`);
    expect(byName.body.data.map((n: any) => n.nodeName)).toEqual([`${cluster.clusterName}-node-01`]);
    const fields = await api('GET', '/v1/node?field=nodeName,ip&pageSize=2');
    expect(fields.body.data.map((n: any) => Object.keys(n))).toEqual([
      ['nodeName', 'ip'],
      ['nodeName', 'ip'],
    ]);
    expect((await api('GET', '/v1/node?field=colour')).status).toBe(422);
  });

  it('adds, lists and deletes node labels', async () => {
    const cluster = (await api('GET', '/v1/cluster?pageSize=1')).body.data[0].clusterName;
    const nodes = [`${cluster}-node-01`, `${cluster}-node-02`];
    const add = await api('POST', '/v1/node/label', { nodeLabel: 'lidar', clusterName: cluster, nodeName: nodes });
    expect(add.status).toBe(200);
    expect(shapeDifferences(add.body, fixture('node-label-add.response'))).toEqual([]);
    const labels = await api('GET', `/v1/node/label?clusterName=${cluster}`);
    expect(shapeDifferences(labels.body, fixture('node-labels-list.response'))).toEqual([]);
    expect(labels.body.data).toContain('lidar');
    expect((await api('GET', '/v1/node?nodeLabel=lidar')).body.data.map((n: any) => n.nodeName)).toEqual(nodes);
    const del = await api('DELETE', '/v1/node/label', { nodeLabel: 'lidar', clusterName: cluster, nodeName: nodes, deleteDeploy: false });
    expect(shapeDifferences(del.body, fixture('node-label-delete.response'))).toEqual([]);
    expect((await api('GET', '/v1/node?nodeLabel=lidar')).body.total).toBe(0);
  });

  it('validates node label requests and names unknown clusters and nodes', async () => {
    expect(await api('POST', '/v1/node/label', { nodeLabel: 'x', nodeName: ['a'] })).toMatchObject({
      status: 422,
      body: { code: 422, message: 'parameter validation error: clusterName is required' },
    });
    expect(await api('POST', '/v1/node/label', fixture('node-label-add.request'))).toMatchObject({ status: 404, body: { message: 'cluster c1 not found' } });
    const cluster = (await api('GET', '/v1/cluster?pageSize=1')).body.data[0].clusterName;
    expect(await api('POST', '/v1/node/label', { nodeLabel: 'x', clusterName: cluster, nodeName: ['ghost'] })).toMatchObject({
      status: 404,
      body: { message: `node ghost not found in cluster ${cluster}` },
    });
    expect((await api('GET', '/v1/node/label?clusterName=c1')).status).toBe(404);
  });

  it('protects deployments placed by a node label unless deleteDeploy is set, then deletes them', async () => {
    const cluster = (await api('GET', '/v1/cluster?pageSize=1')).body.data[0].clusterName;
    const nodes = [`${cluster}-node-01`];
    await api('POST', '/v1/node/label', { nodeLabel: 'pilot', clusterName: cluster, nodeName: nodes });
    await api('POST', '/v1/deploy', { deployName: 'pilot-nginx', appName: 'nginx-edge', version: '1.24', cluster, nodeLabel: 'pilot', comment: '' });
    ote.sim.advance(SETTLE);
    const refused = await api('DELETE', '/v1/node/label', { nodeLabel: 'pilot', clusterName: cluster, nodeName: nodes });
    expect(refused).toMatchObject({ status: 422, body: { message: expect.stringContaining('deployment pilot-nginx') } });
    const ok = await api('DELETE', '/v1/node/label', { nodeLabel: 'pilot', clusterName: cluster, nodeName: nodes, deleteDeploy: true });
    expect(ok.status).toBe(200);
    ote.sim.advance(SETTLE);
    const dep = (await api('GET', '/v1/deploy?appName=nginx-edge&pageSize=0')).body.data.find((d: any) => d.deployName === 'pilot-nginx');
    expect(dep).toMatchObject({ deployType: 4, status: 9 });
  });
});
