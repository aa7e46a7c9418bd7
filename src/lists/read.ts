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
export async function listFor<T, F>(reader: EntityReader<T, F>, filter: F, want: Want): Promise<T[]> {
  if (!reader.outline || want === undefined) return reader.list(filter);
  const outlines = await reader.outline.list(filter);
  const items = covers(reader.outline.fields, want)
    ? outlines.map((o) => o.known as T)
    : (await Promise.all(outlines.map((o) => o.complete(want)))).filter((item): item is Awaited<T> => item !== null);
  return withMissing(items, missingOf(outlines));
}
