import pLimit from 'p-limit';
import { requireCredentials } from '../../config.js';
import type { AdapterFactory, SourceAdapter } from '../adapter.js';
import { TokenAuth } from '../auth.js';
import { SourceHttp, type SourceHttpOptions, sourceHttpSettings } from '../http.js';
import { RequestScope } from '../scope.js';
import { DwsClient, readDwsError } from './client.js';
import { createDwsOperations } from './operations.js';
import { dwsSession } from './session.js';
import { isDwsId } from './ids.js';

/**
 * Huawei Cloud DWS (document 003): clusters, their nodes, snapshots, events and alarms,
 * and workflows synthesized from clusters and snapshots in transition. DWS has no
 * deployments. Operations: clusters, their nodes, CNs and tags, and snapshots
 * (operations.ts).
 *
 * Credentials are the IAM password login's: `user`, `password`, `domain` (the account)
 * and `project` (its name, which scopes the token). `projectId` optionally overrides the
 * project id the token names, for accounts whose DWS project differs from the scope's.
 * `authUrl`, when set, is the region's IAM endpoint (real DWS serves IAM from another
 * host); otherwise the login goes to `url`.
 */
export const createDwsAdapter: AdapterFactory = (source, deps): SourceAdapter => {
  const credentials = requireCredentials(source, ['user', 'password', 'domain', 'project']);
  const projectId = source.credentials.projectId || undefined;
  const common: Omit<SourceHttpOptions, 'url' | 'auth'> = { ...sourceHttpSettings(source, deps), readVendorError: readDwsError };
  // "Cache the token ... A token is valid for 24 hours" (3.2): renewed a minute early, or once on a 401.
  const auth = new TokenAuth({ login: (signal) => client.login(credentials, signal) });
  const http = new SourceHttp({ ...common, url: source.url, auth });
  const iam = source.authUrl ? new SourceHttp({ ...common, url: source.authUrl }) : http;
  const client: DwsClient = new DwsClient(http, iam, (signal) => auth.headers(signal), projectId);
  const session = (scope: RequestScope) => dwsSession(client, source.id, source.concurrency, scope);

  return {
    info: { id: source.id, kind: 'dws', name: source.name, url: source.url },
    capabilities: { entities: ['clusters', 'hosts', 'snapshots', 'events', 'workflows'] },
    isNativeId: isDwsId,
    session,
    operations: createDwsOperations({ client, sourceId: source.id, concurrency: source.concurrency, session }),
    health: () => http.health(),
    async probe(signal) {
      await client.probe({ scope: new RequestScope(signal), limit: pLimit(1) });
    },
    async close() {
      await Promise.all([http.close(), ...(iam !== http ? [iam.close()] : [])]);
    },
  };
};
