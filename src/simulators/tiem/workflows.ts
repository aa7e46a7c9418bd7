import type { Rng } from '../kit/rng.js';
import type { Scheduler } from '../kit/scheduler.js';
import type { FailureContext, FlowDef } from './flows.js';
import { tiemId } from './format.js';
import type { TiemState, Workflow, WorkflowNode } from './state.js';

/** Between accepting an operation and running its first node TiEM queues it briefly. */
export const QUEUE_DELAY_MS = 5_000;

/** What a workflow does to the things it works on, at the simulated instant it happens. */
export interface WorkflowHooks {
  onStepStart?(step: string, at: number): void;
  onStepFinish?(step: string, at: number): void;
  onFinished?(at: number): void;
  /** Both failure and cancellation end here: TiEM runs the same rollback for either. */
  onAborted?(at: number): void;
}

export interface RunOptions {
  bizId: string;
  startAt: number;
  /** Index of the step that fails, if the operation is to fail. */
  failAt?: number;
  failure: FailureContext;
  parameters?: Record<string, unknown>;
  hooks?: WorkflowHooks;
}

/** One list of step names per flow, shared by all its workflows (a large fleet has tens of thousands). */
const STEP_NAMES = new WeakMap<FlowDef, readonly string[]>();
function stepNames(flow: FlowDef): readonly string[] {
  let names = STEP_NAMES.get(flow);
  if (!names) STEP_NAMES.set(flow, (names = flow.steps.map((s) => s.name)));
  return names;
}

type Schedule = (at: number, run: (at: number) => void) => void;

const isTerminal = (wf: Workflow) => wf.status === 'Finished' || wf.status === 'Error' || wf.status === 'Canceled';

/**
 * Runs TiEM workflows step by step. Live workflows advance on the simulator's scheduler;
 * historical ones are played through instantly with the same code, so a seeded
 * workflow has exactly the shape a live one ends with.
 */
export class WorkflowEngine {
  readonly #hooks = new Map<string, WorkflowHooks>();

  constructor(
    private readonly state: TiemState,
    private readonly rng: Rng,
    private readonly scheduler: Scheduler,
  ) {}

  /** Starts a workflow that progresses in simulated time from `startAt` (which may be in the past). */
  start(flow: FlowDef, options: RunOptions): Workflow {
    const wf = this.#create(flow, options);
    if (options.hooks) this.#hooks.set(wf.id, options.hooks);
    this.#drive(wf, flow, options, (at, run) => this.scheduler.at(at, run));
    return wf;
  }

  /** Records a workflow that already ran to its end; `canceledAt` stops it there. */
  settle(flow: FlowDef, options: RunOptions & { canceledAt?: number }): Workflow {
    const wf = this.#create(flow, options);
    const cutoff = options.canceledAt ?? Infinity;
    this.#drive(wf, flow, options, (at, run) => {
      if (at < cutoff) run(at);
    });
    if (options.canceledAt !== undefined) this.stop(wf, options.canceledAt);
    return wf;
  }

  /** Pairs a new failing-step choice with the flow: one of the steps that can fail. */
  pickFailingStep(flow: FlowDef): number {
    const candidates = flow.steps.flatMap((s, i) => (s.failure ? [i] : []));
    return this.rng.pick(candidates.length ? candidates : [0]);
  }

  /** Cancels a queued or running workflow (POST /workflow/stop); false when it already ended. */
  stop(wf: Workflow, at: number): boolean {
    if (isTerminal(wf)) return false;
    const running = wf.nodes.at(-1);
    if (running && running.status === 'Processing') {
      running.status = 'Canceled';
      running.endTime = at;
      running.result = 'workflow canceled by user';
    }
    wf.status = 'Canceled';
    wf.updateTime = at;
    this.#hooks.get(wf.id)?.onAborted?.(at);
    this.#hooks.delete(wf.id);
    return true;
  }

  #create(flow: FlowDef, options: RunOptions): Workflow {
    const wf: Workflow = {
      id: tiemId(this.rng),
      name: flow.flowName,
      bizId: options.bizId,
      bizType: 'cluster',
      status: 'Initializing',
      createTime: options.startAt,
      updateTime: options.startAt,
      stepNames: stepNames(flow),
      nodes: [],
    };
    this.state.workflows.add(wf);
    return wf;
  }

  #drive(wf: Workflow, flow: FlowDef, options: RunOptions, schedule: Schedule): void {
    const hooks = options.hooks ?? {};
    const parameters = JSON.stringify(options.parameters ?? { clusterId: options.bizId });
    const addNode = (name: string, at: number, durationMs: number): WorkflowNode => {
      const node: WorkflowNode = { id: tiemId(this.rng), name, parameters, result: '', status: 'Processing', startTime: at, durationMs };
      wf.nodes.push(node);
      return node;
    };
    const begin = (index: number, at: number) => {
      if (isTerminal(wf)) return;
      const step = flow.steps[index];
      if (!step) return;
      wf.status = 'Processing';
      wf.updateTime = at;
      const node = addNode(step.name, at, step.seconds * 1000);
      hooks.onStepStart?.(step.name, at);
      schedule(at + node.durationMs, (end) => complete(index, node, end));
    };
    const complete = (index: number, node: WorkflowNode, at: number) => {
      if (isTerminal(wf)) return;
      const step = flow.steps[index];
      node.endTime = at;
      wf.updateTime = at;
      if (index === options.failAt && step) {
        node.status = 'Error';
        node.result = step.failure ? step.failure(options.failure) : `${step.name} failed`;
        // TiEM's failure branch is itself a node (named "end"): it rolls back and closes the flow.
        const rollback = addNode('end', at, 0);
        rollback.status = 'Finished';
        rollback.endTime = at;
        rollback.result = 'rollback completed';
        wf.status = 'Error';
        hooks.onAborted?.(at);
        this.#hooks.delete(wf.id);
        return;
      }
      node.status = 'Finished';
      node.result = 'success';
      hooks.onStepFinish?.(node.name, at);
      if (index === flow.steps.length - 1) {
        wf.status = 'Finished';
        hooks.onFinished?.(at);
        this.#hooks.delete(wf.id);
        return;
      }
      begin(index + 1, at);
    };
    schedule(wf.createTime + QUEUE_DELAY_MS, (at) => begin(0, at));
  }
}

/** Total planned duration of a flow, for placing seeded in-progress workflows. */
export const flowDurationMs = (flow: FlowDef): number => QUEUE_DELAY_MS + flow.steps.reduce((sum, s) => sum + s.seconds * 1000, 0);
