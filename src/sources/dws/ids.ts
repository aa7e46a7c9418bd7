import { type NativeIdRule, onePart } from '../../model/ids.js';
import { parseWorkflowId } from './map.js';

/**
 * DWS ids by type: its own ids for clusters, nodes and snapshots; events' ids (an
 * alarm's is a `:`-joined composite, see map.ts); workflows as parseWorkflowId reads them.
 */
export const isDwsId: NativeIdRule = (type, id) => {
  if (!onePart(id)) return false;
  if (type === 'Cluster' || type === 'Host' || type === 'Snapshot') return !id.includes(':');
  if (type === 'Event') return true;
  if (type === 'Workflow') return parseWorkflowId(id) !== null;
  return false;
};
