import { REGION } from './catalog.js';
import { cnNodes, type DwsAlarm, type DwsCluster, type DwsSnapshot, type DwsStore, memberCount } from './model.js';
import { isoLocal, isoSeconds } from '../kit/time.js';
import { zonedDateTime } from './time.js';

/**
 * Renders state in the document's field names. Nullable fields follow the Getting
 * Started example of an idle cluster (`task_status: null`); `action_progress` is an
 * empty map while nothing runs, since the field is a Map<String, String>.
 */

const percent = (startedAt: number, durationMs: number, now: number) =>
  `${Math.min(99, Math.max(0, Math.floor(((now - startedAt) / Math.max(1, durationMs)) * 100)))}%`;

function actionProgress(c: DwsCluster, now: number): Record<string, string> {
  const step = c.step;
  return step?.progressKey ? { [step.progressKey]: percent(step.startedAt, step.durationMs, now) } : {};
}

const host = (c: DwsCluster) => `${c.name.toLowerCase().replaceAll('_', '-')}.${REGION}.dwscloud.com`;

function endpoints(c: DwsCluster) {
  const connect = `${host(c)}:${c.port}`;
  return [{ connect_info: connect, jdbc_url: `jdbc:postgresql://${connect}/<YOUR_DATABASE_name>` }];
}

function publicEndpoints(c: DwsCluster) {
  if (!c.publicIp) return [];
  const connect = `${c.publicIp.address}:${c.port}`;
  return [{ public_connect_info: connect, jdbc_url: `jdbc:postgresql://${connect}/<YOUR_DATABASE_name>` }];
}

const publicIp = (c: DwsCluster) => (c.publicIp ? { public_bind_type: c.publicIp.bindType, eip_id: c.publicIp.eipId } : null);

/**
 * Fields the list item and the detail share; each adds its own to this object rather
 * than spreading it into a new one (the list makes one per cluster of the fleet).
 */
function common(c: DwsCluster, store: DwsStore, now: number) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    version: c.version,
    updated: isoSeconds(c.updatedAt),
    created: isoSeconds(c.createdAt),
    port: c.port,
    endpoints: endpoints(c),
    nodes: c.nodes.map((n) => ({ id: n.id, name: n.name, status: n.status })),
    tags: c.tags.map((t) => ({ key: t.key, value: t.value })),
    user_name: c.userName,
    number_of_node: memberCount(c),
    recent_event: store.eventCount(c.id),
    availability_zone: c.availabilityZone,
    enterprise_project_id: c.enterpriseProjectId,
    node_type: c.flavor.specName,
    vpc_id: c.vpcId,
    subnet_id: c.subnetId,
    public_ip: publicIp(c),
    public_endpoints: publicEndpoints(c),
    action_progress: actionProgress(c, now),
    sub_status: c.subStatus,
    task_status: c.step?.task ?? c.lastTaskResult,
    security_group_id: c.securityGroupId,
    failed_reasons: c.failedReasons,
  };
}

/** ClusterInfo (5.2.2). The example also carries `spec` with the flavor's size. */
export const clusterInfo = (c: DwsCluster, store: DwsStore, now: number) =>
  Object.assign(common(c, store, now), { spec: { cpu: c.flavor.vcpus, mem: c.flavor.ram } });

/** Default parameter template every cluster starts with (id and name as in the document's detail example). */
export const PARAMETER_GROUP = { id: '157e9cc4-64a8-11e8-adc0-fa7ae01bbebc', name: 'Default-Parameter-Group-dws' } as const;

/** ClusterDetail (5.2.3). */
export const clusterDetail = (c: DwsCluster, store: DwsStore, now: number) =>
  Object.assign(common(c, store, now), {
    parameter_group: { ...PARAMETER_GROUP, status: c.parameterGroupStatus },
    node_type_id: c.flavor.id,
    order_id: c.orderId,
    private_ip: cnNodes(c).map((n) => n.privateIp),
    maintain_window: c.maintainWindow,
    // The table types the node counts as Integer; the example (which we follow) sends strings.
    resize_info: c.resize
      ? {
          target_node_num: String(c.resize.target),
          origin_node_num: String(c.resize.origin),
          resize_status: c.resize.status,
          start_time: isoSeconds(c.resize.startedAt),
        }
      : null,
    elb: c.elb,
  });

export const cnInstance = (n: { id: string; name: string; privateIp: string }) => ({ id: n.id, name: n.name, private_ip: n.privateIp });

function snapshotProgress(s: DwsSnapshot, now: number): string {
  if (s.status === 'CREATING') return percent(s.startedAt, s.durationMs, now);
  return s.status === 'UNAVAILABLE' ? '0%' : '100%';
}

/**
 * Snapshots (5.5.2): the project-wide list's nine fields, which are also the first nine
 * of every other snapshot table. Built on their own: the list shows every snapshot of
 * the project, and the other fields would be made only to be dropped.
 */
export const snapshotSummary = (s: DwsSnapshot) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  started: isoSeconds(s.startedAt),
  finished: s.finishedAt === null ? null : isoSeconds(s.finishedAt),
  size: s.size,
  status: s.status,
  type: s.type,
  cluster_id: s.clusterId,
});

/** Every field the snapshot tables define; the three snapshot APIs each show a subset. */
function snapshotFields(s: DwsSnapshot, store: DwsStore, now: number) {
  const cluster = store.clusters.get(s.clusterId);
  return {
    ...snapshotSummary(s),
    datastore: { type: 'dws', version: s.version },
    cluster_name: s.clusterName,
    updated: isoLocal(s.updatedAt),
    bak_expected_start_time: String(s.bakExpectedStartTime),
    bak_keep_day: s.bakKeepDay,
    bak_period: s.bakPeriod,
    db_user: s.dbUser,
    progress: snapshotProgress(s, now),
    backup_key: s.backupKey,
    prior_backup_key: s.priorBackupKey,
    base_backup_key: s.baseBackupKey,
    backup_device: 'obs',
    total_backup_size: Math.round(s.size * 1024 * 1.6),
    base_backup_name: s.baseBackupName,
    support_inplace_restore: s.status === 'AVAILABLE',
    fine_grained_backup: false,
    backup_level: 'cluster',
    fine_grained_backup_detail: null,
    guest_agent_version: s.version.split('.').slice(0, 3).join('.'),
    cluster_status: cluster?.status ?? 'DELETED',
  };
}

/** ClusterSnapshots (5.5.3): everything but `finished`, which that table does not define. */
export function clusterSnapshot(s: DwsSnapshot, store: DwsStore, now: number) {
  const { finished: _finished, ...rest } = snapshotFields(s, store, now);
  return rest;
}

/** SnapshotDetail (5.5.5). */
export const snapshotDetail = snapshotFields;

export function alarmDetail(a: DwsAlarm, store: DwsStore, offsetMinutes: number) {
  const { domainId, domainName } = store.project;
  return {
    alarm_id: a.alarmId,
    alarm_name: a.alarmName,
    alarm_level: a.alarmLevel,
    alarm_source: 'DWS',
    alarm_message: `CloudService=DWS, resourceId: ${a.clusterId}, resourceIdName: ${a.clusterName}, domain_name=${domainName}, domain_id=${domainId}, res_domain_name=op_svc_dws_${domainId}`,
    alarm_location: `cluster_id: ${a.clusterId},cluster_name: ${a.clusterName},cluster type: dws, domain_name: ${domainName}, domain_id: ${domainId}`,
    resource_id: a.clusterId,
    resource_id_name: a.clusterName,
    alarm_generate_date: zonedDateTime(a.generatedAt, offsetMinutes),
    alarm_status: a.status,
  };
}
