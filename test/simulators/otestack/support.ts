import { readFileSync } from 'node:fs';
import type { RunningSimulator, SimulatorOptions } from '../../../src/simulators/kit/server.js';
import { otestackSimulator } from '../../../src/simulators/otestack/index.js';
import { call } from '../../helpers/sim-client.js';
import { useSimulator } from '../../helpers/use-simulator.js';

/** A documented example body from test/fixtures/otestack. */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../../fixtures/otestack/${name}.json`, import.meta.url), 'utf8'));
}

export async function login(sim: RunningSimulator): Promise<string> {
  const res = await call(sim, 'POST', '/v1/authorization', { body: { user: 'admin', password: 'Admin@1234' } });
  if (res.status !== 200) throw new Error(`login failed: ${res.text}`);
  return res.body.token as string;
}

/** A client bound to one token: the token goes raw in Authorization, no "Bearer". */
export function client(sim: RunningSimulator, token: string) {
  return (method: string, path: string, body?: unknown) =>
    call(sim, method, path, { headers: { authorization: token }, ...(body !== undefined ? { body } : {}) });
}

export type Client = ReturnType<typeof client>;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Long enough for any deployment operation to settle (queue + processing + 12 min cap). */
export const SETTLE = 14 * MINUTE;

/** One otestack simulator for the enclosing describe block, at speed 1 with no random failures unless `options` say otherwise. */
export const useOtestack = (options: SimulatorOptions = {}, startTimeoutMs?: number) =>
  useSimulator(otestackSimulator, { speed: 1, operationFailureRate: 0, ...options }, startTimeoutMs);
