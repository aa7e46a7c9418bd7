import { TERMINAL_WORKFLOW_STATES } from '../model/status.js';
import type { EntityName, EntityTypes } from '../model/entity-types.js';

type Item<E extends EntityName> = EntityTypes[E]['item'];
type Filter<E extends EntityName> = EntityTypes[E]['filter'];

/** The time a since/until filter looks at, per entity. */
const TIME_FIELD: Partial<Record<EntityName, string>> = { events: 'occurredAt', snapshots: 'startedAt' };

/** A filter key: the item field it reads (none: it does not apply to this entity) and its test. */
interface Check {
  field(entity: EntityName): string | undefined;
  passes(wanted: never, value: unknown): boolean;
}

const anyOf: Check = { field: () => undefined, passes: (wanted: string[], value) => wanted.length === 0 || wanted.includes(value as string) };
const own = (field: string): Check => ({ ...anyOf, field: () => field });

const CHECKS: Record<string, Check> = {
  nameContains: {
    field: () => 'name',
    passes: (wanted: string, value) =>
      String(value ?? '')
        .toLowerCase()
        .includes(wanted.toLowerCase()),
  },
  clusterNativeId: { field: (entity) => (entity === 'clusters' ? 'nativeId' : 'clusterNativeId'), passes: (wanted: string, value) => value === wanted },
  labels: {
    field: () => 'labels',
    passes: (wanted: { key: string; value?: string }[], value) => {
      // A gap (the lookup failed) holds an error, not labels: nothing to match.
      const labels = Array.isArray(value) ? (value as { key: string; value: string }[]) : [];
      // No value, or an empty one, asks for the key whatever its value (LabelInput's contract).
      return wanted.every((want) => labels.some((l) => l.key === want.key && (!want.value || l.value === want.value)));
    },
  },
  status: own('status'),
  severity: own('severity'),
  state: own('state'),
  active: { field: () => 'state', passes: (wanted: boolean, value) => !TERMINAL_WORKFLOW_STATES.has(value as never) === wanted },
  since: { field: (entity) => TIME_FIELD[entity], passes: (wanted: string, value) => !!value && Date.parse(value as string) >= Date.parse(wanted) },
  until: { field: (entity) => TIME_FIELD[entity], passes: (wanted: string, value) => !!value && Date.parse(value as string) <= Date.parse(wanted) },
};

/** The filter keys that are set and apply to `entity`, each with the item field it reads. */
function setChecks<E extends EntityName>(entity: E, filter: Filter<E>): { check: Check; field: string; wanted: unknown }[] {
  return Object.entries(filter as Record<string, unknown>).flatMap(([key, wanted]) => {
    const check = CHECKS[key];
    const field = check?.field(entity);
    return check && field && wanted !== undefined && wanted !== null ? [{ check, field, wanted }] : [];
  });
}

/**
 * The gateway's own evaluation of a filter. It runs on every item a vendor returns, even
 * for filters the vendor applied, so results do not depend on how loosely each vendor
 * matches ("contains" vs "starts with", case). The filter's checks are worked out once,
 * not per item: a list of a hundred items is filtered on every request.
 */
export function matcher<E extends EntityName>(entity: E, filter: Filter<E>): (item: Item<E>) => boolean {
  const checks = isEmpty(filter) ? NO_CHECKS : setChecks(entity, filter);
  if (checks.length === 0) return keepAll;
  return (item) => {
    const it = item as unknown as Record<string, unknown>;
    return checks.every(({ check, field, wanted }) => check.passes(wanted as never, it[field]));
  };
}

const keepAll = (): boolean => true;
const NO_CHECKS: readonly never[] = [];

/** Whether `filter` sets nothing: a cluster's own children on a nested page mostly are unfiltered. */
function isEmpty(filter: object): boolean {
  for (const _ in filter) return false;
  return true;
}

/** The item fields a `matcher` reads for `filter`: what an outline must have to be filtered. */
export function filterFields<E extends EntityName>(entity: E, filter: Filter<E>): string[] {
  return setChecks(entity, filter).map(({ field }) => field);
}

/** True when every set key of `filter` is one the vendor applies itself. */
export function fullyPushedDown<F>(filter: F, pushdown: ReadonlySet<keyof F>): boolean {
  return (Object.keys(filter as object) as (keyof F)[]).every((k) => (filter as Record<keyof F, unknown>)[k] === undefined || pushdown.has(k));
}

/** The part of `filter` the vendor applies; sent to the reader. Readers only read it, so "nothing" is one shared empty filter. */
export function pushedDownPart<F>(filter: F, pushdown: ReadonlySet<keyof F>): Partial<F> {
  let part: Partial<F> | undefined;
  for (const key in filter) {
    const value = filter[key];
    if (value !== undefined && pushdown.has(key)) (part ??= {} as Partial<F>)[key] = value;
  }
  return part ?? (NOTHING_PUSHED as Partial<F>);
}

const NOTHING_PUSHED = Object.freeze({});
