import type { GatewayError } from './errors.js';

/*
 * What a source could not read, carried on what it could: the fields of an item whose
 * extra calls failed (gaps), and the parts of a list whose calls failed (missing). An
 * item whose list call answered is never dropped for a later call's failure; its other
 * fields stand, and the GraphQL layer raises each gap as an error at that field's path.
 * Both ride on symbol keys: spreads keep them, JSON (caches, rawData) never sees them.
 */

const GAPS = Symbol('fleetgate.gaps');
const MISSING = Symbol('fleetgate.missing');
const GONE = Symbol('fleetgate.gone');

/**
 * The fields a source may fill from a call beyond the list call that names the item, so
 * the only fields that can be gaps. Identity and list-row fields (id, name, creation
 * time) are never among them: an item exists only where its list call answered. The
 * GraphQL layer checks for a gap on these fields alone (schema/gaps.ts), so every other
 * field stays a plain property read for the executor; a source that feeds another field
 * from an extra call adds it here, and the type below holds it to that.
 */
export const GAP_FIELDS = ['status', 'rawStatus', 'nodeCount', 'endpoints', 'usage', 'labels', 'cpu', 'memory', 'storage', 'addresses', 'role'] as const;
export type GapField = (typeof GAP_FIELDS)[number];

/** Field name → why it could not be read. */
export type Gaps = Readonly<Partial<Record<GapField, GatewayError>>>;

/** `item`, with `gaps` recorded on it when there are any. */
export function withGaps<T extends object>(item: T, gaps: Gaps): T {
  return Object.keys(gaps).length === 0 ? item : Object.assign(item, { [GAPS]: { ...gapsOf(item), ...gaps } });
}

export function gapsOf(item: unknown): Gaps | undefined {
  return typeof item === 'object' && item !== null ? (item as { [GAPS]?: Gaps })[GAPS] : undefined;
}

/** Why `field` of `item` could not be read, if it could not. */
export const gapOf = (item: unknown, field: GapField): GatewayError | undefined => gapsOf(item)?.[field];

/** `items`, with the errors of the parts of the list that could not be read. */
export function withMissing<T>(items: T[], errors: readonly GatewayError[]): T[] {
  return errors.length === 0 ? items : Object.assign(items, { [MISSING]: [...missingOf(items), ...errors] });
}

/** Why parts of a list are missing; empty when it is whole. */
export const missingOf = (items: readonly unknown[]): readonly GatewayError[] => (items as { [MISSING]?: GatewayError[] })[MISSING] ?? [];

/**
 * An item a vendor page named and the vendor then said does not exist, as far as the
 * page told of it: it holds its position in the list and is served as nothing.
 */
export function goneItem<T extends object>(known: Partial<T>): T {
  return Object.assign(known, { [GONE]: true }) as T;
}

export const isGone = (item: unknown): boolean => typeof item === 'object' && item !== null && GONE in item;
