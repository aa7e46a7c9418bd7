import type { Ref } from '../../model/entities.js';
import { redactSecrets } from '../../model/secrets.js';
import { builder } from '../builder.js';
import { ClusterRef } from './cluster.js';
import { DeploymentRef } from './deployment.js';
import { EventRef } from './event.js';
import { HostRef } from './host.js';
import { SnapshotRef } from './snapshot.js';
import { WorkflowRef } from './workflow.js';

/**
 * `rawData` on every vendor-backed type: what the vendor said about the object, for an
 * admin chasing a mapping question ("why is this DEGRADED?"). It is added here, once
 * for all types, so the admin rule and the redaction cannot differ between them.
 */
for (const ref of [ClusterRef, HostRef, SnapshotRef, EventRef, DeploymentRef, WorkflowRef]) {
  builder.objectField(ref, 'rawData', (t) =>
    t.field({
      type: 'JSON',
      nullable: true,
      description:
        'The vendor’s record this object was mapped from, as its API returned it, secrets removed (admin only). Null where the object is synthesized from no single record.',
      authScopes: { admin: true },
      resolve: (entity: Ref) => (entity.raw ? redactSecrets(entity.raw) : null),
    }),
  );
}
