import type { GatewayContext } from '../../../context.js';
import type { Attachment } from '../../../sources/dcos/client.js';
import { PROVIDER_TYPES } from '../../../sources/dcos/inputs.js';
import type { DcosComponent, DcosProvider, DcosPublicKey, DcosRegistry, DcosSmtpServer } from '../../../sources/dcos/map.js';
import type { DcosVendor } from '../../../sources/dcos/vendor.js';
import { builder } from '../../builder.js';
import { payload, targetWith, withoutNulls } from '../../operations.js';
import { mutationOptions } from '../mutations/payload.js';
import { type VendorRoot, vendorOf, vendorRoot, vendorSource } from './root.js';

const ComponentRef = builder.objectRef<DcosComponent>('DcosComponent').implement({
  description: 'One DC/OS system component (a container such as marathon or mesosslave) on one node, and its health',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The component, by its image name' }),
    healthy: t.exposeBoolean('healthy', { description: 'Whether the vendor reports it healthy' }),
    rawStatus: t.exposeString('rawStatus', { description: 'The vendor’s word: Healthy or UnHealthy' }),
  }),
});

/** What `Host.details` answers for a DC/OS host: the host's cluster and addresses, and the vendor to ask. */
export interface DcosHostDetailsRoot {
  kind: 'dcos';
  clusterNativeId: string;
  addresses: readonly string[];
  vendor: DcosVendor;
}

export const DcosHostDetailsRef = builder.objectRef<DcosHostDetailsRoot>('DcosHostDetails').implement({
  description: 'What only DC/OS knows about a node: the health of the system components on it',
  fields: (t) => ({
    components: t.field({
      type: [ComponentRef],
      nullable: true,
      description:
        'The DC/OS components on this node with their health (one vendor call per cluster and request); empty while its cluster has no running master (installing, failed, terminated); null, with an error, where the call failed',
      resolve: (d, _args, ctx) => d.vendor.hostComponents(ctx.scope, d.clusterNativeId, d.addresses),
    }),
  }),
});

const RegistryRef = builder.objectRef<DcosRegistry>('DcosDockerRegistry').implement({
  description: 'A docker registry DC/OS clusters may pull from (its password is never shown)',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s id: what registryIds and registryId take' }),
    name: t.exposeString('name', { description: 'Its name' }),
    address: t.exposeString('address', { description: 'host[:port], as docker names it' }),
    secure: t.exposeBoolean('secure', { description: 'Whether it is reached over TLS' }),
    username: t.exposeString('username', { nullable: true, description: 'The user clusters log in as, if any' }),
    inUse: t.exposeBoolean('inUse', { description: 'Whether a live cluster pulls from it (it cannot be deleted then)' }),
    system: t.exposeBoolean('system', { description: 'Whether it is a system registry' }),
    ownerId: t.exposeString('ownerId', { nullable: true, description: 'The vendor user it belongs to' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was added' }),
  }),
});

const PublicKeyRef = builder.objectRef<DcosPublicKey>('DcosPublicKey').implement({
  description: 'An SSH public key DC/OS installs on the nodes of the clusters it is attached to',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s id: what publicKeyIds takes' }),
    name: t.exposeString('name', { description: 'Its name, unique among its owner’s keys' }),
    value: t.exposeString('value', { description: 'The OpenSSH public key line (ssh-rsa AAAA... comment)' }),
    owner: t.exposeString('owner', { nullable: true, description: 'The vendor user name it belongs to' }),
    ownerId: t.exposeString('ownerId', { nullable: true, description: 'The vendor user id it belongs to' }),
    inUse: t.exposeBoolean('inUse', { description: 'Whether a live cluster has it installed' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was added' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
  }),
});

const SmtpServerRef = builder.objectRef<DcosSmtpServer>('DcosSmtpServer').implement({
  description: 'An SMTP server DC/OS sends alert mail through (its password is never shown)',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s id: what smtpServerId takes' }),
    user: t.exposeString('user', { description: 'The account mail is sent as' }),
    address: t.exposeString('address', { description: 'host[:port]' }),
  }),
});

const ProviderTypeEnum = builder.enumType('DcosProviderType', {
  description: 'The cloud platforms DC/OS creates nodes on (docker-machine drivers)',
  values: {
    OPENSTACK: { value: PROVIDER_TYPES.OPENSTACK, description: 'OpenStack' },
    AMAZONEC2: { value: PROVIDER_TYPES.AMAZONEC2, description: 'Amazon EC2' },
    GOOGLE: { value: PROVIDER_TYPES.GOOGLE, description: 'Google Compute Engine' },
  } as const,
});

const ProviderRef = builder.objectRef<DcosProvider>('DcosProvider').implement({
  description: 'A cloud platform account DC/OS can create a cluster’s nodes on, as a create form shows it (never its credentials)',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s id' }),
    name: t.exposeString('name', { description: 'Its name' }),
    type: t.expose('type', { type: ProviderTypeEnum, description: 'The platform' }),
    sshUser: t.exposeString('sshUser', { nullable: true, description: 'The user DC/OS logs in to new nodes as' }),
    inUse: t.exposeBoolean('inUse', { description: 'Whether a live cluster has nodes on it' }),
    location: t.exposeString('location', { nullable: true, description: 'The EC2 region or Google zone; null for OpenStack' }),
    machineType: t.exposeString('machineType', { nullable: true, description: 'The OpenStack flavor, EC2 instance type or Google machine type' }),
    image: t.exposeString('image', { nullable: true, description: 'The OpenStack image, EC2 AMI or Google machine image' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was added' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
  }),
});

const DcosSourceRef = builder.objectRef<VendorRoot<DcosVendor>>('DcosSource').implement({
  description: 'What a DC/OS source has beyond the unified lists: the docker registries, SSH keys and cloud providers clusters draw on, and its SMTP servers',
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', { description: 'The source, by the id the config gives it' }),
    dockerRegistries: t.field({
      type: [RegistryRef],
      description: 'The docker registry catalogue, in the vendor’s order (one vendor call)',
      resolve: (root, _args, ctx) => root.vendor.registries(ctx.scope),
    }),
    publicKeys: t.field({
      type: [PublicKeyRef],
      description: 'The SSH public keys, in the vendor’s order (one vendor call)',
      resolve: (root, _args, ctx) => root.vendor.publicKeys(ctx.scope),
    }),
    smtpServers: t.field({
      type: [SmtpServerRef],
      description: 'The SMTP servers alert mail goes out through (one vendor call)',
      resolve: (root, _args, ctx) => root.vendor.smtpServers(ctx.scope),
    }),
    providers: t.field({
      type: [ProviderRef],
      description: 'The cloud providers clusters can be created on, in the vendor’s order (one vendor call)',
      args: { type: t.arg({ type: ProviderTypeEnum, description: 'Only providers of this platform' }) },
      resolve: (root, args, ctx) => root.vendor.providers(ctx.scope, args.type ?? undefined),
    }),
  }),
});

builder.queryFields((t) => ({
  dcos: t.field({
    type: DcosSourceRef,
    description: 'A DC/OS source’s own capabilities (registries, SSH keys, providers, SMTP), by its config id',
    args: { sourceId: t.arg.string({ required: true, description: 'A DC/OS source’s id from the config' }) },
    resolve: (_root, args, ctx) => vendorRoot<DcosVendor>(ctx, args.sourceId, 'dcos', 'DC/OS'),
  }),
}));

/** The DC/OS vendor of the source `sourceId` for a mutation addressed by source. */
const dcosSource = (ctx: GatewayContext, sourceId: string, operation: string) => vendorSource<DcosVendor>(ctx, sourceId, 'dcos', operation);

const RegistryInput = builder.inputType('DcosDockerRegistryInput', {
  description: 'A docker registry to add to a DC/OS source’s catalogue',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Its name, unique among its owner’s registries' }),
    address: t.string({ required: true, description: 'host[:port][/path], e.g. 192.168.10.95:5000' }),
    system: t.boolean({ description: 'Whether it is a system registry; absent: false' }),
    secure: t.boolean({ description: 'Whether it is reached over TLS' }),
    username: t.string({ description: 'The user clusters log in as' }),
    password: t.string({ description: 'That user’s password; sent to the vendor only' }),
    caText: t.string({ description: 'The CA certificate (PEM) that signed its certificate' }),
    ownerId: t.string({ description: 'The vendor user it belongs to; absent: whom the source’s credentials act as' }),
  }),
});

const PublicKeyInput = builder.inputType('DcosPublicKeyInput', {
  description: 'An SSH public key to add to a DC/OS source',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Its name, unique among its owner’s keys' }),
    value: t.string({ required: true, description: 'The OpenSSH public key line (ssh-rsa AAAA... comment); never a private key' }),
    ownerId: t.string({ description: 'The vendor user it belongs to; absent: whom the source’s credentials act as' }),
  }),
});

const SmtpInput = builder.inputType('DcosSmtpServerInput', {
  description: 'An SMTP server’s settings',
  fields: (t) => ({
    user: t.string({ required: true, description: 'The account mail is sent as' }),
    address: t.string({ required: true, description: 'host[:port], e.g. smtp.example.com:465; one server per address' }),
    password: t.string({ required: true, description: 'The account’s password; sent to the vendor only' }),
  }),
});

/** Attaches (or detaches) catalogue entries to (or from) the cluster `clusterId`, checked as every mutation's target is. */
async function changeAttachments(ctx: GatewayContext, operation: string, clusterId: string, what: Attachment, ids: readonly string[], attach: boolean) {
  const target = await targetWith(ctx, 'clusterId', clusterId, 'Cluster', vendorOf<DcosVendor>('dcos', operation));
  return payload(target.adapter, await target.run.attach(ctx.scope, target.nativeId, what, ids, attach));
}

const SOURCE_ID = { required: true, description: 'A DC/OS source’s id from the config' } as const;
const CLUSTER_ID = { required: true, description: 'The DC/OS cluster' } as const;
const REGISTRY_IDS = { required: true, description: 'Registries’ native ids, from dcos(sourceId:) { dockerRegistries }' } as const;
const PUBLIC_KEY_IDS = { required: true, description: 'Keys’ native ids, from dcos(sourceId:) { publicKeys }' } as const;

builder.mutationFields((t) => ({
  dcosCreateDockerRegistry: t.field({
    ...mutationOptions,
    description: 'Adds a docker registry to a DC/OS source’s catalogue; find it in dcos(sourceId:) { dockerRegistries } by its name',
    args: { sourceId: t.arg.string(SOURCE_ID), input: t.arg({ type: RegistryInput, required: true, description: 'The registry' }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, vendor } = dcosSource(ctx, args.sourceId, 'dcosCreateDockerRegistry');
      return payload(adapter, await vendor.createRegistry(ctx.scope, withoutNulls(args.input)));
    },
  }),
  dcosDeleteDockerRegistry: t.field({
    ...mutationOptions,
    description: 'Removes a docker registry from the catalogue; DC/OS refuses while a live cluster pulls from it (detach it first)',
    args: { sourceId: t.arg.string(SOURCE_ID), registryId: t.arg.string({ required: true, description: 'The registry’s native id' }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, vendor } = dcosSource(ctx, args.sourceId, 'dcosDeleteDockerRegistry');
      return payload(adapter, await vendor.deleteRegistry(ctx.scope, args.registryId));
    },
  }),
  dcosAddClusterDockerRegistries: t.field({
    ...mutationOptions,
    description: 'Lets a DC/OS cluster pull from these registries of the catalogue; ones it has already stay as they are',
    args: { clusterId: t.arg.id(CLUSTER_ID), registryIds: t.arg.stringList(REGISTRY_IDS) },
    resolve: (_root, args, ctx) => changeAttachments(ctx, 'dcosAddClusterDockerRegistries', String(args.clusterId), 'registry', args.registryIds, true),
  }),
  dcosRemoveClusterDockerRegistries: t.field({
    ...mutationOptions,
    description: 'Stops a DC/OS cluster pulling from these registries; each must be one it has',
    args: { clusterId: t.arg.id(CLUSTER_ID), registryIds: t.arg.stringList(REGISTRY_IDS) },
    resolve: (_root, args, ctx) => changeAttachments(ctx, 'dcosRemoveClusterDockerRegistries', String(args.clusterId), 'registry', args.registryIds, false),
  }),
  dcosAddPublicKey: t.field({
    ...mutationOptions,
    description: 'Adds an SSH public key to a DC/OS source; find it in dcos(sourceId:) { publicKeys } by its name',
    args: { sourceId: t.arg.string(SOURCE_ID), input: t.arg({ type: PublicKeyInput, required: true, description: 'The key' }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, vendor } = dcosSource(ctx, args.sourceId, 'dcosAddPublicKey');
      return payload(adapter, await vendor.addPublicKey(ctx.scope, withoutNulls(args.input)));
    },
  }),
  dcosAddClusterPublicKeys: t.field({
    ...mutationOptions,
    description: 'Installs these SSH public keys on a DC/OS cluster’s nodes; ones it has already stay as they are',
    args: { clusterId: t.arg.id(CLUSTER_ID), publicKeyIds: t.arg.stringList(PUBLIC_KEY_IDS) },
    resolve: (_root, args, ctx) => changeAttachments(ctx, 'dcosAddClusterPublicKeys', String(args.clusterId), 'pubkey', args.publicKeyIds, true),
  }),
  dcosRemoveClusterPublicKeys: t.field({
    ...mutationOptions,
    description: 'Removes these SSH public keys from a DC/OS cluster’s nodes; each must be one it has',
    args: { clusterId: t.arg.id(CLUSTER_ID), publicKeyIds: t.arg.stringList(PUBLIC_KEY_IDS) },
    resolve: (_root, args, ctx) => changeAttachments(ctx, 'dcosRemoveClusterPublicKeys', String(args.clusterId), 'pubkey', args.publicKeyIds, false),
  }),
  dcosSetSmtpServer: t.field({
    ...mutationOptions,
    authScopes: { admin: true },
    description:
      'Adds an SMTP server for a DC/OS source’s alert mail, or with smtpServerId replaces that one’s settings (admin role: it governs the whole source)',
    args: {
      sourceId: t.arg.string(SOURCE_ID),
      smtpServerId: t.arg.string({ description: 'The server to change; absent: a new one' }),
      input: t.arg({ type: SmtpInput, required: true, description: 'Its settings, all of them' }),
    },
    resolve: async (_root, args, ctx) => {
      const { adapter, vendor } = dcosSource(ctx, args.sourceId, 'dcosSetSmtpServer');
      return payload(adapter, await vendor.setSmtpServer(ctx.scope, args.smtpServerId ?? undefined, args.input));
    },
  }),
  dcosDeleteSmtpServer: t.field({
    ...mutationOptions,
    authScopes: { admin: true },
    description: 'Removes an SMTP server from a DC/OS source (admin role)',
    args: { sourceId: t.arg.string(SOURCE_ID), smtpServerId: t.arg.string({ required: true, description: 'The server’s native id' }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, vendor } = dcosSource(ctx, args.sourceId, 'dcosDeleteSmtpServer');
      return payload(adapter, await vendor.deleteSmtpServer(ctx.scope, args.smtpServerId));
    },
  }),
}));
