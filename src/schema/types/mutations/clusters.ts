import { ValidationError } from '../../../model/errors.js';
import { decodeGlobalId, type NodeType } from '../../../model/ids.js';
import type { CreateClusterRequest } from '../../../model/operations.js';
import { builder } from '../../builder.js';
import { operationOf, payload, sourceOf, targetOf, withoutNulls } from '../../operations.js';
import { LabelInput } from '../common.js';
import { CreateClusterInput, SCALE_FIELDS, ScaleClusterInput, TakeOverClusterInput } from './cluster-inputs.js';
import { labelSet, labelsOf } from './labels.js';
import { mutationOptions } from './payload.js';

builder.mutationType({
  description: 'Changes to the fleet (operator role). Each answers an OperationResult: the accepted change, or the error saying why not.',
});

/** The mutations that take a cluster id and nothing else, with what each does. */
const CLUSTER_ACTIONS = {
  restartCluster: 'Restarts a cluster (TiEM, DWS)',
  stopCluster: 'Stops a cluster (TiEM)',
  startCluster: 'Starts a stopped cluster (TiEM)',
  startInspection: 'Starts an HCI one-click inspection of the cluster; the workflow shows its progress',
  stopInspection: 'Stops the HCI inspection running on the cluster',
} as const;
type ClusterAction = keyof typeof CLUSTER_ACTIONS;

/** The vendors' scale fields, as a scale request with none of them is told: "a, b or c". */
const SCALE_FIELD_NAMES = Object.keys(SCALE_FIELDS)
  .join(', ')
  .replace(/, ([^,]*)$/, ' or $1');

builder.mutationFields((t) => ({
  createCluster: t.field({
    ...mutationOptions,
    description:
      'Creates a cluster on one source (TiEM, HCI, DC/OS, DWS); the block for that source’s kind carries the vendor’s own parameters. The workflow shows the creation.',
    args: { input: t.arg({ type: CreateClusterInput, required: true, description: 'Where, what, and the vendor’s parameters' }) },
    resolve: async (_root, { input }, ctx) => {
      const adapter = sourceOf(ctx, 'input.sourceId', input.sourceId);
      const run = operationOf(adapter, 'createCluster');
      const kind = adapter.info.kind;
      if ((input as Record<string, unknown>)[kind] == null) {
        throw new ValidationError(`input.${kind}`, `a ${kind} source needs the ${kind} block`);
      }
      const request = withoutNulls({ ...input, labels: labelsOf(input.labels) }) as unknown as CreateClusterRequest;
      return payload(adapter, await run(request, { signal: ctx.scope.signal }));
    },
  }),
  deleteCluster: t.field({
    ...mutationOptions,
    description: 'Deletes a cluster (TiEM, HCI, DC/OS, DWS)',
    args: {
      id: t.arg.id({ required: true, description: 'The cluster' }),
      force: t.arg.boolean({
        defaultValue: false,
        description: 'Delete even where the vendor would otherwise refuse (TiEM, HCI); DC/OS and DWS have no forced delete and answer a ValidationError',
      }),
      keepLastSnapshot: t.arg.boolean({ defaultValue: false, description: 'Take or keep a last snapshot where the vendor can' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Cluster', 'deleteCluster');
      const request = { force: args.force ?? false, keepLastSnapshot: args.keepLastSnapshot ?? false };
      return payload(target.adapter, await target.run(target.nativeId, request, { signal: ctx.scope.signal }));
    },
  }),
  ...Object.fromEntries(
    Object.entries(CLUSTER_ACTIONS).map(([operation, description]) => [
      operation,
      t.field({
        ...mutationOptions,
        description,
        args: { id: t.arg.id({ required: true, description: 'The cluster' }) },
        resolve: async (_root, args, ctx) => {
          const target = await targetOf(ctx, 'id', String(args.id), 'Cluster', operation as ClusterAction);
          return payload(target.adapter, await target.run(target.nativeId, { signal: ctx.scope.signal }));
        },
      }),
    ]),
  ),
  scaleCluster: t.field({
    ...mutationOptions,
    description: 'Changes how many nodes a cluster has: DWS resize/shrink and coordinator changes; DC/OS host additions and removals',
    args: {
      id: t.arg.id({ required: true, description: 'The cluster' }),
      input: t.arg({ type: ScaleClusterInput, required: true, description: 'What to change; at least one field' }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Cluster', 'scaleCluster');
      const input: Record<string, unknown> = withoutNulls(args.input);
      if (Object.keys(input).length === 0) throw new ValidationError('input', `say what to change: ${SCALE_FIELD_NAMES}`);
      /** A global id of the field's node type on the target's source, as the vendor's native id. */
      const nativeId = (node: NodeType, id: unknown, field: string) => {
        const ref = decodeGlobalId(String(id));
        if (ref.type !== node) throw new ValidationError(field, `expected a ${node} id, got a ${ref.type} id`);
        if (ref.sourceId !== target.adapter.info.id) throw new ValidationError(field, `the ${node.toLowerCase()} belongs to another source`);
        ctx.registry.locate(ref);
        return ref.nativeId;
      };
      const request = Object.fromEntries(
        Object.entries(input).map(([name, value]) => {
          const node = SCALE_FIELDS[name]?.node;
          if (!node) return [name, value];
          const field = `input.${name}`;
          return [name, Array.isArray(value) ? value.map((id, i) => nativeId(node, id, `${field}[${i}]`)) : nativeId(node, value, field)];
        }),
      );
      return payload(target.adapter, await target.run(target.nativeId, request, { signal: ctx.scope.signal }));
    },
  }),
  takeOverCluster: t.field({
    ...mutationOptions,
    description: 'Brings an existing TiDB cluster under TiEM management',
    args: { input: t.arg({ type: TakeOverClusterInput, required: true, description: 'The cluster to take over and how to reach its control host' }) },
    resolve: async (_root, { input }, ctx) => {
      const adapter = sourceOf(ctx, 'input.sourceId', input.sourceId);
      const run = operationOf(adapter, 'takeOverCluster');
      const request = {
        name: input.name,
        dbPassword: input.dbPassword,
        controlHost: {
          ip: input.controlHostIp,
          port: input.controlHostPort ?? 22,
          user: input.controlHostUser,
          password: input.controlHostPassword,
          tiupPath: input.tiupPath ?? '.tiup/',
        },
      };
      return payload(adapter, await run(request, { signal: ctx.scope.signal }));
    },
  }),
  setClusterLabels: t.field({
    ...mutationOptions,
    description: 'Replaces the cluster’s labels with exactly these (DWS tags, OTE-stack labels)',
    args: {
      id: t.arg.id({ required: true, description: 'The cluster' }),
      labels: t.arg({
        type: [LabelInput],
        required: true,
        description: 'Every label the cluster is to have; keys unique. OTE-stack labels are bare names: no values.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Cluster', 'setClusterLabels');
      return payload(target.adapter, await target.run(target.nativeId, labelSet(args.labels), { signal: ctx.scope.signal }));
    },
  }),
}));
