import { builder } from '../../builder.js';
import { LabelInput } from '../common.js';

/** Per-vendor blocks of createCluster: only the block of the target source's kind is read. */
const TiemComponentInput = builder.inputType('TiemComponentInput', {
  description: 'One component of a TiDB cluster and how many instances of it',
  fields: (t) => ({
    type: t.string({ required: true, description: 'TiDB, TiKV, PD, TiFlash, CDC, ...' }),
    count: t.int({ required: true, description: 'Instances of it' }),
    spec: t.string({ required: true, description: 'Instance size, e.g. 4C8G' }),
    zone: t.string({ required: true, description: 'Zone the instances go to' }),
    diskType: t.string({ description: 'NVMeSSD, SSD or SATA; absent: the service’s default' }),
    diskCapacityGb: t.int({ description: 'Disk per instance, in GB; absent: the service’s default' }),
  }),
});

export const TiemClusterInput = builder.inputType('TiemClusterInput', {
  description: 'createCluster’s parameters for a TiEM source',
  fields: (t) => ({
    clusterType: t.string({ defaultValue: 'TiDB', description: 'The product to install' }),
    dbUser: t.string({ description: 'The database’s root user; absent: the service’s default' }),
    dbPassword: t.string({ required: true, description: 'Password of the database’s root user; sent to the vendor only' }),
    cpuArchitecture: t.string({ description: 'X86_64 or ARM' }),
    copies: t.int({ description: 'Data replicas; absent: the service’s default' }),
    tls: t.boolean({ description: 'Serve clients over TLS' }),
    exclusive: t.boolean({ description: 'Give the cluster hosts of its own' }),
    vendor: t.string({ description: 'The resource vendor the hosts come from, as TiEM names it' }),
    components: t.field({ type: [TiemComponentInput], required: true, description: 'The components to install' }),
  }),
});

export const DwsClusterInput = builder.inputType('DwsClusterInput', {
  description: 'createCluster’s parameters for a DWS source',
  fields: (t) => ({
    nodeType: t.string({ required: true, description: 'Node flavor, e.g. dws.m3.xlarge' }),
    nodes: t.int({ required: true, description: 'Data nodes' }),
    coordinators: t.int({ description: 'Coordinator nodes (CNs); absent: the vendor’s default' }),
    vpcId: t.string({ required: true, description: 'The VPC the cluster joins' }),
    subnetId: t.string({ required: true, description: 'Its subnet in that VPC' }),
    securityGroupId: t.string({ required: true, description: 'The security group its nodes get' }),
    availabilityZone: t.string({ required: true, description: 'The availability zone, e.g. cn-north-4a' }),
    adminUser: t.string({ required: true, description: 'The database administrator’s name' }),
    adminPassword: t.string({ required: true, description: 'The administrator’s password; sent to the vendor only' }),
    port: t.int({ description: 'The database port, 8000 to 30000; absent: the vendor’s default' }),
    publicIp: t.boolean({ description: 'Bind a public IP address' }),
  }),
});

export const HostSpecInput = builder.inputType('HostSpecInput', {
  description: 'A machine DC/OS installs onto, and how to log in to it',
  fields: (t) => ({
    ip: t.string({ required: true, description: 'Its IP address' }),
    sshUser: t.string({ description: 'The SSH user; absent: the vendor’s default' }),
    privateKey: t.string({ description: 'Sent to the vendor only; never returned or logged' }),
  }),
});

export const DcosClusterInput = builder.inputType('DcosClusterInput', {
  description: 'createCluster’s parameters for a DC/OS source',
  fields: (t) => ({
    type: t.string({ description: 'compact or ha' }),
    ownerId: t.string({ description: 'The DC/OS user who owns it; absent: the user the source logs in as' }),
    masters: t.field({ type: [HostSpecInput], required: true, description: 'Master hosts' }),
    shared: t.field({ type: [HostSpecInput], description: 'Shared (public agent) hosts' }),
    slaves: t.field({ type: [HostSpecInput], description: 'Agent hosts' }),
  }),
});

export const HciClusterInput = builder.inputType('HciClusterInput', {
  description: 'createCluster’s parameters for an HCI source',
  fields: (t) => ({
    centerIp: t.string({ required: true, description: 'Address of the cluster’s center node, which the platform joins' }),
    description: t.string({ description: 'Free text kept with the cluster' }),
  }),
});

export const CreateClusterInput = builder.inputType('CreateClusterInput', {
  description: 'A cluster to create: common fields, and the block for the source’s kind (the others are ignored)',
  fields: (t) => ({
    sourceId: t.string({ required: true, description: 'The source to create it on, by its config id' }),
    name: t.string({ required: true, description: 'The cluster’s name' }),
    version: t.string({ description: 'Software version to install; absent: the vendor’s default' }),
    region: t.string({ description: 'Region, where the vendor has regions' }),
    zone: t.string({ description: 'Availability zone, where the vendor has zones' }),
    labels: t.field({ type: [LabelInput], description: 'Labels or tags to give it, where the vendor has them' }),
    tiem: t.field({ type: TiemClusterInput, description: 'For a TiEM source' }),
    dws: t.field({ type: DwsClusterInput, description: 'For a DWS source' }),
    dcos: t.field({ type: DcosClusterInput, description: 'For a DC/OS source' }),
    hci: t.field({ type: HciClusterInput, description: 'For an HCI source' }),
  }),
});

export const ScaleClusterInput = builder.inputType('ScaleClusterInput', {
  description: 'What to change in a cluster’s size; give at least one field',
  fields: (t) => ({
    nodeCount: t.int({ description: 'Data nodes wanted in total (DWS resize / shrink)' }),
    coordinatorCount: t.int({ description: 'Coordinator nodes wanted in total (DWS CNs)' }),
    addHosts: t.field({ type: [HostSpecInput], description: 'Hosts to add (DC/OS)' }),
    removeHostIds: t.idList({ description: 'Host ids to remove (DC/OS)' }),
  }),
});

export const TakeOverClusterInput = builder.inputType('TakeOverClusterInput', {
  description: 'An existing TiDB cluster for TiEM to manage, and how to reach the host that controls it',
  fields: (t) => ({
    sourceId: t.string({ required: true, description: 'The TiEM source, by its config id' }),
    name: t.string({ required: true, description: 'The cluster’s name, as TiUP knows it' }),
    dbPassword: t.string({ required: true, description: 'Password of the database’s root user' }),
    controlHostIp: t.string({ required: true, description: 'The host TiUP runs on' }),
    controlHostPort: t.int({ defaultValue: 22, description: 'Its SSH port' }),
    controlHostUser: t.string({ required: true, description: 'The SSH user' }),
    controlHostPassword: t.string({ required: true, description: 'The SSH password; sent to the vendor only' }),
    tiupPath: t.string({ defaultValue: '.tiup/', description: 'Where TiUP lives on that host, relative to the user’s home' }),
  }),
});
