import { readFileSync } from 'node:fs';
import type { RunningSimulator, SimulatorOptions } from '../../../src/simulators/kit/server.js';
import { tiemSimulator } from '../../../src/simulators/tiem/index.js';
import { call, type CallResult } from '../../helpers/sim-client.js';
import { useSimulator } from '../../helpers/use-simulator.js';

/** A documented example body from test/fixtures/tiem. */
export const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/tiem/${name}.json`, import.meta.url), 'utf8'));

export async function login(sim: RunningSimulator): Promise<string> {
  const res = await call(sim, 'POST', '/api/v1/user/login', { body: { userName: 'admin', userPassword: 'admin' } });
  return res.body.data.token as string;
}

/** Calls the simulator with a bearer token. */
export function client(sim: RunningSimulator, token: () => string) {
  return <T = any>(method: string, path: string, body?: unknown): Promise<CallResult<T>> =>
    call<T>(sim, method, path, { headers: { authorization: `Bearer ${token()}` }, ...(body !== undefined ? { body } : {}) });
}

/** A minimal valid create request. */
export const createBody = (name: string, extra: Record<string, unknown> = {}) => ({
  clusterName: name,
  clusterType: 'TiDB',
  clusterVersion: 'v6.1.0',
  cpuArchitecture: 'X86_64',
  dbPassword: 'Secr3t!pass',
  region: 'CN-HANGZHOU',
  ...extra,
});

export const HOUR = 3_600_000;

/** A cluster in the given status with no maintenance under way. */
export async function idleClusterId(api: ReturnType<typeof client>, status = 'Running'): Promise<string> {
  const res = await api('GET', `/api/v1/clusters/?clusterStatus=${status}&pageSize=100`);
  const found = (res.body.data.clusters as Array<{ clusterId: string; maintainStatus: string }>).find((c) => c.maintainStatus === '');
  if (!found) throw new Error(`no idle ${status} cluster in the fleet`);
  return found.clusterId;
}

/** One tiem simulator for the enclosing describe block, at speed 1 with no random failures unless `options` say otherwise. */
export const useTiem = (options: SimulatorOptions = {}, startTimeoutMs?: number) =>
  useSimulator(tiemSimulator, { speed: 1, operationFailureRate: 0, ...options }, startTimeoutMs);
