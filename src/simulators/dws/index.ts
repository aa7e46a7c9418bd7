import type { SimulatorDefinition } from '../kit/definition.js';
import { runtimeError } from './errors.js';
import { EventLog } from './events.js';
import { generateFleet } from './generate.js';
import { authenticator, iamRoutes } from './iam.js';
import { DwsStore, type Project } from './model.js';
import { Operations } from './operations.js';
import { auditLogRoutes } from './routes/audit-logs.js';
import { catalogRoutes } from './routes/catalog.js';
import { clusterRoutes } from './routes/clusters.js';
import { configurationRoutes } from './routes/configurations.js';
import { connectionRoutes } from './routes/connections.js';
import { dataSourceRoutes } from './routes/data-sources.js';
import { nodeRoutes } from './routes/nodes.js';
import { observeRoutes } from './routes/observe.js';
import { quotaRoutes } from './routes/quotas.js';
import type { DwsContext } from './routes/shared.js';
import { snapshotPolicyRoutes } from './routes/snapshot-policies.js';
import { snapshotRoutes } from './routes/snapshots.js';
import { subscriptionRoutes } from './routes/subscriptions.js';
import { tagRoutes } from './routes/tags.js';
import { workloadRoutes } from './routes/workload.js';

/**
 * Huawei Cloud Data Warehouse Service (GaussDB(DWS)) with the IAM token API it
 * authenticates against: clusters, nodes and CNs, scale-out/in, resource management,
 * snapshots (create, restore, linked copy) and their policies, data sources, domain
 * names, ELBs and EIPs, events, alarms and their subscriptions, quotas, tags, parameter
 * configurations and audit logs, as document 003 describes them.
 */
export const dwsSimulator: SimulatorDefinition = {
  kind: 'dws',
  title: 'Huawei Cloud DWS',
  defaultPort: 7480,
  credentials: {
    user: { env: 'SIM_DWS_USER', value: 'demo' },
    password: { env: 'SIM_DWS_PASSWORD', value: 'Demo@12345' },
    domain: { env: 'SIM_DWS_DOMAIN', value: 'demo' },
    project: { env: 'SIM_DWS_PROJECT', value: 'demo' },
  },
  create(env) {
    const iam = env.rng.fork('iam');
    const project: Project = {
      id: iam.hex(32),
      name: env.credentials.project ?? 'demo',
      domainId: iam.hex(32),
      domainName: env.credentials.domain ?? 'demo',
      userId: iam.hex(32),
      userName: env.credentials.user ?? 'demo',
    };
    const store = new DwsStore(project);
    const events = new EventLog(store, env.rng.fork('events'));
    const ops = new Operations(env, store, events);
    generateFleet(env.rng.fork('fleet'), store, events, ops, env.clusters, env.clock.startedAt);
    const ctx: DwsContext = { env, store, ops, events };
    return {
      routes: [
        ...iamRoutes(env, project),
        ...catalogRoutes(project),
        ...clusterRoutes(ctx),
        ...nodeRoutes(ctx),
        ...workloadRoutes(ctx),
        ...snapshotRoutes(ctx),
        ...snapshotPolicyRoutes(ctx),
        ...dataSourceRoutes(ctx),
        ...connectionRoutes(ctx),
        ...observeRoutes(ctx),
        ...subscriptionRoutes(ctx),
        ...quotaRoutes(ctx),
        ...tagRoutes(ctx),
        ...configurationRoutes(ctx),
        ...auditLogRoutes(ctx),
      ],
      authenticate: authenticator(env, project),
      error: runtimeError,
    };
  },
};
