import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import FindMyWay from 'find-my-way';
import { SimClock } from './clock.js';
import type { HttpMethod, Route, SimEnv, SimulatorDefinition, VendorSimulator } from './definition.js';
import { SimulatorError, SimulatorPortInUseError } from './errors.js';
import { readBody } from './body.js';
import { type Faults, faultsSchema, htmlErrorPage, malformedBody, noFaults } from './faults.js';
import type { SimRequest, SimResponse } from './http.js';
import { createRng, type Rng } from './rng.js';
import { Scheduler } from './scheduler.js';
import { TokenStore } from './tokens.js';

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  seed?: string;
  clusters?: number;
  /** Simulated seconds per real second. */
  speed?: number;
  /** Where simulated time starts (ms since epoch); default: now. */
  epochMs?: number;
  operationFailureRate?: number;
  /** Where credential overrides are read from; default process.env. */
  env?: Record<string, string | undefined>;
}

export const SIM_DEFAULTS = {
  host: '127.0.0.1',
  seed: 'fleetgate',
  clusters: 24,
  speed: 30,
  operationFailureRate: 0.1,
} as const;

export interface RouteStats {
  total: number;
  routes: Record<string, number>;
  /** Per exact request (`GET /path?query`): a gateway that asks twice for one URL shows here. */
  urls: Record<string, number>;
}

export interface RunningSimulator {
  readonly kind: SimulatorDefinition['kind'];
  readonly definition: SimulatorDefinition;
  readonly url: string;
  readonly port: number;
  readonly credentials: Record<string, string>;
  /** The current instance's clock (a reset makes a new one). */
  readonly clock: SimClock;
  readonly faults: Readonly<Faults>;
  stats(): RouteStats;
  resetStats(): void;
  setFaults(patch: Partial<Faults>): Faults;
  /** Seed state, faults off, counters zero, tokens forgotten. */
  reset(): void;
  /** Moves simulated time forward and lets due operations run. */
  advance(ms: number): void;
  close(): Promise<void>;
}

const BODY_LIMIT = 8 * 1024 * 1024;
const CONTROL_PREFIX = '/__sim/';

interface Instance {
  env: SimEnv;
  vendor: VendorSimulator;
  router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>;
}

/** `/clusters/{clusterId}` → `/clusters/:clusterId` (find-my-way's syntax). */
const toRouterPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/**
 * Starts one vendor simulator as a real HTTP server. The runtime owns everything that
 * is the same for every vendor — routing, body parsing by content type, request counters, injected
 * faults, simulated time and the `/__sim/` control surface — so a vendor module holds
 * only what its document says.
 */
export async function startSimulator(definition: SimulatorDefinition, options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? SIM_DEFAULTS.seed;
  const clusters = options.clusters ?? SIM_DEFAULTS.clusters;
  const speed = options.speed ?? SIM_DEFAULTS.speed;
  const baseFailureRate = options.operationFailureRate ?? SIM_DEFAULTS.operationFailureRate;
  const sourceEnv = options.env ?? process.env;
  const credentials = Object.fromEntries(Object.entries(definition.credentials).map(([name, c]) => [name, sourceEnv[c.env] || c.value]));

  let faults: Faults = noFaults(baseFailureRate);
  let counts = new Map<string, number>();
  let urlCounts = new Map<string, number>();
  let faultRng: Rng = createRng(`${seed}:${definition.kind}:faults`);

  const build = (): Instance => {
    const clock = new SimClock({ speed, ...(options.epochMs !== undefined ? { epochMs: options.epochMs } : {}) });
    const rng = createRng(`${seed}:${definition.kind}`);
    const opsRng = rng.fork('operations');
    const env: SimEnv = {
      kind: definition.kind,
      seed,
      clusters,
      clock,
      scheduler: new Scheduler(clock),
      rng,
      tokens: new TokenStore(clock, rng.fork('tokens')),
      credentials,
      operationFails: () => opsRng.chance(faults.operationFailureRate),
    };
    const vendor = definition.create(env);
    const router = FindMyWay({ ignoreTrailingSlash: true, maxParamLength: 500 });
    for (const route of vendor.routes) {
      router.on(route.method, toRouterPath(route.path), () => undefined, { route });
    }
    return { env, vendor, router };
  };
  let instance = build();

  const handleVendor = async (req: IncomingMessage, res: ServerResponse, url: URL, rawBody: Buffer) => {
    const { env, vendor, router } = instance;
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    const found = router.find(method, url.pathname) as { params: Record<string, string>; store: { route: Route } } | null;
    const route = found?.store.route;
    const key = route ? `${method} ${route.path}` : `${method} (unmatched)`;
    const hit = faults.routes.length === 0 || faults.routes.includes(key);
    if (hit && faults.down) {
      req.socket.destroy();
      return;
    }
    // Counted on arrival, before any added latency: a test can see a call in flight.
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const exact = `${method} ${url.pathname}${url.search}`;
    urlCounts.set(exact, (urlCounts.get(exact) ?? 0) + 1);
    const delay = hit ? faults.latencyMs + (faults.jitterMs ? faultRng.int(0, faults.jitterMs) : 0) : 0;
    if (delay > 0) await sleep(delay);
    env.scheduler.runDue();

    const response = await answer();
    send(res, response, hit);

    async function answer(): Promise<SimResponse> {
      if (hit && faults.errorRate > 0 && faultRng.chance(faults.errorRate)) {
        return injectedError(vendor, faults.errorStatus);
      }
      if (!route || !found) {
        const otherMethod = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).some((m) => m !== method && router.find(m, url.pathname));
        return otherMethod
          ? vendor.error(405, `method ${method} is not allowed on ${url.pathname}`)
          : vendor.error(404, `no such resource: ${method} ${url.pathname}`);
      }
      const read = await readBody(rawBody, req.headers['content-type']);
      if ('error' in read) return vendor.error(400, read.error);
      const simReq: SimRequest = {
        method,
        path: url.pathname,
        route: route.path,
        params: { ...found.params },
        query: url.searchParams,
        headers: req.headers,
        body: read.json,
        ...(read.form ? { form: read.form } : {}),
        rawBody,
      };
      if (!route.public && vendor.authenticate) {
        const refused = vendor.authenticate(simReq);
        if (refused) return refused;
      }
      try {
        return await route.handle(simReq);
      } catch (err) {
        return vendor.error(500, `internal error: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };

  /** `faulty`: whether the active faults target this response's route. */
  const send = (res: ServerResponse, response: SimResponse, faulty: boolean) => {
    const status = response.status;
    let contentType = response.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json';
    let text = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
    if (faulty && faults.htmlErrors && status >= 400) {
      contentType = 'text/html';
      text = htmlErrorPage(status);
    } else if (faulty && faults.malformed && text !== '') {
      text = malformedBody(text);
    }
    const headers: Record<string, string> = { 'content-type': contentType, ...response.headers };
    const length = Buffer.byteLength(text);
    headers['content-length'] = String(length);
    res.writeHead(status, headers);
    if (faulty && faults.truncated && length > 1) {
      res.write(Buffer.from(text).subarray(0, Math.floor(length / 2)), () => res.destroy());
      return;
    }
    // Ended with the string itself: Node writes the head and a string body in one write,
    // where a Buffer would first be copied out of the string and then sent with writev.
    res.end(text);
  };

  const control = (req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string) => {
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const op = `${req.method} ${url.pathname.replace(/\/$/, '')}`;
    let body: unknown = {};
    if (rawBody.trim()) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return reply(400, { error: 'body is not valid JSON' });
      }
    }
    switch (op) {
      case 'GET /__sim/stats':
        return reply(200, simulator.stats());
      case 'DELETE /__sim/stats':
        simulator.resetStats();
        return reply(200, simulator.stats());
      case 'GET /__sim/faults':
        return reply(200, faults);
      case 'POST /__sim/faults': {
        const parsed = faultsSchema.partial().safeParse(body);
        if (!parsed.success) {
          return reply(400, { error: 'invalid faults', issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) });
        }
        return reply(200, simulator.setFaults(parsed.data));
      }
      case 'POST /__sim/reset':
        simulator.reset();
        return reply(200, { reset: true });
      case 'GET /__sim/clock':
        return reply(200, clockInfo());
      case 'POST /__sim/clock': {
        const advanceMs = (body as { advanceMs?: unknown }).advanceMs;
        if (typeof advanceMs !== 'number' || !(advanceMs >= 0)) {
          return reply(400, { error: 'advanceMs: a non-negative number of simulated milliseconds is required' });
        }
        simulator.advance(advanceMs);
        return reply(200, clockInfo());
      }
      case 'GET /__sim/info':
        return reply(200, {
          kind: definition.kind,
          title: definition.title,
          url: simulator.url,
          seed,
          clusters,
          speed,
          credentials,
          clock: clockInfo(),
        });
      default:
        return reply(404, {
          error: `unknown control ${op}`,
          controls: ['GET /__sim/info', 'GET|DELETE /__sim/stats', 'GET|POST /__sim/faults', 'POST /__sim/reset', 'GET|POST /__sim/clock'],
        });
    }
  };
  const clockInfo = () => ({ now: instance.env.clock.nowIso(), speed, pendingOperations: instance.env.scheduler.pending });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      if (url.pathname.startsWith(CONTROL_PREFIX)) return control(req, res, url, rawBody.toString('utf8'));
      handleVendor(req, res, url, rawBody).catch((err: unknown) => {
        if (!res.headersSent) send(res, instance.vendor.error(500, String(err)), false);
      });
    });
  });
  server.keepAliveTimeout = 30_000;

  const host = options.host ?? SIM_DEFAULTS.host;
  const requestedPort = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new SimulatorPortInUseError(definition.kind, requestedPort, `SIM_${definition.kind.toUpperCase()}_PORT`, err)
          : new SimulatorError('SIM_LISTEN_FAILED', `the ${definition.kind} simulator cannot listen on ${host}:${requestedPort}: ${err.message}`, {
              cause: err,
            }),
      );
    });
    server.listen(requestedPort, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const simulator: RunningSimulator = {
    kind: definition.kind,
    definition,
    url: `http://${host}:${port}`,
    port,
    credentials,
    get clock() {
      return instance.env.clock;
    },
    get faults() {
      return faults;
    },
    stats: () => {
      const sorted = (m: Map<string, number>) => Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
      return { total: [...counts.values()].reduce((a, b) => a + b, 0), routes: sorted(counts), urls: sorted(urlCounts) };
    },
    resetStats: () => {
      counts = new Map();
      urlCounts = new Map();
    },
    setFaults: (patch) => {
      const { expireTokens, ...rest } = patch;
      faults = { ...faults, ...rest, expireTokens: false };
      if (expireTokens) instance.env.tokens.expireAll();
      return faults;
    },
    reset: () => {
      faults = noFaults(baseFailureRate);
      counts = new Map();
      urlCounts = new Map();
      faultRng = createRng(`${seed}:${definition.kind}:faults`);
      instance = build();
    },
    advance: (ms) => {
      instance.env.clock.advance(ms);
      instance.env.scheduler.runDue();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
  return simulator;
}

function injectedError(vendor: VendorSimulator, status: number): SimResponse {
  const response = vendor.error(status, `injected fault: HTTP ${status}`);
  // A throttling answer without Retry-After would not be a faithful 429.
  return status === 429 ? { ...response, headers: { ...response.headers, 'retry-after': '1' } } : response;
}
