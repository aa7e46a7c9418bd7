import { TERMINAL_WORKFLOW_STATES } from '../model/status.js';
import type { CommonFilter, EntityName, EntityTypes } from '../sources/adapter.js';

type Item<E extends EntityName> = EntityTypes[E]['item'];
type Filter<E extends EntityName> = EntityTypes[E]['filter'];

/** The time a since/until filter looks at, per entity. */
const TIME_FIELD: Partial<Record<EntityName, string>> = { events: 'occurredAt', snapshots: 'startedAt' };

/**
 * The gateway's own evaluation of a filter. It runs on every item a vendor returns, even
 * for filters the vendor applied, so results do not depend on how loosely each vendor
 * matches ("contains" vs "starts with", case).
 */
export function matches<E extends EntityName>(entity: E, filter: Filter<E>, item: Item<E>): boolean {
  const f = filter as CommonFilter & Record<string, unknown>;
  const it = item as unknown as Record<string, unknown>;
  if (f.nameContains && !String(it.name ?? '').toLowerCase().includes(f.nameContains.toLowerCase())) return false;
  if (f.clusterNativeId !== undefined) {
    const own = entity === 'clusters' ? it.nativeId : it.clusterNativeId;
    if (own !== f.clusterNativeId) return false;
  }
  if (f.labels?.length) {
    const labels = (it.labels as { key: string; value: string }[] | undefined) ?? [];
    const ok = f.labels.every((want) => labels.some((l) => l.key === want.key && (want.value === undefined || l.value === want.value)));
    if (!ok) return false;
  }
  for (const key of ['status', 'severity', 'state'] as const) {
    const wanted = f[key] as string[] | undefined;
    if (wanted?.length && !wanted.includes(it[key] as string)) return false;
  }
  if (f.active !== undefined) {
    const active = !TERMINAL_WORKFLOW_STATES.has(it.state as never);
    if (active !== f.active) return false;
  }
  const timeField = TIME_FIELD[entity];
  if (timeField && (f.since || f.until)) {
    const at = it[timeField] as string | undefined;
    if (!at) return false;
    if (f.since && Date.parse(at) < Date.parse(f.since as string)) return false;
    if (f.until && Date.parse(at) > Date.parse(f.until as string)) return false;
  }
  return true;
}

/** True when every set key of `filter` is one the vendor applies itself. */
export function fullyPushedDown<F>(filter: F, pushdown: ReadonlySet<keyof F>): boolean {
  return (Object.keys(filter as object) as (keyof F)[]).every(
    (k) => (filter as Record<keyof F, unknown>)[k] === undefined || pushdown.has(k),
  );
}

/** The part of `filter` the vendor applies; sent to the reader. */
export function pushedDownPart<F>(filter: F, pushdown: ReadonlySet<keyof F>): Partial<F> {
  return Object.fromEntries(
    Object.entries(filter as object).filter(([k, v]) => v !== undefined && pushdown.has(k as keyof F)),
  ) as Partial<F>;
}
