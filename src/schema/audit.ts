import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import { GatewayError } from '../model/errors.js';
import { encodeGlobalId } from '../model/ids.js';
import { type OperationPayload, targetGlobalId } from './operations.js';

/** One change asked of the fleet, as the audit log records it. */
export interface AuditRecord {
  /** The caller's token name and role. */
  viewer: string;
  role: string;
  mutation: string;
  /** What the change names: ids, source, name. Never other input (passwords travel there). */
  target: Record<string, string>;
  /** ACCEPTED, or the error code that refused it (FORBIDDEN, NOT_FOUND, SOURCE_…). */
  outcome: string;
  /** Set when accepted: the object changed or created, and the workflow to watch (global ids). */
  targetId?: string;
  workflowId?: string;
}

/** The argument names that identify a mutation's target, at the top level or in `input`. */
const TARGET_KEYS = ['id', 'clusterId', 'snapshotId', 'sourceId', 'name'] as const;

function targetOf(args: Record<string, unknown>): Record<string, string> {
  const target: Record<string, string> = {};
  const input = (args.input ?? {}) as Record<string, unknown>;
  for (const key of TARGET_KEYS) {
    const value = args[key] ?? input[key];
    if (typeof value === 'string') target[key] = value;
  }
  return target;
}

/**
 * Wraps every Mutation field, outside auth and the errors plugin, so one place sees each
 * attempt and how it ended: refused by a scope (thrown), answered with an error as data
 * (returned), or accepted. Done on the built schema rather than in each resolver so a
 * new mutation cannot be added unaudited.
 */
export function auditMutations(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, ctx: GatewayContext, info) => {
      const record = (outcome: string, extra: Partial<AuditRecord> = {}) =>
        ctx.audit({ viewer: ctx.viewer.name, role: ctx.viewer.role, mutation: field.name, target: targetOf(args), outcome, ...extra });
      try {
        const result = await resolve(source, args, ctx, info);
        // The errors plugin answers an error as data through a proxy of it (not an
        // instance of its class), so a payload is told apart by its shape.
        const accepted = result as OperationPayload;
        if (!accepted.result || typeof accepted.sourceId !== 'string') record(String((result as { code?: unknown }).code ?? 'ERROR'));
        else {
          const targetId = targetGlobalId(accepted);
          const workflow = accepted.result.workflow;
          record('ACCEPTED', {
            ...(targetId ? { targetId } : {}),
            ...(workflow ? { workflowId: encodeGlobalId({ type: 'Workflow', sourceId: workflow.sourceId, nativeId: workflow.nativeId }) } : {}),
          });
        }
        return result;
      } catch (error) {
        record(error instanceof GatewayError ? error.code : ((error as { extensions?: { code?: string } }).extensions?.code ?? 'ERROR'));
        throw error;
      }
    };
  }
  return schema;
}
