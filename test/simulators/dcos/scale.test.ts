import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dcosSimulator } from '../../../src/simulators/dcos/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulators/kit/server.js';
import { login, type Session } from './support.js';

/*
 * A fleet far past the default size: every cluster and host under its own id, name and
 * address, and the counts the generator promises. (How fast it starts is the
 * benchmark's business.)
 */

const CLUSTERS = 2000;

describe(`dcos: a fleet of ${CLUSTERS} clusters`, () => {
  let sim: RunningSimulator;
  let s: Session;
  beforeAll(async () => {
    sim = await startSimulator(dcosSimulator, { clusters: CLUSTERS, speed: 1, operationFailureRate: 0 });
    s = await login(sim);
  }, 120_000);
  afterAll(() => sim?.close());

  it('lists every cluster once, under its own id and name, with count and paging agreeing', async () => {
    const all = await s.request('GET', '/v1/cluster?count=true');
    expect(all.body.count).toBe(CLUSTERS);
    const clusters = all.body.data as Array<{ _id: string; name: string; status: string; instances: number }>;
    expect(clusters).toHaveLength(CLUSTERS);
    expect(new Set(clusters.map((c) => c._id)).size).toBe(CLUSTERS);
    expect(new Set(clusters.map((c) => c.name)).size).toBe(CLUSTERS);
    // One cluster in every round of twelve was terminated before the start.
    expect(clusters.filter((c) => c.status === 'TERMINATED')).toHaveLength(Math.ceil((CLUSTERS - 10) / 12));
    const page = await s.request('GET', '/v1/cluster?count=true&skip=1990&limit=50');
    expect(page.body.count).toBe(CLUSTERS);
    expect(page.body.data.map((c: { _id: string }) => c._id)).toEqual(clusters.slice(1990).map((c) => c._id));
  });

  it('gives every live node of the fleet its own id and address', { timeout: 120_000 }, async () => {
    const clusters = (await s.request('GET', '/v1/cluster?status=unterminated')).body.data as Array<{ _id: string }>;
    const ids: string[] = [];
    const ips: string[] = [];
    for (let i = 0; i < clusters.length; i += 50) {
      const pages = await Promise.all(clusters.slice(i, i + 50).map((c) => s.request('GET', `/v1/cluster/${c._id}/hosts?status=unterminated`)));
      for (const res of pages) {
        for (const h of res.body.data as Array<{ hostId: string; ip: string }>) {
          ids.push(h.hostId);
          ips.push(h.ip);
        }
      }
    }
    expect(ids.length).toBeGreaterThanOrEqual(3 * clusters.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ips).size).toBe(ips.length);
  });
});
