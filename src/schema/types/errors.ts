import { type GatewayError, NotFoundError, UnsupportedOperationError, ValidationError } from '../../model/errors.js';
import { SourceError } from '../../sources/errors.js';
import { builder } from '../builder.js';
import { SourceKindEnum } from './enums.js';

/**
 * The errors a mutation answers with as data (a result union member), so clients can
 * branch on them with `... on ValidationError { field }` rather than parse messages.
 */
export const ErrorInterface = builder.interfaceRef<GatewayError>('Error').implement({
  description: 'What every error answered as data has: branch on `code` or the type, show `message`',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, for people' }),
    code: t.exposeString('code', { description: 'What went wrong, as a stable code (the same as `extensions.code` of a GraphQL error)' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The id names nothing: the object was deleted, or its source is no longer configured (code NOT_FOUND)',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The type the id names, e.g. Cluster' }),
    id: t.exposeID('id', { description: 'The global id that names nothing' }),
  }),
});

builder.objectType(UnsupportedOperationError, {
  name: 'UnsupportedOperationError',
  description: 'The target’s vendor has no way to do this, e.g. stopping a DWS cluster (code UNSUPPORTED_OPERATION). Nothing was sent to the vendor.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    sourceKind: t.field({ type: SourceKindEnum, description: 'The kind of source that cannot do it', resolve: (e) => e.sourceKind.toUpperCase() as never }),
    operation: t.exposeString('operation', { description: 'The mutation asked for, e.g. stopCluster' }),
    sourceId: t.exposeString('sourceId', { nullable: true, description: 'The source that cannot do it; null where the error is about a kind, not one source' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input is wrong for this operation or this vendor (code VALIDATION_FAILED). Nothing was sent to the vendor.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { description: 'The input path at fault, e.g. input.dws.nodeType' }) }),
});

builder.objectType(SourceError, {
  name: 'SourceError',
  description: 'The vendor refused or failed; its own code and message are attached',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    sourceId: t.string({ description: 'The source that refused or failed', resolve: (e) => e.detail.sourceId }),
    httpStatus: t.int({
      nullable: true,
      description: 'The vendor’s HTTP status; null where no answer came (timeout, connection refused)',
      resolve: (e) => e.detail.httpStatus ?? null,
    }),
    vendorCode: t.string({ nullable: true, description: 'The vendor’s own error code; null where it gave none', resolve: (e) => e.detail.vendorCode ?? null }),
    vendorMessage: t.string({
      nullable: true,
      description: 'The vendor’s own error message; null where it gave none',
      resolve: (e) => e.detail.vendorMessage ?? null,
    }),
    outcomeUnknown: t.boolean({
      description: 'The request may have reached the vendor before the failure: check the target or its workflow before retrying',
      resolve: (e) => e.detail.outcomeUnknown === true,
    }),
  }),
});

/** Every mutation's error union members. */
export const MUTATION_ERRORS = [NotFoundError, UnsupportedOperationError, ValidationError, SourceError];
