import { type GapField, type Gaps, withMissing } from '../model/partial.js';
import { SourceError } from './errors.js';

/*
 * Reading under partial failure: the calls that complete an item, or that read a list
 * part by part, are settled one by one, so the failure of one leaves the rest standing.
 * Only a vendor's failure (a SourceError) is settled; anything else (a bug, the request
 * cancelled) still fails the read.
 */

/** One call's outcome: its value, or the vendor's failure. */
export type Part<T> = { ok: true; value: T } | { ok: false; error: SourceError };

export async function part<T>(call: Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, value: await call };
  } catch (err) {
    if (err instanceof SourceError) return { ok: false, error: err };
    throw err;
  }
}

/** Every part's value, or the first failure thrown: for a change that needs them all. */
export function allOf<K, T>(parts: ReadonlyMap<K, Part<T>>): Map<K, T> {
  return new Map(
    [...parts].map(([k, p]) => {
      if (!p.ok) throw p.error;
      return [k, p.value];
    }),
  );
}

/** An item's gaps: the error of each failed part on every field that part feeds (a part not asked for is undefined). */
export function gapsFrom<T>(parts: readonly (readonly [Part<unknown> | undefined, Iterable<GapField<T>>])[]): Gaps<T> {
  const gaps: Gaps<T> = {};
  for (const [p, fields] of parts) if (p && !p.ok) for (const f of fields) gaps[f] ??= p.error;
  return gaps;
}

/**
 * A list read part by part (a cluster's hosts per cluster): the items of every part
 * that answered, with the failed parts' errors recorded as missing (model/partial.ts),
 * so the list is served and the failure reported beside it.
 */
export async function gather<K, T>(keys: readonly K[], read: (key: K) => Promise<readonly T[]>): Promise<T[]> {
  const parts = await Promise.all(keys.map((k) => part(read(k))));
  return withMissing(
    parts.flatMap((p) => (p.ok ? p.value : [])),
    parts.flatMap((p) => (p.ok ? [] : [p.error])),
  );
}

/**
 * For a DataLoader batch of per-key calls: a key whose call fails gets that failure as
 * its own result, which DataLoader rejects for that key alone, not for the batch.
 */
export function ownError(err: unknown): SourceError {
  if (err instanceof SourceError) return err;
  throw err;
}
