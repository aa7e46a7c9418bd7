import { type SourceConfig, requireCredentials } from '../../config.js';
import { TokenAuth, staticAuth } from '../auth.js';
import type { SourceHttp, SourceAuth } from '../http.js';
import { defineSource } from '../kit/define.js';
import { RequestScope } from '../scope.js';
import { DcosClient, login, readDcosError, transientDcos500 } from './client.js';
import { createDcosOperations } from './operations.js';
import { dcosSession } from './session.js';
import { isDcosId } from './ids.js';

/**
 * A configured static `token` as it is, or a cached login with email, password and
 * tenant; and whom the credentials act as, the owner of clusters created without one.
 */
function signIn(source: SourceConfig, loginHttp: () => SourceHttp): { auth: SourceAuth; loggedInUser(signal?: AbortSignal): Promise<string | undefined> } {
  // A static token names no user.
  if (source.credentials.token)
    return { auth: staticAuth({ 'x-auth-token': requireCredentials(source, ['token']).token }), loggedInUser: async () => undefined };
  const credentials = requireCredentials(source, ['email', 'password', 'tenantname']);
  /** From the latest login. */
  let userId: string | undefined;
  const auth = new TokenAuth({
    login: async (signal) => {
      const issued = await login(loginHttp(), credentials, signal);
      userId = issued.user?.id;
      // `expire` is epoch seconds on the vendor's clock; one already past on ours means
      // the clocks disagree, and the token is then kept until the vendor refuses it.
      const expiresAt = issued.expire ? issued.expire * 1000 : undefined;
      return { headers: { 'x-auth-token': issued.id }, ...(expiresAt && expiresAt > Date.now() ? { expiresAt } : {}) };
    },
  });
  return {
    auth,
    loggedInUser: async (signal) => {
      // Making sure of a login records the user.
      await auth.headers(signal);
      return userId;
    },
  };
}

/**
 * The DC/OS container cluster manager as a Fleetgate source: clusters, their hosts, the
 * operation logs as events, and workflows synthesized from those logs.
 *
 * Credentials: `email`, `password`, `tenantname` (logged in at `POST /v1/token`, at
 * `authUrl` when set), or a static `token` sent as `X-Auth-Token` as it is.
 */
export const createDcosAdapter = defineSource({
  entities: ['clusters', 'hosts', 'events', 'workflows'],
  isNativeId: isDcosId,
  errors: { readVendorError: readDcosError, transient500: transientDcos500 },
  signIn,
  build(source, http, { loggedInUser }) {
    const client = new DcosClient(http);
    const session = (scope: RequestScope) => dcosSession(client, source.id, source.concurrency, scope);
    return {
      session,
      operations: createDcosOperations({ client, session, loggedInUser }),
      probe: async (signal) => {
        await client.clusters(new RequestScope(signal), {}, { skip: 0, limit: 1 });
      },
    };
  },
});
