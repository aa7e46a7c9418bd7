import type { SimulatorDefinition } from '../kit/definition.js';

// Placeholder until the tiem simulator lands: serves nothing but its error shape.
export const tiemSimulator: SimulatorDefinition = {
  kind: 'tiem',
  title: 'TiEM cluster service',
  defaultPort: 4116,
  credentials: {},
  create: () => ({ routes: [], error: (status, message) => ({ status, body: { message } }) }),
};
