/** What TiEM lists: records with an id and a creation time. */
export interface Listed {
  id: string;
  createTime: number;
}

/** TiEM's list order for clusters, workflows and backups alike: newest first, then by id. */
const newestFirst = (a: Listed, b: Listed) => b.createTime - a.createTime || a.id.localeCompare(b.id);

/**
 * Records by id, with the order TiEM lists them in. The order is sorted on the first
 * list and kept sorted as records come and go, so a large fleet is not sorted per call.
 * A record's id and createTime never change once it is added.
 */
export class Records<T extends Listed> {
  readonly #byId = new Map<string, T>();
  #ordered: T[] | undefined;

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): T | undefined {
    return this.#byId.get(id);
  }

  values(): IterableIterator<T> {
    return this.#byId.values();
  }

  add(record: T): void {
    this.#byId.set(record.id, record);
    const ordered = this.#ordered;
    if (!ordered) return;
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newestFirst(ordered[mid] as T, record) <= 0) lo = mid + 1;
      else hi = mid;
    }
    ordered.splice(lo, 0, record);
  }

  remove(record: T): void {
    if (!this.#byId.delete(record.id)) return;
    const at = this.#ordered?.indexOf(record) ?? -1;
    if (at >= 0) this.#ordered?.splice(at, 1);
  }

  /** Every record, newest first. */
  listed(): readonly T[] {
    this.#ordered ??= [...this.#byId.values()].sort(newestFirst);
    return this.#ordered;
  }
}

/** A few records (one cluster's backups, one flow's history) in list order, sorted on the spot. */
export const inListOrder = <T extends Listed>(records: Iterable<T>): T[] => [...records].sort(newestFirst);
