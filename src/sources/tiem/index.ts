import { requireCredentials, type SourceConfig } from '../../config.js';
import type { AdapterDeps, AdapterFactory, SourceAdapter } from '../adapter.js';
import { TokenAuth } from '../auth.js';
import { type SourceAuth, type SourceHttp, sourceHttpSettings } from '../http.js';
import { signedInHttp } from '../kit/sign-in.js';
import { RequestScope } from '../scope.js';
import { CLUSTERS, login, readTiemError, TiemClient } from './client.js';
import { createTiemOperations } from './operations.js';
import { tiemSession } from './session.js';
import { isTiemId } from './ids.js';

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
 * workflows; and the changes of operations.ts. Besides the sign-in credentials, an
 * optional `restoreDbPassword` credential is the root password of clusters restored
 * from a backup: restoreSnapshot is offered only with it.
 */
export const createTiemAdapter: AdapterFactory = (source: SourceConfig, deps: AdapterDeps): SourceAdapter => {
  const { http, headers, close } = signedInHttp({ ...sourceHttpSettings(source, deps), readVendorError: readTiemError }, source, (loginHttp) =>
    signIn(source, loginHttp),
  );
  const client = new TiemClient({ http, ...(headers ? { headers } : {}) });

  const session = (scope: RequestScope) => tiemSession(client, source.id, source.concurrency, scope);
  const restoreDbPassword = source.credentials.restoreDbPassword;

  return {
    info: { id: source.id, kind: source.kind, name: source.name, url: source.url },
    capabilities: { entities: ['clusters', 'hosts', 'snapshots', 'workflows'] },
    isNativeId: isTiemId,
    session,
    operations: createTiemOperations({ client, sourceId: source.id, session, ...(restoreDbPassword ? { restoreDbPassword } : {}) }),
    health: () => http.health(),
    probe: async (signal) => {
      await client.page(new RequestScope(signal), CLUSTERS, {}, 1, 1);
    },
    close,
  };
};
