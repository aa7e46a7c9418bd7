import type { Route } from '../../kit/definition.js';
import { bodyObject, json, type SimRequest } from '../../kit/http.js';
import { invalid, notFound } from '../errors.js';
import { readPage, slicePage } from '../paging.js';
import { parseGmtOffset } from '../time.js';
import { intField, optionalString, requireString } from '../validate.js';
import { type DwsContext, param, route } from './shared.js';

/**
 * Alarm (5.8.3-6) and event (5.9.2-5) subscriptions: the same resource with different
 * filters, sent to an SMN topic. Alarm subscriptions filter by severity; event
 * subscriptions by source type, source, category, severity and tag. Each filter is a
 * comma-separated list of the values its table allows, or empty for all.
 */
interface Filter {
  field: string;
  allowed?: readonly string[];
}

interface Kind {
  path: string;
  idParam: string;
  listKey: string;
  filters: readonly Filter[];
  /** Whether `time_zone` is mandatory on creation (alarm subscriptions) or optional (event ones). */
  timeZoneRequired: boolean;
}

const KINDS: readonly Kind[] = [
  {
    path: '/v2/{project_id}/alarm-subs',
    idParam: 'alarm_sub_id',
    listKey: 'alarm_subscriptions',
    filters: [{ field: 'alarm_level', allowed: ['urgent', 'important', 'minor', 'prompt'] }],
    timeZoneRequired: true,
  },
  {
    path: '/v2/{project_id}/event-subs',
    idParam: 'event_sub_id',
    // The table names the list `event_subscription`; the example (which we follow) `event_subscriptions`.
    listKey: 'event_subscriptions',
    filters: [
      { field: 'source_type', allowed: ['cluster', 'backup', 'disaster-recovery'] },
      { field: 'source_id' },
      { field: 'category', allowed: ['management', 'monitor', 'security', 'system alarm'] },
      { field: 'severity', allowed: ['normal', 'warning'] },
      { field: 'tag' },
    ],
    timeZoneRequired: false,
  },
];

type Subscription = Record<string, string | number>;

/** SMN topic URNs: `urn:smn:<region>:<project id>:<topic name>`. */
const TOPIC_URN = /^urn:smn:[a-z0-9-]+:[0-9a-f]{32}:[A-Za-z0-9_-]{1,255}$/;

function readFilter(body: Record<string, unknown>, f: Filter): string {
  const v = optionalString(body, f.field, f.field) ?? '';
  if (f.allowed && v !== '') {
    for (const part of v.split(',')) {
      if (!f.allowed.includes(part)) throw invalid('DWS.5065', f.field, `${part} is not one of ${f.allowed.join(', ')}`);
    }
  }
  return v;
}

/** The fields a creation and a modification share, validated. */
function readCommon(body: Record<string, unknown>, kind: Kind): Subscription {
  const name = requireString(body, 'name', 'name');
  if (name.length > 64) throw invalid('DWS.5056', 'name', 'at most 64 characters');
  const enable = intField(body, 'enable', 'enable', { min: 0, max: 1 }) ?? 1;
  const target = requireString(body, 'notification_target', 'notification_target');
  if (!TOPIC_URN.test(target))
    throw invalid('DWS.5065', 'notification_target', `${target} is not an SMN topic URN such as urn:smn:cn-north-4:<project id>:<topic>`);
  const targetName = requireString(body, 'notification_target_name', 'notification_target_name');
  const targetType = requireString(body, 'notification_target_type', 'notification_target_type');
  if (targetType !== 'SMN') throw invalid('DWS.5089', 'notification_target_type', 'only SMN is supported');
  const filters = Object.fromEntries(kind.filters.map((f) => [f.field, readFilter(body, f)]));
  return { name, enable, ...filters, notification_target: target, notification_target_name: targetName, notification_target_type: targetType };
}

function readTimeZone(body: Record<string, unknown>, required: boolean): string | undefined {
  const zone = required ? requireString(body, 'time_zone', 'time_zone') : optionalString(body, 'time_zone', 'time_zone');
  if (zone !== undefined && parseGmtOffset(zone) === undefined) throw invalid('DWS.5065', 'time_zone', `${zone} is not a time zone such as GMT+08:00`);
  return zone;
}

export function subscriptionRoutes(ctx: DwsContext): Route[] {
  const { store, env } = ctx;
  return KINDS.flatMap((kind) => {
    const subs = new Map<string, Subscription>();
    const find = (req: SimRequest) => {
      const id = param(req, kind.idParam);
      const s = subs.get(id);
      if (!s) throw notFound('subscription', id);
      return s;
    };
    const itemPath = `${kind.path}/{${kind.idParam}}`;
    return [
      route('GET', kind.path, (req) => {
        const page = readPage(req.query, 1000);
        const all = [...subs.values()];
        return json(200, { count: all.length, [kind.listKey]: slicePage(all, page) });
      }),
      route('POST', kind.path, (req) => {
        const body = bodyObject(req);
        const common = readCommon(body, kind);
        const zone = readTimeZone(body, kind.timeZoneRequired) ?? 'GMT+08:00';
        // Field order as in the examples; the service answers in the console's language, zh-cn in every example.
        const s: Subscription = { id: env.rng.uuid(), ...common, language: 'zh-cn', project_id: store.project.id, name_space: 'DWS', time_zone: zone };
        subs.set(s.id as string, s);
        return json(200, s);
      }),
      route('PUT', itemPath, (req) => {
        const s = find(req);
        const body = bodyObject(req);
        const common = readCommon(body, kind);
        const zone = readTimeZone(body, false);
        Object.assign(s, common, zone ? { time_zone: zone } : {});
        return json(200, s);
      }),
      route('DELETE', itemPath, (req) => {
        const s = find(req);
        subs.delete(s.id as string);
        return json(200, s);
      }),
    ];
  });
}
