import { beforeEach, describe, expect, it } from 'vitest';
import { PARAMETER_GROUP } from '../../../src/simulators/dws/present.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { type Client, client, clusters, fixture, idleCluster, MIN, useDws } from './support.js';

const NETWORK_ID = '4a1e2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

// The capabilities beyond clusters, nodes and snapshots: state that persists across calls, and tasks in simulated time.
describe('dws: settings, connections, subscriptions and quotas', () => {
  const dws = useDws();
  let c: Client;
  beforeEach(async () => {
    dws.sim.reset();
    c = await client(dws.sim);
  });
  const detail = async (id: string) => (await c.get(`/clusters/${id}`)).body.cluster;

  it('configures a data source as a cluster task, then deletes it', async () => {
    const idle = await idleCluster(c);
    const body = { type: 'OBS', data_source_name: 'source1', user_name: 'DWSAccessOBS', connect_info: 'gaussdb' };
    const created = await c.post(`/clusters/${idle.id}/ext-data-sources`, body);
    expect(created.status).toBe(200);
    expect(created.body.job_id).toMatch(/^[0-9a-f]{32}$/);
    const source = async () => (await c.get(`/clusters/${idle.id}/ext-data-sources`)).body.data_sources.find((d: any) => d.id === created.body.id);
    expect((await source()).configure_status).toBe('100');
    expect((await detail(idle.id)).task_status).toBe('CONFIGURING_EXT_DATASOURCE');
    expect((await c.post(`/clusters/${idle.id}/ext-data-sources`, { ...body, data_source_name: 'source2' })).status).toBe(409);
    dws.sim.advance(5 * MIN);
    expect((await source()).configure_status).toBe('300');
    expect((await c.post(`/clusters/${idle.id}/ext-data-sources`, body)).body.error_code).toBe('DWS.5065');
    expect((await c.del(`/clusters/${idle.id}/ext-data-sources/${created.body.id}`)).status).toBe(200);
    dws.sim.advance(4 * MIN);
    expect(await source()).toBeUndefined();
  });

  it('binds and unbinds an ELB of the cluster VPC through ELB_BINDING and ELB_UNBINDING', async () => {
    const free = await idleCluster(c);
    const elbs = (await c.get(`/v2/{pid}/clusters/${free.id}/elbs`)).body.elbs;
    expect(elbs.every((e: any) => e.vpc_id === free.vpc_id)).toBe(true);
    const bound = (await detail(free.id)).elb;
    if (bound) {
      expect((await c.del(`/v2/{pid}/clusters/${free.id}/elbs/${bound.id}`)).status).toBe(200);
      expect((await detail(free.id)).task_status).toBe('ELB_UNBINDING');
      dws.sim.advance(4 * MIN);
    }
    expect(shapeDifferences({ elbs }, fixture('elbs-list.response.json'))).toEqual([]);
    const bind = await c.post(`/v2/{pid}/clusters/${free.id}/elbs/${elbs[0].id}`);
    expect(shapeDifferences(bind.body, fixture('elb-bind.response.json'))).toEqual([]);
    expect((await detail(free.id)).task_status).toBe('ELB_BINDING');
    dws.sim.advance(4 * MIN);
    expect((await detail(free.id)).elb).toMatchObject({ id: elbs[0].id, private_ip: elbs[0].vip_address });
    expect((await c.post(`/v2/{pid}/clusters/${free.id}/elbs/${elbs[1].id}`)).body.error_code).toBe('DWS.0011');
  });

  it('applies parameters (Applying, then Pending-Reboot until a restart) and refuses bad ones with the table codes', async () => {
    const idle = await idleCluster(c);
    const path = `/v2/{pid}/clusters/${idle.id}/configurations/${PARAMETER_GROUP.id}`;
    const status = async () => (await c.get(`/clusters/${idle.id}/configurations`)).body.configurations.find((t: any) => t.type === 'parameterGroup').status;
    const value = async () =>
      (await c.get(`/clusters/${idle.id}/configurations/${PARAMETER_GROUP.id}`)).body.configurations.find((p: any) => p.name === 'max_connections').values;
    const change = (v: string) => ({ configurations: [{ type: 'cn', name: 'max_connections', value: v }] });
    expect(shapeDifferences((await c.get(`/clusters/${idle.id}/configurations`)).body, fixture('configurations-list.response.json'))).toEqual([]);
    expect(
      shapeDifferences((await c.get(`/clusters/${idle.id}/configurations/${PARAMETER_GROUP.id}`)).body, fixture('configuration-parameters.response.json')),
    ).toEqual([]);
    expect((await c.put(path, fixture('configuration-update.request.json'))).status).toBe(200);
    dws.sim.advance(4 * MIN);
    expect((await c.put(path, change('1000'))).status).toBe(200);
    expect(await status()).toBe('Applying');
    dws.sim.advance(4 * MIN);
    expect(await status()).toBe('Pending-Reboot');
    expect(await value()).toEqual([
      { type: 'cn', value: '1000', default_value: '800' },
      { type: 'dn', value: '5000', default_value: '5000' },
    ]);
    expect((await c.post(`/clusters/${idle.id}/restart`, { restart: {} })).status).toBe(200);
    dws.sim.advance(7 * MIN);
    expect(await status()).toBe('In-Sync');
    expect((await c.put(path, change('5'))).body.error_code).toBe('DWS.5038');
    expect((await c.put(path, { configurations: [{ type: 'cn', name: 'no_such', value: '1' }] })).body.error_code).toBe('DWS.5037');
    expect((await c.put(path, { configurations: [change('900').configurations[0], change('901').configurations[0]] })).body.error_code).toBe('DWS.5039');
  });

  it('keeps alarm and event subscriptions: create, list, modify, delete', async () => {
    const sub = (name: string) => ({
      name,
      alarm_level: 'urgent,important',
      notification_target: `urn:smn:cn-north-4:${c.projectId}:ops`,
      notification_target_name: 'ops',
      notification_target_type: 'SMN',
      time_zone: 'GMT+08:00',
    });
    const a = (await c.post('/v2/{pid}/alarm-subs', sub('first'))).body;
    expect(shapeDifferences(a, fixture('alarm-sub-create.response.json'))).toEqual([]);
    expect(shapeDifferences((await c.get('/v2/{pid}/alarm-subs')).body, fixture('alarm-subs-list.response.json'))).toEqual([]);
    await c.post('/v2/{pid}/alarm-subs', sub('second'));
    expect((await c.get('/v2/{pid}/alarm-subs?limit=1&offset=1')).body).toMatchObject({ count: 2, alarm_subscriptions: [{ name: 'second' }] });
    expect((await c.put(`/v2/{pid}/alarm-subs/${a.id}`, { ...sub('renamed'), alarm_level: 'prompt' })).body).toMatchObject({
      id: a.id,
      name: 'renamed',
      alarm_level: 'prompt',
    });
    expect((await c.del(`/v2/{pid}/alarm-subs/${a.id}`)).body.name).toBe('renamed');
    expect((await c.get('/v2/{pid}/alarm-subs')).body.count).toBe(1);
    expect((await c.post('/v2/{pid}/alarm-subs', { ...sub('bad'), alarm_level: 'fatal' })).status).toBe(400);

    const { alarm_level: _level, time_zone: _zone, ...common } = sub('events');
    const e = (await c.post('/v2/{pid}/event-subs', { ...common, category: 'management,security', severity: 'warning' })).body;
    expect(e).toMatchObject({ category: 'management,security', severity: 'warning', time_zone: 'GMT+08:00', name_space: 'DWS' });
    expect((await c.get('/v2/{pid}/event-subs')).body.event_subscriptions.map((x: any) => x.id)).toEqual([e.id]);
    expect((await c.del(`/v2/{pid}/event-subs/${e.id}`)).status).toBe(200);
    expect((await c.del(`/v2/{pid}/event-subs/${e.id}`)).status).toBe(404);
  });

  it('lists a healthy cluster’s audit log dumps in the example’s shape', async () => {
    const idle = await idleCluster(c);
    const body = (await c.get(`/clusters/${idle.id}/audit-log-records`)).body;
    expect(shapeDifferences(body, fixture('audit-log-records.response.json'))).toEqual([]);
    expect(body).toMatchObject({ cluster_id: idle.id, count: body.records.length });
  });

  it('keeps resource pools and plans per cluster', async () => {
    const idle = await idleCluster(c);
    const base = `/v2/{pid}/clusters/${idle.id}/workload`;
    const pool = { workload_queue: { workload_queue_name: 'etl', workload_resource_item_list: [{ resource_name: 'cpu_share', resource_value: 20 }] } };
    expect(shapeDifferences((await c.get(base)).body, fixture('workload-status.response.json'))).toEqual([]);
    expect(
      shapeDifferences((await c.post(`${base}/plans`, fixture('workload-plan-create.request.json'))).body, fixture('workload-plan-create.response.json')),
    ).toEqual([]);
    expect((await c.put(`${base}/queues`, pool)).body).toEqual(fixture('workload-queue-create.response.json'));
    expect((await c.put(`${base}/queues`, pool)).status).toBe(400);
    expect((await c.get(`${base}/queues`)).body.workload_queue_name_list).toEqual(['etl']);
    expect((await c.del(`${base}/queues?workload_queue_name=etl`)).status).toBe(200);
    expect((await c.get(`${base}/queues`)).body.workload_queue_name_list).toEqual([]);
    expect((await c.post(`${base}/plans`, { plan_name: 'night' })).status).toBe(200);
    expect((await c.post(`${base}/plans`, { plan_name: 'night' })).status).toBe(400);
    await c.post(base, { workload_status: { workload_switch: 'off' } });
    expect((await c.get(base)).body.workload_status).toEqual({ workload_switch: 'off', max_concurrency_num: 60 });
  });

  it('adds, edits and deletes snapshot policy strategies', async () => {
    const idle = await idleCluster(c);
    const path = `/v2/{pid}/clusters/${idle.id}/snapshot-policies`;
    const before = (await c.get(path)).body;
    expect(shapeDifferences(before, fixture('snapshot-policy.response.json'))).toEqual([]);
    expect(before.backup_strategies).toHaveLength(2);
    const add = {
      keep_day: 5,
      backup_strategies: [{ policy_name: 'test', backup_strategy: '0 0 3 ? * 1,2,3,4,5,6,7', backup_type: 'full', backup_level: 'cluster' }],
    };
    const put = await c.put(path, add);
    expect([put.status, put.body]).toEqual([200, fixture('snapshot-policy-add.response.json')]);
    const after = (await c.get(path)).body;
    expect(after.keep_day).toBe(5);
    const added = after.backup_strategies.find((s: any) => s.policy_name === 'test');
    const now = dws.sim.clock.now();
    // Daily at 03:00 UTC: within the next day.
    expect(Number(added.next_fire_time)).toBeGreaterThan(now);
    expect(Number(added.next_fire_time) - now).toBeLessThanOrEqual(24 * 60 * MIN);
    expect(new Date(Number(added.next_fire_time)).toISOString().slice(11, 19)).toBe('03:00:00');
    expect((await c.put(path, add)).body.error_code).toBe('DWS.5065');
    expect((await c.put(path, { backup_strategies: [{ policy_name: 'nightly', backup_strategy: 'every night' }] })).body.error_code).toBe('DWS.5018');
    expect((await c.del(`/clusters/${idle.id}/snapshot-policies/${added.policy_id}`)).status).toBe(200);
    expect((await c.get(path)).body.backup_strategies).toHaveLength(2);
  });

  it("scales out into another subnet of the VPC, and refuses another VPC's subnet", async () => {
    const all = await clusters(c);
    const idle = await idleCluster(c);
    const foreign = all.find((x) => x.vpc_id !== idle.vpc_id);
    expect((await c.post(`/clusters/${idle.id}/resize`, { scale_out: { count: 3, subnet_id: foreign.subnet_id } })).body.error_code).toBe('DWS.5022');
    expect((await c.post(`/clusters/${idle.id}/resize`, { scale_out: { count: 3, subnet_id: 'subnet-1' } })).body.error_code).toBe('DWS.5015');
    expect((await c.post(`/clusters/${idle.id}/resize`, { scale_out: { count: 3, subnet_id: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d' } })).status).toBe(200);
    dws.sim.advance(45 * MIN);
    expect((await detail(idle.id)).number_of_node).toBe(idle.number_of_node + 3);
  });

  it('counts quotas from the fleet and refuses a pre-check that exceeds them', async () => {
    const nodes = (await clusters(c)).filter((x) => x.status !== 'DELETED').reduce((n, x) => n + x.number_of_node, 0);
    const resources = (await c.get('/quotas')).body.quotas.resources;
    const instances = resources.find((r: any) => r.type === 'instances');
    expect(instances.used).toBe(String(nodes));
    const precheck = { flavor: 'dws.m3.xlarge', availability_zones: ['cn-north-4a'], vpc_id: NETWORK_ID, subnet_id: NETWORK_ID, datastore_version: '8.2.0' };
    expect((await c.post('/v2/{pid}/cluster-precheck', { cluster: { ...precheck, num_node: 3 } })).status).toBe(200);
    // dws.m3.xlarge: 4 vCPUs and 32 GB per node, two 100 GB disks.
    const perNode: Record<string, number> = { instances: 1, core: 4, ram: 32, disk: 2, disk_capacity: 200 };
    const fits = Math.min(...resources.map((r: any) => Math.floor((Number(r.quota) - Number(r.used)) / (perNode[r.type] as number))));
    expect(fits).toBeLessThan(256);
    expect((await c.post('/v2/{pid}/cluster-precheck', { cluster: { ...precheck, num_node: fits } })).status).toBe(200);
    expect((await c.post('/v2/{pid}/cluster-precheck', { cluster: { ...precheck, num_node: fits + 1 } })).body.error_code).toBe('DWS.5091');
  });

  it('cancels read-only status once; resets the password once', async () => {
    const readonly = (await clusters(c)).find((x) => (x.sub_status ?? '').split(' ').includes('READONLY'));
    const cancelled = await c.post(`/clusters/${readonly.id}/cancel-readonly`);
    expect([cancelled.status, cancelled.body]).toEqual([200, fixture('cluster-cancel-readonly.response.json')]);
    expect((await detail(readonly.id)).sub_status.split(' ')).not.toContain('READONLY');
    expect((await c.post(`/clusters/${readonly.id}/cancel-readonly`)).body.error_code).toBe('DWS.5095');
    const idle = await idleCluster(c);
    const reset = await c.post(`/clusters/${idle.id}/reset-password`, fixture('cluster-reset-password.request.json'));
    expect([reset.status, reset.body]).toEqual([200, fixture('cluster-reset-password.response.json')]);
    expect((await c.post(`/clusters/${idle.id}/reset-password`, fixture('cluster-reset-password.request.json'))).body.error_code).toBe('DWS.5144');
  });

  it('keeps a public domain name until it is deleted, and EIPs per cluster', async () => {
    const idle = await idleCluster(c);
    const dns = `/clusters/${idle.id}/dns`;
    expect((await c.post(dns, { name: 'demo', type: 'public', ttl: 300 })).status).toBe(200);
    expect((await c.post(dns, { name: 'demo', type: 'public', ttl: 300 })).status).toBe(400);
    expect((await c.put(dns, { name: 'demo2', type: 'public', ttl: 600 })).status).toBe(200);
    expect((await c.del(`${dns}?type=public`)).status).toBe(200);
    expect((await c.del(`${dns}?type=public`)).status).toBe(404);
    expect((await c.put(dns, { name: 'demo', type: 'public', ttl: 300 })).status).toBe(404);

    const eip = (await detail(idle.id)).public_ip?.eip_id;
    if (eip) expect((await c.del(`/v2/{pid}/clusters/${idle.id}/eips/${eip}`)).status).toBe(200);
    expect((await detail(idle.id)).public_ip).toBeNull();
    const fresh = 'ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983';
    expect((await c.post(`/v2/{pid}/clusters/${idle.id}/eips/${fresh}`)).status).toBe(200);
    expect((await detail(idle.id)).public_ip).toEqual({ public_bind_type: 'bind_existing', eip_id: fresh });
    expect((await c.post(`/v2/{pid}/clusters/${idle.id}/eips/${fresh}`)).body.error_code).toBe('DWS.5133');
  });
});
