import { ValidationError } from '../../model/errors.js';
import type { CreateSnapshotRequest, DeleteClusterRequest } from '../../model/operations.js';
import type { HciCanvas, HciCreateRequest, HciDrsChange, HciMetadataBackupSchedule, HciOverAllocationChange } from './inputs.js';
import type { HostStatistic, InspectionRequest } from './wire.js';
import { hostStatus, snapshotTime } from './map.js';

/**
 * Pure gateway request → HCI request body. Each refuses, with the input path at fault,
 * what the platform has no place for: silently dropping a field the caller set would
 * make a cluster or snapshot other than the one asked for.
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Gateway fields an HCI cluster has nothing for: the platform takes a name, an address and a description. */
const NOT_ON_HCI = ['version', 'region', 'zone'] as const;

/** `/v1/cluster/add` from createCluster: the `hci` block names the node the platform discovers the cluster from. */
export function addClusterBody(req: HciCreateRequest): { ip: string; name: string; desc: string } {
  const { hci } = req;
  if (!hci) throw new ValidationError('input.hci', "an HCI source needs the hci block with the center node's address");
  if (req.name.trim() === '') throw new ValidationError('input.name', 'must not be blank');
  if (!IPV4.test(hci.centerIp)) throw new ValidationError('input.hci.centerIp', `"${hci.centerIp}" is not an IPv4 address`);
  for (const field of NOT_ON_HCI) {
    if (req[field] !== undefined) throw new ValidationError(`input.${field}`, `an HCI cluster has no ${field}: leave it out`);
  }
  if (req.labels.length > 0) throw new ValidationError('input.labels', 'HCI clusters have no labels: leave them out');
  return { ip: hci.centerIp, name: req.name, desc: hci.description ?? '' };
}

/** `/v1/cluster/delete`. `force` deletes even with VMs running or an inspection under way. */
export function deleteClusterBody(clusterUuid: string, req: DeleteClusterRequest): { cluster_uuid: string; force: boolean } {
  if (req.keepLastSnapshot) {
    throw new ValidationError('keepLastSnapshot', "HCI metadata snapshots live on the cluster's center nodes and go with it");
  }
  return { cluster_uuid: clusterUuid, force: req.force };
}

/** The platform names metadata snapshot files itself (`snapshot<unix time>.db`) and keeps no description. */
export function checkSnapshotRequest(req: CreateSnapshotRequest): void {
  if (req.name !== undefined) throw new ValidationError('name', 'HCI names metadata snapshots itself (snapshot<unix time>.db): leave it out');
  if (req.description !== undefined) throw new ValidationError('description', 'HCI metadata snapshots have no description: leave it out');
}

/**
 * The center node to save a metadata snapshot on: the first one whose host is not down
 * (a down node answers with an error), else the first, whose error then says why.
 * Center nodes are named by address, and the platform names hosts by address.
 */
export function centerNodeFor(candidates: readonly string[], hosts: readonly HostStatistic[]): string | undefined {
  const down = new Set(hosts.filter((h) => hostStatus(h.Status) === 'FAILED').map((h) => h.Name));
  return candidates.find((ip) => !down.has(ip)) ?? candidates[0];
}

/**
 * The file a save just made. The save answers no file name, but it answers only once
 * the file exists, so it is the node's newest file (by the time in its name).
 */
export function newestSnapshotFile(files: readonly string[]): string | undefined {
  let newest: { file: string; at: number } | undefined;
  for (const file of files) {
    const at = snapshotTime(file);
    if (at !== undefined && (!newest || at > newest.at)) newest = { file, at };
  }
  return newest?.file;
}

/**
 * `/v1/cluster/inspection`. startInspection has no way to choose categories, so it
 * checks all three, as the document's example does. `cluster_name` is required but
 * only names the cluster in the platform's operation log.
 */
export function inspectionBody(cluster: { uuid: string; name: string }): InspectionRequest {
  return { cluster_uuid: cluster.uuid, cluster_name: cluster.name, check_system: true, check_network: true, check_hardware: true };
}

const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function wholeIn(path: string, v: number | undefined, min: number, max: number): void {
  if (v !== undefined && (!Number.isInteger(v) || v < min || v > max)) throw new ValidationError(path, `must be a whole number from ${min} to ${max}`);
}

function shareIn(path: string, v: number | undefined, low: number, lowOpen: boolean): void {
  if (v !== undefined && !((lowOpen ? v > low : v >= low) && v <= 1))
    throw new ValidationError(path, `must be a share ${lowOpen ? 'above' : 'from'} ${low} to 1`);
}

/**
 * `/v1/cluster/compute/service/drsconfig/update`: only the parts and fields given, as
 * the example sends DRS alone. Levels are the table's 1 (most conservative) to 5.
 */
export function drsConfigBody(clusterUuid: string, change: HciDrsChange) {
  const { drs, dpm } = change;
  if (Object.keys(defined(drs ?? {})).length + Object.keys(defined(dpm ?? {})).length === 0) {
    throw new ValidationError('input', 'say what to change of drs or dpm');
  }
  wholeIn('input.drs.maxStep', drs?.maxStep, 1, 1000);
  wholeIn('input.drs.maxConcurrentMigrations', drs?.maxConcurrentMigrations, 1, 1000);
  wholeIn('input.drs.maxHostConcurrentMigrations', drs?.maxHostConcurrentMigrations, 1, 1000);
  wholeIn('input.drs.thresholdLevel', drs?.thresholdLevel, 1, 5);
  wholeIn('input.drs.minBenefitLevel', drs?.minBenefitLevel, 1, 5);
  shareIn('input.dpm.highThreshold', dpm?.highThreshold, 0, false);
  shareIn('input.dpm.lowThreshold', dpm?.lowThreshold, 0, false);
  if (dpm?.lowThreshold !== undefined && dpm.highThreshold !== undefined && dpm.lowThreshold >= dpm.highThreshold) {
    throw new ValidationError('input.dpm.lowThreshold', 'must be below highThreshold');
  }
  const DRS = drs
    ? defined({
        Enabled: drs.enabled,
        MaxStep: drs.maxStep,
        MaxConcurrentMigration: drs.maxConcurrentMigrations,
        MaxHostConcurrentMigration: drs.maxHostConcurrentMigrations,
        ThresholdLevel: drs.thresholdLevel,
        MinBenefitLevel: drs.minBenefitLevel,
      })
    : {};
  const DPM = dpm ? defined({ Enabled: dpm.enabled, HighThreshold: dpm.highThreshold, LowThreshold: dpm.lowThreshold }) : {};
  return {
    cluster_uuid: clusterUuid,
    config: { ...(Object.keys(DRS).length ? { DRS } : {}), ...(Object.keys(DPM).length ? { DPM } : {}) },
  };
}

/**
 * `/v1/cluster/set/global/config`. The table marks all four thresholds required, the
 * example sends two: only those given are sent, each a share above 0 and at most 1.
 */
export function overAllocationBody(clusterUuid: string, change: HciOverAllocationChange) {
  const body = defined({
    StorOverAllocationThreshold: change.storage,
    CPUOverAllocationThreshold: change.cpu,
    MemOverAllocationThreshold: change.memory,
    USDOverAllocationThreshold: change.dataDisk,
  });
  if (Object.keys(body).length === 0) throw new ValidationError('input', 'say what to change: storage, cpu, memory or dataDisk');
  for (const key of ['storage', 'cpu', 'memory', 'dataDisk'] as const) shareIn(`input.${key}`, change[key], 0, true);
  return { cluster_uuid: clusterUuid, ...body };
}

/** The longest interval accepted: a year. The document gives no bound; a longer one is a typo, not a schedule. */
const MAX_BACKUP_INTERVAL_SECONDS = 366 * 24 * 60 * 60;

/** `/v1/cluster/data/snapshot/config/update`: every field the document marks required. */
export function metadataScheduleBody(clusterUuid: string, ip: string, schedule: HciMetadataBackupSchedule) {
  wholeIn('input.intervalSeconds', schedule.intervalSeconds, 1, MAX_BACKUP_INTERVAL_SECONDS);
  return { ip, duration: schedule.intervalSeconds, display_option: schedule.displayOption, cluster_uuid: clusterUuid };
}

/** `/v1/cluster/data/daemon/start` and `/stop`. */
export const daemonBody = (clusterUuid: string, ip: string) => ({ ip, cluster_uuid: clusterUuid });

/**
 * The canvas sides accepted, in pixels. The document gives only defaults; under 100 a
 * host and the ring of VMs around it do not fit, and over 10,000 is no screen's.
 */
const CANVAS_MIN = 100;
const CANVAS_MAX = 10_000;

/** `/v1/cluster/all_cluster/topology`: the cluster, and the canvas its coordinates are drawn in. */
export function topologyBody(clusterUuid: string, canvas: HciCanvas) {
  wholeIn('width', canvas.width, CANVAS_MIN, CANVAS_MAX);
  wholeIn('height', canvas.height, CANVAS_MIN, CANVAS_MAX);
  return { width: canvas.width, height: canvas.height, cluster_uuid: clusterUuid };
}
