import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { DocumentNode } from 'graphql';
import { createGraphQLError, createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ApiKeys, UnauthenticatedError } from './auth.js';
import { DEFAULT_LIMITS, type GatewayConfig, type Limits, type Role } from './config.js';
import { type ContextDeps, createContext, type GatewayContext, type Viewer } from './context.js';
import { graphiqlFor } from './graphiql.js';
import { ASSETS_PATH, renderGraphiQLPage, serveGraphiQLAsset } from './graphiql-page.js';
import type { Logger } from './log.js';
import { createMetrics, type Metrics } from './metrics.js';
import type { SourceKind } from './model/source-kind.js';
import { useBodyLimit } from './plugins/body-limit.js';
import { useCompiledExecution } from './plugins/compiled-execution.js';
import { corsFor } from './plugins/cors.js';
import { isGraphQLError, maskError } from './plugins/error-masking.js';
import { hostGuard } from './hosts.js';
import { useAccessLog } from './plugins/access-log.js';
import { yogaLogger } from './plugins/logging.js';
import { OperationLabels } from './plugins/operation-label.js';
import { useOperationMetrics } from './plugins/operation-metrics.js';
import { useFanoutLimit } from './plugins/limits.js';
import { useSourceProblems } from './plugins/source-problems.js';
import { loadTrustedDocuments, trustedOperation, useTrustedDocuments } from './plugins/trusted-documents.js';
import { useTracing } from './plugins/tracing.js';
import { useVendorCalls } from './plugins/vendor-calls.js';
import { useVendorDetailScope } from './plugins/vendor-detail.js';
import { schema } from './schema/index.js';
import type { AdapterFactory } from './sources/adapter.js';
import { SourceRegistry } from './sources/registry.js';
import { LiveFeeds } from './workflows/live.js';
import { PollerHub } from './workflows/poller.js';
import { useSubscriptionLimits } from './workflows/admission.js';
import { createLiveTransport } from './workflows/pubsub.js';

export interface Gateway {
  url: string;
  port: number;
  registry: SourceRegistry;
  metrics: Metrics;
  hub: PollerHub;
  yoga: YogaServerInstance<object, GatewayContext>;
  /**
   * Stops taking connections and lets requests in flight finish for up to `graceMs`
   * (default 0: at once) before cutting what is left. graphql-ws subscribers are told
   * the server is going away (1001) and SSE streams end, so clients reconnect elsewhere.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

export interface GatewayOptions {
  factories: Record<SourceKind, AdapterFactory>;
  logger: Logger;
  /** Default true; false is the benchmark's baseline (no DataLoader batching, no GET dedupe). */
  batching?: boolean;
  /** Whether OpenTelemetry tracing was started (main.ts does, from the OTEL_* variables). */
  tracing?: boolean;
  /** Poll intervals of the live feeds, over the config's `poll` (tests shorten them). */
  poll?: { minIntervalMs?: number; maxIntervalMs?: number };
}

/**
 * The HTTP server: GraphQL (queries and mutations over HTTP, subscriptions over SSE and
 * graphql-ws) and GraphiQL at /graphql, plus /healthz (the process is up), /readyz
 * (at least one source answers) and /metrics (Prometheus), all on one port. Only
 * /graphql (HTTP and WebSocket upgrades) checks the Host header: probes and scrapers
 * call by address.
 */
export async function startGateway(config: GatewayConfig, options: GatewayOptions): Promise<Gateway> {
  const { logger } = options;
  const metrics = createMetrics();
  const batching = options.batching !== false;
  const registry = SourceRegistry.build(config.sources, options.factories, { metrics });
  const transport = createLiveTransport(config.redisUrl, config.redisPrefix);
  const hub = new PollerHub({ metrics, lease: transport.lease, ...config.poll, ...options.poll });
  const deps: ContextDeps = {
    registry,
    live: new LiveFeeds(registry, transport, hub, { maxPendingUpdates: config.limits.maxPendingUpdates }),
    settings: { limits: config.limits, sources: config.sources },
    batching,
    audit: (record) => logger.info({ audit: record }, 'mutation'),
  };
  const keys = new ApiKeys(config.tokens);
  const demoToken = config.demo ? config.tokens.find((t) => t.role === 'admin')?.token : undefined;
  const trusted = config.trustedDocuments
    ? { documents: loadTrustedDocuments(config.trustedDocuments.file, schema), allowArbitrary: config.trustedDocuments.allowArbitrary }
    : undefined;
  const yoga = createGatewayYoga({
    deps,
    logger,
    metrics,
    tracing: options.tracing ?? false,
    graphiql: config.graphiql,
    introspection: config.introspection,
    limits: config.limits,
    corsOrigins: config.corsOrigins,
    viewer: (authorization) => keys.viewerFor(authorization),
    ...(demoToken ? { graphiqlToken: demoToken } : {}),
    ...(trusted ? { trustedDocuments: trusted } : {}),
  });

  // A request must have arrived whole within its deadline (408 otherwise), however
  // slowly its bytes come; connections are checked often enough to keep a short one.
  const { requestTimeoutMs } = config.limits;
  const timeouts = { requestTimeout: requestTimeoutMs, headersTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs) };
  const checkHost = hostGuard(config.hosts);
  // Event streams never finish on their own: a drain ends them rather than waiting.
  const streams = new Set<ServerResponse>();
  const server: Server = createServer(timeouts, (req, res) => {
    if (req.headers.accept?.includes('text/event-stream')) {
      streams.add(res);
      res.once('close', () => streams.delete(res));
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (config.graphiql && path.startsWith(ASSETS_PATH) && serveGraphiQLAsset(path, req.headers['accept-encoding'], res)) return;
    if (path === '/readyz') return void readiness(registry, res);
    if (path === '/metrics') return void sendMetrics(metrics, res);
    const misdirected = checkHost(req.headers.host);
    if (misdirected) return sendJson(res, 421, { errors: [{ message: misdirected, extensions: { code: 'MISDIRECTED_REQUEST' } }] });
    return yoga.handle(req, res);
  });
  // ws refuses a frame longer than maxPayload from its header (close 1009), before
  // reading it, so no message larger than an HTTP body may is ever buffered or parsed.
  // An upgrade under a name the gateway does not answer to is refused as /graphql over
  // HTTP is (421), so a rebinding page cannot open a socket either.
  const wsServer = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    maxPayload: config.limits.maxBodyBytes,
    verifyClient: ({ req }, done) => {
      const misdirected = checkHost(req.headers.host);
      if (misdirected) done(false, 421, misdirected);
      else done(true);
    },
  });
  /** The socket's caller, from its connectionParams or else its upgrade request's header. */
  const socketViewer = (ctx: { connectionParams?: Readonly<Record<string, unknown>>; extra: { request: { headers: { authorization?: string } } } }) => {
    const param = ctx.connectionParams?.Authorization ?? ctx.connectionParams?.authorization;
    return keys.viewerFor(typeof param === 'string' ? param : ctx.extra.request.headers.authorization);
  };
  const wsDisposable = useServer(
    {
      // A socket without a valid token is closed at once (4403), before any subscription.
      onConnect: (ctx) => {
        try {
          socketViewer(ctx);
          return true;
        } catch {
          return false;
        }
      },
      // Each subscription runs through yoga's envelop, so it gets the same context,
      // error masking and plugins as a request over HTTP.
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const {
          schema: s,
          execute,
          subscribe,
          contextFactory,
          parse,
          validate,
        } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        // graphql-armor's limits throw from parse (tokens) and from validation (depth,
        // aliases): answer with the error on this subscription rather than let graphql-ws
        // close the whole socket as if the server had failed.
        // Trusted documents hold over this socket as over HTTP: a registered hash names
        // the document, and only the roles allowed their own may send a query.
        const registered = trusted && trustedOperation(trusted.documents, params, trusted.allowArbitrary.includes(socketViewer(ctx).role));
        if (registered instanceof Error) return [registered];
        let document: DocumentNode;
        try {
          document = registered ?? parse(params.query);
          const errors = registered ? [] : validate(s, document);
          if (errors.length) return errors;
        } catch (error) {
          if (isGraphQLError(error)) return [error];
          throw error;
        }
        return {
          schema: s,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wsServer,
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}`,
    port,
    registry,
    metrics,
    hub,
    yoga,
    close: async ({ graceMs = 0 } = {}) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await wsDisposable.dispose();
      for (const res of streams) res.destroy();
      // A keep-alive connection between two requests holds the server open: sweep the
      // idle ones while the busy ones finish.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const grace = new AbortController();
      await Promise.race([closed, sleep(graceMs, undefined, { signal: grace.signal }).catch(() => undefined)]);
      grace.abort();
      clearInterval(sweep);
      server.closeAllConnections();
      await closed;
      await hub.close();
      await Promise.all([registry.close(), transport.close()]);
    },
  };
}

export interface YogaOptions {
  deps: ContextDeps;
  logger: Logger;
  graphiql?: boolean;
  introspection?: boolean;
  limits?: Limits;
  /** Origins whose pages may call from a browser; absent or empty, none. */
  corsOrigins?: readonly string[];
  /** Who the Authorization header names; throws UnauthenticatedError. Absent: an admin (unit tests). */
  viewer?: (authorization: string | null | undefined) => Viewer;
  /** Demo mode only: GraphiQL opens with this token filled in, for a browser on this machine only. */
  graphiqlToken?: string;
  /** A span per operation (OpenTelemetry); only when a tracer provider is registered (see tracing.ts). */
  tracing?: boolean;
  /** Per-operation series go here; absent, none are kept (unit tests). */
  metrics?: Metrics;
  /** Only these operations run, but for callers of the roles in `allowArbitrary`. */
  trustedDocuments?: { documents: ReadonlyMap<string, DocumentNode>; allowArbitrary: readonly Role[] };
}

/** The GraphQL handler alone: what tests drive with `yoga.fetch`, without a socket. */
export function createGatewayYoga(options: YogaOptions) {
  const { deps, logger } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const viewerOf = options.viewer ?? (() => ({ name: 'test', role: 'admin' }) as const);
  const trusted = options.trustedDocuments;
  /** Whether the caller's role may send operations of its own; an unknown token may not. */
  const mayRunAnything = (request: Request, roles: readonly Role[]) => {
    try {
      return roles.includes(viewerOf(request.headers.get('authorization')).role);
    } catch {
      return false;
    }
  };
  const labels = new OperationLabels();
  const plugins: Plugin[] = [
    // First, so its span is open before any other plugin's work on the operation.
    ...(options.tracing ? [useTracing(labels)] : []),
    useAccessLog(logger, labels),
    ...(options.metrics ? [useOperationMetrics(options.metrics, labels)] : []),
    ...(trusted ? [useTrustedDocuments(trusted.documents, (request) => mayRunAnything(request, trusted.allowArbitrary))] : []),
    EnvelopArmorPlugin({
      maxDepth: { n: limits.maxDepth },
      // Armor leaves `__typename` aliases out of its count by default; each is still a
      // field to answer, so every alias counts.
      maxAliases: { n: limits.maxAliases, allowList: [] },
      maxTokens: { n: limits.maxTokens },
      maxDirectives: { n: 50 },
      // Our own fan-out estimate (below) knows what a vendor call costs; armor's does not.
      costLimit: { enabled: false },
      blockFieldSuggestion: { enabled: !(options.introspection ?? true) },
    }) as Plugin,
    useFanoutLimit(limits),
    useSubscriptionLimits(limits),
    useSourceProblems(),
    useVendorCalls(),
    useVendorDetailScope(),
    useCompiledExecution(schema),
    useBodyLimit(limits.maxBodyBytes),
  ];
  if (options.introspection === false) plugins.push(useDisableIntrospection());
  return createYoga<object, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    renderGraphiQL: renderGraphiQLPage,
    // useBodyLimit (last of the plugins, after the request parsers) in place of yoga's.
    maxRequestBodySize: false,
    cors: corsFor(options.corsOrigins ?? []),
    graphiql: options.graphiql === false ? false : graphiqlFor(options.graphiqlToken),
    context: (server: { request?: Request; req?: { headers: Record<string, string | string[] | undefined> }; connectionParams?: Record<string, unknown> }) => {
      // WebSocket clients send the token in connectionParams (or the upgrade request's
      // header); HTTP clients in the header.
      const fromParams = server.connectionParams?.Authorization ?? server.connectionParams?.authorization;
      const fromUpgrade = server.req?.headers.authorization;
      const authorization =
        typeof fromParams === 'string'
          ? fromParams
          : (server.request?.headers.get('authorization') ?? (typeof fromUpgrade === 'string' ? fromUpgrade : undefined));
      let viewer: Viewer;
      try {
        viewer = viewerOf(authorization);
      } catch (err) {
        if (!(err instanceof UnauthenticatedError)) throw err;
        throw createGraphQLError(err.message, {
          extensions: { code: err.code, http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="fleetgate"' } } },
        });
      }
      return createContext(deps, viewer, server.request?.signal);
    },
    maskedErrors: { maskError },
    logging: yogaLogger(logger),
    plugins,
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Ready while at least one source answers its probe within its own timeout: the
 * gateway then serves what it can, with the rest named as missing. Anyone may ask, so
 * the answer is which source ids are ready and which not, nothing more; why a source
 * is not is for operators (`sources { lastError }`, the logs and metrics).
 */
async function readiness(registry: SourceRegistry, res: ServerResponse) {
  const probes = await Promise.all(
    registry.adapters.map(async (a) => ({
      id: a.info.id,
      up: await a.probe().then(
        () => true,
        () => false,
      ),
    })),
  );
  const ready = probes.filter((p) => p.up).map((p) => p.id);
  const notReady = probes.filter((p) => !p.up).map((p) => p.id);
  sendJson(res, ready.length > 0 ? 200 : 503, { ready: ready.length > 0, sources: { ready, notReady } });
}

async function sendMetrics(metrics: Metrics, res: ServerResponse) {
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType });
  res.end(text);
}
