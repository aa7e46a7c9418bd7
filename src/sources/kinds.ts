import type { SourceKind } from '../model/source-kind.js';
import type { AdapterFactory } from './adapter.js';
import { createDcosAdapter } from './dcos/index.js';
import { createDwsAdapter } from './dws/index.js';
import { createHciAdapter } from './hci/index.js';
import { createOtestackAdapter } from './otestack/index.js';
import { createTiemAdapter } from './tiem/index.js';

/** The adapter for each vendor kind: the one place that knows every kind's module. */
export const ADAPTERS: Record<SourceKind, AdapterFactory> = {
  tiem: createTiemAdapter,
  hci: createHciAdapter,
  dcos: createDcosAdapter,
  dws: createDwsAdapter,
  otestack: createOtestackAdapter,
};
