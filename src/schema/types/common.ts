import type { Endpoint, Label, ResourceUsage, Usage } from '../../model/entities.js';
import type { SourceProblem } from '../../lists/merge.js';
import { builder } from '../builder.js';
import { sourceMessageFor } from '../../plugins/vendor-detail.js';

export const LabelRef = builder.objectRef<Label>('Label').implement({
  description: 'A key/value label or tag, whatever the vendor calls it',
  fields: (t) => ({ key: t.exposeString('key'), value: t.exposeString('value') }),
});

export const LabelInput = builder.inputType('LabelInput', {
  description: 'Matches a label by key, and by value when one is given',
  fields: (t) => ({ key: t.string({ required: true }), value: t.string() }),
});

export const EndpointRef = builder.objectRef<Endpoint>('Endpoint').implement({
  fields: (t) => ({
    protocol: t.exposeString('protocol', { nullable: true }),
    address: t.exposeString('address'),
    public: t.exposeBoolean('public', { description: 'Reachable from outside the vendor network' }),
  }),
});

export const UsageUnitEnum = builder.enumType('UsageUnit', { values: ['CORES', 'BYTES', 'RATIO', 'HZ'] as const });

export const UsageRef = builder.objectRef<Usage>('Usage').implement({
  description: 'Used and total amounts of one resource, in `unit`; `ratio` is used/total in 0..1',
  fields: (t) => ({
    used: t.exposeFloat('used', { nullable: true }),
    total: t.exposeFloat('total', { nullable: true }),
    ratio: t.float({
      nullable: true,
      resolve: (u) => u.ratio ?? (u.used !== undefined && u.total ? u.used / u.total : null),
    }),
    unit: t.expose('unit', { type: UsageUnitEnum }),
  }),
});

export const ResourceUsageRef = builder.objectRef<ResourceUsage>('ResourceUsage').implement({
  fields: (t) => ({
    cpu: t.expose('cpu', { type: UsageRef, nullable: true }),
    memory: t.expose('memory', { type: UsageRef, nullable: true }),
    storage: t.expose('storage', { type: UsageRef, nullable: true }),
  }),
});

export const SourceProblemRef = builder.objectRef<SourceProblem>('SourceProblem').implement({
  description: 'A source left out of a result, and why',
  fields: (t) => ({
    sourceId: t.exposeString('sourceId'),
    code: t.string({ resolve: (p) => p.error.code }),
    message: t.string({
      description: 'What went wrong; what the vendor said is for operators and admins, viewers get the code’s summary',
      resolve: (p, _args, ctx) => sourceMessageFor(ctx.viewer, { sourceId: p.sourceId, code: p.error.code, message: p.error.message }),
    }),
  }),
});
