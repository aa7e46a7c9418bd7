import type { SourceConfig } from '../config.js';
import type { Metrics } from '../metrics.js';
import type { EntityName, EntityTypes } from '../model/entity-types.js';
import type { SourceHealth } from '../model/status.js';
import type { NativeIdRule } from '../model/ids.js';
import type { SourceOperations } from '../model/operations.js';
import type { SourceKind } from '../model/source-kind.js';
import type { RequestScope } from './scope.js';

/** A window of a vendor list in its native order. */
export interface ListWindow<T> {
  items: T[];
  /** The vendor's own count of all matching items, where it gives one. */
  total?: number;
}

/**
 * One entity type as one source serves it, for the duration of one GraphQL request.
 * Implementations put DataLoaders behind `get` and `byCluster`, so N lookups become the
 * fewest vendor calls the vendor allows.
 */
export interface EntityReader<T, F> {
  /** Filter keys the vendor applies itself. */
  readonly pushdown: ReadonlySet<keyof F>;
  /** Every item matching the pushed-down part of `filter`. */
  list(filter: F): Promise<T[]>;
  /**
   * The items `list` answers, each handed to `visit` as it is read and not kept: for
   * vendors whose lists are too large to hold whole (a page of a sorted list keeps only
   * what it needs). Readers whose lists are small leave it out.
   */
  scan?(filter: F, visit: (item: T) => void): Promise<void>;
  /**
   * `limit` items from `offset` in the vendor's native order, fetching no more pages
   * than that needs. Readers whose vendor cannot page leave it out. With `want`, only
   * those fields need be right (as for `Outlined.complete`).
   */
  window?(filter: F, offset: number, limit: number, want?: Want): Promise<ListWindow<T>>;
  /** The vendor's native list order, as an order key the gateway knows. */
  readonly nativeOrder?: string;
  /**
   * For readers whose items each cost calls beyond the list (HCI's three per cluster):
   * every matching item in outline, so a page filtered and ordered by outline fields
   * completes only the items on it.
   */
  outline?: OutlineReader<T, F>;
  /** null when the vendor says it does not exist. */
  get(nativeId: string): Promise<T | null>;
  /**
   * Items of one cluster; batched across clusters where the vendor allows. With `want`,
   * only those fields need be right (as for `Outlined.complete`).
   */
  byCluster?(clusterNativeId: string, want?: Want): Promise<T[]>;
}

/** The item fields a request reads, by name; `undefined` is every field. */
export type Want = ReadonlySet<string> | undefined;

/** True when `want` reads any of `fields` (always, when it reads every field). */
export const wants = (want: Want, fields: Iterable<string>): boolean => want === undefined || [...fields].some((f) => want.has(f));

/** An item as the vendor's list call alone tells of it, and how to complete it. */
export interface Outlined<T> {
  known: Partial<T> & { sourceId: string; nativeId: string };
  /**
   * The item, null when it went away between the list and the calls that complete it.
   * With `want` (item field names), only those fields need be right: a reader may skip
   * the calls that only the other fields need. Such an item is for this request's
   * answer only, never for a cache.
   */
  complete(want?: Want): Promise<T | null>;
}

export interface OutlineReader<T, F> {
  /** The item fields every outline has, as the completed item will have them. */
  readonly fields: ReadonlySet<string>;
  list(filter: F): Promise<Outlined<T>[]>;
}

export type SourceSession = {
  [K in EntityName]?: EntityReader<EntityTypes[K]['item'], EntityTypes[K]['filter']>;
};

export interface SourceInfo {
  id: string;
  kind: SourceKind;
  name: string;
  url: string;
}

export interface HealthReport {
  health: SourceHealth;
  latencyMs?: number;
  lastError?: { code: string; message: string; at: string };
  lastSuccessAt?: string;
}

export interface Capabilities {
  /** Entity types this source has at all. */
  entities: readonly EntityName[];
}

/** A configured source: long-lived, holding its HTTP pool and credentials. */
export interface SourceAdapter {
  readonly info: SourceInfo;
  readonly capabilities: Capabilities;
  /**
   * Whether a client's native id has the shape this vendor's objects of that type have;
   * one that does not names nothing, and is NOT_FOUND before any vendor call.
   */
  readonly isNativeId: NativeIdRule;
  /** Per-request readers; the scope carries the request's abort signal and GET memo. */
  session(scope: RequestScope): SourceSession;
  /** The changes this vendor can make; an absent method is an unsupported operation. */
  readonly operations?: SourceOperations;
  /**
   * What only this vendor has, beyond the unified readers and operations
   * (docs/vendor-capabilities.md): the object its folder's `vendor.ts` makes, whose shape
   * the kind's own schema file knows. Absent where a kind has nothing of its own yet.
   */
  readonly vendor?: object;
  health(): HealthReport;
  /** One cheap authenticated vendor call, for `/readyz`: resolves when the source answers. */
  probe(signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export interface AdapterDeps {
  metrics: Metrics;
}

export type AdapterFactory = (source: SourceConfig, deps: AdapterDeps) => SourceAdapter;
