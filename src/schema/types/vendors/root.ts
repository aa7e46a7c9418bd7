import type { GatewayContext } from '../../../context.js';
import { UnsupportedOperationError, ValidationError } from '../../../model/errors.js';
import type { SourceKind } from '../../../model/source-kind.js';
import type { SourceAdapter } from '../../../sources/adapter.js';
import { sourceOf } from '../../operations.js';

/** What a vendor root field (`dws(sourceId:)`, `otestack(sourceId:)`) resolves to: one configured source of that kind. */
export interface VendorRoot<V> {
  sourceId: string;
  vendor: V;
}

/**
 * The source `sourceId` names, as its kind's vendor object; a ValidationError naming the
 * argument when no source has that id or it is of another kind (`product` says which, in
 * the vendor's own spelling). No vendor is asked.
 */
export function vendorRoot<V>(ctx: GatewayContext, sourceId: string, kind: SourceKind, product: string): VendorRoot<V> {
  const adapter = sourceOf(ctx, 'sourceId', sourceId);
  if (adapter.info.kind !== kind || !adapter.vendor) throw new ValidationError('sourceId', `"${sourceId}" is a ${adapter.info.kind} source, not ${product}`);
  return { sourceId, vendor: adapter.vendor as V };
}

/**
 * For `targetWith`: the vendor object of a source of `kind`, for its vendor mutation
 * `operation`; on a source of another kind, UnsupportedOperationError naming both, as a
 * common mutation's is.
 */
export const vendorOf =
  <V>(kind: SourceKind, operation: string) =>
  (adapter: SourceAdapter): V => {
    if (adapter.info.kind !== kind || !adapter.vendor) throw new UnsupportedOperationError(adapter.info.kind, operation, adapter.info.id);
    return adapter.vendor as V;
  };

/**
 * For a vendor mutation addressed by source (`sourceId`), not by object: the configured
 * source (ValidationError naming `sourceId` otherwise) and its vendor object of `kind`,
 * or, as a common mutation's, an UnsupportedOperationError on another kind.
 */
export function vendorSource<V>(ctx: GatewayContext, sourceId: string, kind: SourceKind, operation: string): { adapter: SourceAdapter; vendor: V } {
  const adapter = sourceOf(ctx, 'sourceId', sourceId);
  return { adapter, vendor: vendorOf<V>(kind, operation)(adapter) };
}
