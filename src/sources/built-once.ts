/**
 * A schema derived from another (an envelope around an item, a list of it), built the
 * first time it is asked for and the same object after. zod compiles a schema on its
 * first parse, so one built per call is compiled per call, on the hot path.
 */
export function builtOnce<From extends object, To>(build: (from: From) => To): (from: From) => To {
  const built = new WeakMap<From, To>();
  return (from) => {
    let schema = built.get(from);
    if (schema === undefined) {
      schema = build(from);
      built.set(from, schema);
    }
    return schema;
  };
}
