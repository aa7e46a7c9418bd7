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
  #tasks: Task[] = [];
  #seq = 0;

  constructor(private readonly clock: SimClock) {}

  /** Runs `run(at)` once simulated time reaches `at` (ms since epoch). */
  at(at: number, run: (at: number) => void): void {
    this.#tasks.push({ at, seq: this.#seq++, run });
  }

  /** Runs `run(at)` `delayMs` of simulated time from now. */
  after(delayMs: number, run: (at: number) => void): void {
    this.at(this.clock.now() + delayMs, run);
  }

  /** Runs every task that is due; tasks scheduled by those tasks run too if due. */
  runDue(): void {
    const now = this.clock.now();
    for (;;) {
      let best = -1;
      for (let i = 0; i < this.#tasks.length; i++) {
        const t = this.#tasks[i] as Task;
        const b = this.#tasks[best] as Task | undefined;
        if (t.at <= now && (!b || t.at < b.at || (t.at === b.at && t.seq < b.seq))) best = i;
      }
      if (best < 0) return;
      const [task] = this.#tasks.splice(best, 1) as [Task];
      task.run(task.at);
    }
  }

  get pending(): number {
    return this.#tasks.length;
  }
}
