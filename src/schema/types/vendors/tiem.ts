import type { GatewayContext } from '../../../context.js';
import type { VendorRecord } from '../../../model/entities.js';
import { encodeGlobalId } from '../../../model/ids.js';
import type { TiemClusterFacts, TiemInstanceFacts, TiemResourceRequest } from '../../../sources/tiem/map.js';
import type { TiemVendor } from '../../../sources/tiem/vendor.js';
import type { RequestScope } from '../../../sources/scope.js';
import { builder } from '../../builder.js';
import { UsageRef } from '../common.js';

const ResourceLineRef = builder.objectRef<TiemResourceRequest>('TiemResourceLine').implement({
  description: 'One line of what a TiEM cluster was created with: instances of one component, of one spec, in one zone or on one host',
  fields: (t) => ({
    component: t.exposeString('component', { description: 'TiDB, TiKV, PD, TiFlash, CDC, DM-Master or DM-Worker' }),
    count: t.exposeInt('count', { nullable: true, description: 'Instances' }),
    spec: t.exposeString('spec', { nullable: true, description: 'Instance size, e.g. 4C8G' }),
    zone: t.exposeString('zone', { nullable: true, description: 'The zone they were placed in' }),
    diskType: t.exposeString('diskType', { nullable: true, description: 'NVMeSSD, SSD or SATA' }),
    diskCapacityGb: t.exposeInt('diskCapacityGb', { nullable: true, description: 'Disk per instance, in GB' }),
    hostIp: t.exposeString('hostIp', { nullable: true, description: 'The host they were placed on, when the cluster named hosts (SpecificHost)' }),
    diskId: t.exposeString('diskId', { nullable: true, description: 'The disk of that host they use, when the cluster named hosts' }),
  }),
});

/** What `Cluster.details` is for a TiEM cluster: the record it was read from, when it has one, and the vendor to ask otherwise. */
export interface TiemClusterDetailsRoot {
  kind: 'tiem';
  sourceId: string;
  clusterNativeId: string;
  record?: VendorRecord;
  vendor: TiemVendor;
  /** The facts, mapped once for all the fields a query selects. */
  facts?: Promise<TiemClusterFacts | null>;
}

const factsOf = (d: TiemClusterDetailsRoot, scope: RequestScope) => {
  d.facts ??= d.vendor.clusterFacts(scope, d.clusterNativeId, d.record);
  return d.facts;
};
const clusterIds = (d: TiemClusterDetailsRoot, nativeIds: readonly string[]) =>
  nativeIds.map((nativeId) => encodeGlobalId({ type: 'Cluster', sourceId: d.sourceId, nativeId }));

/** Said of each field the cluster's own answer carries (vendor.ts: its detail is read only for a cluster that came without it). */
const FREE = 'no vendor call: in the cluster’s own answer';
/** Said of the fields only the cluster's detail carries. */
const DETAIL =
  'its detail: one vendor call per cluster and request, shared with resources and resourceMode, and none when the cluster was read by id; null when the cluster is gone';

export const TiemClusterDetailsRef = builder.objectRef<TiemClusterDetailsRoot>('TiemClusterDetails').implement({
  description: 'What TiEM alone knows about a cluster: monitoring, disaster recovery, access, backup storage and how it was created',
  fields: (t) => {
    const fact =
      <K extends keyof TiemClusterFacts>(key: K) =>
      async (d: TiemClusterDetailsRoot, _args: object, ctx: GatewayContext) =>
        (await factsOf(d, ctx.scope))?.[key] ?? null;
    return {
      grafanaUrl: t.string({ nullable: true, description: `Its Grafana dashboards (${FREE})`, resolve: fact('grafanaUrl') }),
      alertmanagerUrl: t.string({ nullable: true, description: `Its Alertmanager (the vendor’s alertUrl; ${FREE})`, resolve: fact('alertmanagerUrl') }),
      drRole: t.string({
        nullable: true,
        description: `Its disaster-recovery role, in TiEM’s word (the document lists none; ${FREE}); null when TiEM gives none`,
        resolve: fact('drRole'),
      }),
      drMasterIds: t.idList({
        nullable: true,
        description: `Global ids of the clusters it replicates from for disaster recovery (the vendor’s relations.masters; ${FREE})`,
        resolve: async (d, _args, ctx) => {
          const facts = await factsOf(d, ctx.scope);
          return facts && clusterIds(d, facts.drMasters);
        },
      }),
      drSlaveIds: t.idList({
        nullable: true,
        description: `Global ids of the clusters replicating from it for disaster recovery (the vendor’s relations.slaves; ${FREE})`,
        resolve: async (d, _args, ctx) => {
          const facts = await factsOf(d, ctx.scope);
          return facts && clusterIds(d, facts.drSlaves);
        },
      }),
      maintenanceWindow: t.string({
        nullable: true,
        description: `When TiEM may maintain it, as TiEM writes it, e.g. 02:00-04:00 (the document gives no format; ${FREE}); null when none is set`,
        resolve: fact('maintenanceWindow'),
      }),
      whitelist: t.stringList({
        nullable: true,
        description: `The addresses and networks allowed to connect (${FREE})`,
        resolve: fact('whitelist'),
      }),
      tls: t.boolean({ nullable: true, description: `Whether clients connect over TLS (${FREE})`, resolve: fact('tls') }),
      exclusive: t.boolean({
        nullable: true,
        description: `Whether its hosts run no other cluster’s instances (${FREE})`,
        resolve: fact('exclusive'),
      }),
      copies: t.int({ nullable: true, description: `Copies of its data, as set in PD (${FREE})`, resolve: fact('copies') }),
      cpuArchitecture: t.string({ nullable: true, description: `X86, X86_64 or ARM (${FREE})`, resolve: fact('cpuArchitecture') }),
      clusterType: t.string({ nullable: true, description: `The product, e.g. TiDB (${FREE})`, resolve: fact('clusterType') }),
      resourceVendor: t.string({
        nullable: true,
        description: `The resource vendor its hosts come from, as TiEM names it (${FREE})`,
        resolve: fact('resourceVendor'),
      }),
      backupStorage: t.field({
        type: UsageRef,
        nullable: true,
        description: `What its backups use of the storage kept for them (the vendor’s backupFileUsage, in GiB as its other usage; ${FREE})`,
        resolve: fact('backupStorage'),
      }),
      resourceMode: t.string({
        nullable: true,
        description: `SpecificZone (its instances were placed by zone) or SpecificHost (on named hosts) (${DETAIL})`,
        resolve: async (d, _args, ctx) => (await d.vendor.resources(ctx.scope, d.clusterNativeId))?.mode ?? null,
      }),
      resources: t.field({
        type: [ResourceLineRef],
        nullable: true,
        description: `What it was created with, line by line (${DETAIL})`,
        resolve: async (d, _args, ctx) => (await d.vendor.resources(ctx.scope, d.clusterNativeId))?.lines ?? null,
      }),
    };
  },
});

/** What `Host.details` is for a TiEM host (an instance): the record it was read from, and the vendor to ask otherwise. */
export interface TiemHostDetailsRoot {
  kind: 'tiem';
  hostNativeId: string;
  record?: VendorRecord;
  vendor: TiemVendor;
  facts?: Promise<TiemInstanceFacts | null>;
}

const instanceFactsOf = (d: TiemHostDetailsRoot, scope: RequestScope) => {
  d.facts ??= d.vendor.instanceFacts(scope, d.hostNativeId, d.record);
  return d.facts;
};

const FREE_INSTANCE = 'no vendor call: in the answer the host was read from';

export const TiemHostDetailsRef = builder.objectRef<TiemHostDetailsRoot>('TiemHostDetails').implement({
  description: 'What TiEM alone knows about an instance: its ports and disk load',
  fields: (t) => {
    const fact =
      <K extends keyof TiemInstanceFacts>(key: K) =>
      async (d: TiemHostDetailsRoot, _args: object, ctx: GatewayContext) =>
        (await instanceFactsOf(d, ctx.scope))?.[key] ?? null;
    return {
      ports: t.intList({ nullable: true, description: `The ports it listens on, the client port first (${FREE_INSTANCE})`, resolve: fact('ports') }),
      ioUtil: t.float({
        nullable: true,
        description: `Its disk’s I/O utilisation, in TiEM’s unit, which the document does not name (${FREE_INSTANCE})`,
        resolve: fact('ioUtil'),
      }),
      iops: t.floatList({
        nullable: true,
        description: `Its disk’s I/O operations per second, as TiEM lists them; the document does not say what each one counts (${FREE_INSTANCE})`,
        resolve: fact('iops'),
      }),
      version: t.string({ nullable: true, description: `The version it runs (${FREE_INSTANCE})`, resolve: fact('version') }),
      diskId: t.string({ nullable: true, description: `TiEM’s id of the disk it uses (${FREE_INSTANCE})`, resolve: fact('diskId') }),
    };
  },
});
