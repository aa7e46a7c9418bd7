import type { SourceConfig } from '../../../src/config.js';
import type { RunningSimulator } from '../../../src/simulators/kit/server.js';

/** The source config the OTE-stack adapter tests use over a running simulator, with `overrides`. */
export const oteSourceConfig = (sim: RunningSimulator, overrides: Partial<SourceConfig> = {}): SourceConfig => ({
  id: 'ote-edge',
  kind: 'otestack',
  name: 'OTE',
  url: sim.url,
  timeoutMs: 5_000,
  retries: 0,
  concurrency: 8,
  credentials: { ...sim.credentials },
  ...overrides,
});
