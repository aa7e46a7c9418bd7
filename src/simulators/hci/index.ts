import type { SimulatorDefinition } from '../kit/definition.js';
import { runtimeError } from './envelope.js';
import { cloudRoutes } from './routes/cloud.js';
import { clusterRoutes } from './routes/clusters.js';
import { dashboardRoutes } from './routes/dashboards.js';
import { drsRoutes } from './routes/drs.js';
import { inspectionRoutes } from './routes/inspection.js';
import { metadataRoutes } from './routes/metadata.js';
import { networkRoutes } from './routes/network.js';
import { overAllocationRoutes } from './routes/over-allocation.js';
import { resourceRoutes } from './routes/resources.js';
import { storageServiceRoutes } from './routes/storage-services.js';
import { taskRoutes } from './routes/tasks.js';
import { generateState } from './state.js';

/**
 * The hyper-converged platform's cluster service (document 001). It has no auth: the
 * document shows none, so every route is open and there is no `authenticate`.
 */
export const hciSimulator: SimulatorDefinition = {
  kind: 'hci',
  title: 'HCI platform (hyper-converged clusters)',
  defaultPort: 9990,
  credentials: {},
  create(env) {
    const state = generateState(env);
    return {
      routes: [
        ...clusterRoutes(env, state),
        ...resourceRoutes(state),
        ...inspectionRoutes(env, state),
        ...metadataRoutes(env, state),
        ...taskRoutes(env, state),
        ...networkRoutes(env, state),
        ...cloudRoutes(env, state),
        ...drsRoutes(state),
        ...overAllocationRoutes(state),
        ...storageServiceRoutes(env, state),
        ...dashboardRoutes(env, state),
      ],
      error: runtimeError,
    };
  },
};
