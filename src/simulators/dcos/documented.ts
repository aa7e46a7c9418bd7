import type { DocumentedApi, DocumentedClient } from '../kit/documented.js';

/**
 * The endpoints of document 002 (the Linker DC/OS cluster manager), in its order: its
 * thirty-three numbered sections, then the two 3.0 additions (components, logs). Ids the
 * examples act on are read from the seeded fleet; the document's own ids stand for ones
 * the simulator does not know.
 */

/** An ObjectId no seeded record has (the document's own cluster id). */
const UNKNOWN = '59bb43f8284ae3000bf663ea';
/** A private key as the document's requests carry one (the simulator only stores it). */
const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAo+lO2hhDo6wkRZSk32qmYTN8Hdao1BFreJE2bZNcbwkb0daY\n-----END RSA PRIVATE KEY-----';
const PUBKEY =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDTqvb0YAXZpQA4ci5RgbjKUQxwwJFIOKRzOQvZdfRhQx3aZ762I5vOahAk4ILMflxDPybNyB3pJI7uwuQ2bT8A2vTKbW57luoG2iFJngTN7XJZdbaD8cprNJiGqJiczPpQl5kty3E55U6gC4/X7CsI40QNnh/Kb0VFNYj57eryCxN/q3Bl42PSkmakryxd+fsRXbSqK35COnTLJrndKVwIYbYySD1OKeYCWgiBH87WSZLkVrlEfRauX/KLSZdY9aX/earfxym8XPbdp+8ZUJvlEBnLS/rpOkDHCq8bUWLRRoaqaxtxPMrWAUpXvLTZ9euMG3xQaVvpGUII7wkl9gb5 root@centosdesktop';

const node = (ip: string) => ({ ip, sshUser: 'root', privateKey: KEY, privateNicName: 'eth0' });

const googleProvider = (userId: string) => ({
  name: 'provider',
  user_id: userId,
  type: 'google',
  sshUser: 'root',
  googleInfo: {
    'google-project': 'project',
    'google-zone': 'zone',
    'google-machine-type': 'type',
    'google-machine-image': 'image',
    'google-network': 'network',
    'google-username': 'username',
    'google-disk-size': 'size',
    'google-disk-type': 'type',
    'google-use-internal-ip': 'ip',
    'google-tags': 'tags',
    'google-applocation-credentials': 'credentials',
  },
});

const smtpBody = { name: 'username', address: 'smtp.qiye.163.com', passwd: 'password' };

async function data(api: DocumentedClient, path: string): Promise<any> {
  return (await api.call('GET', path)).body.data;
}

/** The signed-in administrator's user id, as the seeded clusters it owns carry it. */
const adminId = async (api: DocumentedClient): Promise<string> => (await data(api, '/v1/cluster?username=sysadmin&limit=1'))[0].user_id;

const firstId = async (api: DocumentedClient, path: string): Promise<string> => (await data(api, `${path}?limit=1`))[0]._id;

const runningCluster = async (api: DocumentedClient): Promise<string> => (await data(api, '/v1/cluster?status=RUNNING&limit=1'))[0]._id;

/** A running customized cluster with a running pure agent it can spare. */
async function spareAgent(api: DocumentedClient): Promise<{ clusterId: string; hostId: string }> {
  for (const c of await data(api, '/v1/cluster?status=RUNNING')) {
    const running = (await data(api, `/v1/cluster/${c._id}/hosts?status=RUNNING`)) as Array<{ hostId: string; isSlaveNode: boolean; isSharedNode: boolean }>;
    const spare = running.find((h) => h.isSlaveNode && !h.isSharedNode);
    if (c.type === 'customized' && spare && running.length - 1 >= (c.createCategory === 'ha' ? 5 : 2)) return { clusterId: c._id, hostId: spare.hostId };
  }
  return { clusterId: UNKNOWN, hostId: UNKNOWN };
}

/** A registry attached to the cluster (every seeded cluster pulls from the system registry). */
async function attachedRegistry(api: DocumentedClient): Promise<{ clusterId: string; registryId: string }> {
  const cluster = (await data(api, '/v1/cluster?status=RUNNING&limit=1'))[0];
  return { clusterId: cluster._id, registryId: cluster.dockerRegistries[0]._id };
}

/** A public key attached to a running cluster by the example itself. */
async function attachedPubkey(api: DocumentedClient): Promise<{ clusterId: string; pubkeyId: string }> {
  const clusterId = await runningCluster(api);
  const pubkeyId = await firstId(api, '/v1/pubkey');
  await api.call('POST', `/v1/cluster/${clusterId}/pubkey`, { ids: [pubkeyId] });
  return { clusterId, pubkeyId };
}

async function newRegistry(api: DocumentedClient): Promise<string> {
  const res = await api.call('POST', '/v1/dockerregistries', {
    name: 'scratch',
    registry: '192.168.10.96:5000',
    user_id: await adminId(api),
    isSystemRegistry: false,
  });
  return res.body.data._id;
}

async function newProvider(api: DocumentedClient): Promise<string> {
  return (await api.call('POST', '/v1/provider', googleProvider(await adminId(api)))).body.data._id;
}

export const documented: DocumentedApi = {
  document: '002_869a18dec60c678f.txt',
  async signIn(baseUrl, credentials) {
    const res = await fetch(`${baseUrl}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: credentials.email, password: credentials.password, tenantname: credentials.tenantname }),
    });
    const body = (await res.json()) as { data?: { id?: string } };
    return { 'x-auth-token': body.data?.id ?? '' };
  },
  // `{success: true, data?, count?}`; the private-key download is the one answer that is the key itself.
  isSuccess: (status, body) =>
    status === 200 && (isObject(body) ? body.success === true : typeof body === 'string' && body.startsWith('-----BEGIN RSA PRIVATE KEY-----')),
  isError: (status, body) =>
    status >= 400 &&
    isObject(body) &&
    body.success === false &&
    isObject(body.error) &&
    typeof body.error.code === 'string' &&
    typeof body.error.errormsg === 'string',
  endpoints: [
    {
      method: 'POST',
      path: '/v1/cluster',
      section: '一 创建集群',
      valid: async (api) => ({
        path: '/v1/cluster',
        body: {
          name: 'cluster',
          owner: 'sysadmin',
          masterCount: 1,
          sharedCount: 1,
          pureslaveCount: 0,
          user_id: await adminId(api),
          masterNodes: [node('192.168.250.212')],
          sharedNodes: [node('192.168.250.213')],
          type: 'customized',
          createCategory: 'compact',
          dockerRegistries: [{ _id: '59bb43f8284ae3000bf663e7', name: 'registry_name', registry: '192.168.10.95:5000', isSystemRegistry: true }],
        },
        status: 200,
      }),
      invalid: async (api) => ({ path: '/v1/cluster', body: { user_id: await adminId(api), masterCount: 1, sharedCount: 1, type: 'customized' }, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/cluster',
      section: '二 查询所有集群',
      valid: async (api) => ({ path: `/v1/cluster?count=true&user_id=${await adminId(api)}`, status: 200 }),
      invalid: () => ({ path: '/v1/cluster?count=true&skip=-1', status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/cluster/{cluster_id}',
      section: '三 查询单个集群信息',
      valid: async (api) => ({ path: `/v1/cluster/${await firstId(api, '/v1/cluster')}`, status: 200 }),
      invalid: () => ({ path: `/v1/cluster/${UNKNOWN}`, status: 500 }),
    },
    {
      method: 'DELETE',
      path: '/v1/cluster/{cluster_id}',
      section: '四 删除集群',
      valid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}`, status: 200 }),
      invalid: () => ({ path: `/v1/cluster/${UNKNOWN}`, status: 500 }),
    },
    {
      method: 'POST',
      path: '/v1/cluster/{cluster_id}/hosts',
      section: '五 添加节点',
      valid: async (api) => {
        const { clusterId } = await spareAgent(api);
        return {
          path: `/v1/cluster/${clusterId}/hosts`,
          body: {
            clusterId,
            sharedCount: 0,
            pureslaveCount: 1,
            addMode: 'reuse',
            pureslaveNodes: [node('192.168.250.214')],
            dockerRegistries: [{ _id: '59bb43f8284ae3000bf663e7', registry: '192.168.10.95:5000', isSystemRegistry: true }],
          },
          status: 200,
        };
      },
      invalid: async (api) => {
        const { clusterId } = await spareAgent(api);
        return {
          path: `/v1/cluster/${clusterId}/hosts`,
          body: { clusterId, sharedCount: 0, pureslaveCount: 1, addMode: 'reuse', pureslaveNodes: [] },
          status: 500,
        };
      },
    },
    {
      method: 'DELETE',
      path: '/v1/cluster/{cluster_id}/hosts',
      section: '六 删除节点',
      valid: async (api) => {
        const { clusterId, hostId } = await spareAgent(api);
        return { path: `/v1/cluster/${clusterId}/hosts`, body: { host_ids: [hostId] }, status: 200 };
      },
      invalid: async (api) => ({ path: `/v1/cluster/${(await spareAgent(api)).clusterId}/hosts`, body: { host_ids: [] }, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/cluster/{cluster_id}/hosts',
      section: '七 查询一个集群中的所有节点',
      valid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}/hosts`, status: 200 }),
      invalid: () => ({ path: `/v1/cluster/${UNKNOWN}/hosts`, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/cluster/{cluster_id}/hosts/{host_id}',
      section: '八 查询集群中某个节点信息',
      valid: async (api) => {
        const { clusterId, hostId } = await spareAgent(api);
        return { path: `/v1/cluster/${clusterId}/hosts/${hostId}`, status: 200 };
      },
      invalid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}/hosts/${UNKNOWN}`, status: 500 }),
    },
    {
      method: 'POST',
      path: '/v1/cluster/{cluster_id}/pubkey',
      section: '九 给集群添加pubkey',
      valid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}/pubkey`, body: { ids: [await firstId(api, '/v1/pubkey')] }, status: 200 }),
      invalid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}/pubkey`, body: { ids: [UNKNOWN] }, status: 500 }),
    },
    {
      method: 'DELETE',
      path: '/v1/cluster/{cluster_id}/pubkey',
      section: '十 删除集群中pubkey',
      valid: async (api) => {
        const { clusterId, pubkeyId } = await attachedPubkey(api);
        return { path: `/v1/cluster/${clusterId}/pubkey`, body: { ids: [pubkeyId] }, status: 200 };
      },
      invalid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}/pubkey`, body: { ids: ['not-an-id'] }, status: 500 }),
    },
    {
      method: 'POST',
      path: '/v1/cluster/{cluster_id}/registry',
      section: '十一 给集群添加dockerregistry',
      valid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}/registry`, body: { ids: [await newRegistry(api)] }, status: 200 }),
      invalid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}/registry`, body: { ids: [UNKNOWN] }, status: 500 }),
    },
    {
      method: 'DELETE',
      path: '/v1/cluster/{cluster_id}/registry',
      section: '十二 删除集群中dockerregistry',
      valid: async (api) => {
        const { clusterId, registryId } = await attachedRegistry(api);
        return { path: `/v1/cluster/${clusterId}/registry`, body: { ids: [registryId] }, status: 200 };
      },
      invalid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}/registry`, body: {}, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/cluster/validate',
      section: '十三 检查集群名称是否有效',
      valid: async (api) => ({ path: `/v1/cluster/validate?userid=${await adminId(api)}&clustername=test`, status: 200 }),
      invalid: async (api) => {
        const taken = (await data(api, '/v1/cluster?status=RUNNING&username=sysadmin&limit=1'))[0].name;
        return { path: `/v1/cluster/validate?userid=${await adminId(api)}&clustername=${taken}`, status: 500 };
      },
    },
    {
      method: 'POST',
      path: '/v1/dockerregistries',
      section: '十四 创建镜像仓库',
      valid: async (api) => ({
        path: '/v1/dockerregistries',
        body: { name: 'registry_name', registry: '192.168.10.95:5000', user_id: await adminId(api), isSystemRegistry: true },
        status: 200,
      }),
      invalid: async (api) => ({ path: '/v1/dockerregistries', body: { name: 'registry_name', user_id: await adminId(api) }, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/dockerregistries',
      section: '十五 查询dockerregistry',
      valid: async (api) => ({ path: `/v1/dockerregistries?count=true&user_id=${await adminId(api)}`, status: 200 }),
      invalid: () => ({ path: '/v1/dockerregistries?count=true&limit=many', status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/dockerregistries/{registry_id}',
      section: '十六 查询单个dockerregistry',
      valid: async (api) => ({ path: `/v1/dockerregistries/${await firstId(api, '/v1/dockerregistries')}`, status: 200 }),
      invalid: () => ({ path: `/v1/dockerregistries/${UNKNOWN}`, status: 500 }),
    },
    {
      method: 'DELETE',
      path: '/v1/dockerregistries/{registry_id}',
      section: '十七 删除dockerregistry',
      valid: async (api) => ({ path: `/v1/dockerregistries/${await newRegistry(api)}`, status: 200 }),
      // The system registry: every seeded cluster pulls from it.
      invalid: async (api) => ({ path: `/v1/dockerregistries/${await firstId(api, '/v1/dockerregistries')}`, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/dockerregistries/registryValidate',
      section: '十八 查询registry名称是否合法以及registry是否有集群正在使用',
      valid: async (api) => ({ path: `/v1/dockerregistries/registryValidate?type=name&name=jgjg&user_id=${await adminId(api)}`, status: 200 }),
      invalid: async (api) => ({ path: `/v1/dockerregistries/registryValidate?type=used&name=linkerRegistry&user_id=${await adminId(api)}`, status: 500 }),
    },
    {
      method: 'POST',
      path: '/v1/provider',
      section: '十九 添加平台',
      valid: async (api) => ({ path: '/v1/provider', body: googleProvider(await adminId(api)), status: 200 }),
      invalid: async (api) => ({ path: '/v1/provider', body: { ...googleProvider(await adminId(api)), type: 'azure' }, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/provider',
      section: '二十 查询平台',
      valid: async (api) => ({ path: `/v1/provider?count=true&user_id=${await adminId(api)}&type=google`, status: 200 }),
      invalid: () => ({ path: '/v1/provider?count=true&type=azure', status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/provider/{provider_id}',
      section: '二十一 查询单个平台信息',
      valid: async (api) => ({ path: `/v1/provider/${await firstId(api, '/v1/provider')}`, status: 200 }),
      invalid: () => ({ path: `/v1/provider/${UNKNOWN}`, status: 500 }),
    },
    {
      method: 'PUT',
      path: '/v1/provider/{provider_id}',
      section: '二十二 更新平台信息',
      valid: async (api) => {
        const id = await newProvider(api);
        const body = googleProvider(await adminId(api));
        return {
          path: `/v1/provider/${id}`,
          body: { ...body, _id: id, googleInfo: { ...body.googleInfo, 'google-project': 'project-change', 'google-zone': 'zone-change' } },
          status: 200,
        };
      },
      invalid: async (api) => ({ path: `/v1/provider/${await newProvider(api)}`, body: { ...googleProvider(await adminId(api)), _id: UNKNOWN }, status: 500 }),
    },
    {
      method: 'DELETE',
      path: '/v1/provider/{provider_id}',
      section: '二十三 删除平台信息',
      valid: async (api) => ({ path: `/v1/provider/${await newProvider(api)}`, status: 200 }),
      invalid: () => ({ path: `/v1/provider/${UNKNOWN}`, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/provider/validate',
      section: '二十四 验证平台名称是否合法',
      valid: () => ({ path: '/v1/provider/validate?provider_name=test', status: 200 }),
      invalid: async (api) => ({ path: `/v1/provider/validate?provider_name=${(await data(api, '/v1/provider?limit=1'))[0].name}`, status: 500 }),
    },
    {
      method: 'POST',
      path: '/v1/pubkey',
      section: '二十五 上传秘钥',
      valid: async (api) => ({ path: '/v1/pubkey', body: { pubkeyValue: PUBKEY, name: 'pubkey', user_id: await adminId(api) }, status: 200 }),
      invalid: async (api) => ({ path: '/v1/pubkey', body: { pubkeyValue: 'hhghghghghghg', name: 'pubkey', user_id: await adminId(api) }, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/pubkey',
      section: '二十六 查询秘钥',
      valid: async (api) => ({ path: `/v1/pubkey?user_id=${await adminId(api)}&count=true`, status: 200 }),
      invalid: () => ({ path: '/v1/pubkey?count=true&skip=-3', status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/pubkey/{pubkey_id}',
      section: '二十七 查询单个秘钥信息',
      valid: async (api) => ({ path: `/v1/pubkey/${await firstId(api, '/v1/pubkey')}`, status: 200 }),
      invalid: () => ({ path: `/v1/pubkey/${UNKNOWN}`, status: 500 }),
    },
    {
      method: 'POST',
      path: '/v1/pubkey/userSelfCreate',
      section: '二十八 创建秘钥',
      valid: async (api) => ({ path: '/v1/pubkey/userSelfCreate', body: { name: 'pubkey2', user_id: await adminId(api) }, status: 200 }),
      invalid: () => ({ path: '/v1/pubkey/userSelfCreate', body: { name: 'pubkey2' }, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/pubkey/downLoadKey/{user_id}',
      section: '二十九 下载创建的秘钥对应的私钥',
      valid: async (api) => {
        const userId = await adminId(api);
        await api.call('POST', '/v1/pubkey/userSelfCreate', { name: 'pubkey2', user_id: userId });
        return { path: `/v1/pubkey/downLoadKey/${userId}`, status: 200 };
      },
      // No key pair was generated for the user yet.
      invalid: async (api) => ({ path: `/v1/pubkey/downLoadKey/${await adminId(api)}`, status: 500 }),
    },
    {
      method: 'POST',
      path: '/v1/smtp',
      section: '三十 添加服务器',
      valid: () => ({ path: '/v1/smtp', body: smtpBody, status: 200 }),
      invalid: () => ({ path: '/v1/smtp', body: { name: 'username', address: 'smtp.qiye.163.com' }, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/smtp',
      section: '三十一 查询smtp',
      valid: () => ({ path: '/v1/smtp?count=true', status: 200 }),
      invalid: () => ({ path: '/v1/smtp?count=true&limit=-1', status: 500 }),
    },
    {
      method: 'PUT',
      path: '/v1/smtp/{smtp_id}',
      section: '三十二 更新smtp',
      valid: async (api) => ({ path: `/v1/smtp/${await firstId(api, '/v1/smtp')}`, body: { ...smtpBody, passwd: 'password-change' }, status: 200 }),
      invalid: () => ({ path: `/v1/smtp/${UNKNOWN}`, body: { ...smtpBody, passwd: 'password-change' }, status: 500 }),
    },
    {
      method: 'DELETE',
      path: '/v1/smtp/{smtp_id}',
      section: '三十三 删除smtp',
      valid: async (api) => ({ path: `/v1/smtp/${await firstId(api, '/v1/smtp')}`, status: 200 }),
      invalid: () => ({ path: `/v1/smtp/${UNKNOWN}`, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/cluster/{cluster_id}/components',
      section: '3.0新增功能：获取系统组件api',
      valid: async (api) => ({ path: `/v1/cluster/${await runningCluster(api)}/components`, status: 200 }),
      invalid: () => ({ path: `/v1/cluster/${UNKNOWN}/components`, status: 500 }),
    },
    {
      method: 'GET',
      path: '/v1/logs',
      section: '3.0修改：查询log api',
      valid: async (api) => ({ path: `/v1/logs?user_id=${await adminId(api)}&queryType=service`, status: 200 }),
      invalid: () => ({ path: '/v1/logs?count=true&skip=ten', status: 500 }),
    },
  ],
};

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
