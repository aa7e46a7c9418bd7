import { beforeEach, describe, expect, it } from 'vitest';
import { type Client, client, clusters, createBody, idleCluster, useDws } from './support.js';

describe('dws: validation, lookups, pagination and filters', () => {
  const dws = useDws();
  let c: Client;
  beforeEach(async () => {
    dws.sim.reset();
    c = await client(dws.sim);
  });

  const expectError = (res: { status: number; body: any }, status: number, code: string, field?: string) => {
    expect(res.status).toBe(status);
    expect(res.body.error_code).toBe(code);
    if (field) expect(res.body.error_msg).toContain(field);
  };

  it('names the missing or invalid field of a cluster creation', async () => {
    const without = (field: string) => {
      const body = createBody('dws-validate');
      delete (body.cluster as Record<string, unknown>)[field];
      return c.post('/clusters', body);
    };
    expectError(await c.post('/clusters', {}), 400, 'DWS.5037', 'cluster');
    expectError(await without('user_pwd'), 400, 'DWS.5176', 'cluster.user_pwd');
    expectError(await without('user_name'), 400, 'DWS.5175', 'cluster.user_name');
    expectError(await without('subnet_id'), 400, 'DWS.5202', 'cluster.subnet_id');
    expectError(await without('vpc_id'), 400, 'DWS.5037', 'cluster.vpc_id');
    expectError(await without('node_type'), 400, 'DWS.5037', 'cluster.node_type');
    expectError(await c.post('/clusters', createBody('dws-validate', { node_type: 'dws.x9.huge' })), 400, 'DWS.5240', 'cluster.node_type');
    expectError(await c.post('/clusters', createBody('dws-validate', { number_of_node: 2 })), 400, 'DWS.5047', 'cluster.number_of_node');
    expectError(await c.post('/clusters', createBody('9lives')), 400, 'DWS.5057', 'cluster.name');
    expectError(await c.post('/clusters', createBody('dws')), 400, 'DWS.5001', 'cluster.name');
    expectError(await c.post('/clusters', createBody('dws-validate', { port: 80 })), 400, 'DWS.5060', 'cluster.port');
    expectError(await c.post('/clusters', createBody('dws-validate', { user_pwd: 'weakpassword' })), 400, 'DWS.5144', 'cluster.user_pwd');
    expectError(await c.post('/clusters', createBody('dws-validate', { user_pwd: 'Dbadmin_2024' })), 400, 'DWS.5145');
    expectError(await c.post('/clusters', createBody('dws-validate', { availability_zone: 'cn-north-4e' })), 400, 'DWS.5011', 'cluster.availability_zone');
    expectError(await c.post('/clusters', createBody('dws-validate', { node_type: 'dws.d2.xlarge', availability_zone: 'cn-north-4c' })), 400, 'DWS.5200');
    expectError(await c.post('/clusters', createBody('dws-validate', { public_ip: { public_bind_type: 'steal' } })), 400, 'DWS.5098', 'public_bind_type');
    expectError(await c.post('/clusters', createBody('dws-validate', { number_of_cn: 9 })), 400, 'DWS.5207', 'cluster.number_of_cn');
    const taken = (await clusters(c)).find((x) => x.status === 'AVAILABLE').name;
    expectError(await c.post('/clusters', createBody(taken)), 409, 'DWS.5050');
  });

  it('names the missing field of other requests', async () => {
    const idle = await idleCluster(c);
    expectError(await c.del(`/clusters/${idle.id}`), 400, 'DWS.5037', 'keep_last_manual_snapshot');
    expectError(await c.post(`/clusters/${idle.id}/restart`, {}), 400, 'DWS.5037', 'restart');
    expectError(await c.post(`/clusters/${idle.id}/resize`, { scale_out: { count: 1 } }), 400, 'DWS.5047', 'scale_out.count');
    expectError(await c.post(`/clusters/${idle.id}/cluster-shrink`, {}), 400, 'DWS.5037', 'shrink_number');
    expectError(await c.post(`/clusters/${idle.id}/cns/batch-create`, {}), 400, 'DWS.5037', 'num');
    expectError(await c.post('/snapshots', { snapshot: { cluster_id: idle.id } }), 400, 'DWS.5037', 'snapshot.name');
    expectError(await c.post(`/clusters/${idle.id}/tags/batch-create`, { tags: [{ value: 'x' }] }), 400, 'DWS.5197', 'tags[0].key');
    expectError(await c.post(`/clusters/${idle.id}/tags/batch-delete`, { tags: [{ key: 'nope', value: 'x' }] }), 400, 'DWS.5191');
  });

  it('answers unknown ids with 404 DWS.0015 and a malformed snapshot id with DWS.5149', async () => {
    const ghost = '00000000-1111-4222-8333-444444444444';
    expectError(await c.get(`/clusters/${ghost}`), 404, 'DWS.0015', ghost);
    expectError(await c.get(`/clusters/${ghost}/snapshots`), 404, 'DWS.0015');
    expectError(await c.get(`/snapshots/${ghost}`), 404, 'DWS.0015');
    expectError(await c.get('/snapshots/not-a-uuid'), 400, 'DWS.5149');
    expectError(await c.post(`/snapshots/${ghost}/actions`, { restore: { name: 'dws-restore' } }), 404, 'DWS.0015');
  });

  it('refuses an operation on a busy cluster with 409 DWS.0011', async () => {
    const busy = (await clusters(c)).find((x) => x.task_status === 'REBOOTING');
    expectError(await c.post(`/clusters/${busy.id}/restart`, { restart: {} }), 409, 'DWS.0011');
    const creating = (await clusters(c)).find((x) => x.status === 'CREATING');
    expectError(await c.post('/snapshots', { snapshot: { name: 'too-early', cluster_id: creating.id } }), 409, 'DWS.0011');
  });

  it('pages a cluster snapshot list by page index (offset = page number - 1)', async () => {
    const all = (await c.get('/snapshots')).body.snapshots;
    const counts = new Map<string, number>();
    for (const s of all) counts.set(s.cluster_id, (counts.get(s.cluster_id) ?? 0) + 1);
    const [clusterId, total] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
    expect(total).toBeGreaterThanOrEqual(3);
    const everything = (await c.get(`/clusters/${clusterId}/snapshots`)).body;
    expect(everything.count).toBe(total);
    expect(everything.snapshots).toHaveLength(total);
    const first = (await c.get(`/clusters/${clusterId}/snapshots?limit=2&offset=0`)).body;
    expect(first.snapshots.map((s: any) => s.id)).toEqual(everything.snapshots.slice(0, 2).map((s: any) => s.id));
    expect(first.count).toBe(total);
    const lastPage = Math.ceil(total / 2) - 1;
    const last = (await c.get(`/clusters/${clusterId}/snapshots?limit=2&offset=${lastPage}`)).body;
    expect(last.snapshots).toHaveLength(total - lastPage * 2);
    expect((await c.get(`/clusters/${clusterId}/snapshots?limit=2&offset=${lastPage + 1}`)).body.snapshots).toEqual([]);
    expect((await c.get(`/clusters/${clusterId}/snapshots?limit=1&offset=0`)).body.snapshots).toHaveLength(1);
    const asc = (await c.get(`/clusters/${clusterId}/snapshots?sort_key=started&sort_dir=asc`)).body.snapshots;
    expect(asc.map((s: any) => s.id)).toEqual([...everything.snapshots].reverse().map((s: any) => s.id));
    expectError(await c.get(`/clusters/${clusterId}/snapshots?limit=0`), 400, 'DWS.5060', 'limit');
    expectError(await c.get(`/clusters/${clusterId}/snapshots?offset=-1`), 400, 'DWS.5060', 'offset');
    expectError(await c.get(`/clusters/${clusterId}/snapshots?limit=ten`), 400, 'DWS.5065', 'limit');
    expectError(await c.get(`/clusters/${clusterId}/snapshots?sort_dir=up`), 400, 'DWS.5065', 'sort_dir');
    expectError(await c.get(`/clusters/${clusterId}/snapshots?sort_key=colour`), 400, 'DWS.5065', 'sort_key');
  });

  it('pages events (default 1000) and alarms (default 10), newest first, with totals', async () => {
    const events = (await c.get('/v2/{pid}/events')).body;
    expect(events.count).toBe(events.events.length);
    const times = events.events.map((e: any) => e.occur_time);
    expect(times).toEqual([...times].sort((a: number, b: number) => b - a));
    const page2 = (await c.get('/v2/{pid}/events?limit=50&offset=1')).body;
    expect(page2.events).toEqual(events.events.slice(50, 100));
    expect(page2.count).toBe(events.count);
    expect((await c.get(`/v2/{pid}/events?limit=50&offset=${Math.ceil(events.count / 50)}`)).body.events).toEqual([]);
    const alarms = (await c.get('/v2/{pid}/alarms')).body;
    expect(alarms.alarm_details).toHaveLength(Math.min(10, alarms.count));
    expect(alarms.count).toBeGreaterThan(10);
    const gmt = (await c.get('/v2/{pid}/alarms?time_zone=GMT')).body.alarm_details[0].alarm_generate_date;
    const east = alarms.alarm_details[0].alarm_generate_date;
    expect(Date.parse(`${east.replace(' ', 'T')}Z`) - Date.parse(`${gmt.replace(' ', 'T')}Z`)).toBe(8 * 3600_000);
    expectError(await c.get('/v2/{pid}/alarms?time_zone=Mars'), 400, 'DWS.5065', 'time_zone');
    expectError(await c.get('/v2/{pid}/events?limit=-5'), 400, 'DWS.5060', 'limit');
  });

  it('filters clusters by enterprise project', async () => {
    const all = await clusters(c);
    const eps = new Set(all.map((x) => x.enterprise_project_id));
    expect(eps.size).toBeGreaterThan(1);
    for (const ep of eps) {
      const body = (await c.get(`/clusters?enterprise_project_id=${ep}`)).body;
      expect(body.count).toBe(all.filter((x) => x.enterprise_project_id === ep).length);
      expect(body.clusters.every((x: any) => x.enterprise_project_id === ep)).toBe(true);
    }
    expect((await c.get('/clusters?enterprise_project_id=all_granted_eps')).body.count).toBe(all.length);
  });

  it('keeps tags: batch-create adds or replaces, batch-delete removes, the project list aggregates', async () => {
    const idle = await idleCluster(c);
    await c.post(`/clusters/${idle.id}/tags/batch-create`, {
      tags: [
        { key: 'team', value: 'bi' },
        { key: 'tier', value: 'gold' },
      ],
    });
    await c.post(`/clusters/${idle.id}/tags/batch-create`, { tags: [{ key: 'tier', value: 'silver' }] });
    const tags = (await c.get(`/clusters/${idle.id}/tags`)).body.tags;
    expect(tags).toEqual(
      expect.arrayContaining([
        { key: 'team', value: 'bi' },
        { key: 'tier', value: 'silver' },
      ]),
    );
    expect((await c.get(`/clusters/${idle.id}`)).body.cluster.tags).toEqual(tags);
    expect((await c.get('/tags')).body.tags).toEqual(expect.arrayContaining([{ key: 'tier', values: ['silver'] }]));
    await c.post(`/clusters/${idle.id}/tags/batch-delete`, { tags: [{ key: 'tier', value: 'silver' }] });
    expect((await c.get(`/clusters/${idle.id}/tags`)).body.tags.some((t: any) => t.key === 'tier')).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expectError(await c.post(`/clusters/${idle.id}/tags/batch-create`, { tags: many }), 400, 'DWS.5194');
  });

  it('never returns the administrator password', async () => {
    const res = await c.post('/clusters', createBody('secret-keeper'));
    const id = res.body.cluster.id;
    const texts = [(await c.get(`/clusters/${id}`)).text, (await c.get('/clusters')).text];
    for (const t of texts) {
      expect(t).not.toContain('Gauss_2024!x');
      expect(t).not.toContain('user_pwd');
    }
  });
});
