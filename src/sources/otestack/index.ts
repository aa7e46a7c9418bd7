import { requireCredentials } from '../../config.js';
import type { AdapterFactory, SourceAdapter } from '../adapter.js';
import { type IssuedCredential, TokenAuth } from '../auth.js';
import { SourceHttp, type SourceHttpOptions, sourceHttpSettings } from '../http.js';
import { OteClient, readOteError, tokenCredential } from './client.js';
import { oteOperations } from './operations.js';
import { oteSession } from './session.js';
import { isOtestackId } from './ids.js';

/**
 * OTE-stack edge platform (document 004). Logs in with `user`/`password` for a token
 * that lives an hour; the token is refreshed with PUT /v1/authorization before it
 * expires, and a token the vendor refuses is replaced by a fresh login. Operations:
 * deployments and cluster labels (operations.ts).
 */
export const createOtestackAdapter: AdapterFactory = (source, deps) => {
  const { user, password } = requireCredentials(source, ['user', 'password']);
  const options = (url: string): SourceHttpOptions => ({ ...sourceHttpSettings(source, deps), url, readVendorError: readOteError });
  // The token calls go to `authUrl` where one is configured; they never carry the
  // cached token themselves (refresh sends the one it extends).
  const authHttp = source.authUrl ? new SourceHttp(options(source.authUrl)) : undefined;
  const auth = new TokenAuth({
    login: async (signal): Promise<IssuedCredential> => tokenCredential(await tokens.login(user, password, signal), Date.now()),
    refresh: async (current, signal): Promise<IssuedCredential> => tokenCredential(await tokens.refresh(current.headers.authorization ?? '', signal), Date.now()),
  });
  const http = new SourceHttp({ ...options(source.url), auth });
  const client: OteClient = new OteClient(http);
  const tokens: OteClient = authHttp ? new OteClient(authHttp) : client;

  const adapter: SourceAdapter = {
    info: { id: source.id, kind: source.kind, name: source.name, url: source.url },
    capabilities: { entities: ['clusters', 'hosts', 'deployments', 'workflows'] },
    isNativeId: isOtestackId,
    session: (scope) => oteSession(client, source.id, source.concurrency, scope),
    operations: oteOperations({ client, sourceId: source.id, sourceKind: source.kind, concurrency: source.concurrency }),
    health: () => http.health(),
    probe: (signal) => client.whoAmI(signal),
    close: async () => {
      await Promise.all([http.close(), authHttp?.close()]);
    },
  };
  return adapter;
};
