import type { SimulatorDefinition } from '../kit/definition.js';

// Placeholder until the otestack simulator lands: serves nothing but its error shape.
export const otestackSimulator: SimulatorDefinition = {
  kind: 'otestack',
  title: 'OTE-stack edge platform',
  defaultPort: 7490,
  credentials: {},
  create: () => ({ routes: [], error: (status, message) => ({ status, body: { message } }) }),
};
