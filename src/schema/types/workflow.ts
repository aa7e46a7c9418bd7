import type { Workflow, WorkflowStep } from '../../model/entities.js';
import { encodeGlobalId } from '../../model/ids.js';
import { builder, localId } from '../builder.js';
import { addListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { WorkflowStateEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef } from './source.js';

const WorkflowStepRef = builder.objectRef<WorkflowStep>('WorkflowStep').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    state: t.expose('state', { type: WorkflowStateEnum }),
    message: t.exposeString('message', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

export const WorkflowRef = builder.objectRef<Workflow>('Workflow');

builder.node(WorkflowRef, {
  description: 'A long-running change: read from the vendor where it has workflow ids, derived from the target’s status where it does not',
  id: { resolve: localId },
  loadOne: nodeLoader('workflows'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, resolve: (w, _a, ctx) => ctx.registry.get(w.sourceId) }),
    cluster: t.field({ type: ClusterRef, nullable: true, resolve: (w, _a, ctx) => clusterOf(ctx, w) }),
    nativeId: t.exposeString('nativeId'),
    kind: t.exposeString('kind'),
    targetId: t.id({
      nullable: true,
      description: 'Global id of the object this workflow changes',
      resolve: (w) => (w.target ? encodeGlobalId({ type: w.target.type, sourceId: w.sourceId, nativeId: w.target.nativeId }) : null),
    }),
    state: t.expose('state', { type: WorkflowStateEnum }),
    rawState: t.exposeString('rawState'),
    progress: t.exposeFloat('progress', { nullable: true, description: '0..1' }),
    message: t.exposeString('message', { nullable: true }),
    steps: t.expose('steps', { type: [WorkflowStepRef] }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

addListField({
  entity: 'workflows',
  typeName: 'Workflow',
  node: WorkflowRef,
  description: 'Workflows across every source, newest first unless ordered otherwise',
  filterFields: (t) => ({
    state: t.field({ type: [WorkflowStateEnum] }),
    active: t.boolean({ description: 'true: only those still running or pending; false: only finished ones' }),
  }),
  toFilter: (input: { state?: Workflow['state'][] | null; active?: boolean | null }) => ({
    ...(input.state?.length ? { state: input.state } : {}),
    ...(input.active != null ? { active: input.active } : {}),
  }),
});
