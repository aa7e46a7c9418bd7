import type { Route } from '../../kit/definition.js';
import { json } from '../../kit/http.js';
import { type DwsCluster, isHealthy } from '../model.js';
import { isoLocal } from '../../kit/time.js';
import { type DwsContext, param, route } from './shared.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/**
 * Audit log dump records (5.13.1): each dump exports ten minutes of audit logs to an
 * OBS bucket, as in the example. A healthy cluster has dumped once a day for the last
 * days before the simulation started (up to three), and the latest dump may still be
 * RUNNING. They are drawn from the cluster's own random stream when asked for, so a
 * fleet of any size starts without them and the answer does not depend on call order.
 */
function dumps(ctx: DwsContext, c: DwsCluster) {
  const rng = ctx.env.rng.fork(`audit-${c.id}`);
  const started = ctx.env.clock.startedAt;
  if (!isHealthy(c)) return [];
  const days = Math.min(3, Math.floor((started - c.createdAt) / DAY));
  const bucket = `dws-audit-${c.name.toLowerCase().replace(/_/g, '-')}`;
  return Array.from({ length: days }, (_, i) => {
    const begin = started - (days - i) * DAY + rng.int(0, 120) * MIN;
    const latest = i === days - 1;
    const result = latest && rng.chance(0.3) ? 'RUNNING' : rng.chance(0.1) ? 'FAILED' : 'SUCCESS';
    return {
      result,
      cluster_id: c.id,
      executor_time: isoLocal(begin + 10 * MIN + rng.int(30, 120) * 1000),
      begin_time: isoLocal(begin),
      end_time: isoLocal(begin + 10 * MIN),
      bucket_name: bucket,
      location_prefix: 'audit',
      failed_reason: result === 'FAILED' ? 'Failed to write to the OBS bucket: access denied.' : '',
    };
  });
}

export function auditLogRoutes(ctx: DwsContext): Route[] {
  return [
    route('GET', '/v1.0/{project_id}/clusters/{cluster_id}/audit-log-records', (req) => {
      const c = ctx.store.cluster(param(req, 'cluster_id'));
      const records = dumps(ctx, c);
      return json(200, { records, count: records.length, cluster_id: c.id });
    }),
  ];
}
