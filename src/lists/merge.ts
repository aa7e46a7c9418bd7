import { GatewayError } from '../model/errors.js';
import { isGone, missingOf } from '../model/partial.js';
import type { EntityReader, Want } from '../sources/adapter.js';
import type { EntityName, EntityTypes } from '../model/entity-types.js';
import { SourceError } from '../sources/errors.js';
import { type CompositeCursor, cursorIndex, decodeCursor, encodeCursor, queryFingerprint } from './cursor.js';
import { filterFields, fullyPushedDown, matcher, pushedDownPart } from './filter.js';
import { type Keyed, keyedComparator, ORDER_KEYS, type Order, sortKeyOf } from './order.js';
import { Best } from './best.js';
import { covers, listFor, withFields } from './read.js';

type Item<E extends EntityName> = EntityTypes[E]['item'];
type Filter<E extends EntityName> = EntityTypes[E]['filter'];

export interface SourceSlot<E extends EntityName> {
  sourceId: string;
  reader: EntityReader<Item<E>, Filter<E>>;
}

/** A source that could not contribute to a list; the rest of the list is still served. */
export interface SourceProblem {
  sourceId: string;
  error: GatewayError;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface MergedPage<E extends EntityName> {
  edges: { cursor: string; node: Item<E> }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Sum of every answering source's total; computed only when asked for. */
  totalCount(): Promise<number>;
  missing(): SourceProblem[];
}

export class PagingArgumentError extends GatewayError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
  }
}

/**
 * An item as far as the list needs it: `item` (with its sort key) to filter and order
 * by, and `complete` where the page needs more of it. Most readers list complete items,
 * which need nothing more; an outline reader's are completed only when they land on the
 * page. No closure per item unless it has something left to do: a page of a hundred
 * items is made per request.
 */
interface Entry<E extends EntityName> extends Keyed<Item<E>> {
  complete?: () => Promise<Item<E> | null>;
}

/**
 * One source's contribution to a list in the requested order, from a position on.
 * Where the vendor can serve the order and every filter itself, positions map onto
 * vendor pages and only the pages a gateway page needs are fetched; otherwise the
 * source's matching items are read once per request (in outline where the reader can,
 * and the filter and order need only outline fields) and filtered here, keeping only
 * the first entries of the order that the page needs, and the count for the total.
 */
class SourceSequence<E extends EntityName> {
  /** The source's best entries so far asked for (`n` of them, every one for Infinity), and how many matched. */
  #selected?: { n: number; result: Promise<Selected<E>> };
  #knownTotal?: number;
  /** Whether vendor windows serve this list: the reader pages it in the order asked, with every filter applied. */
  readonly #windowed: boolean;
  /** Why parts of the source's list could not be read (one error per code); the parts that could are served. */
  readonly missing: GatewayError[] = [];

  #reportMissing(items: readonly unknown[]): void {
    for (const error of missingOf(items)) if (!this.missing.some((m) => m.code === error.code)) this.missing.push(error);
  }

  constructor(
    private readonly entity: E,
    private readonly slot: SourceSlot<E>,
    private readonly filter: Filter<E>,
    private readonly order: Order<E>,
    private readonly keyOf: (item: Item<E>) => string | undefined,
    private readonly compare: (a: Entry<E>, b: Entry<E>) => number,
    private readonly want: Want,
  ) {
    const { reader } = slot;
    this.#windowed =
      reader.window !== undefined &&
      (order.field === 'SOURCE' || (reader.nativeOrder !== undefined && reader.nativeOrder === `${order.field}_${order.direction}`)) &&
      fullyPushedDown(filter, reader.pushdown);
  }

  #pushed?: Filter<E>;

  /** The part of the filter the reader applies itself: what every call of this sequence sends. */
  #vendorFilter(): Filter<E> {
    this.#pushed ??= pushedDownPart(this.filter, this.slot.reader.pushdown) as Filter<E>;
    return this.#pushed;
  }

  #entry(item: Item<E>): Entry<E> {
    return { item, key: this.keyOf(item) };
  }

  /** Entries from `from` on: at least `count + 1` when there are that many, to tell whether more follow. */
  take(from: number, count: number): Promise<Entry<E>[]> {
    if (this.#windowed) return this.#window(from, count + 1);
    return this.#select(from + count + 1).then((selected) =>
      from === 0 && selected.entries.length <= count + 1 ? selected.entries : selected.entries.slice(from, from + count + 1),
    );
  }

  async #window(from: number, size: number): Promise<Entry<E>[]> {
    const window = await (this.slot.reader.window as NonNullable<EntityReader<Item<E>, Filter<E>>['window']>)(this.#vendorFilter(), from, size, this.want);
    this.#reportMissing(window.items);
    if (window.total !== undefined) this.#knownTotal = window.total;
    return window.items.map((item) => this.#entry(item));
  }

  /** Every matching entry, in order: what backward paging needs. */
  async all(): Promise<Entry<E>[]> {
    return (await this.#select(Number.POSITIVE_INFINITY)).entries;
  }

  /**
   * The first `n` matching entries in order and the count of all, read in one pass over
   * the source's list that keeps no more than `n`: the rest of a large list is let go
   * as it is read. A later need for more reads the list again (from the request's GET
   * memo, not the vendor).
   */
  #select(n: number): Promise<Selected<E>> {
    if (!this.#selected || this.#selected.n < n) {
      const best = new Best<Entry<E>>(n, this.order.field === 'SOURCE' ? undefined : this.compare);
      const keep = matcher(this.entity, this.filter);
      const reading = this.#each((entry) => {
        if (keep(entry.item)) best.offer(entry);
      });
      this.#selected = { n, result: reading.then(() => ({ entries: best.sorted(), total: best.count })) };
    }
    return this.#selected.result;
  }

  /**
   * Every entry of the source's list, one at a time: outlines completed page by page
   * where the filter and order read only outline fields; else every item, complete for
   * the answer and for what the filter and order read, read row by row where the
   * reader can (`scan`).
   */
  #each(visit: (entry: Entry<E>) => void): Promise<void> {
    const { reader } = this.slot;
    const vendorFilter = this.#vendorFilter();
    const { outline } = reader;
    // What the filter and order read of an item: only an outline reader needs telling.
    const sorting = outline ? this.#sortingFields() : undefined;
    if (outline && sorting && covers(outline.fields, sorting)) return this.#eachOutline(outline, vendorFilter, visit);
    if (reader.scan) return reader.scan(vendorFilter, (item) => visit(this.#entry(item)));
    return listFor(reader, vendorFilter, sorting ? withFields(this.want, sorting) : this.want).then((items) => {
      this.#reportMissing(items);
      for (const item of items) visit(this.#entry(item));
    });
  }

  async #eachOutline(
    outline: NonNullable<EntityReader<Item<E>, Filter<E>>['outline']>,
    vendorFilter: Filter<E>,
    visit: (entry: Entry<E>) => void,
  ): Promise<void> {
    const answered = covers(outline.fields, this.want);
    const outlines = await outline.list(vendorFilter);
    this.#reportMissing(outlines);
    for (const o of outlines) {
      const entry = this.#entry(o.known as Item<E>);
      if (!answered) entry.complete = () => o.complete(this.want);
      visit(entry);
    }
  }

  #sortingFields(): Set<string> {
    const orderKey = ORDER_KEYS[this.order.field];
    return new Set([...filterFields(this.entity, this.filter), ...(orderKey ? [orderKey] : [])]);
  }

  async total(): Promise<number> {
    if (this.#windowed && this.#knownTotal !== undefined) return this.#knownTotal;
    if (this.#windowed && this.slot.reader.window) {
      // An empty window: the vendor's count, without an item the reader would have to complete.
      const window = await this.slot.reader.window(this.#vendorFilter(), 0, 0);
      if (window.total !== undefined) return window.total;
    }
    return (await (this.#selected?.result ?? this.#select(0))).total;
  }
}

/** A source's first entries in the order, and how many of its items match. */
interface Selected<E extends EntityName> {
  entries: Entry<E>[];
  total: number;
}

/** What turns a page's positions into a cursor. */
interface Cursors {
  cursorOf(positions: Record<string, number>): string;
}

/**
 * Where each edge of a page leaves every source: the positions the page started from,
 * advanced by the source of each item the page counted, in order. The snapshot per edge
 * is taken when a cursor is first read, for all edges at once: most pages are read for
 * their nodes alone (a nested query makes one per parent), and encoding a cursor, or even
 * copying the positions, for each edge was a large part of what making a page cost.
 */
class PagePositions {
  #snapshots?: Record<string, number>[];

  constructor(
    private readonly start: Readonly<Record<string, number>>,
    /** The source of each item counted, in page order. */
    private readonly trail: readonly string[],
    private readonly cursors: Cursors,
  ) {}

  cursorAt(step: number): string {
    if (!this.#snapshots) {
      const positions = { ...this.start };
      this.#snapshots = this.trail.map((sourceId) => {
        positions[sourceId] = (positions[sourceId] ?? 0) + 1;
        return { ...positions };
      });
    }
    return this.cursors.cursorOf(this.#snapshots[step] as Record<string, number>);
  }
}

/** An edge of a page: its node, and its cursor encoded when read. */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly page: PagePositions,
    /** This item's step in the page's trail. */
    private readonly step: number,
  ) {}

  get cursor(): string {
    return this.page.cursorAt(this.step);
  }
}

/** A page's pageInfo; its cursors, like edges', encoded when read. */
class PageInfo<T> {
  readonly #edges: readonly Edge<T>[];
  /** Where a forward page whose every item turned out gone ends: without it the client could not go on. */
  readonly #emptyPageEnd: string | undefined;

  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    edges: readonly Edge<T>[],
    emptyPageEnd: string | undefined,
  ) {
    this.#edges = edges;
    this.#emptyPageEnd = emptyPageEnd;
  }

  get startCursor(): string | null {
    return this.#edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.#edges[this.#edges.length - 1]?.cursor ?? this.#emptyPageEnd ?? null;
  }
}

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 20;

interface MergeOptions<E extends EntityName> {
  entity: E;
  slots: SourceSlot<E>[];
  filter: Filter<E>;
  order: Order<E>;
  args: PageArgs;
  /** Anything else that shapes the list (source selection), for the cursor fingerprint. */
  scope?: unknown;
  maxPageSize?: number;
  /** The item fields the answer reads; absent: every field. */
  want?: Want;
}

/** A source's part in one page: its sequence, and what the page learned of it. */
interface Lane<E extends EntityName> {
  readonly sourceId: string;
  readonly seq: SourceSequence<E>;
  /** It failed: left out of the page and reported once. */
  failed: boolean;
  /** Items it listed and then said were gone: left out of the page and of the total. */
  gone: number;
}

type Picked<E extends EntityName> = { entry: Entry<E>; lane: Lane<E> };

const PAGE_SIZES = ['first', 'last'] as const;

/** What `missing()` is when every source answered in full. */
const NO_PROBLEMS: SourceProblem[] = Object.freeze([]) as never;

const needsCompleting = (p: { entry: { complete?: unknown } }): boolean => p.entry.complete !== undefined;

/** What a failed source contributes to a page. */
const NO_ENTRIES: Entry<never>[] = Object.freeze([]) as never;

/**
 * A Relay connection page over many sources at once. Sources are asked in parallel
 * (one after another only in SOURCE order, where a later source is not needed until an
 * earlier one is exhausted); a source that fails is left out and reported, the others
 * still fill the page.
 */
export function mergedPage<E extends EntityName>(options: MergeOptions<E>): Promise<MergedPage<E>> {
  let merge: PageMerge<E>;
  try {
    merge = new PageMerge(options);
  } catch (err) {
    // Bad paging arguments reject, as every other failure of a page does.
    return Promise.reject(err);
  }
  return merge.fill();
}

/**
 * One page being merged, and then the page itself. A class rather than closures: a
 * nested query merges one page per parent, and its steps are methods made once, not
 * functions made again for every page.
 */
class PageMerge<E extends EntityName> implements MergedPage<E>, Cursors {
  edges: Edge<Item<E>>[] = [];
  pageInfo!: PageInfo<Item<E>>;
  readonly #options: MergeOptions<E>;
  readonly #lanes: Lane<E>[];
  readonly #compare: (a: Entry<E>, b: Entry<E>) => number;
  readonly #problems: SourceProblem[] = [];
  #hashed?: string;

  constructor(options: MergeOptions<E>) {
    const { entity, slots, filter, order, args } = options;
    const max = options.maxPageSize ?? MAX_PAGE_SIZE;
    for (const key of PAGE_SIZES) {
      const n = args[key];
      if (n !== undefined && n !== null && (!Number.isInteger(n) || n < 0 || n > max)) {
        throw new PagingArgumentError(`${key} must be a whole number from 0 to ${max}, got ${n}`);
      }
    }
    if ((args.first != null || args.after != null) && (args.last != null || args.before != null)) {
      throw new PagingArgumentError('page forward with first/after or backward with last/before, not both');
    }
    this.#options = options;
    const keyOf = sortKeyOf(order);
    this.#compare = keyedComparator(order);
    this.#lanes = slots.map((slot) => ({
      sourceId: slot.sourceId,
      seq: new SourceSequence(entity, slot, filter, order, keyOf, this.#compare, options.want),
      failed: false,
      gone: 0,
    }));
  }

  /** Hashed only when a cursor is read or given: a cluster's child list in a nested query is made once per cluster, mostly without cursors. */
  #fingerprint(): string {
    const { entity, filter, order, scope } = this.#options;
    this.#hashed ??= queryFingerprint([entity, filter, order, scope ?? null]);
    return this.#hashed;
  }

  cursorOf(positions: Record<string, number>): string {
    return encodeCursor({ q: this.#fingerprint(), p: positions });
  }

  /** `work`, or `fallback` once the lane's source has failed: a source error leaves the source out, anything else is a bug and fails the page. */
  #guard<T>(lane: Lane<E>, work: () => Promise<T>, fallback: T): Promise<T> {
    if (lane.failed) return Promise.resolve(fallback);
    let running: Promise<T>;
    try {
      running = work();
    } catch (err) {
      running = Promise.reject(err);
    }
    return running.then(undefined, (err: unknown) => this.#failed(lane, err, fallback));
  }

  #failed<T>(lane: Lane<E>, err: unknown, fallback: T): T {
    if (!(err instanceof SourceError) && !(err instanceof GatewayError)) throw err;
    if (!lane.failed) this.#problems.push({ sourceId: lane.sourceId, error: err });
    lane.failed = true;
    return fallback;
  }

  #nodeOf({ entry, lane }: Picked<E>): Item<E> | null | Promise<Item<E> | null> {
    return entry.complete ? this.#guard(lane, entry.complete, null) : isGone(entry.item) ? null : entry.item;
  }

  /**
   * The page's items completed, in parallel, with their cursors. An item its reader
   * could complete only in part is served with gaps (model/partial.ts). An item the
   * vendor says went away meanwhile is left out, its position counted and the total
   * lowered, so the total agrees with what walking the pages serves. A reader that
   * throws is left out of the page as if its list had failed: its position stays, so a
   * later page still serves its items.
   */
  /** The page's nodes where some must be completed first, in parallel; undefined where none must. */
  #completions(page: Picked<E>[]): Promise<(Item<E> | null)[]> | undefined {
    return page.some(needsCompleting) ? Promise.all(page.map((p) => this.#nodeOf(p))) : undefined;
  }

  #edges(page: Picked<E>[], positions: Record<string, number>, completed: readonly (Item<E> | null)[] | undefined): Edge<Item<E>>[] {
    const out: Edge<Item<E>>[] = [];
    const trail: string[] = [];
    const counted = new PagePositions({ ...positions }, trail, this);
    for (let i = 0; i < page.length; i++) {
      const picked = page[i] as Picked<E>;
      const { lane } = picked;
      if (lane.failed) continue;
      positions[lane.sourceId] = (positions[lane.sourceId] ?? 0) + 1;
      trail.push(lane.sourceId);
      const node = (completed ? completed[i] : this.#nodeOf(picked)) as Item<E> | null;
      if (node) out.push(new Edge(node, counted, trail.length - 1));
      else lane.gone++;
    }
    return out;
  }

  fill(): Promise<this> {
    const { args } = this.#options;
    return args.last != null || args.before != null ? this.#backward() : this.#forward();
  }

  async #forward(): Promise<this> {
    const { args, order } = this.#options;
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const start: CompositeCursor['p'] = args.after ? decodeCursor(args.after, this.#fingerprint()).p : {};
    const positions: Record<string, number> = {};
    let hasPreviousPage = false;
    for (const { sourceId } of this.#lanes) {
      const at = start[sourceId] ?? 0;
      positions[sourceId] = at;
      if (at > 0) hasPreviousPage = true;
    }
    const picked = order.field === 'SOURCE' ? await this.#inSourceOrder(positions, first) : await this.#inOrder(positions, first);
    const hasNextPage = picked.length > first;
    if (hasNextPage) picked.length = first;
    // Completions first, all at once: one that fails marks its source failed before any of its items is counted.
    const completing = this.#completions(picked);
    this.edges = this.#edges(picked, positions, completing && (await completing));
    const emptyPageEnd = this.edges.length === 0 && hasNextPage ? this.cursorOf(positions) : undefined;
    this.pageInfo = new PageInfo(hasNextPage, hasPreviousPage, this.edges, emptyPageEnd);
    return this;
  }

  /** Up to `first + 1` entries from `positions` on, sources one after another: a later one is asked only when those before it run out. */
  async #inSourceOrder(positions: Record<string, number>, first: number): Promise<Picked<E>[]> {
    const picked: Picked<E>[] = [];
    for (const lane of this.#lanes) {
      if (picked.length > first) break;
      const taken = await this.#take(lane, positions, first - picked.length);
      for (const entry of taken) picked.push({ entry, lane });
    }
    return picked;
  }

  /** Up to `first + 1` entries from `positions` on in the order: each source's first ones, asked in parallel, merged by their heads. */
  #inOrder(positions: Record<string, number>, first: number): Promise<Picked<E>[]> {
    const lanes = this.#lanes;
    // One source (a cluster's own children on a nested page) needs no gathering.
    const taken =
      lanes.length === 1
        ? this.#take(lanes[0] as Lane<E>, positions, first).then((entries) => [entries])
        : Promise.all(lanes.map((lane) => this.#take(lane, positions, first)));
    return taken.then((entries) => this.#mergeHeads(entries, first));
  }

  /** A lane's entries from its position on: `count + 1` where it has them; none once its source failed. */
  #take(lane: Lane<E>, positions: Record<string, number>, count: number): Promise<readonly Entry<E>[]> {
    return this.#guard(lane, () => lane.seq.take(positions[lane.sourceId] ?? 0, count), NO_ENTRIES);
  }

  /** The first `first + 1` of the sources' entries in the order, each source's already in it. */
  #mergeHeads(taken: readonly (readonly Entry<E>[])[], first: number): Picked<E>[] {
    const lanes = this.#lanes;
    const picked: Picked<E>[] = [];
    if (lanes.length === 1) {
      // One source (a cluster's own children): its entries are the order already.
      const lane = lanes[0] as Lane<E>;
      for (const entry of taken[0] as readonly Entry<E>[]) {
        if (picked.length > first) break;
        picked.push({ entry, lane });
      }
      return picked;
    }
    const at = lanes.map(() => 0);
    while (picked.length <= first) {
      let best = -1;
      for (let i = 0; i < lanes.length; i++) {
        const items = taken[i] as readonly Entry<E>[];
        const head = items[at[i] as number];
        if (head && (best < 0 || this.#compare(head, (taken[best] as readonly Entry<E>[])[at[best] as number] as Entry<E>) < 0)) best = i;
      }
      if (best < 0) break;
      const entry = (taken[best] as readonly Entry<E>[])[at[best] as number] as Entry<E>;
      at[best] = (at[best] as number) + 1;
      picked.push({ entry, lane: lanes[best] as Lane<E> });
    }
    return picked;
  }

  /**
   * Backward paging needs the whole merged sequence up to the cursor; it is served by
   * fetching every source's matches, which is what "last" costs on any paged vendor.
   */
  async #backward(): Promise<this> {
    const { args, order } = this.#options;
    const all = await Promise.all(
      this.#lanes.map(async (lane) => (await this.#guard(lane, () => lane.seq.all(), [])).map((entry): Picked<E> => ({ entry, lane }))),
    );
    const merged = order.field === 'SOURCE' ? all.flat() : all.flat().sort((a, b) => this.#compare(a.entry, b.entry));
    const end = args.before ? Math.min(merged.length, cursorIndex(decodeCursor(args.before, this.#fingerprint())) - 1) : merged.length;
    const last = args.last ?? DEFAULT_PAGE_SIZE;
    const begin = Math.max(0, end - last);
    const positions = Object.fromEntries(this.#lanes.map((lane) => [lane.sourceId, 0]));
    for (const { lane } of merged.slice(0, begin)) positions[lane.sourceId] = (positions[lane.sourceId] ?? 0) + 1;
    const page = merged.slice(begin, end);
    const completing = this.#completions(page);
    this.edges = this.#edges(page, positions, completing && (await completing));
    this.pageInfo = new PageInfo(end < merged.length, begin > 0, this.edges, undefined);
    return this;
  }

  async totalCount(): Promise<number> {
    const totals = await Promise.all(this.#lanes.map((lane) => this.#guard(lane, async () => (await lane.seq.total()) - lane.gone, 0)));
    return totals.reduce((a, b) => a + b, 0);
  }

  missing(): SourceProblem[] {
    let problems = this.#problems.length > 0 ? [...this.#problems] : undefined;
    for (const lane of this.#lanes) {
      if (lane.failed) continue;
      for (const error of lane.seq.missing) (problems ??= []).push({ sourceId: lane.sourceId, error });
    }
    return problems ?? NO_PROBLEMS;
  }
}
