import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { shapeDifferences } from '../../helpers/shape.js';
import { client, type Client, fixture, login, SETTLE, useOtestack } from './support.js';

describe('otestack deployment audits', () => {
  const ote = useOtestack();
  let api: Client;
  beforeEach(async () => {
    ote.sim.reset();
    api = client(ote.sim, await login(ote.sim));
  });

  const pending = async () => (await api('GET', '/v1/admin/deploy?pageSize=0')).body.data.filter((a: any) => a.status === 0);
  const deployment = async (id: number) => (await api('GET', `/v1/deploy/id/${id}`)).body.data;

  it('lists audits newest first in the documented shape, with every audit status', async () => {
    const res = await api('GET', '/v1/admin/deploy');
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, fixture('deploy-audits-list.response'))).toEqual([]);
    const ids = res.body.data.map((a: any) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const all = (await api('GET', '/v1/admin/deploy?order=asc&pageSize=0')).body;
    const ascending = all.data.map((a: any) => a.id);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(ids).toEqual(ascending.slice(-10).reverse());
    expect(new Set(all.data.map((a: any) => a.status))).toEqual(new Set([0, 1, 2]));
    const business = all.data[0].businessName;
    const filtered = (await api('GET', `/v1/admin/deploy?businessName=${business}&pageSize=0`)).body;
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.data.every((a: any) => a.businessName === business)).toBe(true);
    expect((await api('GET', '/v1/admin/deploy?order=sideways')).status).toBe(422);
    expect((await api('GET', '/v1/admin/deploy?orderBy=name')).status).toBe(422);
  });

  it('approving an audit starts the operation from status 1 to success', async () => {
    const [audit] = await pending();
    expect((await deployment(audit.deployId)).status).toBe(0);
    const res = await api('PUT', '/v1/admin/deploy', { id: audit.id, status: 1, comment: 'pass' });
    expect(res).toMatchObject({ status: 200, body: { code: 200 } });
    expect(await deployment(audit.deployId)).toMatchObject({ status: 1, auditComment: 'pass', editable: false });
    ote.sim.advance(10_000);
    expect((await deployment(audit.deployId)).status).toBe(3);
    ote.sim.advance(SETTLE);
    expect([5, 9]).toContain((await deployment(audit.deployId)).status);
    const after = (await api('GET', '/v1/admin/deploy?pageSize=0')).body.data.find((a: any) => a.id === audit.id);
    expect(after).toMatchObject({ status: 1, comment: 'pass' });
    expect(await api('PUT', '/v1/admin/deploy', { id: audit.id, status: 2, comment: 'late' })).toMatchObject({
      status: 422,
      body: { message: `audit ${audit.id} has already been approved` },
    });
  });

  it('disapproving parks the deployment at status 2 (the example POST works too)', async () => {
    const [, audit] = await pending();
    const res = await api('POST', '/v1/admin/deploy', { id: audit.id, status: 2, comment: 'no pass' });
    expect(res.status).toBe(200);
    ote.sim.advance(SETTLE);
    expect(await deployment(audit.deployId)).toMatchObject({ status: 2, auditComment: 'no pass', editable: true });
  });

  it("status 0, as in the document's example, keeps the audit pending and notes the comment", async () => {
    const [audit] = await pending();
    const res = await api('POST', '/v1/admin/deploy', { ...fixture('deploy-audit.request'), id: audit.id });
    expect(res).toMatchObject({ status: 200, body: { code: 200 } });
    const after = (await api('GET', '/v1/admin/deploy?pageSize=0')).body.data.find((a: any) => a.id === audit.id);
    expect(after).toMatchObject({ status: 0, comment: fixture('deploy-audit.request').comment });
    ote.sim.advance(SETTLE);
    expect((await deployment(audit.deployId)).status).toBe(0);
    expect((await api('PUT', '/v1/admin/deploy', { id: audit.id, status: 1, comment: 'pass' })).status).toBe(200);
  });

  it('an approved operation that fails ends in the vendor failure status', async () => {
    await call(ote.sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
    const audits = await pending();
    for (const audit of audits) await api('PUT', '/v1/admin/deploy', { id: audit.id, status: 1, comment: 'pass' });
    ote.sim.advance(SETTLE);
    for (const audit of audits) expect([6, 7, 8]).toContain((await deployment(audit.deployId)).status);
  });

  it('validates the audit body and names unknown audits', async () => {
    expect(await api('PUT', '/v1/admin/deploy', { status: 1, comment: '' })).toMatchObject({
      status: 422,
      body: { message: 'parameter validation error: id is required' },
    });
    // The document's example body (status 0) passes validation; its id names no audit here.
    expect(await api('PUT', '/v1/admin/deploy', fixture('deploy-audit.request'))).toMatchObject({ status: 404, body: { message: 'audit 123456 not found' } });
    expect(await api('PUT', '/v1/admin/deploy', { id: 1, status: 3, comment: '' })).toMatchObject({
      status: 422,
      body: { message: 'parameter validation error: status must be 0 (pending), 1 (approved) or 2 (disapproved)' },
    });
    expect(await api('PUT', '/v1/admin/deploy', { id: 123456, status: 1, comment: 'x' })).toMatchObject({
      status: 404,
      body: { code: 404, message: 'audit 123456 not found' },
    });
  });
});
