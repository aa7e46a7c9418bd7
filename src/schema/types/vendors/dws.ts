import type { DwsAvailabilityZone, DwsNodeType, DwsQuota } from '../../../sources/dws/map.js';
import type { DwsVendor } from '../../../sources/dws/vendor.js';
import { builder } from '../../builder.js';
import { payload, targetWith } from '../../operations.js';
import { mutationOptions } from '../mutations/payload.js';
import { type VendorRoot, vendorOf, vendorRoot } from './root.js';

const AvailabilityZoneRef = builder.objectRef<DwsAvailabilityZone>('DwsAvailabilityZone').implement({
  description: 'An availability zone of the DWS project’s region',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The zone’s code: what createCluster’s `dws.availabilityZone` takes' }),
    name: t.exposeString('name', { nullable: true, description: 'Its display name' }),
    available: t.exposeBoolean('available', { description: 'Whether clusters can be created in it now' }),
    rawStatus: t.exposeString('rawStatus', { nullable: true, description: 'The vendor’s own status word' }),
    group: t.exposeString('group', { nullable: true, description: 'The zone group it belongs to, e.g. center' }),
  }),
});

const NodeTypeZoneRef = builder.objectRef<DwsNodeType['zones'][number]>('DwsNodeTypeZone').implement({
  description: 'A zone that offers a node flavor, and whether it has any left',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The zone’s code' }),
    available: t.exposeBoolean('available', { description: 'Whether the flavor can be ordered in this zone now (not sold out or withdrawn)' }),
    rawStatus: t.exposeString('rawStatus', { nullable: true, description: 'The vendor’s word: normal, sellout or abandon' }),
  }),
});

const KernelVersionRef = builder.objectRef<DwsNodeType['versions'][number]>('DwsKernelVersion').implement({
  description: 'A DWS kernel version a node flavor runs (a new cluster gets the newest stable one)',
  fields: (t) => ({
    version: t.exposeString('version', { description: 'The version, e.g. 8.1.3.200' }),
    stable: t.exposeBoolean('stable', { description: 'A stable release rather than a preview' }),
    rawRole: t.exposeString('rawRole', { nullable: true, description: 'The vendor’s word: STABLE or PREVIEW' }),
    minCoordinators: t.exposeInt('minCoordinators', { nullable: true, description: 'Fewest coordinator nodes (CNs) it allows' }),
    maxCoordinators: t.exposeInt('maxCoordinators', { nullable: true, description: 'Most coordinator nodes (CNs) it allows' }),
  }),
});

const StorageRef = builder.objectRef<NonNullable<DwsNodeType['storage']>>('DwsStorage').implement({
  description: 'Fixed storage per node',
  fields: (t) => ({
    type: t.exposeString('type', { nullable: true, description: 'The disk type, e.g. SSD' }),
    sizeBytes: t.exposeFloat('sizeBytes', { nullable: true, description: 'Its size in bytes (a Float: sizes pass 2^31)' }),
  }),
});

const ElasticStorageRef = builder.objectRef<DwsNodeType['elasticStorage'][number]>('DwsElasticStorage').implement({
  description: 'Elastic storage a node can have: any size from the least to the most, in steps',
  fields: (t) => ({
    type: t.exposeString('type', { nullable: true, description: 'The cloud disk type, e.g. SSD' }),
    minBytes: t.exposeFloat('minBytes', { nullable: true, description: 'The least, in bytes' }),
    maxBytes: t.exposeFloat('maxBytes', { nullable: true, description: 'The most, in bytes' }),
    stepBytes: t.exposeFloat('stepBytes', { nullable: true, description: 'The increment, in bytes' }),
  }),
});

const NodeTypeRef = builder.objectRef<DwsNodeType>('DwsNodeType').implement({
  description: 'A node flavor a DWS cluster can be built of',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The flavor’s id: what createCluster’s `dws.nodeType` takes' }),
    specName: t.exposeString('specName', { description: 'Its name, e.g. dws.m3.xlarge' }),
    product: t.exposeString('product', { nullable: true, description: 'dws (cloud data warehouse) or hybrid (hybrid data warehouse)' }),
    architecture: t.exposeString('architecture', { nullable: true, description: 'x86 or arm' }),
    vcpus: t.exposeInt('vcpus', { nullable: true, description: 'Virtual CPUs per node' }),
    memoryBytes: t.exposeFloat('memoryBytes', { nullable: true, description: 'Memory per node, in bytes' }),
    zones: t.field({ type: [NodeTypeZoneRef], description: 'The zones that offer it, and whether each has any left', resolve: (n) => n.zones }),
    versions: t.field({ type: [KernelVersionRef], description: 'The kernel versions it runs', resolve: (n) => n.versions }),
    storage: t.field({ type: StorageRef, nullable: true, description: 'Fixed storage per node; null for elastic storage', resolve: (n) => n.storage }),
    elasticStorage: t.field({ type: [ElasticStorageRef], description: 'Elastic storage per node, where it has any', resolve: (n) => n.elasticStorage }),
  }),
});

const QuotaRef = builder.objectRef<DwsQuota>('DwsQuota').implement({
  description: 'One of the DWS project’s quotas and how much of it is used',
  fields: (t) => ({
    resource: t.exposeString('resource', { description: 'What it counts, in the vendor’s words: instances, core, ram, disk, disk_capacity' }),
    used: t.exposeInt('used', { description: 'How much is used' }),
    limit: t.exposeInt('limit', { description: 'How much the project may use' }),
    remaining: t.int({ description: 'How much more a new cluster may take (never below 0)', resolve: (q) => Math.max(0, q.limit - q.used) }),
    unit: t.exposeString('unit', { nullable: true, description: 'GB for sizes; null for counts' }),
  }),
});

const DwsSourceRef = builder.objectRef<VendorRoot<DwsVendor>>('DwsSource').implement({
  description: 'What a DWS source has beyond the unified lists: what a createCluster form offers',
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', { description: 'The source, by the id the config gives it' }),
    availabilityZones: t.field({
      type: [AvailabilityZoneRef],
      description: 'The availability zones of the project’s region, in the vendor’s order',
      resolve: (root, _args, ctx) => root.vendor.availabilityZones(ctx.scope),
    }),
    nodeTypes: t.field({
      type: [NodeTypeRef],
      description: 'The node flavors, in the vendor’s order, with the zones that sell each and its kernel versions',
      resolve: (root, _args, ctx) => root.vendor.nodeTypes(ctx.scope),
    }),
    quotas: t.field({
      type: [QuotaRef],
      description: 'The project’s quotas, which a new cluster’s nodes count against',
      resolve: (root, _args, ctx) => root.vendor.quotas(ctx.scope),
    }),
  }),
});

builder.queryFields((t) => ({
  dws: t.field({
    type: DwsSourceRef,
    description: 'A DWS source’s own capabilities (what its create form offers), by its config id',
    args: { sourceId: t.arg.string({ required: true, description: 'A DWS source’s id from the config' }) },
    resolve: (_root, args, ctx) => vendorRoot<DwsVendor>(ctx, args.sourceId, 'dws', 'DWS'),
  }),
}));

builder.mutationFields((t) => ({
  dwsResetPassword: t.field({
    ...mutationOptions,
    description: 'Gives a DWS cluster’s database administrator a new password; done when DWS answers (no workflow). The password goes to the vendor only.',
    args: {
      id: t.arg.id({ required: true, description: 'The cluster' }),
      newPassword: t.arg.string({
        required: true,
        description: '12 to 32 characters, three of: uppercase, lowercase, digits, special characters; not the administrator’s name either way round',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetWith(ctx, 'id', String(args.id), 'Cluster', vendorOf<DwsVendor>('dws', 'dwsResetPassword'));
      return payload(target.adapter, await target.run.resetPassword(ctx.scope, target.nativeId, args.newPassword));
    },
  }),
  dwsCancelReadOnly: t.field({
    ...mutationOptions,
    description: 'Ends the read-only state DWS puts a cluster in when its disks fill up (clusters of version 1.7.2 or later); done when DWS answers',
    args: { id: t.arg.id({ required: true, description: 'The cluster' }) },
    resolve: async (_root, args, ctx) => {
      const target = await targetWith(ctx, 'id', String(args.id), 'Cluster', vendorOf<DwsVendor>('dws', 'dwsCancelReadOnly'));
      return payload(target.adapter, await target.run.cancelReadOnly(ctx.scope, target.nativeId));
    },
  }),
}));
