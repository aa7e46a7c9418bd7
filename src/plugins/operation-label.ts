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

  constructor(private readonly limit = 200) {}

  of(document: DocumentNode, operationName?: string | null): OperationName {
    const operation = getOperationAST(document, operationName);
    const name = operation?.name?.value ?? 'anonymous';
    return { name: this.#bounded(name), type: operation?.operation ?? 'unknown' };
  }

  #bounded(name: string): string {
    if (this.#known.has(name)) return name;
    if (this.#known.size >= this.limit) return 'other';
    this.#known.add(name);
    return name;
  }
}
