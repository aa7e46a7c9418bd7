import type { SourceSession } from '../sources/adapter.js';
import { RequestScope } from '../sources/scope.js';
import type { SourceRegistry } from '../sources/registry.js';

/**
 * The vendor reads behind one published update, shared by every subscriber in this
 * process that resolves it: fields below the update (a workflow's cluster, say) are read
 * fresh for each update — the final one shows the cluster as the operation left it, not
 * as the subscription's first update found it — and once per update however many
 * subscribers select them. Vendor credentials belong to the source and roles filter
 * fields after the fetch, so sharing reads across viewers is safe.
 */
export class UpdateReads {
  readonly scope = new RequestScope();
  readonly #sessions = new Map<string, SourceSession>();

  constructor(private readonly registry: SourceRegistry) {}

  session(sourceId: string): SourceSession {
    let session = this.#sessions.get(sourceId);
    if (!session) {
      session = this.registry.get(sourceId).session(this.scope);
      this.#sessions.set(sourceId, session);
    }
    return session;
  }
}
