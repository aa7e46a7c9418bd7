import type { Workflow, WorkflowStep } from '../../model/entities.js';
import { encodeGlobalId } from '../../model/ids.js';
import { builder, nodeId } from '../builder.js';
import { addListField } from '../lists.js';
import { clusterOf, nodeLoader } from '../nodes.js';
import { SHARED } from './common.js';
import { WorkflowKindEnum, WorkflowStateEnum } from './enums.js';
import { ClusterRef } from './cluster.js';
import { SourceRef, sourceOfItem } from './source.js';

const WorkflowStepRef = builder.objectRef<WorkflowStep>('WorkflowStep').implement({
  description: 'One step of a workflow, where the vendor reports steps (TiEM)',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The step, in the vendor’s words' }),
    state: t.expose('state', { type: WorkflowStateEnum, description: 'Where the step is' }),
    message: t.exposeString('message', { nullable: true, description: 'What the step reported; null where it reported nothing' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When it began; null while pending' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true, description: 'When it ended; null until it has' }),
  }),
});

export const WorkflowRef = builder.objectRef<Workflow>('Workflow');

builder.node(WorkflowRef, {
  description: 'A long-running change: read from the vendor where it has workflow ids, derived from the target’s status where it does not',
  id: nodeId(WorkflowRef),
  loadOne: nodeLoader('workflows'),
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: SHARED.source, resolve: sourceOfItem }),
    cluster: t.field({
      type: ClusterRef,
      nullable: true,
      description: 'The cluster it changes or belongs to; null where it changes none (a deployment on several clusters) or the cluster is gone',
      resolve: (w, _a, ctx) => clusterOf(ctx, w),
    }),
    nativeId: t.exposeString('nativeId', { description: 'The vendor’s workflow id, or the id Fleetgate derives for vendors without workflow ids' }),
    kind: t.expose('kind', { type: WorkflowKindEnum, description: 'What it does' }),
    rawKind: t.exposeString('rawKind', {
      nullable: true,
      description: 'The vendor’s own name for the operation, where it names one (TiEM flow names); null elsewhere',
    }),
    targetId: t.id({
      nullable: true,
      description: 'Global id of the object this workflow changes; null where the vendor does not say',
      resolve: (w) => (w.target ? encodeGlobalId({ type: w.target.type, sourceId: w.sourceId, nativeId: w.target.nativeId }) : null),
    }),
    state: t.expose('state', { type: WorkflowStateEnum, description: 'Where it is, normalized' }),
    rawState: t.exposeString('rawState', {
      description: 'The state in the vendor’s own words (a TiEM flow status, a DWS task word, an OTE-stack status code, ...)',
    }),
    progress: t.exposeFloat('progress', { nullable: true, description: 'Share done, 0..1; null where the vendor neither reports nor implies it' }),
    message: t.exposeString('message', {
      nullable: true,
      description: 'What the vendor says about it now (the current step, a failure reason); null where it says nothing',
    }),
    steps: t.expose('steps', { type: [WorkflowStepRef], description: 'Its steps, done and to come; empty where the vendor reports none' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When it began; null where the vendor does not say' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed; null where the vendor does not say' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true, description: 'When it ended; null until it has, or where the vendor does not say' }),
  }),
});

addListField({
  entity: 'workflows',
  typeName: 'Workflow',
  node: WorkflowRef,
  plural: 'workflows',
  description: 'Workflows across every source, started in Fleetgate or elsewhere',
  filterFields: (t) => ({
    state: t.field({ type: [WorkflowStateEnum], description: 'Only workflows in one of these states' }),
    active: t.boolean({ description: 'true: only those still running or pending; false: only finished ones' }),
  }),
  toFilter: (input: { state?: Workflow['state'][] | null; active?: boolean | null }) => ({
    ...(input.state?.length ? { state: input.state } : {}),
    ...(input.active != null ? { active: input.active } : {}),
  }),
});
