import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { expectError, HOUR, login, useDcos } from './support.js';

describe('dcos auth', () => {
  const dcos = useDcos();
  beforeEach(() => dcos.sim.reset());

  it('issues an ObjectId token with user, tenant and an eight-hour expiry', async () => {
    const res = await call(dcos.sim, 'POST', '/v1/token', { body: { email: 'admin@fleetgate.local', password: 'Fleetgate@1', tenantname: 'sysadmin' } });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data.id).toMatch(/^[0-9a-f]{24}$/);
    expect(res.body.data.user).toMatchObject({ username: 'sysadmin', email: 'admin@fleetgate.local' });
    expect(res.body.data.tenant.tenantname).toBe('sysadmin');
    expect(res.body.data.expire * 1000 - dcos.sim.clock.now()).toBeGreaterThan(8 * HOUR - 5000);
    expect(res.body.data.expire * 1000 - dcos.sim.clock.now()).toBeLessThanOrEqual(8 * HOUR);
  });

  it('refuses wrong credentials and names a missing field', async () => {
    const wrong = await call(dcos.sim, 'POST', '/v1/token', { body: { email: 'admin@fleetgate.local', password: 'nope', tenantname: 'sysadmin' } });
    expect(expectError(wrong, 'E12004', 401)).toMatch(/login failed/);
    const otherTenant = await call(dcos.sim, 'POST', '/v1/token', { body: { email: 'admin@fleetgate.local', password: 'Fleetgate@1', tenantname: 'bigdata' } });
    expectError(otherTenant, 'E12004', 401);
    const missing = await call(dcos.sim, 'POST', '/v1/token', { body: { email: 'admin@fleetgate.local', password: 'Fleetgate@1' } });
    expect(expectError(missing, 'E12002')).toBe('tenantname is required');
  });

  it('answers a missing, unknown or expired token with E12004 and 401', async () => {
    expect(expectError(await call(dcos.sim, 'GET', '/v1/cluster'), 'E12004', 401)).toBe('X-Auth-Token header is required');
    const unknown = await call(dcos.sim, 'GET', '/v1/cluster', { headers: { 'x-auth-token': '59c1d404403cba000a11635e' } });
    expect(expectError(unknown, 'E12004', 401)).toBe('invalid token');
    const session = await login(dcos.sim);
    expect((await session.request('GET', '/v1/cluster')).status).toBe(200);
    dcos.sim.advance(8 * HOUR - 60_000);
    expect((await session.request('GET', '/v1/cluster')).status).toBe(200);
    dcos.sim.advance(60_000);
    expect(expectError(await session.request('GET', '/v1/cluster'), 'E12004', 401)).toBe('token is expired');
  });

  it('expires every token on the expireTokens fault, and a new login works', async () => {
    const session = await login(dcos.sim);
    await call(dcos.sim, 'POST', '/__sim/faults', { body: { expireTokens: true } });
    expect(expectError(await session.request('GET', '/v1/logs'), 'E12004', 401)).toBe('token is expired');
    const fresh = await login(dcos.sim);
    expect((await fresh.request('GET', '/v1/logs')).status).toBe(200);
  });

  it('answers unknown routes, wrong methods and bad JSON in the vendor envelope', async () => {
    const session = await login(dcos.sim);
    expectError(await session.request('GET', '/v1/clusters'), 'E12001', 404);
    expectError(await session.request('PUT', '/v1/cluster'), 'E12001', 405);
    const bad = await call(dcos.sim, 'POST', '/v1/cluster', { body: '{"name":', headers: { 'x-auth-token': session.token } });
    expectError(bad, 'E12002', 400);
    await call(dcos.sim, 'POST', '/__sim/faults', { body: { errorRate: 1, errorStatus: 503 } });
    expectError(await session.request('GET', '/v1/cluster'), 'E12003', 503);
  });
});
