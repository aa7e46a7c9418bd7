import type { Cluster, Host, Workflow } from '../../src/model/entities.js';
import type { WorkflowKind } from '../../src/model/workflow-kind.js';
import type { EntityReader, SourceAdapter } from '../../src/sources/adapter.js';
import type { ClusterFilter, HostFilter, WorkflowFilter } from '../../src/model/entity-types.js';
import { SourceError } from '../../src/sources/errors.js';
import { onePart } from '../../src/model/ids.js';
import { comparator } from './order.js';
import { known } from './known.js';

export interface FakeSourceOptions {
  id: string;
  clusters: number;
  /** Serve `window` (vendor paging) in native order. */
  paged?: boolean;
  /** The order `window` serves, as a reader declares it (`NAME_ASC`); absent, the clusters' own order. */
  nativeOrder?: `${'NAME' | 'CREATED_AT' | 'STATUS'}_${'ASC' | 'DESC'}`;
  /** Vendor-side filters, as a real adapter declares them. */
  pushdown?: (keyof ClusterFilter)[];
  fail?: boolean;
  /** Offer outlines (name, creation time) each completed by one more call, as HCI's clusters are. */
  outlined?: boolean;
  /** Serve `scan` (the list handed over item by item), as readers of large vendor lists do. */
  scanned?: boolean;
}

/**
 * An in-memory source for testing the gateway's list engine and schema without any
 * vendor: it counts its calls the way a simulator counts requests.
 */
/** The password inside every fake cluster's vendor record, which no response may show. */
export const FAKE_VENDOR_PASSWORD = 'fake-vendor-password';

export function fakeSource(options: FakeSourceOptions) {
  const calls: string[] = [];
  const statuses = ['RUNNING', 'FAILED', 'CREATING', 'STOPPED'] as const;
  const clusters: Cluster[] = Array.from({ length: options.clusters }, (_, i) => ({
    sourceId: options.id,
    nativeId: `c${String(i).padStart(4, '0')}`,
    // Names collide across sources on purpose: ties must break on (source, id).
    name: `cluster-${(i * 7919) % 97}`,
    kind: 'DATABASE',
    status: statuses[i % statuses.length] as Cluster['status'],
    rawStatus: 'raw',
    labels: [{ key: 'env', value: i % 2 ? 'prod' : 'dev' }],
    endpoints: [],
    createdAt: new Date(Date.UTC(2026, 0, 1) + ((i * 104729) % 1000) * 3_600_000).toISOString(),
    // A vendor record with a credential in it, as several vendors' records have.
    raw: { id: `c${String(i).padStart(4, '0')}`, state: 'raw', login: { user: 'root', password: FAKE_VENDOR_PASSWORD } },
  }));
  const hosts: Host[] = clusters.flatMap((c) =>
    [0, 1].map((h) => ({
      sourceId: options.id,
      nativeId: `${c.nativeId}-h${h}`,
      clusterNativeId: c.nativeId,
      name: `${c.name}-host-${h}`,
      addresses: [`10.0.0.${h}`],
      status: 'ONLINE' as const,
      rawStatus: 'up',
      labels: [],
    })),
  );
  const check = (what: string) => {
    calls.push(what);
    if (options.fail) throw new SourceError('SOURCE_UNAVAILABLE', 'down for the test', { sourceId: options.id, sourceKind: 'tiem' });
  };
  const vendorFilter = (filter: ClusterFilter) => clusters.filter((c) => (filter.status ? filter.status.includes(known(c.status)) : true));
  const native = options.nativeOrder;
  const inNativeOrder = (items: Cluster[]) => {
    if (!native) return items;
    const [field, direction] = native.split(/_(?=ASC$|DESC$)/) as ['NAME' | 'CREATED_AT' | 'STATUS', 'ASC' | 'DESC'];
    return [...items].sort(comparator<'clusters'>({ field, direction }));
  };
  const clusterReader: EntityReader<Cluster, ClusterFilter> = {
    pushdown: new Set(options.pushdown ?? []),
    ...(native ? { nativeOrder: native } : {}),
    list: async (filter) => {
      check('list');
      return vendorFilter(filter);
    },
    ...(options.scanned
      ? {
          scan: async (filter: ClusterFilter, visit: (item: Cluster) => void) => {
            check('scan');
            for (const c of vendorFilter(filter)) visit(c);
          },
        }
      : {}),
    ...(options.paged
      ? {
          window: async (filter: ClusterFilter, offset: number, limit: number) => {
            check(`window ${offset}+${limit}`);
            const all = inNativeOrder(vendorFilter(filter));
            return { items: all.slice(offset, offset + limit), total: all.length };
          },
        }
      : {}),
    ...(options.outlined
      ? {
          outline: {
            fields: new Set(['sourceId', 'nativeId', 'name', 'createdAt']),
            list: async (filter: ClusterFilter) => {
              check('outline');
              return vendorFilter(filter).map((c) => ({
                known: { sourceId: c.sourceId, nativeId: c.nativeId, name: c.name, createdAt: c.createdAt },
                complete: async () => {
                  check(`complete ${c.nativeId}`);
                  return c;
                },
              }));
            },
          },
        }
      : {}),
    get: async (id) => {
      check(`get ${id}`);
      return clusters.find((c) => c.nativeId === id) ?? null;
    },
  };
  const hostReader: EntityReader<Host, HostFilter> = {
    pushdown: new Set(),
    list: async () => {
      check('hosts');
      return hosts;
    },
    get: async (id) => hosts.find((h) => h.nativeId === id) ?? null,
    byCluster: async (id) => {
      check(`hosts of ${id}`);
      return hosts.filter((h) => h.clusterNativeId === id);
    },
  };
  // Workflows advance a quarter each time the vendor is asked, so a poller drives them.
  const workflows = new Map<string, Workflow>();
  const workflowReader: EntityReader<Workflow, WorkflowFilter> = {
    pushdown: new Set(),
    list: async () => {
      check('workflows');
      return [...workflows.values()];
    },
    get: async (id) => {
      check(`workflow ${id}`);
      const w = workflows.get(id);
      if (!w) return null;
      if (w.state === 'RUNNING') {
        const progress = Math.min(1, (w.progress ?? 0) + 0.25);
        const failing = w.rawKind === 'Doomed' && progress >= 0.5;
        const next: Workflow = {
          ...w,
          progress,
          state: failing ? 'FAILED' : progress >= 1 ? 'SUCCEEDED' : 'RUNNING',
          ...(failing ? { message: 'the vendor gave up' } : {}),
        };
        workflows.set(id, next);
      }
      return workflows.get(id) ?? null;
    },
  };
  /** A `Doomed` workflow fails half way. */
  const startWorkflow = (nativeId: string, kind: WorkflowKind | 'Doomed' = 'CreateCluster') => {
    const w: Workflow = {
      sourceId: options.id,
      nativeId,
      kind: kind === 'Doomed' ? 'Other' : kind,
      rawKind: kind,
      state: 'RUNNING',
      rawState: 'running',
      progress: 0,
      steps: [],
      clusterNativeId: clusters[0]?.nativeId,
    };
    workflows.set(nativeId, w);
    return w;
  };
  const adapter: SourceAdapter = {
    info: { id: options.id, kind: 'tiem', name: options.id, url: `http://fake/${options.id}` },
    capabilities: { entities: ['clusters', 'hosts', 'workflows'] },
    // Its ids are one part each (c0000, c0000-h0, restart-c0000).
    isNativeId: (_type, id) => onePart(id),
    session: () => ({ clusters: clusterReader, hosts: hostReader, workflows: workflowReader }),
    operations: {
      restartCluster: async (id) => {
        check(`restart ${id}`);
        if (id === 'c0001') {
          throw new SourceError('SOURCE_ERROR', 'cluster is busy', {
            sourceId: options.id,
            sourceKind: 'tiem',
            vendorCode: '20114',
            vendorMessage: 'cluster is busy',
            httpStatus: 409,
          });
        }
        const workflow = startWorkflow(`restart-${id}`, 'RestartCluster');
        return { target: { type: 'Cluster', nativeId: id }, workflow };
      },
    },
    health: () => ({ health: options.fail ? 'DOWN' : 'UP' }),
    probe: async () => check('probe'),
    close: async () => undefined,
  };
  return { adapter, clusters, hosts, calls, startWorkflow, readers: { clusters: clusterReader, hosts: hostReader, workflows: workflowReader } };
}
