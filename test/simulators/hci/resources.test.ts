import { describe, expect, it } from 'vitest';
import { clusters, firstCluster, get, statistic, useHci } from './support.js';

const VM_STATE_COUNTS = [
  'no_state_count',
  'running_count',
  'blocked_count',
  'paused_count',
  'shutdown_count',
  'shutoff_count',
  'crashed_count',
  'pmsuspend_count',
  'cloning_count',
  'save_count',
  'migrating_count',
  'pending_count',
  'importing_count',
  'unknown_count',
  'restoring_count',
];

describe('hci compute statistic and storage', () => {
  const h = useHci();

  it('agrees with the topology and with itself', async () => {
    for (const c of await clusters(h.sim)) {
      const stats = await statistic(h.sim, c.uuid);
      const topo = c.detail.TopoHostNode;
      expect(stats.HostStatistics.map((s: any) => [s.HostUUID, s.Name])).toEqual(topo.map((n: any) => [n.UUID, n.name]));
      expect(stats.total_count).toBe(topo.length);
      const vmSum = stats.HostStatistics.reduce((n: number, s: any) => n + s.VmCount, 0);
      expect(stats.StateSummaryResult.total).toBe(vmSum);
      expect(VM_STATE_COUNTS.reduce((n, k) => n + stats.StateSummaryResult[k], 0)).toBe(vmSum);
      expect(stats.HostSummary).toEqual({
        Total: topo.length,
        Healthy: stats.HostStatistics.filter((s: any) => s.Status === 1).length,
        NoInUse: stats.HostStatistics.filter((s: any) => s.Status === 0).length,
      });
      expect(stats.UsageRatio.Cpu.Physical).toBe(stats.HostStatistics.reduce((n: number, s: any) => n + s.Cpu.Physical, 0));
      // A down host's agent is offline in the topology too.
      for (const s of stats.HostStatistics) {
        const node = topo.find((n: any) => n.UUID === s.HostUUID);
        expect(node.services.agentStatus).toBe(s.Status === 2 ? 0 : 1);
      }
      const storage = (await get(h.sim, `/v1/cluster/system/service/storage?cluster_uuid=${c.uuid}`)).body.data.inner;
      const down = stats.HostStatistics.filter((s: any) => s.Status === 2).length;
      expect(storage.physic_host_total_count).toBe(topo.length);
      expect(storage.physic_host_down_count).toBe(down);
      expect(storage.physic_host_health_count).toBe(topo.length - down);
      expect(storage.capacity_usage).toBeCloseTo(storage.used / storage.total_size, 10);
      expect(storage.volume_health_count + storage.volume_degrade_count + storage.volume_failed_count).toBe(storage.volume_total_count);
      expect(storage.cpu_usage).toBeGreaterThan(0);
      expect(storage.cpu_usage).toBeLessThan(1);
    }
  });

  it('filters hosts by uuid (filter_machine) and name (filter_name), and pages them', async () => {
    const c = await firstCluster(h.sim);
    const all = (await statistic(h.sim, c.uuid)).HostStatistics;
    const one = all[1];
    const byMachine = (await get(h.sim, `/v1/cluster/compute/service/statistic?cluster_uuid=${c.uuid}&filter_machine=${one.HostUUID}`)).body.data;
    expect(byMachine.HostStatistics).toEqual([one]);
    expect(byMachine.total_count).toBe(1);
    const byName = (await get(h.sim, `/v1/cluster/compute/service/statistic?cluster_uuid=${c.uuid}&filter_name=${one.Name}`)).body.data;
    expect(byName.HostStatistics.map((s: any) => s.Name)).toEqual([one.Name]);
    const page = (await get(h.sim, `/v1/cluster/compute/service/statistic?cluster_uuid=${c.uuid}&page_num=1&page_size=2`)).body.data;
    expect(page.HostStatistics).toEqual(all.slice(2, 4));
    expect(page.total_count).toBe(all.length);
    expect((await get(h.sim, `/v1/cluster/compute/service/statistic?cluster_uuid=${c.uuid}&page_size=x`)).body.scode).toBe(10002);
  });

  it('serves one host, and names unknown hosts and missing params', async () => {
    const c = await firstCluster(h.sim);
    const all = (await statistic(h.sim, c.uuid)).HostStatistics;
    const path = `/v1/cluster/compute/service/statistic/host?cluster_uuid=${c.uuid}`;
    expect((await get(h.sim, `${path}&machine=${all[0].HostUUID}`)).body.data).toEqual(all[0]);
    expect(await get(h.sim, `${path}&machine=nope`)).toMatchObject({ status: 404, body: { scode: 10004 } });
    expect(await get(h.sim, path)).toMatchObject({ status: 400, body: { scode: 10001, message: 'param machine is required' } });
  });

  it('shows every host status and every VM state at the default size', async () => {
    const statuses = new Set<number>();
    const totals = Object.fromEntries(VM_STATE_COUNTS.map((k) => [k, 0]));
    for (const c of await clusters(h.sim)) {
      const stats = await statistic(h.sim, c.uuid);
      for (const s of stats.HostStatistics) statuses.add(s.Status);
      for (const k of VM_STATE_COUNTS) totals[k] += stats.StateSummaryResult[k];
    }
    expect([...statuses].sort()).toEqual([0, 1, 2]);
    for (const k of VM_STATE_COUNTS) expect(totals[k], k).toBeGreaterThan(0);
  });
});
