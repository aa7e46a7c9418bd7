import { isIP } from 'node:net';
import { ValidationError } from '../../model/errors.js';
import type { DeleteClusterRequest } from '../../model/operations.js';
import type { DcosCreateRequest, DcosHostSpec, DcosPublicKeyInput, DcosRegistryInput, DcosScaleRequest, DcosSmtpInput } from './inputs.js';
import { isObjectId } from './ids.js';
import {
  type AddHostsBody,
  CATEGORIES,
  type Category,
  type CreateClusterBody,
  type CreateRegistryBody,
  type IdsBody,
  type RegistryRef,
  type RemoveHostsBody,
  type SmtpBody,
  type UploadPubkeyBody,
  type VendorRegistry,
  type VendorCluster,
  type VendorHost,
  type VendorNode,
} from './wire.js';
import { splitCompositeId } from './map.js';

/**
 * Pure gateway request → DC/OS request body, checked against the rules the cluster
 * manager enforces, so that a request it would refuse is refused here with the input
 * field named and nothing sent. The document states none of these rules; they are the
 * clustermgmt service's (and the simulator's, which follows it). The vendor checks them
 * again, and stays the judge of what depends on its state (names in use, addresses in
 * use, a busy cluster).
 */

/** Nodes a new cluster needs in all, by category. */
const MIN_NODES: Record<Category, number> = { compact: 2, ha: 5 };
/** What must still be running after hosts are removed: nodes, and shared nodes among them. */
const KEEP: Record<Category, { nodes: number; shared: number }> = { compact: { nodes: 2, shared: 1 }, ha: { nodes: 5, shared: 2 } };
/** The service's cluster name rule: a letter, then letters, digits and dashes, 15 at most. */
const NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const NAME_MAX = 15;

export function createClusterBody(req: DcosCreateRequest): CreateClusterBody {
  const dcos = req.dcos;
  if (!dcos) throw new ValidationError('input.dcos', 'a dcos source needs the dcos block');
  // The vendor has nowhere to put these; accepting them silently would lose them.
  if (req.labels.length > 0) throw new ValidationError('input.labels', 'DC/OS clusters have no labels');
  for (const field of ['version', 'region', 'zone'] as const) {
    if (req[field] !== undefined) throw new ValidationError(`input.${field}`, `DC/OS clusters have no ${field} to choose`);
  }
  const name = req.name.trim();
  if (!NAME_PATTERN.test(name)) throw new ValidationError('input.name', 'must start with a letter and have only letters, digits and dashes');
  if (name.length > NAME_MAX) throw new ValidationError('input.name', `must be at most ${NAME_MAX} characters`);
  const category = dcos.type ?? 'compact';
  if (!isCategory(category)) throw new ValidationError('input.dcos.type', `must be one of ${CATEGORIES.join(', ')}`);
  if (dcos.ownerId !== undefined && !isObjectId(dcos.ownerId)) throw new ValidationError('input.dcos.ownerId', 'must be a user id (24 hex digits)');

  const seen = new Set<string>();
  const masters = nodes(dcos.masters, 'input.dcos.masters', seen);
  const shared = nodes(dcos.shared ?? [], 'input.dcos.shared', seen);
  const slaves = nodes(dcos.slaves ?? [], 'input.dcos.slaves', seen);
  if (masters.length === 0) throw new ValidationError('input.dcos.masters', 'a cluster needs at least one master');
  if (shared.length === 0) throw new ValidationError('input.dcos.shared', 'a cluster needs at least one shared (public agent) node');
  const total = masters.length + shared.length + slaves.length;
  if (total < MIN_NODES[category]) {
    throw new ValidationError('input.dcos', `a ${category} cluster needs at least ${MIN_NODES[category]} nodes in all, got ${total}`);
  }
  return {
    name,
    ...(dcos.ownerId !== undefined ? { user_id: dcos.ownerId } : {}),
    type: 'customized',
    createCategory: category,
    masterCount: masters.length,
    sharedCount: shared.length,
    pureslaveCount: slaves.length,
    masterNodes: masters,
    sharedNodes: shared,
    pureslaveNodes: slaves,
  };
}

export function checkDeleteCluster(req: DeleteClusterRequest): void {
  if (req.force) throw new ValidationError('force', 'DC/OS has no forced delete: a busy cluster is refused until its operation ends');
  if (req.keepLastSnapshot) throw new ValidationError('keepLastSnapshot', 'DC/OS clusters have no snapshots');
}

/** What a scale request asks of DC/OS: one change, since the vendor runs one per cluster at a time. */
export type HostChange = { kind: 'add'; body: AddHostsBody } | { kind: 'remove'; hostIds: RemovalId[] };

/** A host to remove: its vendor id and the input field that named it. */
export interface RemovalId {
  hostId: string;
  field: string;
}

export function hostChange(clusterId: string, req: DcosScaleRequest): HostChange {
  if (req.nodeCount !== undefined) throw new ValidationError('input.nodeCount', 'DC/OS scales by hosts: use addHosts or removeHostIds');
  if (req.coordinatorCount !== undefined) throw new ValidationError('input.coordinatorCount', 'DC/OS clusters have no coordinators');
  const { addHosts, removeHostIds } = req;
  if (addHosts !== undefined && removeHostIds !== undefined) {
    throw new ValidationError('input', 'DC/OS runs one change per cluster at a time: add hosts or remove them, not both');
  }
  if (addHosts !== undefined) return { kind: 'add', body: addHostsBody(clusterId, addHosts) };
  if (removeHostIds !== undefined) return { kind: 'remove', hostIds: removalIds(clusterId, removeHostIds) };
  throw new ValidationError('input', 'say what to change: addHosts or removeHostIds');
}

/**
 * Added hosts join as private agents (`pureslave`): the gateway's host spec has no role,
 * and private agents are what a cluster grows by; public (shared) agents front its load
 * balancer and are chosen when the cluster is created.
 */
function addHostsBody(clusterId: string, hosts: DcosHostSpec[]): AddHostsBody {
  const added = nodes(hosts, 'input.addHosts', new Set());
  if (added.length === 0) throw new ValidationError('input.addHosts', 'name at least one host to add');
  return { clusterId, addMode: 'reuse', sharedCount: 0, pureslaveCount: added.length, sharedNodes: [], pureslaveNodes: added };
}

/**
 * Host native ids are `clusterId:hostId` (see map.ts); each must belong to the cluster
 * being scaled, since the vendor silently skips ids that are not its nodes.
 */
function removalIds(clusterId: string, ids: string[]): RemovalId[] {
  if (ids.length === 0) throw new ValidationError('input.removeHostIds', 'name at least one host to remove');
  const seen = new Set<string>();
  return ids.map((id, i) => {
    const field = `input.removeHostIds[${i}]`;
    const parts = splitCompositeId(id);
    if (!parts || !isObjectId(parts.id)) throw new ValidationError(field, `"${id}" is not a DC/OS host id`);
    if (parts.clusterId !== clusterId) throw new ValidationError(field, `host ${id} is not in cluster ${clusterId}`);
    if (seen.has(parts.id)) throw new ValidationError(field, `host ${id} is named twice`);
    seen.add(parts.id);
    return { hostId: parts.id, field };
  });
}

/**
 * Checks a removal against the cluster as the vendor lists it: every host is a live
 * agent of it, and what keeps running afterwards is enough for its category. A category
 * the vendor does not report leaves the size rule to the vendor.
 */
export function checkRemoval(cluster: VendorCluster, hosts: readonly VendorHost[], removal: readonly RemovalId[]): RemoveHostsBody {
  const byId = new Map(hosts.map((h) => [h.hostId, h]));
  for (const { hostId, field } of removal) {
    const host = byId.get(hostId);
    if (!host) throw new ValidationError(field, `cluster ${cluster._id} has no host ${hostId}`);
    if (host.status === 'TERMINATED' || host.status === 'TERMINATING') throw new ValidationError(field, `host ${hostId} is already ${host.status}`);
    if (host.isMasterNode) throw new ValidationError(field, `host ${hostId} is a master; masters cannot be removed`);
  }
  const category = cluster.createCategory;
  if (category && isCategory(category)) {
    const removed = new Set(removal.map((r) => r.hostId));
    const remaining = hosts.filter((h) => h.status === 'RUNNING' && !removed.has(h.hostId));
    const keep = KEEP[category];
    if (remaining.length < keep.nodes || remaining.filter((h) => h.isSharedNode).length < keep.shared) {
      throw new ValidationError(
        'input.removeHostIds',
        `a ${category} cluster keeps at least ${keep.nodes} running nodes, ${keep.shared} of them shared; this removal leaves ${remaining.length}`,
      );
    }
  }
  return { host_ids: removal.map((r) => r.hostId) };
}

const isCategory = (value: string): value is Category => (CATEGORIES as readonly string[]).includes(value);

/**
 * Host specs as vendor nodes. The vendor reaches each machine over SSH, so the address,
 * user and key are all required; an address may appear once per request (`seen` spans
 * the request's lists). Messages never quote the key.
 */
function nodes(specs: readonly DcosHostSpec[], path: string, seen: Set<string>): VendorNode[] {
  return specs.map((spec, i) => {
    const at = `${path}[${i}]`;
    const ip = spec.ip.trim();
    if (isIP(ip) === 0) throw new ValidationError(`${at}.ip`, `"${spec.ip}" is not an IP address`);
    if (seen.has(ip)) throw new ValidationError(`${at}.ip`, `${ip} appears twice in the request`);
    seen.add(ip);
    const sshUser = spec.sshUser?.trim();
    if (!sshUser) throw new ValidationError(`${at}.sshUser`, 'the vendor logs in over SSH and needs a user');
    if (!spec.privateKey?.trim()) throw new ValidationError(`${at}.privateKey`, 'the vendor logs in over SSH and needs a private key');
    return { ip, sshUser, privateKey: spec.privateKey };
  });
}

// ---- DC/OS's own capabilities (vendor.ts) ----

/** `host[:port][/path]`, as docker names a registry. */
const REGISTRY_ADDRESS = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?(\/[A-Za-z0-9._-]+)*$/;
/** `host[:port]`. */
const SERVER_ADDRESS = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/;
/** An OpenSSH public key line: type, base64 blob, optional comment. */
const PUBLIC_KEY = /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,3}( \S.*)?$/;

function required(value: string, field: string): string {
  const v = value.trim();
  if (!v) throw new ValidationError(field, 'must not be empty');
  return v;
}

function ownerId(owner: string | undefined, field: string): string {
  if (owner === undefined) throw new ValidationError(field, 'the source’s credentials name no user (a static token): give the owning user’s id');
  if (!isObjectId(owner)) throw new ValidationError(field, 'must be a user id (24 hex digits)');
  return owner;
}

/** `owner`: the input's, else whom the credentials act as. */
export function registryBody(input: DcosRegistryInput, owner: string | undefined): CreateRegistryBody {
  const address = required(input.address, 'input.address');
  if (!REGISTRY_ADDRESS.test(address)) throw new ValidationError('input.address', 'must be host[:port][/path]');
  return {
    name: required(input.name, 'input.name'),
    registry: address,
    user_id: ownerId(input.ownerId ?? owner, 'input.ownerId'),
    isSystemRegistry: input.system ?? false,
    ...(input.secure !== undefined ? { secure: input.secure } : {}),
    ...(input.username !== undefined ? { username: input.username } : {}),
    ...(input.password !== undefined ? { password: input.password } : {}),
    ...(input.caText !== undefined ? { ca_text: input.caText } : {}),
  };
}

export function pubkeyBody(input: DcosPublicKeyInput, owner: string | undefined): UploadPubkeyBody {
  const value = required(input.value, 'input.value');
  // Never echoed: a private key pasted by mistake must not land in an error message or a log.
  if (!PUBLIC_KEY.test(value)) throw new ValidationError('input.value', 'must be an OpenSSH public key line (ssh-rsa AAAA... comment)');
  return { name: required(input.name, 'input.name'), pubkeyValue: value, user_id: ownerId(input.ownerId ?? owner, 'input.ownerId') };
}

export function smtpBody(input: DcosSmtpInput): SmtpBody {
  const address = required(input.address, 'input.address');
  if (!SERVER_ADDRESS.test(address)) throw new ValidationError('input.address', 'must be host[:port]');
  if (!input.password) throw new ValidationError('input.password', 'must not be empty');
  return { name: required(input.user, 'input.user'), address, passwd: input.password };
}

/** Catalogue ids to attach to or detach from a cluster: at least one, each a vendor id, each once. */
export function idsBody(ids: readonly string[], field: string): IdsBody {
  if (ids.length === 0) throw new ValidationError(field, 'give at least one id');
  const bad = ids.find((id) => !isObjectId(id));
  if (bad !== undefined) throw new ValidationError(field, `"${bad}" is not a DC/OS id (24 hex digits)`);
  return { ids: [...new Set(ids)] };
}

/** createCluster's `dcos.registryIds` as the create body's `dockerRegistries` (一), from the catalogue as the vendor lists it. */
export function registryRefs(ids: readonly string[], catalogue: readonly VendorRegistry[]): RegistryRef[] {
  return [...new Set(ids)].map((id, i) => {
    const r = catalogue.find((c) => c._id === id);
    if (!r) throw new ValidationError(`input.dcos.registryIds[${i}]`, `the source has no docker registry "${id}"`);
    return { _id: r._id, name: r.name, registry: r.registry, isSystemRegistry: r.isSystemRegistry === true };
  });
}
