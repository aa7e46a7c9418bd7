import { GatewayError } from './errors.js';

/*
 * What a source could not read, carried on what it could: the fields of an item whose
 * extra calls failed (gaps), and the parts of a list whose calls failed (missing). An
 * item whose list call answered is never dropped for a later call's failure; its other
 * fields stand.
 *
 * A gap is the error itself, in the field in place of the value (entities.ts `OrGap`):
 * both GraphQL executors raise an Error they find in a field at that field's path, so
 * no field needs a resolver of its own to check for one, and a page of a hundred hosts
 * is read as plain properties. The parts missing from a list ride on a symbol key:
 * spreads keep it, JSON (caches, rawData) never sees it.
 */

const MISSING = Symbol('fleetgate.missing');
const GONE = Symbol('fleetgate.gone');

/** The fields of `T` that may hold a gap: those its type lets hold an error. */
export type GapField<T> = { [K in keyof T]-?: GatewayError extends T[K] ? K : never }[keyof T];

/** Field → why it could not be read. */
export type Gaps<T> = Partial<Record<GapField<T>, GatewayError>>;

/** `item`, each field of `gaps` holding the error that kept it from being read. */
export function withGaps<T extends object>(item: T, gaps: Gaps<T>): T {
  return Object.assign(item, gaps);
}

/** Whether a field's value is a gap: the error of the call that should have filled it. */
export const isGap = (value: unknown): value is GatewayError => value instanceof GatewayError;

/** A field's value where it was read, undefined where it is a gap. */
export const readOr = <T>(value: T | GatewayError): T | undefined => (isGap(value) ? undefined : value);

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
