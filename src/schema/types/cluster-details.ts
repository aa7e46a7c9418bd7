import type { GatewayContext } from '../../context.js';
import type { Cluster } from '../../model/entities.js';
import type { DwsVendor } from '../../sources/dws/vendor.js';
import type { HciVendor } from '../../sources/hci/vendor.js';
import type { TiemVendor } from '../../sources/tiem/vendor.js';
import { builder } from '../builder.js';
import { ClusterRef } from './cluster.js';
import { type DwsClusterDetailsRoot, DwsClusterDetailsRef } from './vendors/dws.js';
import { type HciClusterDetailsRoot, HciClusterDetailsRef } from './vendors/hci.js';
import { type TiemClusterDetailsRoot, TiemClusterDetailsRef } from './vendors/tiem.js';

/**
 * `Cluster.details` (docs/vendor-capabilities.md): what only the cluster's vendor knows,
 * as that vendor's typed member. Kinds with nothing of their own yet answer null. The
 * member costs no call: each of its fields makes its own when selected.
 */
type ClusterDetails = DwsClusterDetailsRoot | HciClusterDetailsRoot | TiemClusterDetailsRoot;

const ClusterDetailsRef = builder.unionType('ClusterDetails', {
  description: 'What only the cluster’s vendor knows about it: select the member of its kind, e.g. `... on DwsClusterDetails { snapshotPolicy { … } }`',
  types: [DwsClusterDetailsRef, HciClusterDetailsRef, TiemClusterDetailsRef],
  resolveType: (details: ClusterDetails) => ({ dws: DwsClusterDetailsRef, hci: HciClusterDetailsRef, tiem: TiemClusterDetailsRef })[details.kind],
});

function detailsOf(ctx: GatewayContext, c: Cluster): ClusterDetails | null {
  const adapter = ctx.registry.get(c.sourceId);
  if (adapter.info.kind === 'dws' && adapter.vendor) return { kind: 'dws', clusterNativeId: c.nativeId, vendor: adapter.vendor as DwsVendor };
  if (adapter.info.kind === 'hci' && adapter.vendor)
    return { kind: 'hci', sourceId: c.sourceId, clusterNativeId: c.nativeId, vendor: adapter.vendor as HciVendor };
  if (adapter.info.kind === 'tiem' && adapter.vendor)
    return { kind: 'tiem', sourceId: c.sourceId, clusterNativeId: c.nativeId, ...(c.raw ? { record: c.raw } : {}), vendor: adapter.vendor as TiemVendor };
  return null;
}

builder.objectField(ClusterRef, 'details', (t) =>
  t.field({
    type: ClusterDetailsRef,
    nullable: true,
    description:
      'What only its vendor knows about it, typed per vendor (DWS: snapshot policy, parameters, EIP/ELB, resource management, audit dumps; HCI: inspection findings, host rankings, settings, management plane; TiEM: monitoring, disaster recovery, access, backup storage, resources); null for kinds with nothing of their own yet',
    resolve: (c, _args, ctx) => detailsOf(ctx, c),
  }),
);
