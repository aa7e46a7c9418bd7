import { type DwsErrorCode, invalid, missing } from './errors.js';

/**
 * Request-body checks. Each failure throws the document's error code for that field
 * (DWS.5037 when a mandatory parameter is absent and the table has nothing closer),
 * and the message names the field by its path, e.g. `cluster.user_pwd`.
 */
type Obj = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export const asObject = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

const blank = (v: unknown) => v === undefined || v === null || v === '';

export function requireObject(parent: Obj, field: string, path = field): Obj {
  const v = parent[field];
  if (blank(v)) throw missing(path);
  const o = asObject(v);
  if (!o) throw invalid('DWS.5065', path, 'an object is expected');
  return o;
}

export function requireString(parent: Obj, field: string, path: string, missingCode: DwsErrorCode = 'DWS.5037'): string {
  const v = parent[field];
  if (blank(v)) throw missing(path, missingCode);
  if (typeof v !== 'string') throw invalid('DWS.5065', path, 'a string is expected');
  return v;
}

export function optionalString(parent: Obj, field: string, path: string): string | undefined {
  const v = parent[field];
  if (blank(v)) return undefined;
  if (typeof v !== 'string') throw invalid('DWS.5065', path, 'a string is expected');
  return v;
}

export function optionalBoolean(parent: Obj, field: string, path: string): boolean | undefined {
  const v = parent[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalid('DWS.5065', path, 'true or false is expected');
  return v;
}

/** An integer within [min, max]; `required` makes absence an error. */
export function intField(
  parent: Obj,
  field: string,
  path: string,
  range: { min: number; max?: number; required?: boolean; code?: DwsErrorCode },
): number | undefined {
  const v = parent[field];
  if (blank(v)) {
    if (range.required) throw missing(path);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalid('DWS.5065', path, 'an integer is expected');
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (v < range.min || v > max) {
    throw invalid(range.code ?? 'DWS.5060', path, range.max === undefined ? `it must be at least ${range.min}` : `it must be from ${range.min} to ${max}`);
  }
  return v;
}

export function uuidField(parent: Obj, field: string, path: string, code: DwsErrorCode, missingCode: DwsErrorCode = 'DWS.5037'): string {
  const v = requireString(parent, field, path, missingCode);
  if (!isUuid(v)) throw invalid(code, path, `${v} is not a valid ID`);
  return v;
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Cluster and snapshot names: 4 to 64 characters, a letter first, then letters, digits, - and _. */
export function nameField(parent: Obj, field: string, path: string, codes: { length: DwsErrorCode; pattern: DwsErrorCode }): string {
  const v = requireString(parent, field, path);
  if (v.length < 4 || v.length > 64) throw invalid(codes.length, path, 'it must contain 4 to 64 characters');
  if (!NAME.test(v)) throw invalid(codes.pattern, path, 'it must start with a letter and contain only letters, digits, hyphens (-) and underscores (_)');
  return v;
}

const TAG_CHARS = /^[\p{L}\p{N}_\-.:@ ]*$/u;

/** A tag as 5.2.4 / 5.11.3 define it; a bad one is DWS.5197. */
export function tagField(v: unknown, path: string): { key: string; value: string } {
  const o = asObject(v);
  if (!o) throw invalid('DWS.5197', path, 'a {key, value} object is expected');
  const key = o.key;
  const value = o.value ?? '';
  if (typeof key !== 'string' || key === '') throw missing(`${path}.key`, 'DWS.5197');
  if (typeof value !== 'string') throw invalid('DWS.5197', `${path}.value`, 'a string is expected');
  if (key.length > 128 || key.trim() !== key || !TAG_CHARS.test(key))
    throw invalid('DWS.5197', `${path}.key`, 'at most 128 characters, no leading or trailing space, none of =*<>\\,|/');
  if (value.length > 256 || value.trim() !== value || !TAG_CHARS.test(value))
    throw invalid('DWS.5197', `${path}.value`, 'at most 256 characters, no leading or trailing space, none of =*<>\\,|/');
  return { key, value };
}
