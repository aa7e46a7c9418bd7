/**
 * The first `n` items of a stream in an order, and how many went by: what a page and
 * its total need of a list too large to keep whole. A page of 50 over ten thousand
 * clusters keeps 51 of them, not ten thousand, while the list is read.
 *
 * Without `compare` the order is arrival order (the first `n` kept). With it, the kept
 * items are a heap with the worst on top, so each later item costs one comparison
 * unless it belongs among the best. `compare` must be a total order (ties broken, as
 * keyedComparator's are) for the kept items to be exactly a full sort's first `n`.
 */
export class Best<T> {
  readonly #kept: T[] = [];
  #count = 0;

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
    if (kept.length < this.n) {
      kept.push(item);
      // Nothing is ever replaced when everything is kept: no heap to keep.
      if (this.compare && Number.isFinite(this.n)) this.#up(kept.length - 1);
    } else if (this.compare && kept.length > 0 && this.compare(item, kept[0] as T) < 0) {
      kept[0] = item;
      this.#down(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return this.compare ? [...this.#kept].sort(this.compare) : [...this.#kept];
  }

  /** `a` goes nearer the top than `b`: it is worse. */
  #above(a: number, b: number): boolean {
    return (this.compare as (a: T, b: T) => number)(this.#kept[a] as T, this.#kept[b] as T) > 0;
  }

  #swap(a: number, b: number): void {
    const kept = this.#kept;
    [kept[a], kept[b]] = [kept[b] as T, kept[a] as T];
  }

  #up(i: number): void {
    for (let at = i; at > 0; ) {
      const parent = (at - 1) >> 1;
      if (!this.#above(at, parent)) return;
      this.#swap(at, parent);
      at = parent;
    }
  }

  #down(i: number): void {
    const size = this.#kept.length;
    for (let at = i; ; ) {
      const left = 2 * at + 1;
      let top = at;
      if (left < size && this.#above(left, top)) top = left;
      if (left + 1 < size && this.#above(left + 1, top)) top = left + 1;
      if (top === at) return;
      this.#swap(at, top);
      at = top;
    }
  }
}
