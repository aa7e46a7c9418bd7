import { generateToken } from './auth.js';
import { DEFAULT_LIMITS, defaultHosts, type GatewayConfig, type SourceConfig } from './config.js';
import { SOURCE_KINDS, type SourceKind } from './model/source-kind.js';
import { type Fleet, SIMULATORS, startFleet } from './simulators/fleet.js';
import { simOptionsFromEnv } from './simulators/kit/options.js';

/** The demo's source for a simulator of `kind` (wherever it runs), named after its kind. */
export function demoSource(kind: SourceKind, sim: { url: string; credentials: Record<string, string> }): SourceConfig {
  return {
    id: kind,
    kind,
    name: `${SIMULATORS[kind].title} (simulated)`,
    url: sim.url,
    timeoutMs: 10_000,
    retries: 2,
    concurrency: 8,
    breaker: { threshold: 5, halfOpenAfterMs: 10_000 },
    credentials: { ...sim.credentials },
  };
}

/**
 * Demo mode: with no config, the five simulators start in this process on free ports
 * (SIM_* variables still apply) and the gateway is configured to serve them, one
 * source per kind, each named after its kind. The admin token is FLEETGATE_TOKEN, or a
 * fresh one printed at start; FLEETGATE_VIEWER_TOKEN adds a viewer.
 */
export async function startDemo(env: Record<string, string | undefined> = process.env): Promise<{ fleet: Fleet; config: GatewayConfig }> {
  const { common } = simOptionsFromEnv(env);
  const fleet = await startFleet(common);
  return { fleet, config: demoConfig(fleet.simulators, env) };
}

/** The demo's gateway config over simulators running here or elsewhere (the benchmark runs them in a process of their own). */
export function demoConfig(
  simulators: Record<SourceKind, { url: string; credentials: Record<string, string> }>,
  env: Record<string, string | undefined> = process.env,
): GatewayConfig {
  const sources = SOURCE_KINDS.map((kind) => demoSource(kind, simulators[kind]));
  const port = env.PORT ? Number(env.PORT) : 4000;
  const tokens: GatewayConfig['tokens'] = [{ name: 'demo-admin', role: 'admin', token: env.FLEETGATE_TOKEN || generateToken() }];
  if (env.FLEETGATE_VIEWER_TOKEN) tokens.push({ name: 'demo-viewer', role: 'viewer', token: env.FLEETGATE_VIEWER_TOKEN });
  return {
    port,
    host: '127.0.0.1',
    // The demo serves its admin token to GraphiQL: only under loopback names, so a
    // page on another name that resolves here (DNS rebinding) is refused.
    hosts: defaultHosts('127.0.0.1'),
    corsOrigins: [],
    graphiql: true,
    introspection: true,
    limits: DEFAULT_LIMITS,
    sources,
    tokens,
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    demo: true,
  };
}
