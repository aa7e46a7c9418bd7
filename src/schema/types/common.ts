import type { Endpoint, Label, ResourceUsage, Usage } from '../../model/entities.js';
import { exposeGap } from '../gaps.js';
import type { SourceProblem } from '../../lists/merge.js';
import { builder } from '../builder.js';
import { sourceMessageFor } from '../../plugins/vendor-detail.js';

/** Descriptions of the fields every vendor-backed type has, said once. */
export const SHARED = {
  source: 'The configured source (one vendor API) this object comes from',
  nativeId: 'The vendor’s own id for it, as its API spells it',
  rawStatus: 'The status in the vendor’s own words, beside the normalized one',
  cluster: 'The cluster it belongs to; null where the vendor ties it to none, or the cluster is gone',
} as const;

export const LabelRef = builder.objectRef<Label>('Label').implement({
  description: 'A key/value label or tag, whatever the vendor calls it',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The label’s name' }),
    value: t.exposeString('value', { description: 'Its value; empty for vendors whose labels are bare names (OTE-stack)' }),
  }),
});

export const LabelInput = builder.inputType('LabelInput', {
  description: 'A label: to match (by key, and by value when one is given) or to set',
  fields: (t) => ({
    key: t.string({ required: true, description: 'The label’s name' }),
    value: t.string({ description: 'Its value; absent or empty: any value when matching, a bare name when setting' }),
  }),
});

export const EndpointRef = builder.objectRef<Endpoint>('Endpoint').implement({
  description: 'An address a cluster can be reached at',
  fields: (t) => ({
    protocol: t.exposeString('protocol', { nullable: true, description: 'What speaks there, e.g. mysql, jdbc, http, ssh; null where the vendor does not say' }),
    address: t.exposeString('address', { description: 'host:port, an IP address or a URL, as the vendor gives it' }),
    public: t.exposeBoolean('public', { description: 'Reachable from outside the vendor network' }),
  }),
});

export const UsageUnitEnum = builder.enumType('UsageUnit', {
  description: 'What `used` and `total` of a Usage count',
  values: {
    CORES: { description: 'CPU cores' },
    BYTES: { description: 'Bytes' },
    RATIO: { description: 'A share, 0..1 (the vendor reports only a percentage)' },
    HZ: { description: 'CPU frequency in hertz' },
  } as const,
});

export const UsageRef = builder.objectRef<Usage>('Usage').implement({
  description: 'Used and total amounts of one resource, in `unit`; `ratio` is used/total in 0..1',
  fields: (t) => ({
    used: t.exposeFloat('used', { nullable: true, description: 'Amount in use, in `unit`; null where the vendor gives only a ratio' }),
    total: t.exposeFloat('total', { nullable: true, description: 'Amount there is, in `unit`; null where the vendor gives only a ratio' }),
    ratio: t.float({
      nullable: true,
      description: 'used / total, 0..1; null where neither the vendor nor the amounts give it',
      resolve: (u) => u.ratio ?? (u.used !== undefined && u.total ? u.used / u.total : null),
    }),
    unit: t.expose('unit', { type: UsageUnitEnum, description: 'What `used` and `total` count' }),
  }),
});

export const ResourceUsageRef = builder.objectRef<ResourceUsage>('ResourceUsage').implement({
  description: 'How much of each resource is used; a resource the vendor does not report is null',
  fields: (t) => ({
    cpu: exposeGap(t, 'cpu', { type: UsageRef, nullable: true, description: 'CPU, in cores, hertz or a ratio as the vendor reports it' }),
    memory: exposeGap(t, 'memory', { type: UsageRef, nullable: true, description: 'Memory, in bytes or a ratio' }),
    storage: exposeGap(t, 'storage', { type: UsageRef, nullable: true, description: 'Storage, in bytes or a ratio' }),
  }),
});

export const SourceProblemRef = builder.objectRef<SourceProblem>('SourceProblem').implement({
  description: 'A source left out of a result, and why',
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', { description: 'The id the config gives the source' }),
    code: t.string({ description: 'Why, as a stable code: SOURCE_TIMEOUT, SOURCE_UNAVAILABLE, SOURCE_RATE_LIMITED, ...', resolve: (p) => p.error.code }),
    message: t.string({
      description: 'What went wrong; what the vendor said is for operators and admins, viewers get the code’s summary',
      resolve: (p, _args, ctx) => sourceMessageFor(ctx.viewer, { sourceId: p.sourceId, code: p.error.code, message: p.error.message }),
    }),
  }),
});
