import type { GatewayContext } from '../context.js';
import { NotFoundError } from '../model/errors.js';
import { encodeGlobalId, type NodeType } from '../model/ids.js';
import type { EntityName, EntityTypes } from '../model/entity-types.js';
import { splitLocalId } from './builder.js';

const NODE_TYPE: Record<EntityName, NodeType> = {
  clusters: 'Cluster',
  hosts: 'Host',
  snapshots: 'Snapshot',
  events: 'Event',
  deployments: 'Deployment',
  workflows: 'Workflow',
};

/**
 * `loadOne` for a node type: `node(id)` with an id that decodes but names nothing
 * (a deleted cluster, a source no longer configured) is a NOT_FOUND error naming the
 * id, not a bare null, so a client can tell "gone" from "not allowed to say".
 */
export function nodeLoader<E extends EntityName>(entity: E) {
  return async (local: string, ctx: GatewayContext): Promise<EntityTypes[E]['item']> => {
    const { sourceId, nativeId } = splitLocalId(local);
    const id = encodeGlobalId({ type: NODE_TYPE[entity], sourceId, nativeId });
    ctx.registry.locate({ type: NODE_TYPE[entity], sourceId, nativeId });
    const reader = ctx.session(sourceId)[entity];
    const item = reader ? await reader.get(nativeId) : null;
    if (!item) throw new NotFoundError(NODE_TYPE[entity], id);
    return item as EntityTypes[E]['item'];
  };
}

/** An object's cluster, or null where the vendor does not tie it to one. */
export async function clusterOf(ctx: GatewayContext, item: { sourceId: string; clusterNativeId?: string }) {
  if (!item.clusterNativeId) return null;
  return (await ctx.session(item.sourceId).clusters?.get(item.clusterNativeId)) ?? null;
}
