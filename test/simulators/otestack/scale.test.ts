import { beforeAll, describe, expect, it } from 'vitest';
import { client, type Client, login, useOtestack } from './support.js';

/*
 * A fleet far past the default size: every cluster, node and deployment under its own
 * name, and the counts the generator promises (1.5 deployments per cluster).
 */
const CLUSTERS = 2000;

describe(`otestack with ${CLUSTERS} clusters`, () => {
  const ote = useOtestack({ clusters: CLUSTERS }, 120_000);
  let api: Client;
  beforeAll(async () => {
    api = client(ote.sim, await login(ote.sim));
  });

  const unique = (values: unknown[]) => new Set(values).size;

  it('names every cluster and node once, and counts each cluster its own nodes', async () => {
    const clusters = (await api('GET', '/v1/cluster?pageSize=0')).body;
    expect(clusters.total).toBe(CLUSTERS);
    expect(unique(clusters.data.map((c: any) => c.clusterName))).toBe(CLUSTERS);
    const nodes = (await api('GET', '/v1/node?pageSize=0&field=nodeName,clusterName,ip')).body;
    const nodeCount = clusters.data.reduce((sum: number, c: any) => sum + c.nodeCount, 0);
    expect(nodes.total).toBe(nodeCount);
    expect(nodes.data).toHaveLength(nodeCount);
    expect(unique(nodes.data.map((n: any) => n.nodeName))).toBe(nodeCount);
    expect(unique(nodes.data.map((n: any) => n.ip))).toBe(nodeCount);
    expect(unique(nodes.data.map((n: any) => n.clusterName))).toBe(CLUSTERS);
  });

  it('gives every deployment and audit its own id, and every deployment its own name', async () => {
    const deps = (await api('GET', '/v1/deploy?pageSize=0')).body;
    expect(deps.total).toBe(CLUSTERS * 1.5);
    expect(unique(deps.data.map((d: any) => d.id))).toBe(deps.total);
    expect(unique(deps.data.map((d: any) => d.deployName))).toBe(deps.total);
    const audits = (await api('GET', '/v1/admin/deploy?pageSize=0')).body.data;
    expect(unique(audits.map((a: any) => a.id))).toBe(audits.length);
    const depIds = new Set(deps.data.map((d: any) => d.id));
    expect(audits.every((a: any) => depIds.has(a.deployId))).toBe(true);
    expect(new Set(deps.data.map((d: any) => d.status))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });
});
