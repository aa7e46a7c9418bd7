import { type NativeIdRule, onePart } from '../../model/ids.js';
import { splitHostNativeId } from './map.js';

/** TiEM's own ids (clusters, backups, workflows) are URL-safe base64. */
const TIEM_ID = /^[A-Za-z0-9_-]+$/;

/** TiEM ids by type: its own, and a host's `<clusterId>/<instanceId>` (see map.ts). */
export const isTiemId: NativeIdRule = (type, id) => {
  if (type === 'Host') {
    const host = splitHostNativeId(id);
    return host !== undefined && TIEM_ID.test(host.clusterId) && onePart(host.instanceId);
  }
  return (type === 'Cluster' || type === 'Snapshot' || type === 'Workflow') && TIEM_ID.test(id);
};
