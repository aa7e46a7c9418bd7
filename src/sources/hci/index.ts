import { defineSource } from '../kit/define.js';
import { RequestScope } from '../scope.js';
import { HciClient, readHciError, transientHci500 } from './client.js';
import { createHciOperations } from './operations.js';
import { hciSession } from './session.js';
import { isHciId } from './ids.js';
import { hciVendor } from './vendor.js';

/**
 * The HCI platform (document 001). It has no auth scheme, so no credentials and no
 * TokenAuth. It serves clusters, hosts, metadata snapshots and workflows synthesized
 * from inspections and host tasks; it has nothing that fits events or deployments
 * (the storage-service VM list has no documented answer). Its operations are in
 * operations.ts, its own capabilities (inspection findings, host rankings, DRS) in
 * vendor.ts.
 */
export const createHciAdapter = defineSource({
  entities: ['clusters', 'hosts', 'snapshots', 'workflows'],
  isNativeId: isHciId,
  errors: { readVendorError: readHciError, transient500: transientHci500 },
  // No sign-in: HCI shows no auth scheme.
  signIn: () => ({}),
  build(source, http) {
    const client = new HciClient(http);
    const session = (scope: RequestScope) => hciSession(client, source.id, source.concurrency, scope);
    return {
      session,
      operations: createHciOperations({ client, session }),
      vendor: hciVendor(client, source.id),
      async probe(signal) {
        await client.clusters(new RequestScope(signal), { page: { pageNum: 0, pageSize: 1 } });
      },
    };
  },
});
