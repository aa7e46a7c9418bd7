import type { SimEnv } from '../kit/definition.js';
import type { EventLog, EventName } from './events.js';
import { busy } from './errors.js';
import { type DwsCluster, type DwsNode, type DwsSnapshot, type DwsStore, FAILED_TASKS, isHealthy, memberCount, memberNodes } from './model.js';
import { addNodes, assignCns, setNodeStatus } from './nodes.js';

const MIN = 60_000;

/** One step of an operation: what the cluster shows while it runs and for how long. */
export interface Step {
  task: string | null;
  progressKey: string | null;
  durationMs: number;
}

interface Run {
  steps: Step[];
  /** Decided once, when the operation starts (env.operationFails()). */
  fails: boolean;
  /** The step at whose end a failing run fails; default the last. */
  failAt?: number;
  startedAt?: number;
  done(at: number): void;
  failed(at: number): void;
}

/**
 * The failure causes DWS reports in `failed_reasons`; the codes are the service's
 * console error codes for these operations (the document's table has none).
 */
const FAILURES = {
  create: { error_code: 'DWS.6000', error_msg: 'Failed to create the cluster. Contact the customer service or try again later.' },
  resize: { error_code: 'DWS.6001', error_msg: 'Failed to scale out the cluster. Contact the customer service or try again later.' },
  restart: { error_code: 'DWS.6002', error_msg: 'Failed to restart the cluster. Contact the customer service or try again later.' },
  restore: { error_code: 'DWS.6003', error_msg: 'Failed to restore the cluster. Contact the customer service or try again later.' },
  generic: { error_code: 'DWS.0005', error_msg: 'Server failure.' },
} as const;

/** Snapshot time grows with data: about a minute per 150 GB, 2 to 20 minutes. */
export const snapshotDuration = (dataGb: number) => Math.min(20, Math.max(2, Math.round(dataGb / 150))) * MIN;

/** How long a deleted cluster stays visible as DELETED before it disappears. */
export const DELETED_RETENTION_MS = 30 * MIN;

/**
 * Long-running operations. Each runs as a sequence of steps in simulated time; the
 * cluster's task_status / action_progress show the current step, and every start and
 * end is recorded as an event. A later operation on the same cluster (a delete during
 * creation) supersedes the earlier one, whose remaining steps then do nothing.
 */
export class Operations {
  #seq = 0;
  readonly #current = new Map<string, number>();

  constructor(
    private readonly env: SimEnv,
    private readonly store: DwsStore,
    private readonly events: EventLog,
  ) {}

  private get now() {
    return this.env.clock.now();
  }

  private between(minMinutes: number, maxMinutes: number) {
    return this.env.rng.int(minMinutes * 60, maxMinutes * 60) * 1000;
  }

  private record(name: EventName, c: { id: string; name: string }, at: number) {
    this.events.record(name, c, at);
  }

  run(c: DwsCluster, run: Run): void {
    const ticket = ++this.#seq;
    this.#current.set(c.id, ticket);
    const failAt = run.fails ? (run.failAt ?? run.steps.length - 1) : -1;
    const live = () => this.#current.get(c.id) === ticket;
    const finish = (at: number, ok: boolean) => {
      c.step = null;
      c.updatedAt = at;
      this.#current.delete(c.id);
      if (ok) run.done(at);
      else run.failed(at);
    };
    const enter = (i: number, at: number) => {
      const step = run.steps[i] as Step;
      c.step = { task: step.task, progressKey: step.progressKey, startedAt: at, durationMs: step.durationMs };
      c.updatedAt = at;
      this.env.scheduler.at(at + step.durationMs, (end) => {
        if (!live()) return;
        if (i === failAt) finish(end, false);
        else if (i + 1 < run.steps.length) enter(i + 1, end);
        else finish(end, true);
      });
    };
    enter(0, run.startedAt ?? this.now);
  }

  /** Refuses an operation on a cluster that is not idle and healthy (DWS.0011). */
  assertIdle(c: DwsCluster): void {
    if (!isHealthy(c)) throw busy(c.id, `the cluster is ${c.status}`);
    const task = c.step?.task ?? c.lastTaskResult;
    if (c.step || (task && !(FAILED_TASKS as readonly string[]).includes(task))) {
      throw busy(c.id, `task ${task ?? 'in progress'} is running`);
    }
  }

  /** Starts a fresh operation: earlier failure results are cleared. */
  private begin(c: DwsCluster, event: EventName) {
    c.lastTaskResult = null;
    c.failedReasons = null;
    this.record(event, c, this.now);
  }

  create(c: DwsCluster, restoredFrom?: DwsSnapshot): void {
    const restoring = restoredFrom !== undefined;
    this.record(restoring ? 'restoreClusterStart' : 'createClusterStart', c, this.now);
    if (restoredFrom) restoredFrom.status = 'RESTORING';
    const settleSnapshot = (at: number) => {
      if (restoredFrom && restoredFrom.status === 'RESTORING') {
        restoredFrom.status = 'AVAILABLE';
        restoredFrom.updatedAt = at;
      }
    };
    // The document: "It takes 10 to 15 minutes to create a cluster"; a restore also copies data.
    const durationMs = restoring ? this.between(15, 25) : this.between(10, 15);
    this.run(c, {
      steps: [{ task: restoring ? 'RESTORING' : null, progressKey: restoring ? 'RESTORING' : 'CREATING', durationMs }],
      fails: this.env.operationFails(),
      done: (at) => {
        c.status = 'AVAILABLE';
        c.subStatus = 'NORMAL';
        setNodeStatus(c.nodes, '200');
        settleSnapshot(at);
        this.record(restoring ? 'restoreClusterSuccess' : 'createClusterSuccess', c, at);
      },
      failed: (at) => {
        c.status = 'CREATION FAILED';
        c.subStatus = null;
        c.failedReasons = restoring ? FAILURES.restore : FAILURES.create;
        setNodeStatus(c.nodes, '303');
        settleSnapshot(at);
        this.record(restoring ? 'restoreClusterFailure' : 'createClusterFailure', c, at);
      },
    });
  }

  restart(c: DwsCluster): void {
    this.assertIdle(c);
    this.begin(c, 'rebootClusterStart');
    this.run(c, {
      steps: [{ task: 'REBOOTING', progressKey: 'REBOOTING', durationMs: this.between(3, 6) }],
      fails: this.env.operationFails(),
      done: (at) => {
        // Parameters waiting for a restart take effect with it.
        if (c.parameterGroupStatus === 'Pending-Reboot') c.parameterGroupStatus = 'In-Sync';
        this.record('rebootClusterSuccess', c, at);
      },
      failed: (at) => {
        c.lastTaskResult = 'REBOOT_FAILURE';
        c.failedReasons = FAILURES.restart;
        this.record('rebootClusterFailure', c, at);
      },
    });
  }

  /**
   * Scale-out: new nodes are created, joined (GROWING) and, unless auto_redistribute is
   * false, data is redistributed; then the cluster waits in WAITING_REDISTRIBUTION.
   * With create_node_only the nodes are only created and stay idle (node status 199).
   */
  resize(c: DwsCluster, count: number, options: { createNodeOnly: boolean; autoRedistribute: boolean; subnetPrefix?: string }): void {
    this.assertIdle(c);
    const idle = c.nodes.filter((n) => n.status === '199');
    const reused = options.createNodeOnly ? [] : idle.slice(0, count);
    const origin = memberCount(c);
    this.begin(c, 'resizeClusterStart');
    const created = addNodes(this.env.rng, c, count - reused.length, '100', options.subnetPrefix);
    const joining: DwsNode[] = [...reused, ...created];
    if (!options.createNodeOnly) c.resize = { target: origin + count, origin, status: 'GROWING', startedAt: this.now };
    const fails = this.env.operationFails();
    const steps: Step[] = [{ task: 'CREATING_NODE', progressKey: 'GROWING', durationMs: created.length ? this.between(4, 7) : MIN }];
    if (!options.createNodeOnly) {
      steps.push({ task: 'GROWING', progressKey: 'GROWING', durationMs: this.between(6, 10) });
      if (options.autoRedistribute) steps.push({ task: 'REDISTRIBUTING', progressKey: 'REDISTRIBUTING', durationMs: this.between(8, 15) });
    }
    this.run(c, {
      steps,
      fails,
      // A failing scale-out fails while the new nodes join, and is rolled back.
      failAt: options.createNodeOnly ? 0 : 1,
      done: (at) => {
        if (options.createNodeOnly) {
          setNodeStatus(joining, '199');
          this.record('addIdleNodeSuccess', c, at);
          return;
        }
        setNodeStatus(joining, '200');
        c.resize = null;
        if (options.autoRedistribute) c.subStatus = 'NORMAL';
        else {
          c.subStatus = 'UNBALANCED';
          c.lastTaskResult = 'WAITING_REDISTRIBUTION';
        }
        this.record('resizeClusterSuccess', c, at);
      },
      failed: (at) => {
        c.nodes = c.nodes.filter((n) => !created.includes(n));
        setNodeStatus(reused, '199');
        if (c.resize) c.resize.status = 'RESIZE_FAILURE';
        c.lastTaskResult = options.createNodeOnly ? 'CREATE_NODE_FAILED' : 'RESIZE_FAILURE';
        c.failedReasons = FAILURES.resize;
        this.record('resizeClusterFailure', c, at);
      },
    });
  }

  shrink(c: DwsCluster, shrinkNumber: number): void {
    this.assertIdle(c);
    this.begin(c, 'shrinkClusterStart');
    // The nodes leave from the end of the ring, CN hosts last.
    const leaving = [...memberNodes(c)]
      .reverse()
      .sort((a, b) => Number(a.cn) - Number(b.cn))
      .slice(0, shrinkNumber);
    const fails = this.env.operationFails();
    const failAt = fails ? this.env.rng.int(0, 1) : undefined;
    this.run(c, {
      steps: [
        { task: 'SHRINK_CHECKING', progressKey: 'SHRINK_CHECKING', durationMs: this.between(1, 3) },
        { task: 'CLUSTER_SHRINKING', progressKey: 'CLUSTER_SHRINKING', durationMs: this.between(8, 14) },
      ],
      fails,
      ...(failAt !== undefined ? { failAt } : {}),
      done: (at) => {
        c.nodes = c.nodes.filter((n) => !leaving.includes(n));
        c.subStatus = 'NORMAL';
        this.record('shrinkClusterSuccess', c, at);
      },
      failed: (at) => {
        c.lastTaskResult = failAt === 0 ? 'SHRINK_CHECK_FAILED' : 'CLUSTER_SHRINK_FAILED';
        c.failedReasons = FAILURES.generic;
        this.record('shrinkClusterFailure', c, at);
      },
    });
  }

  /** CN changes have no failure task status in the document: a failure rolls back and leaves failed_reasons. */
  changeCns(c: DwsCluster, change: { add: number } | { remove: DwsNode[] }): void {
    this.assertIdle(c);
    const adding = 'add' in change;
    this.begin(c, adding ? 'addCNStart' : 'deleteCNStart');
    const currentCns = c.nodes.filter((n) => n.cn).length;
    this.run(c, {
      steps: [{ task: adding ? 'ADD_CN_ING' : 'DEL_CN_ING', progressKey: adding ? 'ADD_CN_ING' : 'DEL_CN_ING', durationMs: this.between(3, 6) }],
      fails: this.env.operationFails(),
      done: (at) => {
        if ('add' in change) assignCns(c, currentCns + change.add);
        else change.remove.forEach((n) => (n.cn = false));
        this.record(adding ? 'addCNSuccess' : 'deleteCNSuccess', c, at);
      },
      failed: (at) => {
        c.failedReasons = FAILURES.generic;
        this.record(adding ? 'addCNFailure' : 'deleteCNFailure', c, at);
      },
    });
  }

  /**
   * A one-step cluster task (data sources, ELB binding, parameter changes): the cluster
   * shows `task.name` while it runs and takes no other operation; a failure leaves
   * `task.failedTask` (when the document names one) and failed_reasons.
   */
  task(
    c: DwsCluster,
    task: {
      name: string;
      progressKey: string | null;
      minutes: readonly [number, number];
      events: readonly [EventName, EventName, EventName];
      failedTask?: string;
    },
    done: (at: number) => void,
    failed: (at: number) => void = () => undefined,
  ): void {
    this.assertIdle(c);
    const [start, success, failure] = task.events;
    this.begin(c, start);
    this.run(c, {
      steps: [{ task: task.name, progressKey: task.progressKey, durationMs: this.between(task.minutes[0], task.minutes[1]) }],
      fails: this.env.operationFails(),
      done: (at) => {
        done(at);
        this.record(success, c, at);
      },
      failed: (at) => {
        c.lastTaskResult = task.failedTask ?? null;
        c.failedReasons = FAILURES.generic;
        failed(at);
        this.record(failure, c, at);
      },
    });
  }

  snapshot(c: DwsCluster, s: DwsSnapshot): void {
    this.assertIdle(c);
    c.lastTaskResult = null;
    c.failedReasons = null;
    this.record('createSnapshotStart', s, this.now);
    this.run(c, {
      steps: [{ task: 'SNAPSHOTTING', progressKey: 'SNAPSHOTTING', durationMs: s.durationMs }],
      fails: this.env.operationFails(),
      done: (at) => {
        s.status = 'AVAILABLE';
        s.finishedAt = at;
        s.updatedAt = at;
        this.record('createSnapshotSuccess', s, at);
      },
      failed: (at) => {
        s.status = 'UNAVAILABLE';
        // A failed snapshot has finished too: `finished` is when it gave up.
        s.finishedAt = at;
        s.updatedAt = at;
        this.record('createSnapshotFailure', s, at);
      },
    });
  }

  delete(c: DwsCluster, keepManual: number): void {
    if (c.status === 'DELETING' || c.status === 'DELETED') throw busy(c.id, `the cluster is ${c.status}`);
    c.status = 'DELETING';
    c.subStatus = null;
    c.lastTaskResult = null;
    this.record('deleteClusterStart', c, this.now);
    setNodeStatus(c.nodes, '304');
    this.run(c, {
      steps: [{ task: null, progressKey: null, durationMs: this.between(2, 5) }],
      fails: this.env.operationFails(),
      done: (at) => {
        c.status = 'DELETED';
        c.deletedAt = at;
        setNodeStatus(c.nodes, '400');
        this.dropSnapshots(c, keepManual);
        this.record('deleteClusterSuccess', c, at);
        this.scheduleRemoval(c);
      },
      failed: (at) => {
        c.status = 'DELETE_FAILED';
        // Like every failed operation, a failed deletion says why in failed_reasons.
        c.failedReasons = FAILURES.generic;
        setNodeStatus(c.nodes, '305');
        this.record('deleteClusterFailure', c, at);
      },
    });
  }

  /** A DELETED cluster disappears from the API once its retention has passed. */
  scheduleRemoval(c: DwsCluster): void {
    this.env.scheduler.at((c.deletedAt ?? this.now) + DELETED_RETENTION_MS, () => {
      if (c.status === 'DELETED') this.store.clusters.delete(c.id);
    });
  }

  /** A deleted cluster's automated snapshots go with it; the newest `keep` manual ones stay. */
  private dropSnapshots(c: DwsCluster, keep: number) {
    const manual = this.store
      .snapshotsOf(c.id)
      .filter((s) => s.type === 'MANUAL')
      .sort((a, b) => b.startedAt - a.startedAt);
    const kept = new Set(manual.slice(0, keep));
    for (const s of this.store.snapshotsOf(c.id)) if (!kept.has(s)) this.store.snapshots.delete(s.id);
  }

  /**
   * A task the seeded fleet shows as already running (started before the simulation);
   * it completes like the real one would, never failing, so the fleet settles over time.
   */
  resume(c: DwsCluster, step: Step, startedAt: number, settle: (at: number) => void): void {
    this.run(c, { steps: [step], fails: false, startedAt, done: settle, failed: () => undefined });
  }
}
