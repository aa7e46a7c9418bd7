import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { otestackSimulator } from '../../../src/simulators/otestack/index.js';
import { call } from '../../helpers/sim-client.js';
import { useSimulator } from '../../helpers/use-simulator.js';
import { client, type Client, login } from './support.js';

describe('otestack repository, external repositories and chart upload', () => {
  const ote = useSimulator(otestackSimulator, { speed: 1 });
  let api: Client;
  beforeEach(async () => {
    ote.sim.reset();
    api = client(ote.sim, await login(ote.sim));
  });

  it('lists images in the documented shape, filters them, and deletes images and tags', async () => {
    const all = (await api('GET', '/v1/repository/image?pageSize=0')).body;
    expect(all.data[0]).toEqual({
      projectName: expect.any(String),
      public: expect.any(Boolean),
      imageName: expect.any(String),
      imageAddress: expect.stringMatching(/^registry\.dcdn\.baidu\.com\//),
      createTime: expect.any(Number),
      updateTime: expect.any(Number),
    });
    expect((await api('GET', '/v1/repository/image')).body.data).toHaveLength(Math.min(10, all.total));
    const vsm = (await api('GET', '/v1/repository/image?projectName=vsm&pageSize=0')).body;
    expect(vsm.total).toBeGreaterThan(0);
    expect(vsm.data.every((i: any) => i.projectName === 'vsm')).toBe(true);
    expect((await api('GET', '/v1/repository/image?projectName=nope')).status).toBe(404);
    expect((await api('GET', '/v1/repository/image?orderBy=name')).status).toBe(400);

    const name = vsm.data[0].imageName;
    const tags = (await api('GET', `/v1/repository/image/tag?imageName=${name}&pageSize=0`)).body;
    expect(tags.data.map((t: any) => t.tag)).toContain('latest');
    expect(tags.data[0]).toMatchObject({ imageAddress: `registry.dcdn.baidu.com/${name}` });
    expect((await api('DELETE', '/v1/repository/image/tag', { imageName: name, tag: ['latest', 'nope'] })).status).toBe(404);
    expect((await api('DELETE', '/v1/repository/image/tag', { imageName: name, tag: ['latest'] })).status).toBe(200);
    expect((await api('GET', `/v1/repository/image/tag?imageName=${name}&pageSize=0`)).body.total).toBe(tags.total - 1);
    expect((await api('GET', '/v1/repository/image/tag')).status).toBe(400);

    expect((await api('DELETE', '/v1/repository/image', { imageName: [name, 'nope/nope'] })).status).toBe(404);
    expect((await api('DELETE', '/v1/repository/image', { imageName: [name] })).body).toEqual({ code: 200, message: 'success' });
    expect((await api('GET', '/v1/repository/image?pageSize=0')).body.total).toBe(all.total - 1);
    expect((await api('GET', `/v1/repository/image/tag?imageName=${name}`)).status).toBe(404);
  });

  it('creates, lists and deletes projects; a project holding images is kept', async () => {
    expect((await api('POST', '/v1/repository/project', { projectName: 'calico', public: true })).status).toBe(200);
    expect((await api('POST', '/v1/repository/project', { projectName: 'calico', public: false })).status).toBe(409);
    expect((await api('POST', '/v1/repository/project', { projectName: 'Calico', public: true })).status).toBe(400);
    expect((await api('POST', '/v1/repository/project', { projectName: 'x' })).status).toBe(400);
    const calico = (await api('GET', '/v1/repository/project?projectName=calico')).body;
    expect(calico).toMatchObject({ total: 1, data: [{ projectName: 'calico', public: true, imageCount: 0 }] });
    const publicOnly = (await api('GET', '/v1/repository/project?public=true&pageSize=0')).body.data;
    expect(publicOnly.every((p: any) => p.public)).toBe(true);
    const vsm = (await api('GET', '/v1/repository/project?projectName=vsm')).body.data[0];
    expect(vsm.imageCount).toBeGreaterThan(0);
    expect((await api('DELETE', '/v1/repository/project', { projectId: [vsm.projectId] })).status).toBe(409);
    expect((await api('DELETE', '/v1/repository/project', { projectId: [calico.data[0].projectId] })).status).toBe(200);
    expect((await api('GET', '/v1/repository/project?projectName=calico')).body.total).toBe(0);
    expect((await api('DELETE', '/v1/repository/project', { projectId: [calico.data[0].projectId] })).status).toBe(404);
  });

  it("gives a user one Harbor account and changes its password under Harbor's rule", async () => {
    await call(ote.sim, 'POST', '/v1/user', { body: { user: 'u1', password: 'xxX@1234', phone: '12345678910', realName: 'hello', isAdmin: true } });
    const id = (await api('GET', '/v1/admin/user?pageSize=0')).body.data.find((u: any) => u.user === 'u1').id;
    await api('PUT', `/v1/admin/user/${id}`, { status: 1 });
    const u1 = client(ote.sim, (await call(ote.sim, 'POST', '/v1/authorization', { body: { user: 'u1', password: 'xxX@1234' } })).body.token);
    expect((await u1('PUT', '/v1/repository/user', { password: 'Harbor@123' })).status).toBe(400);
    expect((await u1('POST', '/v1/repository/user', { user: 'admin', password: 'Harbor@123' })).status).toBe(409);
    expect((await u1('POST', '/v1/repository/user', { user: 'user1', password: 'xxxx' })).status).toBe(400);
    expect((await u1('POST', '/v1/repository/user', { user: 'user1', password: 'Harbor@123' })).status).toBe(200);
    expect((await u1('GET', '/v1/authorization')).body.data.hasRepoAccount).toBe(true);
    expect((await u1('POST', '/v1/repository/user', { user: 'user2', password: 'Harbor@123' })).status).toBe(409);
    expect((await u1('PUT', '/v1/repository/user', { password: 'Harbor@456' })).status).toBe(200);
  });

  it("keeps external repositories: create, list, get, delete (the examples' paths too)", async () => {
    const before = (await api('GET', '/v1/repository/third?pageSize=0')).body;
    expect(before.data[0]).toEqual({ id: 1, repositoryId: expect.any(String), address: expect.any(String), user: expect.any(String) });
    const repo = { repositoryId: 'repo1', address: '127.0.0.1', user: 'user1', password: 'password1' };
    expect((await api('POST', '/v1/repository', repo)).status).toBe(200);
    expect((await api('POST', '/v1/repository/third', repo)).status).toBe(422);
    expect((await api('POST', '/v1/repository/third', { ...repo, repositoryId: 'Repo 2' })).status).toBe(422);
    expect((await api('GET', '/v1/repository/third/repo1')).body).toEqual({
      code: 200,
      message: 'success',
      data: { repositoryId: 'repo1', address: '127.0.0.1', user: 'user1' },
    });
    expect((await api('GET', '/v1/repository/third?pageSize=0')).body.total).toBe(before.total + 1);
    expect((await api('GET', '/v1/repository/third?pageSize=1&order=desc')).body.data[0].repositoryId).toBe('repo1');
    expect((await api('DELETE', '/v1/repository', { repositoryId: ['repo1', 'repo2'] })).status).toBe(404);
    expect((await api('DELETE', '/v1/repository/third', { repositoryId: ['repo1'] })).status).toBe(200);
    expect((await api('GET', '/v1/repository/third/repo1')).status).toBe(404);
  });

  /** A multipart upload as `curl -F` sends it: text fields, and files as `[name, bytes]`. */
  const upload = (fields: Record<string, string | [string, Uint8Array]>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, new Blob([Uint8Array.from(value[1])]), value[0]);
    }
    return api('POST', '/v1/app/chart', form);
  };

  it('creates an application from a helm chart uploaded as multipart/form-data, once per name and version', async () => {
    const chart: [string, Uint8Array] = ['test1-1.2.tgz', gzipSync('a chart')];
    expect((await upload({ appName: 'test1', version: '1.2', chart })).status).toBe(200);
    const apps = (await api('GET', '/v1/app?appName=test1&appNameMode=strict')).body;
    expect(apps).toMatchObject({ total: 1, apps: [{ appName: 'test1', version: '1.2', status: 1 }] });
    expect((await upload({ appName: 'test1', version: '1.2', chart })).body.message).toBe('application test1 version 1.2 already exists');
    expect((await upload({ appName: 'test1', version: 'one', chart })).status).toBe(422);
    expect((await upload({ appName: 'test1', version: '1.3', chart: ['x.tgz', Buffer.from('not gzip')] })).body).toEqual({
      code: 422,
      message: 'parameter validation error: chart must be a helm chart: a .tgz file',
    });
    expect((await upload({ appName: 'test1', version: '1.3' })).status).toBe(422);
    // A chart sent as a text field is not the file the document asks for.
    expect((await upload({ appName: 'test1', version: '1.3', chart: Buffer.from(gzipSync('a chart')).toString('base64') })).status).toBe(422);
    expect((await upload({ version: '1.3', chart })).body.message).toBe('parameter validation error: appName is required');
  });

  it('refuses a chart upload in another media type with 415, and an unreadable multipart body with 400', async () => {
    const json = await api('POST', '/v1/app/chart', { appName: 'test1', version: '1.2', chart: gzipSync('a chart').toString('base64') });
    expect(json).toMatchObject({
      status: 415,
      body: { code: 415, message: 'The Media Type of the request is not supported, it has to be "multipart/form-data"' },
    });
    const headers = { authorization: await login(ote.sim) };
    const plain = await call(ote.sim, 'POST', '/v1/app/chart', { body: 'appName=test1', headers: { ...headers, 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    const broken = await call(ote.sim, 'POST', '/v1/app/chart', {
      body: 'no parts here',
      headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(broken).toMatchObject({ status: 400, body: { code: 400 } });
    expect((await api('GET', '/v1/app?appName=test1&appNameMode=strict')).body.total).toBe(0);
  });
});
