import { GatewayError } from '../model/errors.js';

/**
 * Why a source could not answer. These are the codes a client sees in
 * `extensions.code` next to `extensions.sourceId`, so a dashboard can say "DWS is
 * timing out" rather than "something failed".
 */
export const SOURCE_ERROR_CODES = [
  /** No answer within the source's timeout. */
  'SOURCE_TIMEOUT',
  /** Connection refused or dropped, 502/503/504, or the circuit breaker is open. */
  'SOURCE_UNAVAILABLE',
  /** The body is not what the vendor's document says (not JSON, wrong envelope, cut short). */
  'SOURCE_BAD_RESPONSE',
  /** The vendor refused our credentials even after logging in again. */
  'SOURCE_AUTH_FAILED',
  /** Still throttled (429) after honouring Retry-After. */
  'SOURCE_RATE_LIMITED',
  /** The vendor answered with an error of its own; its code and message are attached. */
  'SOURCE_ERROR',
] as const;
export type SourceErrorCode = (typeof SOURCE_ERROR_CODES)[number];

export const isSourceErrorCode = (code: unknown): code is SourceErrorCode => (SOURCE_ERROR_CODES as readonly unknown[]).includes(code);

/** Each code in words that hold nothing the vendor said: all a viewer is told of a failure. */
const SUMMARIES: Record<SourceErrorCode, string> = {
  SOURCE_TIMEOUT: 'the source did not answer in time',
  SOURCE_UNAVAILABLE: 'the source is unavailable',
  SOURCE_BAD_RESPONSE: 'the source answered with something the gateway cannot read',
  SOURCE_AUTH_FAILED: 'the source refused the gateway’s credentials',
  SOURCE_RATE_LIMITED: 'the source is limiting how often the gateway may call',
  SOURCE_ERROR: 'the source refused the request',
};

export const sourceErrorSummary = (sourceId: string, code: SourceErrorCode): string => `${sourceId}: ${SUMMARIES[code]}`;

export interface SourceErrorDetail {
  sourceId: string;
  sourceKind: string;
  /** `METHOD /path/{pattern}` of the vendor call. */
  route?: string;
  httpStatus?: number;
  /** The vendor's own error code and message, when its body had them. */
  vendorCode?: string;
  vendorMessage?: string;
  /** A mutation whose request may have reached the vendor: do not resend, check the workflow. */
  outcomeUnknown?: boolean;
}

export class SourceError extends GatewayError {
  constructor(
    override readonly code: SourceErrorCode,
    message: string,
    readonly detail: SourceErrorDetail,
    options?: { cause?: unknown },
  ) {
    super(code, `${detail.sourceId}: ${message}`, options);
  }

  get sourceId(): string {
    return this.detail.sourceId;
  }

  override extensions(): Record<string, unknown> {
    const { sourceId, sourceKind, httpStatus, vendorCode, vendorMessage, outcomeUnknown } = this.detail;
    return Object.fromEntries(
      Object.entries({ sourceId, sourceKind, httpStatus, vendorCode, vendorMessage, outcomeUnknown }).filter(([, v]) => v !== undefined),
    );
  }
}

/** The GraphQL request that wanted this call went away; nothing to report to anyone. */
export class RequestAbortedError extends GatewayError {
  constructor(options?: { cause?: unknown }) {
    super('REQUEST_ABORTED', 'the request was cancelled by the client', options);
  }
}

/** Where a failed vendor call went and what came back, as far as anything came back. */
export interface FailedCall {
  sourceId: string;
  sourceKind: string;
  method: string;
  /** `METHOD /path/{pattern}`, as `SourceErrorDetail.route`. */
  route: string;
  /** 0 or absent: no answer arrived. */
  httpStatus?: number;
  /** The vendor's error, in its own words, where its body had one. */
  vendor?: { code?: string; message?: string } | undefined;
}

/**
 * The one way a SourceError is built from a vendor call, by the HTTP layer and by the
 * decode step alike. A write that may have reached the vendor must not look like one
 * that did not: one that timed out, lost its connection before any answer, or got an
 * answer nobody can read (so it arrived) is `outcomeUnknown`.
 */
export function callError(code: SourceErrorCode, message: string, call: FailedCall, cause?: unknown): SourceError {
  const { vendor, httpStatus } = call;
  const outcomeUnknown =
    call.method !== 'GET' && (code === 'SOURCE_TIMEOUT' || code === 'SOURCE_BAD_RESPONSE' || (code === 'SOURCE_UNAVAILABLE' && !httpStatus));
  return new SourceError(
    code,
    vendor?.message ? `${message}: ${vendor.message}` : message,
    {
      sourceId: call.sourceId,
      sourceKind: call.sourceKind,
      route: call.route,
      ...(httpStatus ? { httpStatus } : {}),
      ...(vendor?.code !== undefined ? { vendorCode: vendor.code } : {}),
      ...(vendor?.message !== undefined ? { vendorMessage: vendor.message } : {}),
      ...(outcomeUnknown ? { outcomeUnknown } : {}),
    },
    { cause },
  );
}
