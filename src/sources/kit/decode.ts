import { z } from 'zod';
import { callError, type SourceError, type SourceErrorCode } from '../errors.js';
import type { SourceCall, SourceHttp, SourceReply } from '../http.js';

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
  if (!bySchema) decoded.set(reply, (bySchema = new Map()));
  bySchema.set(schema, result);
  return result;
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
