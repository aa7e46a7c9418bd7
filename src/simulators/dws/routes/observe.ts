import type { Route } from '../../kit/definition.js';
import { json } from '../../kit/http.js';
import { invalid } from '../errors.js';
import { readPage, slicePage } from '../paging.js';
import { alarmDetail } from '../present.js';
import { parseGmtOffset } from '../time.js';
import { type DwsContext, route } from './shared.js';

/** Events (5.9.1) and alarm details (5.8.1): project-wide, newest first, paged by offset/limit. */
export function observeRoutes(ctx: DwsContext): Route[] {
  const { store } = ctx;
  return [
    route('GET', '/v2/{project_id}/events', (req) => {
      const page = readPage(req.query, 1000);
      const all = [...store.events].sort((a, b) => b.occur_time - a.occur_time);
      return json(200, { events: slicePage(all, page), count: all.length });
    }),
    route('GET', '/v2/{project_id}/alarms', (req) => {
      const zone = req.query.get('time_zone') || 'GMT+08:00';
      const offset = parseGmtOffset(zone);
      if (offset === undefined) throw invalid('DWS.5065', 'time_zone', `${zone} is not a time zone such as GMT+08:00`);
      const page = readPage(req.query, 10);
      const all = [...store.alarms].sort((a, b) => b.generatedAt - a.generatedAt);
      return json(200, { alarm_details: slicePage(all, page).map((a) => alarmDetail(a, store, offset)), count: all.length });
    }),
  ];
}
