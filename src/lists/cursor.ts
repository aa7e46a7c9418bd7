import { createHash } from 'node:crypto';
import { GatewayError } from '../model/errors.js';

export class InvalidCursorError extends GatewayError {
  constructor(reason: string) {
    super('INVALID_CURSOR', `the cursor is not valid for this query: ${reason}`);
  }
}

/**
 * A composite cursor: how many items of the merged sequence each source has supplied
 * so far. The sum of the positions is the item's index in the merged sequence, which is
 * what lets one cursor serve forward and backward paging. `q` fingerprints the query's
 * filter and order, so a cursor cannot be replayed against a different question.
 */
export interface CompositeCursor {
  q: string;
  p: Record<string, number>;
}

export function queryFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

export function encodeCursor(cursor: CompositeCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, fingerprint: string): CompositeCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('it is not a Fleetgate cursor');
  }
  const c = value as Partial<CompositeCursor> | null;
  if (!c || typeof c.q !== 'string' || !c.p || typeof c.p !== 'object') throw new InvalidCursorError('it is not a Fleetgate cursor');
  if (c.q !== fingerprint) throw new InvalidCursorError('it was issued for a different filter or order');
  for (const [source, n] of Object.entries(c.p)) {
    if (!Number.isInteger(n) || (n as number) < 0) throw new InvalidCursorError(`its position for ${source} is not a count`);
  }
  return c as CompositeCursor;
}

export const cursorIndex = (c: CompositeCursor) => Object.values(c.p).reduce((a, b) => a + b, 0);
