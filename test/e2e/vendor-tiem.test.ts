import { describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../../src/model/ids.js';
import {
  CreateClusterDocument,
  TiemClusterDetailsDocument,
  TiemClusterPageDetailsDocument,
  TiemHostDetailsDocument,
  TiemResourcesDocument,
} from '../generated/operations.js';
import { OPERATOR_TOKEN, useRolesDemo, VIEWER_TOKEN } from '../helpers/gateway.js';
import { tiemCreateInput } from '../helpers/inputs.js';
import { started } from '../helpers/mutations.js';
import { call } from '../helpers/sim-client.js';
import { login } from '../simulators/tiem/support.js';

/** TiEM's members of `Cluster.details` and `Host.details` through `/graphql`, against the demo's simulator. */

const demo = useRolesDemo();

const sim = () => demo.fleet.simulators.tiem;
const vendor = async (path: string): Promise<any> => {
  const token = await login(sim());
  return (await call(sim(), 'GET', path, { headers: { authorization: `Bearer ${token}` } })).body.data;
};
/** TiEM reads the gateway made since the counts were reset, by route. */
const vendorReads = () => Object.fromEntries(Object.entries(demo.vendorCalls().tiem!.routes).filter(([route]) => route.startsWith('GET')));
const clusterId = (nativeId: string) => encodeGlobalId({ type: 'Cluster', sourceId: 'tiem', nativeId });
const DETAIL = 'GET /api/v1/clusters/{clusterId}';

/** The vendor's rows of every live cluster. */
const rows = async (): Promise<any[]> => (await vendor('/api/v1/clusters/?page=1&pageSize=1000')).clusters;

describe('Cluster.details: a TiEM cluster’s monitoring, disaster recovery and access', () => {
  it('serves a standby’s as TiEM has them, to a viewer, from the detail node(id) reads anyway: one call', async () => {
    const standby = (await rows()).find((r) => r.relations.masters.length > 0);
    demo.resetCounts();
    const { data, errors } = await demo.run(TiemClusterDetailsDocument, { id: clusterId(standby.clusterId) }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const details = (data?.node as any)?.details;
    expect(details).toEqual({
      __typename: 'TiemClusterDetails',
      grafanaUrl: standby.grafanaUrl,
      alertmanagerUrl: standby.alertUrl,
      drRole: standby.role || null,
      drMasterIds: standby.relations.masters.map(clusterId),
      drSlaveIds: standby.relations.slaves.map(clusterId),
      maintenanceWindow: standby.maintainWindow || null,
      whitelist: standby.whitelist,
      tls: standby.tls,
      exclusive: standby.exclusive,
      copies: standby.copies,
      cpuArchitecture: standby.cpuArchitecture,
      clusterType: standby.clusterType,
      resourceVendor: standby.vendor,
      backupStorage: {
        unit: 'BYTES',
        used: Math.round(standby.backupFileUsage.used * 1024 ** 3),
        total: Math.round(standby.backupFileUsage.total * 1024 ** 3),
        ratio: standby.backupFileUsage.usageRate,
      },
    });
    expect(vendorReads()).toEqual({ [DETAIL]: 1 });

    // The master it names is a cluster that names it back.
    const master = await demo.run(TiemClusterDetailsDocument, { id: details.drMasterIds[0] });
    expect((master.data?.node as any)?.details.drSlaveIds).toContain(clusterId(standby.clusterId));
  });

  it('costs a page of clusters no call beyond the list', async () => {
    const { data, errors } = await demo.run(TiemClusterPageDetailsDocument, { first: 50 });
    expect(errors).toBeUndefined();
    const edges = data!.clusters.edges;
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => (e.node.details as any)?.grafanaUrl?.startsWith('http://'))).toBe(true);
    expect(Object.keys(vendorReads())).toEqual(['GET /api/v1/clusters/']);
  });
});

describe('Cluster.details: what a TiEM cluster was created with', () => {
  it('is the detail’s instanceResource, line by line, in one call shared with the cluster', async () => {
    const [row] = await rows();
    const detail = await vendor(`/api/v1/clusters/${row.clusterId}`);
    demo.resetCounts();
    const { data, errors } = await demo.run(TiemResourcesDocument, { id: clusterId(row.clusterId) }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const node = data?.node as any;
    expect(node.details.resourceMode).toBe(detail.requestResourceMode);
    expect(node.details.resources).toEqual(
      detail.instanceResource.flatMap((g: any) =>
        g.resource.map((l: any) => ({
          component: g.componentType,
          count: l.count,
          spec: l.specCode,
          zone: l.zoneCode,
          diskType: l.diskType,
          diskCapacityGb: l.diskCapacity,
          hostIp: l.hostIp || null,
          diskId: l.diskId || null,
        })),
      ),
    );
    expect(node.details.resources.reduce((n: number, l: any) => n + l.count, 0)).toBe(node.nodeCount);
    expect(vendorReads()).toEqual({ [DETAIL]: 1 });
  });
});

describe('Host.details: a TiEM instance’s ports and disk load', () => {
  it('serves each instance’s ports, I/O utilisation and IOPS as TiEM has them, from the one detail call', async () => {
    const [row] = await rows();
    const detail = await vendor(`/api/v1/clusters/${row.clusterId}`);
    demo.resetCounts();
    const { data, errors } = await demo.run(TiemHostDetailsDocument, { id: clusterId(row.clusterId) }, VIEWER_TOKEN);
    expect(errors).toBeUndefined();
    const hosts = (data!.node as any).hosts.edges.map((e: any) => e.node);
    expect(hosts).toHaveLength(detail.topology.length);
    const byAddress = new Map(hosts.map((h: any) => [h.name, h.details]));
    for (const inst of detail.topology) {
      expect(byAddress.get(`${inst.addresses[0]}:${inst.ports[0]}`)).toEqual({
        __typename: 'TiemHostDetails',
        ports: inst.ports,
        ioUtil: inst.ioUtil,
        iops: inst.iops,
        version: inst.version,
        diskId: inst.diskId,
      });
    }
    expect(vendorReads()).toEqual({ [DETAIL]: 1 });
  });
});

describe('createCluster’s tiem block: a parameter group and named hosts', () => {
  it('places an operator’s cluster on the hosts and disks named, and TiEM applies the parameter group given', async () => {
    const base = tiemCreateInput('e2e-tiem-on-hosts');
    const hosts = ['172.31.8.1', '172.31.8.2', '172.31.8.3'];
    const components = base.tiem.components.map((c, i) => ({ ...c, hostIp: hosts[i], diskId: `disk-e2e-${i}` }));
    const input = { ...base, tiem: { ...base.tiem, parameterGroupId: 'pg-e2e', components } };
    const { data, errors } = await demo.run(CreateClusterDocument, { input }, OPERATOR_TOKEN);
    expect(errors).toBeUndefined();
    const run = started(data!.createCluster);
    sim().advance(24 * 60 * 60_000);

    const read = await demo.run(TiemResourcesDocument, { id: run.targetId }, VIEWER_TOKEN);
    const details = (read.data!.node as any).details;
    expect(details.resourceMode).toBe('SpecificHost');
    expect(details.resources.map((l: any) => [l.component, l.hostIp, l.diskId]).sort()).toEqual([
      ['PD', hosts[0], 'disk-e2e-0'],
      ['TiDB', hosts[2], 'disk-e2e-2'],
      ['TiKV', hosts[1], 'disk-e2e-1'],
    ]);
    const flow = await vendor(`/api/v1/workflow/${decodeGlobalId(run.workflow.id).nativeId}`);
    const applied = flow.nodes.find((n: { name: string }) => n.name === 'applyParameterGroup');
    expect(JSON.parse(applied.parameters)).toMatchObject({ parameterGroupID: 'pg-e2e' });
  });
});
