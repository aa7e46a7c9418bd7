import { SOURCE_KINDS, type SourceKind } from '../model/source-kind.js';
import type { SimulatorDefinition } from './kit/definition.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from './kit/server.js';
import { dcosSimulator } from './dcos/index.js';
import { dwsSimulator } from './dws/index.js';
import { hciSimulator } from './hci/index.js';
import { otestackSimulator } from './otestack/index.js';
import { tiemSimulator } from './tiem/index.js';

export const SIMULATORS: Record<SourceKind, SimulatorDefinition> = {
  tiem: tiemSimulator,
  hci: hciSimulator,
  dcos: dcosSimulator,
  dws: dwsSimulator,
  otestack: otestackSimulator,
};

export interface FleetOptions extends Omit<SimulatorOptions, 'port'> {
  /** Port per kind; a kind left out gets a free port. */
  ports?: Partial<Record<SourceKind, number>>;
  kinds?: readonly SourceKind[];
}

export interface Fleet {
  simulators: Record<SourceKind, RunningSimulator>;
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts every simulator (or `kinds`) in this process. If one cannot start, the ones
 * already started are closed again, so a failed start leaves no port behind.
 */
export async function startFleet(options: FleetOptions = {}): Promise<Fleet> {
  const { ports = {}, kinds = SOURCE_KINDS, ...common } = options;
  const started = await Promise.allSettled(kinds.map((kind) => startSimulator(SIMULATORS[kind], { ...common, port: ports[kind] ?? 0 })));
  const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((s) => s.close()));
    throw failed.reason;
  }
  const simulators = Object.fromEntries(running.map((s) => [s.kind, s])) as Record<SourceKind, RunningSimulator>;
  return {
    simulators,
    reset: () => running.forEach((s) => s.reset()),
    close: async () => {
      await Promise.all(running.map((s) => s.close()));
    },
  };
}
