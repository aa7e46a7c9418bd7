import { type NativeIdRule, onePart } from '../../model/ids.js';
import { parseOperationId } from './map.js';

/**
 * OTE-stack ids by type: a cluster's name, a host's `<cluster>/<node>`, a deployment's
 * number, and an operation's `deployment:<id>:<type>:<version>` (see map.ts).
 */
export const isOtestackId: NativeIdRule = (type, id) => {
  if (type === 'Cluster') return onePart(id);
  if (type === 'Host') return id.split('/').length === 2;
  if (type === 'Deployment') return /^\d+$/.test(id);
  if (type === 'Workflow') return parseOperationId(id) !== undefined;
  return false;
};
