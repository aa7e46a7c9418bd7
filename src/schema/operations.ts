import type { GatewayContext } from '../context.js';
import { NotFoundError, UnsupportedOperationError, ValidationError } from '../model/errors.js';
import { decodeGlobalId, encodeGlobalId, type NodeType } from '../model/ids.js';
import type { OperationName, OperationResult, SourceOperations } from '../model/operations.js';
import type { SourceAdapter } from '../sources/adapter.js';
import type { EntityName } from '../model/entity-types.js';

const ENTITY_OF: Partial<Record<NodeType, EntityName>> = {
  Cluster: 'clusters',
  Host: 'hosts',
  Snapshot: 'snapshots',
  Deployment: 'deployments',
  Workflow: 'workflows',
};

/** The source's operation, or UnsupportedOperationError naming the kind and operation. */
export function operationOf<O extends OperationName>(adapter: SourceAdapter, operation: O): NonNullable<SourceOperations[O]> {
  const fn = adapter.operations?.[operation];
  if (!fn) throw new UnsupportedOperationError(adapter.info.kind, operation, adapter.info.id);
  return fn.bind(adapter.operations) as NonNullable<SourceOperations[O]>;
}

/**
 * Resolves a mutation's target id: the right type (ValidationError naming the argument
 * otherwise), a configured source, an operation the vendor has, and an object that
 * exists (NotFoundError) — all before anything is sent that could change the fleet.
 */
export function targetOf<O extends OperationName>(
  ctx: GatewayContext,
  argument: string,
  id: string,
  type: NodeType,
  operation: O,
): Promise<{ adapter: SourceAdapter; nativeId: string; run: NonNullable<SourceOperations[O]> }> {
  return targetWith(ctx, argument, id, type, (adapter) => operationOf(adapter, operation));
}

/**
 * As targetOf, for any capability: `pick` answers what the source's adapter offers for
 * the change, or throws UnsupportedOperationError (a vendor's own mutation picks the
 * vendor object of its kind).
 */
export async function targetWith<R>(
  ctx: GatewayContext,
  argument: string,
  id: string,
  type: NodeType,
  pick: (adapter: SourceAdapter) => R,
): Promise<{ adapter: SourceAdapter; nativeId: string; run: R }> {
  const decoded = decodeGlobalId(id);
  if (decoded.type !== type) throw new ValidationError(argument, `expected a ${type} id, got a ${decoded.type} id`);
  const adapter = ctx.registry.locate(decoded);
  const run = pick(adapter);
  const entity = ENTITY_OF[type];
  const reader = entity ? ctx.session(adapter.info.id)[entity] : undefined;
  if (reader && !(await reader.get(decoded.nativeId))) throw new NotFoundError(type, id);
  return { adapter, nativeId: decoded.nativeId, run };
}

/** A source named by its config id in a mutation input. */
export function sourceOf(ctx: GatewayContext, argument: string, sourceId: string): SourceAdapter {
  if (!ctx.registry.has(sourceId)) throw new ValidationError(argument, `no source "${sourceId}" is configured`);
  return ctx.registry.get(sourceId);
}

/** What every mutation returns on success. */
export interface OperationPayload {
  sourceId: string;
  result: OperationResult;
}

export const payload = (adapter: SourceAdapter, result: OperationResult): OperationPayload => ({ sourceId: adapter.info.id, result });

export const targetGlobalId = (p: OperationPayload) =>
  p.result.target ? encodeGlobalId({ type: p.result.target.type, sourceId: p.sourceId, nativeId: p.result.target.nativeId }) : null;

/** GraphQL gives absent input fields as null; the model says undefined. Recursive. */
export function withoutNulls<T>(value: T): DeepNonNull<T> {
  if (Array.isArray(value)) return value.map(withoutNulls) as DeepNonNull<T>;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    ) as DeepNonNull<T>;
  }
  return value as DeepNonNull<T>;
}

type DeepNonNull<T> = T extends (infer U)[]
  ? DeepNonNull<U>[]
  : T extends object
    ? { [K in keyof T as null extends T[K] ? K : K]: null extends T[K] ? DeepNonNull<NonNullable<T[K]>> | undefined : DeepNonNull<T[K]> }
    : T;
