import { builder } from '../../builder.js';
import { type OperationPayload, targetGlobalId } from '../../operations.js';
import { MUTATION_ERRORS } from '../errors.js';
import { SourceRef, sourceOfItem } from '../source.js';
import { WorkflowRef } from '../workflow.js';

export const OperationPayloadRef = builder.objectRef<OperationPayload>('OperationPayload').implement({
  description: 'A change the source accepted; long-running ones carry the workflow to watch',
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: 'The source that accepted the change', resolve: sourceOfItem }),
    targetId: t.id({
      nullable: true,
      description: 'Global id of the object created or changed; null until the vendor has named a new one',
      resolve: targetGlobalId,
    }),
    workflow: t.field({
      type: WorkflowRef,
      nullable: true,
      description: 'Watch it with the workflowProgress subscription; null for changes that are done at once',
      resolve: (p) => p.result.workflow ?? null,
    }),
  }),
});

/**
 * What every mutation answers: one union, since every mutation has the same payload
 * and the same errors. Named once here rather than one auto-named union per mutation.
 */
const OPERATION_RESULT = {
  name: 'OperationResult',
  description: 'A mutation’s answer: the payload when the source accepted the change, otherwise the error saying why not',
};

/** Field options every mutation shares: operator role, typed errors as data, one payload type. */
export const mutationOptions = {
  type: OperationPayloadRef,
  authScopes: { operator: true },
  errors: {
    types: MUTATION_ERRORS,
    directResult: true,
    // The plugin builds one union per result name: every mutation naming the same one shares it.
    result: { name: OPERATION_RESULT.name },
    union: OPERATION_RESULT,
  },
} as const;
