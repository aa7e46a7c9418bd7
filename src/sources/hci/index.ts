import { requireCredentials } from '../../config.js';
import type { AdapterFactory, SourceAdapter } from '../adapter.js';
import { sourceHttpSettings } from '../http.js';
import { signedInHttp } from '../kit/sign-in.js';
import { RequestScope } from '../scope.js';
import { HciClient, readHciError, transientHci500 } from './client.js';
import { createHciOperations } from './operations.js';
import { hciSession } from './session.js';
import { isHciId } from './ids.js';

/**
 * The HCI platform (document 001). It has no auth scheme, so no credentials and no
 * TokenAuth. It serves clusters, hosts, metadata snapshots and workflows synthesized
 * from inspections and host tasks; it has nothing that fits events or deployments
 * (the storage-service VM list has no documented answer). Its operations are in
 * operations.ts.
 */
export const createHciAdapter: AdapterFactory = (source, deps): SourceAdapter => {
  requireCredentials(source, []);
  // No sign-in: HCI shows no auth scheme.
  const { http, close } = signedInHttp(
    { ...sourceHttpSettings(source, deps), readVendorError: readHciError, transient500: transientHci500 },
    { url: source.url },
    () => ({}),
  );
  const client = new HciClient(http);
  const session = (scope: RequestScope) => hciSession(client, source.id, source.concurrency, scope);
  return {
    info: { id: source.id, kind: 'hci', name: source.name, url: source.url },
    capabilities: { entities: ['clusters', 'hosts', 'snapshots', 'workflows'] },
    isNativeId: isHciId,
    session,
    operations: createHciOperations({ client, session }),
    health: () => http.health(),
    async probe(signal) {
      await client.clusters(new RequestScope(signal), { page: { pageNum: 0, pageSize: 1 } });
    },
    close,
  };
};
