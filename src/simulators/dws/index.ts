import type { SimulatorDefinition } from '../kit/definition.js';

// Placeholder until the dws simulator lands: serves nothing but its error shape.
export const dwsSimulator: SimulatorDefinition = {
  kind: 'dws',
  title: 'Huawei Cloud DWS',
  defaultPort: 7480,
  credentials: {},
  create: () => ({ routes: [], error: (status, message) => ({ status, body: { message } }) }),
};
