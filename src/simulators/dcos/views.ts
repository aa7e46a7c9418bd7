import { isoSeconds } from '../kit/time.js';
import type { Cluster, Host, OperationLog } from './state.js';

/** Field names and order exactly as the document's examples show them. */
export const clusterView = (c: Cluster) => ({
  _id: c.id,
  name: c.name,
  owner: c.owner,
  endPoint: c.endPoint,
  instances: c.instances,
  pubkeyId: c.pubkeyId,
  providerId: c.providerId,
  details: c.details,
  status: c.status,
  type: c.type,
  createCategory: c.createCategory,
  user_id: c.userId,
  tenant_id: c.tenantId,
  time_create: isoSeconds(c.createdAt),
  time_update: isoSeconds(c.updatedAt),
  dockerRegistries: c.dockerRegistries,
  setProjectvalue: { cmi: c.cmi },
});

const roleFlags = (h: Host) => ({
  isMasterNode: h.role === 'master',
  isSlaveNode: h.role !== 'master',
});

/**
 * A host in a list. The list and the detail differ in the document (`hostId` here,
 * `_id` there; usage only here; `sshUser`/`isMonitorServer` only there), and so do we.
 * `disk` is not in the document: it is added in the same `used/total` (MB) form as
 * `memory` because a cluster's storage is otherwise invisible.
 */
export const hostListView = (h: Host, clusterName: string) => ({
  hostId: h.id,
  hostName: h.hostName,
  clusterId: h.clusterId,
  clusterName,
  status: h.status,
  ip: h.ip,
  privateIp: h.privateIp,
  task: h.task,
  cpu: h.cpu,
  memory: h.memory,
  gpu: h.gpu,
  disk: h.disk,
  tag: h.tag,
  ...roleFlags(h),
  isSharedNode: h.role === 'shared',
  isFullfilled: h.status === 'RUNNING' || h.status === 'OFFLINE',
  isClientNode: h.isClientNode,
  user_id: h.userId,
  tenant_id: h.tenantId,
  pubkeyName: h.pubkeyName,
  type: h.type,
  time_create: isoSeconds(h.createdAt),
  time_update: isoSeconds(h.updatedAt),
});

export const hostDetailView = (h: Host, clusterName: string) => ({
  _id: h.id,
  hostName: h.hostName,
  clusterId: h.clusterId,
  clusterName,
  status: h.status,
  ip: h.ip,
  privateIp: h.privateIp,
  ...roleFlags(h),
  isMonitorServer: h.isMonitorServer,
  isSharedNode: h.role === 'shared',
  isFullfilled: h.status === 'RUNNING' || h.status === 'OFFLINE',
  isClientNode: h.isClientNode,
  user_id: h.userId,
  tenant_id: h.tenantId,
  type: h.type,
  sshUser: h.sshUser,
  time_create: isoSeconds(h.createdAt),
  time_update: isoSeconds(h.updatedAt),
});

export const logView = (l: OperationLog) => ({
  _id: l.id,
  clusterName: l.clusterName,
  clusterId: l.clusterId,
  operateType: l.operateType,
  queryType: l.queryType,
  userName: l.userName,
  user_id: l.userId,
  tenant_id: l.tenantId,
  status: l.status,
  comments: l.comments,
  time_create: isoSeconds(l.createdAt),
  time_update: isoSeconds(l.updatedAt),
});
