import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/sim-client.js';
import { expectError, login, type Session, useDcos } from './support.js';

const PUBKEY = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDTqvb0YAXZpQA4ci5RgbjKUQxwwJFIOKRzOQvZdfRhQx3aZ762I5vOahAk4ILMflxDPybNyB3pJI7uwu root@centosdesktop';

describe('dcos catalogues: registries, providers, public keys, SMTP servers', () => {
  const dcos = useDcos();
  let s: Session;
  beforeEach(async () => {
    dcos.sim.reset();
    s = await login(dcos.sim);
  });

  const runningCluster = async () => (await s.request('GET', '/v1/cluster?status=RUNNING&limit=1')).body.data[0]._id as string;

  it('accepts the token under the header name the document writes, X_Auth_Token', async () => {
    const res = await call(dcos.sim, 'GET', '/v1/smtp', { headers: { X_Auth_Token: s.token } });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
  });

  it('keeps a created registry until it is deleted, refusing to delete it while a cluster pulls from it', async () => {
    const created = await s.request('POST', '/v1/dockerregistries', { name: 'mirror', registry: 'mirror.local:5000', user_id: s.userId, secure: true });
    expect(created.body.data).toMatchObject({ name: 'mirror', registry: 'mirror.local:5000', secure: true, isUse: false, user_id: s.userId });
    const id = created.body.data._id;
    expect((await s.request('GET', '/v1/dockerregistries?count=true')).body.count).toBe(3);
    expectError(await s.request('POST', '/v1/dockerregistries', { name: 'mirror', registry: 'other:5000', user_id: s.userId }), 'E50201');

    const clusterId = await runningCluster();
    expect((await s.request('POST', `/v1/cluster/${clusterId}/registry`, { ids: [id] })).body).toEqual({ success: true });
    const cluster = (await s.request('GET', `/v1/cluster/${clusterId}`)).body.data;
    expect(cluster.dockerRegistries.map((r: any) => r._id)).toContain(id);
    expect((await s.request('GET', `/v1/dockerregistries/${id}`)).body.data.isUse).toBe(true);
    expectError(await s.request('GET', '/v1/dockerregistries/registryValidate?type=used&name=mirror'), 'E50203');
    expectError(await s.request('DELETE', `/v1/dockerregistries/${id}`), 'E50203');

    expect((await s.request('DELETE', `/v1/cluster/${clusterId}/registry`, { ids: [id] })).body).toEqual({ success: true });
    expectError(await s.request('DELETE', `/v1/cluster/${clusterId}/registry`, { ids: [id] }), 'E50202');
    expect((await s.request('DELETE', `/v1/dockerregistries/${id}`)).body).toEqual({ success: true });
    expectError(await s.request('GET', `/v1/dockerregistries/${id}`), 'E50202');
  });

  it('creates, lists, updates and deletes a provider, keeping only the block of its type', async () => {
    const body = {
      name: 'gce',
      user_id: s.userId,
      type: 'google',
      sshUser: 'root',
      googleInfo: { 'google-project': 'p', 'google-zone': 'z', 'google-applocation-credentials': 'ignored', 'google-application-credentials': 'c2VjcmV0' },
    };
    const created = (await s.request('POST', '/v1/provider', body)).body.data;
    expect(created.googleInfo).toMatchObject({ 'google-project': 'p', 'google-zone': 'z', 'google-application-credentials': 'c2VjcmV0', 'google-network': '' });
    expect(created.googleInfo).not.toHaveProperty('google-applocation-credentials');
    expect(created.awsEc2Info['amazonec2-region']).toBe('');
    expect(created).not.toHaveProperty('isuse');
    const listed = (await s.request('GET', '/v1/provider?type=google&count=true')).body;
    expect(listed.data.find((p: any) => p._id === created._id)).toMatchObject({ isuse: false });

    const updated = await s.request('PUT', `/v1/provider/${created._id}`, { ...body, googleInfo: { 'google-project': 'p2', 'google-zone': 'z' } });
    expect(updated.body).toEqual({ success: true, data: { created: false, url: `/v1/provider/${created._id}` } });
    expect((await s.request('GET', `/v1/provider/${created._id}`)).body.data.googleInfo['google-project']).toBe('p2');
    expectError(await s.request('GET', '/v1/provider/validate?provider_name=gce'), 'E50301');
    expectError(await s.request('POST', '/v1/provider', { ...body, name: 'gce2', googleInfo: { 'google-zone': 'z' } }), 'E12002');

    expect((await s.request('DELETE', `/v1/provider/${created._id}`)).body).toEqual({ success: true });
    expectError(await s.request('GET', `/v1/provider/${created._id}`), 'E50302');
  });

  it('refuses to delete a provider a live cluster runs on', async () => {
    const providers = (await s.request('GET', '/v1/provider')).body.data as Array<{ _id: string; isuse: boolean }>;
    const used = providers.find((p) => p.isuse);
    expect(used).toBeDefined();
    expectError(await s.request('DELETE', `/v1/provider/${used?._id}`), 'E50303');
  });

  it('uploads a public key, attaches it to a cluster, and generates a pair whose private half downloads', async () => {
    const uploaded = (await s.request('POST', '/v1/pubkey', { pubkeyValue: PUBKEY, name: 'laptop', user_id: s.userId })).body.data;
    expect(uploaded).toMatchObject({ pubkeyValue: PUBKEY, name: 'laptop', owner: 'sysadmin', isuse: false });
    expectError(await s.request('POST', '/v1/pubkey', { pubkeyValue: PUBKEY, name: 'laptop', user_id: s.userId }), 'E50401');

    const clusterId = await runningCluster();
    await s.request('POST', `/v1/cluster/${clusterId}/pubkey`, { ids: [uploaded._id] });
    expect((await s.request('GET', `/v1/cluster/${clusterId}`)).body.data.pubkeyId).toEqual([uploaded._id]);
    expect((await s.request('GET', `/v1/pubkey/${uploaded._id}`)).body.data.isuse).toBe(true);

    expectError(await s.request('GET', `/v1/pubkey/downLoadKey/${s.userId}`), 'E50402');
    const generated = await s.request('POST', '/v1/pubkey/userSelfCreate', { name: 'generated', user_id: s.userId });
    expect(generated.body).toEqual({ success: true, data: s.userId });
    const key = (await s.request('GET', `/v1/pubkey?name=generated&count=true`)).body;
    expect(key.count).toBe(1);
    expect(key.data[0].pubkeyValue).toMatch(/^ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ/);
    const pem = await s.request('GET', `/v1/pubkey/downLoadKey/${s.userId}`);
    expect(pem.status).toBe(200);
    expect(pem.text).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\nMIIEo/);
    expect(pem.text.trim()).toMatch(/-----END RSA PRIVATE KEY-----$/);
  });

  it('stores an SMTP server with its password sealed, updates and deletes it', async () => {
    const created = (await s.request('POST', '/v1/smtp', { name: 'ops', address: 'smtp.example.com', passwd: 'password' })).body.data;
    expect(created).toMatchObject({ name: 'ops', address: 'smtp.example.com' });
    expect(created.passwd).not.toContain('password');
    expect(Buffer.from(created.passwd, 'base64')).toHaveLength(8);
    expectError(await s.request('POST', '/v1/smtp', { name: 'x', address: 'smtp.example.com', passwd: 'p' }), 'E50501');
    expect((await s.request('GET', '/v1/smtp?count=true')).body.count).toBe(2);

    await s.request('PUT', `/v1/smtp/${created._id}`, { name: 'ops', address: 'smtp.example.com', passwd: 'password-change' });
    const after = (await s.request('GET', '/v1/smtp?address=smtp.example.com')).body.data[0];
    expect(after.passwd).not.toBe(created.passwd);
    expect((await s.request('DELETE', `/v1/smtp/${created._id}`)).body).toEqual({ success: true, data: null });
    expect((await s.request('GET', '/v1/smtp?address=smtp.example.com')).body.data).toEqual([]);
  });
});
