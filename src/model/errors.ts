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
