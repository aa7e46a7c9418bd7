import type { Route } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import type { TiemContext } from '../context.js';
import { ERR, fail, invalidField, ok } from '../errors.js';
import { isPageRequest, paginate, readPage } from '../paging.js';
import { backupRecord } from '../render.js';
import { checkFields } from '../requests.js';
import { inListOrder } from '../records.js';
import { clusterBackups, removeBackup } from '../state.js';
import { findCluster, isCluster, maintenanceConflict } from './clusters.js';

const BASE = '/api/v1/backups';

/** `startTime`/`endTime` filters are Unix seconds (the document types them as integers). */
function secondsParam(query: URLSearchParams, name: string): number | undefined | 'invalid' {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  return /^\d+$/.test(raw) ? Number(raw) * 1000 : 'invalid';
}

export function backupRoutes(ctx: TiemContext): Route[] {
  const { env, state, ops } = ctx;
  return [
    {
      method: 'GET',
      path: `${BASE}/`,
      handle: (req) => {
        const paging = readPage(req.query);
        if (!isPageRequest(paging)) return paging;
        const from = secondsParam(req.query, 'startTime');
        const to = secondsParam(req.query, 'endTime');
        if (from === 'invalid') return invalidField('startTime', 'must be a Unix timestamp in seconds');
        if (to === 'invalid') return invalidField('endTime', 'must be a Unix timestamp in seconds');
        const backupId = req.query.get('backupId') || undefined;
        const clusterId = req.query.get('clusterId') || undefined;
        const matches = (clusterId ? inListOrder(clusterBackups(state, clusterId)) : state.backups.listed())
          .filter((b) => !backupId || b.id === backupId)
          .filter((b) => (from === undefined || b.startTime >= from) && (to === undefined || b.startTime <= to));
        const { items, page } = paginate(matches, paging);
        return ok({ backupRecords: items.map(backupRecord) }, page);
      },
    },
    {
      method: 'POST',
      path: `${BASE}/`,
      handle: (req) => {
        const body = bodyObject(req);
        const problem = checkFields(body, ['clusterId'], { clusterId: 'string', backupType: 'string', backupMode: 'string' });
        if (problem) return problem;
        const type = body.backupType || 'full';
        const mode = body.backupMode || 'manual';
        if (type !== 'full' && type !== 'incr') return invalidField('backupType', 'must be full or incr');
        if (mode !== 'manual' && mode !== 'auto') return invalidField('backupMode', 'must be manual or auto');
        const cluster = findCluster(ctx, body.clusterId as string);
        if (!isCluster(cluster)) return cluster;
        const conflict = maintenanceConflict(cluster);
        if (conflict) return conflict;
        if (cluster.status !== 'Running')
          return fail(ERR.maintenanceConflict, `cluster ${cluster.id} is ${cluster.status}: only a Running cluster can be backed up`);
        const now = env.clock.now();
        const record = ops.newBackup(cluster, now, mode, type);
        const wf = ops.backup(cluster, record, now, env.operationFails());
        return ok({ backupId: record.id, workFlowId: wf.id });
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/{backupId}`,
      handle: (req) => {
        const body = bodyObject(req);
        const problem = checkFields(body, [], { clusterId: 'string', backupMode: 'string' });
        if (problem) return problem;
        const record = state.backups.get(req.params.backupId ?? '');
        if (!record) return fail(ERR.backupNotFound, `backup record not found: ${req.params.backupId ?? ''}`);
        if (body.clusterId && body.clusterId !== record.clusterId) {
          return invalidField('clusterId', `does not match backup record ${record.id} (cluster ${record.clusterId})`);
        }
        if (record.status === 'Initializing' || record.status === 'Processing') {
          return fail(ERR.backupInvalid, `backup record ${record.id} is ${record.status}: wait for it to end before deleting it`);
        }
        // Deleting a backup removes its record and files at once; TiEM runs no workflow for it.
        removeBackup(state, record);
        return ok({});
      },
    },
  ];
}
