import type { SimulatorDefinition } from '../kit/definition.js';

// Placeholder until the hci simulator lands: serves nothing but its error shape.
export const hciSimulator: SimulatorDefinition = {
  kind: 'hci',
  title: 'HCI platform',
  defaultPort: 9990,
  credentials: {},
  create: () => ({ routes: [], error: (status, message) => ({ status, body: { message } }) }),
};
