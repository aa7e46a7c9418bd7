import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { type Client, client, clusters, fixture, idleCluster, loginBody, MIN, readyCluster, useDws } from './support.js';

// Every documented example, called over HTTP: the answer has the example's shape.
describe('dws: documented examples', () => {
  const dws = useDws();
  let c: Client;
  beforeEach(async () => {
    dws.sim.reset();
    c = await client(dws.sim);
  });
  const same = (actual: unknown, name: string) => expect(shapeDifferences(actual, fixture(name))).toEqual([]);

  it('IAM token (3.2) and project list (8.4)', async () => {
    const res = await call(dws.sim, 'POST', '/v3/auth/tokens', { body: loginBody() });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-subject-token')).toMatch(/^MII/);
    expect(res.body.token).toMatchObject({ methods: ['password'], project: { name: 'demo' }, user: { name: 'demo' } });
    same((await c.get('/v3/projects')).body, 'iam-projects-list.response.json');
  });

  it('AZ list, both flavor lists and quotas', async () => {
    same((await c.get('/availability-zones')).body, 'availability-zones-list.response.json');
    same((await c.get('/quotas')).body, 'quotas-list.response.json');
    same((await c.get('/v2/{pid}/node-types')).body, 'node-types-list.response.json');
    same((await c.get('/node_types')).body, 'getting-started-node-types-v1.response.json');
  });

  it('cluster list: an item in the example state, and the Getting Started form', async () => {
    const body = (await c.get('/clusters?enterprise_project_id=all_granted_eps')).body;
    const snapshotting = body.clusters.filter((x: any) => x.task_status === 'SNAPSHOTTING' && x.public_ip && x.tags.length > 0);
    expect(snapshotting.length).toBeGreaterThan(0);
    same({ ...body, clusters: snapshotting }, 'clusters-list.response.json');
    same({ clusters: body.clusters.filter((x: any) => x.status === 'AVAILABLE' && x.public_ip) }, 'getting-started-clusters-list.response.json');
  });

  it('cluster detail while snapshotting after a failed scale-out (the example state)', async () => {
    const failed = (await clusters(c)).find((x) => x.task_status === 'RESIZE_FAILURE');
    expect((await c.post('/snapshots', { snapshot: { name: 'detail-example', cluster_id: failed.id } })).status).toBe(200);
    const detail = (await c.get(`/clusters/${failed.id}`)).body;
    same(detail, 'cluster-detail.response.json');
    same(detail, 'getting-started-cluster-detail.response.json');
  });

  it('create (v1.0 and v2), restart, delete', async () => {
    // The example's AZ "az1.dc1" is a placeholder: this region's AZs are cn-north-4x.
    const v1 = fixture('cluster-create.request.json');
    v1.cluster.availability_zone = 'cn-north-4a';
    const created = await c.post('/clusters', v1);
    expect(created.status).toBe(200);
    same(created.body, 'cluster-create.response.json');
    const v2 = await c.post('/v2/{pid}/clusters', fixture('cluster-create-v2.request.json'));
    expect(v2.status).toBe(200);
    same(v2.body, 'cluster-create-v2.response.json');
    const idle = await idleCluster(c);
    const restart = await c.post(`/clusters/${idle.id}/restart`, fixture('cluster-restart.request.json'));
    expect(restart.status).toBe(200);
    same(restart.body, 'cluster-restart.response.json');
    const del = await c.del(`/clusters/${created.body.cluster.id}`, fixture('cluster-delete.request.json'));
    expect(del.status).toBe(202);
    same(del.body, 'cluster-delete.response.json');
  });

  it('CNs: list, batch-create, batch-delete', async () => {
    const id = await readyCluster(dws.sim, c, 'cn-example');
    same((await c.get(`/clusters/${id}/cns`)).body, 'cns-list.response.json');
    const add = await c.post(`/clusters/${id}/cns/batch-create`, fixture('cns-batch-create.request.json'));
    expect(add.status).toBe(200);
    same(add.body, 'cns-batch-create.response.json');
    dws.sim.advance(7 * MIN);
    const cns = (await c.get(`/clusters/${id}/cns`)).body.instances;
    expect(cns).toHaveLength(3);
    const remove = await c.post(`/clusters/${id}/cns/batch-delete`, { instances: [cns[2].id] });
    expect(remove.status).toBe(200);
    same(remove.body, 'cns-batch-delete.response.json');
  });

  it('scale out (both examples) and scale in on the example path', async () => {
    const id = await readyCluster(dws.sim, c, 'resize-example');
    const idleNodes = await c.post(`/clusters/${id}/resize`, fixture('cluster-resize-create-node-only.request.json'));
    expect(idleNodes.status).toBe(200);
    same(idleNodes.body, 'cluster-resize.response.json');
    dws.sim.advance(10 * MIN);
    const out = await c.post(`/clusters/${id}/resize`, fixture('cluster-resize.request.json'));
    expect(out.status).toBe(200);
    dws.sim.advance(45 * MIN);
    const shrink = await c.post(`/clusters/${id}/shrink`, fixture('cluster-shrink.request.json'));
    expect(shrink.status).toBe(200);
    same(shrink.body, 'cluster-shrink.response.json');
  });

  it('snapshots: create, lists, detail, restore, linked copy, delete', async () => {
    const idle = await idleCluster(c);
    const req = fixture('snapshot-create.request.json');
    req.snapshot.cluster_id = idle.id;
    const created = await c.post('/snapshots', req);
    same(created.body, 'snapshot-create.response.json');
    same(created.body, 'getting-started-snapshot-create.response.json');
    same(created.body, 'postman-snapshot-create.response.json');
    dws.sim.advance(25 * MIN);
    same((await c.get('/snapshots')).body, 'snapshots-list.response.json');
    same((await c.get(`/clusters/${idle.id}/snapshots`)).body, 'cluster-snapshots-list.response.json');
    const detail = (await c.get(`/snapshots/${created.body.snapshot.id}`)).body;
    same(detail, 'snapshot-detail.response.json');
    same(detail, 'getting-started-snapshot-detail.response.json');
    // The example's subnet id is one hex digit short, and its AZ a placeholder.
    const restore = fixture('snapshot-restore.request.json');
    restore.restore.subnet_id = '374eca02-cfc4-4de7-8ab5-dbebf7d9a720';
    restore.restore.availability_zone = 'cn-north-4a';
    const restored = await c.post(`/snapshots/${created.body.snapshot.id}/actions`, restore);
    expect(restored.status).toBe(200);
    same(restored.body, 'snapshot-restore.response.json');
    const auto = (await c.get('/snapshots')).body.snapshots.find((s: any) => s.type === 'AUTO' && s.status === 'AVAILABLE');
    const copy = await c.post(`/snapshots/${auto.id}/linked-copy`, fixture('snapshot-linked-copy.request.json'));
    expect(copy.status).toBe(200);
    same(copy.body, 'snapshot-linked-copy.response.json');
    const deleted = await c.del(`/snapshots/${copy.body.snapshot_id}`);
    expect(deleted.status).toBe(202);
  });

  it('events, alarms and tags', async () => {
    same((await c.get('/v2/{pid}/events')).body, 'events-list.response.json');
    same((await c.get('/v2/{pid}/alarms?time_zone=GMT')).body, 'alarms-list.response.json');
    same((await c.get('/v2/{pid}/alarm-statistic?time_zone=GMT')).body, 'alarm-statistics.response.json');
    const idle = await idleCluster(c);
    expect((await c.post(`/clusters/${idle.id}/tags/batch-create`, fixture('tags-batch-create.request.json'))).status).toBe(200);
    same((await c.get(`/clusters/${idle.id}/tags`)).body, 'cluster-tags-list.response.json');
    same((await c.get('/tags')).body, 'project-tags-list.response.json');
    expect((await c.post(`/clusters/${idle.id}/tags/batch-delete`, fixture('tags-batch-delete.request.json'))).status).toBe(200);
  });
});
