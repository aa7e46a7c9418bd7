import type { SourceConfig } from '../config.js';
import { NotFoundError, UnknownSourceError } from '../model/errors.js';
import { encodeGlobalId, type GlobalId } from '../model/ids.js';
import type { SourceKind } from '../model/source-kind.js';
import type { AdapterDeps, AdapterFactory, SourceAdapter } from './adapter.js';

/** The configured sources by id, in config order (which is also SOURCE list order). */
export class SourceRegistry {
  readonly #byId: Map<string, SourceAdapter>;

  constructor(readonly adapters: readonly SourceAdapter[]) {
    this.#byId = new Map(adapters.map((a) => [a.info.id, a]));
  }

  static build(sources: readonly SourceConfig[], factories: Record<SourceKind, AdapterFactory>, deps: AdapterDeps): SourceRegistry {
    return new SourceRegistry(sources.map((s) => factories[s.kind](s, deps)));
  }

  get(sourceId: string): SourceAdapter {
    const adapter = this.#byId.get(sourceId);
    if (!adapter) throw new UnknownSourceError(sourceId);
    return adapter;
  }

  /**
   * The source a client's id names, once the native id has the shape that source's
   * objects of its type have: NotFoundError otherwise (a source not configured, or an id
   * no such object could have), before anything is asked of a vendor.
   */
  locate(id: GlobalId): SourceAdapter {
    const adapter = this.#byId.get(id.sourceId);
    if (!adapter?.isNativeId(id.type, id.nativeId)) throw new NotFoundError(id.type, encodeGlobalId(id));
    return adapter;
  }

  has(sourceId: string): boolean {
    return this.#byId.has(sourceId);
  }

  async close(): Promise<void> {
    await Promise.all(this.adapters.map((a) => a.close()));
  }
}
