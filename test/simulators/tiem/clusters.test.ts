import { beforeEach, describe, expect, it } from 'vitest';
import { shapeDifferences } from '../../helpers/shape.js';
import { client, createBody, fixture, idleClusterId, login, useTiem } from './support.js';

describe('tiem clusters', () => {
  const tiem = useTiem();
  let token = '';
  const api = () => client(tiem.sim, () => token);
  beforeEach(async () => {
    tiem.sim.reset();
    token = await login(tiem.sim);
  });

  const anyClusterId = () => idleClusterId(api());
  type Relating = { clusterId: string; relations: { masters: string[]; slaves: string[] } };
  const listAll = async (): Promise<Relating[]> => (await api()('GET', '/api/v1/clusters/?pageSize=100')).body.data.clusters;
  /** A standby that is itself replicated, so it names both a master and a slave. */
  const relayCluster = async () => (await listAll()).find((c) => c.relations.masters.length > 0 && c.relations.slaves.length > 0)!;

  describe('documented examples', () => {
    it('list matches clusters-list.response.json, relations filled where a cluster has them', async () => {
      const res = await api()('GET', '/api/v1/clusters/?page=1&pageSize=10');
      expect(res.status).toBe(200);
      expect(res.body.data.clusters).toHaveLength(10);
      const all = (await api()('GET', '/api/v1/clusters/?pageSize=100')).body;
      // Only clusters in a disaster-recovery chain have relations; every other array every cluster fills.
      const unrelated = /^\$\.data\.clusters\[\d+\]\.relations\.(masters|slaves): expected items like the example, got an empty array$/;
      for (const body of [res.body, all]) {
        expect(shapeDifferences(body, fixture('clusters-list.response')).filter((d) => !unrelated.test(d))).toEqual([]);
      }
      expect(all.data.clusters.some((c: Relating) => c.relations.masters.length > 0 && c.relations.slaves.length > 0)).toBe(true);
    });

    it('detail matches clusters-detail.response.json', async () => {
      const res = await api()('GET', `/api/v1/clusters/${(await relayCluster()).clusterId}`);
      expect(res.status).toBe(200);
      expect(shapeDifferences(res.body, fixture('clusters-detail.response'))).toEqual([]);
      expect(res.body.data.topology.length).toBeGreaterThanOrEqual(8);
    });

    it('create with the documented request matches clusters-create.response.json', async () => {
      const example = fixture('clusters-create.request');
      // The example is all placeholders; fill them with values a real client would send.
      const body = {
        ...example,
        ...createBody('tidb-doc-example'),
        copies: 3,
        resourceParameters: {
          requestResourceMode: 'SpecificZone',
          instanceResource: ['PD', 'TiKV', 'TiDB'].map((componentType) => ({
            componentType,
            totalNodeCount: 3,
            resource: [{ count: 3, diskCapacity: 200, diskId: '', diskType: 'SSD', hostIp: '', specCode: '8C16G', zoneCode: 'CN-HANGZHOU-H' }],
          })),
        },
      };
      const res = await api()('POST', '/api/v1/clusters/', body);
      expect(res.status).toBe(200);
      expect(shapeDifferences(res.body, fixture('clusters-create.response'))).toEqual([]);
      const detail = await api()('GET', `/api/v1/clusters/${res.body.data.clusterId}`);
      expect(detail.body.data.info).toMatchObject({ clusterName: 'tidb-doc-example', status: 'Initializing', maintainStatus: 'Creating' });
      expect(detail.body.data.instanceResource).toEqual(expect.arrayContaining([expect.objectContaining({ componentType: 'TiKV', totalNodeCount: 3 })]));
    });

    it('create on named hosts (SpecificHost) places each line on its host and disk, and the detail says so', async () => {
      const line = (componentType: string, hostIp: string, diskId: string) => ({
        componentType,
        totalNodeCount: 1,
        resource: [{ count: 1, diskCapacity: 100, diskId, diskType: 'SSD', hostIp, specCode: '4C8G', zoneCode: 'CN-HANGZHOU-H' }],
      });
      const body = createBody('tidb-on-hosts', {
        resourceParameters: {
          requestResourceMode: 'SpecificHost',
          instanceResource: [line('PD', '10.0.0.1', 'disk-pd'), line('TiKV', '10.0.0.2', 'disk-kv'), line('TiDB', '10.0.0.3', 'disk-db')],
        },
      });
      const res = await api()('POST', '/api/v1/clusters/', body);
      expect(res.status).toBe(200);
      const detail = (await api()('GET', `/api/v1/clusters/${res.body.data.clusterId}`)).body.data;
      expect(detail.requestResourceMode).toBe('SpecificHost');
      expect(detail.instanceResource.map((g: any) => [g.componentType, g.resource[0].hostIp, g.resource[0].diskId])).toEqual([
        ['TiDB', '10.0.0.3', 'disk-db'],
        ['TiKV', '10.0.0.2', 'disk-kv'],
        ['PD', '10.0.0.1', 'disk-pd'],
      ]);
      expect(detail.topology.map((i: any) => [i.addresses[0], i.diskId]).sort()).toEqual([
        ['10.0.0.1', 'disk-pd'],
        ['10.0.0.2', 'disk-kv'],
        ['10.0.0.3', 'disk-db'],
      ]);
    });

    it('delete with the documented request matches clusters-delete.response.json', async () => {
      const res = await api()('DELETE', `/api/v1/clusters/${await anyClusterId()}`, fixture('clusters-delete.request'));
      expect(res.status).toBe(200);
      expect(shapeDifferences(res.body, fixture('clusters-delete.response'))).toEqual([]);
    });

    it('stop and restart match their documented responses', async () => {
      const id = await anyClusterId();
      const stop = await api()('POST', `/api/v1/clusters/${id}/stop`);
      expect(shapeDifferences(stop.body, fixture('clusters-stop.response'))).toEqual([]);
      const other = (await api()('GET', '/api/v1/clusters/?clusterStatus=Stopped')).body.data.clusters[0].clusterId;
      const restart = await api()('POST', `/api/v1/clusters/${other}/restart`);
      expect(shapeDifferences(restart.body, fixture('clusters-restart.response'))).toEqual([]);
    });

    it('takeover with the documented request matches clusters-takeover.response.json', async () => {
      const res = await api()('POST', '/api/v1/clusters/takeover', fixture('clusters-takeover.request'));
      expect(res.status).toBe(200);
      expect(shapeDifferences(res.body, fixture('clusters-takeover.response'))).toEqual([]);
    });
  });

  describe('disaster recovery relations', () => {
    it('relate some clusters, each side naming the other, every id a listed cluster', async () => {
      const all = await listAll();
      const byId = new Map(all.map((c) => [c.clusterId, c]));
      const related = all.filter((c) => c.relations.masters.length + c.relations.slaves.length > 0);
      expect(related.length).toBeGreaterThanOrEqual(3);
      expect(related.length).toBeLessThan(all.length);
      for (const c of related) {
        for (const m of c.relations.masters) expect(byId.get(m)?.relations.slaves).toContain(c.clusterId);
        for (const s of c.relations.slaves) expect(byId.get(s)?.relations.masters).toContain(c.clusterId);
      }
    });

    it('a deleted cluster leaves the relations of its master and its standby', async () => {
      const relay = await relayCluster();
      await api()('DELETE', `/api/v1/clusters/${relay.clusterId}`, { force: true });
      tiem.sim.advance(30 * 60_000);
      const byId = new Map((await listAll()).map((c) => [c.clusterId, c]));
      expect(byId.has(relay.clusterId)).toBe(false);
      expect(byId.get(relay.relations.masters[0]!)?.relations.slaves).not.toContain(relay.clusterId);
      expect(byId.get(relay.relations.slaves[0]!)?.relations.masters).not.toContain(relay.clusterId);
    });
  });

  describe('pagination', () => {
    it('pages through the fleet with a page block, a partial last page and an empty page past the end', async () => {
      const first = await api()('GET', '/api/v1/clusters/?page=1&pageSize=10');
      expect(first.body.page).toEqual({ page: 1, pageSize: 10, total: 24 });
      const last = await api()('GET', '/api/v1/clusters/?page=3&pageSize=10');
      expect(last.body.data.clusters).toHaveLength(4);
      expect(last.body.page).toEqual({ page: 3, pageSize: 10, total: 24 });
      const past = await api()('GET', '/api/v1/clusters/?page=4&pageSize=10');
      expect(past.body.data.clusters).toEqual([]);
      expect(past.body.page.total).toBe(24);
      const pages = [first, await api()('GET', '/api/v1/clusters/?page=2&pageSize=10'), last];
      const ids = pages.flatMap((p) => p.body.data.clusters.map((c: { clusterId: string }) => c.clusterId));
      expect(new Set(ids).size).toBe(24);
    });

    it('defaults to page 1 of 10 and accepts page sizes 1 and 1000', async () => {
      const res = await api()('GET', '/api/v1/clusters/');
      expect(res.body.page).toEqual({ page: 1, pageSize: 10, total: 24 });
      expect((await api()('GET', '/api/v1/clusters/?pageSize=1')).body.data.clusters).toHaveLength(1);
      expect((await api()('GET', '/api/v1/clusters/?pageSize=1000')).body.data.clusters).toHaveLength(24);
    });

    it.each(['page=0', 'page=-1', 'page=abc', 'pageSize=0', 'pageSize=1001', 'pageSize=2.5'])('refuses %s', async (q) => {
      const res = await api()('GET', `/api/v1/clusters/?${q}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 10001, data: null, message: expect.stringContaining(q.split('=')[0] as string) });
    });
  });

  describe('filters', () => {
    it('filters by status, type, id, name substring and tag', async () => {
      const all = (await api()('GET', '/api/v1/clusters/?pageSize=100')).body.data.clusters as Array<Record<string, any>>;
      const stopped = await api()('GET', '/api/v1/clusters/?clusterStatus=Stopped&pageSize=100');
      expect(stopped.body.data.clusters.length).toBe(all.filter((c) => c.status === 'Stopped').length);
      expect(stopped.body.data.clusters.every((c: { status: string }) => c.status === 'Stopped')).toBe(true);
      expect((await api()('GET', '/api/v1/clusters/?clusterType=TiDB')).body.page.total).toBe(24);
      expect((await api()('GET', '/api/v1/clusters/?clusterType=DM')).body.page.total).toBe(0);
      const target = all[5]!;
      const byId = await api()('GET', `/api/v1/clusters/?clusterId=${target.clusterId}`);
      expect(byId.body.data.clusters.map((c: { clusterId: string }) => c.clusterId)).toEqual([target.clusterId]);
      const byName = await api()('GET', `/api/v1/clusters/?clusterName=${target.clusterName.slice(0, -1)}&pageSize=100`);
      expect(byName.body.data.clusters.map((c: { clusterName: string }) => c.clusterName)).toContain(target.clusterName);
      const tagged = all.find((c) => c.tags.length > 0)!;
      const byTag = await api()('GET', `/api/v1/clusters/?clusterTag=${tagged.tags[0]}&pageSize=100`);
      expect(byTag.body.page.total).toBe(all.filter((c) => c.tags.some((t: string) => t.includes(tagged.tags[0]))).length);
    });
  });

  describe('account and parameter group', () => {
    /** The parameters the create workflow's nodes run with, once its first node started. */
    const createParameters = async (body: Record<string, unknown>) => {
      const res = await api()('POST', '/api/v1/clusters/', body);
      expect(res.body.code).toBe(0);
      tiem.sim.advance(60_000);
      const flow = await api()('GET', `/api/v1/workflow/${res.body.data.workFlowId}`);
      return JSON.parse(flow.body.data.nodes[0].parameters);
    };

    it('keeps dbUser and parameterGroupID for the nodes that apply them', async () => {
      const params = await createParameters(createBody('tidb-account', { dbUser: 'app_admin', parameterGroupID: 'pg-v6-oltp' }));
      expect(params).toMatchObject({ dbUser: 'app_admin', parameterGroupID: 'pg-v6-oltp' });
    });

    it('creates with the root user and the default parameter group when neither is given', async () => {
      const params = await createParameters(createBody('tidb-defaults'));
      expect(params.dbUser).toBe('root');
      expect(params).not.toHaveProperty('parameterGroupID');
    });

    it('refuses a non-string parameterGroupID, an unusable dbUser, and a dbUser on a Data Migration cluster', async () => {
      for (const extra of [{ parameterGroupID: 7 }, { dbUser: 'x'.repeat(33) }, { dbUser: "o'brien" }, { dbUser: 'dm_user', clusterType: 'DM' }]) {
        const res = await api()('POST', '/api/v1/clusters/', createBody('tidb-refused', extra));
        expect(res.status, JSON.stringify(extra)).toBe(400);
        expect(res.body).toMatchObject({ code: 10001, message: expect.stringContaining(Object.keys(extra)[0] as string) });
      }
      expect((await api()('GET', '/api/v1/clusters/?clusterName=tidb-refused')).body.data.clusters).toEqual([]);
    });
  });

  describe('validation and errors', () => {
    it.each(['clusterName', 'clusterType', 'clusterVersion', 'cpuArchitecture', 'dbPassword', 'region'])('names missing %s', async (field) => {
      const body: Record<string, unknown> = createBody('tidb-missing');
      delete body[field];
      const res = await api()('POST', '/api/v1/clusters/', body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 10001, data: null, message: `parameter is invalid: ${field} is required` });
    });

    it('refuses a bad architecture, an unknown region or zone, a topology without TiKV and a duplicate name', async () => {
      expect((await api()('POST', '/api/v1/clusters/', createBody('a', { cpuArchitecture: 'MIPS' }))).body.code).toBe(10001);
      expect((await api()('POST', '/api/v1/clusters/', createBody('a', { region: 'MARS-1' }))).body).toMatchObject({ code: 30109 });
      const badZone = createBody('a', {
        resourceParameters: { instanceResource: [{ componentType: 'TiDB', resource: [{ count: 1, zoneCode: 'CN-BEIJING-A' }] }] },
      });
      expect((await api()('POST', '/api/v1/clusters/', badZone)).body).toMatchObject({ code: 30109, message: expect.stringContaining('CN-BEIJING-A') });
      const noTikv = createBody('a', {
        resourceParameters: { instanceResource: ['PD', 'TiDB'].map((componentType) => ({ componentType, resource: [{ count: 1 }] })) },
      });
      expect((await api()('POST', '/api/v1/clusters/', noTikv)).body).toMatchObject({ code: 20102, message: expect.stringContaining('TiKV') });
      const existing = (await api()('GET', '/api/v1/clusters/')).body.data.clusters[0].clusterName;
      const dup = await api()('POST', '/api/v1/clusters/', createBody(existing));
      expect(dup.status).toBe(400);
      expect(dup.body.code).toBe(20101);
    });

    it('names missing takeover fields and checks the port type', async () => {
      const body = fixture('clusters-takeover.request');
      delete body.TiUPUserPassword;
      expect((await api()('POST', '/api/v1/clusters/takeover', body)).body.message).toContain('TiUPUserPassword');
      const badPort = { ...fixture('clusters-takeover.request'), TiUPPort: '22' };
      expect((await api()('POST', '/api/v1/clusters/takeover', badPort)).body).toMatchObject({ code: 10001, message: expect.stringContaining('TiUPPort') });
    });

    it('answers 404 with code 10003 for unknown clusters on every cluster route', async () => {
      for (const [method, path] of [
        ['GET', '/api/v1/clusters/nope'],
        ['DELETE', '/api/v1/clusters/nope'],
        ['POST', '/api/v1/clusters/nope/stop'],
        ['POST', '/api/v1/clusters/nope/restart'],
      ] as const) {
        const res = await api()(method, path);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body).toMatchObject({ code: 10003, data: null });
      }
    });

    it('refuses a second maintenance with 409 unless a delete is forced', async () => {
      const id = await anyClusterId();
      expect((await api()('POST', `/api/v1/clusters/${id}/stop`)).body.code).toBe(0);
      const again = await api()('POST', `/api/v1/clusters/${id}/restart`);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 20114, message: "cluster maintenance status is 'Stopping'" });
      expect((await api()('DELETE', `/api/v1/clusters/${id}`)).status).toBe(409);
      const forced = await api()('DELETE', `/api/v1/clusters/${id}`, { force: true });
      expect(forced.body.code).toBe(0);
      const stopFlows = await api()('GET', `/api/v1/workflow/?bizId=${id}&flowName=StopCluster`);
      expect(stopFlows.body.data.workFlows[0].status).toBe('Canceled');
    });

    it('refuses non-boolean delete flags', async () => {
      const res = await api()('DELETE', `/api/v1/clusters/${await anyClusterId()}`, { force: 'yes' });
      expect(res.body).toMatchObject({ code: 10001, message: expect.stringContaining('force') });
    });
  });
});
