import type { SimulatorDefinition } from '../kit/definition.js';
import type { TiemContext } from './context.js';
import { errorForStatus } from './errors.js';
import { tiemId } from './format.js';
import { generateFleet } from './generate.js';
import { ClusterOperations } from './operations.js';
import { authenticate, authRoutes } from './routes/auth.js';
import { backupRoutes } from './routes/backups.js';
import { clusterRoutes } from './routes/clusters.js';
import { workflowRoutes } from './routes/workflows.js';
import { newState } from './state.js';
import { WorkflowEngine } from './workflows.js';

/**
 * TiEM (TiDB Enterprise Manager) cluster service: clusters, backups and the workflows
 * every change runs as, under `/api/v1`, with bearer-token login.
 */
export const tiemSimulator: SimulatorDefinition = {
  kind: 'tiem',
  title: 'TiEM cluster service',
  defaultPort: 4116,
  credentials: {
    userName: { env: 'SIM_TIEM_USER', value: 'admin' },
    userPassword: { env: 'SIM_TIEM_PASSWORD', value: 'admin' },
    // Not checked by the simulator: the demo gateway's TiEM source sets it as the root
    // password of restored clusters, which TiEM's restore requires (see sources/tiem).
    restoreDbPassword: { env: 'SIM_TIEM_RESTORE_DB_PASSWORD', value: 'Restor3d!root' },
  },
  create(env) {
    const state = newState();
    const ids = env.rng.fork('accounts');
    const account = {
      userName: env.credentials.userName ?? 'admin',
      password: env.credentials.userPassword ?? 'admin',
      userId: tiemId(ids),
      tenantId: tiemId(ids),
    };
    const engine = new WorkflowEngine(state, env.rng.fork('workflows'), env.scheduler);
    const ops = new ClusterOperations(state, engine, env.rng.fork('operations'));
    const ctx: TiemContext = { env, state, engine, ops, account };
    generateFleet({ env, state, engine, ops, userId: account.userId });
    return {
      error: errorForStatus,
      authenticate: (req) => authenticate(env, req),
      routes: [...authRoutes(env, account), ...clusterRoutes(ctx), ...workflowRoutes(ctx), ...backupRoutes(ctx)],
    };
  },
};
