import { beforeEach, describe, expect, it } from 'vitest';
import { hciSimulator } from '../../../src/simulators/hci/index.js';
import { startSimulator } from '../../../src/simulators/kit/server.js';
import { clusters, firstCluster, get, post, statistic, useHci } from './support.js';

describe('hci cluster list', () => {
  const h = useHci();
  beforeEach(() => h.sim.reset());
  const list = async (query: string) => (await get(h.sim, `/v1/cluster/list?${query}`)).body;

  it('pages from page_num 0; page_size 0 (the default) returns everything', async () => {
    expect((await list('')).data).toMatchObject({ total_count: 24 });
    expect((await list('')).data.list).toHaveLength(24);
    const first = await list('page_num=0&page_size=5');
    expect(first.data.list).toHaveLength(5);
    expect(first.data.total_count).toBe(24);
    const second = await list('page_num=1&page_size=5');
    expect(second.data.list[0].cluster_uuid).not.toBe(first.data.list[0].cluster_uuid);
    expect((await list('page_num=4&page_size=5')).data.list).toHaveLength(4);
    expect((await list('page_num=5&page_size=5')).data).toEqual({ list: [], total_count: 24 });
    expect((await list('page_num=0&page_size=1')).data.list).toHaveLength(1);
    expect((await list('page_num=0&page_size=1000')).data.list).toHaveLength(24);
  });

  it('rejects invalid paging values, naming the parameter', async () => {
    for (const q of ['page_size=-1', 'page_size=abc', 'page_num=-2&page_size=3', 'page_num=1.5']) {
      const res = await get(h.sim, `/v1/cluster/list?${q}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ scode: 10002, stack: null, data: null });
      expect(res.body.message).toMatch(/page_(size|num)/);
    }
  });

  it('filters by name (substring) and by uuid', async () => {
    const byName = (await list('filter_name=vdi')).data;
    expect(byName.total_count).toBeGreaterThan(0);
    expect(byName.list.every((c: any) => c.cluster_name.includes('vdi'))).toBe(true);
    const one = (await list('')).data.list[3];
    expect((await list(`filter_uuid=${one.cluster_uuid}`)).data).toEqual({ list: [one], total_count: 1 });
    expect((await list('filter_name=no-such-cluster')).data).toEqual({ list: [], total_count: 0 });
    expect((await list('filter_name=vdi&page_num=0&page_size=1')).data.total_count).toBe(byName.total_count);
  });

  it('serves the same fleet for the same seed', async () => {
    const other = await startSimulator(hciSimulator, { speed: 1, operationFailureRate: 0, epochMs: h.sim.clock.startedAt });
    try {
      const a = await clusters(h.sim);
      const b = await clusters(other);
      expect(b).toEqual(a);
    } finally {
      await other.close();
    }
  });
});

describe('hci cluster get, add, delete', () => {
  const h = useHci();
  beforeEach(() => h.sim.reset());

  it('gets a cluster with 3-8 hosts, its center candidates and roles', async () => {
    for (const c of await clusters(h.sim)) {
      const hosts = c.detail.TopoHostNode;
      expect(hosts.length).toBeGreaterThanOrEqual(3);
      expect(hosts.length).toBeLessThanOrEqual(8);
      const centers = hosts.filter((n: any) => n.IsSystemService).map((n: any) => n.name);
      expect(c.detail.candidates).toEqual(centers);
      expect(hosts.every((n: any) => n.services.hyper?.enabled && /^\d+\.\d+\.\d+\.\d+\/24$/.test(n.managerNet.Addrs[0]))).toBe(true);
    }
  });

  it('answers unknown and missing cluster_uuid in the vendor envelope', async () => {
    expect(await get(h.sim, '/v1/cluster/get?cluster_uuid=9505d119-0fa8-4a57-b693-5e8ab7b64466')).toMatchObject({
      status: 404,
      body: { scode: 10003, message_cn: '集群9505d119-0fa8-4a57-b693-5e8ab7b64466不存在' },
    });
    const missing = await get(h.sim, '/v1/cluster/get');
    expect(missing).toMatchObject({ status: 400, body: { scode: 10001, message: 'param cluster_uuid is required' } });
  });

  it('adds a cluster discovered from one node IP; it is listed and gettable', async () => {
    const res = await post(h.sim, '/v1/cluster/add', { ip: '192.168.201.101', name: 'hci-lab-01', desc: '第一个集群' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status_code: 0, message_en: 'success', data: { name: 'hci-lab-01', desc: '第一个集群', ip: '192.168.201.101' } });
    const uuid = res.body.data.uuid;
    expect((await get(h.sim, '/v1/cluster/list')).body.data.total_count).toBe(25);
    const detail = (await get(h.sim, `/v1/cluster/get?cluster_uuid=${uuid}`)).body.data;
    expect(detail.TopoHostNode[0].name).toBe('192.168.201.101');
    expect(detail.TopoHostNode.every((n: any) => n.name.startsWith('192.168.201.'))).toBe(true);
    const dup = await post(h.sim, '/v1/cluster/add', { ip: '192.168.201.101', name: 'another' });
    expect(dup).toMatchObject({ status: 409, body: { status_code: 10005 } });
    expect((await post(h.sim, '/v1/cluster/add', { ip: '10.99.0.11', name: 'hci-lab-01' })).body.status_code).toBe(10005);
  });

  it('validates add in the older envelope, naming the field', async () => {
    expect(await post(h.sim, '/v1/cluster/add', { ip: '10.1.1.1' })).toMatchObject({
      status: 400,
      body: { status_code: 10001, message_en: 'param name is required', message_cn: '参数name不能为空', data: null },
    });
    expect((await post(h.sim, '/v1/cluster/add', { name: 'x' })).body.message_en).toBe('param ip is required');
    expect((await post(h.sim, '/v1/cluster/add', { name: 'x', ip: '10.1.1' })).body.status_code).toBe(10002);
  });

  it('refuses to delete a cluster with running VMs unless forced', async () => {
    const c = await firstCluster(h.sim);
    expect((await post(h.sim, '/v1/cluster/delete', { cluster_uuid: c.uuid, force: 'yes' })).body).toMatchObject({ status_code: 10002 });
    const refused = await post(h.sim, '/v1/cluster/delete', { cluster_uuid: c.uuid });
    expect(refused).toMatchObject({ status: 409, body: { status_code: 10010 } });
    const res = await post(h.sim, '/v1/cluster/delete', { cluster_uuid: c.uuid, force: true });
    expect(res.body).toEqual({ status_code: 0, message_en: 'success', message_cn: '成功', data: { uuid: c.uuid, name: c.name } });
    expect((await get(h.sim, `/v1/cluster/get?cluster_uuid=${c.uuid}`)).status).toBe(404);
    expect((await get(h.sim, '/v1/cluster/list')).body.data.total_count).toBe(23);
    expect(await post(h.sim, '/v1/cluster/delete', { cluster_uuid: c.uuid, force: true })).toMatchObject({ status: 404, body: { status_code: 10003 } });
  });

  it('deletes a cluster without VMs without force', async () => {
    const uuid = (await post(h.sim, '/v1/cluster/add', { ip: '10.200.1.11', name: 'empty' })).body.data.uuid;
    expect((await post(h.sim, '/v1/cluster/delete', { cluster_uuid: uuid })).body.status_code).toBe(0);
  });
});

describe('hci top-N', () => {
  const h = useHci();

  it('ranks reporting hosts per metric, consistent with the compute statistic', async () => {
    for (const c of (await clusters(h.sim)).slice(0, 8)) {
      const stats = await statistic(h.sim, c.uuid);
      const res = await get(h.sim, `/v1/cluster/top?cluster_uuid=${c.uuid}&count=2`);
      expect(res.body.status_code).toBe(0);
      const top = res.body.data;
      const reporting = stats.HostStatistics.filter((s: any) => s.Status !== 2);
      expect(top.total_count).toBe(reporting.length);
      const names = new Map(stats.HostStatistics.map((s: any) => [s.HostUUID, s.Name]));
      for (const key of ['list', 'cpu_usage_info', 'mem_usage_info', 'disk_wiowait_usage_info']) {
        expect(top[key].length).toBe(Math.min(2, reporting.length));
        for (const u of top[key]) expect(names.get(u.host_info.uuid)).toBe(u.host_info.addr);
      }
      const cpus = top.cpu_usage_info.map((u: any) => u.cpu_usage);
      expect(cpus).toEqual([...cpus].sort((a: number, b: number) => b - a));
      const net = top.net_rmbps_usage_info.map((u: any) => u.net_rmbps);
      expect(net).toEqual([...net].sort((a: number, b: number) => b - a));
    }
  });

  it('requires a positive count', async () => {
    const c = await firstCluster(h.sim);
    expect(await get(h.sim, `/v1/cluster/top?cluster_uuid=${c.uuid}`)).toMatchObject({
      status: 400,
      body: { status_code: 10001, message_en: 'param count is required' },
    });
    expect((await get(h.sim, `/v1/cluster/top?cluster_uuid=${c.uuid}&count=0`)).body.status_code).toBe(10002);
    expect((await get(h.sim, `/v1/cluster/top?cluster_uuid=nope&count=3`)).body.status_code).toBe(10003);
  });
});
