import { json, type SimResponse } from '../kit/http.js';

/**
 * Error codes. The API document has no error table, so these are the codes the real
 * Linker DC/OS services use (clustermgmt `E500xx` for clusters, `E501xx` for hosts,
 * the common library's `E1200x`), which is what a client of the real product sees.
 */
export const CODE = {
  unknown: 'E12001',
  invalid: 'E12002',
  internal: 'E12003',
  unauthorized: 'E12004',
  clusterNameExists: 'E50003',
  clusterQuery: 'E50004',
  invalidNumber: 'E50010',
  invalidName: 'E50011',
  invalidType: 'E50012',
  callUsermgmt: 'E50013',
  invalidStatus: 'E50016',
  deleteNodeNumber: 'E50018',
  ipExists: 'E50019',
  components: 'E50020',
  hostQuery: 'E50103',
  hostDeleteMaster: 'E50105',
  // Codes for the catalogues the document adds beside clusters (registries, providers,
  // public keys, SMTP servers), numbered on in the same scheme; see the README's table of choices where the documents are silent.
  registryNameExists: 'E50201',
  registryQuery: 'E50202',
  registryInUse: 'E50203',
  providerNameExists: 'E50301',
  providerQuery: 'E50302',
  providerInUse: 'E50303',
  pubkeyNameExists: 'E50401',
  pubkeyQuery: 'E50402',
  pubkeyInvalid: 'E50403',
  smtpAddressExists: 'E50501',
  smtpQuery: 'E50502',
} as const;

export type ErrorCode = (typeof CODE)[keyof typeof CODE];

/**
 * Thrown by handlers and turned into the vendor's error body by `guarded`. The real
 * services answer every business error with HTTP 500; only authentication failures
 * use 401 (see `auth.ts`).
 */
export class DcosError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status = 500,
  ) {
    super(message);
  }
}

export const failure = (code: ErrorCode, errormsg: string, status = 500): SimResponse => json(status, { success: false, error: { code, errormsg } });

/** `{success, count?, data}`; `count` only when the caller asked for it. */
export const success = (data: unknown, count?: number, headers?: Record<string, string>): SimResponse =>
  json(200, count === undefined ? { success: true, data } : { success: true, count, data }, headers);

/** The envelope for errors the runtime raises (unknown route, bad JSON, injected faults). */
export function statusError(status: number, message: string): SimResponse {
  const code = status === 400 ? CODE.invalid : status === 401 ? CODE.unauthorized : status >= 500 ? CODE.internal : CODE.unknown;
  return failure(code, message, status);
}

/** Runs a handler, answering a thrown `DcosError` in the vendor's shape. */
export function guarded<A extends unknown[]>(handler: (...args: A) => SimResponse): (...args: A) => SimResponse {
  return (...args) => {
    try {
      return handler(...args);
    } catch (err) {
      if (err instanceof DcosError) return failure(err.code, err.message, err.status);
      throw err;
    }
  };
}
