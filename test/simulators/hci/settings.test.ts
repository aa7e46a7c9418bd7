import { beforeEach, describe, expect, it } from 'vitest';
import { firstCluster, get, post, useHci } from './support.js';

describe('hci cluster settings', () => {
  const h = useHci();
  beforeEach(() => h.sim.reset());

  it('serves the documented DRS/DPM defaults and reads an update back, keeping what was not sent', async () => {
    const c = await firstCluster(h.sim);
    const read = async () => (await get(h.sim, `/v1/cluster/compute/service/drsconfig/get?cluster_uuid=${c.uuid}`)).body;
    expect((await read()).data.config).toEqual({
      DRS: { Enabled: true, MaxStep: 4, MaxConcurrentMigration: 4, MaxHostConcurrentMigration: 2, ThresholdLevel: 3, MinBenefitLevel: 3 },
      DPM: { Enabled: false, HighThreshold: 0.8, LowThreshold: 0.45 },
    });
    const res = await post(h.sim, '/v1/cluster/compute/service/drsconfig/update', {
      cluster_name: c.name,
      cluster_uuid: c.uuid,
      config: { DRS: { Enabled: false, ThresholdLevel: 1 } },
    });
    expect(res.body).toMatchObject({ scode: 0, messageCn: '', data: { config: { DRS: { Enabled: false, ThresholdLevel: 1, MaxStep: 4 } } } });
    expect((await read()).data.config).toEqual(res.body.data.config);
    expect((await read()).data.config.DPM).toEqual({ Enabled: false, HighThreshold: 0.8, LowThreshold: 0.45 });
  });

  it('refuses DRS values out of range, naming the field, and changes nothing', async () => {
    const c = await firstCluster(h.sim);
    const update = (config: unknown) => post(h.sim, '/v1/cluster/compute/service/drsconfig/update', { cluster_uuid: c.uuid, config });
    expect(await update({ DRS: { ThresholdLevel: 6 } })).toMatchObject({
      status: 400,
      body: { scode: 10002, message: expect.stringMatching(/config\.DRS\.ThresholdLevel/) },
    });
    expect((await update({ DPM: { LowThreshold: 0.9 } })).body.message).toMatch(/LowThreshold/);
    expect((await update(undefined)).body).toMatchObject({ scode: 10001, message: 'param config is required' });
    const config = (await get(h.sim, `/v1/cluster/compute/service/drsconfig/get?cluster_uuid=${c.uuid}`)).body.data.config;
    expect(config.DRS.ThresholdLevel).toBe(3);
  });

  it('sets over-allocation thresholds by cluster or by a node’s ip, as the example does, and reads them back', async () => {
    const c = await firstCluster(h.sim);
    const read = async () => (await get(h.sim, `/v1/cluster/get/global/config?cluster_uuid=${c.uuid}`)).body;
    expect((await read()).data).toEqual({
      StorOverAllocationThreshold: 0.9,
      CPUOverAllocationThreshold: 0.9,
      MemOverAllocationThreshold: 0.9,
      USDOverAllocationThreshold: 0.9,
    });
    const ip = c.detail.TopoHostNode[1].name;
    const set = await post(h.sim, '/v1/cluster/set/global/config', { ip, StorOverAllocationThreshold: 0.7, CPUOverAllocationThreshold: 0.8 });
    expect(set.body).toMatchObject({ scode: 0, data: { StorOverAllocationThreshold: 0.7, CPUOverAllocationThreshold: 0.8 } });
    await post(h.sim, '/v1/cluster/set/global/config', { cluster_uuid: c.uuid, MemOverAllocationThreshold: 0.6 });
    expect((await read()).data).toEqual({
      StorOverAllocationThreshold: 0.7,
      CPUOverAllocationThreshold: 0.8,
      MemOverAllocationThreshold: 0.6,
      USDOverAllocationThreshold: 0.9,
    });
  });

  it('refuses a global config without a cluster, without thresholds or with a bad one', async () => {
    const c = await firstCluster(h.sim);
    expect(await post(h.sim, '/v1/cluster/set/global/config', { CPUOverAllocationThreshold: 0.8 })).toMatchObject({ status: 400, body: { scode: 10001 } });
    expect(await post(h.sim, '/v1/cluster/set/global/config', { ip: '10.255.0.1', CPUOverAllocationThreshold: 0.8 })).toMatchObject({
      status: 404,
      body: { scode: 10003 },
    });
    expect((await post(h.sim, '/v1/cluster/set/global/config', { cluster_uuid: c.uuid })).body.scode).toBe(10001);
    expect((await post(h.sim, '/v1/cluster/set/global/config', { cluster_uuid: c.uuid, CPUOverAllocationThreshold: 0 })).body).toMatchObject({
      scode: 10002,
      message: expect.stringMatching(/CPUOverAllocationThreshold/),
    });
  });
});
