import { z } from 'zod';
import { callError, type SourceError, type SourceErrorCode } from '../errors.js';
import type { SourceCall, SourceHttp, SourceReply } from '../http.js';
import { splitRows, textOf } from './rows.js';

/**
 * How a vendor wraps every answer. `schema` is built once per vendor, never per call;
 * the call's own schema then reads `payload(envelope)`.
 */
export interface Envelope<E> {
  schema: z.ZodType<E>;
  payload(envelope: E): unknown;
  /** Where the payload sits, for naming a field in an error (`data`). */
  at?: string;
}

/** For vendors whose answers are the payload itself. */
export const BARE: Envelope<unknown> = { schema: z.unknown(), payload: (body) => body };

/** The call an answer is to, as far as its errors tell of it. */
export type CallSite = Pick<SourceCall, 'method' | 'route'>;

/**
 * The decode step every vendor client uses: the answer's payload as `schema` reads it.
 * A refusal (HTTP 400 and up, or an error in the vendor's own words, as the source's
 * `readVendorError` finds it) is SOURCE_ERROR; a body without the vendor's envelope, or
 * a payload unlike the document's, is SOURCE_BAD_RESPONSE naming where it differs.
 */
export function decode<E, S extends z.ZodType>(
  http: SourceHttp,
  call: CallSite,
  reply: SourceReply,
  envelope: Envelope<E>,
  schema: S,
): { data: z.output<S>; envelope: E } {
  let bySchema = decoded.get(reply);
  const known = bySchema?.get(schema) as { data: z.output<S>; envelope: E } | undefined;
  if (known) return known;
  const opened = openEnvelope(http, call, reply, envelope);
  const result = { data: readPayload(http, call, reply, schema, envelope.payload(opened), envelope.at), envelope: opened };
  // A large body's decoded copy is not kept: the request would keep it to its end.
  if (reply.bytes !== undefined) return result;
  if (!bySchema) decoded.set(reply, (bySchema = new Map()));
  bySchema.set(schema, result);
  return result;
}

/** A list answer opened: the rest of it decoded, its rows counted and read when asked for. */
export interface OpenedList<D, E, R> {
  data: D;
  envelope: E;
  /** How many rows the list has. */
  count: number;
  /**
   * Each row, checked, handed to `visit` in the list's order; `shared` when the row is
   * the decoded reply's own, which every request that shared the reply is handed (so an
   * item made from it may be made once, kit/once-per-row.ts), not one parsed for this
   * read alone.
   */
  each(visit: (row: R, shared: boolean) => void): void;
}

/**
 * A list answer's rows, each checked by `row` when `each` reads it, and the rest of the
 * answer as `decode` reads it with the rows left out. `rows` is where the array sits in
 * the payload (its keys; none: the payload is the array). A large body (one kept as
 * bytes, see SourceReply) is parsed a row at a time, so a row that `visit` does not keep
 * is garbage as soon as it is read; a small one is decoded whole and shared, as
 * decode's answers are. A refusal, a body that is not JSON and a row unlike the
 * document are the same errors, naming the same field, either way.
 */
export function openList<E, S extends z.ZodType, R>(
  http: SourceHttp,
  call: CallSite,
  reply: SourceReply,
  envelope: Envelope<E>,
  list: S,
  rows: readonly string[],
  row: z.ZodType<R>,
): OpenedList<z.output<S>, E, R> {
  const { bytes } = reply;
  const path = envelope.at ? [envelope.at, ...rows] : rows;
  const split = bytes === undefined ? undefined : splitRows(bytes, path);
  if (!split || bytes === undefined) {
    const whole = decode(http, call, reply, envelope, list);
    const found = rowsAt(whole.data, rows);
    return { ...whole, count: found.length, each: (visit) => found.forEach((r) => visit(r as R, true)) };
  }
  // A piece that does not parse: the whole does not either, and reading it says so.
  const parse = (piece: string): unknown => {
    try {
      return JSON.parse(piece);
    } catch (err) {
      void reply.body;
      throw err;
    }
  };
  const rest = decode(http, call, { status: reply.status, headers: reply.headers, body: parse(split.outer) }, envelope, list);
  const at = path.join('.');
  const offsets = split.rows;
  return {
    ...rest,
    count: offsets.length / 2,
    each(visit) {
      for (let i = 0; i < offsets.length; i += 2) {
        const parsed = row.safeParse(parse(textOf(bytes, offsets[i], offsets[i + 1])));
        if (!parsed.success) {
          const where = `${at ? `${at}.` : ''}${i / 2}`;
          throw replyError(http, 'SOURCE_BAD_RESPONSE', call, reply, `answered a body the document does not describe (${describe(parsed.error, where)})`);
        }
        visit(parsed.data, false);
      }
    },
  };
}

/** The array at `keys` in a decoded payload (none: the payload itself). */
function rowsAt(data: unknown, keys: readonly string[]): readonly unknown[] {
  const found = keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
  return Array.isArray(found) ? found : [];
}

/**
 * Answers already decoded, by reply and schema. One reply answers every request that
 * shared its call (shared-answers.ts), so a page of a hundred clusters read by fifty
 * requests at once is checked once, not fifty times. Callers only read what decode
 * returns (they copy before sorting or adding), which is what makes sharing it safe.
 */
const decoded = new WeakMap<SourceReply, Map<z.ZodType, unknown>>();

/** The envelope of an answer that is not a refusal. */
function openEnvelope<E>(http: SourceHttp, call: CallSite, reply: SourceReply, envelope: Envelope<E>): E {
  const vendor = http.vendorError(reply);
  if (reply.status >= 400 || vendor) {
    throw replyError(http, 'SOURCE_ERROR', call, reply, `answered HTTP ${reply.status}${vendor?.code !== undefined ? ` with error ${vendor.code}` : ''}`);
  }
  const parsed = envelope.schema.safeParse(reply.body);
  if (!parsed.success) throw replyError(http, 'SOURCE_BAD_RESPONSE', call, reply, `answered a body the document does not describe (${describe(parsed.error)})`);
  return parsed.data;
}

/** `payload` (part of the answer `reply`) as `schema` reads it. */
function readPayload<S extends z.ZodType>(http: SourceHttp, call: CallSite, reply: SourceReply, schema: S, payload: unknown, at?: string): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw replyError(http, 'SOURCE_BAD_RESPONSE', call, reply, `answered a body the document does not describe (${describe(parsed.error, at)})`);
  return parsed.data;
}

/** An error about the answer to `call`, with what the vendor said in it; `message` follows the route. */
export function replyError(http: SourceHttp, code: SourceErrorCode, call: CallSite, reply: SourceReply, message: string): SourceError {
  const route = `${call.method} ${call.route}`;
  const vendor = http.vendorError(reply);
  return callError(code, `${route} ${message}`, {
    sourceId: http.sourceId,
    sourceKind: http.options.kind,
    method: call.method,
    route,
    httpStatus: reply.status,
    vendor,
  });
}

/** The first problem zod found, as `path: message`. */
function describe(error: z.ZodError, at?: string): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = [...(at ? [at] : []), ...issue.path].join('.');
  return `${path || '(body)'}: ${issue.message}`;
}
