import { isoTime, round } from './format.js';
import { type BackupRecord, type Cluster, clusterBackups, type Instance, type TiemState, type Usage, type Workflow } from './state.js';
import { instanceResource } from './topology.js';

/** structs.Usage: `usageRate` is a ratio 0..1; CPU in cores, memory and storage in GiB. */
const usage = ({ total, used }: Usage) => ({ total: round(total), usageRate: total > 0 ? round(used / total, 4) : 0, used: round(used) });

/** Only a cluster that serves burns CPU and memory; storage stays put either way. */
const serving = (c: Cluster) => c.status === 'Running' || c.status === 'Recovering';

function clusterUsage(state: TiemState, c: Cluster) {
  const live = serving(c);
  const sum = (f: (i: Instance) => number) => c.instances.reduce((acc, i) => acc + f(i), 0);
  let backupGiB = 0;
  for (const b of clusterBackups(state, c.id)) backupGiB += b.sizeMb / 1024;
  const storageTotal = sum((i) => i.diskCapacityGiB);
  return {
    backupFileUsage: usage({ total: storageTotal * 2, used: backupGiB }),
    cpuUsage: usage({ total: sum((i) => i.spec.cpu), used: live ? sum((i) => i.spec.cpu * i.cpuLoad) : 0 }),
    memoryUsage: usage({ total: sum((i) => i.spec.memoryGiB), used: live ? sum((i) => i.spec.memoryGiB * i.memLoad) : 0 }),
    storageUsage: usage({ total: storageTotal, used: sum((i) => i.storageUsedGiB) }),
  };
}

/** structs.ClusterInfo, as both the list and the detail's `info` carry it. */
export function clusterInfo(state: TiemState, c: Cluster) {
  const u = clusterUsage(state, c);
  return {
    alertUrl: `http://${c.monitorIp}:9093`,
    backupFileUsage: u.backupFileUsage,
    clusterId: c.id,
    clusterName: c.name,
    clusterType: c.type,
    clusterVersion: c.version,
    copies: c.copies,
    cpuArchitecture: c.cpuArchitecture,
    cpuUsage: u.cpuUsage,
    createTime: isoTime(c.createTime),
    deleteTime: isoTime(c.deleteTime),
    exclusive: c.exclusive,
    extranetConnectAddresses: c.extranetAddresses,
    grafanaUrl: `http://${c.monitorIp}:3000`,
    intranetConnectAddresses: c.instances.filter((i) => i.type === 'TiDB').map((i) => `${i.hostIp}:${i.ports[0]}`),
    maintainStatus: c.maintainStatus,
    maintainWindow: c.maintainWindow,
    memoryUsage: u.memoryUsage,
    region: c.regionId,
    relations: c.relations,
    role: c.role,
    status: c.status,
    storageUsage: u.storageUsage,
    tags: c.tags,
    tls: c.tls,
    updateTime: isoTime(c.updateTime),
    userId: c.userId,
    vendor: c.vendor,
    whitelist: c.whitelist,
  };
}

function instanceInfo(c: Cluster, i: Instance) {
  const live = i.status === 'Running';
  return {
    addresses: [i.hostIp],
    cpuUsage: usage({ total: i.spec.cpu, used: live ? i.spec.cpu * i.cpuLoad : 0 }),
    diskId: i.diskId,
    hostID: i.hostId,
    id: i.id,
    ioUtil: live ? i.ioUtil : 0,
    iops: live ? i.iops : [0, 0],
    memoryUsage: usage({ total: i.spec.memoryGiB, used: live ? i.spec.memoryGiB * i.memLoad : 0 }),
    ports: i.ports,
    role: i.role,
    spec: { id: i.spec.id, name: i.spec.name },
    status: i.status,
    storageUsage: usage({ total: i.diskCapacityGiB, used: i.storageUsedGiB }),
    type: i.type,
    version: c.version,
    zone: i.zone,
  };
}

/** cluster.QueryClusterDetailResp. */
export function clusterDetail(state: TiemState, c: Cluster) {
  return {
    info: clusterInfo(state, c),
    instanceResource: instanceResource(c.instances, c.requestResourceMode),
    requestResourceMode: c.requestResourceMode,
    topology: c.instances.map((i) => instanceInfo(c, i)),
  };
}

/** structs.BackupRecord; `size` in MB. */
export function backupRecord(b: BackupRecord) {
  return {
    backupMethod: b.backupMethod,
    backupMode: b.backupMode,
    backupTso: b.backupTso,
    backupType: b.backupType,
    clusterId: b.clusterId,
    createTime: isoTime(b.createTime),
    deleteTime: isoTime(undefined),
    endTime: isoTime(b.endTime),
    filePath: b.filePath,
    id: b.id,
    size: b.sizeMb,
    startTime: isoTime(b.startTime),
    status: b.status,
    updateTime: isoTime(b.updateTime),
  };
}

/** structs.WorkFlowInfo. */
export function workflowInfo(wf: Workflow) {
  return {
    bizId: wf.bizId,
    bizType: wf.bizType,
    createTime: isoTime(wf.createTime),
    deleteTime: isoTime(undefined),
    id: wf.id,
    name: wf.name,
    status: wf.status,
    updateTime: isoTime(wf.updateTime),
  };
}

/**
 * message.QueryWorkFlowDetailResp: `nodes` holds the nodes that have started so far,
 * `nodeNames` every step of the flow. A running node's `result` tells how far it is,
 * from elapsed simulated time, since TiEM's WorkFlowInfo has no progress field.
 */
export function workflowDetail(wf: Workflow, now: number) {
  return {
    info: workflowInfo(wf),
    nodeNames: wf.stepNames,
    nodes: wf.nodes.map((n) => ({
      endTime: isoTime(n.endTime),
      id: n.id,
      name: n.name,
      parameters: n.parameters,
      result: n.status === 'Processing' ? `processing: ${Math.min(99, Math.floor(((now - n.startTime) / Math.max(1, n.durationMs)) * 100))}%` : n.result,
      startTime: isoTime(n.startTime),
      status: n.status,
    })),
  };
}
