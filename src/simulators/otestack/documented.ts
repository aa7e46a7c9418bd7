import { gzipSync } from 'node:zlib';
import type { DocumentedApi, DocumentedClient, DocumentedEndpoint } from '../kit/documented.js';

/**
 * Every endpoint of "Video Security Monitoring R4 API Document" (004), in its order, with
 * `[param]` written as `{param}` (the simulator's route syntax). Examples come from the
 * document where it has one; an id to act on is read from the simulator first.
 */

const OK = 200;
const NO_TOKEN = { authorization: 'eyJ-not-a-token' };

/** The document's Create Application example (without its trailing comma). */
const APP = {
  appName: 'nginx1',
  deployType: 'deployment',
  image: 'nginx:latest',
  version: '1.2',
  repositoryId: 'repo1',
  replicas: 10,
  port: [{ port: 8080, hostPort: 9090 }],
  command: '',
  volume: [
    { path: '/host/usr/bin', hostPath: '/usr/bin', readOnly: true },
    { path: '/host/usr/sbin', hostPath: '/usr/sbin', readOnly: true },
  ],
  env: [{ name: 'NGINX_PATH', value: '/usr/share/nginx/' }],
  minReplicas: 2,
  maxReplicas: 20,
  minCPU: 10,
  maxCPU: 200,
  isHPA: true,
  targetCPUUtilization: 100,
  targetMemUtilization: 150,
  minMemory: 100,
  maxMemory: 200,
  maxUnavailable: 1,
  maxSurge: 1,
  minReadySeconds: 10,
};

/** Upload Helm Chart's multipart form: `version`, `appName` and the file `chart`. */
function chartForm(chart: Uint8Array): FormData {
  const form = new FormData();
  form.append('version', '1.2');
  form.append('appName', 'test1');
  form.append('chart', new Blob([Uint8Array.from(chart)], { type: 'application/gzip' }), 'test1-1.2.tgz');
  return form;
}

const NEWCOMER = { user: 'doc.reader', password: 'Reader@2026' };

const userId = async (api: DocumentedClient, name: string): Promise<number> =>
  (await api.call('GET', '/v1/admin/user?pageSize=0')).body.data.find((u: { user: string }) => u.user === name).id;

/** A user registered and approved just now: one with no Harbor account and a known password. */
async function newcomer(api: DocumentedClient): Promise<string> {
  await api.call('POST', '/v1/user', { ...NEWCOMER, phone: '13900000000', isAdmin: true, realName: 'Doc Reader' });
  await api.call('PUT', `/v1/admin/user/${await userId(api, NEWCOMER.user)}`, { status: 1 });
  return (await api.call('POST', '/v1/authorization', NEWCOMER)).body.token;
}

/** The user waiting for approval in the generated platform (the last one listed). */
const lastUser = async (api: DocumentedClient): Promise<number> => (await api.call('GET', '/v1/admin/user?order=desc&pageSize=1')).body.data[0].id;

const firstCluster = async (api: DocumentedClient): Promise<string> => (await api.call('GET', '/v1/cluster?pageSize=1')).body.data[0].clusterName;
const firstNode = async (api: DocumentedClient): Promise<{ nodeName: string; clusterName: string }> =>
  (await api.call('GET', '/v1/node?pageSize=1')).body.data[0];
const firstImage = async (api: DocumentedClient): Promise<string> =>
  (await api.call('GET', '/v1/repository/image?order=asc&pageSize=1')).body.data[0].imageName;
const editable = async (api: DocumentedClient): Promise<any[]> => (await api.call('GET', '/v1/deploy?editable=true&pageSize=0')).body.data;

/** An editable deployment and a version to upgrade it to. */
async function upgradable(api: DocumentedClient): Promise<{ id: number; version: string }> {
  const apps: { appName: string; version: string }[] = (await api.call('GET', '/v1/app?pageSize=0')).body.apps;
  for (const dep of await editable(api)) {
    const other = apps.find((a) => a.appName === dep.appName && a.version !== dep.version);
    if (other) return { id: dep.id, version: other.version };
  }
  throw new RangeError('no deployment can be upgraded');
}

/** An editable deployment and a version it once ran successfully. */
async function rollbackable(api: DocumentedClient): Promise<{ id: number; version: string }> {
  for (const dep of await editable(api)) {
    const history: { version: string; status: number }[] = (await api.call('GET', `/v1/deploy/id/${dep.id}?field=historyVersion`)).body.data.historyVersion;
    const ran = history.find((h) => h.version !== dep.version && (h.status === 5 || h.status === 6));
    if (ran) return { id: dep.id, version: ran.version };
  }
  throw new RangeError('no deployment can be rolled back');
}

const endpoints: DocumentedEndpoint[] = [
  // User Management
  {
    method: 'POST',
    path: '/v1/authorization',
    section: 'User Management 1. Login',
    valid: async (api) => {
      await newcomer(api);
      return { path: '/v1/authorization', body: NEWCOMER, signedIn: false, status: OK };
    },
    invalid: () => ({ path: '/v1/authorization', body: { user: 'u1' }, signedIn: false, status: 422 }),
  },
  {
    method: 'PUT',
    path: '/v1/authorization',
    section: 'User Management 2. Update Token',
    valid: () => ({ path: '/v1/authorization', status: OK }),
    invalid: () => ({ path: '/v1/authorization', headers: NO_TOKEN, status: 401 }),
  },
  {
    method: 'POST',
    path: '/v1/user',
    section: 'User Management 3. Create User',
    valid: () => ({
      path: '/v1/user',
      body: { user: 'u1', password: 'xxX@1234', phone: '12345678910', realName: 'hello', isAdmin: true },
      signedIn: false,
      status: OK,
    }),
    invalid: () => ({
      path: '/v1/user',
      body: { user: 'u1', password: 'xxx', phone: '12345678910', realName: 'hello', isAdmin: true },
      signedIn: false,
      status: 422,
    }),
  },
  {
    method: 'PUT',
    path: '/v1/user',
    section: 'User Management 4. Update Password',
    valid: async (api) => ({
      path: '/v1/user',
      headers: { authorization: await newcomer(api) },
      body: { oldPassword: NEWCOMER.password, password: 'Reader@2027' },
      status: OK,
    }),
    invalid: () => ({ path: '/v1/user', body: { oldPassword: 'Wrong@0000', password: 'Reader@2027' }, status: 422 }),
  },
  {
    method: 'DELETE',
    path: '/v1/admin/user/{userid}',
    section: 'User Management 5. Delete User',
    valid: async (api) => ({ path: `/v1/admin/user/${await lastUser(api)}`, status: OK }),
    invalid: () => ({ path: '/v1/admin/user/99999', status: 404 }),
  },
  {
    method: 'PUT',
    path: '/v1/admin/user/{userId}/password',
    section: 'User Management 6. Reset Password',
    valid: async (api) => ({ path: `/v1/admin/user/${await lastUser(api)}/password`, body: { password: 'Reset@2026' }, status: OK }),
    invalid: async (api) => ({ path: `/v1/admin/user/${await lastUser(api)}/password`, body: { password: 'xxx' }, status: 422 }),
  },
  {
    method: 'GET',
    path: '/v1/admin/user',
    section: 'User Management 7. Get User List',
    valid: () => ({ path: '/v1/admin/user', status: OK }),
    invalid: () => ({ path: '/v1/admin/user?orderBy=phone', status: 422 }),
  },
  {
    method: 'PUT',
    path: '/v1/admin/user/{userId}',
    section: 'User Management 8. Audit User',
    valid: async (api) => ({ path: `/v1/admin/user/${await lastUser(api)}`, body: { status: 1 }, status: OK }),
    invalid: async (api) => ({ path: `/v1/admin/user/${await lastUser(api)}`, body: { status: 7 }, status: 422 }),
  },
  {
    method: 'DELETE',
    path: '/v1/authorization',
    section: 'User Management 9. Logout',
    valid: () => ({ path: '/v1/authorization', status: OK }),
    invalid: () => ({ path: '/v1/authorization', headers: NO_TOKEN, status: 401 }),
  },
  {
    method: 'GET',
    path: '/v1/authorization',
    section: 'User Management 10. Get Authorization Information',
    valid: () => ({ path: '/v1/authorization', status: OK }),
    invalid: () => ({ path: '/v1/authorization', headers: NO_TOKEN, status: 401 }),
  },
  {
    method: 'POST',
    path: '/v1/admin/user',
    section: 'User Management 11. Create Sub-User',
    valid: () => ({
      path: '/v1/admin/user',
      body: { user: 'sub1', password: 'Sub@12345', phone: '13912345678', isAdmin: false, realName: 'Sub User' },
      status: OK,
    }),
    invalid: () => ({ path: '/v1/admin/user', body: { user: 'sub1', password: 'Sub@12345', phone: '13912345678', isAdmin: false }, status: 422 }),
  },
  // Business Management
  {
    method: 'POST',
    path: '/v1/business',
    section: 'Business Management 1. Create Business',
    valid: () => ({ path: '/v1/business', body: { name: 'name', introduce: 'introduce', objective: 'objective', scale: 'scale' }, status: OK }),
    invalid: () => ({ path: '/v1/business', body: { name: 'name', introduce: 'introduce', objective: 'objective' }, status: 422 }),
  },
  {
    method: 'GET',
    path: '/v1/business',
    section: 'Business Management 2. Get Business List',
    valid: () => ({ path: '/v1/business', status: OK }),
    invalid: () => ({ path: '/v1/business?order=sideways', status: 422 }),
  },
  {
    method: 'GET',
    path: '/v1/business/id/{id}',
    section: 'Business Management 3. Get Business',
    valid: () => ({ path: '/v1/business/id/1', status: OK }),
    invalid: () => ({ path: '/v1/business/id/999', status: 404 }),
  },
  {
    method: 'PUT',
    path: '/v1/business/id/{id}',
    section: 'Business Management 4. Audit Business',
    valid: () => ({ path: '/v1/business/id/1', body: { comment: 'pass', status: 1 }, status: OK }),
    invalid: () => ({ path: '/v1/business/id/1', body: { comment: 'pass', status: 3 }, status: 422 }),
  },
  // Cluster Management
  {
    method: 'GET',
    path: '/v1/cluster',
    section: 'Cluster Management 1. Get Cluster List',
    valid: () => ({ path: '/v1/cluster?clusterLabel=all&page=1&pageSize=10', status: OK }),
    invalid: () => ({ path: '/v1/cluster?page=0', status: 422 }),
  },
  {
    method: 'POST',
    path: '/v1/cluster/label',
    section: 'Cluster Management 2. Add Label to Cluster',
    valid: async (api) => ({ path: '/v1/cluster/label', body: { clusterLabel: 'label1', clusterName: [await firstCluster(api)] }, status: OK }),
    invalid: () => ({ path: '/v1/cluster/label', body: { clusterLabel: 'label1', clusterName: ['no-such-cluster'] }, status: 404 }),
  },
  {
    method: 'DELETE',
    path: '/v1/cluster/label',
    section: 'Cluster Management 3. Delete Label',
    valid: async (api) => {
      const name = await firstCluster(api);
      const label = (await api.call('GET', `/v1/cluster/label/${name}`)).body.data[0].clusterLabel;
      return { path: '/v1/cluster/label', body: { clusterLabel: label, clusterName: [name] }, status: OK };
    },
    invalid: () => ({ path: '/v1/cluster/label', body: { clusterLabel: 'label1', clusterName: ['no-such-cluster'] }, status: 404 }),
  },
  {
    method: 'GET',
    path: '/v1/cluster/label',
    section: 'Cluster Management 4. Get Label List',
    valid: () => ({ path: '/v1/cluster/label', status: OK }),
    invalid: () => ({ path: '/v1/cluster/label', headers: NO_TOKEN, status: 401 }),
  },
  {
    method: 'GET',
    path: '/v1/cluster/label/{clusterName}',
    section: 'Cluster Management 5. Get Label',
    valid: async (api) => ({ path: `/v1/cluster/label/${await firstCluster(api)}?page=1&pageSize=10`, status: OK }),
    invalid: () => ({ path: '/v1/cluster/label/no-such-cluster?page=1&pageSize=10', status: 404 }),
  },
  // Node Management
  {
    method: 'GET',
    path: '/v1/node',
    section: 'Node Management 1. Get Node List',
    valid: () => ({ path: '/v1/node', status: OK }),
    invalid: () => ({ path: '/v1/node?pageSize=-1', status: 422 }),
  },
  {
    method: 'POST',
    path: '/v1/node/label',
    section: 'Node Management 2. Add Label to Node',
    valid: async (api) => {
      const node = await firstNode(api);
      return { path: '/v1/node/label', body: { nodeLabel: 'label1', clusterName: node.clusterName, nodeName: [node.nodeName] }, status: OK };
    },
    invalid: async (api) => ({
      path: '/v1/node/label',
      body: { nodeLabel: 'label1', clusterName: (await firstNode(api)).clusterName, nodeName: ['no-such-node'] },
      status: 404,
    }),
  },
  {
    method: 'DELETE',
    path: '/v1/node/label',
    section: 'Node Management 3. Delete Label',
    valid: async (api) => {
      const node = await firstNode(api);
      const body = { nodeLabel: 'label1', clusterName: node.clusterName, nodeName: [node.nodeName] };
      await api.call('POST', '/v1/node/label', body);
      return { path: '/v1/node/label', body, status: OK };
    },
    invalid: async (api) => {
      const node = await firstNode(api);
      return { path: '/v1/node/label', body: { nodeLabel: 'label1', clusterName: node.clusterName, nodeName: [node.nodeName] }, status: 404 };
    },
  },
  {
    method: 'GET',
    path: '/v1/node/label',
    section: 'Node Management 4. Get Label List',
    valid: async (api) => ({ path: `/v1/node/label?clusterName=${await firstCluster(api)}`, status: OK }),
    invalid: () => ({ path: '/v1/node/label?clusterName=no-such-cluster', status: 404 }),
  },
  // Repository Management
  {
    method: 'GET',
    path: '/v1/repository/image',
    section: 'Repository Management 1. Get Images',
    valid: () => ({ path: '/v1/repository/image', status: OK }),
    invalid: () => ({ path: '/v1/repository/image?order=sideways', status: 400 }),
  },
  {
    method: 'GET',
    path: '/v1/repository/image/tag',
    section: 'Repository Management 2. Get Tag of Image',
    valid: async (api) => ({ path: `/v1/repository/image/tag?imageName=${await firstImage(api)}`, status: OK }),
    invalid: () => ({ path: '/v1/repository/image/tag', status: 400 }),
  },
  {
    method: 'DELETE',
    path: '/v1/repository/image',
    section: 'Repository Management 3. Delete Image',
    valid: async (api) => ({ path: '/v1/repository/image', body: { imageName: [await firstImage(api)] }, status: OK }),
    invalid: () => ({ path: '/v1/repository/image', body: { imageName: [] }, status: 400 }),
  },
  {
    method: 'DELETE',
    path: '/v1/repository/image/tag',
    section: 'Repository Management 4. Delete Tag of Image',
    valid: async (api) => ({ path: '/v1/repository/image/tag', body: { imageName: await firstImage(api), tag: ['latest'] }, status: OK }),
    invalid: async (api) => ({ path: '/v1/repository/image/tag', body: { imageName: await firstImage(api), tag: ['no-such-tag'] }, status: 404 }),
  },
  {
    method: 'POST',
    path: '/v1/repository/user',
    section: 'Repository Management 5. Create User',
    valid: async (api) => ({
      path: '/v1/repository/user',
      headers: { authorization: await newcomer(api) },
      body: { user: 'user1', password: 'Harbor@123' },
      status: OK,
    }),
    invalid: async (api) => ({
      path: '/v1/repository/user',
      headers: { authorization: await newcomer(api) },
      body: { user: 'user1', password: 'xxxx' },
      status: 400,
    }),
  },
  {
    method: 'PUT',
    path: '/v1/repository/user',
    section: 'Repository Management 6. Update Password',
    valid: () => ({ path: '/v1/repository/user', body: { password: 'Harbor@123' }, status: OK }),
    invalid: () => ({ path: '/v1/repository/user', body: { password: 'xxxx' }, status: 400 }),
  },
  {
    method: 'GET',
    path: '/v1/repository/project',
    section: 'Repository Management 7. Get Projects of Repository',
    valid: () => ({ path: '/v1/repository/project', status: OK }),
    invalid: () => ({ path: '/v1/repository/project?public=maybe', status: 400 }),
  },
  {
    method: 'POST',
    path: '/v1/repository/project',
    section: 'Repository Management 8. Create Project',
    valid: () => ({ path: '/v1/repository/project', body: { projectName: 'calico', public: true }, status: OK }),
    invalid: () => ({ path: '/v1/repository/project', body: { projectName: 'Calico!', public: true }, status: 400 }),
  },
  {
    method: 'DELETE',
    path: '/v1/repository/project',
    section: 'Repository Management 9. Delete Project',
    valid: async (api) => {
      await api.call('POST', '/v1/repository/project', { projectName: 'calico', public: true });
      const id = (await api.call('GET', '/v1/repository/project?projectName=calico')).body.data[0].projectId;
      return { path: '/v1/repository/project', body: { projectId: [id] }, status: OK };
    },
    invalid: () => ({ path: '/v1/repository/project', body: { projectId: [99999] }, status: 404 }),
  },
  {
    method: 'POST',
    path: '/v1/repository/third',
    section: 'Repository Management 10. Create External Repository',
    valid: () => ({ path: '/v1/repository/third', body: { repositoryId: 'repo1', address: '127.0.0.1', user: 'user1', password: 'password1' }, status: OK }),
    invalid: () => ({ path: '/v1/repository/third', body: { repositoryId: 'repo1', address: '127.0.0.1', user: 'user1' }, status: 422 }),
  },
  {
    method: 'DELETE',
    path: '/v1/repository/third',
    section: 'Repository Management 11. Delete External Repository',
    valid: async (api) => ({
      path: '/v1/repository/third',
      body: { repositoryId: [(await api.call('GET', '/v1/repository/third')).body.data[0].repositoryId] },
      status: OK,
    }),
    invalid: () => ({ path: '/v1/repository/third', body: { repositoryId: ['repo1', 'repo2'] }, status: 404 }),
  },
  {
    method: 'GET',
    path: '/v1/repository/third',
    section: 'Repository Management 12. Get External Repository List',
    valid: () => ({ path: '/v1/repository/third?pageSize=0', status: OK }),
    invalid: () => ({ path: '/v1/repository/third?order=sideways', status: 422 }),
  },
  {
    method: 'GET',
    path: '/v1/repository/third/{repoId}',
    section: 'Repository Management 13. Get External Repository',
    valid: async (api) => ({ path: `/v1/repository/third/${(await api.call('GET', '/v1/repository/third')).body.data[0].repositoryId}`, status: OK }),
    invalid: () => ({ path: '/v1/repository/third/repol', status: 404 }),
  },
  // Application Management
  {
    method: 'POST',
    path: '/v1/app',
    section: 'Application Management 1. Create Application',
    valid: () => ({ path: '/v1/app', body: APP, status: OK }),
    invalid: () => ({ path: '/v1/app', body: { ...APP, port: undefined }, status: 422 }),
  },
  {
    method: 'DELETE',
    path: '/v1/app',
    section: 'Application Management 2. Delete Application',
    valid: async (api) => {
      await api.call('POST', '/v1/app', APP);
      const id = (await api.call('GET', `/v1/app?appName=${APP.appName}&appNameMode=strict`)).body.apps[0].id;
      return { path: '/v1/app', body: { appId: [id] }, status: OK };
    },
    invalid: () => ({ path: '/v1/app', body: { appId: [99999] }, status: 404 }),
  },
  {
    method: 'GET',
    path: '/v1/app',
    section: 'Application Management 3. List Applications',
    valid: () => ({ path: '/v1/app', status: OK }),
    invalid: () => ({ path: '/v1/app?appName=nginx&appNameMode=fuzzy', status: 422 }),
  },
  {
    method: 'GET',
    path: '/v1/app/{appId}',
    section: 'Application Management 4. Get Application',
    valid: () => ({ path: '/v1/app/1', status: OK }),
    invalid: () => ({ path: '/v1/app/99999', status: 404 }),
  },
  {
    method: 'POST',
    path: '/v1/app/chart',
    section: 'Application Management 5. Upload Helm Chart to Create Application',
    // The example's `curl -F "version=1.2" -F "appName=test1" -F "chart=@file"`; the same fields as JSON are the wrong media type.
    valid: () => ({ path: '/v1/app/chart', body: chartForm(gzipSync('test1-1.2.tgz')), status: OK }),
    invalid: () => ({ path: '/v1/app/chart', body: { appName: 'test1', version: '1.2', chart: gzipSync('test1-1.2.tgz').toString('base64') }, status: 415 }),
  },
  // Deployment Management
  {
    method: 'POST',
    path: '/v1/deploy',
    section: 'Deployment Management 1. Create Deployment',
    valid: async (api) => {
      const app = (await api.call('GET', '/v1/app?pageSize=1')).body.apps[0];
      return {
        path: '/v1/deploy',
        body: { deployName: 'deploy1', appName: app.appName, version: app.version, cluster: 'all', nodeLabel: 'all', comment: '' },
        status: OK,
      };
    },
    invalid: () => ({ path: '/v1/deploy', body: { appName: 'nginx1', version: '1.2', cluster: 'all', nodeLabel: 'all', comment: '' }, status: 422 }),
  },
  {
    method: 'DELETE',
    path: '/v1/deploy/{deployName}',
    section: 'Deployment Management 2. Delete Deployment',
    valid: async (api) => ({ path: `/v1/deploy/${(await editable(api))[0].deployName}`, status: OK }),
    invalid: () => ({ path: '/v1/deploy/deploy1', status: 404 }),
  },
  {
    method: 'POST',
    path: '/v1/deploy/id/{deployId}',
    section: 'Deployment Management 3. Upgrade Deployment',
    valid: async (api) => {
      const { id, version } = await upgradable(api);
      return { path: `/v1/deploy/id/${id}`, body: { version, comment: 'upgrade' }, status: OK };
    },
    invalid: async (api) => ({ path: `/v1/deploy/id/${(await upgradable(api)).id}`, body: { comment: 'upgrade' }, status: 422 }),
  },
  {
    method: 'GET',
    path: '/v1/deploy',
    section: 'Deployment Management 4. List Deployment',
    valid: () => ({ path: '/v1/deploy?pageSize=10&page=1', status: OK }),
    invalid: () => ({ path: '/v1/deploy?editable=maybe', status: 422 }),
  },
  {
    method: 'PUT',
    path: '/v1/deploy/id/{deployId}',
    section: 'Deployment Management 5. Rollback Deployment',
    valid: async (api) => {
      const { id, version } = await rollbackable(api);
      return { path: `/v1/deploy/id/${id}`, body: { version, comment: 'rollback' }, status: OK };
    },
    invalid: async (api) => ({ path: `/v1/deploy/id/${(await rollbackable(api)).id}`, body: { version: '9.9', comment: 'rollback' }, status: 422 }),
  },
  {
    method: 'GET',
    path: '/v1/deploy/id/{deployId}',
    section: 'Deployment Management 6. Get Deployment',
    valid: () => ({ path: '/v1/deploy/id/1', status: OK }),
    invalid: () => ({ path: '/v1/deploy/id/abc', status: 422 }),
  },
  {
    method: 'DELETE',
    path: '/v1/deploy/id/{deployId}',
    section: 'Deployment Management 7. Delete Deployment',
    valid: async (api) => ({ path: `/v1/deploy/id/${(await editable(api))[0].id}`, status: OK }),
    invalid: () => ({ path: '/v1/deploy/id/99999', status: 404 }),
  },
  {
    method: 'PUT',
    path: '/v1/admin/deploy',
    section: 'Deployment Management 8. Audit Deployment',
    valid: async (api) => {
      const audit = (await api.call('GET', '/v1/admin/deploy?pageSize=0')).body.data.find((a: { status: number }) => a.status === 0);
      return { path: '/v1/admin/deploy', body: { id: audit.id, status: 0, comment: 'xxxx' }, status: OK };
    },
    // The document's own example: a valid body naming an audit that does not exist.
    invalid: () => ({ path: '/v1/admin/deploy', body: { id: 123456, status: 0, comment: 'xxxx' }, status: 404 }),
  },
  {
    method: 'GET',
    path: '/v1/admin/deploy',
    section: 'Deployment Management 9. List Audit List of Deployment',
    valid: () => ({ path: '/v1/admin/deploy', status: OK }),
    invalid: () => ({ path: '/v1/admin/deploy?order=sideways', status: 422 }),
  },
];

const isEnvelope = (body: unknown): body is { code: unknown; message: unknown } =>
  typeof body === 'object' && body !== null && 'code' in body && typeof (body as { message?: unknown }).message === 'string';

export const documented: DocumentedApi = {
  document: '004_9524d3ccfb313abf.txt',
  async signIn(baseUrl, credentials) {
    const res = await fetch(`${baseUrl}/v1/authorization`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: credentials.user, password: credentials.password }),
    });
    const body = (await res.json()) as { token: string };
    // The token goes raw in Authorization, without "Bearer".
    return { authorization: body.token };
  },
  // Every answer is {code, message}, code equal to the HTTP status.
  isSuccess: (status, body) => status === OK && isEnvelope(body) && body.code === OK,
  isError: (status, body) => status >= 400 && isEnvelope(body) && body.code === status,
  endpoints,
};
