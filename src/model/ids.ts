import { GatewayError, NotFoundError } from './errors.js';

export const NODE_TYPES = ['Source', 'Cluster', 'Host', 'Snapshot', 'Event', 'Deployment', 'Workflow'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GlobalId {
  type: NodeType;
  sourceId: string;
  nativeId: string;
}

/**
 * Whether a native id from a client can name an object at all, whatever its source: it
 * is put into vendor paths, so nothing in it may move the path. Composite ids join their
 * parts with `/`; no part may be empty, `.` or `..`, and no `?`, `#`, `%`, `\` or control
 * character may appear anywhere. Each kind's own rule (`SourceAdapter.isNativeId`)
 * says more where the vendor's id shapes are known.
 */
export function isPlausibleNativeId(nativeId: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
  if (/[?#%\\\u0000-\u001f\u007f]/.test(nativeId)) return false;
  return nativeId.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** A kind's rule for its own native ids: true when `nativeId` has the shape its `type` has at that vendor. */
export type NativeIdRule = (type: NodeType, nativeId: string) => boolean;

/** An id of one part (no `/`) matching `shape`, when given. */
export const onePart = (nativeId: string, shape?: RegExp): boolean => !nativeId.includes('/') && (shape === undefined || shape.test(nativeId));

/** Source ids are config keys: they can never contain the separator. */
export const SOURCE_ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

export class InvalidIdError extends GatewayError {
  constructor(id: string, reason: string) {
    super('INVALID_ID', `"${id.length > 80 ? `${id.slice(0, 80)}…` : id}" is not a Fleetgate id: ${reason}`);
  }
}

/**
 * Relay global ids: opaque base64url of `type:sourceId:nativeId`. The native id goes
 * last and may itself contain colons; the source id may not (see SOURCE_ID_PATTERN).
 */
export function encodeGlobalId({ type, sourceId, nativeId }: GlobalId): string {
  const text = `${type}:${sourceId}:${nativeId}`;
  // Through one reused buffer: every node of every page has an id, and a buffer made per
  // id was most of what encoding it cost. Text that could overflow it gets its own.
  if (text.length > ENCODE_SCRATCH_CHARS) return Buffer.from(text, 'utf8').toString('base64url');
  const length = encodeScratch.write(text, 0, 'utf8');
  return encodeScratch.toString('base64url', 0, length);
}

/** UTF-8 takes at most three bytes per UTF-16 unit, so this many units always fit. */
const ENCODE_SCRATCH_CHARS = 512;
const encodeScratch = Buffer.allocUnsafe(ENCODE_SCRATCH_CHARS * 3);

export function decodeGlobalId(id: string): GlobalId {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new InvalidIdError(id, 'it is not base64url text');
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const first = text.indexOf(':');
  const second = text.indexOf(':', first + 1);
  if (first < 0 || second < 0) throw new InvalidIdError(id, 'it does not name a type, source and object');
  const type = text.slice(0, first);
  const sourceId = text.slice(first + 1, second);
  const nativeId = text.slice(second + 1);
  if (!(NODE_TYPES as readonly string[]).includes(type)) throw new InvalidIdError(id, `"${type}" is not a node type`);
  if (!SOURCE_ID_PATTERN.test(sourceId)) throw new InvalidIdError(id, 'its source part is malformed');
  // Well-formed, but no object anywhere has such a native id: it names nothing.
  if (!isPlausibleNativeId(nativeId)) throw new NotFoundError(type, id);
  return { type: type as NodeType, sourceId, nativeId };
}
