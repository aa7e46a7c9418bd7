import { beforeEach, describe, expect, it } from 'vitest';
import { clusters, firstCluster, get, post, useHci } from './support.js';

const GST = { manage_cidr: '10.88.0.21/24', storage_cidr: '172.30.0.21/24', vm_type: 'GST', storage_gateway: '172.30.0.1', manage_gateway: '10.88.0.1' };

describe('hci storage service and cloud manager VMs', () => {
  const h = useHci();
  beforeEach(() => h.sim.reset());
  const list = async (uuid: string, query = '') => (await get(h.sim, `/v1/cluster/storage_service/vm/list?cluster_uuid=${uuid}${query}`)).body.data;

  it('deploys a storage access VM over simulated minutes, lists it, and deletes it', async () => {
    const c = await firstCluster(h.sim);
    const before = (await list(c.uuid)).total_count;
    const vm = (await post(h.sim, '/v1/cluster/deploy/storage_service/vm', { ...GST, cluster_uuid: c.uuid })).body.data;
    expect(vm).toMatchObject({ vm_type: 'GST', status: 'deploying', manage_cidr: GST.manage_cidr, host_uuid: expect.any(String) });
    expect((await list(c.uuid)).total_count).toBe(before + 1);
    expect((await list(c.uuid, '&filter_ip=10.88.0.21')).list).toEqual([vm]);
    expect(await post(h.sim, '/v1/cluster/storage_service/vm/delete', { cluster_uuid: c.uuid, uuid: vm.uuid })).toMatchObject({
      status: 409,
      body: { scode: 10015 },
    });
    h.sim.advance(6 * 60_000);
    expect((await list(c.uuid, '&filter_ip=10.88.0.21')).list[0].status).toBe('running');
    expect((await post(h.sim, '/v1/cluster/storage_service/vm/delete', { cluster_uuid: c.uuid, uuid: vm.uuid, name: vm.name })).body).toMatchObject({
      scode: 0,
      data: { uuid: vm.uuid, name: vm.name },
    });
    expect((await list(c.uuid)).total_count).toBe(before);
    expect(await post(h.sim, '/v1/cluster/storage_service/vm/delete', { cluster_uuid: c.uuid, uuid: vm.uuid })).toMatchObject({
      status: 404,
      body: { scode: 10013 },
    });
  });

  it('validates a deployment: type, networks, and one address per VM', async () => {
    const c = await firstCluster(h.sim);
    const deploy = (body: Record<string, unknown>) => post(h.sim, '/v1/cluster/deploy/storage_service/vm', { ...GST, cluster_uuid: c.uuid, ...body });
    expect((await deploy({ vm_type: 'GPE' })).body).toMatchObject({ scode: 10002, message: expect.stringMatching(/vm_type/) });
    expect((await deploy({ manage_cidr: '10.88.0.21' })).body.message).toMatch(/manage_cidr/);
    expect((await deploy({ storage_gateway: undefined })).body).toMatchObject({ scode: 10001, message: 'param storage_gateway is required' });
    expect((await deploy({})).status).toBe(200);
    expect(await deploy({ storage_cidr: '172.30.0.99/24' })).toMatchObject({ status: 409, body: { scode: 10015 } });
  });

  it('deploys a cloud manager VM as a host task, shows it in the topology, and deletes it once deployed', async () => {
    const all = await clusters(h.sim);
    const c = all.find((x) => x.detail.TopoHostNode.some((n: any) => !n.IsSystemService && n.services.agentStatus === 1 && n.services.hostMode === 0))!;
    const host = c.detail.TopoHostNode.find((n: any) => !n.IsSystemService && n.services.agentStatus === 1 && n.services.hostMode === 0);
    const deploy = () =>
      post(h.sim, '/v1/cluster/deploy/cvm', { Networks: [{ Addr: '10.89.0.5/24', Gateway: '10.89.0.1' }], MachineUUID: host.UUID, cluster_uuid: c.uuid });
    const cvm = (await deploy()).body.data;
    expect(cvm).toMatchObject({ name: `LCM${cvm.uuid}`, MachineUUID: host.UUID, status: 'deploying' });
    const progress = async () => (await get(h.sim, `/v1/cluster/host/task/progress?cluster_uuid=${c.uuid}&host_uuid=${host.UUID}`)).body.data.progress;
    expect(await progress()).toBeLessThan(0.1);
    expect(await deploy()).toMatchObject({ status: 409, body: { scode: 10015 } });
    expect((await post(h.sim, '/v1/cluster/delete/cvm', { MachineUUID: host.UUID, cluster_uuid: c.uuid })).status).toBe(409);
    h.sim.advance(5 * 60_000);
    expect(await progress()).toBeCloseTo(0.5, 1);
    h.sim.advance(5 * 60_000);
    expect(await progress()).toBe(1);
    const topo = (await post(h.sim, '/v1/cluster/all_cluster/topology', { cluster_uuid: c.uuid })).body.data.info[c.uuid];
    expect(topo.HostIFacesInfo[`${host.name}/24`].Hosts).toContainEqual(expect.objectContaining({ Type: 'cvm', UUID: cvm.uuid, Name: cvm.name }));
    const deleted = await post(h.sim, '/v1/cluster/delete/cvm', { MachineUUID: host.UUID, center_candidate_ip: host.name, cluster_uuid: c.uuid });
    expect(deleted.body).toMatchObject({ scode: 0, data: { uuid: cvm.uuid, MachineUUID: host.UUID } });
    expect((await post(h.sim, '/v1/cluster/delete/cvm', { MachineUUID: host.UUID, cluster_uuid: c.uuid })).body.scode).toBe(10014);
  });

  it('refuses a cloud manager VM without networks or on an unknown host', async () => {
    const c = await firstCluster(h.sim);
    const host = c.detail.TopoHostNode[0].UUID;
    expect((await post(h.sim, '/v1/cluster/deploy/cvm', { MachineUUID: host, cluster_uuid: c.uuid })).body.message).toBe('param Networks is required');
    expect((await post(h.sim, '/v1/cluster/deploy/cvm', { Networks: [], MachineUUID: host, cluster_uuid: c.uuid })).body.scode).toBe(10002);
    expect((await post(h.sim, '/v1/cluster/deploy/cvm', { Networks: [{ Addr: '10.1.1.1/24' }], MachineUUID: host, cluster_uuid: c.uuid })).body.message).toBe(
      'param Gateway is required',
    );
    expect(
      await post(h.sim, '/v1/cluster/deploy/cvm', { Networks: [{ Addr: '10.1.1.1/24', Gateway: '10.1.1.1' }], MachineUUID: 'nope', cluster_uuid: c.uuid }),
    ).toMatchObject({
      status: 404,
      body: { scode: 10004 },
    });
  });
});
