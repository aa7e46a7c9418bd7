import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_STATUSES, NODE_STATUSES, SNAPSHOT_STATUSES, SUB_STATUSES, TASK_STATUSES } from '../../../src/simulators/dws/model.js';
import type { RunningSimulator } from '../../../src/simulators/kit/server.js';
import { client, startDws } from './support.js';

describe('dws: the seeded fleet', () => {
  let a: RunningSimulator;
  let b: RunningSimulator;
  beforeAll(async () => {
    const epochMs = Date.parse('2025-03-01T08:00:00Z');
    [a, b] = await Promise.all([startDws({ seed: 'same', epochMs }), startDws({ seed: 'same', epochMs })]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('is the same for the same seed', async () => {
    const [ca, cb] = await Promise.all([client(a), client(b)]);
    expect(ca.projectId).toBe(cb.projectId);
    for (const path of ['/clusters', '/snapshots', '/v2/{pid}/events', '/v2/{pid}/alarms?limit=100']) {
      const [x, y] = await Promise.all([ca.get(path), cb.get(path)]);
      // Progress percentages follow each server's own (real-time driven) clock.
      expect(x.text.replace(/"\d+%"/g, '"%"')).toBe(y.text.replace(/"\d+%"/g, '"%"'));
    }
  });

  it('differs for another seed', async () => {
    const other = await startDws({ seed: 'different' });
    const ids = async (s: RunningSimulator) => (await (await client(s)).get('/clusters')).body.clusters.map((x: any) => x.id);
    expect(await ids(other)).not.toEqual(await ids(a));
    await other.close();
  });

  it('shows every cluster, sub-, node and snapshot status at the default size of 24', async () => {
    const c = await client(a);
    const clusters = (await c.get('/clusters')).body.clusters;
    expect(clusters).toHaveLength(24);
    expect(new Set(clusters.map((x: any) => x.status))).toEqual(new Set(CLUSTER_STATUSES));
    expect(new Set(clusters.map((x: any) => x.sub_status).filter(Boolean))).toEqual(new Set(SUB_STATUSES));
    expect(new Set(clusters.flatMap((x: any) => x.nodes.map((n: any) => n.status)))).toEqual(new Set(NODE_STATUSES));
    const snaps = (await c.get('/snapshots')).body.snapshots;
    expect(new Set(snaps.map((s: any) => s.status))).toEqual(new Set(SNAPSHOT_STATUSES));
    expect(new Set(snaps.map((s: any) => s.type))).toEqual(new Set(['MANUAL', 'AUTO']));
    const tasks = new Set(clusters.map((x: any) => x.task_status).filter(Boolean));
    expect(tasks.size).toBeGreaterThanOrEqual(16);
    for (const x of clusters) expect(x.nodes.length).toBeGreaterThanOrEqual(3);
    const events = (await c.get('/v2/{pid}/events')).body.events;
    expect(new Set(events.map((e: any) => e.source_type))).toEqual(new Set(['cluster', 'backup', 'disaster-recovery']));
    expect(new Set(events.map((e: any) => e.category))).toEqual(new Set(['management', 'monitor', 'security', 'system alarm']));
  });

  it('shows every task_status once the fleet is large enough to hold them', async () => {
    const big = await startDws({ clusters: 60 });
    const clusters = (await (await client(big)).get('/clusters')).body.clusters;
    expect(new Set(clusters.map((x: any) => x.task_status).filter(Boolean))).toEqual(new Set(TASK_STATUSES));
    await big.close();
  });

  // SIM_CLUSTERS=10000: the name pool is far smaller than the fleet, yet every cluster gets its own name.
  it('starts a fleet of 10,000 clusters, each under its own name and id', { timeout: 180_000 }, async () => {
    const big = await startDws({ clusters: 10_000 });
    try {
      const body = (await (await client(big)).get('/clusters')).body;
      expect(body.count).toBe(10_000);
      expect(body.clusters).toHaveLength(10_000);
      expect(new Set(body.clusters.map((x: any) => x.name)).size).toBe(10_000);
      expect(new Set(body.clusters.map((x: any) => x.id)).size).toBe(10_000);
    } finally {
      await big.close();
    }
  });
});
