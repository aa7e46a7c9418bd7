import type { NativeIdRule } from '../../model/ids.js';
import { splitCompositeId } from './map.js';

/** Every id in this API is a MongoDB ObjectId; anything else names nothing. */
export const isObjectId = (id: string): boolean => /^[0-9a-f]{24}$/i.test(id);

/**
 * DC/OS ids by type: a cluster's ObjectId, and `<clusterId>:<ownId>` for the hosts,
 * operation logs and operations that live within one (see map.ts).
 */
export const isDcosId: NativeIdRule = (type, id) => {
  if (type === 'Cluster') return isObjectId(id);
  if (type !== 'Host' && type !== 'Event' && type !== 'Workflow') return false;
  const parts = splitCompositeId(id);
  return parts !== null && isObjectId(parts.clusterId) && !parts.id.includes('/');
};
