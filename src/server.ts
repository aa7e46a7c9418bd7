import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayConfig } from './config.js';
import { type ContextDeps, createContext, type GatewayContext, type Viewer } from './context.js';
import { EXAMPLE_QUERIES } from './graphiql.js';
import type { Logger } from './log.js';
import { createMetrics, type Metrics } from './metrics.js';
import type { SourceKind } from './model/source-kind.js';
import { maskError } from './plugins/error-masking.js';
import { useSourceProblems } from './plugins/source-problems.js';
import { schema } from './schema/index.js';
import type { AdapterFactory } from './sources/adapter.js';
import { SourceRegistry } from './sources/registry.js';
import { LiveFeeds } from './workflows/live.js';
import { PollerHub } from './workflows/poller.js';
import { createLiveTransport } from './workflows/pubsub.js';

export interface Gateway {
  url: string;
  port: number;
  registry: SourceRegistry;
  metrics: Metrics;
  hub: PollerHub;
  yoga: YogaServerInstance<object, GatewayContext>;
  close(): Promise<void>;
}

export interface GatewayOptions {
  factories: Record<SourceKind, AdapterFactory>;
  logger: Logger;
  /** Default true; false is the benchmark's baseline (no DataLoader batching, no GET dedupe). */
  batching?: boolean;
  /** Poll intervals of the live feeds (tests shorten them). */
  poll?: { minIntervalMs?: number; maxIntervalMs?: number };
}

const DEMO_VIEWER: Viewer = { name: 'demo', role: 'admin' };

/**
 * The HTTP server: GraphQL (queries and mutations over HTTP, subscriptions over SSE and
 * graphql-ws) and GraphiQL at /graphql, plus /healthz (the process is up), /readyz
 * (every source answers) and /metrics (Prometheus), all on one port.
 */
export async function startGateway(config: GatewayConfig, options: GatewayOptions): Promise<Gateway> {
  const { logger } = options;
  const metrics = createMetrics();
  const batching = options.batching !== false;
  const registry = SourceRegistry.build(config.sources, options.factories, { metrics, batching });
  const transport = createLiveTransport(config.redisUrl);
  const hub = new PollerHub({ metrics, lease: transport.lease, ...options.poll });
  const deps: ContextDeps = { registry, live: new LiveFeeds(registry, transport.pubsub, hub), dedupe: batching };
  const yoga = createGatewayYoga({ deps, logger, graphiql: config.graphiql });

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') return void readiness(registry, res);
    if (path === '/metrics') return void sendMetrics(metrics, res);
    return yoga.handle(req, res);
  });
  const wsServer = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const wsDisposable = useServer(
    {
      // Each subscription runs through yoga's envelop, so it gets the same context,
      // error masking and plugins as a request over HTTP.
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const { schema: s, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const args = {
          schema: s,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        return errors.length ? errors : args;
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
    close: async () => {
      await hub.close();
      await wsDisposable.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([registry.close(), transport.close()]);
    },
  };
}

/** The GraphQL handler alone: what tests drive with `yoga.fetch`, without a socket. */
export function createGatewayYoga(options: { deps: ContextDeps; logger: Logger; graphiql?: boolean }) {
  const { deps, logger } = options;
  return createYoga<object, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql:
      options.graphiql === false ? false : { title: 'Fleetgate', defaultQuery: EXAMPLE_QUERIES, subscriptionsProtocol: 'WS' },
    context: ({ request }: { request: Request }) => createContext(deps, DEMO_VIEWER, request.signal),
    maskedErrors: { maskError: maskError((err) => logger.error({ err }, 'unexpected error in a resolver')) },
    logging: {
      debug: (...args) => logger.debug(args),
      info: (...args) => logger.info(args),
      warn: (...args) => logger.warn(args),
      error: (...args) => logger.error(args),
    },
    plugins: [useSourceProblems()],
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Ready when every source answers its probe within its own timeout; says which did not. */
async function readiness(registry: SourceRegistry, res: ServerResponse) {
  const results = await Promise.all(
    registry.adapters.map(async (a) => {
      try {
        await a.probe();
        return { id: a.info.id, kind: a.info.kind, ready: true };
      } catch (err) {
        const e = err as { code?: string; message?: string };
        return { id: a.info.id, kind: a.info.kind, ready: false, code: e.code ?? 'UNKNOWN', message: e.message };
      }
    }),
  );
  const ready = results.every((r) => r.ready);
  sendJson(res, ready ? 200 : 503, { ready, sources: results });
}

async function sendMetrics(metrics: Metrics, res: ServerResponse) {
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType });
  res.end(text);
}
