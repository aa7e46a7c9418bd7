import type { GatewayContext } from '../../context.js';
import type { Host } from '../../model/entities.js';
import { readOr } from '../../model/partial.js';
import type { DcosVendor } from '../../sources/dcos/vendor.js';
import type { TiemVendor } from '../../sources/tiem/vendor.js';
import { builder } from '../builder.js';
import { HostRef } from './host.js';
import { type DcosHostDetailsRoot, DcosHostDetailsRef } from './vendors/dcos.js';
import { type TiemHostDetailsRoot, TiemHostDetailsRef } from './vendors/tiem.js';

/**
 * `Host.details` (docs/vendor-capabilities.md): what only the host's vendor knows, as
 * that vendor's typed member. Kinds with nothing of their own yet answer null. The
 * member costs no call: each of its fields makes its own when selected.
 */
type HostDetails = DcosHostDetailsRoot | TiemHostDetailsRoot;

const HostDetailsRef = builder.unionType('HostDetails', {
  description: 'What only the host’s vendor knows about it: select the member of its kind, e.g. `... on DcosHostDetails { components { name healthy } }`',
  types: [DcosHostDetailsRef, TiemHostDetailsRef],
  resolveType: (details: HostDetails) => ({ dcos: DcosHostDetailsRef, tiem: TiemHostDetailsRef })[details.kind],
});

function detailsOf(ctx: GatewayContext, h: Host): HostDetails | null {
  const adapter = ctx.registry.get(h.sourceId);
  if (adapter.info.kind === 'dcos' && adapter.vendor && h.clusterNativeId)
    return { kind: 'dcos', clusterNativeId: h.clusterNativeId, addresses: readOr(h.addresses) ?? [], vendor: adapter.vendor as DcosVendor };
  if (adapter.info.kind === 'tiem' && adapter.vendor)
    return { kind: 'tiem', hostNativeId: h.nativeId, ...(h.raw ? { record: h.raw } : {}), vendor: adapter.vendor as TiemVendor };
  return null;
}

builder.objectField(HostRef, 'details', (t) =>
  t.field({
    type: HostDetailsRef,
    nullable: true,
    description:
      'What only its vendor knows about it, typed per vendor (DC/OS: its components’ health; TiEM: an instance’s ports and disk load); null for kinds with nothing of their own yet',
    resolve: (h, _args, ctx) => detailsOf(ctx, h),
  }),
);
