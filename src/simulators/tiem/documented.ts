import type { DocumentedApi, DocumentedClient } from '../kit/documented.js';

/**
 * The endpoints of document 000 (TiEM's cluster API), in its order. The document writes
 * its paths under the `/api/v1` base its examples call; the route paths include it.
 */

const BASE = '/api/v1/clusters';
const UNKNOWN_ID = 'nOsUcHcLuStEr000000000';

/** The document's create example with its placeholders filled in as a client fills them. */
const createBody = (clusterName: string) => ({
  clusterName,
  clusterType: 'TiDB',
  clusterVersion: 'v6.1.0',
  copies: 3,
  cpuArchitecture: 'X86_64',
  dbPassword: 'Secr3t!pass',
  dbUser: 'app_admin',
  exclusive: false,
  parameterGroupID: 'default-v6.1.0',
  region: 'CN-HANGZHOU',
  resourceParameters: {
    instanceResource: ['PD', 'TiKV', 'TiDB'].map((componentType) => ({
      componentType,
      resource: [{ count: 3, diskCapacity: 200, diskId: '', diskType: 'SSD', hostIp: '', specCode: '8C16G', zoneCode: 'CN-HANGZHOU-H' }],
      totalNodeCount: 3,
    })),
    requestResourceMode: 'SpecificZone',
  },
  tags: ['doc'],
  tls: false,
  vendor: 'Local',
});

const takeoverBody = {
  TiUPIp: '172.16.4.147',
  TiUPPath: '.tiup/',
  TiUPPort: 22,
  TiUPUserName: 'root',
  TiUPUserPassword: 'password',
  clusterName: 'myClusterName',
  dbPassword: 'myPassword',
};

/** A seeded cluster that is running with no maintenance under way, as stop and restart need. */
async function idleRunningCluster(api: DocumentedClient): Promise<string> {
  const res = await api.call('GET', `${BASE}/?clusterStatus=Running&pageSize=100`);
  const idle = (res.body.data.clusters as Array<{ clusterId: string; maintainStatus: string }>).find((c) => c.maintainStatus === '');
  return idle?.clusterId ?? UNKNOWN_ID;
}

export const documented: DocumentedApi = {
  document: '000_d73744e4cdc4d0ea.txt',
  async signIn(baseUrl, credentials) {
    const res = await fetch(`${baseUrl}/api/v1/user/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName: credentials.userName, userPassword: credentials.userPassword }),
    });
    const body = (await res.json()) as { data?: { token?: string } };
    return { authorization: `Bearer ${body.data?.token ?? ''}` };
  },
  // controller.CommonResult (and ResultWithPage): code 0 is success, any other code an error.
  isSuccess: (status, body) => status === 200 && isEnvelope(body) && body.code === 0 && 'data' in body,
  isError: (status, body) => status >= 400 && isEnvelope(body) && body.code !== 0,
  endpoints: [
    {
      method: 'GET',
      path: `${BASE}/`,
      section: '/clusters/ GET: query clusters',
      valid: () => ({ path: `${BASE}/?page=1&pageSize=10`, status: 200 }),
      invalid: () => ({ path: `${BASE}/?page=1&pageSize=10`, signedIn: false, status: 401 }),
    },
    {
      method: 'POST',
      path: `${BASE}/`,
      section: '/clusters/ POST: create a cluster',
      valid: () => ({ path: `${BASE}/`, body: createBody('tidb-documented'), status: 200 }),
      invalid: () => {
        const { clusterName: _, ...body } = createBody('tidb-documented');
        return { path: `${BASE}/`, body, status: 400 };
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/{clusterId}`,
      section: '/clusters/{clusterId} DELETE: delete cluster',
      valid: async (api) => ({
        path: `${BASE}/${await idleRunningCluster(api)}`,
        body: { autoBackup: true, force: true, keepHistoryBackupRecords: true },
        status: 200,
      }),
      invalid: () => ({ path: `${BASE}/${UNKNOWN_ID}`, body: { autoBackup: true, force: true, keepHistoryBackupRecords: true }, status: 404 }),
    },
    {
      method: 'GET',
      path: `${BASE}/{clusterId}`,
      section: '/clusters/{clusterId} GET: show details of a cluster',
      valid: async (api) => ({ path: `${BASE}/${await idleRunningCluster(api)}`, status: 200 }),
      invalid: () => ({ path: `${BASE}/${UNKNOWN_ID}`, status: 404 }),
    },
    {
      method: 'POST',
      path: `${BASE}/{clusterId}/stop`,
      section: '/clusters/{clusterId}/stop POST: stop a cluster',
      valid: async (api) => ({ path: `${BASE}/${await idleRunningCluster(api)}/stop`, status: 200 }),
      invalid: () => ({ path: `${BASE}/${UNKNOWN_ID}/stop`, status: 404 }),
    },
    {
      method: 'POST',
      path: `${BASE}/{clusterId}/restart`,
      section: '/clusters/{clusterId}/restart POST: restart a cluster',
      valid: async (api) => ({ path: `${BASE}/${await idleRunningCluster(api)}/restart`, status: 200 }),
      invalid: () => ({ path: `${BASE}/${UNKNOWN_ID}/restart`, status: 404 }),
    },
    {
      method: 'POST',
      path: `${BASE}/takeover`,
      section: '/clusters/takeover POST: takeover a cluster',
      valid: () => ({ path: `${BASE}/takeover`, body: takeoverBody, status: 200 }),
      invalid: () => ({ path: `${BASE}/takeover`, body: { ...takeoverBody, TiUPPort: '22' }, status: 400 }),
    },
  ],
};

function isEnvelope(body: unknown): body is { code: number; message: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { code?: unknown }).code === 'number' &&
    typeof (body as { message?: unknown }).message === 'string'
  );
}
