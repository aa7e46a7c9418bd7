import type { DocumentedApi, DocumentedCall, DocumentedClient, DocumentedEndpoint } from '../kit/documented.js';
import { SimulatorError } from '../kit/errors.js';

/**
 * Document 001's endpoints, in its order. It numbers nothing, so a section is the
 * endpoint's position and its 功能 line. Every valid request is the document's own
 * example with the seeded fleet's ids in place of the example's; every invalid one
 * leaves out a field the parameter table marks required (the document shows no
 * failure at all), or names a cluster that does not exist where nothing is required.
 */

interface Node {
  UUID: string;
  name: string;
  IsSystemService: boolean;
  services: { agentStatus: number; hostMode: number };
}
interface Cluster {
  uuid: string;
  name: string;
  nodes: Node[];
  candidates: string[];
}

async function clusters(api: DocumentedClient): Promise<Cluster[]> {
  const list = (await api.call('GET', '/v1/cluster/list')).body.data.list as Array<{ cluster_uuid: string; cluster_name: string }>;
  return Promise.all(
    list.map(async (c) => {
      const detail = (await api.call('GET', `/v1/cluster/get?cluster_uuid=${c.cluster_uuid}`)).body.data;
      return { uuid: c.cluster_uuid, name: c.cluster_name, nodes: detail.TopoHostNode, candidates: detail.candidates };
    }),
  );
}

const first = async (api: DocumentedClient) => (await clusters(api))[0] as Cluster;

/** The seeded fleet lacks what an example needs (a seed change could do that). */
const unfit = (what: string) => new SimulatorError('SIM_DOCUMENTED_UNFIT_FLEET', what);

const isUp = (n: Node) => n.services.agentStatus === 1;

/** A cluster and one of its center nodes that is up (metadata calls need one). */
async function centerNode(api: DocumentedClient): Promise<{ cluster: Cluster; ip: string }> {
  for (const cluster of await clusters(api)) {
    const node = cluster.nodes.find((n) => n.IsSystemService && isUp(n));
    if (node) return { cluster, ip: node.name };
  }
  throw unfit('no cluster with a center node that is up');
}

/** The first of `candidates` for which `probe` holds. */
async function find<T>(candidates: T[], probe: (c: T) => Promise<boolean>): Promise<T> {
  for (const c of candidates) if (await probe(c)) return c;
  throw unfit('no candidate in the seeded fleet fits');
}

const get = (path: string, status = 200): DocumentedCall => ({ path, status });
const post = (path: string, body: unknown, status = 200): DocumentedCall => ({ path, body, status });

const missing = (path: string): DocumentedCall => ({ path, status: 400 });
const missingBody = (path: string, body: unknown = {}): DocumentedCall => ({ path, body, status: 400 });

const C = '/v1/cluster';

const endpoints: DocumentedEndpoint[] = [
  {
    method: 'POST',
    path: `${C}/add`,
    section: '1 添加集群',
    valid: () => post(`${C}/add`, { ip: '192.168.201.101', name: 'name_192.168.201.101', desc: '第一个集群' }),
    invalid: () => missingBody(`${C}/add`, { name: 'name_192.168.201.101' }),
  },
  {
    method: 'POST',
    path: `${C}/delete`,
    section: '2 删除集群',
    valid: async (api) => post(`${C}/delete`, { cluster_uuid: (await first(api)).uuid, force: true }),
    invalid: () => missingBody(`${C}/delete`, { force: true }),
  },
  {
    method: 'GET',
    path: `${C}/get`,
    section: '3 获取集群详情',
    valid: async (api) => get(`${C}/get?cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => missing(`${C}/get`),
  },
  {
    method: 'GET',
    path: `${C}/list`,
    section: '4 获取集群列表',
    valid: () => get(`${C}/list`),
    invalid: () => missing(`${C}/list?page_size=many`),
  },
  {
    method: 'GET',
    path: `${C}/top`,
    section: '5 获取集群top',
    valid: async (api) => get(`${C}/top?cluster_uuid=${(await first(api)).uuid}&count=3`),
    invalid: async (api) => missing(`${C}/top?cluster_uuid=${(await first(api)).uuid}`),
  },
  {
    method: 'GET',
    path: `${C}/system/service/storage`,
    section: '6 获取集群存储信息(融合存储和外置存储)',
    valid: async (api) => get(`${C}/system/service/storage?cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => missing(`${C}/system/service/storage`),
  },
  {
    method: 'GET',
    path: `${C}/system/service/network`,
    section: '7 系统服务：网络',
    valid: async (api) => get(`${C}/system/service/network?cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => get(`${C}/system/service/network?cluster_uuid=5c028587-1639-11e9-8b6e-5254fffffffe`, 404),
  },
  {
    method: 'GET',
    path: `${C}/cloud/manage`,
    section: '8 获取集群云管数据',
    valid: async (api) => get(`${C}/cloud/manage?cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => missing(`${C}/cloud/manage`),
  },
  {
    method: 'GET',
    path: `${C}/compute/service/statistic`,
    section: '9 获取集群计算服务信息',
    valid: async (api) => get(`${C}/compute/service/statistic?cluster_uuid=${(await first(api)).uuid}&page_num=0&page_size=5`),
    invalid: () => missing(`${C}/compute/service/statistic?page_num=0&page_size=5`),
  },
  {
    method: 'GET',
    path: `${C}/compute/service/statistic/host`,
    section: '10 获取集群计算服务主机信息',
    valid: async (api) => {
      const c = await first(api);
      return get(`${C}/compute/service/statistic/host?cluster_uuid=${c.uuid}&machine=${c.nodes[0]?.UUID}`);
    },
    invalid: async (api) => missing(`${C}/compute/service/statistic/host?cluster_uuid=${(await first(api)).uuid}&page_num=0&page_size=5`),
  },
  {
    method: 'GET',
    path: `${C}/chassis/list`,
    section: '11 获取集群chassis列表',
    valid: async (api) => get(`${C}/chassis/list?cluster_uuid=${(await first(api)).uuid}&page_num=&page_size&filter_ip=&filter_host_name`),
    invalid: () => missing(`${C}/chassis/list?page_num=&page_size&filter_ip=&filter_host_name`),
  },
  {
    method: 'POST',
    path: `${C}/inspection`,
    section: '12 集群一键检测启动',
    valid: async (api) => {
      const c = await find(await clusters(api), async (x) => (await api.call('GET', `${C}/inspection/progress?cluster_uuid=${x.uuid}`)).body.data.state !== 1);
      return post(`${C}/inspection`, { cluster_name: c.name, check_system: true, check_network: true, check_hardware: true, cluster_uuid: c.uuid });
    },
    invalid: async (api) => missingBody(`${C}/inspection`, { check_system: true, cluster_uuid: (await first(api)).uuid }),
  },
  {
    method: 'GET',
    path: `${C}/inspection/progress`,
    section: '13 集群一键检测进度情况',
    valid: async (api) => get(`${C}/inspection/progress?cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => missing(`${C}/inspection/progress`),
  },
  {
    method: 'POST',
    path: `${C}/inspection/stop`,
    section: '14 集群一键检测停止',
    valid: async (api) => {
      const c = await first(api);
      return post(`${C}/inspection/stop`, { cluster_name: c.name, cluster_uuid: c.uuid });
    },
    invalid: async (api) => missingBody(`${C}/inspection/stop`, { cluster_name: (await first(api)).name }),
  },
  {
    method: 'GET',
    path: `${C}/compute/service/drsconfig/get`,
    section: '15 集群获取计算服务DRS和DPM配置',
    valid: async (api) => get(`${C}/compute/service/drsconfig/get?cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => missing(`${C}/compute/service/drsconfig/get`),
  },
  {
    method: 'POST',
    path: `${C}/compute/service/drsconfig/update`,
    section: '16 集群获取计算服务DRS和DPM配置 (update)',
    valid: async (api) => {
      const c = await first(api);
      const DRS = { Enabled: false, MaxStep: 4, ThresholdLevel: 1, MinBenefitLevel: 3, MaxConcurrentMigration: 4, MaxHostConcurrentMigration: 2 };
      return post(`${C}/compute/service/drsconfig/update`, { cluster_name: c.name, config: { DRS }, cluster_uuid: c.uuid });
    },
    invalid: async (api) => {
      const c = await first(api);
      return missingBody(`${C}/compute/service/drsconfig/update`, { cluster_name: c.name, cluster_uuid: c.uuid });
    },
  },
  {
    method: 'POST',
    path: `${C}/deploy/storage_service/vm`,
    section: '17 部署存储服务虚拟机',
    valid: async (api) =>
      post(`${C}/deploy/storage_service/vm`, {
        manage_cidr: '1.1.1.1/1',
        storage_cidr: '1.1.1.1/1',
        vm_type: 'GST',
        storage_gateway: '1.1.1.1',
        manage_gateway: '1.1.1.1',
        cluster_uuid: (await first(api)).uuid,
      }),
    invalid: async (api) => missingBody(`${C}/deploy/storage_service/vm`, { vm_type: 'GST', cluster_uuid: (await first(api)).uuid }),
  },
  {
    method: 'GET',
    path: `${C}/storage_service/vm/list`,
    section: '18 存储服务虚拟机列表',
    valid: async (api) => get(`${C}/storage_service/vm/list?cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => missing(`${C}/storage_service/vm/list`),
  },
  {
    method: 'POST',
    path: `${C}/storage_service/vm/delete`,
    section: '19 删除存储服务虚拟机',
    valid: async (api) => {
      const all = await clusters(api);
      const lists = await Promise.all(
        all.map(async (c) => ({ c, list: (await api.call('GET', `${C}/storage_service/vm/list?cluster_uuid=${c.uuid}`)).body.data.list })),
      );
      const found = lists.find(({ list }) => list.some((vm: { status: string }) => vm.status === 'running'));
      if (!found) throw unfit('no running storage service vm in the seeded fleet');
      const vm = found.list.find((v: { status: string }) => v.status === 'running');
      return post(`${C}/storage_service/vm/delete`, { cluster_uuid: found.c.uuid, force: false, uuid: vm.uuid, name: vm.name });
    },
    invalid: async (api) => missingBody(`${C}/storage_service/vm/delete`, { cluster_uuid: (await first(api)).uuid, force: false, uuid: '', name: '' }),
  },
  {
    method: 'POST',
    path: `${C}/deploy/cvm`,
    section: '20 添加云管服务',
    valid: async (api) => {
      for (const c of await clusters(api)) {
        const host = c.nodes.find((n) => !n.IsSystemService && isUp(n) && n.services.hostMode === 0);
        if (host) return post(`${C}/deploy/cvm`, { Networks: [{ Addr: '1.1.1.1/1', Gateway: '1.1.1.1' }], MachineUUID: host.UUID, cluster_uuid: c.uuid });
      }
      throw unfit('no host in service outside the center nodes');
    },
    invalid: async (api) => {
      const c = await first(api);
      return missingBody(`${C}/deploy/cvm`, { MachineUUID: c.nodes[0]?.UUID, cluster_uuid: c.uuid });
    },
  },
  {
    method: 'POST',
    path: `${C}/delete/cvm`,
    section: '21 删除云管服务',
    valid: async (api) => {
      for (const c of await clusters(api)) {
        const topo = (await api.call('POST', `${C}/all_cluster/topology`, { cluster_uuid: c.uuid })).body.data.info[c.uuid];
        for (const [cidr, host] of Object.entries(topo.HostIFacesInfo as Record<string, { Hosts: Array<{ Type: string }> }>)) {
          const node = c.nodes.find((n) => `${n.name}/24` === cidr);
          if (node && host.Hosts.some((h) => h.Type === 'cvm')) {
            return post(`${C}/delete/cvm`, { MachineUUID: node.UUID, center_candidate_ip: node.name, cluster_uuid: c.uuid });
          }
        }
      }
      throw unfit('no cloud manager vm in the seeded fleet');
    },
    invalid: async (api) => missingBody(`${C}/delete/cvm`, { center_candidate_ip: '10.30.12.11', cluster_uuid: (await first(api)).uuid }),
  },
  {
    method: 'POST',
    path: `${C}/data/snapshot/save`,
    section: '22 集群元数据快照添加',
    valid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      return post(`${C}/data/snapshot/save`, { ip, cluster_uuid: cluster.uuid });
    },
    invalid: async (api) => missingBody(`${C}/data/snapshot/save`, { cluster_uuid: (await first(api)).uuid }),
  },
  {
    method: 'POST',
    path: `${C}/data/snapshot/delete`,
    section: '23 集群元数据快照删除',
    valid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      const files = (await api.call('GET', `${C}/data/snapshot/list?ip=${ip}&cluster_uuid=${cluster.uuid}`)).body.data.meta_data.Snapshot as string[];
      return post(`${C}/data/snapshot/delete`, { ip, file_name: files[0], cluster_uuid: cluster.uuid });
    },
    invalid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      return missingBody(`${C}/data/snapshot/delete`, { ip, cluster_uuid: cluster.uuid });
    },
  },
  {
    method: 'GET',
    path: `${C}/data/snapshot/list`,
    section: '24 集群元数据快照列表',
    valid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      return get(`${C}/data/snapshot/list?ip=${ip}&cluster_uuid=${cluster.uuid}`);
    },
    invalid: async (api) => missing(`${C}/data/snapshot/list?cluster_uuid=${(await first(api)).uuid}`),
  },
  {
    method: 'GET',
    path: `${C}/data/daemon/state`,
    section: '25 集群元数据守护进程状态',
    valid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      return get(`${C}/data/daemon/state?ip=${ip}&cluster_uuid=${cluster.uuid}`);
    },
    invalid: async (api) => missing(`${C}/data/daemon/state?cluster_uuid=${(await first(api)).uuid}`),
  },
  {
    method: 'POST',
    path: `${C}/data/daemon/start`,
    section: '26 启动集群元数据守护进程状态',
    valid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      return post(`${C}/data/daemon/start`, { ip, cluster_uuid: cluster.uuid });
    },
    invalid: async (api) => missingBody(`${C}/data/daemon/start`, { cluster_uuid: (await first(api)).uuid }),
  },
  {
    method: 'POST',
    path: `${C}/data/daemon/stop`,
    section: '27 启动集群元数据守护进程状态 (stop)',
    valid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      return post(`${C}/data/daemon/stop`, { ip, cluster_uuid: cluster.uuid });
    },
    invalid: async (api) => missingBody(`${C}/data/daemon/stop`, { cluster_uuid: (await first(api)).uuid }),
  },
  {
    method: 'GET',
    path: `${C}/data/snapshot/config/inspect`,
    section: '28 元数据备份策略详情',
    valid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      return get(`${C}/data/snapshot/config/inspect?ip=${ip}&cluster_uuid=${cluster.uuid}`);
    },
    invalid: async (api) => missing(`${C}/data/snapshot/config/inspect?cluster_uuid=${(await first(api)).uuid}`),
  },
  {
    method: 'POST',
    path: `${C}/data/snapshot/config/update`,
    section: '29 元数据备份策略设置',
    valid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      return post(`${C}/data/snapshot/config/update`, { ip, duration: 86400, display_option: 'day', cluster_uuid: cluster.uuid });
    },
    invalid: async (api) => {
      const { cluster, ip } = await centerNode(api);
      return missingBody(`${C}/data/snapshot/config/update`, { ip, display_option: 'day', cluster_uuid: cluster.uuid });
    },
  },
  {
    method: 'GET',
    path: `${C}/get/global/config`,
    section: '30 获取集群全局配置',
    valid: async (api) => get(`${C}/get/global/config?cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => missing(`${C}/get/global/config`),
  },
  {
    method: 'POST',
    path: `${C}/set/global/config`,
    section: '31 设置集群全局配置',
    valid: async (api) =>
      post(`${C}/set/global/config`, { ip: (await first(api)).nodes[0]?.name, StorOverAllocationThreshold: 0.7, CPUOverAllocationThreshold: 0.8 }),
    invalid: () => missingBody(`${C}/set/global/config`, { StorOverAllocationThreshold: 0.7, CPUOverAllocationThreshold: 0.8 }),
  },
  {
    method: 'GET',
    path: `${C}/host/task/progress`,
    section: '32 主机任务进度查询',
    valid: async (api) => {
      const c = await first(api);
      const progress = (n: Node) => `${C}/host/task/progress?cluster_uuid=${c.uuid}&host_uuid=${n.UUID}`;
      // A host whose last task failed answers a failure (with the progress it reached).
      const node = await find(c.nodes, async (n) => (await api.call('GET', progress(n))).body.scode === 0);
      return get(progress(node));
    },
    invalid: async (api) => missing(`${C}/host/task/progress?cluster_uuid=${(await first(api)).uuid}`),
  },
  {
    method: 'GET',
    path: `${C}/hardware_resources/inspect`,
    section: '33 集群硬件资源详情',
    valid: async (api) =>
      get(
        `${C}/hardware_resources/inspect?tenant_uuid=&storage_status=true&cpu_status=true&memory_status=true&network_status=true&storage_top=true` +
          '&cpu_top=true&memory_top=true&network_top=true&io_status=true&duration=60&start_time=1572936541&end_time=1572940141&count=60' +
          `&vsm_status=true&moduleName=all&cluster_uuid=${(await first(api)).uuid}`,
      ),
    invalid: () => missing(`${C}/hardware_resources/inspect?tenant_uuid=&storage_status=true&cpu_status=true`),
  },
  {
    method: 'GET',
    path: `${C}/detail_status/inspect`,
    section: '34 集群相关数据详情',
    valid: async (api) =>
      get(
        `${C}/detail_status/inspect?tenant_uuid=&vm_status=true&storage_status=true&container_status=true&network_equipment_status=true` +
          '&security_network_element_status=true&tenant_status=true&vm_top=true&storage_iops_top=true&storage_mbps_top=true' +
          `&storage_pool_top=true&container_top=true&moduleName=all&cluster_uuid=${(await first(api)).uuid}`,
      ),
    invalid: () => missing(`${C}/detail_status/inspect?tenant_uuid=&vm_status=true`),
  },
  {
    method: 'GET',
    path: `${C}/overall_status/inspect`,
    section: '35 集群总体状况详情',
    valid: async (api) =>
      get(
        `${C}/overall_status/inspect?manager_cloud_status=true&compute_status=true&storage_status=true&network_status=true` +
          `&cloud_manage_status=true&cluster_uuid=${(await first(api)).uuid}`,
      ),
    invalid: () => missing(`${C}/overall_status/inspect?manager_cloud_status=true&compute_status=true`),
  },
  {
    method: 'GET',
    path: `${C}/vmserver/service/get`,
    section: '36 查看租户网络是否打开',
    valid: async (api) => get(`${C}/vmserver/service/get?tenant=8b69bb2f-2a6e-4149-9f43-8d2e2b780df1&cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => missing(`${C}/vmserver/service/get?tenant=8b69bb2f-2a6e-4149-9f43-8d2e2b780df1`),
  },
  {
    method: 'POST',
    path: `${C}/all_cluster/topology`,
    section: '37 查看集群网络拓扑图',
    valid: async (api) => post(`${C}/all_cluster/topology`, { width: 760, height: 550, cluster_uuid: (await first(api)).uuid }),
    invalid: () => missingBody(`${C}/all_cluster/topology`, { width: 760, height: 550 }),
  },
  {
    method: 'GET',
    path: `${C}/overview/inspect`,
    section: '38 查看集群大屏显示',
    valid: async (api) => get(`${C}/overview/inspect?start_time=1629953706&end_time=1629957306&duration=60&cluster_uuid=${(await first(api)).uuid}`),
    invalid: () => missing(`${C}/overview/inspect?start_time=1629953706&end_time=1629957306&duration=60`),
  },
];

const isObject = (b: unknown): b is Record<string, unknown> => typeof b === 'object' && b !== null && !Array.isArray(b);
const has = (b: Record<string, unknown>, keys: readonly string[]) => keys.every((k) => k in b);

/** The newer envelope (`scode`) or the older one (`status_code`), whichever the body is. */
const code = (b: unknown): number | undefined => {
  if (!isObject(b)) return undefined;
  if (has(b, ['scode', 'desc', 'message', 'message_cn', 'stack', 'data'])) return b.scode as number;
  if (has(b, ['status_code', 'message_en', 'message_cn', 'data'])) return b.status_code as number;
  return undefined;
};

export const documented: DocumentedApi = {
  document: '001_91989847a5520974.txt',
  // The document shows no authentication: every call is open.
  signIn: async () => ({}),
  isSuccess: (status, body) => status === 200 && code(body) === 0,
  isError: (status, body) => status >= 400 && typeof code(body) === 'number' && code(body) !== 0,
  endpoints,
};
