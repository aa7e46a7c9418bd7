/**
 * Compares a response against a vendor document's example body by shape: every field
 * of the example must be present with the same JSON type, recursively; arrays compare
 * each actual element against the example's first element. Example values are
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
