import type { Redis } from 'ioredis';

/** How far a feed has delivered one source's items: the latest instant, and the ids seen at that instant. */
export interface Mark {
  at: string;
  ids: string[];
}

/**
 * A high-water mark over items that carry a time and an id. An item is new when it is
 * later than the mark, or at the mark's instant under an id not yet seen there; ids of
 * earlier instants need not be kept, so the mark stays small however long the history.
 * Items are expected in time order; one that turns up later with an earlier time than
 * the mark is taken as already delivered — the price of never delivering one twice.
 */
export class HighWaterMark {
  #at: number;
  #text: string;
  #ids: Set<string>;

  constructor(mark?: Mark) {
    this.#text = mark?.at ?? '';
    this.#at = mark ? time(mark.at) : -Infinity;
    this.#ids = new Set(mark?.ids ?? []);
  }

  isNew(at: string, id: string): boolean {
    const t = time(at);
    return t > this.#at || (t === this.#at && !this.#ids.has(id));
  }

  /** Moves the mark to `at` (if later) and records `id` there; returns whether the item was new. */
  pass(at: string, id: string): boolean {
    if (!this.isNew(at, id)) return false;
    const t = time(at);
    if (t > this.#at) {
      this.#at = t;
      this.#text = at;
      this.#ids = new Set();
    }
    this.#ids.add(id);
    return true;
  }

  toJSON(): Mark {
    return { at: this.#text, ids: [...this.#ids] };
  }
}

/** A time as milliseconds; an item without a readable time sorts before every mark. */
const time = (at: string) => {
  const t = Date.parse(at);
  return Number.isNaN(t) ? -Infinity : t;
};

/** Where marks are kept: this process alone, or Redis so a replica taking over a feed resumes from them. */
export interface MarkStore {
  get(key: string): Promise<Mark | undefined>;
  set(key: string, mark: Mark): Promise<void>;
}

export function memoryMarks(): MarkStore {
  const marks = new Map<string, Mark>();
  return {
    get: async (key) => marks.get(key),
    set: async (key, mark) => void marks.set(key, mark),
  };
}

/** A feed nobody has polled for a week starts afresh rather than from a mark that old. */
const MARK_TTL_SECONDS = 7 * 24 * 3600;

export function redisMarks(redis: Redis, prefix: string): MarkStore {
  return {
    async get(key) {
      const text = await redis.get(prefix + key);
      if (!text) return undefined;
      const mark = JSON.parse(text) as Partial<Mark>;
      return typeof mark.at === 'string' && Array.isArray(mark.ids) ? { at: mark.at, ids: mark.ids.map(String) } : undefined;
    },
    async set(key, mark) {
      await redis.set(prefix + key, JSON.stringify(mark), 'EX', MARK_TTL_SECONDS);
    },
  };
}
