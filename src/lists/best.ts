/**
 * The first `n` items of a stream in an order, and how many went by: what a page and
 * its total need of a list too large to keep whole. A page of 50 over ten thousand
 * clusters keeps 51 of them, not ten thousand, while the list is read.
 *
 * Without `compare` the order is arrival order (the first `n` kept). With it, once `n`
 * are kept they become a heap with the worst on top, so each later item costs one
 * comparison unless it belongs among the best. `compare` must be a total order (ties broken, as
 * keyedComparator's are) for the kept items to be exactly a full sort's first `n`.
 */
/** Lists up to this long are sorted by insertion. */
const BY_HAND = 16;

export class Best<T> {
  readonly #kept: T[] = [];
  #count = 0;
  /** Whether `#kept` is a heap yet: it becomes one only once it is full and an item must be weighed against the worst. */
  #heaped = false;

  constructor(
    private readonly n: number,
    private readonly compare?: (a: T, b: T) => number,
  ) {}

  /** How many items were offered. */
  get count(): number {
    return this.#count;
  }

  offer(item: T): void {
    this.#count++;
    const kept = this.#kept;
    // Until it is full nothing can be let go, so nothing is ordered: most lists are
    // shorter than their page and are sorted once, at the end, as before.
    if (kept.length < this.n) {
      kept.push(item);
      return;
    }
    if (!this.compare || kept.length === 0) return;
    if (!this.#heaped) {
      for (let i = (kept.length >> 1) - 1; i >= 0; i--) this.#down(i);
      this.#heaped = true;
    }
    if (this.compare(item, kept[0] as T) < 0) {
      kept[0] = item;
      this.#down(0);
    }
  }

  /** The kept items, best first. Sorted in place: taken once, when the list has been read. */
  sorted(): T[] {
    const { compare } = this;
    const kept = this.#kept;
    if (!compare || kept.length < 2) return kept;
    if (kept.length > BY_HAND) return kept.sort(compare);
    // Insertion: Array.prototype.sort sets up a work area per call, which for the few
    // children of each cluster on a page cost more than sorting them.
    for (let i = 1; i < kept.length; i++) {
      const item = kept[i] as T;
      let at = i;
      for (; at > 0 && compare(kept[at - 1] as T, item) > 0; at--) kept[at] = kept[at - 1] as T;
      kept[at] = item;
    }
    return kept;
  }

  /** `a` goes nearer the top than `b`: it is worse. */
  #above(a: number, b: number): boolean {
    return (this.compare as (a: T, b: T) => number)(this.#kept[a] as T, this.#kept[b] as T) > 0;
  }

  #down(i: number): void {
    const kept = this.#kept;
    const size = kept.length;
    for (let at = i; ; ) {
      const left = 2 * at + 1;
      let top = at;
      if (left < size && this.#above(left, top)) top = left;
      if (left + 1 < size && this.#above(left + 1, top)) top = left + 1;
      if (top === at) return;
      const moved = kept[at] as T;
      kept[at] = kept[top] as T;
      kept[top] = moved;
      at = top;
    }
  }
}
