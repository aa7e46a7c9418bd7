import { requireCredentials, type SourceConfig } from '../../config.js';
import { TokenAuth } from '../auth.js';
import type { SourceAuth, SourceHttp } from '../http.js';
import { defineSource } from '../kit/define.js';
import { RequestScope } from '../scope.js';
import { CLUSTERS, login, readTiemError, TiemClient } from './client.js';
import { createTiemOperations } from './operations.js';
import { tiemSession } from './session.js';
import { isTiemId } from './ids.js';
import { tiemVendor } from './vendor.js';

/** TiEM issues tokens for four hours; its login answer does not say so itself. */
const TOKEN_TTL_MS = 4 * 60 * 60 * 1000;

/**
 * How the source signs in: a configured static bearer `token` (sent as is; a 401 means
 * it is wrong, there is nothing to renew), or `userName`/`userPassword` exchanged for
 * a token at POST /user/login, cached and renewed once however many calls see it expire.
 */
function signIn(source: SourceConfig, loginHttp: () => SourceHttp): { auth?: SourceAuth; headers?: Record<string, string> } {
  const token = source.credentials.token;
  if (token) return { headers: { authorization: `Bearer ${token}` } };
  const { userName, userPassword } = requireCredentials(source, ['userName', 'userPassword']);
  const auth = new TokenAuth({
    login: async (signal) => ({
      headers: { authorization: `Bearer ${await login(loginHttp(), userName, userPassword, signal)}` },
      expiresAt: Date.now() + TOKEN_TTL_MS,
    }),
  });
  return { auth };
}

/**
 * A TiEM cluster service: clusters, their instances as hosts, backups as snapshots, and
 * workflows; the changes of operations.ts; what only TiEM knows (vendor.ts). Besides
 * the sign-in credentials, an optional `restoreDbPassword` credential is the root
 * password of clusters restored from a backup: restoreSnapshot is offered only with it.
 */
export const createTiemAdapter = defineSource({
  entities: ['clusters', 'hosts', 'snapshots', 'workflows'],
  isNativeId: isTiemId,
  errors: { readVendorError: readTiemError },
  signIn,
  build(source, http, { headers }) {
    const client = new TiemClient({ http, ...(headers ? { headers } : {}) });
    const session = (scope: RequestScope) => tiemSession(client, source.id, source.concurrency, scope);
    const restoreDbPassword = source.credentials.restoreDbPassword;
    return {
      session,
      operations: createTiemOperations({ client, sourceId: source.id, session, ...(restoreDbPassword ? { restoreDbPassword } : {}) }),
      vendor: tiemVendor(client),
      probe: async (signal) => {
        await client.page(new RequestScope(signal), CLUSTERS, {}, 1, 1);
      },
    };
  },
});
