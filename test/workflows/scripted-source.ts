import type { Cluster, Event, Workflow } from '../../src/model/entities.js';
import type { SourceAdapter } from '../../src/sources/adapter.js';
import { SourceError } from '../../src/sources/errors.js';

/**
 * A source whose workflows, events and clusters the test sets by hand: nothing moves
 * unless the test moves it, `down` makes every call fail, and `calls` counts them.
 */
export function scriptedSource(id: string) {
  const state = {
    workflows: new Map<string, Workflow>(),
    events: [] as Event[],
    clusters: new Map<string, Cluster>(),
    down: false,
    calls: [] as string[],
  };
  const waiters: { n: number; resolve: () => void }[] = [];
  const call = (what: string) => {
    state.calls.push(what);
    for (const w of waiters.filter((w) => state.calls.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    if (state.down) throw new SourceError('SOURCE_UNAVAILABLE', 'down for the test', { sourceId: id, sourceKind: 'dws' });
  };
  const adapter: SourceAdapter = {
    info: { id, kind: 'dws', name: id, url: `http://scripted/${id}` },
    isNativeId: () => true,
    capabilities: { entities: ['clusters', 'events', 'workflows'] },
    session: () => ({
      workflows: {
        pushdown: new Set(),
        list: async () => (call('list workflows'), [...state.workflows.values()]),
        get: async (nativeId) => (call(`get workflow ${nativeId}`), state.workflows.get(nativeId) ?? null),
      },
      events: { pushdown: new Set(), list: async () => (call('list events'), [...state.events]), get: async () => null },
      clusters: {
        pushdown: new Set(),
        list: async () => (call('list clusters'), [...state.clusters.values()]),
        get: async (nativeId) => (call(`get cluster ${nativeId}`), state.clusters.get(nativeId) ?? null),
      },
    }),
    operations: {},
    health: () => ({ health: state.down ? 'DOWN' : 'UP' }),
    probe: async () => call('probe'),
    close: async () => undefined,
  };
  const workflow = (nativeId: string, patch: Partial<Workflow> = {}): Workflow => {
    const w: Workflow = {
      sourceId: id,
      nativeId,
      kind: 'CreateCluster',
      state: 'RUNNING',
      rawState: 'x',
      progress: 0,
      steps: [],
      clusterNativeId: 'c1',
      ...state.workflows.get(nativeId),
      ...patch,
    };
    state.workflows.set(nativeId, w);
    return w;
  };
  let n = 0;
  const event = (occurredAt: string): Event => {
    const e: Event = { sourceId: id, nativeId: `e${++n}`, occurredAt, severity: 'INFO', message: `event ${n}` };
    state.events.push(e);
    return e;
  };
  const cluster = (nativeId: string, status: Cluster['status']): Cluster => {
    const c: Cluster = { sourceId: id, nativeId, name: nativeId, kind: 'DATA_WAREHOUSE', status, rawStatus: status, labels: [], endpoints: [] };
    state.clusters.set(nativeId, c);
    return c;
  };
  /** Resolves once the source has been called `n` times in all. */
  const called = (n: number) => new Promise<void>((resolve) => (state.calls.length >= n ? resolve() : waiters.push({ n, resolve })));
  return { adapter, state, workflow, event, cluster, called };
}
