import { builder } from '../../builder.js';
import { payload, targetOf, withoutNulls } from '../../operations.js';
import { mutationOptions } from './payload.js';

builder.mutationFields((t) => ({
  createSnapshot: t.field({
    ...mutationOptions,
    description: 'DWS snapshots, HCI metadata snapshots, TiEM backups',
    args: { clusterId: t.arg.id({ required: true }), name: t.arg.string(), description: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'clusterId', String(args.clusterId), 'Cluster', 'createSnapshot');
      const request = withoutNulls({ name: args.name, description: args.description });
      return payload(target.adapter, await target.run(target.nativeId, request, { signal: ctx.scope.signal }));
    },
  }),
  deleteSnapshot: t.field({
    ...mutationOptions,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Snapshot', 'deleteSnapshot');
      return payload(target.adapter, await target.run(target.nativeId, { signal: ctx.scope.signal }));
    },
  }),
  restoreSnapshot: t.field({
    ...mutationOptions,
    description: 'Restores a snapshot into a new cluster',
    args: {
      id: t.arg.id({ required: true }),
      clusterName: t.arg.string({ required: true }),
      availabilityZone: t.arg.string(),
      dbPassword: t.arg.string({ description: 'Root password of the new cluster, where the vendor asks for one (TiEM)' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Snapshot', 'restoreSnapshot');
      const request = withoutNulls({ clusterName: args.clusterName, availabilityZone: args.availabilityZone, dbPassword: args.dbPassword });
      return payload(target.adapter, await target.run(target.nativeId, request, { signal: ctx.scope.signal }));
    },
  }),
  copySnapshot: t.field({
    ...mutationOptions,
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }), description: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Snapshot', 'copySnapshot');
      const request = withoutNulls({ name: args.name, description: args.description });
      return payload(target.adapter, await target.run(target.nativeId, request, { signal: ctx.scope.signal }));
    },
  }),
}));
