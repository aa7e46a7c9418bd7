import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { client, loginBody, useDws } from './support.js';

describe('dws: IAM tokens and authentication', () => {
  const dws = useDws();
  beforeEach(() => dws.sim.reset());

  it('issues a project-scoped token valid for 24 hours in X-Subject-Token', async () => {
    const res = await call(dws.sim, 'POST', '/v3/auth/tokens', { body: loginBody() });
    expect(res.status).toBe(201);
    const { issued_at, expires_at, project, catalog } = res.body.token;
    expect(Date.parse(expires_at) - Date.parse(issued_at)).toBe(24 * 3600_000);
    expect(project.id).toMatch(/^[0-9a-f]{32}$/);
    expect(catalog.map((s: any) => s.type)).toContain('dws');
  });

  it('refuses a wrong password, user or domain with Keystone 401', async () => {
    for (const over of [{ password: 'nope' }, { name: 'mallory' }, { domain: 'other' }]) {
      const res = await call(dws.sim, 'POST', '/v3/auth/tokens', { body: loginBody(over) });
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' });
    }
    expect((await call(dws.sim, 'POST', '/v3/auth/tokens', { body: loginBody({ project: 'cn-south-1' }) })).status).toBe(401);
  });

  it('names the missing part of a malformed login body', async () => {
    const res = await call(dws.sim, 'POST', '/v3/auth/tokens', {
      body: { auth: { identity: { methods: ['password'], password: { user: { name: 'demo', domain: { name: 'demo' } } } } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('auth.identity.password.user.password');
  });

  it('answers a missing, unknown or expired token with APIGW.0301', async () => {
    const c = await client(dws.sim);
    const path = `/v1.0/${c.projectId}/clusters`;
    const missing = await call(dws.sim, 'GET', path);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: x-auth-token not found' });
    const unknown = await call(dws.sim, 'GET', path, { headers: { 'x-auth-token': 'MIIforged' } });
    expect(unknown).toMatchObject({ status: 401, body: { error_code: 'APIGW.0301' } });
    expect((await c.get('/clusters')).status).toBe(200);
    dws.sim.advance(24 * 3600_000);
    const expired = await c.get('/clusters');
    expect(expired.status).toBe(401);
    expect(expired.body.error_msg).toContain('token expires');
  });

  it('expires every token on demand (expireTokens fault)', async () => {
    const c = await client(dws.sim);
    await call(dws.sim, 'POST', '/__sim/faults', { body: { expireTokens: true } });
    expect((await c.get('/clusters')).status).toBe(401);
    expect((await (await client(dws.sim)).get('/clusters')).status).toBe(200);
  });

  it("refuses another project's path with DWS.5045", async () => {
    const c = await client(dws.sim);
    const res = await call(dws.sim, 'GET', '/v1.0/0123456789abcdef0123456789abcdef/clusters', { headers: { 'x-auth-token': c.token } });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DWS.5045');
  });

  it('answers unknown routes and bad JSON in the DWS error shape', async () => {
    const c = await client(dws.sim);
    const nope = await c.get('/no-such-thing');
    expect(nope).toMatchObject({ status: 404, body: { error_code: 'APIGW.0101' } });
    const bad = await call(dws.sim, 'POST', `/v1.0/${c.projectId}/clusters`, { headers: { 'x-auth-token': c.token }, body: '{"cluster":' });
    expect(bad).toMatchObject({ status: 400, body: { error_code: 'DWS.5065' } });
  });
});
