import type { SourceConfig } from '../../../src/config.js';
import { createMetrics } from '../../../src/metrics.js';
import type { SourceAdapter } from '../../../src/sources/adapter.js';
import { createDcosAdapter } from '../../../src/sources/dcos/index.js';
import type { RunningSimulator } from '../../../src/simulators/kit/server.js';

/** The source config the DC/OS adapter tests use over a running simulator, with `overrides`. */
export const dcosSourceConfig = (sim: RunningSimulator, overrides: Partial<SourceConfig> = {}): SourceConfig => ({
  id: 'dcos-test',
  kind: 'dcos',
  name: 'DC/OS test',
  url: sim.url,
  timeoutMs: 2_000,
  retries: 1,
  concurrency: 4,
  credentials: { ...sim.credentials },
  ...overrides,
});

/** A DC/OS adapter over `sim`, with metrics of its own. */
export const dcosAdapterOver = (sim: RunningSimulator, overrides: Partial<SourceConfig> = {}): SourceAdapter =>
  createDcosAdapter(dcosSourceConfig(sim, overrides), { metrics: createMetrics() });
