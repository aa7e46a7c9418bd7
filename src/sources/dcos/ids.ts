import { type NativeIdRule, onePart } from '../../model/ids.js';
import { splitCompositeId } from './map.js';

/**
 * DC/OS ids by type: a cluster's own id, and `<clusterId>:<ownId>` for the hosts,
 * operation logs and operations that live within one (see map.ts).
 */
export const isDcosId: NativeIdRule = (type, id) => {
  if (!onePart(id)) return false;
  if (type === 'Cluster') return !id.includes(':');
  if (type === 'Host' || type === 'Event' || type === 'Workflow') return splitCompositeId(id) !== null;
  return false;
};
