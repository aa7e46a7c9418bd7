import type { Cluster, Event, Workflow } from '../model/entities.js';
import { encodeGlobalId } from '../model/ids.js';
import { TERMINAL_WORKFLOW_STATES } from '../model/status.js';
import { HighWaterMark } from './marks.js';
import type { ClusterStatusChange, WorkflowUpdate } from './pubsub.js';

/*
 * What counts as a change, in one place for the pollers (publish only changes) and for
 * each subscriber (deliver only what it has not had: replicas handing a feed over,
 * or a look repeated after an error, may publish a state twice).
 */

export const isTerminal = (w: Workflow) => TERMINAL_WORKFLOW_STATES.has(w.state);

export const workflowId = (w: Workflow) => encodeGlobalId({ type: 'Workflow', sourceId: w.sourceId, nativeId: w.nativeId });

/** What a subscriber compares to tell "changed" from "the same again". */
export const fingerprint = (w: Workflow) => JSON.stringify([w.state, w.progress, w.message, w.steps.map((s) => [s.name, s.state, s.message]), w.finishedAt]);

/**
 * `next` as it may be shown after `last`: progress never goes back. Vendors round
 * differently between looks, and a failed or cancelled flow reports less (or nothing)
 * once it stops, but a progress bar that was at 32% stays there when its flow fails.
 */
export function forward(last: Workflow | undefined, next: Workflow): Workflow {
  if (last?.progress === undefined || (next.progress !== undefined && next.progress >= last.progress)) return next;
  return { ...next, progress: last.progress };
}

/** Keys a subscriber remembers before forgetting the least recently changed. */
const REMEMBERED = 10_000;

/** A map that forgets its least recently set entries beyond a size: what a subscriber last got, bounded. */
class Recent<V> {
  readonly #map = new Map<string, V>();
  get(key: string): V | undefined {
    return this.#map.get(key);
  }
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > REMEMBERED) this.#map.delete(this.#map.keys().next().value as string);
  }
}

/** Per subscriber: passes a workflow update only when it differs from what this subscriber last got for that workflow. */
export function workflowChanges(): (update: WorkflowUpdate) => WorkflowUpdate | undefined {
  const sent = new Recent<{ workflow: Workflow; print: string }>();
  return (update) => {
    const id = workflowId(update.workflow);
    const last = sent.get(id);
    const workflow = forward(last?.workflow, update.workflow);
    // A failed look says so once, not on every retry; the first good look after it is news.
    const print = `${fingerprint(workflow)}|${update.error?.code ?? ''}`;
    if (last?.print === print) return undefined;
    sent.set(id, { workflow, print });
    return workflow === update.workflow ? update : { ...update, workflow };
  };
}

/** Per subscriber: passes a status change only when the cluster's status differs from the last this subscriber got. */
export function clusterChanges(): (change: ClusterStatusChange) => ClusterStatusChange | undefined {
  const sent = new Recent<Cluster['status']>();
  return (change) => {
    const key = `${change.cluster.sourceId}:${change.cluster.nativeId}`;
    if (sent.get(key) === change.cluster.status) return undefined;
    sent.set(key, change.cluster.status);
    return change;
  };
}

/** Per subscriber: passes each event once, by a high-water mark per source. */
export function newEvents(): (event: Event) => Event | undefined {
  const marks = new Map<string, HighWaterMark>();
  return (event) => {
    let mark = marks.get(event.sourceId);
    if (!mark) marks.set(event.sourceId, (mark = new HighWaterMark()));
    return mark.pass(event.occurredAt, event.nativeId) ? event : undefined;
  };
}

/** Waiting status changes of one cluster merge into one, from the earliest status to the latest. */
export const mergeStatusChanges = (waiting: ClusterStatusChange, newer: ClusterStatusChange): ClusterStatusChange => ({
  cluster: newer.cluster,
  previousStatus: waiting.previousStatus,
});
