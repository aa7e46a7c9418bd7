import type { SimulatorDefinition } from '../kit/definition.js';
import { failure } from './envelope.js';
import { generateState } from './generate.js';
import { appRoutes } from './routes/apps.js';
import { auditRoutes } from './routes/audits.js';
import { authRoutes, Sessions } from './routes/auth.js';
import { businessRoutes } from './routes/businesses.js';
import { chartRoutes } from './routes/charts.js';
import { clusterRoutes } from './routes/clusters.js';
import { deploymentRoutes } from './routes/deployments.js';
import { externalRepoRoutes } from './routes/external-repos.js';
import { imageRoutes } from './routes/images.js';
import { nodeRoutes } from './routes/nodes.js';
import { projectRoutes } from './routes/projects.js';
import { repositoryUserRoutes } from './routes/repository-users.js';
import { userRoutes } from './routes/users.js';

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
        ...userRoutes(env, state, sessions),
        ...businessRoutes(env, state, sessions),
        ...clusterRoutes(env, state),
        ...nodeRoutes(env, state),
        ...imageRoutes(env, state, sessions),
        ...repositoryUserRoutes(env, state, sessions),
        ...projectRoutes(env, state, sessions),
        ...externalRepoRoutes(env, state),
        ...appRoutes(env, state),
        ...chartRoutes(env, state),
        ...deploymentRoutes(env, state, sessions),
        ...auditRoutes(env, state, sessions),
      ],
    };
  },
};
