import type { GatewayContext } from '../../../context.js';
import { type BUSINESS_STATUSES, type USER_STATUSES, WORKLOADS } from '../../../sources/otestack/inputs.js';
import type { OteApplication, OteBusiness, OteExternalRepository, OteImage, OteImageProject, OteImageTag, OteUser } from '../../../sources/otestack/map.js';
import { CHART_MAX_BYTES } from '../../../sources/otestack/requests.js';
import type { OtestackVendor } from '../../../sources/otestack/vendor.js';
import { builder } from '../../builder.js';
import type { OperationResult } from '../../../model/operations.js';
import { payload, sourceOf, withoutNulls } from '../../operations.js';
import { mutationOptions } from '../mutations/payload.js';
import { type VendorRoot, vendorOf, vendorRoot } from './root.js';

/** A record of a list that reads more on demand (an image's tags, a business's detail): the record and the vendor to ask. */
type Asking<T> = T & { vendor: OtestackVendor };
const asking = <T extends object>(vendor: OtestackVendor, items: T[]): Asking<T>[] => items.map((item) => ({ ...item, vendor }));

const PortRef = builder.objectRef<OteApplication['ports'][number]>('OtestackPort').implement({
  description: 'A port an application exposes',
  fields: (t) => ({
    port: t.exposeInt('port', { description: 'The container port' }),
    hostPort: t.exposeInt('hostPort', { nullable: true, description: 'The node port it is published on, if any' }),
  }),
});

const DependencyRef = builder.objectRef<OteApplication['dependencies'][number]>('OtestackDependency').implement({
  description: 'A service an application is reached by or calls',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The image or application it names' }),
    service: t.exposeString('service', { nullable: true, description: 'Its in-cluster service name' }),
    port: t.exposeInt('port', { nullable: true, description: 'The port it is reached on' }),
  }),
});

const ApplicationRef = builder.objectRef<OteApplication>('OtestackApplication').implement({
  description: 'One version of an application in an OTE-stack catalogue: what createDeployment’s application and version name',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { nullable: true, description: 'The vendor’s id of this application version' }),
    name: t.exposeString('name', { description: 'The application’s name (createDeployment’s `application`)' }),
    version: t.exposeString('version', { description: 'This version (createDeployment’s `version`)' }),
    workload: t.exposeString('workload', { nullable: true, description: 'How it runs: "deployment" (replicas) or "daemonset" (one per node)' }),
    image: t.exposeString('image', { nullable: true, description: 'The container image with its tag' }),
    project: t.exposeString('project', { nullable: true, description: 'The image project it belongs to' }),
    repository: t.exposeString('repository', { nullable: true, description: 'The repository whose pull secret it uses' }),
    replicas: t.exposeInt('replicas', { nullable: true, description: 'Default replicas per cluster' }),
    minReplicas: t.exposeInt('minReplicas', { nullable: true, description: 'Fewest replicas when autoscaled' }),
    maxReplicas: t.exposeInt('maxReplicas', { nullable: true, description: 'Most replicas when autoscaled' }),
    autoscaled: t.exposeBoolean('autoscaled', { description: 'Whether a horizontal pod autoscaler sizes it' }),
    ports: t.field({ type: [PortRef], description: 'The ports it exposes', resolve: (a) => a.ports }),
    dependencies: t.field({ type: [DependencyRef], description: 'The services it is reached by or calls', resolve: (a) => a.dependencies }),
    minCpuCores: t.exposeFloat('minCpuCores', { nullable: true, description: 'CPU each pod is guaranteed, in cores' }),
    maxCpuCores: t.exposeFloat('maxCpuCores', { nullable: true, description: 'CPU each pod may use at most, in cores' }),
    gpus: t.exposeInt('gpus', { nullable: true, description: 'GPUs each pod is given' }),
    minMemoryBytes: t.exposeFloat('minMemoryBytes', { nullable: true, description: 'Memory each pod is guaranteed, in bytes' }),
    maxMemoryBytes: t.exposeFloat('maxMemoryBytes', { nullable: true, description: 'Memory each pod may use at most, in bytes' }),
    maxUnavailable: t.exposeInt('maxUnavailable', { nullable: true, description: 'Pods that may be down at once during an upgrade' }),
    maxSurge: t.exposeInt('maxSurge', { nullable: true, description: 'Pods that may run above the count during an upgrade' }),
    minReadySeconds: t.exposeInt('minReadySeconds', { nullable: true, description: 'Seconds a new pod must be ready before an upgrade goes on' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When this version was added' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
  }),
});

const ImageProjectRef = builder.objectRef<OteImageProject>('OtestackImageProject').implement({
  description: 'A project of the platform’s image repository (Harbor): where images are pushed',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s id: what otestackDeleteImageProject takes' }),
    name: t.exposeString('name', { description: 'Its name: what images(projectName:) takes, and the first part of its images’ names' }),
    public: t.exposeBoolean('public', { nullable: true, description: 'Whether anyone may pull its images' }),
    imageCount: t.exposeInt('imageCount', { nullable: true, description: 'How many images it holds' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was created' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
  }),
});

const ImageTagRef = builder.objectRef<OteImageTag>('OtestackImageTag').implement({
  description: 'One tag of an image',
  fields: (t) => ({
    tag: t.exposeString('tag', { description: 'The tag' }),
    reference: t.exposeString('reference', { nullable: true, description: 'The image’s address with this tag: what an application’s image takes' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was pushed' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
  }),
});

const ImageRef = builder.objectRef<Asking<OteImage>>('OtestackImage').implement({
  description: 'An image of the platform’s image repository, with its tags',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'project/repository: what the image mutations take' }),
    project: t.exposeString('project', { nullable: true, description: 'The project it is in' }),
    public: t.exposeBoolean('public', { nullable: true, description: 'Whether anyone may pull it' }),
    address: t.exposeString('address', { nullable: true, description: 'Its registry address, without a tag' }),
    tags: t.field({
      type: [ImageTagRef],
      description: 'Its tags (one vendor call per image, made only when selected)',
      resolve: (image, _args, ctx) => image.vendor.imageTags(ctx.scope, image.name),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was first pushed' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
  }),
});

const ExternalRepositoryRef = builder.objectRef<OteExternalRepository>('OtestackExternalRepository').implement({
  description: 'A registry outside the platform that applications pull from with a stored login (its password is never shown)',
  fields: (t) => ({
    repositoryId: t.exposeString('repositoryId', { description: 'Its unique name: what an application’s repositoryId takes' }),
    address: t.exposeString('address', { nullable: true, description: 'The registry’s address' }),
    user: t.exposeString('user', { nullable: true, description: 'The user images are pulled as' }),
  }),
});

const UserStatusEnum = builder.enumType('OtestackUserStatus', {
  description: 'Where an OTE-stack user’s account stands ("Audit User")',
  values: {
    PENDING: { value: 'PENDING', description: 'Registered, waiting for the system administrator' },
    APPROVED: { value: 'APPROVED', description: 'May log in' },
    NOT_APPROVED: { value: 'NOT_APPROVED', description: 'Registration refused' },
    FORBIDDEN: { value: 'FORBIDDEN', description: 'Shut out' },
  } as const satisfies Record<keyof typeof USER_STATUSES, unknown>,
});

const UserRef = builder.objectRef<OteUser>('OtestackUser').implement({
  description: 'A user of the OTE-stack platform (never its password)',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s id: what the user mutations take' }),
    name: t.exposeString('name', { description: 'The login name' }),
    realName: t.exposeString('realName', { nullable: true, description: 'The person’s name' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Their phone number' }),
    status: t.expose('status', { type: UserStatusEnum, nullable: true, description: 'Where the account stands; null for a code the document does not list' }),
    rawStatus: t.exposeInt('rawStatus', { description: 'The vendor’s status code' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was created' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
  }),
});

const BusinessStatusEnum = builder.enumType('OtestackBusinessStatus', {
  description: 'Where a business namespace stands',
  values: {
    PENDING: { value: 'PENDING', description: 'Applied for, waiting for the system administrator' },
    APPROVED: { value: 'APPROVED', description: 'Its namespace exists on every edge cluster' },
    DISAPPROVED: { value: 'DISAPPROVED', description: 'Refused' },
    DELETED: { value: 'DELETED', description: 'Deleted' },
  } as const satisfies Record<keyof typeof BUSINESS_STATUSES, unknown>,
});

/** Get Business's fields the list leaves out: from the record where it was read whole, else one detail call per business and request. */
const about = async (b: Asking<OteBusiness>, ctx: GatewayContext) => b.about ?? (await b.vendor.business(ctx.scope, b.nativeId))?.about ?? null;

const BusinessRef = builder.objectRef<Asking<OteBusiness>>('OtestackBusiness').implement({
  description: 'A business namespace: a tenant of the platform, with its users and its Kubernetes namespace on every edge cluster',
  fields: (t) => ({
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s id: what the business mutations take' }),
    name: t.exposeString('name', { description: 'Its name' }),
    ownerId: t.exposeString('ownerId', { nullable: true, description: 'The user who applied for it (an OtestackUser’s nativeId)' }),
    status: t.expose('status', { type: BusinessStatusEnum, nullable: true, description: 'Where it stands; null for a code the document does not list' }),
    rawStatus: t.exposeInt('rawStatus', { description: 'The vendor’s status code' }),
    comment: t.exposeString('comment', { nullable: true, description: 'The auditor’s comment' }),
    namespace: t.exposeString('namespace', { nullable: true, description: 'Its Kubernetes namespace on the edge clusters (ns<id>), once approved' }),
    introduction: t.string({
      nullable: true,
      description: 'What the business is (read from its detail: one vendor call per business unless read by business(nativeId:))',
      resolve: async (b, _args, ctx) => (await about(b, ctx))?.introduction ?? null,
    }),
    objective: t.string({
      nullable: true,
      description: 'What it is for (as introduction)',
      resolve: async (b, _args, ctx) => (await about(b, ctx))?.objective ?? null,
    }),
    scale: t.string({
      nullable: true,
      description: 'The resources it expects to use, as the applicant wrote it (as introduction)',
      resolve: async (b, _args, ctx) => (await about(b, ctx))?.scale ?? null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was applied for' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
  }),
});

const OtestackSourceRef = builder.objectRef<VendorRoot<OtestackVendor>>('OtestackSource').implement({
  description: 'What an OTE-stack source has beyond the unified lists: its application catalogue, image repositories, users and business namespaces',
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', { description: 'The source, by the id the config gives it' }),
    applications: t.field({
      type: [ApplicationRef],
      description: 'Every version of every application in the catalogue, in the vendor’s order',
      args: { nameContains: t.arg.string({ description: 'Only applications whose name contains this' }) },
      resolve: (root, args, ctx) => root.vendor.applications(ctx.scope, args.nameContains ?? undefined),
    }),
    application: t.field({
      type: ApplicationRef,
      nullable: true,
      description: 'One application version by its nativeId (one vendor call); null when there is none',
      args: { nativeId: t.arg.string({ required: true, description: 'An OtestackApplication’s nativeId' }) },
      resolve: (root, args, ctx) => root.vendor.application(ctx.scope, args.nativeId),
    }),
    imageProjects: t.field({
      type: [ImageProjectRef],
      description: 'The image repository’s projects the source’s account can see (one vendor call)',
      resolve: (root, _args, ctx) => root.vendor.imageProjects(ctx.scope),
    }),
    images: t.field({
      type: [ImageRef],
      description: 'The images of one project, newest first as the vendor lists them (one vendor call; NOT_FOUND for an unknown project)',
      args: {
        projectName: t.arg.string({ required: true, description: 'The project (OTE-stack lists images by project)' }),
        nameContains: t.arg.string({ description: 'Only images whose name contains this' }),
      },
      resolve: async (root, args, ctx) => asking(root.vendor, await root.vendor.images(ctx.scope, args.projectName, args.nameContains ?? undefined)),
    }),
    externalRepositories: t.field({
      type: [ExternalRepositoryRef],
      description: 'The external registries applications may pull from (one vendor call)',
      resolve: (root, _args, ctx) => root.vendor.externalRepositories(ctx.scope),
    }),
    users: t.field({
      type: [UserRef],
      authScopes: { admin: true },
      description: 'The platform’s users, as the source’s account may see them (admin role; the vendor answers only its administrators)',
      resolve: (root, _args, ctx) => root.vendor.users(ctx.scope),
    }),
    businesses: t.field({
      type: [BusinessRef],
      description: 'The business namespaces, in the vendor’s order',
      args: { nameContains: t.arg.string({ description: 'Only businesses whose name contains this' }) },
      resolve: async (root, args, ctx) => asking(root.vendor, await root.vendor.businesses(ctx.scope, args.nameContains ?? undefined)),
    }),
    business: t.field({
      type: BusinessRef,
      nullable: true,
      description: 'One business namespace with its introduction, objective and scale (one vendor call); null when there is none',
      args: { nativeId: t.arg.string({ required: true, description: 'An OtestackBusiness’s nativeId' }) },
      resolve: async (root, args, ctx) => {
        const business = await root.vendor.business(ctx.scope, args.nativeId);
        return business ? { ...business, vendor: root.vendor } : null;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  otestack: t.field({
    type: OtestackSourceRef,
    description: 'An OTE-stack source’s own capabilities (application catalogue, image repositories, users, business namespaces), by its config id',
    args: { sourceId: t.arg.string({ required: true, description: 'An OTE-stack source’s id from the config' }) },
    resolve: (_root, args, ctx) => vendorRoot<OtestackVendor>(ctx, args.sourceId, 'otestack', 'OTE-stack'),
  }),
}));

/** The OTE-stack vendor of the source `sourceId` for a mutation addressed by source: as a common mutation, an UnsupportedOperationError on another kind. */
const otestackSource = (ctx: GatewayContext, sourceId: string, operation: string) => {
  const adapter = sourceOf(ctx, 'sourceId', sourceId);
  return { adapter, vendor: vendorOf<OtestackVendor>('otestack', operation)(adapter) };
};

const WorkloadEnum = builder.enumType('OtestackWorkload', {
  description: 'How an application runs on an edge cluster',
  values: {
    DEPLOYMENT: { value: WORKLOADS.DEPLOYMENT, description: 'A count of replicas, placed by Kubernetes' },
    DAEMONSET: { value: WORKLOADS.DAEMONSET, description: 'One pod on each matching node' },
  } as const,
});

const PortInput = builder.inputType('OtestackPortInput', {
  description: 'A port an application exposes',
  fields: (t) => ({
    port: t.int({ required: true, description: 'The container port' }),
    hostPort: t.int({ description: 'The node port to publish it on' }),
  }),
});

const VolumeInput = builder.inputType('OtestackVolumeInput', {
  description: 'A node directory mounted into the application’s pods',
  fields: (t) => ({
    path: t.string({ required: true, description: 'Where it is mounted in the container' }),
    hostPath: t.string({ required: true, description: 'The directory on the node' }),
    readOnly: t.boolean({ description: 'Mounted read-only; absent: false' }),
  }),
});

const EnvInput = builder.inputType('OtestackEnvInput', {
  description: 'An environment variable of the application’s containers (sent to the vendor; the catalogue never shows it back)',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Its name' }),
    value: t.string({ required: true, description: 'Its value' }),
  }),
});

const ApplicationInput = builder.inputType('OtestackApplicationInput', {
  description: 'An application version to add to an OTE-stack catalogue ("Create Application"); required where the document requires it',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The application’s name: lower-case letters, digits and "-" (a Kubernetes name on the edge)' }),
    version: t.string({ required: true, description: 'Its version, as 1.1 or 1.2.3' }),
    workload: t.field({ type: WorkloadEnum, required: true, description: 'How it runs' }),
    image: t.string({ required: true, description: 'The image with its tag (an OtestackImageTag’s reference, or any registry’s)' }),
    repositoryId: t.string({ description: 'The external repository whose login pulls the image (externalRepositories’ repositoryId)' }),
    ports: t.field({ type: [PortInput], required: true, description: 'The ports it exposes, at least one' }),
    command: t.string({ description: 'The start command line' }),
    volumes: t.field({ type: [VolumeInput], description: 'Node directories it mounts' }),
    env: t.field({ type: [EnvInput], description: 'Its environment' }),
    replicas: t.int({ description: 'Replicas per cluster (workload DEPLOYMENT only)' }),
    minReplicas: t.int({ description: 'Fewest replicas when autoscaled' }),
    maxReplicas: t.int({ description: 'Most replicas when autoscaled' }),
    minCpuCores: t.float({ required: true, description: 'CPU each pod is guaranteed, in cores (hundredths: 0.1, 1.25)' }),
    maxCpuCores: t.float({ required: true, description: 'CPU each pod may use at most, in cores' }),
    gpus: t.int({ description: 'GPUs each pod is given' }),
    minMemoryMib: t.int({ required: true, description: 'Memory each pod is guaranteed, in MiB' }),
    maxMemoryMib: t.int({ required: true, description: 'Memory each pod may use at most, in MiB' }),
    autoscaled: t.boolean({ required: true, description: 'Whether a horizontal pod autoscaler sizes it' }),
    targetCpuPercent: t.int({ required: true, description: 'CPU utilization, in percent, at which the autoscaler adds pods' }),
    targetMemoryPercent: t.int({ required: true, description: 'Memory utilization, in percent, at which the autoscaler adds pods' }),
    maxUnavailable: t.int({ required: true, description: 'Pods that may be down at once during an upgrade' }),
    maxSurge: t.int({ required: true, description: 'Pods that may run above the count during an upgrade' }),
    minReadySeconds: t.int({ required: true, description: 'Seconds a new pod must be ready before an upgrade goes on' }),
  }),
});

const ExternalRepositoryInput = builder.inputType('OtestackExternalRepositoryInput', {
  description: 'An external registry and the login applications pull from it with',
  fields: (t) => ({
    repositoryId: t.string({ required: true, description: 'A unique name for it' }),
    address: t.string({ required: true, description: 'The registry’s address' }),
    user: t.string({ required: true, description: 'The user to pull as' }),
    password: t.string({ required: true, description: 'That user’s password; sent to the vendor only' }),
  }),
});

const UserInput = builder.inputType('OtestackUserInput', {
  description: 'A user to add to the business namespace of the source’s account ("Create Sub-User")',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The login name' }),
    password: t.string({
      required: true,
      description: 'The first password: 8 to 20 characters with an upper-case letter, a lower-case letter and a digit; sent to the vendor only',
    }),
    phone: t.string({ required: true, description: 'Their phone number' }),
    realName: t.string({ required: true, description: 'The person’s name' }),
    admin: t.boolean({ required: true, description: 'A general administrator of the namespace (true) or a general user' }),
  }),
});

const BusinessInput = builder.inputType('OtestackBusinessInput', {
  description: 'A business namespace to apply for',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Its name' }),
    introduction: t.string({ required: true, description: 'What the business is' }),
    objective: t.string({ required: true, description: 'What it is for' }),
    scale: t.string({ required: true, description: 'The resources it expects to use' }),
  }),
});

const SOURCE_ID = { required: true, description: 'An OTE-stack source’s id from the config' } as const;
/** Admin mutations: users and business namespaces govern who may do what on the whole platform. */
const adminOptions = { ...mutationOptions, authScopes: { admin: true } } as const;

/** One write on the OTE-stack source `sourceId`, answered as every mutation is. */
async function write(ctx: GatewayContext, sourceId: string, operation: string, change: (vendor: OtestackVendor) => Promise<OperationResult>) {
  const { adapter, vendor } = otestackSource(ctx, sourceId, operation);
  return payload(adapter, await change(vendor));
}

const APPLICATION_ID = { required: true, description: 'An OtestackApplication’s nativeId (one version of an application)' } as const;
const USER_ID = { required: true, description: 'An OtestackUser’s nativeId' } as const;
const BUSINESS_ID = { required: true, description: 'An OtestackBusiness’s nativeId' } as const;
const IMAGE_NAME = { required: true, description: 'An OtestackImage’s name (project/repository)' } as const;
const AUDIT_COMMENT = 'Why; the applicant sees it';

builder.mutationFields((t) => ({
  otestackCreateApplication: t.field({
    ...mutationOptions,
    description: 'Adds an application version to an OTE-stack catalogue, done at once (no workflow); find it in otestack { applications } by name and version',
    args: { sourceId: t.arg.string(SOURCE_ID), input: t.arg({ type: ApplicationInput, required: true, description: 'The application version' }) },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackCreateApplication', (v) => v.createApplication(ctx.scope, withoutNulls(args.input))),
  }),
  otestackUploadHelmChart: t.field({
    ...mutationOptions,
    description: `Adds an application version to the catalogue from a Helm chart (the .tgz \`helm package\` makes), sent base64-encoded: at most ${CHART_MAX_BYTES / 1024} KiB of chart`,
    args: {
      sourceId: t.arg.string(SOURCE_ID),
      name: t.arg.string({ required: true, description: 'The application’s name' }),
      version: t.arg.string({ required: true, description: 'Its version, as 1.1 or 1.2.3' }),
      chartBase64: t.arg.string({ required: true, description: `The chart file’s bytes in base64, at most ${CHART_MAX_BYTES / 1024} KiB decoded` }),
    },
    resolve: (_root, args, ctx) =>
      write(ctx, args.sourceId, 'otestackUploadHelmChart', (v) => v.uploadHelmChart(ctx.scope, args.name, args.version, args.chartBase64)),
  }),
  otestackDeleteApplication: t.field({
    ...mutationOptions,
    description: 'Removes one application version from the catalogue; OTE-stack refuses while a deployment runs it',
    args: { sourceId: t.arg.string(SOURCE_ID), applicationId: t.arg.string(APPLICATION_ID) },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackDeleteApplication', (v) => v.deleteApplication(ctx.scope, args.applicationId)),
  }),
  otestackCreateImageProject: t.field({
    ...mutationOptions,
    description: 'Creates a project in the image repository, owned by the source’s account',
    args: {
      sourceId: t.arg.string(SOURCE_ID),
      name: t.arg.string({ required: true, description: 'Its name: lower-case letters and digits, separated by ".", "_" or "-"' }),
      public: t.arg.boolean({ required: true, description: 'Whether anyone may pull its images' }),
    },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackCreateImageProject', (v) => v.createImageProject(ctx.scope, args.name, args.public)),
  }),
  otestackDeleteImageProject: t.field({
    ...mutationOptions,
    description: 'Deletes an image project; the repository refuses one that still holds images',
    args: { sourceId: t.arg.string(SOURCE_ID), projectId: t.arg.string({ required: true, description: 'An OtestackImageProject’s nativeId' }) },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackDeleteImageProject', (v) => v.deleteImageProject(ctx.scope, args.projectId)),
  }),
  otestackDeleteImage: t.field({
    ...mutationOptions,
    description: 'Deletes an image with all its tags',
    args: { sourceId: t.arg.string(SOURCE_ID), imageName: t.arg.string(IMAGE_NAME) },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackDeleteImage', (v) => v.deleteImage(ctx.scope, args.imageName)),
  }),
  otestackDeleteImageTag: t.field({
    ...mutationOptions,
    description: 'Deletes one tag of an image',
    args: { sourceId: t.arg.string(SOURCE_ID), imageName: t.arg.string(IMAGE_NAME), tag: t.arg.string({ required: true, description: 'The tag' }) },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackDeleteImageTag', (v) => v.deleteImageTag(ctx.scope, args.imageName, args.tag)),
  }),
  otestackCreateExternalRepository: t.field({
    ...mutationOptions,
    description: 'Stores the login for an external registry, for applications to pull with (their repositoryId)',
    args: { sourceId: t.arg.string(SOURCE_ID), input: t.arg({ type: ExternalRepositoryInput, required: true, description: 'The registry and its login' }) },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackCreateExternalRepository', (v) => v.createExternalRepository(ctx.scope, args.input)),
  }),
  otestackDeleteExternalRepository: t.field({
    ...mutationOptions,
    description: 'Forgets an external registry’s login; deployments already running keep their pull secret',
    args: { sourceId: t.arg.string(SOURCE_ID), repositoryId: t.arg.string({ required: true, description: 'Its repositoryId' }) },
    resolve: (_root, args, ctx) =>
      write(ctx, args.sourceId, 'otestackDeleteExternalRepository', (v) => v.deleteExternalRepository(ctx.scope, args.repositoryId)),
  }),
  otestackCreateUser: t.field({
    ...adminOptions,
    description: 'Adds a user to the business namespace of the source’s account, approved at once (admin role)',
    args: { sourceId: t.arg.string(SOURCE_ID), input: t.arg({ type: UserInput, required: true, description: 'The user' }) },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackCreateUser', (v) => v.createUser(ctx.scope, args.input)),
  }),
  otestackDeleteUser: t.field({
    ...adminOptions,
    description: 'Deletes a user (admin role)',
    args: { sourceId: t.arg.string(SOURCE_ID), userId: t.arg.string(USER_ID) },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackDeleteUser', (v) => v.deleteUser(ctx.scope, args.userId)),
  }),
  otestackSetUserStatus: t.field({
    ...adminOptions,
    description: 'Approves a registration, refuses it, or forbids a user ("Audit User"; admin role)',
    args: {
      sourceId: t.arg.string(SOURCE_ID),
      userId: t.arg.string(USER_ID),
      status: t.arg({ type: UserStatusEnum, required: true, description: 'The new status' }),
    },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackSetUserStatus', (v) => v.setUserStatus(ctx.scope, args.userId, args.status)),
  }),
  otestackResetUserPassword: t.field({
    ...adminOptions,
    description: 'Gives a user a new password (admin role); the password goes to the vendor only',
    args: {
      sourceId: t.arg.string(SOURCE_ID),
      userId: t.arg.string(USER_ID),
      password: t.arg.string({ required: true, description: '8 to 20 characters with an upper-case letter, a lower-case letter and a digit' }),
    },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackResetUserPassword', (v) => v.resetUserPassword(ctx.scope, args.userId, args.password)),
  }),
  otestackCreateBusiness: t.field({
    ...adminOptions,
    description: 'Applies for a business namespace owned by the source’s account, pending until approved (admin role)',
    args: { sourceId: t.arg.string(SOURCE_ID), input: t.arg({ type: BusinessInput, required: true, description: 'The business' }) },
    resolve: (_root, args, ctx) => write(ctx, args.sourceId, 'otestackCreateBusiness', (v) => v.createBusiness(ctx.scope, args.input)),
  }),
  otestackApproveBusiness: t.field({
    ...adminOptions,
    description: 'Approves a business namespace: OTE-stack creates its namespace (ns<id>) on every edge cluster, which approval cannot take back (admin role)',
    args: { sourceId: t.arg.string(SOURCE_ID), businessId: t.arg.string(BUSINESS_ID), comment: t.arg.string({ description: AUDIT_COMMENT }) },
    resolve: (_root, args, ctx) =>
      write(ctx, args.sourceId, 'otestackApproveBusiness', (v) => v.decideBusiness(ctx.scope, args.businessId, true, args.comment ?? '')),
  }),
  otestackRejectBusiness: t.field({
    ...adminOptions,
    description: 'Refuses a business namespace that waits for approval (admin role)',
    args: { sourceId: t.arg.string(SOURCE_ID), businessId: t.arg.string(BUSINESS_ID), comment: t.arg.string({ required: true, description: AUDIT_COMMENT }) },
    resolve: (_root, args, ctx) =>
      write(ctx, args.sourceId, 'otestackRejectBusiness', (v) => v.decideBusiness(ctx.scope, args.businessId, false, args.comment)),
  }),
}));
