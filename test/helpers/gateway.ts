import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { GatewayConfig, Limits, SourceConfig } from '../../src/config.js';
import { startDemo } from '../../src/demo.js';
import { createLogger, type Logger } from '../../src/log.js';
import { type Gateway, startGateway } from '../../src/server.js';
import { ADAPTERS } from '../../src/sources/kinds.js';
import type { Fleet } from '../../src/simulators/fleet.js';
import type { RouteStats } from '../../src/simulators/kit/server.js';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface DemoGateway {
  gateway: Gateway;
  /** What the gateway was started with, sources included. */
  config: GatewayConfig;
  token: string;
  fleet: Fleet;
  /** `doc` over HTTP as the admin, or as whoever `token` names (a token of `server.tokens`). */
  run<T, V>(doc: TypedDocumentNode<T, V>, variables?: V, token?: string): Promise<GraphQLResult<T>>;
  /** Vendor requests served per simulator since the last `resetCounts()`: per route and per exact URL. */
  vendorCalls(): Record<string, RouteStats>;
  resetCounts(): void;
  close(): Promise<void>;
}

/** The whole product in-process: the five simulators and a gateway serving them over HTTP. */
export const ADMIN_TOKEN = 'e2e-admin-token';

/** Pollers look every 20–100 ms in tests: the simulators' clocks are moved by hand. */
export const OPERATOR_TOKEN = 'e2e-operator-token';
export const VIEWER_TOKEN = 'e2e-viewer-token';

/**
 * The demo gateway a test file's tests share, with a token for each role (ADMIN_TOKEN,
 * OPERATOR_TOKEN, VIEWER_TOKEN): started before them, its vendor counts reset before each,
 * closed after. The file's top level runs before it starts, so what is returned reads
 * through to it as it is when a test runs.
 */
export function useRolesDemo(): DemoGateway {
  let demo: DemoGateway | undefined;
  beforeAll(async () => {
    demo = await startDemoGateway({
      server: {
        tokens: [
          { name: 'ada', role: 'admin', token: ADMIN_TOKEN },
          { name: 'opal', role: 'operator', token: OPERATOR_TOKEN },
          { name: 'vic', role: 'viewer', token: VIEWER_TOKEN },
        ],
      },
    });
  });
  afterAll(() => demo?.close());
  beforeEach(() => demo?.resetCounts());
  return new Proxy({} as DemoGateway, {
    get(_target, key) {
      if (!demo) throw new Error('the demo gateway is read before it started');
      const value = Reflect.get(demo, key);
      return typeof value === 'function' ? value.bind(demo) : value;
    },
  });
}

export const TEST_POLL = { minIntervalMs: 20, maxIntervalMs: 100 };

export interface DemoOptions {
  env?: Record<string, string | undefined>;
  redisUrl?: string;
  /** Applied to every source's config (short timeouts for fault tests). */
  source?: Partial<SourceConfig>;
  /** The gateway's logger; default silent. A test that reads the logs passes `createLogger(level, stream)`. */
  logger?: Logger;
  /** Over the demo's limits: a page of every cluster of a large fleet needs a larger `maxPageSize`. */
  limits?: Partial<Limits>;
  /**
   * Rewrites the demo's one-source-per-kind list before `source` applies: renames sources,
   * or adds sources served by simulators the test started (and closes) itself.
   */
  sources?: (demo: SourceConfig[]) => SourceConfig[];
  /** Open a span per operation (the test registers a tracer provider itself). */
  tracing?: boolean;
  /** Over the demo's server settings: `hosts`, `corsOrigins`, `tokens`, `trustedDocuments`. */
  server?: Partial<Pick<GatewayConfig, 'hosts' | 'corsOrigins' | 'tokens' | 'trustedDocuments'>>;
}

export async function startDemoGateway(options: DemoOptions = {}): Promise<DemoGateway> {
  const { fleet, config } = await startDemo({ SIM_SPEED: '1', SIM_FAILURE_RATE: '0', FLEETGATE_TOKEN: ADMIN_TOKEN, ...options.env });
  const sources = (options.sources ? options.sources(config.sources) : config.sources).map((s) => ({ ...s, ...options.source }));
  const started: GatewayConfig = {
    ...config,
    sources,
    port: 0,
    limits: { ...config.limits, ...options.limits },
    ...options.server,
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  };
  const gateway = await startGateway(started, {
    factories: ADAPTERS,
    logger: options.logger ?? createLogger('silent'),
    poll: TEST_POLL,
    tracing: options.tracing ?? false,
  });
  return {
    gateway,
    config: started,
    token: ADMIN_TOKEN,
    fleet,
    run: async (doc, variables, token = ADMIN_TOKEN) => {
      const res = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: print(doc), variables }),
      });
      return (await res.json()) as GraphQLResult<any>;
    },
    vendorCalls: () => Object.fromEntries(Object.values(fleet.simulators).map((s) => [s.kind, s.stats()])),
    resetCounts: () => Object.values(fleet.simulators).forEach((s) => s.resetStats()),
    close: async () => {
      await gateway.close();
      await fleet.close();
    },
  };
}
