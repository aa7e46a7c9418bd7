import type { DocumentedApi, DocumentedCall, DocumentedClient, DocumentedEndpoint } from '../kit/documented.js';
import type { HttpMethod } from '../kit/definition.js';
import { FAILED_TASKS } from './model.js';
import { PARAMETER_GROUP } from './present.js';
import { dwsSimulator } from './index.js';

/**
 * Document 003's endpoints in its order: the 64 of chapter 5 (API reference), with the
 * IAM token call of 3.2 first and the v2 creation call of 6.1 last, the two other calls
 * the document describes with a request and a response. Each example is the document's
 * own where it names one, with this region's AZs and the seeded fleet's ids.
 */

const UNKNOWN = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';

const loginBody = (c: Record<string, string | undefined>) => ({
  auth: {
    identity: { methods: ['password'], password: { user: { name: c.user, password: c.password, domain: { name: c.domain } } } },
    scope: { project: { name: c.project } },
  },
});

/** The demo credentials the simulator starts with (the same resolution as the simulator kit's). */
const demoCredentials = () => Object.fromEntries(Object.entries(dwsSimulator.credentials).map(([name, c]) => [name, process.env[c.env] || c.value]));

/** 8.4: the project id comes from IAM's project list. */
async function projectId(api: DocumentedClient): Promise<string> {
  return (await api.call('GET', '/v3/projects')).body.projects[0].id;
}

type Call = (pid: string, api: DocumentedClient) => DocumentedCall | Promise<DocumentedCall>;
const inProject = (f: Call) => async (api: DocumentedClient) => f(await projectId(api), api);

interface Cluster {
  id: string;
  status: string;
  sub_status: string | null;
  task_status: string | null;
  number_of_node: number;
}

const takesOperations = (c: Cluster) =>
  (c.status === 'AVAILABLE' || c.status === 'ACTIVE') && (c.task_status === null || (FAILED_TASKS as readonly string[]).includes(c.task_status));

/** A seeded cluster that takes operations and passes `fits` (which may look at more of it through the API). */
async function cluster(api: DocumentedClient, pid: string, fits: (c: Cluster) => boolean | Promise<boolean> = () => true): Promise<Cluster> {
  const all: Cluster[] = (await api.call('GET', `/v1.0/${pid}/clusters`)).body.clusters;
  for (const c of all) if (takesOperations(c) && (await fits(c))) return c;
  throw new RangeError('no seeded cluster fits this example');
}

async function snapshot(api: DocumentedClient, pid: string, fits: (s: { id: string; type: string; status: string; cluster_id: string }) => boolean) {
  const list = (await api.call('GET', `/v1.0/${pid}/snapshots`)).body.snapshots as { id: string; type: string; status: string; cluster_id: string }[];
  const clusters = new Set(((await api.call('GET', `/v1.0/${pid}/clusters`)).body.clusters as Cluster[]).map((c) => c.id));
  const s = list.find((x) => fits(x) && clusters.has(x.cluster_id));
  if (!s) throw new RangeError('no seeded snapshot fits this example');
  return s;
}

const unsigned = (path: string): DocumentedCall => ({ path, signedIn: false, status: 401 });
/** A call on another tenant's project, which the token is not scoped to (DWS.5045, a 400 in the error table). */
const otherProject = (path: string): DocumentedCall => ({ path: path.replace('{project_id}', '0'.repeat(32)), status: 400 });
const unknownCluster =
  (path: (id: string) => string): Call =>
  (pid) => ({ path: path(UNKNOWN).replace('{project_id}', pid), status: 404 });

const SMN_TOPIC = (pid: string) => `urn:smn:cn-north-4:${pid}:dws-test-nodelete`;
const alarmSub = (pid: string, name = 'zrf-test-12') => ({
  alarm_level: 'urgent,important,minor',
  enable: 1,
  name,
  notification_target: SMN_TOPIC(pid),
  notification_target_name: 'dws-test-nodelete',
  notification_target_type: 'SMN',
  time_zone: 'GMT+08:00',
});
const eventSub = (pid: string) => ({
  severity: 'normal,warning',
  source_id: '',
  source_type: '',
  tag: '',
  category: '',
  enable: 1,
  name: 'zrf-test-66',
  notification_target: SMN_TOPIC(pid),
  notification_target_name: 'dws-test-nodelete',
  notification_target_type: 'SMN',
  time_zone: 'GMT+08:00',
});
const createV1 = (name: string) => ({
  cluster: {
    node_type: 'dws.m1.xlarge.ultrahigh',
    number_of_node: 3,
    subnet_id: '374eca02-cfc4-4de7-8ab5-dbebf7d9a720',
    security_group_id: 'dc3ec145-9029-4b39-b5a3-ace5a01f772b',
    vpc_id: '85b20d7e-9eb7-4b2a-98f3-3c8843ea3574',
    availability_zone: 'cn-north-4a',
    port: 8000,
    name,
    user_name: 'dbadmin',
    user_pwd: 'Passw0rd!',
    public_ip: { public_bind_type: 'auto_assign', eip_id: '' },
    enterprise_project_id: 'aca4e50a-266f-4786-827c-f8d6cc3fbada',
  },
});
const createV2 = (name: string) => ({
  cluster: {
    flavor: 'dwsx2.rt.xlarge.m6',
    num_node: 3,
    subnet_id: '050e154d-9954-4929-b6d3-12af7c9213ac',
    security_group_id: '',
    vpc_id: '050e154d-9954-4929-b6d3-12af7c9213ac',
    db_port: 8000,
    datastore_version: '8.1.3.320',
    availability_zones: ['cn-north-4c'],
    name,
    num_cn: 3,
    db_name: 'dbadmin',
    db_password: 'Passw0rd!',
    public_ip: { public_bind_type: 'auto_assign', eip_id: '' },
    volume: { volume: 'SSD', capacity: '100' },
  },
});
const precheck = {
  cluster: {
    flavor: 'dws.m3.xlarge',
    num_node: 3,
    availability_zones: ['cn-north-4a'],
    vpc_id: 'c9f1171e-dc90-4ae9-bf22-f9736983ce2d',
    subnet_id: 'ad9ef23f-1d03-4e52-af80-69604645e109',
    security_group_id: 'f54a4572-d5d2-40b6-823a-79049bd5b71c',
    public_ip: { public_bind_type: 'bind_existing', eip_id: '1923e8b0-cd40-4469-8cb1-64546c7b530c' },
    datastore_version: '8.2.0',
  },
};
const queue = (name: string) => ({
  workload_queue: {
    workload_queue_name: name,
    workload_resource_item_list: [
      { resource_name: 'cpu_share', resource_value: 12 },
      { resource_name: 'memory', resource_value: 0 },
      { resource_name: 'tablespace', resource_value: -1 },
      { resource_name: 'activestatements', resource_value: 10 },
    ],
  },
});
const parameterChange = (value: string) => ({
  configurations: [
    { type: 'cn', name: 'enable_constraint_optimization', value },
    { type: 'dn', name: 'enable_constraint_optimization', value },
  ],
});
const dataSource = { type: 'OBS', data_source_name: 'source1', user_name: 'DWSAccessOBS', connect_info: 'gaussdb', description: 'description' };

/** An idle cluster's first data source, or its ELB, as the API shows them. */
async function withDataSource(api: DocumentedClient, pid: string) {
  let id = '';
  const c = await cluster(api, pid, async (x) => {
    id = (await api.call('GET', `/v1.0/${pid}/clusters/${x.id}/ext-data-sources`)).body.data_sources[0]?.id ?? '';
    return id !== '';
  });
  return { c, id };
}

async function withElb(api: DocumentedClient, pid: string) {
  let id = '';
  const c = await cluster(api, pid, async (x) => {
    id = (await api.call('GET', `/v1.0/${pid}/clusters/${x.id}`)).body.cluster.elb?.id ?? '';
    return id !== '';
  });
  return { c, id };
}

async function cns(api: DocumentedClient, pid: string, fits: (have: number, max: number) => boolean) {
  let list: { id: string }[] = [];
  let max = 0;
  const c = await cluster(api, pid, async (x) => {
    const body = (await api.call('GET', `/v1.0/${pid}/clusters/${x.id}/cns`)).body;
    [list, max] = [body.instances, body.max_num];
    return fits(list.length, max);
  });
  return { c, list, max };
}

function endpoint(method: HttpMethod, path: string, section: string, valid: Call, invalid: Call): DocumentedEndpoint {
  return { method, path, section, valid: inProject(valid), invalid: inProject(invalid) };
}

const C = '/v1.0/{project_id}/clusters/{cluster_id}';
const C2 = '/v2/{project_id}/clusters/{cluster_id}';

const ENDPOINTS: readonly DocumentedEndpoint[] = [
  {
    method: 'POST',
    path: '/v3/auth/tokens',
    section: '3.2 Authentication',
    valid: () => ({ path: '/v3/auth/tokens', body: loginBody(demoCredentials()), signedIn: false, status: 201 }),
    invalid: () => ({ path: '/v3/auth/tokens', body: loginBody({ ...demoCredentials(), password: 'not-the-password' }), signedIn: false, status: 401 }),
  },
  endpoint(
    'GET',
    '/v1.0/{project_id}/availability-zones',
    '5.1.1 Querying the AZ List',
    (pid) => ({ path: `/v1.0/${pid}/availability-zones`, status: 200 }),
    (pid) => unsigned(`/v1.0/${pid}/availability-zones`),
  ),
  endpoint(
    'GET',
    '/v2/{project_id}/node-types',
    '5.2.1 Querying Flavor Information',
    (pid) => ({ path: `/v2/${pid}/node-types`, status: 200 }),
    () => otherProject('/v2/{project_id}/node-types'),
  ),
  endpoint(
    'GET',
    '/v1.0/{project_id}/clusters',
    '5.2.2 Querying the Cluster List',
    (pid) => ({ path: `/v1.0/${pid}/clusters?enterprise_project_id=all_granted_eps`, status: 200 }),
    (pid) => unsigned(`/v1.0/${pid}/clusters`),
  ),
  endpoint(
    'GET',
    C,
    '5.2.3 Querying Cluster Details',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}`, status: 200 }),
    unknownCluster((id) => `/v1.0/{project_id}/clusters/${id}`),
  ),
  endpoint(
    'POST',
    '/v1.0/{project_id}/clusters',
    '5.2.4 Creating a Cluster',
    (pid) => ({ path: `/v1.0/${pid}/clusters`, body: createV1('dws-1'), status: 200 }),
    (pid) => ({ path: `/v1.0/${pid}/clusters`, body: { cluster: { ...createV1('dws-1').cluster, user_pwd: '' } }, status: 400 }),
  ),
  endpoint(
    'POST',
    '/v2/{project_id}/cluster-precheck',
    '5.2.5 Performing a Check Before Cluster Creation',
    (pid) => ({ path: `/v2/${pid}/cluster-precheck`, body: precheck, status: 200 }),
    (pid) => ({ path: `/v2/${pid}/cluster-precheck`, body: { cluster: { ...precheck.cluster, num_node: 1000 } }, status: 400 }),
  ),
  endpoint(
    'POST',
    `${C}/restart`,
    '5.2.6 Restarting a Cluster',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/restart`, body: { restart: {} }, status: 200 }),
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/restart`, body: {}, status: 400 }),
  ),
  endpoint(
    'POST',
    `${C}/reset-password`,
    '5.2.7 Resetting a Password',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/reset-password`, body: { new_password: 'NewPassw0rd!' }, status: 200 }),
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/reset-password`, body: { new_password: 'Passw0rd!' }, status: 400 }),
  ),
  endpoint(
    'POST',
    `${C}/cancel-readonly`,
    '5.2.8 Canceling Read-only Status of a Cluster',
    async (pid, api) => {
      const all: Cluster[] = (await api.call('GET', `/v1.0/${pid}/clusters`)).body.clusters;
      const readonly = all.find((c) => (c.sub_status ?? '').split(' ').includes('READONLY'));
      return { path: `/v1.0/${pid}/clusters/${readonly?.id ?? UNKNOWN}/cancel-readonly`, status: 200 };
    },
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid, (c) => c.sub_status === 'NORMAL')).id}/cancel-readonly`, status: 400 }),
  ),
  endpoint(
    'DELETE',
    C,
    '5.2.9 Deleting a Cluster',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}`, body: { keep_last_manual_snapshot: 0 }, status: 202 }),
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}`, body: {}, status: 400 }),
  ),
  endpoint(
    'GET',
    '/v1.0/{project_id}/dss-pools',
    '5.2.10 Querying the DSS Storage Pool List',
    (pid) => ({ path: `/v1.0/${pid}/dss-pools`, status: 200 }),
    () => otherProject('/v1.0/{project_id}/dss-pools'),
  ),
  endpoint(
    'GET',
    `${C}/cns`,
    '5.3.1 Querying CN Nodes of a Cluster',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/cns`, status: 200 }),
    unknownCluster((id) => `/v1.0/{project_id}/clusters/${id}/cns`),
  ),
  endpoint(
    'POST',
    `${C}/cns/batch-create`,
    '5.3.2 Adding CN Nodes in Batches',
    async (pid, api) => {
      const { c, list } = await cns(api, pid, (have, max) => have < max);
      return { path: `/v1.0/${pid}/clusters/${c.id}/cns/batch-create`, body: { num: list.length + 1 }, status: 200 };
    },
    async (pid, api) => {
      const { c, max } = await cns(api, pid, () => true);
      return { path: `/v1.0/${pid}/clusters/${c.id}/cns/batch-create`, body: { num: max + 1 }, status: 400 };
    },
  ),
  endpoint(
    'POST',
    `${C}/cns/batch-delete`,
    '5.3.3 Deleting CN Nodes in Batches',
    async (pid, api) => {
      const { c, list } = await cns(api, pid, (have) => have > 2);
      return { path: `/v1.0/${pid}/clusters/${c.id}/cns/batch-delete`, body: { instances: [list[list.length - 1]?.id] }, status: 200 };
    },
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/cns/batch-delete`, body: { instances: [UNKNOWN] }, status: 404 }),
  ),
  endpoint(
    'POST',
    `${C}/resize`,
    '5.3.4 Scaling Out a Cluster',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/resize`, body: { scale_out: { count: 3 } }, status: 200 }),
    async (pid, api) => ({
      path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/resize`,
      body: { scale_out: { count: 3, subnet_id: 'subnet-1' } },
      status: 400,
    }),
  ),
  endpoint(
    'POST',
    `${C}/cluster-shrink`,
    '5.3.5 Scaling In a Cluster',
    async (pid, api) => ({
      path: `/v1.0/${pid}/clusters/${(await cluster(api, pid, (c) => c.number_of_node >= 6)).id}/cluster-shrink`,
      body: { shrink_number: 1, online: false, retry: false, need_agency: true, parallel_jobs: 2 },
      status: 200,
    }),
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/cluster-shrink`, body: { online: false }, status: 400 }),
  ),
  endpoint(
    'GET',
    `${C2}/workload`,
    '5.4.1 Querying Whether Resource Management Is Enabled',
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/workload`, status: 200 }),
    unknownCluster((id) => `/v2/{project_id}/clusters/${id}/workload`),
  ),
  endpoint(
    'POST',
    `${C2}/workload/plans`,
    '5.4.2 Creating a Resource Management Plan',
    async (pid, api) => ({
      path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/workload/plans`,
      body: { plan_name: 'planA', logical_cluster_name: 'v3_logical' },
      status: 200,
    }),
    async (pid, api) => ({
      path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/workload/plans`,
      body: { logical_cluster_name: 'v3_logical' },
      status: 400,
    }),
  ),
  endpoint(
    'GET',
    `${C2}/workload/queues`,
    '5.4.3 Querying Resource Pools',
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/workload/queues`, status: 200 }),
    unknownCluster((id) => `/v2/{project_id}/clusters/${id}/workload/queues`),
  ),
  endpoint(
    'PUT',
    `${C2}/workload/queues`,
    '5.4.4 Creating a Resource Pool',
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/workload/queues`, body: queue('test11'), status: 200 }),
    async (pid, api) => ({
      path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/workload/queues`,
      body: { workload_queue: { workload_queue_name: 'test11' } },
      status: 400,
    }),
  ),
  endpoint(
    'DELETE',
    `${C2}/workload/queues`,
    '5.4.5 Deleting a Resource Pool',
    async (pid, api) => {
      const c = await cluster(api, pid);
      await api.call('PUT', `/v2/${pid}/clusters/${c.id}/workload/queues`, queue('test11'));
      return { path: `/v2/${pid}/clusters/${c.id}/workload/queues?workload_queue_name=test11`, status: 200 };
    },
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/workload/queues?workload_queue_name=absent`, status: 404 }),
  ),
  endpoint(
    'POST',
    `${C2}/workload`,
    '5.4.6 Enabling or Disabling Resource Management',
    async (pid, api) => ({
      path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/workload`,
      body: { workload_status: { workload_switch: 'on', max_concurrency_num: 5 } },
      status: 200,
    }),
    async (pid, api) => ({
      path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/workload`,
      body: { workload_status: { workload_switch: 'enabled' } },
      status: 400,
    }),
  ),
  endpoint(
    'POST',
    '/v1.0/{project_id}/snapshots',
    '5.5.1 Creating a Snapshot',
    async (pid, api) => ({
      path: `/v1.0/${pid}/snapshots`,
      body: { snapshot: { name: 'snapshot-3', cluster_id: (await cluster(api, pid)).id, description: 'Snapshot-3 description' } },
      status: 200,
    }),
    async (pid, api) => ({
      path: `/v1.0/${pid}/snapshots`,
      body: { snapshot: { name: 'snapshot-3', cluster_id: (await cluster(api, pid)).id, description: 'a <b>' } },
      status: 400,
    }),
  ),
  endpoint(
    'GET',
    '/v1.0/{project_id}/snapshots',
    '5.5.2 Querying the Snapshot List',
    (pid) => ({ path: `/v1.0/${pid}/snapshots`, status: 200 }),
    (pid) => unsigned(`/v1.0/${pid}/snapshots`),
  ),
  endpoint(
    'GET',
    `${C}/snapshots`,
    '5.5.3 Querying the Cluster Snapshot List',
    async (pid, api) => ({
      path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/snapshots?limit=10&offset=0&sort_key=started&sort_dir=desc`,
      status: 200,
    }),
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/snapshots?sort_dir=up`, status: 400 }),
  ),
  endpoint(
    'GET',
    `${C2}/snapshot-policies`,
    '5.5.4 Querying a Snapshot Policy',
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/snapshot-policies`, status: 200 }),
    unknownCluster((id) => `/v2/{project_id}/clusters/${id}/snapshot-policies`),
  ),
  endpoint(
    'GET',
    '/v1.0/{project_id}/snapshots/{snapshot_id}',
    '5.5.5 Querying Snapshot Details',
    async (pid, api) => ({ path: `/v1.0/${pid}/snapshots/${(await snapshot(api, pid, () => true)).id}`, status: 200 }),
    (pid) => ({ path: `/v1.0/${pid}/snapshots/snapshot-1`, status: 400 }),
  ),
  endpoint(
    'DELETE',
    `${C}/snapshot-policies/{id}`,
    '5.5.6 Deleting a Snapshot Policy',
    async (pid, api) => {
      const c = await cluster(api, pid);
      const policy = (await api.call('GET', `/v2/${pid}/clusters/${c.id}/snapshot-policies`)).body.backup_strategies[0].policy_id;
      return { path: `/v1.0/${pid}/clusters/${c.id}/snapshot-policies/${policy}`, status: 200 };
    },
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/snapshot-policies/${UNKNOWN}`, status: 404 }),
  ),
  endpoint(
    'DELETE',
    '/v1.0/{project_id}/snapshots/{snapshot_id}',
    '5.5.7 Deleting a Snapshot',
    async (pid, api) => ({
      path: `/v1.0/${pid}/snapshots/${(await snapshot(api, pid, (s) => s.type === 'MANUAL' && s.status === 'AVAILABLE')).id}`,
      status: 202,
    }),
    async (pid, api) => ({ path: `/v1.0/${pid}/snapshots/${(await snapshot(api, pid, (s) => s.type === 'AUTO')).id}`, status: 400 }),
  ),
  endpoint(
    'POST',
    '/v1.0/{project_id}/snapshots/{snapshot_id}/actions',
    '5.5.8 Restoring a Cluster',
    async (pid, api) => ({
      path: `/v1.0/${pid}/snapshots/${(await snapshot(api, pid, (s) => s.status === 'AVAILABLE')).id}/actions`,
      body: { restore: { name: 'dws-restored', port: 8000, public_ip: { public_bind_type: 'auto_assign', eip_id: '' } } },
      status: 200,
    }),
    async (pid, api) => ({ path: `/v1.0/${pid}/snapshots/${(await snapshot(api, pid, (s) => s.status === 'AVAILABLE')).id}/actions`, body: {}, status: 400 }),
  ),
  endpoint(
    'POST',
    '/v1.0/{project_id}/snapshots/{snapshot_id}/linked-copy',
    '5.5.9 Copying a Snapshot',
    async (pid, api) => ({
      path: `/v1.0/${pid}/snapshots/${(await snapshot(api, pid, (s) => s.type === 'AUTO' && s.status === 'AVAILABLE')).id}/linked-copy`,
      body: { backup_name: 'backup20', description: 'description' },
      status: 200,
    }),
    async (pid, api) => ({
      path: `/v1.0/${pid}/snapshots/${(await snapshot(api, pid, (s) => s.type === 'AUTO')).id}/linked-copy`,
      body: { description: 'description' },
      status: 400,
    }),
  ),
  endpoint(
    'PUT',
    `${C2}/snapshot-policies`,
    '5.5.10 Adding a Snapshot Policy',
    async (pid, api) => ({
      path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/snapshot-policies`,
      body: { backup_strategies: [{ policy_name: 'test', backup_strategy: '0 0 3 ? * 1,2,3,4,5,6,7', backup_type: 'full', backup_level: 'cluster' }] },
      status: 200,
    }),
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/snapshot-policies`, body: { keep_day: 90 }, status: 400 }),
  ),
  endpoint(
    'GET',
    `${C}/ext-data-sources`,
    '5.6.1 Querying Data Sources',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/ext-data-sources`, status: 200 }),
    unknownCluster((id) => `/v1.0/{project_id}/clusters/${id}/ext-data-sources`),
  ),
  endpoint(
    'POST',
    `${C}/ext-data-sources`,
    '5.6.2 Creating a Data Source',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/ext-data-sources`, body: dataSource, status: 200 }),
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/ext-data-sources`, body: { ...dataSource, type: 'FTP' }, status: 400 }),
  ),
  endpoint(
    'PUT',
    `${C}/ext-data-sources/{ext_data_source_id}`,
    '5.6.3 Editing a Data Source',
    async (pid, api) => {
      const { c, id } = await withDataSource(api, pid);
      return { path: `/v1.0/${pid}/clusters/${c.id}/ext-data-sources/${id}`, body: { reconfigure: { agency: 'DWSAccessOBS' } }, status: 200 };
    },
    async (pid, api) => {
      const { c, id } = await withDataSource(api, pid);
      return { path: `/v1.0/${pid}/clusters/${c.id}/ext-data-sources/${id}`, body: {}, status: 400 };
    },
  ),
  endpoint(
    'DELETE',
    `${C}/ext-data-sources/{ext_data_source_id}`,
    '5.6.4 Deleting a Data Source',
    async (pid, api) => {
      const { c, id } = await withDataSource(api, pid);
      return { path: `/v1.0/${pid}/clusters/${c.id}/ext-data-sources/${id}`, status: 200 };
    },
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/ext-data-sources/${UNKNOWN}`, status: 404 }),
  ),
  endpoint(
    'POST',
    `${C}/dns`,
    '5.7.1 Applying for a Domain Name',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/dns`, body: { name: 'demo', type: 'public', ttl: 300 }, status: 200 }),
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/dns`, body: { name: 'demo', type: 'public', ttl: 60 }, status: 400 }),
  ),
  endpoint(
    'PUT',
    `${C}/dns`,
    '5.7.2 Modifying a Cluster Domain Name',
    async (pid, api) => {
      const c = await cluster(api, pid);
      await api.call('POST', `/v1.0/${pid}/clusters/${c.id}/dns`, { name: 'demo', type: 'public', ttl: 300 });
      return { path: `/v1.0/${pid}/clusters/${c.id}/dns`, body: { name: 'demo2', type: 'public', ttl: 300 }, status: 200 };
    },
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/dns`, body: { name: 'demo', type: 'global', ttl: 300 }, status: 400 }),
  ),
  endpoint(
    'DELETE',
    `${C}/dns`,
    '5.7.3 Deleting a Cluster Domain Name',
    async (pid, api) => {
      const c = await cluster(api, pid);
      await api.call('POST', `/v1.0/${pid}/clusters/${c.id}/dns`, { name: 'demo', type: 'public', ttl: 300 });
      return { path: `/v1.0/${pid}/clusters/${c.id}/dns?type=public`, status: 200 };
    },
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/dns?type=private`, status: 400 }),
  ),
  endpoint(
    'GET',
    `${C2}/elbs`,
    '5.7.4 Querying the List of ELBs That Can Be Bound to a Cluster',
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/elbs`, status: 200 }),
    unknownCluster((id) => `/v2/{project_id}/clusters/${id}/elbs`),
  ),
  endpoint(
    'POST',
    `${C2}/elbs/{elb_id}`,
    '5.7.5 Binding an ELB to a Cluster',
    async (pid, api) => {
      let elb = '';
      const c = await cluster(api, pid, async (x) => {
        if ((await api.call('GET', `/v1.0/${pid}/clusters/${x.id}`)).body.cluster.elb) return false;
        elb = (await api.call('GET', `/v2/${pid}/clusters/${x.id}/elbs`)).body.elbs[0].id;
        return true;
      });
      return { path: `/v2/${pid}/clusters/${c.id}/elbs/${elb}`, status: 200 };
    },
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/elbs/${UNKNOWN}`, status: 404 }),
  ),
  endpoint(
    'DELETE',
    `${C2}/elbs/{elb_id}`,
    '5.7.6 Unbinding an ELB from a Cluster',
    async (pid, api) => {
      const { c, id } = await withElb(api, pid);
      return { path: `/v2/${pid}/clusters/${c.id}/elbs/${id}`, status: 200 };
    },
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/elbs/${UNKNOWN}`, status: 404 }),
  ),
  endpoint(
    'POST',
    `${C2}/eips/{eip_id}`,
    '5.7.7 Binding an EIP to a Cluster',
    async (pid, api) => {
      // A cluster without an EIP: one whose EIP is unbound first if the fleet has none.
      const c = await cluster(api, pid);
      const eip: string | undefined = (await api.call('GET', `/v1.0/${pid}/clusters/${c.id}`)).body.cluster.public_ip?.eip_id;
      if (eip) await api.call('DELETE', `/v2/${pid}/clusters/${c.id}/eips/${eip}`);
      return { path: `/v2/${pid}/clusters/${c.id}/eips/ab60b4ac-10e3-4d83-bccd-9a6a1b0ba983`, status: 200 };
    },
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/eips/eip-1`, status: 400 }),
  ),
  endpoint(
    'DELETE',
    `${C2}/eips/{eip_id}`,
    '5.7.8 Unbinding an EIP from a Cluster',
    async (pid, api) => {
      let eip = '';
      const c = await cluster(api, pid, async (x) => {
        eip = (await api.call('GET', `/v1.0/${pid}/clusters/${x.id}`)).body.cluster.public_ip?.eip_id ?? '';
        return eip !== '';
      });
      return { path: `/v2/${pid}/clusters/${c.id}/eips/${eip}`, status: 200 };
    },
    async (pid, api) => ({ path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/eips/${UNKNOWN}`, status: 400 }),
  ),
  endpoint(
    'GET',
    '/v2/{project_id}/alarms',
    '5.8.1 Querying Alarm Details List',
    (pid) => ({ path: `/v2/${pid}/alarms?time_zone=GMT`, status: 200 }),
    (pid) => ({ path: `/v2/${pid}/alarms?time_zone=Beijing`, status: 400 }),
  ),
  endpoint(
    'GET',
    '/v2/{project_id}/alarm-statistic',
    '5.8.2 Querying the Alarm Statistics List',
    (pid) => ({ path: `/v2/${pid}/alarm-statistic?time_zone=GMT`, status: 200 }),
    (pid) => ({ path: `/v2/${pid}/alarm-statistic?time_zone=Beijing`, status: 400 }),
  ),
  endpoint(
    'GET',
    '/v2/{project_id}/alarm-subs',
    '5.8.3 Querying the Alarm Subscription List',
    (pid) => ({ path: `/v2/${pid}/alarm-subs`, status: 200 }),
    (pid) => ({ path: `/v2/${pid}/alarm-subs?offset=-1`, status: 400 }),
  ),
  endpoint(
    'POST',
    '/v2/{project_id}/alarm-subs',
    '5.8.4 Creating an Alarm Subscription',
    (pid) => ({ path: `/v2/${pid}/alarm-subs`, body: alarmSub(pid), status: 200 }),
    (pid) => ({ path: `/v2/${pid}/alarm-subs`, body: { ...alarmSub(pid), notification_target_type: 'EMAIL' }, status: 400 }),
  ),
  endpoint(
    'PUT',
    '/v2/{project_id}/alarm-subs/{alarm_sub_id}',
    '5.8.5 Modifying an Alarm Subscription',
    async (pid, api) => {
      const { time_zone: _zone, ...update } = alarmSub(pid, 'zrf-test-13');
      return { path: `/v2/${pid}/alarm-subs/${(await api.call('POST', `/v2/${pid}/alarm-subs`, alarmSub(pid))).body.id}`, body: update, status: 200 };
    },
    (pid) => ({ path: `/v2/${pid}/alarm-subs/${UNKNOWN}`, body: alarmSub(pid), status: 404 }),
  ),
  endpoint(
    'DELETE',
    '/v2/{project_id}/alarm-subs/{alarm_sub_id}',
    '5.8.6 Deleting an Alarm Subscription',
    async (pid, api) => ({ path: `/v2/${pid}/alarm-subs/${(await api.call('POST', `/v2/${pid}/alarm-subs`, alarmSub(pid))).body.id}`, status: 200 }),
    (pid) => ({ path: `/v2/${pid}/alarm-subs/${UNKNOWN}`, status: 404 }),
  ),
  endpoint(
    'GET',
    '/v2/{project_id}/events',
    '5.9.1 Querying Event List',
    (pid) => ({ path: `/v2/${pid}/events?offset=0&limit=10`, status: 200 }),
    (pid) => ({ path: `/v2/${pid}/events?limit=0`, status: 400 }),
  ),
  endpoint(
    'GET',
    '/v2/{project_id}/event-subs',
    '5.9.2 Querying Subscribed Events',
    (pid) => ({ path: `/v2/${pid}/event-subs`, status: 200 }),
    (pid) => ({ path: `/v2/${pid}/event-subs?limit=none`, status: 400 }),
  ),
  endpoint(
    'POST',
    '/v2/{project_id}/event-subs',
    '5.9.3 Creating an Event Subscription',
    (pid) => ({ path: `/v2/${pid}/event-subs`, body: eventSub(pid), status: 200 }),
    (pid) => ({ path: `/v2/${pid}/event-subs`, body: { ...eventSub(pid), severity: 'critical' }, status: 400 }),
  ),
  endpoint(
    'PUT',
    '/v2/{project_id}/event-subs/{event_sub_id}',
    '5.9.4 Modifying a Subscribed Event',
    async (pid, api) => {
      const { time_zone: _zone, ...update } = eventSub(pid);
      return { path: `/v2/${pid}/event-subs/${(await api.call('POST', `/v2/${pid}/event-subs`, eventSub(pid))).body.id}`, body: update, status: 200 };
    },
    async (pid, api) => {
      const id = (await api.call('POST', `/v2/${pid}/event-subs`, eventSub(pid))).body.id;
      return { path: `/v2/${pid}/event-subs/${id}`, body: { ...eventSub(pid), notification_target: 'dws-test-nodelete' }, status: 400 };
    },
  ),
  endpoint(
    'DELETE',
    '/v2/{project_id}/event-subs/{event_sub_id}',
    '5.9.5 Deleting a Subscribed Event',
    async (pid, api) => ({ path: `/v2/${pid}/event-subs/${(await api.call('POST', `/v2/${pid}/event-subs`, eventSub(pid))).body.id}`, status: 200 }),
    (pid) => ({ path: `/v2/${pid}/event-subs/${UNKNOWN}`, status: 404 }),
  ),
  endpoint(
    'GET',
    '/v1.0/{project_id}/quotas',
    '5.10.1 Querying Quotas',
    (pid) => ({ path: `/v1.0/${pid}/quotas`, status: 200 }),
    (pid) => unsigned(`/v1.0/${pid}/quotas`),
  ),
  endpoint(
    'GET',
    '/v1.0/{project_id}/tags',
    '5.11.1 Querying Project Tags',
    (pid) => ({ path: `/v1.0/${pid}/tags`, status: 200 }),
    () => otherProject('/v1.0/{project_id}/tags'),
  ),
  endpoint(
    'GET',
    `${C}/tags`,
    '5.11.2 Querying Cluster Tags',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/tags`, status: 200 }),
    unknownCluster((id) => `/v1.0/{project_id}/clusters/${id}/tags`),
  ),
  endpoint(
    'POST',
    `${C}/tags/batch-create`,
    '5.11.3 Adding Tags in Batches',
    async (pid, api) => ({
      path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/tags/batch-create`,
      body: { tags: [{ key: 'key1', value: 'value1' }] },
      status: 200,
    }),
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/tags/batch-create`, body: { tags: [] }, status: 400 }),
  ),
  endpoint(
    'POST',
    `${C}/tags/batch-delete`,
    '5.11.4 Delete Tags in Batches',
    async (pid, api) => {
      const c = await cluster(api, pid);
      const tags = [{ key: 'key1', value: 'value1' }];
      await api.call('POST', `/v1.0/${pid}/clusters/${c.id}/tags/batch-create`, { tags });
      return { path: `/v1.0/${pid}/clusters/${c.id}/tags/batch-delete`, body: { tags }, status: 200 };
    },
    async (pid, api) => ({
      path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/tags/batch-delete`,
      body: { tags: [{ key: 'absent', value: 'none' }] },
      status: 400,
    }),
  ),
  endpoint(
    'GET',
    `${C}/configurations`,
    '5.12.1 Querying a Cluster Parameter Template',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/configurations`, status: 200 }),
    unknownCluster((id) => `/v1.0/{project_id}/clusters/${id}/configurations`),
  ),
  endpoint(
    'GET',
    `${C}/configurations/{configuration_id}`,
    '5.12.2 Querying Cluster Parameter Configurations',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/configurations/${PARAMETER_GROUP.id}`, status: 200 }),
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/configurations/${UNKNOWN}`, status: 404 }),
  ),
  endpoint(
    'PUT',
    `${C2}/configurations/{configuration_id}`,
    '5.12.3 Modifying the Parameter Settings of a Cluster',
    async (pid, api) => ({
      path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/configurations/${PARAMETER_GROUP.id}`,
      body: parameterChange('off'),
      status: 200,
    }),
    async (pid, api) => ({
      path: `/v2/${pid}/clusters/${(await cluster(api, pid)).id}/configurations/${PARAMETER_GROUP.id}`,
      body: parameterChange('maybe'),
      status: 400,
    }),
  ),
  endpoint(
    'GET',
    `${C}/audit-log-records`,
    '5.13.1 Querying Log Records',
    async (pid, api) => ({ path: `/v1.0/${pid}/clusters/${(await cluster(api, pid)).id}/audit-log-records`, status: 200 }),
    unknownCluster((id) => `/v1.0/{project_id}/clusters/${id}/audit-log-records`),
  ),
  endpoint(
    'POST',
    '/v2/{project_id}/clusters',
    '6.1 Using Postman to Call the API for Creating a Cluster',
    (pid) => ({ path: `/v2/${pid}/clusters`, body: createV2('dws1'), status: 200 }),
    (pid) => ({ path: `/v2/${pid}/clusters`, body: { cluster: { ...createV2('dws1').cluster, flavor: '5ddb1071-c5d7-40e0-a874-8a032e81a697' } }, status: 400 }),
  ),
];

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const documented: DocumentedApi = {
  document: '003_e8d521d6ea3562f5.txt',
  async signIn(baseUrl, credentials) {
    const res = await fetch(`${baseUrl}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(loginBody(credentials)),
    });
    await res.arrayBuffer();
    return { 'x-auth-token': res.headers.get('x-subject-token') ?? '' };
  },
  // Success answers are plain objects, or no body where the document shows "None".
  isSuccess: (status, body) => status >= 200 && status < 300 && (body === undefined || (isObject(body) && !('error_code' in body))),
  // DWS errors are {error_code, error_msg}; IAM's keep Keystone's {error: {code, title, message}}.
  isError: (status, body) =>
    status >= 400 &&
    isObject(body) &&
    ((typeof body.error_code === 'string' && typeof body.error_msg === 'string') ||
      (isObject(body.error) && body.error.code === status && typeof body.error.message === 'string')),
  endpoints: ENDPOINTS,
};
