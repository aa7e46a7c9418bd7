import { requireCredentials, type SourceConfig } from '../../config.js';
import { type IssuedCredential, TokenAuth } from '../auth.js';
import type { SourceAuth, SourceHttp } from '../http.js';
import { defineSource } from '../kit/define.js';
import type { RequestScope } from '../scope.js';
import { login, OteClient, readOteError, refresh, tokenCredential } from './client.js';
import { oteOperations } from './operations.js';
import { oteSession } from './session.js';
import { isOtestackId } from './ids.js';
import { otestackVendor } from './vendor.js';

/** A token for `user`/`password`, refreshed before it expires; the token calls never carry the cached token themselves (refresh sends the one it extends). */
function signIn(source: SourceConfig, loginHttp: () => SourceHttp): { auth: SourceAuth } {
  const { user, password } = requireCredentials(source, ['user', 'password']);
  const auth = new TokenAuth({
    login: async (signal): Promise<IssuedCredential> => tokenCredential(await login(loginHttp(), user, password, signal), Date.now()),
    refresh: async (current, signal): Promise<IssuedCredential> =>
      tokenCredential(await refresh(loginHttp(), current.headers.authorization ?? '', signal), Date.now()),
  });
  return { auth };
}

/**
 * OTE-stack edge platform (document 004). Logs in with `user`/`password` for a token
 * that lives an hour; the token is refreshed with PUT /v1/authorization before it
 * expires, and a token the vendor refuses is replaced by a fresh login. Operations:
 * deployments and cluster and node labels (operations.ts); its own capabilities (the
 * catalogue, image repositories, users, business namespaces) are vendor.ts's.
 */
export const createOtestackAdapter = defineSource({
  entities: ['clusters', 'hosts', 'deployments', 'workflows'],
  isNativeId: isOtestackId,
  errors: { readVendorError: readOteError },
  signIn,
  build(source, http) {
    const client = new OteClient(http);
    const session = (scope: RequestScope) => oteSession(client, source.id, source.concurrency, scope);
    return {
      session,
      operations: oteOperations({ client, sourceId: source.id, sourceKind: source.kind, concurrency: source.concurrency, session }),
      vendor: otestackVendor(client, source.id),
      probe: (signal) => client.whoAmI(signal),
    };
  },
});
