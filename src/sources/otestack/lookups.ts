import type { Limit } from '../kit/limit.js';
import { SourceError } from '../errors.js';
import type { RequestScope } from '../scope.js';
import { type Part, part } from '../partial.js';
import { type OteClient, PAGE_SIZE } from './client.js';
import { pageCount } from '../kit/paging.js';
import { AUDIT_STATUS, DEPLOYMENT_STATUS, hostNativeId, type Placement } from './map.js';
import type { OteCluster, OteDeployment, OteNode } from './wire.js';

/** The vendor's word for "every cluster" in `clusterLabel` and a deployment's `cluster`. */
export const ALL_CLUSTERS = 'all';

/** Audit status 0: waiting for an administrator ("Audit Deployment"). */

/**
 * What several readers of one request need and the vendor has no single call for:
 * cluster and node labels (the lists carry none), the full node list, and where each
 * deployment runs. Each is computed once per request; the RequestScope already makes
 * each URL one call, this also makes each index one computation.
 */
export class Lookups {
  readonly #once = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: OteClient,
    private readonly scope: RequestScope,
    private readonly limit: Limit,
  ) {}

  #memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let pending = this.#once.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = compute();
      this.#once.set(key, pending);
    }
    return pending;
  }

  clusterRows(): Promise<OteCluster[]> {
    return this.#memo('clusters', async () => (await this.client.clusters(this.scope)).items);
  }

  /** Names of the clusters carrying `label` (GET /v1/cluster?clusterLabel=…). */
  clustersLabelled(label: string): Promise<string[]> {
    return this.#memo(`clusters:${label}`, async () => (await this.client.clusters(this.scope, label)).items.map((c) => c.clusterName));
  }

  /** GET /v1/cluster/label: every label some cluster carries. */
  clusterLabelNames(): Promise<string[]> {
    return this.#memo('clusterLabelNames', () => this.client.clusterLabelNames(this.scope));
  }

  /**
   * Labels of the named clusters, the cheaper of two ways: one call per cluster, or —
   * when the fleet uses no more labels than clusters are asked for — the label list
   * plus one call per label, inverted (calls deployment placement shares). One
   * cluster is always asked directly. Each cluster's labels are a settled part: asked
   * one by one, a failed call fails only its own cluster's.
   */
  async clusterLabels(names: readonly string[]): Promise<Map<string, Part<string[]>>> {
    if (names.length > 1) {
      const vocabulary = await part(this.clusterLabelNames());
      if (!vocabulary.ok) return new Map(names.map((n) => [n, vocabulary]));
      if (vocabulary.value.length <= names.length) {
        const byCluster = await part(this.#memo('clusterLabelIndex', () => this.#invert(vocabulary.value)));
        return new Map(names.map((n) => [n, byCluster.ok ? { ok: true, value: byCluster.value.get(n) ?? [] } : byCluster]));
      }
    }
    const labels = await Promise.all(names.map((n) => part(this.limit(() => this.client.labelsOfCluster(this.scope, n)))));
    return new Map(names.map((n, i) => [n, labels[i] as Part<string[]>]));
  }

  async #invert(vocabulary: readonly string[]): Promise<Map<string, string[]>> {
    const members = await Promise.all(vocabulary.map((label) => this.limit(() => this.clustersLabelled(label))));
    const byCluster = new Map<string, string[]>();
    vocabulary.forEach((label, i) => {
      for (const name of members[i] ?? []) byCluster.set(name, [...(byCluster.get(name) ?? []), label]);
    });
    return byCluster;
  }

  /** Every node of every cluster, in the vendor's order. */
  allNodes(): Promise<OteNode[]> {
    return this.#memo('nodes', async () => (await this.client.nodes(this.scope)).items);
  }

  async nodesByCluster(): Promise<Map<string, OteNode[]>> {
    return this.#memo('nodesByCluster', async () => groupBy(await this.allNodes(), (n) => n.clusterName));
  }

  /**
   * Nodes of the named clusters, the cheaper of two ways: the walk of every node, or the
   * node list filtered to each cluster (`clusterName`, an exact match), priced in pages
   * from the cluster list's `nodeCount`s. A page of a large fleet's clusters then costs
   * about a call per cluster on it instead of a walk of the whole fleet's nodes. Without
   * the unfiltered cluster list at hand (or a row without `nodeCount`), it walks.
   */
  async nodesOf(names: readonly string[]): Promise<Map<string, OteNode[]>> {
    const rows = this.#once.has('nodesByCluster') ? undefined : await this.#once.get('clusters');
    const nodeCount = new Map((rows as OteCluster[] | undefined)?.map((r) => [r.clusterName, r.nodeCount]));
    const counts = [...nodeCount.values()];
    const perCluster = names.map((n) => nodeCount.get(n));
    if (counts.length === 0 || counts.some((c) => c === undefined) || perCluster.some((c) => c === undefined)) return this.nodesByCluster();
    const pages = (n: number) => pageCount(n, PAGE_SIZE);
    const walk = pages(counts.reduce((a: number, b) => a + (b ?? 0), 0));
    if (perCluster.reduce((a: number, b) => a + pages(b ?? 0), 0) >= walk) return this.nodesByCluster();
    const nodes = await Promise.all(names.map((n) => this.limit(async () => (await this.client.nodes(this.scope, { clusterName: n })).items)));
    return new Map(names.map((n, i) => [n, nodes[i] ?? []]));
  }

  /** Host id → node labels: the node label list, then which nodes carry each label. */
  nodeLabels(): Promise<Map<string, string[]>> {
    return this.#memo('nodeLabelIndex', async () => {
      const vocabulary = await this.client.nodeLabelNames(this.scope);
      const carriers = await Promise.all(vocabulary.map((label) => this.limit(() => this.client.nodesLabelled(this.scope, label))));
      const byHost = new Map<string, string[]>();
      vocabulary.forEach((label, i) => {
        for (const n of carriers[i] ?? []) {
          const id = hostNativeId(n.clusterName, n.nodeName);
          byHost.set(id, [...(byHost.get(id) ?? []), label]);
        }
      });
      return byHost;
    });
  }

  /**
   * Where each deployment runs and whether it waits for an audit. A deployment targets
   * a cluster label, a cluster name or "all" (an empty target means all, per Create
   * Deployment). Only targets that are labels in use cost a call, once each; a name
   * resolves from the cluster list. The audit list is read only when some deployment
   * is at status 0, the one status it disambiguates.
   */
  async placements(deployments: readonly OteDeployment[]): Promise<Map<number, Placement>> {
    const targets = [...new Set(deployments.map(targetOf))];
    const [covered, awaiting] = await Promise.all([
      Promise.all(targets.map((target) => this.coverage(target))),
      deployments.some((d) => d.status === DEPLOYMENT_STATUS.pending) ? this.#awaitingAudit() : new Set<number>(),
    ]);
    const byTarget = new Map(targets.map((t, i) => [t, covered[i] ?? []]));
    return new Map(deployments.map((d) => [d.id, { clusters: byTarget.get(targetOf(d)) ?? [], awaitingAudit: awaiting.has(d.id) }]));
  }

  /**
   * The clusters a deployment target covers: every one for "all", otherwise those
   * carrying the label and the cluster of that name (the vendor matches both).
   */
  async coverage(target: string): Promise<string[]> {
    const [clusters, vocabulary] = await Promise.all([this.clusterRows(), this.clusterLabelNames()]);
    const names = clusters.map((c) => c.clusterName);
    if (target === ALL_CLUSTERS) return names;
    const labelled = vocabulary.includes(target) ? await this.limit(() => this.clustersLabelled(target)) : [];
    return names.includes(target) && !labelled.includes(target) ? [target, ...labelled] : labelled;
  }

  /**
   * Deployments with a pending audit. Only administrators may read the audit list; for
   * anyone else the vendor refuses and status 0 stays plain PENDING.
   */
  #awaitingAudit(): Promise<Set<number>> {
    return this.#memo('awaitingAudit', async () => {
      try {
        const audits = await this.client.audits(this.scope);
        return new Set(audits.filter((a) => a.status === AUDIT_STATUS.pending && typeof a.deployId === 'number').map((a) => a.deployId as number));
      } catch (err) {
        if (err instanceof SourceError && err.code === 'SOURCE_ERROR') return new Set<number>();
        throw err;
      }
    });
  }
}

const targetOf = (d: OteDeployment) => (d.cluster ? d.cluster : ALL_CLUSTERS);

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
