import { GatewayError, NotFoundError, UnsupportedOperationError, ValidationError } from '../../model/errors.js';
import { SourceError } from '../../sources/errors.js';
import { builder } from '../builder.js';

/**
 * The errors a mutation answers with as data (a result union member), so clients can
 * branch on them with `... on ValidationError { field }` rather than parse messages.
 */
export const ErrorInterface = builder.interfaceRef<GatewayError>('Error').implement({
  fields: (t) => ({ message: t.exposeString('message'), code: t.exposeString('code') }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ type: t.exposeString('type'), id: t.exposeID('id') }),
});

builder.objectType(UnsupportedOperationError, {
  name: 'UnsupportedOperationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    sourceKind: t.exposeString('sourceKind'),
    operation: t.exposeString('operation'),
    sourceId: t.exposeString('sourceId', { nullable: true }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { description: 'The input path at fault, e.g. input.dws.nodeType' }) }),
});

builder.objectType(SourceError, {
  name: 'SourceError',
  description: 'The vendor refused or failed; its own code and message are attached',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    sourceId: t.string({ resolve: (e) => e.detail.sourceId }),
    httpStatus: t.int({ nullable: true, resolve: (e) => e.detail.httpStatus ?? null }),
    vendorCode: t.string({ nullable: true, resolve: (e) => e.detail.vendorCode ?? null }),
    vendorMessage: t.string({ nullable: true, resolve: (e) => e.detail.vendorMessage ?? null }),
    outcomeUnknown: t.boolean({
      description: 'The request may have reached the vendor before the failure: check the target or its workflow before retrying',
      resolve: (e) => e.detail.outcomeUnknown === true,
    }),
  }),
});

/** Every mutation's error union members. */
export const MUTATION_ERRORS = [NotFoundError, UnsupportedOperationError, ValidationError, SourceError];
