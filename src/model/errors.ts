import type { SourceKind } from './source-kind.js';

/**
 * Every error Fleetgate raises on purpose carries a stable `code`; the GraphQL layer
 * copies it to `extensions.code` so clients branch on codes, not on message text.
 */
export class GatewayError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  /** Extra fields for `extensions`, besides `code`. */
  extensions(): Record<string, unknown> {
    return {};
  }
}

export class NotFoundError extends GatewayError {
  constructor(
    readonly type: string,
    readonly id: string,
  ) {
    super('NOT_FOUND', `${type} ${id} does not exist`);
  }
  override extensions() {
    return { type: this.type, id: this.id };
  }
}

export class UnknownSourceError extends GatewayError {
  constructor(readonly sourceId: string) {
    super('UNKNOWN_SOURCE', `no source "${sourceId}" is configured`);
  }
  override extensions() {
    return { sourceId: this.sourceId };
  }
}

/** The caller's input is wrong; `field` names the input path (`input.dws.nodeType`). */
export class ValidationError extends GatewayError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('VALIDATION_FAILED', `${field}: ${message}`);
  }
  override extensions() {
    return { field: this.field };
  }
}

/** The source's vendor has no way to do this (e.g. OTE-stack cannot create clusters). */
export class UnsupportedOperationError extends GatewayError {
  constructor(
    readonly sourceKind: SourceKind,
    readonly operation: string,
    readonly sourceId?: string,
  ) {
    super('UNSUPPORTED_OPERATION', `${operation} is not something a ${sourceKind} source can do`);
  }
  override extensions() {
    // Spelled as the schema's SourceKind enum spells it, as the error's own field is.
    return { sourceKind: this.sourceKind.toUpperCase(), operation: this.operation, ...(this.sourceId ? { sourceId: this.sourceId } : {}) };
  }
}
