import { beforeAll, describe, expect, it } from 'vitest';
import { client, login, useTiem } from './support.js';

/*
 * A fleet far past the default size: every cluster, instance host, workflow and backup
 * under its own id and name, and the counts the generator promises. (How fast it starts
 * is the benchmark's business.)
 */

const CLUSTERS = 2000;

describe(`tiem: a fleet of ${CLUSTERS} clusters`, () => {
  const tiem = useTiem({ clusters: CLUSTERS }, 120_000);
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    const token = await login(tiem.sim);
    api = client(tiem.sim, () => token);
  });

  /** Every item of a TiEM list, page by page. */
  async function all(path: string, key: string): Promise<{ items: any[]; total: number }> {
    const items: any[] = [];
    let total = 0;
    for (let page = 1; page === 1 || items.length < total; page++) {
      const res = await api('GET', `${path}${path.includes('?') ? '&' : '?'}page=${page}&pageSize=1000`);
      total = res.body.page.total;
      items.push(...res.body.data[key]);
    }
    return { items, total };
  }

  it('lists every live cluster once, under its own id and name, on hosts of their own', async () => {
    const { items, total } = await all('/api/v1/clusters/', 'clusters');
    expect(total).toBe(CLUSTERS);
    expect(items).toHaveLength(CLUSTERS);
    expect(new Set(items.map((c) => c.clusterId)).size).toBe(CLUSTERS);
    expect(new Set(items.map((c) => c.clusterName)).size).toBe(CLUSTERS);
    const addresses = items.flatMap((c) => c.intranetConnectAddresses as string[]);
    expect(addresses.length).toBeGreaterThanOrEqual(2 * CLUSTERS);
    expect(new Set(addresses).size).toBe(addresses.length);
    const monitors = items.map((c) => c.alertUrl as string);
    expect(new Set(monitors).size).toBe(CLUSTERS);
  });

  it('keeps the history: one finished delete per cluster deleted before the start, and unique workflow and backup ids', async () => {
    const deletes = await all('/api/v1/workflow/?flowName=DeleteCluster&status=Finished', 'workFlows');
    expect(deletes.total).toBe(Math.floor(CLUSTERS / 12));
    const flows = await all('/api/v1/workflow/', 'workFlows');
    expect(flows.items).toHaveLength(flows.total);
    expect(new Set(flows.items.map((w) => w.id)).size).toBe(flows.total);
    const backups = await all('/api/v1/backups/', 'backupRecords');
    expect(backups.items).toHaveLength(backups.total);
    expect(backups.total).toBeGreaterThan(CLUSTERS);
    expect(new Set(backups.items.map((b) => b.id)).size).toBe(backups.total);
  });
});
