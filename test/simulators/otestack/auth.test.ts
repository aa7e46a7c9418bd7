import { beforeEach, describe, expect, it } from 'vitest';
import { otestackSimulator } from '../../../src/simulators/otestack/index.js';
import { startSimulator } from '../../../src/simulators/kit/server.js';
import { call } from '../../helpers/sim-client.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { client, fixture, HOUR, login, MINUTE, useOtestack } from './support.js';

describe('otestack authorization', () => {
  const ote = useOtestack();
  beforeEach(() => ote.sim.reset());

  it('logs in with the demo credentials and answers like the documented example', async () => {
    const res = await call(ote.sim, 'POST', '/v1/authorization', { body: { user: 'admin', password: 'Admin@1234' } });
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, fixture('auth-login.response'))).toEqual([]);
    expect(res.body.token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('refuses a wrong password with 401 and a missing field with 422 naming it', async () => {
    const wrong = await call(ote.sim, 'POST', '/v1/authorization', { body: { user: 'admin', password: 'nope' } });
    expect(wrong).toMatchObject({ status: 401, body: { code: 401, message: 'user name or password is incorrect' } });
    const missing = await call(ote.sim, 'POST', '/v1/authorization', { body: { user: 'admin' } });
    expect(missing).toMatchObject({ status: 422, body: { code: 422, message: 'parameter validation error: password is required' } });
    const documented = await call(ote.sim, 'POST', '/v1/authorization', { body: fixture('auth-login.request') });
    expect(documented.status).toBe(401);
  });

  it('answers a missing, unknown or expired token with the 401 body', async () => {
    expect(await call(ote.sim, 'GET', '/v1/cluster')).toMatchObject({ status: 401, body: { code: 401, message: expect.stringContaining('log in') } });
    const unknown = await call(ote.sim, 'GET', '/v1/cluster', { headers: { authorization: 'eyJnot.a.token' } });
    expect(unknown).toMatchObject({ status: 401, body: { code: 401, message: 'invalid token, please log in again' } });
    const api = client(ote.sim, await login(ote.sim));
    expect((await api('GET', '/v1/cluster')).status).toBe(200);
    ote.sim.advance(HOUR - MINUTE);
    expect((await api('GET', '/v1/cluster')).status).toBe(200);
    ote.sim.advance(MINUTE);
    expect(await api('GET', '/v1/cluster')).toMatchObject({ status: 401, body: { code: 401, message: 'token is expired, please log in again' } });
  });

  it('does not accept a Bearer prefix: the token is sent raw', async () => {
    const token = await login(ote.sim);
    const res = await call(ote.sim, 'GET', '/v1/cluster', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });

  it('refreshes a token into a new one with a new expiry', async () => {
    const first = await login(ote.sim);
    ote.sim.advance(50 * MINUTE);
    const res = await client(ote.sim, first)('PUT', '/v1/authorization');
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, fixture('auth-refresh.response'))).toEqual([]);
    const second = res.body.token as string;
    expect(second).not.toBe(first);
    ote.sim.advance(20 * MINUTE);
    expect((await client(ote.sim, first)('GET', '/v1/cluster')).status).toBe(401);
    expect((await client(ote.sim, second)('GET', '/v1/cluster')).status).toBe(200);
  });

  it('logs out on both the documented path and the example path', async () => {
    for (const path of ['/v1/authorization', '/v1/authorizations']) {
      const api = client(ote.sim, await login(ote.sim));
      const res = await api('DELETE', path);
      expect(res.status).toBe(200);
      expect(shapeDifferences(res.body, fixture('auth-logout.response'))).toEqual([]);
      expect(await api('GET', '/v1/cluster')).toMatchObject({ status: 401, body: { message: 'token has been logged out, please log in again' } });
    }
  });

  it('returns the authorization information without the password', async () => {
    const res = await client(ote.sim, await login(ote.sim))('GET', '/v1/authorization');
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, fixture('auth-info.response'))).toEqual([]);
    expect(res.body.data).toMatchObject({ displayName: 'admin', role: 4, enableAdminAutoDeploy: true });
    expect(res.text).not.toContain('Admin@1234');
  });

  it('takes the demo credentials from the environment', async () => {
    const custom = await startSimulator(otestackSimulator, { env: { SIM_OTESTACK_USER: 'ops', SIM_OTESTACK_PASSWORD: 'Ops@56789' } });
    try {
      const res = await call(custom, 'POST', '/v1/authorization', { body: { user: 'ops', password: 'Ops@56789' } });
      expect(res.status).toBe(200);
    } finally {
      await custom.close();
    }
  });

  it('answers unknown routes and injected faults in the vendor error shape', async () => {
    const api = client(ote.sim, await login(ote.sim));
    expect(await api('GET', '/v1/nothing')).toMatchObject({ status: 404, body: { code: 404 } });
    await call(ote.sim, 'POST', '/__sim/faults', { body: { errorRate: 1, errorStatus: 503 } });
    expect(await api('GET', '/v1/cluster')).toMatchObject({ status: 503, body: { code: 503, message: expect.any(String) } });
  });
});
