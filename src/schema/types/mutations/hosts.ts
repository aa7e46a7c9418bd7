import { builder } from '../../builder.js';
import { payload, targetOf } from '../../operations.js';
import { LabelInput } from '../common.js';
import { labelSet } from './labels.js';
import { mutationOptions } from './payload.js';

builder.mutationFields((t) => ({
  setHostLabels: t.field({
    ...mutationOptions,
    description: 'Replaces the host’s labels with exactly these (OTE-stack node labels, which place deployments)',
    args: {
      id: t.arg.id({ required: true, description: 'The host' }),
      labels: t.arg({
        type: [LabelInput],
        required: true,
        description: 'Every label the host is to have; keys unique. OTE-stack labels are bare names: no values.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const target = await targetOf(ctx, 'id', String(args.id), 'Host', 'setHostLabels');
      return payload(target.adapter, await target.run(target.nativeId, labelSet(args.labels), { signal: ctx.scope.signal }));
    },
  }),
}));
