import { builder } from '../../builder.js';
import { payload, targetOf, withoutNulls } from '../../operations.js';
import { mutationOptions } from './payload.js';

builder.mutationFields((t) => ({
  createSnapshot: t.field({
    ...mutationOptions,
    description: 'Takes a snapshot of a cluster: DWS snapshots, HCI metadata snapshots, TiEM backups',
    args: {
      clusterId: t.arg.id({ required: true, description: 'The cluster' }),
      name: t.arg.string({ description: 'The snapshot’s name; absent: the vendor’s or a generated one' }),
      description: t.arg.string({ description: 'Free text kept with it, where the vendor keeps any' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'clusterId', String(args.clusterId), 'Cluster', 'createSnapshot');
      const request = withoutNulls({ name: args.name, description: args.description });
      return payload(target.adapter, await target.run(target.nativeId, request, { signal: ctx.scope.signal }));
    },
  }),
  deleteSnapshot: t.field({
    ...mutationOptions,
    description: 'Deletes a snapshot (DWS, HCI, TiEM)',
    args: { id: t.arg.id({ required: true, description: 'The snapshot' }) },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Snapshot', 'deleteSnapshot');
      return payload(target.adapter, await target.run(target.nativeId, { signal: ctx.scope.signal }));
    },
  }),
  restoreSnapshot: t.field({
    ...mutationOptions,
    description: 'Restores a snapshot into a new cluster (DWS; TiEM where a restore password is configured)',
    args: {
      id: t.arg.id({ required: true, description: 'The snapshot' }),
      clusterName: t.arg.string({ required: true, description: 'Name of the new cluster' }),
      availabilityZone: t.arg.string({ description: 'Zone of the new cluster; absent: the snapshot’s cluster’s' }),
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
    description: 'Copies a snapshot under a new name (DWS)',
    args: {
      id: t.arg.id({ required: true, description: 'The snapshot to copy' }),
      name: t.arg.string({ required: true, description: 'Name of the copy' }),
      description: t.arg.string({ description: 'Free text kept with the copy' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Snapshot', 'copySnapshot');
      const request = withoutNulls({ name: args.name, description: args.description });
      return payload(target.adapter, await target.run(target.nativeId, request, { signal: ctx.scope.signal }));
    },
  }),
}));
