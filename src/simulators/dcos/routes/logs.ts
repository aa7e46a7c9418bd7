import type { Route } from '../../kit/definition.js';
import type { Ctx } from '../context.js';
import { guarded } from '../errors.js';
import { listResponse } from '../query.js';
import { logView } from '../views.js';

/** `GET /v1/logs`: operation logs, filtered by user, query type and cluster. */
export function logRoutes({ state }: Ctx): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/logs',
      handle: guarded((req) => {
        const q = req.query;
        const filters = {
          userName: q.get('user_name')?.trim(),
          queryType: q.get('queryType')?.trim(),
          userId: q.get('user_id')?.trim(),
          clusterId: q.get('cluster_id')?.trim(),
        };
        const rows = state.logs.filter((l) => Object.entries(filters).every(([key, value]) => !value || l[key as keyof typeof filters] === value));
        return listResponse(rows, q, logView);
      }),
    },
  ];
}
