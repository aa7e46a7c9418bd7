import { ValidationError } from '../../../model/errors.js';
import { decodeGlobalId } from '../../../model/ids.js';
import { builder } from '../../builder.js';
import { operationOf, payload, sourceOf, targetOf } from '../../operations.js';
import { LabelInput } from '../common.js';
import { mutationOptions } from './payload.js';

const CreateDeploymentInput = builder.inputType('CreateDeploymentInput', {
  description: 'An application to deploy onto edge clusters (OTE-stack)',
  fields: (t) => ({
    clusterIds: t.idList({ required: true, description: 'Clusters of one source to deploy onto' }),
    name: t.string({ required: true, description: 'The deployment’s name: lower-case letters, digits and hyphens (it names Kubernetes objects)' }),
    application: t.string({ required: true, description: 'The application, as the vendor’s catalogue names it' }),
    version: t.string({ required: true, description: 'The application version to deploy' }),
    replicas: t.int({ description: 'Copies per cluster; absent: the vendor’s default' }),
    labels: t.field({ type: [LabelInput], description: 'Node labels the deployment is placed by' }),
  }),
});

builder.mutationFields((t) => ({
  createDeployment: t.field({
    ...mutationOptions,
    description: 'Deploys an application onto edge clusters (OTE-stack); an administrator may have to approve it first',
    args: { input: t.arg({ type: CreateDeploymentInput, required: true, description: 'What to deploy, and where' }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.clusterIds.length === 0) throw new ValidationError('input.clusterIds', 'name at least one cluster');
      const ids = input.clusterIds.map((id) => decodeGlobalId(String(id)));
      const wrong = ids.find((id) => id.type !== 'Cluster');
      if (wrong) throw new ValidationError('input.clusterIds', `expected Cluster ids, got a ${wrong.type} id`);
      const sourceIds = new Set(ids.map((id) => id.sourceId));
      if (sourceIds.size > 1) throw new ValidationError('input.clusterIds', 'all clusters must belong to one source');
      const adapter = sourceOf(ctx, 'input.clusterIds', ids[0]?.sourceId ?? '');
      for (const id of ids) ctx.registry.locate(id);
      const run = operationOf(adapter, 'createDeployment');
      const request = {
        clusterNativeIds: ids.map((id) => id.nativeId),
        name: input.name,
        application: input.application,
        version: input.version,
        ...(input.replicas != null ? { replicas: input.replicas } : {}),
        labels: (input.labels ?? []).map((l) => ({ key: l.key, value: l.value ?? '' })),
      };
      return payload(adapter, await run(request, { signal: ctx.scope.signal }));
    },
  }),
  upgradeDeployment: t.field({
    ...mutationOptions,
    description: 'Moves a deployment to another application version (OTE-stack)',
    args: { id: t.arg.id({ required: true, description: 'The deployment' }), version: t.arg.string({ required: true, description: 'The version to run' }) },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Deployment', 'upgradeDeployment');
      return payload(target.adapter, await target.run(target.nativeId, args.version, { signal: ctx.scope.signal }));
    },
  }),
  rollbackDeployment: t.field({
    ...mutationOptions,
    description: 'Returns a deployment to a version it ran before (OTE-stack)',
    args: {
      id: t.arg.id({ required: true, description: 'The deployment' }),
      version: t.arg.string({ description: 'Default: the version before the current one' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Deployment', 'rollbackDeployment');
      return payload(target.adapter, await target.run(target.nativeId, args.version ?? undefined, { signal: ctx.scope.signal }));
    },
  }),
  deleteDeployment: t.field({
    ...mutationOptions,
    description: 'Deletes a deployment from every cluster it runs on (OTE-stack)',
    args: { id: t.arg.id({ required: true, description: 'The deployment' }) },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Deployment', 'deleteDeployment');
      return payload(target.adapter, await target.run(target.nativeId, { signal: ctx.scope.signal }));
    },
  }),
  approveDeployment: t.field({
    ...mutationOptions,
    description:
      'Approves a deployment waiting for approval (status AWAITING_APPROVAL), which starts the operation it held back (OTE-stack); the returned workflow follows it',
    args: {
      id: t.arg.id({ required: true, description: 'The deployment' }),
      comment: t.arg.string({ description: 'Why, kept with the vendor’s audit record' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Deployment', 'decideDeployment');
      return payload(target.adapter, await target.run(target.nativeId, { approve: true, comment: args.comment ?? '' }, { signal: ctx.scope.signal }));
    },
  }),
  rejectDeployment: t.field({
    ...mutationOptions,
    description: 'Rejects a deployment waiting for approval, so the operation it held back never runs (OTE-stack)',
    args: {
      id: t.arg.id({ required: true, description: 'The deployment' }),
      comment: t.arg.string({ required: true, description: 'Why, kept with the vendor’s audit record and shown to whoever submitted it' }),
    },
    resolve: async (_root, args, ctx) => {
      if (!args.comment.trim()) throw new ValidationError('comment', 'say why the deployment is rejected');
      const target = await targetOf(ctx, 'id', String(args.id), 'Deployment', 'decideDeployment');
      return payload(target.adapter, await target.run(target.nativeId, { approve: false, comment: args.comment }, { signal: ctx.scope.signal }));
    },
  }),
  cancelWorkflow: t.field({
    ...mutationOptions,
    description: 'Cancels a running workflow, where the vendor can (TiEM)',
    args: { id: t.arg.id({ required: true, description: 'The workflow' }) },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Workflow', 'cancelWorkflow');
      return payload(target.adapter, await target.run(target.nativeId, { signal: ctx.scope.signal }));
    },
  }),
}));
