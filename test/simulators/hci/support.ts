import { readFileSync } from 'node:fs';
import { hciSimulator } from '../../../src/simulators/hci/index.js';
import type { RunningSimulator } from '../../../src/simulators/kit/server.js';
import { call } from '../../helpers/sim-client.js';
import { useSimulator } from '../../helpers/use-simulator.js';

/** One in-process hci simulator per test file, at speed 1 with no random failures. */
export const useHci = () => useSimulator(hciSimulator, { speed: 1, operationFailureRate: 0 });

export function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../../fixtures/hci/${name}`, import.meta.url), 'utf8'));
}

export const get = (sim: RunningSimulator, path: string) => call(sim, 'GET', path);
export const post = (sim: RunningSimulator, path: string, body: unknown) => call(sim, 'POST', path, { body });

export interface ClusterRef {
  uuid: string;
  name: string;
  detail: any;
}

/** Every cluster with its `get` detail (hosts, candidates). */
export async function clusters(sim: RunningSimulator): Promise<ClusterRef[]> {
  const list = (await get(sim, '/v1/cluster/list')).body.data.list as Array<{ cluster_uuid: string; cluster_name: string }>;
  return Promise.all(
    list.map(async (c) => ({
      uuid: c.cluster_uuid,
      name: c.cluster_name,
      detail: (await get(sim, `/v1/cluster/get?cluster_uuid=${c.cluster_uuid}`)).body.data,
    })),
  );
}

export async function firstCluster(sim: RunningSimulator): Promise<ClusterRef> {
  const [c] = await clusters(sim);
  if (!c) throw new Error('no cluster generated');
  return c;
}

export const statistic = async (sim: RunningSimulator, uuid: string) =>
  (await get(sim, `/v1/cluster/compute/service/statistic?cluster_uuid=${uuid}`)).body.data;
