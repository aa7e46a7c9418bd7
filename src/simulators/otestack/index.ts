import type { SimulatorDefinition } from '../kit/definition.js';
import { failure } from './envelope.js';
import { generateState } from './generate.js';
import { appRoutes } from './routes/apps.js';
import { auditRoutes } from './routes/audits.js';
import { authRoutes, Sessions } from './routes/auth.js';
import { clusterRoutes } from './routes/clusters.js';
import { deploymentRoutes } from './routes/deployments.js';
import { nodeRoutes } from './routes/nodes.js';

/** OTE-stack (Akraino AI Edge "Video Security Monitoring" R4 API). */
export const otestackSimulator: SimulatorDefinition = {
  kind: 'otestack',
  title: 'OTE-stack edge platform',
  defaultPort: 7490,
  credentials: {
    user: { env: 'SIM_OTESTACK_USER', value: 'admin' },
    password: { env: 'SIM_OTESTACK_PASSWORD', value: 'Admin@1234' },
  },
  create(env) {
    const state = generateState(env);
    const sessions = new Sessions(env, state);
    return {
      error: failure,
      authenticate: (req) => sessions.refuse(req),
      routes: [
        ...authRoutes(env, state, sessions),
        ...clusterRoutes(env, state),
        ...nodeRoutes(env, state),
        ...appRoutes(env, state),
        ...deploymentRoutes(env, state, sessions),
        ...auditRoutes(env, state, sessions),
      ],
    };
  },
};
