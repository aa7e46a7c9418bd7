import type { SimulatorDefinition } from '../kit/definition.js';
import type { Ctx } from './context.js';
import { statusError } from './errors.js';
import { Operations } from './operations.js';
import { attachmentRoutes } from './routes/attachments.js';
import { authRoutes, authenticate } from './routes/auth.js';
import { clusterRoutes } from './routes/clusters.js';
import { hostRoutes } from './routes/hosts.js';
import { logRoutes } from './routes/logs.js';
import { providerRoutes } from './routes/providers.js';
import { pubkeyRoutes } from './routes/pubkeys.js';
import { registryRoutes } from './routes/registries.js';
import { smtpRoutes } from './routes/smtp.js';
import { seedFleet } from './seed.js';
import { emptyState } from './state.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The Linker DC/OS container cluster manager (document 002): clusters, their hosts,
 * system components and operation logs, and the catalogues clusters draw on (docker
 * registries, cloud providers, SSH public keys, SMTP servers), on port 10002, behind an
 * `X-Auth-Token` from `POST /v1/token`.
 */
export const dcosSimulator: SimulatorDefinition = {
  kind: 'dcos',
  title: 'DC/OS container cluster manager',
  defaultPort: 10002,
  credentials: {
    email: { env: 'SIM_DCOS_EMAIL', value: 'admin@fleetgate.local' },
    password: { env: 'SIM_DCOS_PASSWORD', value: 'Fleetgate@1' },
    tenantname: { env: 'SIM_DCOS_TENANT', value: 'sysadmin' },
  },
  create(env) {
    const { email = '', password = '', tenantname = '' } = env.credentials;
    const state = emptyState(env.rng, { username: 'sysadmin', email, password, tenantName: tenantname, role: 'sysadmin' }, env.clock.startedAt - 540 * DAY);
    const ctx: Ctx = { env, state, ops: new Operations(env, state) };
    ctx.ops.seeding(() => seedFleet(env, state, ctx.ops));
    return {
      routes: [
        ...authRoutes(ctx),
        ...clusterRoutes(ctx),
        ...hostRoutes(ctx),
        ...attachmentRoutes(ctx),
        ...registryRoutes(ctx),
        ...providerRoutes(ctx),
        ...pubkeyRoutes(ctx),
        ...smtpRoutes(ctx),
        ...logRoutes(ctx),
      ],
      authenticate: (req) => authenticate(ctx, req),
      error: statusError,
    };
  },
};
