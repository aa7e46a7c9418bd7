import { builder } from '../../builder.js';
import { LabelInput } from '../common.js';

/** Per-vendor blocks of createCluster: only the block of the target source's kind is read. */
const TiemComponentInput = builder.inputType('TiemComponentInput', {
  fields: (t) => ({
    type: t.string({ required: true, description: 'TiDB, TiKV, PD, TiFlash, CDC, ...' }),
    count: t.int({ required: true }),
    spec: t.string({ required: true, description: 'e.g. 4C8G' }),
    zone: t.string({ required: true }),
    diskType: t.string({ description: 'NVMeSSD, SSD or SATA' }),
    diskCapacityGb: t.int(),
  }),
});

export const TiemClusterInput = builder.inputType('TiemClusterInput', {
  fields: (t) => ({
    clusterType: t.string({ defaultValue: 'TiDB' }),
    dbUser: t.string(),
    dbPassword: t.string({ required: true }),
    cpuArchitecture: t.string({ description: 'X86_64 or ARM' }),
    copies: t.int(),
    tls: t.boolean(),
    exclusive: t.boolean(),
    vendor: t.string(),
    components: t.field({ type: [TiemComponentInput], required: true }),
  }),
});

export const DwsClusterInput = builder.inputType('DwsClusterInput', {
  fields: (t) => ({
    nodeType: t.string({ required: true, description: 'Node flavor, e.g. dws.m3.xlarge' }),
    nodes: t.int({ required: true }),
    coordinators: t.int(),
    vpcId: t.string({ required: true }),
    subnetId: t.string({ required: true }),
    securityGroupId: t.string({ required: true }),
    availabilityZone: t.string({ required: true }),
    adminUser: t.string({ required: true }),
    adminPassword: t.string({ required: true }),
    port: t.int(),
    publicIp: t.boolean(),
  }),
});

export const HostSpecInput = builder.inputType('HostSpecInput', {
  fields: (t) => ({
    ip: t.string({ required: true }),
    sshUser: t.string(),
    privateKey: t.string({ description: 'Sent to the vendor only; never returned or logged' }),
  }),
});

export const DcosClusterInput = builder.inputType('DcosClusterInput', {
  fields: (t) => ({
    type: t.string({ description: 'compact or ha' }),
    ownerId: t.string(),
    masters: t.field({ type: [HostSpecInput], required: true }),
    shared: t.field({ type: [HostSpecInput] }),
    slaves: t.field({ type: [HostSpecInput] }),
  }),
});

export const HciClusterInput = builder.inputType('HciClusterInput', {
  fields: (t) => ({ centerIp: t.string({ required: true }), description: t.string() }),
});

export const CreateClusterInput = builder.inputType('CreateClusterInput', {
  fields: (t) => ({
    sourceId: t.string({ required: true }),
    name: t.string({ required: true }),
    version: t.string(),
    region: t.string(),
    zone: t.string(),
    labels: t.field({ type: [LabelInput] }),
    tiem: t.field({ type: TiemClusterInput }),
    dws: t.field({ type: DwsClusterInput }),
    dcos: t.field({ type: DcosClusterInput }),
    hci: t.field({ type: HciClusterInput }),
  }),
});

export const ScaleClusterInput = builder.inputType('ScaleClusterInput', {
  fields: (t) => ({
    nodeCount: t.int({ description: 'Data nodes wanted in total (DWS resize / shrink)' }),
    coordinatorCount: t.int({ description: 'Coordinator nodes wanted in total (DWS CNs)' }),
    addHosts: t.field({ type: [HostSpecInput], description: 'Hosts to add (DC/OS)' }),
    removeHostIds: t.idList({ description: 'Host ids to remove (DC/OS)' }),
  }),
});

export const TakeOverClusterInput = builder.inputType('TakeOverClusterInput', {
  fields: (t) => ({
    sourceId: t.string({ required: true }),
    name: t.string({ required: true }),
    dbPassword: t.string({ required: true }),
    controlHostIp: t.string({ required: true }),
    controlHostPort: t.int({ defaultValue: 22 }),
    controlHostUser: t.string({ required: true }),
    controlHostPassword: t.string({ required: true }),
    tiupPath: t.string({ defaultValue: '.tiup/' }),
  }),
});
