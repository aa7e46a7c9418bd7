/**
 * Compares a response against a vendor document's example body by shape: every field
 * of the example must be present with the same JSON type, recursively; arrays compare
 * each actual element against the example's first element, and an example array with
 * items refuses an empty one, since an empty array would pass with no element checked.
 * An empty example array accepts any array. Example values are
 * placeholders ("string", 0), so only types are compared. A `null` in the example
 * accepts any value. Returns the differences as `path: problem` lines, empty when the
 * shapes agree.
 */
export function shapeDifferences(actual: unknown, example: unknown, path = '$'): string[] {
  if (example === null) return [];
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(actual) !== kind(example)) return [`${path}: expected ${kind(example)}, got ${kind(actual)}`];
  if (Array.isArray(example)) {
    const [first] = example;
    if (first === undefined) return [];
    if ((actual as unknown[]).length === 0) return [`${path}: expected items like the example, got an empty array`];
    return (actual as unknown[]).flatMap((item, i) => shapeDifferences(item, first, `${path}[${i}]`));
  }
  if (kind(example) === 'object') {
    const a = actual as Record<string, unknown>;
    return Object.entries(example as Record<string, unknown>).flatMap(([key, value]) =>
      key in a ? shapeDifferences(a[key], value, `${path}.${key}`) : [`${path}.${key}: missing`],
    );
  }
  return [];
}

/**
 * A deep copy of `value` with `raw` (the vendor record an entity was mapped from) removed
 * from every unified entity in it: an entity, an array of entities, or objects holding
 * them such as `{ items, total }` or a result payload. An entity is an object with a
 * string `sourceId` and `nativeId`; `raw` is removed at that level only, and everything
 * else an entity holds is copied as it is, so an expectation written without `raw` still
 * checks every unified field exactly. Values other than plain objects and arrays (errors,
 * dates, class instances) are kept as they are.
 */
export function withoutRaw<T>(value: T): T {
  const copy = (v: unknown, inEntity: boolean): unknown => {
    if (Array.isArray(v)) return v.map((item) => copy(item, inEntity));
    if (v === null || typeof v !== 'object') return v;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const o = v as Record<string, unknown>;
    const entity = !inEntity && typeof o.sourceId === 'string' && typeof o.nativeId === 'string';
    return Object.fromEntries(
      Object.entries(o)
        .filter(([key]) => !(entity && key === 'raw'))
        .map(([key, item]) => [key, copy(item, inEntity || entity)]),
    );
  };
  return copy(value, false) as T;
}
