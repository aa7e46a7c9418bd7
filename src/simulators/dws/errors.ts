import { json, type SimResponse } from '../kit/http.js';

/**
 * DWS answers errors as `{error_code, error_msg}` (document 3.3). The codes below come
 * from the document's error-code table (8.2) and its FAQ (6.1: DWS.5207, DWS.5240).
 *
 * The table has no code for an unknown resource, a busy cluster, an authentication
 * failure or a server fault, so those use the codes Huawei's public error reference
 * and API gateway answer with (DWS.0005/0011/0015, APIGW.0101/0301/0308), which the
 * document itself points to ("If an error code starting with APIGW is returned...").
 */
export const DWS_ERRORS = {
  'DWS.5001': [400, 'Invalid instance name.'],
  'DWS.5003': [400, 'Invalid database version.'],
  'DWS.5006': [400, 'Invalid specifications.'],
  'DWS.5011': [400, 'Invalid AZ.'],
  'DWS.5014': [400, 'Invalid VPC ID.'],
  'DWS.5015': [400, 'Invalid subnet ID.'],
  'DWS.5016': [400, 'Invalid security group ID.'],
  'DWS.5017': [400, 'Invalid retention period of automated backups.'],
  'DWS.5018': [400, 'Invalid automated backup period.'],
  'DWS.5022': [404, 'The subnet does not exist or does not belong to the VPC.'],
  'DWS.5037': [400, 'The parameter does not exist.'],
  'DWS.5038': [400, 'The parameter value is out of range.'],
  'DWS.5039': [400, 'Duplicate parameters.'],
  'DWS.5045': [400, 'The current tenant is not allowed to perform this operation.'],
  'DWS.5047': [400, 'Invalid instance quantity.'],
  'DWS.5050': [409, 'The cluster name already exists.'],
  'DWS.5054': [400, 'The parameter group ID is invalid.'],
  'DWS.5056': [400, 'Invalid string length.'],
  'DWS.5057': [400, 'The cluster name pattern is invalid.'],
  'DWS.5059': [400, 'Database username contains invalid characters.'],
  'DWS.5060': [400, 'Integer type is of wrong range.'],
  'DWS.5064': [400, 'Invalid UUID.'],
  'DWS.5065': [400, 'Invalid format.'],
  'DWS.5082': [400, 'The database user name is not supported.'],
  'DWS.5089': [400, 'Unsupported type.'],
  'DWS.5091': [400, 'The number of nodes has reached the maximum.'],
  'DWS.5095': [400, 'The current instance type does not support this operation.'],
  'DWS.5098': [400, 'Invalid EIP binding type.'],
  'DWS.5130': [400, 'Invalid agency name.'],
  'DWS.5133': [400, 'Invalid EIP ID.'],
  'DWS.5135': [400, 'The EIP does not exist.'],
  'DWS.5144': [400, 'Invalid password of the cluster administrator.'],
  'DWS.5145': [400, 'The cluster administrator password cannot contain the username, or the username spelled backwards.'],
  'DWS.5149': [400, 'The snapshot ID is invalid.'],
  'DWS.5175': [400, 'The database username cannot be blank.'],
  'DWS.5176': [400, 'The password corresponding to the database username cannot be blank.'],
  'DWS.5191': [400, 'The tag does not exist.'],
  'DWS.5194': [400, 'The number of tags exceeds the maximum value.'],
  'DWS.5197': [400, 'The tag is invalid.'],
  'DWS.5198': [400, 'Invalid username.'],
  'DWS.5199': [400, 'Invalid password.'],
  'DWS.5200': [400, 'The flavor has been sold out. Switch to another AZ or region.'],
  'DWS.5202': [400, 'The subnet ID cannot be left blank.'],
  'DWS.5203': [400, 'The security group ID cannot be left blank.'],
  'DWS.5207': [400, 'Invalid CN instance quantity.'],
  'DWS.5240': [400, 'The selected flavor does not exist.'],
  'DWS.0005': [500, 'Server failure.'],
  'DWS.0011': [
    409,
    'This operation cannot be performed because another operation is being performed on the instance or the instance is faulty. Please try again later.',
  ],
  'DWS.0015': [404, 'Resource not found or permission denied.'],
  'APIGW.0101': [404, 'The API does not exist or has not been published in the environment.'],
  'APIGW.0301': [401, 'Incorrect IAM authentication information.'],
  'APIGW.0308': [429, 'The throttling threshold has been reached.'],
} as const satisfies Record<string, readonly [number, string]>;

export type DwsErrorCode = keyof typeof DWS_ERRORS;

export const dwsBody = (code: string, msg: string) => ({ error_code: code, error_msg: msg });

/** The documented answer for `code`; `detail` says which field or resource it is about. */
export function dwsError(code: DwsErrorCode, detail?: string): SimResponse {
  const [status, message] = DWS_ERRORS[code];
  return json(status, dwsBody(code, detail ? `${message} ${detail}` : message));
}

/** Thrown by validation and lookups deep in a handler; the route wrapper answers it. */
export class DwsRequestError extends Error {
  constructor(
    readonly code: DwsErrorCode,
    readonly detail?: string,
  ) {
    super(`${code} ${detail ?? ''}`);
  }

  toResponse(): SimResponse {
    return dwsError(this.code, this.detail);
  }
}

/** A required parameter is absent: the answer names it. */
export const missing = (field: string, code: DwsErrorCode = 'DWS.5037') =>
  new DwsRequestError(code, `Parameter ${field} is mandatory and cannot be left blank.`);

/** A parameter is present but wrong: the answer names it and says why. */
export const invalid = (code: DwsErrorCode, field: string, why: string) => new DwsRequestError(code, `Parameter ${field} is invalid: ${why}.`);

export const notFound = (
  what:
    | 'cluster'
    | 'snapshot'
    | 'CN instance'
    | 'snapshot policy'
    | 'data source'
    | 'ELB'
    | 'EIP'
    | 'resource pool'
    | 'subscription'
    | 'parameter template'
    | 'domain name',
  id: string,
) => new DwsRequestError('DWS.0015', `The ${what} ${id} does not exist.`);

export const busy = (clusterId: string, why: string) => new DwsRequestError('DWS.0011', `Cluster ${clusterId}: ${why}.`);

const RUNTIME_CODES: Record<number, DwsErrorCode> = {
  400: 'DWS.5065',
  401: 'APIGW.0301',
  403: 'DWS.5045',
  404: 'APIGW.0101',
  405: 'APIGW.0101',
  409: 'DWS.0011',
  429: 'APIGW.0308',
};

/** The error shape for statuses the runtime raises (faults, unknown routes, bad JSON). */
export function runtimeError(status: number, message: string): SimResponse {
  const code = RUNTIME_CODES[status] ?? (status >= 500 ? 'DWS.0005' : 'DWS.5065');
  return json(status, dwsBody(code, message));
}
