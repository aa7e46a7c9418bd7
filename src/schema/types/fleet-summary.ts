import type { GatewayContext } from '../../context.js';
import type { SourceProblem } from '../../lists/merge.js';
import { listFor } from '../../lists/read.js';
import type { ClusterKind, ClusterStatus } from '../../model/status.js';
import { GatewayError } from '../../model/errors.js';
import type { OrGap } from '../../model/entities.js';
import { isGap, missingOf, readOr } from '../../model/partial.js';
import { exposeGap } from '../gaps.js';
import { builder } from '../builder.js';
import { SourceProblemRef } from './common.js';
import { ClusterKindEnum, ClusterStatusEnum } from './enums.js';
import { SourceRef, sourceOfItem } from './source.js';

interface Group {
  sourceId: string;
  kind: ClusterKind;
  /** For the clusters whose status the source could not tell, the error that says why. */
  status: OrGap<ClusterStatus>;
  count: number;
}

interface Summary {
  total: number;
  groups: Group[];
  missingSources: SourceProblem[];
}

const FleetGroupRef = builder.objectRef<Group>('FleetGroup').implement({
  description: 'The clusters of one source, kind and status',
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: 'The source they are on', resolve: sourceOfItem }),
    kind: t.expose('kind', { type: ClusterKindEnum, description: 'Their kind' }),
    status: exposeGap(t, 'status', {
      type: ClusterStatusEnum,
      nullable: true,
      description: 'Their status; null for the clusters whose status could not be read, with the error',
    }),
    count: t.exposeInt('count', { description: 'How many there are; never 0 (empty groups are left out)' }),
  }),
});

const FleetSummaryRef = builder.objectRef<Summary>('FleetSummary').implement({
  description: 'Cluster counts by source, kind and status: a dashboard’s first screen in one call per source',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Clusters over every source that answered' }),
    groups: t.expose('groups', { type: [FleetGroupRef], description: 'Counts by source (in config order), kind and status' }),
    missingSources: t.expose('missingSources', {
      type: [SourceProblemRef],
      description:
        'Sources left out because they failed (their clusters are in no count); each is also reported in `errors`. Empty when every source answered.',
    }),
  }),
});

/** All a summary reads of a cluster: vendors that complete clusters call by call skip the rest. */
const SUMMARY_FIELDS: ReadonlySet<string> = new Set(['sourceId', 'nativeId', 'kind', 'status']);

async function summarize(ctx: GatewayContext): Promise<Summary> {
  const counts = new Map<string, Group>();
  const missingSources: SourceProblem[] = [];
  await Promise.all(
    ctx.registry.adapters.map(async (adapter) => {
      const reader = ctx.session(adapter.info.id).clusters;
      if (!reader) return;
      try {
        const clusters = await listFor(reader, {}, SUMMARY_FIELDS);
        // A cluster whose status could not be read is still counted, in a group whose
        // status is null with the error at it.
        for (const c of clusters) {
          const key = `${c.sourceId}\u0000${c.kind}\u0000${isGap(c.status) ? null : c.status}`;
          const group = counts.get(key) ?? { sourceId: c.sourceId, kind: c.kind, status: c.status, count: 0 };
          group.count++;
          counts.set(key, group);
        }
        missingSources.push(...missingOf(clusters).map((error) => ({ sourceId: adapter.info.id, error })));
      } catch (err) {
        if (!(err instanceof GatewayError)) throw err;
        missingSources.push({ sourceId: adapter.info.id, error: err });
      }
    }),
  );
  ctx.problems.push(...missingSources);
  const order = new Map(ctx.registry.adapters.map((a, i) => [a.info.id, i]));
  const groups = [...counts.values()].sort(
    (a, b) =>
      (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) ||
      a.kind.localeCompare(b.kind) ||
      (readOr(a.status) ?? '~').localeCompare(readOr(b.status) ?? '~'),
  );
  return { total: groups.reduce((n, g) => n + g.count, 0), groups, missingSources };
}

builder.queryFields((t) => ({
  fleetSummary: t.field({
    type: FleetSummaryRef,
    description: 'How many clusters there are, by source, kind and status: each source’s cluster list, and only the calls status needs',
    resolve: (_root, _args, ctx) => summarize(ctx),
  }),
}));
