/**
 * Exposes a field a source may leave as a gap (model/entities.ts `OrGap`) as the plain
 * property it is. Where the call that fills it failed, the property holds the error,
 * and the executor (graphql-jit and graphql-js alike) raises an error it finds in a
 * field at that field's path: no resolver per field and item to look for one. Pothos
 * types `expose` by the property's type, which cannot say that an error may stand in
 * it, so the field's options are checked at run time here rather than by the compiler.
 */
export function exposeGap(t: { expose: unknown }, name: string, options: Record<string, unknown>): never {
  return (t.expose as (name: string, options: Record<string, unknown>) => never).call(t, name, options);
}
