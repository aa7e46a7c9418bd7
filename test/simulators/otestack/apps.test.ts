import { beforeEach, describe, expect, it } from 'vitest';
import { shapeDifferences } from '../../helpers/shape.js';
import { type Client, client, fixture, login, useOtestack } from './support.js';

describe('otestack applications', () => {
  const ote = useOtestack();
  let api: Client;
  beforeEach(async () => {
    ote.sim.reset();
    api = client(ote.sim, await login(ote.sim));
  });

  it('creates the documented application and shows it in list and detail, CPU in cores', async () => {
    const create = await api('POST', '/v1/app', fixture('app-create.request'));
    expect(create.status).toBe(200);
    expect(shapeDifferences(create.body, fixture('app-create.response'))).toEqual([]);

    const list = await api('GET', '/v1/app?appName=nginx1&appNameMode=strict');
    expect(shapeDifferences(list.body, fixture('apps-list.response'))).toEqual([]);
    expect(list.body.total).toBe(1);
    const app = list.body.apps[0];
    expect(app).toMatchObject({
      appName: 'nginx1',
      version: '1.2',
      image: 'nginx:latest',
      replicas: 10,
      minCPU: 0.1,
      maxCPU: 2,
      targetCPUUtilization: 1,
      targetMemUtilization: 150,
    });
    // The list example's dependence for this very app: the image's service on the host port.
    expect(app.dependence).toEqual([{ name: 'nginx', service: 'nginx.ns1.svc.cluster.local', port: 9090 }]);

    for (const path of [`/v1/app/${app.id}`, `/v1/app/id/${app.id}`]) {
      const detail = await api('GET', path);
      expect(detail.status).toBe(200);
      expect(shapeDifferences(detail.body, fixture('app-get.response'))).toEqual([]);
      expect(detail.body.data).toEqual(app);
    }
  });

  it('lists generated applications in the documented shape, ten per page', async () => {
    const res = await api('GET', '/v1/app');
    expect(res.body.apps).toHaveLength(10);
    expect(shapeDifferences(res.body, fixture('apps-list.response'))).toEqual([]);
    const all = (await api('GET', '/v1/app?pageSize=0')).body;
    expect(all.apps).toHaveLength(all.total);
    expect(all.apps.every((a: any) => a.image.startsWith('registry.dcdn.baidu.com/') && a.image.endsWith(`:${a.version}`))).toBe(true);
    const last = await api('GET', `/v1/app?page=${Math.ceil(all.total / 10)}`);
    expect(last.body.apps).toHaveLength(all.total % 10 || 10);
    expect((await api('GET', '/v1/app?page=99')).body).toMatchObject({ apps: [], total: all.total });
    expect((await api('GET', '/v1/app?pageSize=-2')).status).toBe(422);
  });

  it('filters by name in strict, partial and prefix modes and by version', async () => {
    const names = async (q: string) => [...new Set((await api('GET', `/v1/app?pageSize=0&${q}`)).body.apps.map((a: any) => a.appName))];
    expect(await names('appName=face-detect&appNameMode=strict')).toEqual(['face-detect']);
    expect(await names('appName=edge')).toEqual(expect.arrayContaining(['nginx-edge', 'edge-mqtt']));
    expect(await names('appName=edge&appNameMode=prefix')).toEqual(['edge-mqtt']);
    expect(await names('appName=detect&appNameMode=strict')).toEqual([]);
    const versioned = (await api('GET', '/v1/app?appName=face-detect&version=2.2')).body;
    expect(versioned.apps.map((a: any) => a.version)).toEqual(['2.2']);
    expect((await api('GET', '/v1/app?appName=x&appNameMode=fuzzy')).status).toBe(422);
  });

  it('names the missing or invalid field', async () => {
    const body = fixture('app-create.request');
    for (const field of ['appName', 'image', 'port', 'minCPU', 'isHPA', 'minReadySeconds']) {
      const { [field]: _, ...rest } = body;
      expect(await api('POST', '/v1/app', rest)).toMatchObject({
        status: 422,
        body: { code: 422, message: `parameter validation error: ${field} is required` },
      });
    }
    expect((await api('POST', '/v1/app', { ...body, deployType: 'statefulset' })).body.message).toBe(
      'parameter validation error: deployType must be deployment or daemonset',
    );
    expect((await api('POST', '/v1/app', { ...body, version: 'latest' })).status).toBe(422);
    expect((await api('POST', '/v1/app', { ...body, maxCPU: 'lots' })).body.message).toBe('parameter validation error: maxCPU must be a uint32');
    expect((await api('POST', '/v1/app', { ...body, port: [{ hostPort: 1 }] })).status).toBe(422);
    await api('POST', '/v1/app', body);
    expect(await api('POST', '/v1/app', body)).toMatchObject({ status: 422, body: { message: 'application nginx1 version 1.2 already exists' } });
  });

  it('deletes applications, refusing unknown ids and versions still deployed', async () => {
    await api('POST', '/v1/app', fixture('app-create.request'));
    const id = (await api('GET', '/v1/app?appName=nginx1&appNameMode=strict')).body.apps[0].id;
    expect(await api('DELETE', '/v1/app', { appId: [id, 9999] })).toMatchObject({ status: 404, body: { message: 'application 9999 not found' } });
    expect((await api('GET', `/v1/app/${id}`)).status).toBe(200);
    expect((await api('DELETE', '/v1/app', { appId: [id] })).status).toBe(200);
    expect(await api('GET', `/v1/app/${id}`)).toMatchObject({ status: 404, body: { code: 404, message: `application ${id} not found` } });
    expect((await api('DELETE', '/v1/app', fixture('app-delete.request'))).status).toBe(422);
    expect((await api('DELETE', '/v1/app', {})).body.message).toBe('parameter validation error: appId is required');
  });

  it('answers a malformed id with 422 and bad JSON with 400, in the vendor shape', async () => {
    expect(await api('GET', '/v1/app/id/abc')).toMatchObject({ status: 422, body: { code: 422 } });
    expect(await api('POST', '/v1/app', '{"appName":')).toMatchObject({ status: 400, body: { code: 400, message: 'request body is not valid JSON' } });
  });
});
