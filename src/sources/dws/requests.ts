import type { Label } from '../../model/entities.js';
import { ValidationError } from '../../model/errors.js';
import type { CreateSnapshotRequest, DeleteClusterRequest, RestoreSnapshotRequest } from '../../model/operations.js';
import type { DwsCreateRequest, DwsScaleRequest } from './inputs.js';
import type {
  DwsAlarmSubscriptionChange,
  DwsDomainNameChange,
  DwsEventSubscriptionChange,
  DwsParameterChange,
  DwsResourcePoolChange,
  DwsSnapshotPolicyChange,
  DwsSubscriptionKind,
} from './inputs.js';
import type {
  ParametersBody,
  AddCnsBody,
  ClusterWire,
  CnListWire,
  CnWire,
  CopySnapshotBody,
  CreateClusterBody,
  CreateSnapshotBody,
  DeleteClusterBody,
  DomainNameBody,
  RemoveCnsBody,
  ResourcePoolBody,
  ResetPasswordBody,
  RestoreBody,
  ScaleOutBody,
  ShrinkBody,
  SnapshotPolicyBody,
  SubscriptionBody,
  SubscriptionWire,
  TagWire,
} from './wire.js';

/**
 * Gateway requests → DWS request bodies (document 003), and the checks that need no
 * vendor call. Pure: each returns what to send or throws a ValidationError naming the
 * input field, so nothing is sent that DWS's own rules already refuse. Where the
 * document contradicts itself the looser reading is checked and the vendor decides the
 * rest (password length: 12 to 32 says the table, its example has 9 characters; tag
 * characters: "128 Unicode characters" and "only letters, digits, _ and -").
 */

// ---- Names, tags and descriptions as the document defines them ----

/** Cluster and snapshot names (5.2.4, 5.5.1, 5.5.8): 4 to 64, a letter first, then letters, digits, - and _. */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{3,63}$/;
const NAME_RULE = '4 to 64 characters: a letter first, then letters, digits, hyphens (-) and underscores (_)';

function checkName(name: string, field: string): string {
  if (!NAME.test(name)) throw new ValidationError(field, `DWS names have ${NAME_RULE}`);
  return name;
}

/** Snapshot descriptions (5.5.1): at most 256 characters, none of !<>'=;&". */
function checkDescription(description: string | undefined, field: string): string | undefined {
  if (description === undefined) return undefined;
  if (description.length > 256) throw new ValidationError(field, 'DWS takes at most 256 characters');
  if (/[!<>'=;&"]/.test(description)) throw new ValidationError(field, `DWS refuses the characters !<>'=;&" in a description`);
  return description;
}

/** "It cannot contain the following characters: =*<>\,|/" (table 5-40). */
const TAG_FORBIDDEN = /[=*<>\\,|/]/;

/** Labels as DWS tags (table 5-40): a key of 1 to 128 characters, a value of at most 256, neither padded with spaces. */
export function checkTags(labels: readonly Label[], field: string): TagWire[] {
  return labels.map(({ key, value }, i) => {
    const at = `${field}[${i}]`;
    if (key === '' || key.length > 128) throw new ValidationError(`${at}.key`, 'a DWS tag key has 1 to 128 characters');
    if (value.length > 256) throw new ValidationError(`${at}.value`, 'a DWS tag value has at most 256 characters');
    for (const [part, text] of [
      ['key', key],
      ['value', value],
    ] as const) {
      if (text.trim() !== text) throw new ValidationError(`${at}.${part}`, `a DWS tag ${part} cannot start or end with a space`);
      if (TAG_FORBIDDEN.test(text)) throw new ValidationError(`${at}.${part}`, `a DWS tag ${part} cannot contain any of =*<>\\,|/`);
    }
    return { key, value };
  });
}

// ---- Clusters ----

/** The administrator's name (5.2.4): lowercase letters, digits and _, not starting with a digit, 1 to 63. */
const ADMIN_USER = /^[a-z_][a-z0-9_]{0,62}$/;
const PASSWORD_CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** Messages name the rule, never the password. `min`: the least length a rule without contradiction says (create's example has 9 characters). */
function checkAdminPassword(password: string, user: string | undefined, field: string, min = 0): void {
  if (password.length < min) throw new ValidationError(field, `DWS takes at least ${min} characters`);
  if (password.length > 32) throw new ValidationError(field, 'DWS takes at most 32 characters');
  if (PASSWORD_CLASSES.filter((r) => r.test(password)).length < 3) {
    throw new ValidationError(field, 'DWS wants at least three of: uppercase letters, lowercase letters, digits, special characters');
  }
  const lower = password.toLowerCase();
  if (user && (lower.includes(user) || lower.includes([...user].reverse().join('')))) {
    throw new ValidationError(field, 'DWS refuses a password that contains the administrator name or the name spelled backwards');
  }
}

/**
 * Resetting a Password (5.2.7): 12 to 32 characters (its table and its example agree),
 * three of the four character kinds, not the administrator's name either way round.
 * "Cannot be the same as previous passwords" and "cannot be a weak password" only DWS
 * can tell. `adminUser`: the cluster's `user_name`, where DWS shows it.
 */
export function resetPasswordBody(newPassword: string, adminUser: string | undefined): ResetPasswordBody {
  checkAdminPassword(newPassword, adminUser?.toLowerCase(), 'newPassword', 12);
  return { new_password: newPassword };
}

const required = (value: string, field: string) => {
  if (value.trim() === '') throw new ValidationError(field, 'DWS needs a value');
  return value;
};

/**
 * The body of Creating a Cluster (5.2.4). The v1.0 API takes no kernel version (DWS
 * picks its newest stable one) and creates in the region of the endpoint, so `version`
 * is refused and `region` must be the source's; `zone`, where given, must agree with the
 * dws block's availabilityZone. Labels become the cluster's tags.
 */
export function createClusterBody(req: DwsCreateRequest, sourceRegion: string | undefined): CreateClusterBody {
  const dws = req.dws;
  if (!dws) throw new ValidationError('input.dws', 'a dws source needs the dws block');
  if (req.version !== undefined) throw new ValidationError('input.version', 'DWS creates clusters with its newest stable kernel and takes no version');
  if (req.region !== undefined && req.region !== sourceRegion) {
    throw new ValidationError(
      'input.region',
      sourceRegion ? `this DWS source creates clusters in ${sourceRegion}` : 'this DWS source does not know its region; leave region out',
    );
  }
  if (req.zone !== undefined && req.zone !== dws.availabilityZone) {
    throw new ValidationError('input.zone', `differs from input.dws.availabilityZone (${dws.availabilityZone}); give the zone once`);
  }
  const name = checkName(req.name, 'input.name');
  const tags = checkTags(req.labels, 'input.labels');
  // A cluster has 3 to 256 nodes; a hybrid (standalone) data warehouse has 1. Which the flavor is, DWS checks.
  if (!Number.isInteger(dws.nodes) || dws.nodes < 1 || dws.nodes === 2 || dws.nodes > 256) {
    throw new ValidationError('input.dws.nodes', 'DWS clusters have 3 to 256 nodes (a hybrid data warehouse has 1)');
  }
  if (dws.coordinators !== undefined && (dws.coordinators < 2 || dws.coordinators > Math.min(20, dws.nodes))) {
    throw new ValidationError('input.dws.coordinators', `DWS deploys 2 to ${Math.min(20, dws.nodes)} CNs on ${dws.nodes} nodes`);
  }
  if (dws.port !== undefined && (dws.port < 8000 || dws.port > 30000)) throw new ValidationError('input.dws.port', 'DWS ports are 8000 to 30000');
  if (!ADMIN_USER.test(dws.adminUser)) {
    throw new ValidationError(
      'input.dws.adminUser',
      'DWS administrator names have 1 to 63 lowercase letters, digits and underscores, starting with a letter or an underscore',
    );
  }
  checkAdminPassword(dws.adminPassword, dws.adminUser, 'input.dws.adminPassword');
  return {
    cluster: {
      name,
      node_type: required(dws.nodeType, 'input.dws.nodeType'),
      number_of_node: dws.nodes,
      ...(dws.coordinators !== undefined ? { number_of_cn: dws.coordinators } : {}),
      vpc_id: required(dws.vpcId, 'input.dws.vpcId'),
      subnet_id: required(dws.subnetId, 'input.dws.subnetId'),
      security_group_id: required(dws.securityGroupId, 'input.dws.securityGroupId'),
      availability_zone: required(dws.availabilityZone, 'input.dws.availabilityZone'),
      user_name: dws.adminUser,
      user_pwd: dws.adminPassword,
      ...(dws.port !== undefined ? { port: dws.port } : {}),
      // No public_ip is DWS's "not_use".
      ...(dws.publicIp ? { public_ip: { public_bind_type: 'auto_assign' as const } } : {}),
      ...(tags.length ? { tags } : {}),
    },
  };
}

/**
 * The body of Deleting a Cluster (5.2.9). `keep_last_manual_snapshot` is how many of the
 * cluster's newest manual snapshots outlive it: keepLastSnapshot keeps the newest one
 * (DWS takes no snapshot of its own on deletion). DWS has no forced deletion — its
 * delete is not refused for a busy cluster to begin with — so `force` is refused rather
 * than silently meaning nothing.
 */
export function deleteClusterBody(req: DeleteClusterRequest): DeleteClusterBody {
  if (req.force) throw new ValidationError('force', 'DWS has no forced deletion; its delete already proceeds whatever the cluster is doing');
  return { keep_last_manual_snapshot: req.keepLastSnapshot ? 1 : 0 };
}

// ---- Scaling ----

/** What a scale request changes: data nodes or coordinators, one kind per call. */
export type ScaleTarget = { change: 'nodes'; nodeCount: number } | { change: 'coordinators'; coordinatorCount: number };

export function scaleTarget(req: DwsScaleRequest): ScaleTarget {
  if (req.addHosts !== undefined) throw new ValidationError('input.addHosts', 'DWS adds nodes by count: give nodeCount');
  if (req.removeHostIds !== undefined) throw new ValidationError('input.removeHostIds', 'DWS removes nodes by count: give nodeCount');
  const { nodeCount, coordinatorCount } = req;
  if (nodeCount !== undefined && coordinatorCount !== undefined) {
    throw new ValidationError('input', 'DWS changes data nodes and coordinators in separate operations: give nodeCount or coordinatorCount');
  }
  if (nodeCount !== undefined) return { change: 'nodes', nodeCount };
  if (coordinatorCount !== undefined) return { change: 'coordinators', coordinatorCount };
  throw new ValidationError('input', 'give nodeCount or coordinatorCount');
}

/** Data nodes of the cluster: `number_of_node`, else its nodes less the idle ones (status 199), which are not members. */
export const memberNodeCount = (c: ClusterWire): number => c.number_of_node ?? (c.nodes ?? []).filter((n) => String(n.status) !== '199').length;

/** A scale-out or scale-in and the task the cluster shows first while it runs. */
export type NodeChange =
  | { kind: 'scaleOut'; body: ScaleOutBody; firstTask: 'CREATING_NODE' }
  | { kind: 'scaleIn'; body: ShrinkBody; firstTask: 'SHRINK_CHECKING' };

/** Data nodes from `current` to `wanted` (5.3.4, 5.3.5): DWS adds 3 or more at a time and keeps at least 3. */
export function nodeChange(wanted: number, current: number): NodeChange {
  const field = 'input.nodeCount';
  if (!Number.isInteger(wanted) || wanted < 3 || wanted > 256) throw new ValidationError(field, 'DWS clusters have 3 to 256 nodes');
  if (wanted === current) throw new ValidationError(field, `the cluster already has ${current} nodes`);
  if (wanted > current) {
    const count = wanted - current;
    if (count < 3) throw new ValidationError(field, `DWS scales out by at least 3 nodes; the cluster has ${current}, so ask for ${current + 3} or more`);
    return { kind: 'scaleOut', body: { scale_out: { count } }, firstTask: 'CREATING_NODE' };
  }
  return { kind: 'scaleIn', body: { shrink_number: current - wanted }, firstTask: 'SHRINK_CHECKING' };
}

/** CN additions and removals, and the task the cluster shows while one runs. */
export type CoordinatorChange = { kind: 'add'; body: AddCnsBody; firstTask: 'ADD_CN_ING' } | { kind: 'remove'; body: RemoveCnsBody; firstTask: 'DEL_CN_ING' };

/** The document's CN bounds (5.2.4 number_of_cn), for a CN list that does not state its own. */
const CN_BOUNDS = { min: 2, max: 20 };

const byNodeNumber = new Intl.Collator('en', { numeric: true }).compare;

/**
 * CNs from what `list` shows to `wanted`, within the list's min_num..max_num. Batch
 * creation takes the total after the addition (5.3.2); batch deletion takes instance
 * ids (5.3.3), and the CNs removed are those on the highest-numbered nodes (DWS numbers
 * nodes in the order it adds them: `…-cn-cn-3-1`), so the longest-serving CNs stay.
 */
export function coordinatorChange(wanted: number, list: CnListWire): CoordinatorChange {
  const field = 'input.coordinatorCount';
  const cns: CnWire[] = list.instances ?? [];
  const min = list.min_num ?? CN_BOUNDS.min;
  const max = list.max_num ?? CN_BOUNDS.max;
  if (!Number.isInteger(wanted) || wanted < min || wanted > max) throw new ValidationError(field, `this cluster can have ${min} to ${max} CNs`);
  if (wanted === cns.length) throw new ValidationError(field, `the cluster already has ${cns.length} CNs`);
  if (wanted > cns.length) return { kind: 'add', body: { num: wanted }, firstTask: 'ADD_CN_ING' };
  const leaving = [...cns].sort((a, b) => byNodeNumber(b.name, a.name)).slice(0, cns.length - wanted);
  return { kind: 'remove', body: { instances: leaving.map((cn) => cn.id) }, firstTask: 'DEL_CN_ING' };
}

// ---- Tags ----

/**
 * The batch calls that take a cluster's tags from `current` to exactly `wanted`: tags
 * whose key goes away are deleted by key and current value (5.11.4); new keys and new
 * values are added (5.11.3 replaces the value of a key the cluster has).
 */
export function tagChanges(current: readonly TagWire[], wanted: readonly TagWire[]): { remove: TagWire[]; add: TagWire[] } {
  const wantedKeys = new Set(wanted.map((t) => t.key));
  const have = new Map(current.map((t) => [t.key, t.value]));
  return {
    remove: current.filter((t) => !wantedKeys.has(t.key)),
    add: wanted.filter((t) => have.get(t.key) !== t.value),
  };
}

// ---- Snapshots ----

/** `YYYYMMDDhhmmss` in UTC. */
const stamp = (at: Date) => at.toISOString().slice(0, 19).replace(/[-:T]/g, '');

/**
 * DWS requires a snapshot name; without one the gateway names it `<cluster>-<UTC time>`
 * (the cluster name cut to fit DWS's 64 characters), which is unique per cluster to the second.
 */
export function defaultSnapshotName(clusterName: string, at: Date): string {
  const suffix = `-${stamp(at)}`;
  return `${clusterName.slice(0, 64 - suffix.length)}${suffix}`;
}

/** Checks a snapshot request before anything is read: the name, when given, and the description. */
export function checkSnapshotRequest(req: CreateSnapshotRequest): void {
  if (req.name !== undefined) checkName(req.name, 'name');
  checkDescription(req.description, 'description');
}

/** Creating a Snapshot (5.5.1), for a checked request; `name` is the one asked for or the default. */
export function createSnapshotBody(clusterId: string, name: string, description: string | undefined): CreateSnapshotBody {
  return { snapshot: { name, cluster_id: clusterId, ...(description !== undefined ? { description } : {}) } };
}

/** Copying a Snapshot (5.5.9): the copy's name is required. */
export function copySnapshotBody(req: CreateSnapshotRequest): CopySnapshotBody {
  if (req.name === undefined) throw new ValidationError('name', 'DWS needs a name for the copy');
  const description = checkDescription(req.description, 'description');
  return { backup_name: checkName(req.name, 'name'), ...(description !== undefined ? { description } : {}) };
}

/**
 * Restoring a Cluster (5.5.8) into a new cluster. The restored cluster keeps the
 * snapshotted one's administrator and password — the API takes none — so a password is
 * refused rather than silently not set.
 */
export function restoreBody(req: RestoreSnapshotRequest): RestoreBody {
  if (req.dbPassword !== undefined)
    throw new ValidationError('dbPassword', 'a cluster DWS restores keeps the administrator password of the snapshotted cluster');
  const zone = req.availabilityZone;
  if (zone !== undefined && zone.trim() === '') throw new ValidationError('availabilityZone', 'DWS needs a value');
  return { restore: { name: checkName(req.clusterName, 'clusterName'), ...(zone !== undefined ? { availability_zone: zone } : {}) } };
}

// ---- Snapshot policies ----

/** "4 to 92 characters, a letter first; letters, digits, hyphens and underscores" (table 5-131). */
const STRATEGY_NAME = /^[A-Za-z][A-Za-z0-9_-]{3,91}$/;

/**
 * The body of Adding a Snapshot Policy (5.5.10), checked as tables 5-130 and 5-131 say:
 * retention 1 to 31 days; a new strategy needs a name and a schedule; NBU needs its
 * servers, port and parameters, NFS its servers. Whether a schedule is a cron expression
 * DWS decides (the document names no dialect beyond its examples).
 */
export function snapshotPolicyBody(change: DwsSnapshotPolicyChange): SnapshotPolicyBody {
  const { retentionDays, strategies, device, serverIps, serverPort, backupParam } = change;
  if (Object.values(change).every((v) => v === undefined)) {
    throw new ValidationError('input', 'say what to change: retentionDays, strategies, or the device');
  }
  if (retentionDays !== undefined && (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 31)) {
    throw new ValidationError('input.retentionDays', 'DWS keeps snapshots 1 to 31 days');
  }
  if ((device === 'NBU' || device === 'NFS') && !serverIps?.length) throw new ValidationError('input.serverIps', `${device} needs its servers’ addresses`);
  if (device === 'NBU' && serverPort === undefined) throw new ValidationError('input.serverPort', 'NBU needs its port');
  if (device === 'NBU' && backupParam === undefined) throw new ValidationError('input.backupParam', 'NBU needs its backup parameters');
  const backup_strategies = strategies?.map((s, i) => {
    const at = `input.strategies[${i}]`;
    if (s.name !== undefined && !STRATEGY_NAME.test(s.name)) {
      throw new ValidationError(
        `${at}.name`,
        'DWS policy names have 4 to 92 characters: a letter first, then letters, digits, hyphens (-) and underscores (_)',
      );
    }
    if (s.nativeId === undefined && s.name === undefined) throw new ValidationError(`${at}.name`, 'a new strategy needs a name');
    if (s.nativeId === undefined && s.schedule === undefined) throw new ValidationError(`${at}.schedule`, 'a new strategy needs a schedule');
    if (s.schedule !== undefined && s.schedule.trim() === '') throw new ValidationError(`${at}.schedule`, 'DWS needs a cron expression');
    return {
      ...(s.nativeId !== undefined ? { policy_id: s.nativeId } : {}),
      ...(s.name !== undefined ? { policy_name: s.name } : {}),
      ...(s.schedule !== undefined ? { backup_strategy: s.schedule } : {}),
      ...(s.type !== undefined ? { backup_type: s.type } : {}),
      backup_level: 'cluster' as const,
    };
  });
  return {
    ...(retentionDays !== undefined ? { keep_day: retentionDays } : {}),
    ...(backup_strategies ? { backup_strategies } : {}),
    ...(device !== undefined ? { device_name: device } : {}),
    ...(serverIps !== undefined ? { server_ips: serverIps } : {}),
    ...(serverPort !== undefined ? { server_port: serverPort } : {}),
    ...(backupParam !== undefined ? { backup_param: backupParam } : {}),
  };
}

// ---- Parameter settings ----

/**
 * The body of Modifying the Parameter Settings of a Cluster (5.12.3): one entry per
 * parameter and node role, as the example sends `enable_constraint_optimization` for the
 * CNs and the DNs. Names, ranges and read-only parameters are DWS's to judge (the
 * document lists none); a value given twice for the same nodes is refused here, as DWS
 * would (DWS.5039), before anything is sent.
 */
export function parametersBody(values: readonly DwsParameterChange[]): ParametersBody {
  if (values.length === 0) throw new ValidationError('values', 'say which parameters to change');
  const seen = new Set<string>();
  return {
    configurations: values.map((v, i) => {
      const key = `${v.role}/${v.name}`;
      if (seen.has(key)) throw new ValidationError(`values[${i}]`, `${v.name} is set twice for the ${v.role.toUpperCase()}s`);
      seen.add(key);
      return { type: v.role, name: required(v.name, `values[${i}].name`), value: v.value };
    }),
  };
}

// ---- Alarm and event subscriptions ----

/** Each kind's filters: the input's field, the body's, and whether it is a list (sent comma-separated). */
const SUBSCRIPTION_FILTERS = {
  alarm: [['levels', 'alarm_level', true]],
  event: [
    ['sourceTypes', 'source_type', true],
    ['sourceId', 'source_id', false],
    ['categories', 'category', true],
    ['severities', 'severity', true],
    ['tag', 'tag', false],
  ],
} as const satisfies Record<DwsSubscriptionKind, readonly (readonly [string, keyof SubscriptionBody, boolean])[]>;

/**
 * The body of creating (5.8.4, 5.9.3) or, with the subscription as DWS has it, modifying
 * (5.8.5, 5.9.4) a subscription. A modification sends the whole subscription, as the
 * examples do (name and topic are mandatory there too): what the change leaves out is
 * sent as it is now. The modifications take no `time_zone`, so a change of it is refused;
 * an alarm subscription needs one at creation, an event one may leave it to DWS.
 */
export function subscriptionBody(
  kind: DwsSubscriptionKind,
  change: DwsAlarmSubscriptionChange | DwsEventSubscriptionChange,
  current?: SubscriptionWire,
): SubscriptionBody {
  if (current && Object.values(change).every((v) => v === undefined)) throw new ValidationError('input', 'say what to change');
  const kept = (given: string | undefined, now: string | null | undefined, field: string, what: string) => {
    const value = given ?? now ?? undefined;
    if (value === undefined || value.trim() === '') throw new ValidationError(`input.${field}`, `a subscription needs ${what}`);
    return value;
  };
  if (current && change.timeZone !== undefined) {
    throw new ValidationError('input.timeZone', 'DWS sets the time zone when a subscription is created: its modification takes none');
  }
  if (!current && kind === 'alarm' && change.timeZone === undefined) {
    throw new ValidationError('input.timeZone', 'an alarm subscription needs the time zone its notices are written in, e.g. GMT+08:00');
  }
  const given = change as Record<string, string | readonly string[] | undefined>;
  const filters = Object.fromEntries(
    SUBSCRIPTION_FILTERS[kind].flatMap(([field, wire, list]) => {
      const value = given[field];
      if (value !== undefined) return [[wire, list ? (value as readonly string[]).join(',') : value]];
      const now = current?.[wire];
      return now !== undefined && now !== null ? [[wire, now]] : [];
    }),
  );
  const enable = change.enabled !== undefined ? Number(change.enabled) : current?.enable;
  return {
    name: kept(change.name, current?.name, 'name', 'a name'),
    ...(enable !== undefined && enable !== null ? { enable: Number(enable) } : {}),
    ...filters,
    notification_target: kept(change.topicUrn, current?.notification_target, 'topicUrn', 'the URN of the SMN topic it notifies'),
    notification_target_name: kept(change.topicName, current?.notification_target_name, 'topicName', 'the name of the SMN topic it notifies'),
    notification_target_type: 'SMN',
    ...(!current && change.timeZone !== undefined ? { time_zone: change.timeZone } : {}),
  };
}

// ---- Domain names ----

/** "The default value is 300 ... Range 300 to 2147483647" (tables 5-145, 5-147). */
const TTL = { default: 300, min: 300, max: 2147483647 };

/** The body of Applying for (5.7.1) or Modifying (5.7.2) a cluster's domain name. */
export function domainNameBody(change: DwsDomainNameChange): DomainNameBody {
  const ttl = change.ttl ?? TTL.default;
  if (!Number.isInteger(ttl) || ttl < TTL.min || ttl > TTL.max)
    throw new ValidationError('input.ttl', `DWS caches a domain name ${TTL.min} to ${TTL.max} seconds`);
  return { name: required(change.name, 'input.name'), type: change.type, ttl };
}

// ---- Resource management ----

/**
 * The body of Creating a Resource Pool (5.4.4). The document lists no resource names and
 * no ranges ("CPU share 12%, memory 0 (no limit), storage -1 (no limit), concurrent 10"
 * in its example): names are DWS's to judge; a value must be an integer, -1 or more.
 */
export function resourcePoolBody(pool: DwsResourcePoolChange): ResourcePoolBody {
  if (pool.resources.length === 0) throw new ValidationError('input.resources', 'a resource pool needs at least one resource setting');
  return {
    workload_queue: {
      workload_queue_name: required(pool.name, 'input.name'),
      ...(pool.logicalCluster !== undefined ? { logical_cluster_name: pool.logicalCluster } : {}),
      workload_resource_item_list: pool.resources.map((r, i) => {
        if (!Number.isInteger(r.value) || r.value < -1) throw new ValidationError(`input.resources[${i}].value`, 'an integer, -1 or more (-1 and 0: no limit)');
        return { resource_name: required(r.name, `input.resources[${i}].name`), resource_value: r.value };
      }),
    },
  };
}
