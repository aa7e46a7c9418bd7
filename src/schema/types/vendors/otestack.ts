import type { OteApplication } from '../../../sources/otestack/map.js';
import type { OtestackVendor } from '../../../sources/otestack/vendor.js';
import { builder } from '../../builder.js';
import { type VendorRoot, vendorRoot } from './root.js';

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
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When this version was added' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed' }),
  }),
});

const OtestackSourceRef = builder.objectRef<VendorRoot<OtestackVendor>>('OtestackSource').implement({
  description: 'What an OTE-stack source has beyond the unified lists: its application catalogue',
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', { description: 'The source, by the id the config gives it' }),
    applications: t.field({
      type: [ApplicationRef],
      description: 'Every version of every application in the catalogue, in the vendor’s order',
      args: { nameContains: t.arg.string({ description: 'Only applications whose name contains this' }) },
      resolve: (root, args, ctx) => root.vendor.applications(ctx.scope, args.nameContains ?? undefined),
    }),
  }),
});

builder.queryFields((t) => ({
  otestack: t.field({
    type: OtestackSourceRef,
    description: 'An OTE-stack source’s own capabilities (its application catalogue), by its config id',
    args: { sourceId: t.arg.string({ required: true, description: 'An OTE-stack source’s id from the config' }) },
    resolve: (_root, args, ctx) => vendorRoot<OtestackVendor>(ctx, args.sourceId, 'otestack', 'OTE-stack'),
  }),
}));
