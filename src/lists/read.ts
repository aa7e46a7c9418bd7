import { missingOf, withMissing } from '../model/partial.js';
import type { EntityReader, Want } from '../sources/adapter.js';

/*
 * What a request reads of a source's items (`Want`), so that readers whose items cost
 * calls per item (outline readers) make only the calls those fields need.
 */

/** True when `fields` has everything `want` names (never when `want` is every field). */
export const covers = (fields: ReadonlySet<string>, want: Want): boolean => want !== undefined && [...want].every((f) => fields.has(f));

export const withFields = (want: Want, more: Iterable<string>): Want => (want === undefined ? undefined : new Set([...want, ...more]));

/**
 * Every item matching the vendor-side `filter`, each complete for `want`; items the
 * vendor says went away between the list and their completion are left out.
 */
export function listFor<T, F>(reader: EntityReader<T, F>, filter: F, want: Want): Promise<T[]> {
  // Not async here: a list read whole (most are) is the reader's own promise, not one more around it.
  if (!reader.outline || want === undefined) return reader.list(filter);
  return completedOutlines(reader.outline, filter, want);
}

async function completedOutlines<T, F>(reader: NonNullable<EntityReader<T, F>['outline']>, filter: F, want: Want): Promise<T[]> {
  const outlines = await reader.list(filter);
  const items = covers(reader.fields, want)
    ? outlines.map((o) => o.known as T)
    : (await Promise.all(outlines.map((o) => o.complete(want)))).filter((item): item is Awaited<T> => item !== null);
  return withMissing(items, missingOf(outlines));
}
