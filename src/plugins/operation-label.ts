import { type DocumentNode, getOperationAST, type OperationTypeNode } from 'graphql';

/** An operation as logs and metrics name it. */
export interface OperationName {
  name: string;
  type: OperationTypeNode | 'unknown';
}

/**
 * Operation names come from callers, so as metric labels they are bounded: the first
 * `limit` distinct names keep their own series, later ones share `other`, and a caller
 * sending random names cannot grow the registry without end.
 */
export class OperationLabels {
  readonly #known = new Set<string>();
  /**
   * Per parsed document (yoga's parse cache hands the same one to every request with the
   * same text), so the access log, metrics and tracing each asking costs one lookup.
   */
  readonly #named = new WeakMap<DocumentNode, Map<string, OperationName>>();

  constructor(private readonly limit = 200) {}

  of(document: DocumentNode, operationName?: string | null): OperationName {
    let byName = this.#named.get(document);
    if (!byName) this.#named.set(document, (byName = new Map()));
    let named = byName.get(operationName ?? '');
    if (!named) {
      const operation = getOperationAST(document, operationName);
      named = { name: this.#bounded(operation?.name?.value ?? 'anonymous'), type: operation?.operation ?? 'unknown' };
      byName.set(operationName ?? '', named);
    }
    return named;
  }

  #bounded(name: string): string {
    if (this.#known.has(name)) return name;
    if (this.#known.size >= this.limit) return 'other';
    this.#known.add(name);
    return name;
  }
}
