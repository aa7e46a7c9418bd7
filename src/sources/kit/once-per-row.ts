/**
 * A vendor row's model item, made once per row rather than once per request. Rows come
 * from the decode step, which gives every request that shared a reply the same row
 * objects (see decode.ts), so the item made for a row serves them all: a page of a
 * hundred clusters read by fifty requests at once is mapped once. A row belongs to one
 * source's reply, so the source id it is mapped with never differs for the same row;
 * nor may anything else it is mapped with (`rest`: what the source says of all its rows
 * alike, such as DWS's region), never per-request state.
 *
 * The item is frozen: a reader that later adds to an item it did not make for itself
 * (gaps, a gone mark) fails loudly instead of leaking one request's gaps into another's
 * answer. Only list items a row alone determines may be made this way, and not what
 * `get` returns: node(id) marks the object it returns with its type.
 */
export function oncePerRow<R extends object, A extends unknown[], T extends object>(
  map: (sourceId: string, row: R, ...rest: A) => T,
): (sourceId: string, row: R, ...rest: A) => T {
  const made = new WeakMap<R, T>();
  return (sourceId, row, ...rest) => {
    let item = made.get(row);
    if (!item) {
      item = Object.freeze(map(sourceId, row, ...rest));
      made.set(row, item);
    }
    return item;
  };
}
