import type { OperationTypeNode } from 'graphql';
import { perOperation } from './per-operation.js';

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
  /** So the access log, metrics and tracing each asking costs one lookup. */
  readonly of = perOperation(
    (operation): OperationName => ({ name: this.#bounded(operation?.name?.value ?? 'anonymous'), type: operation?.operation ?? 'unknown' }),
  );

  constructor(private readonly limit = 200) {}

  #bounded(name: string): string {
    if (this.#known.has(name)) return name;
    if (this.#known.size >= this.limit) return 'other';
    this.#known.add(name);
    return name;
  }
}
