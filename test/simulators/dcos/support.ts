import { readFileSync } from 'node:fs';
import { dcosSimulator } from '../../../src/simulators/dcos/index.js';
import type { RunningSimulator } from '../../../src/simulators/kit/server.js';
import { call, type CallResult } from '../../helpers/sim-client.js';
import { useSimulator } from '../../helpers/use-simulator.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** One dcos simulator for the enclosing describe block, at speed 1 with no random failures. */
export const useDcos = () => useSimulator(dcosSimulator, { speed: 1, operationFailureRate: 0 });

/** A documented example body from test/fixtures/dcos. */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../../fixtures/dcos/${name}`, import.meta.url), 'utf8'));
}

export interface Session {
  token: string;
  userId: string;
  request<T = any>(method: string, path: string, body?: unknown): Promise<CallResult<T>>;
}

/** Logs in with the demo credentials and returns a client sending `X-Auth-Token`. */
export async function login(sim: RunningSimulator): Promise<Session> {
  const res = await call(sim, 'POST', '/v1/token', {
    body: { email: sim.credentials.email, password: sim.credentials.password, tenantname: sim.credentials.tenantname },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.text}`);
  const token: string = res.body.data.id;
  return {
    token,
    userId: res.body.data.user.id,
    request: (method, path, body) => call(sim, method, path, { headers: { 'x-auth-token': token }, ...(body !== undefined ? { body } : {}) }),
  };
}

/** The vendor's error body with this code (HTTP 500 unless told). */
export function expectError(res: CallResult, code: string, status = 500): string {
  if (res.status !== status || res.body?.success !== false || res.body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${res.text}`);
  }
  return res.body.error.errormsg as string;
}
