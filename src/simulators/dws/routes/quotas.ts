import type { Route } from '../../kit/definition.js';
import { json } from '../../kit/http.js';
import { quotas } from '../quotas.js';
import { type DwsContext, route } from './shared.js';

/**
 * Quotas (5.10.1). The table types `used` and `quota` Integer; the example sends them as
 * strings, which is what we emit.
 */
export function quotaRoutes(ctx: DwsContext): Route[] {
  return [
    route('GET', '/v1.0/{project_id}/quotas', () =>
      json(200, { quotas: { resources: quotas(ctx.store).map((q) => ({ type: q.type, used: String(q.used), quota: String(q.quota), unit: q.unit })) } }),
    ),
  ];
}
