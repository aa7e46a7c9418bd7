import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/model/ids.js';
import { hostId } from '../../src/sources/hci/ids.js';
import {
  HciDrsDocument,
  HciInspectionDocument,
  HciManagementDocument,
  HciMetadataBackupsDocument,
  HciNetworkTopologyDocument,
  HciOverAllocationDocument,
  HciSetDrsDocument,
  HciSetMetadataBackupScheduleDocument,
  HciStartMetadataBackupDaemonDocument,
  HciStopMetadataBackupDaemonDocument,
  HciSetOverAllocationDocument,
  HciTopHostsDocument,
  StartInspectionDocument,
} from '../generated/operations.js';
import { OPERATOR_TOKEN, useRolesDemo, VIEWER_TOKEN } from '../helpers/gateway.js';
import { mutate, started } from '../helpers/mutations.js';
import { call } from '../helpers/sim-client.js';

/** HCI's member of `Cluster.details` through `/graphql`, against the demo's simulator. */

const demo = useRolesDemo();

const sim = () => demo.fleet.simulators.hci;
const vendor = async (path: string): Promise<any> => (await call(sim(), 'GET', path)).body.data;
const vendorReads = () => Object.entries(demo.vendorCalls().hci!.routes);
const clusterId = (uuid: string) => encodeGlobalId({ type: 'Cluster', sourceId: 'hci', nativeId: uuid });
const hostGlobalId = (clusterUuid: string, hostUuid: string) => encodeGlobalId({ type: 'Host', sourceId: 'hci', nativeId: hostId(clusterUuid, hostUuid) });

/** A cluster with no inspection running, so one can start. */
async function idleCluster(): Promise<string> {
  for (const { cluster_uuid } of (await vendor('/v1/cluster/list')).list) {
    if ((await vendor(`/v1/cluster/inspection/progress?cluster_uuid=${cluster_uuid}`)).state !== 1) return cluster_uuid;
  }
  throw new Error('every cluster is being inspected');
}

const detailsOf = <T extends { node: unknown }>(data: T | null | undefined) => {
  const node = data?.node as { details?: { __typename?: string } & Record<string, unknown> } | null;
  if (!node?.details) return expect.unreachable(`no HCI details: ${JSON.stringify(node)}`);
  return node.details;
};

describe('Cluster.details: an HCI cluster’s inspection, item by item', () => {
  it('lists a finished run’s findings as the vendor reports them, to a viewer, in one call, with the run as the workflow startInspection gave', async () => {
    const uuid = await idleCluster();
    const run = started(await mutate(demo, StartInspectionDocument, { id: clusterId(uuid) }));
    sim().advance(24 * 60 * 60_000);
    const report = await vendor(`/v1/cluster/inspection/progress?cluster_uuid=${uuid}`);
    demo.resetCounts();

    const { data, errors } = await demo.run(HciInspectionDocument, { id: clusterId(uuid) }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const details = detailsOf(data);
    expect(details.__typename).toBe('HciClusterDetails');
    const inspection = (details as NonNullable<typeof data>['node'] & any).inspection;
    expect(inspection).toMatchObject({ workflowId: run.workflow.id, state: 'SUCCEEDED', progress: 1 });
    expect(inspection).toMatchObject({ score: report.score, normal: report.normal, alarm: report.alarm, fault: report.fault });
    const items = (['system', 'network', 'hardware'] as const).flatMap((c) => (report[c] ?? []).map((i: any) => ({ ...i, category: c.toUpperCase() })));
    expect(items.length).toBeGreaterThan(0);
    expect(inspection.findings.map((f: any) => [f.category, f.hostId, f.item, f.itemName, f.rawLevel, f.value])).toEqual(
      items.map((i: any) => [i.category, hostGlobalId(uuid, i.host_uuid), i.item, i.item_cn, String(i.level), i.value]),
    );
    expect(demo.vendorCalls().hci!.routes['GET /v1/cluster/inspection/progress']).toBe(1);
  });

  it('keeps only alarms and faults when asked, each linked to a host that exists', async () => {
    const uuid = await idleCluster();
    await mutate(demo, StartInspectionDocument, { id: clusterId(uuid) });
    sim().advance(24 * 60 * 60_000);
    const report = await vendor(`/v1/cluster/inspection/progress?cluster_uuid=${uuid}`);
    const { data, errors } = await demo.run(HciInspectionDocument, { id: clusterId(uuid), atLeast: 'ALARM' });
    expect(errors).toBeUndefined();
    const findings = (detailsOf(data) as any).inspection.findings as Array<{ level: string; hostId: string }>;
    expect(findings).toHaveLength(report.alarm + report.fault);
    expect(findings.every((f) => f.level === 'ALARM' || f.level === 'FAULT')).toBe(true);
    const hosts = new Set(
      (await vendor(`/v1/cluster/compute/service/statistic?cluster_uuid=${uuid}`)).HostStatistics.map((h: any) => hostGlobalId(uuid, h.HostUUID)),
    );
    expect(findings.every((f) => hosts.has(f.hostId))).toBe(true);
  });

  it('is HCI’s member for HCI clusters, and costs no inspection call unless selected', async () => {
    const uuid = await idleCluster();
    demo.resetCounts();
    const { data, errors } = await demo.run(HciDrsDocument, { id: clusterId(uuid) });
    expect(errors).toBeUndefined();
    expect(detailsOf(data)).toHaveProperty('drs');
    expect(demo.vendorCalls().hci!.routes['GET /v1/cluster/compute/service/drsconfig/get']).toBe(1);
    expect(vendorReads().some(([route]) => route.includes('inspection'))).toBe(false);
  });
});

describe('Cluster.details: an HCI cluster’s host rankings and DRS/DPM', () => {
  it('ranks hosts by cpu, disk iowait and network rate as the vendor does, three rankings from one call', async () => {
    const uuid = await idleCluster();
    const answer = await vendor(`/v1/cluster/top?cluster_uuid=${uuid}&count=3`);
    demo.resetCounts();
    const { data, errors } = await demo.run(HciTopHostsDocument, { id: clusterId(uuid), count: 3 }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const { cpu, iowait, network } = detailsOf(data) as any;
    const ranked = (field: string, figure: string) => answer[field].map((u: any) => [hostGlobalId(uuid, u.host_info.uuid), u[figure]]);
    expect(cpu.map((u: any) => [u.hostId, u.cpuPercent])).toEqual(ranked('cpu_usage_info', 'cpu_usage'));
    expect(iowait.map((u: any) => [u.hostId, u.diskWriteIowait])).toEqual(ranked('disk_wiowait_usage_info', 'disk_wiowait'));
    expect(network.map((u: any) => [u.hostId, u.netReceiveRate])).toEqual(ranked('net_rmbps_usage_info', 'net_rmbps'));
    expect(cpu).toHaveLength(3);
    expect(demo.vendorCalls().hci!.routes['GET /v1/cluster/top']).toBe(1);
  });

  it('refuses a count outside 1 to 100, naming it, before asking the vendor', async () => {
    const uuid = await idleCluster();
    demo.resetCounts();
    const { errors } = await demo.run(HciTopHostsDocument, { id: clusterId(uuid), count: 0 });
    expect(errors?.[0]).toMatchObject({ message: expect.stringContaining('count'), extensions: { code: 'VALIDATION_FAILED' } });
    expect(demo.vendorCalls().hci!.routes['GET /v1/cluster/top']).toBeUndefined();
  });

  it('reads DRS and DPM as the vendor has them, to a viewer', async () => {
    const uuid = await idleCluster();
    const { DRS, DPM } = (await vendor(`/v1/cluster/compute/service/drsconfig/get?cluster_uuid=${uuid}`)).config;
    const { data, errors } = await demo.run(HciDrsDocument, { id: clusterId(uuid) }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    expect((detailsOf(data) as any).drs).toEqual({
      drs: {
        enabled: DRS.Enabled,
        maxStep: DRS.MaxStep,
        maxConcurrentMigrations: DRS.MaxConcurrentMigration,
        maxHostConcurrentMigrations: DRS.MaxHostConcurrentMigration,
        thresholdLevel: DRS.ThresholdLevel,
        minBenefitLevel: DRS.MinBenefitLevel,
      },
      dpm: { enabled: DPM.Enabled, highThreshold: DPM.HighThreshold, lowThreshold: DPM.LowThreshold },
    });
  });
});

describe('Cluster.details: an HCI cluster’s management plane', () => {
  it('reads the licence expiry and each center node’s etcd health as the vendor reports them, to a viewer, both from one call', async () => {
    const uuid = await idleCluster();
    const nodes = (await vendor(`/v1/cluster/cloud/manage?cluster_uuid=${uuid}`)).host_info;
    demo.resetCounts();
    const { data, errors } = await demo.run(HciManagementDocument, { id: clusterId(uuid) }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const { licence, centerNodes } = detailsOf(data) as any;
    const leader = nodes.find((n: any) => n.is_leader);
    expect(licence).toEqual({ expiresAt: new Date(leader.license_expire_date * 1000).toISOString(), installed: leader.license_existed });
    expect(centerNodes.map((n: any) => [n.hostId, n.address, n.leader, n.etcd?.rawHealth ?? null, n.etcd?.members ?? null])).toEqual(
      nodes.map((n: any) => [
        hostGlobalId(uuid, n.uuid),
        n.ip,
        n.is_leader,
        n.etcd_base_info?.etcd_cluter_health ?? null,
        n.etcd_base_info?.etcd_node_count ? Number(n.etcd_base_info.etcd_node_count) : null,
      ]),
    );
    expect(demo.vendorCalls().hci!.routes['GET /v1/cluster/cloud/manage']).toBe(1);
  });
});

describe('Cluster.details: an HCI cluster’s metadata backups', () => {
  it('reads each center node’s schedule and daemon as the vendor has them, to a viewer', async () => {
    const uuid = await idleCluster();
    const centers: string[] = (await vendor(`/v1/cluster/get?cluster_uuid=${uuid}`)).candidates;
    const expected = await Promise.all(
      centers.map(async (ip) => [
        ip,
        (await vendor(`/v1/cluster/data/snapshot/config/inspect?cluster_uuid=${uuid}&ip=${ip}`)).meta_data.SnapshotConfig.duration,
        (await vendor(`/v1/cluster/data/daemon/state?cluster_uuid=${uuid}&ip=${ip}`)).meta_data.DaemonState,
      ]),
    );
    demo.resetCounts();
    const { data, errors } = await demo.run(HciMetadataBackupsDocument, { id: clusterId(uuid) }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const backups = (detailsOf(data) as any).metadataBackups;
    expect(backups.map((b: any) => [b.address, b.intervalSeconds, b.rawDaemonState])).toEqual(expected);
    expect(demo.vendorCalls().hci!.routes['GET /v1/cluster/data/daemon/state']).toBe(centers.length);
  });
});

describe('HCI’s own settings mutations: DRS/DPM and over-allocation, the admin’s', () => {
  it('changes DRS/DPM and the caps, done when the platform answers, and details read them back', async () => {
    const uuid = await idleCluster();
    const id = clusterId(uuid);
    demo.resetCounts();
    expect(await mutate(demo, HciSetDrsDocument, { id, input: { drs: { enabled: false, thresholdLevel: 1 }, dpm: { enabled: true } } })).toEqual({
      __typename: 'OperationPayload',
      targetId: id,
      workflow: null,
    });
    expect(await mutate(demo, HciSetOverAllocationDocument, { id, input: { cpu: 0.8, storage: 0.7 } })).toMatchObject({ __typename: 'OperationPayload' });
    expect(Object.keys(demo.vendorCalls().hci!.routes).filter((r) => r.startsWith('POST '))).toEqual([
      'POST /v1/cluster/compute/service/drsconfig/update',
      'POST /v1/cluster/set/global/config',
    ]);
    const drs = (detailsOf((await demo.run(HciDrsDocument, { id })).data) as any).drs;
    expect(drs.drs).toMatchObject({ enabled: false, thresholdLevel: 1 });
    expect(drs.dpm).toMatchObject({ enabled: true });
    const caps = (detailsOf((await demo.run(HciOverAllocationDocument, { id }, VIEWER_TOKEN)).data) as any).overAllocation;
    expect(caps).toMatchObject({ cpu: 0.8, storage: 0.7 });
    expect(await vendor(`/v1/cluster/get/global/config?cluster_uuid=${uuid}`)).toMatchObject({
      CPUOverAllocationThreshold: 0.8,
      StorOverAllocationThreshold: 0.7,
    });
  });

  it('names the field at fault before any write; another vendor’s cluster is unsupported; operators and viewers may not', async () => {
    const id = clusterId(await idleCluster());
    demo.resetCounts();
    expect(await mutate(demo, HciSetDrsDocument, { id, input: { drs: { thresholdLevel: 9 } } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.drs.thresholdLevel',
    });
    expect(await mutate(demo, HciSetOverAllocationDocument, { id, input: {} })).toMatchObject({ __typename: 'ValidationError', field: 'input' });
    expect(Object.keys(demo.vendorCalls().hci!.routes).filter((r) => r.startsWith('POST '))).toEqual([]);
    const tiem = encodeGlobalId({ type: 'Cluster', sourceId: 'tiem', nativeId: 'any' });
    expect(await mutate(demo, HciSetOverAllocationDocument, { id: tiem, input: { cpu: 0.5 } })).toEqual({
      __typename: 'UnsupportedOperationError',
      sourceKind: 'TIEM',
      operation: 'hciSetOverAllocation',
    });
    for (const token of [OPERATOR_TOKEN, VIEWER_TOKEN]) {
      const denied = await demo.run(HciSetDrsDocument, { id, input: { drs: { enabled: true } } }, token);
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('HCI’s metadata backup schedule and daemon, changed by an admin', () => {
  const backupsOf = async (id: string) => ((await demo.run(HciMetadataBackupsDocument, { id })).data!.node as any).details.metadataBackups as any[];

  it('sets how often a center node backs up and stops and starts its daemon, each read back; no workflow', async () => {
    const uuid = await idleCluster();
    const id = clusterId(uuid);
    const [first] = await backupsOf(id);
    const address: string = first.address;
    const set = await mutate(demo, HciSetMetadataBackupScheduleDocument, { id, address, input: { intervalSeconds: 7 * 86_400, displayOption: 'WEEK' } });
    expect(set).toMatchObject({ __typename: 'OperationPayload', targetId: id, workflow: null });
    expect(await mutate(demo, HciStopMetadataBackupDaemonDocument, { id, address })).toMatchObject({ __typename: 'OperationPayload', workflow: null });
    expect((await backupsOf(id)).find((b) => b.address === address)).toMatchObject({
      intervalSeconds: 7 * 86_400,
      displayOption: 'week',
      daemonRunning: false,
    });
    await mutate(demo, HciStartMetadataBackupDaemonDocument, { id, address });
    expect((await backupsOf(id)).find((b) => b.address === address)).toMatchObject({ daemonRunning: true });
  });

  it('names an address that is no center node before any write; operators and viewers may not', async () => {
    const id = clusterId(await idleCluster());
    demo.resetCounts();
    expect(await mutate(demo, HciStopMetadataBackupDaemonDocument, { id, address: '10.255.255.254' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'address',
    });
    expect(Object.keys(demo.vendorCalls().hci!.routes).filter((r) => r.startsWith('POST '))).toEqual([]);
    for (const token of [OPERATOR_TOKEN, VIEWER_TOKEN]) {
      const denied = await demo.run(HciStartMetadataBackupDaemonDocument, { id, address: '10.0.0.1' }, token);
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('hci(sourceId:) { networkTopology }: a cluster’s network as the console draws it', () => {
  const drawing = async (uuid: string, canvas = { width: 760, height: 550 }) =>
    (await call(sim(), 'POST', '/v1/cluster/all_cluster/topology', { body: { ...canvas, cluster_uuid: uuid } })).body.data.info[uuid];

  it('draws every host with its interfaces and VMs as the vendor does, to a viewer, in one call and the document’s default canvas', async () => {
    const uuid = await idleCluster();
    const truth = await drawing(uuid);
    demo.resetCounts();
    const { data, errors } = await demo.run(HciNetworkTopologyDocument, { sourceId: 'hci', clusterId: clusterId(uuid), links: false }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    expect(vendorReads()).toEqual([['POST /v1/cluster/all_cluster/topology', 1]]);
    const topology = data!.hci!.networkTopology!;
    expect(topology).toMatchObject({ clusterId: clusterId(uuid), clusterName: truth.ClusterName, width: 760, height: 550 });
    const vm = (v: any, id: string, name: string, type: string, tenant: string | undefined) => ({
      nativeId: v[id],
      name: v[name] || null,
      type: v[type] || null,
      tenantId: (tenant && v[tenant]) || null,
      x: v.CoordinateX,
      y: v.CoordinateY,
    });
    expect(topology.hosts).toEqual(
      Object.entries(truth.HostIFacesInfo).map(([address, h]: [string, any]) => ({
        address,
        x: h.CoordinateX,
        y: h.CoordinateY,
        interfaces: Object.values(h.IFacesInfo).map((i: any) => ({
          address: i.IP,
          name: i.IFaceName || null,
          mac: i.Mac || null,
          systemName: i.SysName || null,
          port: i.Port || null,
          healthy: i.Health,
        })),
        platformVms: h.Hosts.map((v: any) => vm(v, 'UUID', 'Name', 'Type', undefined)),
        securityVms: h.SecVirtMachine.map((v: any) => vm(v, 'VmSeverUUID', 'VMName', 'SecurityType', 'Namespace')),
        vms: h.VirtMachine.map((v: any) => vm(v, 'UUID', 'Name', 'Type', 'Nsuuid')),
      })),
    );
    expect(topology.hosts.flatMap((h) => h.vms).length).toBeGreaterThan(0);
  });

  it('links each drawn host to its Host only when asked, for one more call (the cluster’s detail), in the canvas asked for', async () => {
    const uuid = await idleCluster();
    const canvas = { width: 1200, height: 900 };
    const truth = await drawing(uuid, canvas);
    const detail = await vendor(`/v1/cluster/get?cluster_uuid=${uuid}`);
    demo.resetCounts();
    const { data, errors } = await demo.run(HciNetworkTopologyDocument, { sourceId: 'hci', clusterId: clusterId(uuid), ...canvas, links: true }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    expect(Object.fromEntries(vendorReads())).toEqual({ 'POST /v1/cluster/all_cluster/topology': 1, 'GET /v1/cluster/get': 1 });
    const topology = data!.hci!.networkTopology!;
    expect(topology).toMatchObject(canvas);
    expect(topology.hosts.map((h) => [h.x, h.y])).toEqual(Object.values(truth.HostIFacesInfo).map((h: any) => [h.CoordinateX, h.CoordinateY]));
    expect(topology.hosts.map((h) => h.hostId)).toEqual(detail.TopoHostNode.map((n: any) => hostGlobalId(uuid, n.UUID)));
  });

  it('is null for a cluster the source does not have; names clusterId for another source’s cluster, a canvas out of bounds and sourceId of another kind, asking no vendor', async () => {
    const unknown = await demo.run(HciNetworkTopologyDocument, { sourceId: 'hci', clusterId: clusterId('00000000-0000-4000-8000-000000000000'), links: false });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.hci!.networkTopology).toBeNull();
    const uuid = await idleCluster();
    demo.resetCounts();
    const refusals = [
      [{ sourceId: 'hci', clusterId: encodeGlobalId({ type: 'Cluster', sourceId: 'dws', nativeId: uuid }) }, 'clusterId'],
      [{ sourceId: 'hci', clusterId: hostGlobalId(uuid, uuid) }, 'clusterId'],
      [{ sourceId: 'hci', clusterId: clusterId(uuid), width: 99 }, 'width'],
      [{ sourceId: 'hci', clusterId: clusterId(uuid), height: 10_001 }, 'height'],
      [{ sourceId: 'dws', clusterId: clusterId(uuid) }, 'sourceId'],
    ] as const;
    for (const [variables, field] of refusals) {
      const { errors } = await demo.run(HciNetworkTopologyDocument, { ...variables, links: false }, VIEWER_TOKEN);
      expect(errors?.[0], field).toMatchObject({ message: expect.stringContaining(field), extensions: { code: 'VALIDATION_FAILED' } });
    }
    expect(Object.values(demo.vendorCalls()).reduce((n, s) => n + s.total, 0)).toBe(0);
  });
});
