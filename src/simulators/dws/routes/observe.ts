import type { Route } from '../../kit/definition.js';
import { json } from '../../kit/http.js';
import { invalid } from '../errors.js';
import { readPage, slicePage } from '../paging.js';
import type { DwsAlarm } from '../model.js';
import { alarmDetail } from '../present.js';
import { parseGmtOffset } from '../time.js';
import { type DwsContext, route } from './shared.js';

const DAY = 24 * 60 * 60 * 1000;
const LEVELS = { '1': 'urgent', '2': 'important', '3': 'minor', '4': 'prompt' } as const;

function readZone(query: URLSearchParams): number {
  const zone = query.get('time_zone') || 'GMT+08:00';
  const offset = parseGmtOffset(zone);
  if (offset === undefined) throw invalid('DWS.5065', 'time_zone', `${zone} is not a time zone such as GMT+08:00`);
  return offset;
}

/**
 * Alarm statistics (5.8.2): alarms raised per day and severity over the last seven days
 * (today included, in the requested zone), as in the example. The table types the
 * counts String; the example sends numbers, which is what we emit.
 */
function alarmStatistics(alarms: readonly DwsAlarm[], now: number, offsetMinutes: number) {
  const localDay = (ms: number) => Math.floor((ms + offsetMinutes * 60_000) / DAY);
  const today = localDay(now);
  const days = Array.from({ length: 7 }, (_, i) => ({
    date: new Date((today - 6 + i) * DAY).toISOString().slice(0, 10),
    urgent: 0,
    important: 0,
    minor: 0,
    prompt: 0,
  }));
  for (const a of alarms) {
    const row = days[localDay(a.generatedAt) - (today - 6)];
    const level = LEVELS[a.alarmLevel as keyof typeof LEVELS];
    if (row && level) row[level]++;
  }
  return days;
}

/** Events (5.9.1) and alarm details (5.8.1): project-wide, newest first, paged by offset/limit; alarm statistics. */
export function observeRoutes(ctx: DwsContext): Route[] {
  const { store, env } = ctx;
  return [
    route('GET', '/v2/{project_id}/events', (req) => {
      const page = readPage(req.query, 1000);
      const all = [...store.events].sort((a, b) => b.occur_time - a.occur_time);
      return json(200, { events: slicePage(all, page), count: all.length });
    }),
    route('GET', '/v2/{project_id}/alarms', (req) => {
      const offset = readZone(req.query);
      const page = readPage(req.query, 10);
      const all = [...store.alarms].sort((a, b) => b.generatedAt - a.generatedAt);
      return json(200, { alarm_details: slicePage(all, page).map((a) => alarmDetail(a, store, offset)), count: all.length });
    }),
    route('GET', '/v2/{project_id}/alarm-statistic', (req) =>
      json(200, { alarm_statistics: alarmStatistics(store.alarms, env.clock.now(), readZone(req.query)) }),
    ),
  ];
}
