import { beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../src/simulators/kit/server.js';
import { tiemSimulator } from '../../../src/simulators/tiem/index.js';
import { call } from '../../helpers/sim-client.js';
import { HOUR, login, useTiem } from './support.js';

describe('tiem auth', () => {
  const tiem = useTiem();
  beforeEach(() => tiem.sim.reset());

  const list = (authorization?: string) => call(tiem.sim, 'GET', '/api/v1/clusters/', authorization ? { headers: { authorization } } : {});

  it('logs in with the demo credentials and returns a token in the envelope', async () => {
    const res = await call(tiem.sim, 'POST', '/api/v1/user/login', { body: { userName: 'admin', userPassword: 'admin' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 0, message: 'OK', data: { passwordExpired: false } });
    expect(res.body.data.token).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body.data.userId).toEqual(expect.any(String));
    expect((await list(`Bearer ${res.body.data.token}`)).status).toBe(200);
  });

  it('refuses a wrong password with TiEM code 70603', async () => {
    const res = await call(tiem.sim, 'POST', '/api/v1/user/login', { body: { userName: 'admin', userPassword: 'nope' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 70603, data: null, message: 'incorrect username or password' });
  });

  it('names a missing login field', async () => {
    const res = await call(tiem.sim, 'POST', '/api/v1/user/login', { body: { userName: 'admin' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 10001, message: expect.stringContaining('userPassword') });
  });

  it('answers 401 with the envelope for a missing or unknown token', async () => {
    const missing = await list();
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ code: 70600, data: null, message: expect.stringContaining('missing') });
    const unknown = await list('Bearer 0123456789abcdef0123456789abcdef');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ code: 70600, message: expect.stringContaining('invalid token') });
  });

  it('expires tokens after four simulated hours', async () => {
    const token = await login(tiem.sim);
    tiem.sim.advance(4 * HOUR - 1000);
    expect((await list(`Bearer ${token}`)).status).toBe(200);
    tiem.sim.advance(1000);
    const res = await list(`Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 70602, data: null, message: 'access token has been expired' });
  });

  it('revokes the token on logout', async () => {
    const token = await login(tiem.sim);
    const out = await call(tiem.sim, 'POST', '/api/v1/user/logout', { headers: { authorization: `Bearer ${token}` } });
    expect(out.body.code).toBe(0);
    expect((await list(`Bearer ${token}`)).status).toBe(401);
  });

  it('reads credentials from SIM_TIEM_USER / SIM_TIEM_PASSWORD', async () => {
    const custom = await startSimulator(tiemSimulator, { speed: 1, env: { SIM_TIEM_USER: 'ops', SIM_TIEM_PASSWORD: 'pw' } });
    try {
      const ok = await call(custom, 'POST', '/api/v1/user/login', { body: { userName: 'ops', userPassword: 'pw' } });
      expect(ok.body.code).toBe(0);
      const old = await call(custom, 'POST', '/api/v1/user/login', { body: { userName: 'admin', userPassword: 'admin' } });
      expect(old.body.code).toBe(70603);
    } finally {
      await custom.close();
    }
  });

  it('answers unknown routes and runtime errors in the TiEM envelope', async () => {
    const token = await login(tiem.sim);
    const res = await call(tiem.sim, 'GET', '/api/v1/nothing', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: expect.any(Number), data: null, message: expect.any(String) });
    await call(tiem.sim, 'POST', '/__sim/faults', { body: { errorRate: 1, errorStatus: 503 } });
    const down = await call(tiem.sim, 'GET', '/api/v1/clusters/', { headers: { authorization: `Bearer ${token}` } });
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ code: 9999, data: null });
  });
});
