import { CircuitState, ConsecutiveBreaker, DelegateBackoff, type IRetryBackoffContext, BrokenCircuitError, circuitBreaker, handleWhen, retry } from 'cockatiel';
import { Pool } from 'undici';
import type { SourceConfig } from '../config.js';
import type { Metrics } from '../metrics.js';
import type { AdapterDeps } from './adapter.js';
import type { SourceHealth } from '../model/status.js';
import { callError, RequestAbortedError, SourceError, type SourceErrorCode } from './errors.js';
import { endVendorSpan, vendorSpan } from '../tracing.js';
import { callLogOf, logged, type VendorCall } from './call-log.js';
import type { RequestScope } from './scope.js';
import { textOf } from './kit/rows.js';
import { SharedAnswers } from './shared-answers.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SourceCall {
  method: HttpMethod;
  /** Path below the source URL, parameters already filled in. */
  path: string;
  /** The vendor's path pattern (`/clusters/{id}`), for metrics and error messages. */
  route: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body`: a file upload (OTE-stack's Helm charts). */
  form?: FormData;
  headers?: Record<string, string>;
  /** Send the source's credentials (default true); false for login calls. */
  auth?: boolean;
  signal?: AbortSignal;
  /** Per-GraphQL-request memo: the same GET is sent once per request. */
  scope?: RequestScope;
}

export interface SourceReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON; undefined for an empty body. */
  readonly body: unknown;
  /**
   * A large successful body (over LARGE_BODY bytes) as it came, UTF-8, which `body`
   * parses where it is read: a reader of a long list parses it a row at a time instead
   * (kit/rows.ts).
   */
  readonly bytes?: Uint8Array;
}

/**
 * Bodies longer than this (in bytes) are kept as they came, not as their parse: a
 * request keeps its replies to the end (the GET memo), and a list of 10,000 clusters
 * parsed whole is twice its text in objects, all live at once. Kept as bytes rather
 * than as a string, a body lives outside the JavaScript heap and is freed with the
 * request instead of adding to the old generation until its next full collection. A
 * list page of the peer benchmark's size is far below it and parsed once, as it arrives.
 */
export const LARGE_BODY = 256 * 1024;

/**
 * A large successful reply: its body parsed when read, and the parse shared while
 * anything still holds it (a WeakRef target lives at least to the end of the turn that
 * made it, so the checks one decode makes parse it once), then let go. JSON that does
 * not parse is the same error it would have been on arrival.
 */
class LargeReply implements SourceReply {
  #parsed?: WeakRef<object>;

  constructor(
    readonly status: number,
    readonly headers: SourceReply['headers'],
    readonly bytes: Uint8Array,
    private readonly notJson: (err: unknown) => SourceError,
  ) {}

  get body(): unknown {
    const kept = this.#parsed?.deref();
    if (kept) return kept;
    let value: unknown;
    try {
      value = JSON.parse(textOf(this.bytes));
    } catch (err) {
      throw this.notJson(err);
    }
    if (typeof value === 'object' && value !== null) this.#parsed = new WeakRef(value);
    return value;
  }
}

/** How an adapter authenticates; see auth.ts for the token cache all adapters share. */
export interface SourceAuth {
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  /** The credentials in `used` were refused: get new ones (once, however many callers). */
  renew(used: Record<string, string>, signal?: AbortSignal): Promise<void>;
}

/** A request body and its content type; none for a call without a body. */
interface Content {
  type?: string;
  content: string | Uint8Array | null;
}

const jsonContent = (body: unknown): Content => (body === undefined ? { content: null } : { type: 'application/json', content: JSON.stringify(body) });

/** The form encoded as fetch encodes one (boundary included in the type), made afresh for each exchange since a re-login sends it twice. */
async function formContent(form: FormData): Promise<Content> {
  const encoded = new Response(form);
  return { type: encoded.headers.get('content-type') ?? 'multipart/form-data', content: new Uint8Array(await encoded.arrayBuffer()) };
}

/** What the vendor's error body says, in its own words; supplied by each client.ts. */
export type VendorErrorReader = (body: unknown) => VendorError | undefined;
export interface VendorError {
  code?: string;
  message?: string;
}

/** Vendor errors already read, by reply (null: the body is no error). */
const vendorErrors = new WeakMap<object, VendorError | null>();

export interface SourceHttpOptions {
  sourceId: string;
  kind: string;
  url: string;
  timeoutMs: number;
  /** Extra attempts for idempotent reads. */
  retries: number;
  metrics: Metrics;
  readVendorError: VendorErrorReader;
  /**
   * Whether a read's HTTP 500 carrying this vendor error may pass when asked again;
   * absent, every 500 may. For vendors that answer business errors with 500.
   */
  transient500?: (vendor: VendorError | undefined) => boolean;
  auth?: SourceAuth;
  /** Consecutive failures that open the circuit, and how long it stays open. */
  breaker?: { threshold: number; halfOpenAfterMs: number };
  connections?: number;
  /** Keep successful reads this long for later callers; absent, reads are only shared while in flight. */
  cache?: { ttlMs: number };
}

interface HealthRecord {
  lastError?: { code: string; message: string; at: string };
  /** Epoch ms; told as ISO text only when health is read, not made at every call. */
  lastSuccessAt?: number;
  /** Exponentially weighted mean latency of recent successful calls. */
  latencyMs?: number;
  consecutiveFailures: number;
}

/**
 * A call's signal: aborted when its deadline passes or its caller goes away, whichever
 * comes first; `settle` once the call is over. One controller and one timer per call:
 * AbortSignal.timeout and AbortSignal.any in their place cost tens of microseconds a
 * call, more than the rest of the call's own work, and AbortSignal.any keeps a reference
 * on the caller's signal for every call made under it.
 */
class CallDeadline {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  /** The deadline passed before the call was over: a timeout, not the caller leaving. */
  passed = false;

  constructor(
    ms: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    this.#timer = setTimeout(() => {
      this.passed = true;
      this.#controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError'));
    }, ms);
    if (caller?.aborted) this.#controller.abort(caller.reason);
    else caller?.addEventListener('abort', this.#leave, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  readonly #leave = () => this.#controller.abort(this.caller?.reason);

  settle(): void {
    clearTimeout(this.#timer);
    this.caller?.removeEventListener('abort', this.#leave);
  }
}

/** Failures that say the source is unwell, as opposed to the vendor refusing a request. */
const UNHEALTHY: ReadonlySet<SourceErrorCode> = new Set(['SOURCE_TIMEOUT', 'SOURCE_UNAVAILABLE', 'SOURCE_BAD_RESPONSE']);
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/**
 * A 500 is retried on reads only, and reaches the adapter as the vendor's answer when
 * the retries run out: a read changes nothing, so asking again is safe, and a 500 is
 * mostly the vendor's backend failing for the moment. A vendor that answers its own
 * business errors with 500 (DC/OS answers "no such cluster" so) says which are passing
 * (`transient500`), so a definite answer is not asked again. A write is never sent
 * twice: its 500 may come after the change was made.
 */
const READ_RETRIED_STATUS = 500;

/**
 * The one HTTP client layer every adapter uses: an undici keep-alive pool per source, a
 * deadline per call (retries included), retries with backoff for reads only, a circuit
 * breaker, single-flight re-login on 401, metrics and health. It knows nothing of any
 * vendor's envelope: client.ts files decode bodies and supply `readVendorError`.
 */
export class SourceHttp {
  readonly #pool: Pool;
  readonly #prefix: string;
  readonly #health: HealthRecord = { consecutiveFailures: 0 };
  readonly #breaker;
  readonly #retry;
  readonly #labels;
  readonly #answers: SharedAnswers;
  /**
   * A request's memo spans every source of the request, and two sources of one kind ask
   * the same paths of different vendors (or of one vendor as different users).
   */
  readonly #memoPrefix: string;

  constructor(readonly options: SourceHttpOptions) {
    const url = new URL(options.url);
    this.#prefix = url.pathname.replace(/\/$/, '');
    this.#pool = new Pool(url.origin, {
      connections: options.connections ?? 16,
      keepAliveTimeout: 10_000,
      // The deadline below governs; these only stop a socket from hanging forever. Set to
      // the deadline itself they raced it, and a write undici gave up on first came back
      // SOURCE_UNAVAILABLE instead of SOURCE_TIMEOUT: well past it, they never win.
      headersTimeout: 2 * options.timeoutMs + 1_000,
      bodyTimeout: 2 * options.timeoutMs + 1_000,
    });
    this.#labels = { source: options.sourceId, kind: options.kind };
    this.#memoPrefix = `${options.sourceId} ${options.url} `;
    const labels = this.#labels;
    this.#answers = new SharedAnswers({
      ...(options.cache ? { ttlMs: options.cache.ttlMs } : {}),
      onShared: () => options.metrics.sourceSharedCalls.inc(labels),
      onHit: () => options.metrics.sourceCacheHits.inc(labels),
    });
    const breaker = options.breaker ?? { threshold: 5, halfOpenAfterMs: 10_000 };
    this.#breaker = circuitBreaker(
      handleWhen((err) => err instanceof SourceError && UNHEALTHY.has(err.code)),
      { halfOpenAfter: breaker.halfOpenAfterMs, breaker: new ConsecutiveBreaker(breaker.threshold) },
    );
    this.#breaker.onStateChange((state) =>
      options.metrics.sourceCircuit.set(this.#labels, state === CircuitState.Open || state === CircuitState.Isolated ? 1 : 0),
    );
    this.#retry = retry(
      handleWhen((err) => err instanceof ServerErrorReply || ((err instanceof SourceError || err instanceof RetryAfter) && isRetryable(err))),
      {
        maxAttempts: options.retries,
        backoff: new DelegateBackoff((context: IRetryBackoffContext<unknown>) => {
          const err = 'error' in context.result ? context.result.error : undefined;
          const retryAfter = err instanceof RetryAfter ? err.ms : undefined;
          // Exponential from 100 ms to 2 s with jitter, unless the vendor said when.
          return retryAfter ?? Math.min(2_000, 100 * 2 ** (context.attempt - 1)) * (0.5 + Math.random() / 2);
        }),
      },
    );
  }

  get sourceId(): string {
    return this.options.sourceId;
  }

  /**
   * Sends one call. GETs are retried on connection errors, 429, 500 and 502/503/504
   * within the deadline; writes are never retried, and a write that times out or loses its
   * connection after being sent is reported with `outcomeUnknown`. Identical GETs share
   * one call, within a request and across requests in flight at once (see SharedAnswers);
   * a write drops what the source's reads had kept, before it is sent and once it is done.
   */
  request(call: SourceCall): Promise<SourceReply> {
    const signal = call.signal ?? call.scope?.signal;
    const log = callLogOf(signal);
    // Built once per call, not again by every attempt; the sharing key below is it too.
    const url = this.#url(call);
    if (call.method !== 'GET') {
      this.#answers.forget();
      return this.#sendLogged(log, call, url).finally(() => this.#answers.forget());
    }
    // The benchmark's baseline shares nothing.
    if (call.scope?.batching === false) return this.#sendLogged(log, { ...call, signal }, url);
    // Every call of this client carries the source's own credentials unless it says
    // otherwise: the credential identity is whether it sends them, and any headers of its own.
    const key = `${call.auth === false ? 'anonymous' : 'source'} ${call.headers ? JSON.stringify(call.headers) : ''} ${url}`;
    return call.scope ? call.scope.memo(this.#memoPrefix + key, () => this.#shared(key, log, call, url, signal)) : this.#shared(key, log, call, url, signal);
  }

  /** A GET answered by the call in flight (or kept) under `key`, or sent as that call. */
  #shared(key: string, log: VendorCall[] | undefined, call: SourceCall, url: string, signal: AbortSignal | undefined): Promise<SourceReply> {
    return this.#answers.get(key, signal, (own) => this.#sendLogged(log, { ...call, signal: own }, url));
  }

  /** `call` sent, and entered in the request's call log when it keeps one. */
  #sendLogged(log: VendorCall[] | undefined, call: SourceCall, url: string): Promise<SourceReply> {
    const route = `${call.method} ${call.route}`;
    return log ? logged(log, this.options.sourceId, route, this.#send(call, url, route)) : this.#send(call, url, route);
  }

  /** Health as `sources { health }` reports it. */
  health(): { health: SourceHealth; latencyMs?: number; lastError?: HealthRecord['lastError']; lastSuccessAt?: string } {
    const state = this.#breaker.state;
    const health: SourceHealth =
      state === CircuitState.Open || state === CircuitState.Isolated
        ? 'DOWN'
        : state === CircuitState.HalfOpen || this.#health.consecutiveFailures > 0
          ? 'DEGRADED'
          : 'UP';
    const { latencyMs, lastError, lastSuccessAt } = this.#health;
    return {
      health,
      ...(latencyMs !== undefined ? { latencyMs } : {}),
      ...(lastError ? { lastError } : {}),
      ...(lastSuccessAt !== undefined ? { lastSuccessAt: new Date(lastSuccessAt).toISOString() } : {}),
    };
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }

  #url(call: SourceCall): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    return `${this.#prefix}${call.path}${qs ? `?${qs}` : ''}`;
  }

  async #send(call: SourceCall, url: string, route: string): Promise<SourceReply> {
    const deadline = new CallDeadline(this.options.timeoutMs, call.signal);
    const { signal } = deadline;
    const deadlineAt = Date.now() + this.options.timeoutMs;
    const span = vendorSpan(this.options.sourceId, this.options.kind, route);
    let attempts = 0;
    const attempt = () => {
      attempts++;
      return this.#withAuth(call, url, route, signal, deadlineAt);
    };
    try {
      const reply = call.method === 'GET' ? await this.#retry.execute(attempt, signal).catch(lastServerError) : await attempt();
      this.#health.consecutiveFailures = 0;
      this.#health.lastSuccessAt = Date.now();
      endVendorSpan(span, reply.status, attempts - 1);
      return reply;
    } catch (err) {
      const error = this.#normalize(err, call, route, deadline, signal);
      endVendorSpan(span, error instanceof SourceError ? (error.detail.httpStatus ?? 0) : 0, Math.max(0, attempts - 1), error);
      if (!(error instanceof RequestAbortedError)) {
        this.options.metrics.sourceErrors.inc({ ...this.#labels, route, code: error.code });
        if (UNHEALTHY.has(error.code as SourceErrorCode) || error.code === 'SOURCE_AUTH_FAILED') {
          this.#health.consecutiveFailures++;
          this.#health.lastError = { code: error.code, message: error.message, at: new Date().toISOString() };
        }
      }
      throw error;
    } finally {
      deadline.settle();
    }
  }

  async #withAuth(call: SourceCall, url: string, route: string, signal: AbortSignal, deadlineAt: number): Promise<SourceReply> {
    const auth = call.auth === false ? undefined : this.options.auth;
    // The breaker guards single exchanges, never a call with its re-login inside: while
    // half-open it holds every caller until its trial ends, so a trial that had to log in
    // through the same breaker would wait on itself forever.
    const exchange = (credentials: Record<string, string>) => this.#breaker.execute(() => this.#once(call, url, route, signal, deadlineAt, credentials));
    const credentials = auth ? await auth.headers(signal) : {};
    let reply = await exchange(credentials);
    if (reply.status === 401 && auth) {
      await auth.renew(credentials, signal);
      reply = await exchange(await auth.headers(signal));
    }
    if (reply.status === 401) {
      throw this.#error('SOURCE_AUTH_FAILED', 'the vendor refused the credentials', call, route, reply);
    }
    return reply;
  }

  async #once(
    call: SourceCall,
    url: string,
    route: string,
    signal: AbortSignal,
    deadlineAt: number,
    credentials: Record<string, string>,
  ): Promise<SourceReply> {
    const started = performance.now();
    const { type, content } = call.form ? await formContent(call.form) : jsonContent(call.body);
    let status = 0;
    try {
      const res = await this.#pool.request({
        method: call.method,
        path: url,
        headers: {
          accept: 'application/json',
          ...(type ? { 'content-type': type } : {}),
          ...call.headers,
          ...credentials,
        },
        body: content,
        signal,
      });
      status = res.statusCode;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await res.body.arrayBuffer());
      } catch (err) {
        if (signal.aborted) throw err;
        throw this.#error('SOURCE_BAD_RESPONSE', `the response to ${route} ended before its body was complete`, call, route, { status }, err);
      }
      const elapsed = performance.now() - started;
      this.options.metrics.sourceLatency.observe({ ...this.#labels, route }, elapsed / 1000);
      this.#health.latencyMs = this.#health.latencyMs === undefined ? elapsed : this.#health.latencyMs * 0.8 + elapsed * 0.2;
      if (status < 300 && bytes.length > LARGE_BODY) return new LargeReply(status, res.headers, bytes, (err) => this.#notJson(err, call, route, status, bytes));
      const text = textOf(bytes);
      let body: unknown;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch (err) {
          if (status === 401) return { status, headers: res.headers, body: undefined };
          throw this.#notJson(err, call, route, status, bytes);
        }
      }
      const reply: SourceReply = { status, headers: res.headers, body };
      if (RETRYABLE_STATUS.has(status)) {
        const code: SourceErrorCode = status === 429 ? 'SOURCE_RATE_LIMITED' : 'SOURCE_UNAVAILABLE';
        const error = this.#error(code, `${route} answered HTTP ${status}`, call, route, reply);
        const after = status === 429 ? retryAfterMs(res.headers['retry-after']) : undefined;
        if (after === undefined) throw error;
        // Waiting past our own deadline would only turn "throttled" into "timed out".
        throw after < deadlineAt - Date.now() ? new RetryAfter(error, after) : new GiveUp(error);
      }
      if (status === READ_RETRIED_STATUS && call.method === 'GET' && this.#transient500(reply)) throw new ServerErrorReply(reply);
      return reply;
    } catch (err) {
      if (err instanceof SourceError || err instanceof RetryAfter || err instanceof GiveUp || err instanceof ServerErrorReply) throw err;
      if (signal.aborted) throw err;
      throw this.#error(
        'SOURCE_UNAVAILABLE',
        `${route} could not be reached (${(err as { code?: string }).code ?? (err as Error).message})`,
        call,
        route,
        { status },
        err,
      );
    } finally {
      this.options.metrics.sourceRequests.inc({ ...this.#labels, route, status: String(status) });
    }
  }

  /**
   * What the vendor's error body in `reply` says, in its own words: read once per reply,
   * though the retry rule, the error built, the decode step and a client's not-found
   * check may each ask.
   */
  vendorError(reply: { body?: unknown }): VendorError | undefined {
    if (reply.body === undefined) return undefined;
    let read = vendorErrors.get(reply);
    if (read === undefined) vendorErrors.set(reply, (read = this.options.readVendorError(reply.body) ?? null));
    return read ?? undefined;
  }

  #transient500(reply: SourceReply): boolean {
    const { transient500 } = this.options;
    return !transient500 || transient500(this.vendorError(reply));
  }

  /** A body that does not parse. A proxy's HTML page in front of a dead backend says "unavailable", not "garbage". */
  #notJson(err: unknown, call: SourceCall, route: string, status: number, bytes: Uint8Array): SourceError {
    const code: SourceErrorCode = status >= 500 ? 'SOURCE_UNAVAILABLE' : 'SOURCE_BAD_RESPONSE';
    const text = describeText(textOf(bytes, 0, 4096), bytes.length);
    return this.#error(code, `${route} answered HTTP ${status} with a body that is not JSON (${text})`, call, route, { status }, err);
  }

  #normalize(err: unknown, call: SourceCall, route: string, deadline: CallDeadline, signal: AbortSignal): SourceError | RequestAbortedError {
    if (err instanceof RetryAfter || err instanceof GiveUp) return err.error;
    if (err instanceof SourceError || err instanceof RequestAbortedError) return err;
    if (err instanceof BrokenCircuitError) {
      return this.#error('SOURCE_UNAVAILABLE', 'the circuit breaker is open after repeated failures; calls resume shortly', call, route, { status: 0 });
    }
    if (deadline.passed) {
      return this.#error('SOURCE_TIMEOUT', `${route} did not answer within ${this.options.timeoutMs} ms`, call, route, { status: 0 }, err);
    }
    // Aborted but not by our deadline: whoever asked went away (the client, or the call
    // whose login this is). Nothing is wrong with the source.
    if (signal.aborted || err instanceof RequestAbortedError) return new RequestAbortedError({ cause: err });
    return this.#error('SOURCE_UNAVAILABLE', `${route} failed: ${(err as Error).message}`, call, route, { status: 0 }, err);
  }

  #error(
    code: SourceErrorCode,
    message: string,
    call: SourceCall,
    route: string,
    reply: Partial<SourceReply> & { status: number },
    cause?: unknown,
  ): SourceError {
    const vendor = this.vendorError(reply);
    const { sourceId, kind } = this.options;
    return callError(code, message, { sourceId, sourceKind: kind, method: call.method, route, httpStatus: reply.status, vendor }, cause);
  }
}

/** A 429 with the vendor's own idea of when to come back. */
class RetryAfter extends Error {
  constructor(
    readonly error: SourceError,
    readonly ms: number,
  ) {
    super(error.message);
  }
}

/** A failure that must not be retried even though its code usually is. */
class GiveUp extends Error {
  constructor(readonly error: SourceError) {
    super(error.message);
  }
}

/** A read's 500, to be asked again; the reply itself once the retries run out. */
class ServerErrorReply extends Error {
  constructor(readonly reply: SourceReply) {
    super(`HTTP ${reply.status}`);
  }
}

const lastServerError = (err: unknown): SourceReply => {
  if (err instanceof ServerErrorReply) return err.reply;
  throw err;
};

function isRetryable(err: SourceError | RetryAfter): boolean {
  const e = err instanceof RetryAfter ? err.error : err;
  return e.code === 'SOURCE_UNAVAILABLE' || e.code === 'SOURCE_RATE_LIMITED';
}

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * A body that is not JSON, for an error message. A proxy's HTML page is quoted (its
 * title says what went wrong); anything else is the vendor's own data cut short or
 * garbled, and may hold a secret (a login answer's session token in its first bytes),
 * so only its size is given.
 */
function describeText(text: string, size: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat.startsWith('<')) return `${size} bytes, not quoted`;
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

/** The SourceHttp settings every adapter takes from its source's config unchanged. */
export function sourceHttpSettings(
  source: SourceConfig,
  deps: AdapterDeps,
): Pick<SourceHttpOptions, 'sourceId' | 'kind' | 'timeoutMs' | 'retries' | 'metrics' | 'breaker' | 'cache'> {
  return {
    sourceId: source.id,
    kind: source.kind,
    timeoutMs: source.timeoutMs,
    retries: source.retries,
    metrics: deps.metrics,
    ...(source.breaker ? { breaker: source.breaker } : {}),
    ...(source.cache ? { cache: source.cache } : {}),
  };
}
