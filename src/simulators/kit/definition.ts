import type { SourceKind } from '../../model/source-kind.js';
import type { SimClock } from './clock.js';
import type { SimRequest, SimResponse } from './http.js';
import type { Rng } from './rng.js';
import type { Scheduler } from './scheduler.js';
import type { TokenStore } from './tokens.js';

/** Everything a vendor simulator gets to build its state and serve requests. */
export interface SimEnv {
  kind: SourceKind;
  seed: string;
  /** Clusters to generate; hosts, snapshots, events and deployments scale with it. */
  clusters: number;
  clock: SimClock;
  scheduler: Scheduler;
  /** Seeded from SIM_SEED and the kind: the same seed gives the same fleet. */
  rng: Rng;
  tokens: TokenStore;
  /** Demo credentials, resolved from the environment (see `SimulatorDefinition.credentials`). */
  credentials: Record<string, string>;
  /**
   * Draws whether a long-running operation started now will fail, at the current
   * `operationFailureRate` (SIM_FAILURE_RATE, or the fault control).
   */
  operationFails(): boolean;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: HttpMethod;
  /** Path as the vendor document writes it, with `{name}` parameters. */
  path: string;
  /** Served without credentials (login, token endpoints). */
  public?: boolean;
  handle(req: SimRequest): SimResponse | Promise<SimResponse>;
}

/** One running instance of a vendor's API; rebuilt from the seed on reset. */
export interface VendorSimulator {
  routes: Route[];
  /** Checks credentials: a response refuses the request, undefined lets it through. */
  authenticate?(req: SimRequest): SimResponse | undefined;
  /**
   * The vendor's error response for an HTTP status. The runtime uses it for injected
   * faults, unknown routes, wrong methods, unparsable bodies and handler crashes.
   */
  error(status: number, message: string): SimResponse;
}

export interface SimulatorDefinition {
  kind: SourceKind;
  /** Human name, printed by `npm run sim`. */
  title: string;
  defaultPort: number;
  /** Demo credentials: name → the env var that overrides it and its default. */
  credentials: Record<string, { env: string; value: string }>;
  create(env: SimEnv): VendorSimulator;
}
