import { requireCredentials, type SourceConfig } from '../../config.js';
import { TokenAuth } from '../auth.js';
import { callError } from '../errors.js';
import type { SourceAuth, SourceHttp } from '../http.js';
import { defineSource } from '../kit/define.js';
import { RequestScope } from '../scope.js';
import { DwsClient, type Identity, login, readDwsError } from './client.js';
import { createDwsOperations } from './operations.js';
import { dwsSession } from './session.js';
import { dwsVendor } from './vendor.js';
import { isDwsId } from './ids.js';

/**
 * The IAM token, cached and renewed a minute early or once on a 401 ("Cache the token ...
 * A token is valid for 24 hours", 3.2), and whom the latest one is for: the project every
 * path names (or the configured `projectId`), and the region IAM says DWS is in.
 */
function signIn(source: SourceConfig, iam: () => SourceHttp): { auth: SourceAuth; identity(signal?: AbortSignal): Promise<Identity> } {
  const credentials = requireCredentials(source, ['user', 'password', 'domain', 'project']);
  const projectId = source.credentials.projectId || undefined;
  let latest: Identity | undefined;
  const auth = new TokenAuth({
    login: async (signal) => {
      const signed = await login(iam(), credentials, signal);
      latest = { ...signed.identity, ...(projectId ? { projectId } : {}) };
      return signed.credential;
    },
  });
  return {
    auth,
    identity: async (signal) => {
      await auth.headers(signal);
      // Every token comes from a login, which records the identity: this names the source if that ever breaks.
      if (!latest)
        throw callError('SOURCE_AUTH_FAILED', 'the IAM login finished without naming a project', {
          sourceId: source.id,
          sourceKind: 'dws',
          method: 'POST',
          route: 'POST /v3/auth/tokens',
        });
      return latest;
    },
  };
}

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
export const createDwsAdapter = defineSource({
  entities: ['clusters', 'hosts', 'snapshots', 'events', 'workflows'],
  isNativeId: isDwsId,
  errors: { readVendorError: readDwsError },
  signIn,
  build(source, http, { identity }) {
    const client = new DwsClient(http, identity);
    const session = (scope: RequestScope) => dwsSession(client, source.id, source.concurrency, scope);
    const deps = { client, sourceId: source.id, session };
    return {
      session,
      operations: createDwsOperations(deps),
      vendor: dwsVendor(deps),
      async probe(signal) {
        await client.probe(new RequestScope(signal));
      },
    };
  },
});
