import { beforeEach, describe, expect, it } from 'vitest';
import { otestackSimulator } from '../../../src/simulators/otestack/index.js';
import { call } from '../../helpers/sim-client.js';
import { useSimulator } from '../../helpers/use-simulator.js';
import { client, type Client, login } from './support.js';

const REGISTRATION = { user: 'u1', password: 'xxX@1234', phone: '12345678910', realName: 'hello', isAdmin: true };

describe('otestack users and business namespaces', () => {
  const ote = useSimulator(otestackSimulator, { speed: 1 });
  let api: Client;
  beforeEach(async () => {
    ote.sim.reset();
    api = client(ote.sim, await login(ote.sim));
  });

  const users = async () => (await api('GET', '/v1/admin/user?pageSize=0')).body.data;
  const signIn = (user: string, password: string) => call(ote.sim, 'POST', '/v1/authorization', { body: { user, password } });

  it('a registration waits for approval, then signs in; a forbidden user loses its session', async () => {
    expect((await call(ote.sim, 'POST', '/v1/user', { body: REGISTRATION })).body).toEqual({ code: 200, message: 'success' });
    const registered = (await users()).find((u: any) => u.user === 'u1');
    expect(registered).toMatchObject({ status: 0, realName: 'hello', phone: '12345678910' });
    expect(await signIn('u1', REGISTRATION.password)).toMatchObject({
      status: 401,
      body: { message: 'user is waiting for the system administrator to approve' },
    });
    expect((await api('PUT', `/v1/admin/user/${registered.id}`, { status: 1 })).status).toBe(200);
    const token = (await signIn('u1', REGISTRATION.password)).body.token;
    const u1 = client(ote.sim, token);
    expect((await u1('GET', '/v1/authorization')).body.data).toMatchObject({ displayName: 'u1', role: 1, hasRepoAccount: false });
    expect((await api('PUT', `/v1/admin/user/${registered.id}`, { status: 3 })).status).toBe(200);
    expect(await u1('GET', '/v1/cluster')).toMatchObject({ status: 401, body: { code: 401 } });
    expect(await signIn('u1', REGISTRATION.password)).toMatchObject({ status: 401, body: { message: 'user is forbidden' } });
  });

  it('validates registrations: password rule, phone, duplicates', async () => {
    const register = (body: object) => call(ote.sim, 'POST', '/v1/user', { body: { ...REGISTRATION, ...body } });
    expect((await register({ password: 'xxx' })).status).toBe(422);
    expect((await register({ password: 'alllowercase1' })).status).toBe(422);
    expect((await register({ phone: '123' })).status).toBe(422);
    expect((await register({ isAdmin: 'yes' })).status).toBe(422);
    expect((await register({})).status).toBe(200);
    expect(await register({})).toMatchObject({ status: 422, body: { message: 'user u1 already exists' } });
  });

  it('changes the own password with the old one, and resets, lists, sorts and deletes users', async () => {
    expect((await api('PUT', '/v1/user', { oldPassword: 'Wrong@123', password: 'Admin@5678' })).status).toBe(422);
    expect((await api('PUT', '/v1/user', { oldPassword: 'Admin@1234', password: 'Admin@5678' })).status).toBe(200);
    expect((await signIn('admin', 'Admin@1234')).status).toBe(401);
    expect((await signIn('admin', 'Admin@5678')).status).toBe(200);

    const all = await users();
    expect(all.map((u: any) => u.id)).toEqual([...all.map((u: any) => u.id)].sort((a: number, b: number) => a - b));
    const byName = (await api('GET', '/v1/admin/user?orderBy=user_name&pageSize=0')).body.data.map((u: any) => u.user);
    expect(byName).toEqual([...byName].sort());
    expect((await api('GET', '/v1/admin/user?pageSize=2')).body).toMatchObject({ total: all.length, data: all.slice(0, 2) });

    const target = all[all.length - 2];
    expect((await api('PUT', `/v1/admin/user/${target.id}/password`, { password: 'Reset@2026' })).status).toBe(200);
    expect((await signIn(target.user, 'Reset@2026')).status).toBe(200);
    expect((await api('DELETE', `/v1/admin/user/${target.id}`)).status).toBe(200);
    expect((await users()).some((u: any) => u.id === target.id)).toBe(false);
    expect((await api('DELETE', `/v1/admin/user/${target.id}`)).status).toBe(404);
    expect((await api('DELETE', '/v1/admin/user/1')).status).toBe(422);
  });

  it('a general administrator sees and manages only its own business namespace, and creates sub-users in it', async () => {
    const owner = (await users()).find((u: any) => u.id === 2);
    await api('PUT', `/v1/admin/user/${owner.id}/password`, { password: 'Owner@2026' });
    const admin2 = client(ote.sim, (await signIn(owner.user, 'Owner@2026')).body.token);
    const sub = { user: 'sub1', password: 'Sub@12345', phone: '13912345678', isAdmin: false, realName: 'Sub User' };
    expect((await admin2('POST', '/v1/admin/user', sub)).status).toBe(200);
    const mine = (await admin2('GET', '/v1/admin/user?pageSize=0')).body.data;
    expect(mine.map((u: any) => u.user)).toContain('sub1');
    expect(mine.length).toBeLessThan((await users()).length);
    const stranger = (await users()).find((u: any) => !mine.some((m: any) => m.id === u.id) && u.id !== 1);
    expect((await admin2('DELETE', `/v1/admin/user/${stranger.id}`)).status).toBe(404);
    expect((await admin2('PUT', `/v1/admin/user/${stranger.id}`, { status: 1 })).status).toBe(403);
    const subToken = (await signIn('sub1', sub.password)).body.token;
    expect((await client(ote.sim, subToken)('GET', '/v1/authorization')).body.data.role).toBe(2);
    expect((await client(ote.sim, subToken)('GET', '/v1/admin/user')).status).toBe(403);
  });

  it('creates a business, which the system administrator approves once and cannot take back', async () => {
    const body = { name: 'name', introduce: 'introduce', objective: 'objective', scale: 'scale' };
    expect((await api('POST', '/v1/business', body)).status).toBe(200);
    expect(await api('POST', '/v1/business', { ...body, name: 'other' })).toMatchObject({
      status: 422,
      body: { message: 'user admin has already created business name' },
    });
    const list = (await api('GET', '/v1/business?name=name')).body;
    expect(list.total).toBe(1);
    const created = list.data[0];
    expect(created).toMatchObject({ name: 'name', userId: 1, status: 0, comment: '' });
    expect((await api('GET', `/v1/business/id/${created.id}`)).body.data).toMatchObject({ ...body, status: 0 });
    expect((await api('PUT', `/v1/business/id/${created.id}`, { comment: 'pass', status: 1 })).status).toBe(200);
    expect((await api('GET', `/v1/business/id/${created.id}`)).body.data).toMatchObject({ status: 1, comment: 'pass' });
    expect((await api('PUT', `/v1/business/id/${created.id}`, { comment: 'no', status: 2 })).status).toBe(422);
    expect((await api('GET', '/v1/business/id/999')).status).toBe(404);
    const statuses = new Set((await api('GET', '/v1/business?pageSize=0')).body.data.map((b: any) => b.status));
    expect(statuses).toEqual(new Set([0, 1]));
  });

  it('approving a pending business makes its applicant a general administrator', async () => {
    const pending = (await api('GET', '/v1/business?pageSize=0')).body.data.find((b: any) => b.status === 0);
    const applicant = (await users()).find((u: any) => u.id === pending.userId);
    await api('PUT', `/v1/admin/user/${applicant.id}/password`, { password: 'Apply@2026' });
    const applicantApi = client(ote.sim, (await signIn(applicant.user, 'Apply@2026')).body.token);
    expect((await applicantApi('GET', '/v1/authorization')).body.data.role).toBe(1);
    expect((await applicantApi('PUT', `/v1/business/id/${pending.id}`, { comment: 'self', status: 1 })).status).toBe(403);
    expect((await api('PUT', `/v1/business/id/${pending.id}`, { comment: 'pass', status: 1 })).status).toBe(200);
    expect((await applicantApi('GET', '/v1/authorization')).body.data.role).toBe(3);
  });
});
