import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS, type SourceKind } from '../../src/model/source-kind.js';
import { PAGE_SIZE as OTE_PAGE } from '../../src/sources/otestack/client.js';
import { MAX_PAGE_SIZE as TIEM_PAGE } from '../../src/sources/tiem/paging.js';
import { ClusterPageDocument } from '../generated/operations.js';
import { startDemoGateway } from '../helpers/gateway.js';

/*
 * A large fleet's first page in the default order (by name) costs vendor calls bounded
 * by the page, not by the fleet: per-cluster calls only for the clusters on the page,
 * and one list call per source, except where the vendor's list cannot be sorted by name
 * and is paged (TiEM), whose walk grows by one call per 1,000 clusters. Counted at two
 * fleet sizes, from the simulators' own request counters.
 */

const PAGE = 50;
const SIZES = [1000, 2000] as const;

const pages = (items: number, size: number) => Math.max(1, Math.ceil(items / size));

/** The first page by name over five sources of `clusters` each: its vendor calls per route, and its items per source. */
async function firstPage(clusters: number) {
  const demo = await startDemoGateway({ env: { SIM_CLUSTERS: String(clusters) } });
  try {
    // Logins are once per source, not per query: done here, they stay out of the counts.
    expect((await demo.run(ClusterPageDocument, { first: 1 })).errors).toBeUndefined();
    demo.resetCounts();
    const res = await demo.run(ClusterPageDocument, { first: PAGE });
    expect(res.errors).toBeUndefined();
    const calls = demo.vendorCalls();
    const edges = res.data?.clusters.edges ?? [];
    const onPage = Object.fromEntries(SOURCE_KINDS.map((k) => [k, edges.filter((e) => e.node.source.sourceId === k).length])) as Record<SourceKind, number>;
    return {
      total: res.data?.clusters.totalCount,
      edges: edges.length,
      routes: Object.fromEntries(SOURCE_KINDS.map((k) => [k, calls[k]?.routes ?? {}])),
      onPage,
    };
  } finally {
    await demo.close();
  }
}

/** Per-cluster calls (every route but the one list call per source and TiEM's walk). */
const perClusterCalls = (routes: Record<string, Record<string, number>>) =>
  Object.values(routes).reduce(
    (n, table) =>
      n +
      Object.entries(table).reduce(
        (m, [route, c]) => m + (/^GET \/(api\/v1\/clusters\/|v1\/cluster\/list|v1\/cluster|v1\.0\/\{project_id\}\/clusters)$/.test(route) ? 0 : c),
        0,
      ),
    0,
  );

describe(`the first ${PAGE} clusters by name over five sources of ${SIZES.join(' and ')} clusters each`, () => {
  it("cost vendor calls bounded by the page, the same at both fleet sizes but for TiEM's list walk", { timeout: 600_000 }, async () => {
    const measured = [];
    for (const n of SIZES) {
      const page = await firstPage(n);
      expect(page.total).toBe(5 * n);
      expect(page.edges).toBe(PAGE);
      const { onPage } = page;
      // Status needs HCI's statistic and storage, and OTE-stack's nodes, per cluster on the
      // page: each OTE-stack cluster's nodes by name beat a walk of the fleet's nodes.
      expect(page.routes).toEqual({
        tiem: { 'GET /api/v1/clusters/': pages(n, TIEM_PAGE) },
        hci: {
          'GET /v1/cluster/list': 1,
          ...(onPage.hci ? { 'GET /v1/cluster/compute/service/statistic': onPage.hci, 'GET /v1/cluster/system/service/storage': onPage.hci } : {}),
        },
        dcos: { 'GET /v1/cluster': 1 },
        dws: { 'GET /v1.0/{project_id}/clusters': 1 },
        otestack: { 'GET /v1/cluster': 1, ...(onPage.otestack ? { 'GET /v1/node': onPage.otestack } : {}) },
      });
      expect(onPage.otestack).toBeLessThan(pages(n * 2, OTE_PAGE));
      expect(perClusterCalls(page.routes)).toBeLessThanOrEqual(2 * PAGE);
      measured.push(page);
    }
    const [small, large] = measured as [Awaited<ReturnType<typeof firstPage>>, Awaited<ReturnType<typeof firstPage>>];
    // Twice the fleet: the same list calls, per-cluster calls within the same page bound.
    const listCalls = (p: typeof small) =>
      Object.values(p.routes).reduce((n, t) => n + Object.values(t).reduce((a, b) => a + b, 0), 0) - perClusterCalls(p.routes);
    expect(listCalls(large) - listCalls(small)).toBe(pages(SIZES[1], TIEM_PAGE) - pages(SIZES[0], TIEM_PAGE));
  });
});
