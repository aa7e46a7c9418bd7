import type { SourceKind } from '../model/source-kind.js';
import type { AdapterFactory } from './adapter.js';
import { dcosInputs } from './dcos/inputs.js';
import { createDcosAdapter } from './dcos/index.js';
import { dwsInputs } from './dws/inputs.js';
import { createDwsAdapter } from './dws/index.js';
import { hciInputs } from './hci/inputs.js';
import { createHciAdapter } from './hci/index.js';
import type { VendorInputs } from './kit/inputs.js';
import { createOtestackAdapter } from './otestack/index.js';
import { tiemInputs } from './tiem/inputs.js';
import { createTiemAdapter } from './tiem/index.js';

/** The adapter for each vendor kind: the one place that knows every kind's module. */
export const ADAPTERS: Record<SourceKind, AdapterFactory> = {
  tiem: createTiemAdapter,
  hci: createHciAdapter,
  dcos: createDcosAdapter,
  dws: createDwsAdapter,
  otestack: createOtestackAdapter,
};

/** What each kind adds to the mutations' inputs, which the schema composes; a kind that takes no parameters of its own has none. */
export const INPUTS: Partial<Record<SourceKind, VendorInputs>> = {
  tiem: tiemInputs,
  hci: hciInputs,
  dcos: dcosInputs,
  dws: dwsInputs,
};
