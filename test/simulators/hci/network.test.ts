import { beforeEach, describe, expect, it } from 'vitest';
import { clusters, firstCluster, get, post, useHci } from './support.js';

describe('hci network, topology and dashboards', () => {
  const h = useHci();
  beforeEach(() => h.sim.reset());

  it('summarises the SDN in the older envelope; without a cluster it adds up the fleet', async () => {
    const all = await clusters(h.sim);
    const one = await get(h.sim, `/v1/cluster/system/service/network?cluster_uuid=${all[0]!.uuid}`);
    expect(one.body).toMatchObject({ status_code: 0, message_en: 'success', data: { sdn_controller: { status: expect.any(String) } } });
    const r = one.body.data.router_summary;
    expect(r.start_num + r.stop_num).toBe(r.router_num);
    let routers = 0;
    for (const c of all) routers += (await get(h.sim, `/v1/cluster/system/service/network?cluster_uuid=${c.uuid}`)).body.data.router_summary.router_num;
    const fleet = (await get(h.sim, '/v1/cluster/system/service/network')).body.data;
    expect(fleet).toMatchObject({ router_summary: { router_num: routers }, sdn_controller: null });
  });

  it('lists one chassis per host, filtered by ip and paged', async () => {
    const c = await firstCluster(h.sim);
    const hosts = c.detail.TopoHostNode;
    const all = (await get(h.sim, `/v1/cluster/chassis/list?cluster_uuid=${c.uuid}&page_num=&page_size&filter_ip=&filter_host_name`)).body;
    expect(all).toMatchObject({ status_code: 0, data: { total_count: hosts.length } });
    expect(all.data.list[0]).toMatchObject({
      chassis: { chassis_name: expect.any(String), host_name: expect.stringMatching(/^TOS-/) },
      encap: { type: 'geneve' },
    });
    const one = (await get(h.sim, `/v1/cluster/chassis/list?cluster_uuid=${c.uuid}&filter_ip=${hosts[1].name}`)).body.data;
    expect(one.total_count).toBe(1);
    expect((await get(h.sim, `/v1/cluster/chassis/list?cluster_uuid=${c.uuid}&page_num=1&page_size=2`)).body.data.list).toHaveLength(
      Math.min(2, hosts.length - 2),
    );
  });

  it('lists a tenant’s network VMs; an unknown tenant has none, as in the example', async () => {
    const all = await clusters(h.sim);
    for (const c of all) {
      const vms = (await get(h.sim, `/v1/cluster/vmserver/service/get?cluster_uuid=${c.uuid}`)).body.data.network_vm_list;
      if (vms.length === 0) continue;
      const tenant = vms[0].tenant;
      const mine = (await get(h.sim, `/v1/cluster/vmserver/service/get?cluster_uuid=${c.uuid}&tenant=${tenant}`)).body.data.network_vm_list;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((v: any) => v.tenant === tenant)).toBe(true);
      const none = await get(h.sim, `/v1/cluster/vmserver/service/get?cluster_uuid=${c.uuid}&tenant=8b69bb2f-2a6e-4149-9f43-8d2e2b780df1`);
      expect(none.body).toMatchObject({ scode: 0, messageCn: '', data: { network_vm_list: [] } });
      return;
    }
    throw new Error('no cluster with network VMs');
  });

  it('draws the topology inside the canvas, one entry per host, with its running VMs', async () => {
    const c = await firstCluster(h.sim);
    const res = await post(h.sim, '/v1/cluster/all_cluster/topology', { width: 400, height: 300, cluster_uuid: c.uuid });
    const info = res.body.data.info[c.uuid];
    expect(info.ClusterName).toBe(c.name);
    const hosts = Object.values(info.HostIFacesInfo) as any[];
    expect(hosts).toHaveLength(c.detail.TopoHostNode.length);
    const stats = (await get(h.sim, `/v1/cluster/compute/service/statistic?cluster_uuid=${c.uuid}`)).body.data.StateSummaryResult;
    expect(hosts.reduce((n, x) => n + x.VirtMachine.length, 0)).toBe(stats.running_count);
    for (const x of [...hosts, ...hosts.flatMap((y) => [...y.Hosts, ...y.SecVirtMachine, ...y.VirtMachine])]) {
      expect(x.CoordinateX).toBeGreaterThanOrEqual(0);
      expect(x.CoordinateX).toBeLessThanOrEqual(400);
      expect(x.CoordinateY).toBeLessThanOrEqual(300);
    }
    expect((await post(h.sim, '/v1/cluster/all_cluster/topology', { cluster_uuid: c.uuid, width: 'wide' })).body.scode).toBe(10002);
  });

  it('lists virtual routers among the security elements only, and edge gateways in both lists at one place, as the example does', async () => {
    const kinds = new Set<string>();
    for (const c of await clusters(h.sim)) {
      const info = (await post(h.sim, '/v1/cluster/all_cluster/topology', { cluster_uuid: c.uuid })).body.data.info[c.uuid];
      for (const host of Object.values(info.HostIFacesInfo) as any[]) {
        expect(host.Hosts.some((v: any) => v.Type === 'GTVR')).toBe(false);
        for (const sec of host.SecVirtMachine) {
          kinds.add(sec.SecurityType);
          const platform = host.Hosts.find((v: any) => v.UUID === sec.VmSeverUUID);
          if (sec.SecurityType === 'GPE') expect(platform).toMatchObject({ Type: 'GPE', CoordinateX: sec.CoordinateX, CoordinateY: sec.CoordinateY });
        }
      }
    }
    expect([...kinds].sort()).toEqual(['GPE', 'GTVR']);
  });

  it('answers each dashboard flag asked for and null for the others, agreeing with the compute view', async () => {
    const c = await firstCluster(h.sim);
    const hw = (
      await get(
        h.sim,
        `/v1/cluster/hardware_resources/inspect?cluster_uuid=${c.uuid}&cpu_status=true&cpu_top=true&start_time=1000&end_time=4600&duration=60&count=60`,
      )
    ).body;
    expect(hw).toMatchObject({ scode: 0, data: { storage_status: null, memory_top: null } });
    expect(hw.data.cpu_status.series).toHaveLength(60);
    expect(hw.data.cpu_status.series[1].time - hw.data.cpu_status.series[0].time).toBe(60);
    expect(hw.data.cpu_top.length).toBeLessThanOrEqual(5);
    const detail = (await get(h.sim, `/v1/cluster/detail_status/inspect?cluster_uuid=${c.uuid}&vm_status=true&vm_top=true`)).body.data;
    const stats = (await get(h.sim, `/v1/cluster/compute/service/statistic?cluster_uuid=${c.uuid}`)).body.data;
    expect(detail.vm_status).toEqual(stats.StateSummaryResult);
    expect(detail.vm_top[0].cpu_usage).toBeGreaterThanOrEqual(detail.vm_top.at(-1).cpu_usage);
    const overall = (await get(h.sim, `/v1/cluster/overall_status/inspect?cluster_uuid=${c.uuid}&compute_status=true`)).body.data;
    expect(overall).toMatchObject({
      compute_status: { Total: stats.HostSummary.Total, status: expect.stringMatching(/^(health|warning|error)$/) },
      network_status: null,
    });
    const overview = (await get(h.sim, `/v1/cluster/overview/inspect?cluster_uuid=${c.uuid}&start_time=1629953706&end_time=1629957306&duration=60`)).body.data;
    expect(overview).toMatchObject({ HostSummary: stats.HostSummary, UsageRatio: stats.UsageRatio });
    expect(overview.cpu_trend).toHaveLength(61);
  });

  it('validates dashboard flags and windows', async () => {
    const c = await firstCluster(h.sim);
    expect((await get(h.sim, `/v1/cluster/hardware_resources/inspect?cluster_uuid=${c.uuid}&cpu_status=yes`)).body).toMatchObject({
      scode: 10002,
      message: expect.stringMatching(/cpu_status/),
    });
    expect((await get(h.sim, `/v1/cluster/overview/inspect?cluster_uuid=${c.uuid}&start_time=200&end_time=100`)).body.message).toMatch(/end_time/);
    expect(await get(h.sim, '/v1/cluster/overall_status/inspect?compute_status=true')).toMatchObject({ status: 400, body: { scode: 10001 } });
  });

  it('reports the cloud manage members: the center nodes, one leader among those up', async () => {
    const c = await firstCluster(h.sim);
    const members = (await get(h.sim, `/v1/cluster/cloud/manage?cluster_uuid=${c.uuid}`)).body.data.host_info;
    expect(members.map((m: any) => m.ip)).toEqual(c.detail.candidates);
    expect(members.filter((m: any) => m.is_leader)).toHaveLength(members.some((m: any) => m.status === 1) ? 1 : 0);
    expect(members[0].etcd_base_info.etcd_node_count).toBe(String(members.length));
  });
});
