import type { SimClock } from './clock.js';

interface Task {
  at: number;
  seq: number;
  run: (at: number) => void;
}

/**
 * Discrete-event scheduling in simulated time. Nothing here uses real timers: due tasks
 * run, in time order, just before the simulator handles each request. A state change
 * such as INSTALLING → RUNNING therefore lands at the simulated instant it was due, no
 * matter how much later somebody looks, and a simulator with no traffic costs nothing.
 */
export class Scheduler {
  /** A binary min-heap on (at, seq): a large fleet keeps tens of thousands of tasks pending. */
  #heap: Task[] = [];
  #seq = 0;

  constructor(private readonly clock: SimClock) {}

  /** Runs `run(at)` once simulated time reaches `at` (ms since epoch). */
  at(at: number, run: (at: number) => void): void {
    const heap = this.#heap;
    heap.push({ at, seq: this.#seq++, run });
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Task, heap[parent] as Task)) break;
      [heap[i], heap[parent]] = [heap[parent] as Task, heap[i] as Task];
      i = parent;
    }
  }

  /** Runs `run(at)` `delayMs` of simulated time from now. */
  after(delayMs: number, run: (at: number) => void): void {
    this.at(this.clock.now() + delayMs, run);
  }

  /** Runs every task that is due, in time order; tasks scheduled by those tasks run too if due. */
  runDue(): void {
    const now = this.clock.now();
    for (let next = this.#heap[0]; next && next.at <= now; next = this.#heap[0]) {
      this.#pop();
      next.run(next.at);
    }
  }

  get pending(): number {
    return this.#heap.length;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop() as Task;
    if (heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < heap.length && before(heap[l] as Task, heap[least] as Task)) least = l;
      if (r < heap.length && before(heap[r] as Task, heap[least] as Task)) least = r;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least] as Task, heap[i] as Task];
      i = least;
    }
  }
}

const before = (a: Task, b: Task) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
