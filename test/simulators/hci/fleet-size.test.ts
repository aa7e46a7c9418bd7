import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hciSimulator } from '../../../src/simulators/hci/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { get } from './support.js';

/* A fleet far past the default size: every cluster and host under its own id, name and address. */
const CLUSTERS = 2000;

describe(`hci: a fleet of ${CLUSTERS} clusters`, () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator(hciSimulator, { clusters: CLUSTERS, speed: 1, operationFailureRate: 0 });
  }, 120_000);
  afterAll(() => sim?.close());

  it('lists every cluster once, and every host once under its own uuid and address', { timeout: 300_000 }, async () => {
    const list = (await get(sim, '/v1/cluster/list')).body.data;
    expect(list.total_count).toBe(CLUSTERS);
    const uuids: string[] = list.list.map((c: any) => c.cluster_uuid);
    expect(new Set(uuids).size).toBe(CLUSTERS);
    expect(new Set(list.list.map((c: any) => c.cluster_name)).size).toBe(CLUSTERS);

    const hosts: Array<{ UUID: string; name: string }> = [];
    for (let i = 0; i < uuids.length; i += 100) {
      const details = await Promise.all(uuids.slice(i, i + 100).map(async (uuid) => (await get(sim, `/v1/cluster/get?cluster_uuid=${uuid}`)).body.data));
      for (const d of details) {
        expect(d.TopoHostNode.length).toBeGreaterThanOrEqual(3);
        expect(d.TopoHostNode.length).toBeLessThanOrEqual(8);
        hosts.push(...d.TopoHostNode);
      }
    }
    expect(new Set(hosts.map((n) => n.UUID)).size).toBe(hosts.length);
    expect(new Set(hosts.map((n) => n.name)).size).toBe(hosts.length);
    const paged = (await get(sim, `/v1/cluster/list?page_num=${CLUSTERS / 100 - 1}&page_size=100`)).body.data;
    expect(paged.list.map((c: any) => c.cluster_uuid)).toEqual(uuids.slice(-100));
  });
});
