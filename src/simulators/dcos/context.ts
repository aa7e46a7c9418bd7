import type { SimEnv } from '../kit/definition.js';
import { CODE, DcosError } from './errors.js';
import { isObjectId } from './ids.js';
import type { Operations } from './operations.js';
import type { Cluster, ClusterStatus, DcosState } from './state.js';

/** What every route module works on. */
export interface Ctx {
  env: SimEnv;
  state: DcosState;
  ops: Operations;
}

export function requireCluster(state: DcosState, id: string | undefined): Cluster {
  if (!id || !isObjectId(id)) throw new DcosError(CODE.invalid, 'Invalid cluster id.');
  const cluster = state.clusters.get(id);
  if (!cluster) throw new DcosError(CODE.clusterQuery, `cluster ${id} not found`);
  return cluster;
}

/** Clusters in these states are busy or gone; the real service refuses to change them. */
export function assertOperable(cluster: Cluster, busy: readonly ClusterStatus[]): void {
  if (busy.includes(cluster.status)) throw new DcosError(CODE.invalidStatus, `Cannot operate on a ${cluster.status} cluster`);
}

/** A status filter: one of `allowed`, or the service's special `unterminated`. */
export function statusFilter<S extends string>(raw: string | null, allowed: readonly S[]): ((status: S) => boolean) | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (value === 'unterminated') return (s) => s !== 'TERMINATED';
  if (!(allowed as readonly string[]).includes(value)) throw new DcosError(CODE.invalid, `Invalid parameter status: ${value}`);
  return (s) => s === value;
}

/** A non-negative integer field of a request body; absent means `fallback`. */
export function countField(body: Record<string, unknown>, field: string, fallback?: number): number {
  const v = body[field];
  if (v === undefined || v === null) {
    if (fallback === undefined) throw new DcosError(CODE.invalidNumber, `${field} is required`);
    return fallback;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new DcosError(CODE.invalidNumber, `${field} must be a non-negative integer`);
  return v;
}
