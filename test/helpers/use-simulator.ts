import { afterAll, beforeAll } from 'vitest';
import type { SimulatorDefinition } from '../../src/simulators/kit/definition.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulators/kit/server.js';

/**
 * One in-process simulator for the enclosing describe block (or file): started before its
 * tests, closed after them. Read `sim` inside hooks and tests; it is set once started.
 * `startTimeoutMs`, for a fleet too large to start within the hook timeout.
 */
export function useSimulator(definition: SimulatorDefinition, options: SimulatorOptions = {}, startTimeoutMs?: number): { readonly sim: RunningSimulator } {
  const holder = {} as { sim: RunningSimulator };
  beforeAll(async () => {
    holder.sim = await startSimulator(definition, options);
  }, startTimeoutMs);
  afterAll(() => holder.sim.close());
  return holder;
}
