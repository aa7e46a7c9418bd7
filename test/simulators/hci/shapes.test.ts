import { beforeEach, describe, expect, it } from 'vitest';
import { shapeDifferences } from '../../helpers/shape.js';
import { clusters, firstCluster, fixture, get, post, useHci } from './support.js';

/**
 * `Label` is a map[string]string: the example's keys ("555", "测试标签") are somebody's
 * labels, not fields, so the comparison keeps it an object and drops the keys.
 */
function withoutMapKeys(example: any): any {
  for (const host of example?.data?.HostStatistics ?? []) host.Label = {};
  return example;
}

// Each documented example answer, asked for the way the document's request example
// does, with the example's ids swapped for ones the simulator generated.
describe('hci responses match the document examples field by field', () => {
  const h = useHci();
  beforeEach(() => h.sim.reset());

  const expectShapeOf = (actual: unknown, example: unknown) => expect(shapeDifferences(actual, example)).toEqual([]);
  const expectShape = (actual: unknown, name: string) => expectShapeOf(actual, withoutMapKeys(fixture(name)));

  it('cluster list, get, storage, compute statistic, top and DRS/DPM config', async () => {
    const c = await firstCluster(h.sim);
    expectShape((await get(h.sim, '/v1/cluster/list')).body, 'cluster-list.response.json');
    expectShape((await get(h.sim, `/v1/cluster/get?cluster_uuid=${c.uuid}`)).body, 'cluster-get.response.json');
    expectShape((await get(h.sim, `/v1/cluster/system/service/storage?cluster_uuid=${c.uuid}`)).body, 'storage.response.json');
    expectShape(
      (await get(h.sim, `/v1/cluster/compute/service/statistic?cluster_uuid=${c.uuid}&page_num=0&page_size=5`)).body,
      'compute-statistic.response.json',
    );
    expectShape((await get(h.sim, `/v1/cluster/top?cluster_uuid=${c.uuid}&count=3`)).body, 'cluster-top.response.json');
    expectShape((await get(h.sim, `/v1/cluster/compute/service/drsconfig/get?cluster_uuid=${c.uuid}`)).body, 'drsconfig-get.response.json');
  });

  it('the per-host compute statistic (no example) has the shape of a HostStatistics entry', async () => {
    const c = await firstCluster(h.sim);
    const host = c.detail.TopoHostNode[0].UUID;
    const res = await get(h.sim, `/v1/cluster/compute/service/statistic/host?cluster_uuid=${c.uuid}&machine=${host}`);
    const example = withoutMapKeys(fixture('compute-statistic.response.json'));
    expect(shapeDifferences(res.body, { ...example, data: example.data.HostStatistics[0] })).toEqual([]);
  });

  it('cluster add and delete (the older status_code envelope)', async () => {
    const added = await post(h.sim, '/v1/cluster/add', fixture('cluster-add.request.json'));
    expectShape(added.body, 'cluster-add.response.json');
    const del = fixture('cluster-delete.request.json');
    expectShape((await post(h.sim, '/v1/cluster/delete', { ...del, cluster_uuid: added.body.data.uuid })).body, 'cluster-delete.response.json');
  });

  it('inspection start, progress and stop', async () => {
    const c = await firstCluster(h.sim);
    const start = { ...fixture('inspection-start.request.json'), cluster_uuid: c.uuid, cluster_name: c.name };
    expectShape((await post(h.sim, '/v1/cluster/inspection', start)).body, 'inspection-start.response.json');
    expectShape((await get(h.sim, `/v1/cluster/inspection/progress?cluster_uuid=${c.uuid}`)).body, 'inspection-start.response.json');
    const stop = { ...fixture('inspection-stop.request.json'), cluster_uuid: c.uuid, cluster_name: c.name };
    expectShape((await post(h.sim, '/v1/cluster/inspection/stop', stop)).body, 'inspection-stop.response.json');
  });

  it('metadata snapshot save, list, delete and policy inspect/update', async () => {
    const c = await firstCluster(h.sim);
    const ip = c.detail.candidates[0];
    const ids = { cluster_uuid: c.uuid, ip };
    expectShape(
      (await post(h.sim, '/v1/cluster/data/snapshot/save', { ...fixture('snapshot-save.request.json'), ...ids })).body,
      'snapshot-save.response.json',
    );
    const list = (await get(h.sim, `/v1/cluster/data/snapshot/list?ip=${ip}&cluster_uuid=${c.uuid}`)).body;
    expectShape(list, 'snapshot-list.response.json');
    const file = list.data.meta_data.Snapshot[0];
    const del = { ...fixture('snapshot-delete.request.json'), ...ids, file_name: file };
    expectShape((await post(h.sim, '/v1/cluster/data/snapshot/delete', del)).body, 'snapshot-delete.response.json');
    expectShape((await get(h.sim, `/v1/cluster/data/snapshot/config/inspect?ip=${ip}&cluster_uuid=${c.uuid}`)).body, 'snapshot-config-inspect.response.json');
    const update = { ...fixture('snapshot-config-update.request.json'), ...ids };
    expectShape((await post(h.sim, '/v1/cluster/data/snapshot/config/update', update)).body, 'snapshot-config-update.response.json');
  });

  it('host task progress', async () => {
    const all = await clusters(h.sim);
    const c = all[0]!;
    const host = c.detail.TopoHostNode[0].UUID;
    expectShape((await get(h.sim, `/v1/cluster/host/task/progress?cluster_uuid=${c.uuid}&host_uuid=${host}`)).body, 'host-task-progress.response.json');
  });

  it('network topology: the drawing under the cluster’s uuid, its hosts under their addresses, each like the example’s', async () => {
    const example = fixture('topology.response.json');
    const [drawing] = Object.values(example.data.info) as any[];
    const [exampleAddress, host] = Object.entries(drawing.HostIFacesInfo)[0] as [string, any];
    const seen = new Set<string>();
    for (const c of await clusters(h.sim)) {
      const res = (await post(h.sim, '/v1/cluster/all_cluster/topology', { ...fixture('topology.request.json'), cluster_uuid: c.uuid })).body;
      // The maps are keyed by the cluster's uuid and each host's address: the example's keys swapped for the simulator's.
      expectShapeOf(res, { ...example, data: { info: { [c.uuid]: { ...drawing, HostIFacesInfo: {} } } } });
      for (const [address, drawn] of Object.entries(res.data.info[c.uuid].HostIFacesInfo) as [string, any][]) {
        // A host with nothing of a kind on it has an empty list there; every kind is seen non-empty somewhere below.
        const lists = Object.fromEntries(['Hosts', 'SecVirtMachine', 'VirtMachine'].map((k) => [k, drawn[k].length > 0 ? host[k] : []]));
        for (const [k, v] of Object.entries(drawn)) if (Array.isArray(v) && v.length > 0) seen.add(k);
        expectShapeOf(drawn, { ...host, ...lists, IFacesInfo: { [address]: host.IFacesInfo[exampleAddress] } });
      }
    }
    expect([...seen].sort()).toEqual(['Hosts', 'SecVirtMachine', 'VirtMachine']);
  });
});
