import type { SimulatorDefinition } from '../kit/definition.js';

// Placeholder until the dcos simulator lands: serves nothing but its error shape.
export const dcosSimulator: SimulatorDefinition = {
  kind: 'dcos',
  title: 'DC/OS container cluster manager',
  defaultPort: 10002,
  credentials: {},
  create: () => ({ routes: [], error: (status, message) => ({ status, body: { message } }) }),
};
