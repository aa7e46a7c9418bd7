import { json, type SimResponse } from '../kit/http.js';

/**
 * TiEM answers every request in one envelope, `{code, data, message}`, plus `page` on
 * list calls; code 0 is success, anything else is one of TiEM's numeric error codes
 * (EM_ERROR_CODE), sent with the HTTP status TiEM pairs with that code.
 */
export interface TiemError {
  code: number;
  status: number;
  text: string;
}

// Codes and texts as TiEM defines them. Where TiEM pairs a client mistake with HTTP 500
// (flow not found, workflow stop failed, backup record lookups) the simulator answers
// 404/400 instead, so a client can tell "no such thing" from "the service broke".
export const ERR = {
  unrecognized: { code: 10000, status: 500, text: 'unrecognized error' },
  parameterInvalid: { code: 10001, status: 400, text: 'parameter is invalid' },
  clusterNotFound: { code: 10003, status: 404, text: 'cluster not found' },
  duplicatedName: { code: 20101, status: 400, text: 'duplicated cluster name' },
  invalidTopology: { code: 20102, status: 400, text: 'invalid cluster topology' },
  maintenanceConflict: { code: 20114, status: 409, text: 'maintenance status conflict' },
  backupNotFound: { code: 20604, status: 404, text: 'backup record not found' },
  backupInvalid: { code: 20610, status: 400, text: 'backup record is invalid' },
  invalidLocation: { code: 30109, status: 400, text: 'invalid location' },
  flowNotFound: { code: 9996, status: 404, text: 'flow not found' },
  workflowStopFailed: { code: 40106, status: 400, text: 'workflow stop failed' },
  unauthorized: { code: 70600, status: 401, text: 'unauthorized' },
  tokenExpired: { code: 70602, status: 401, text: 'access token has been expired' },
  loginFailed: { code: 70603, status: 400, text: 'incorrect username or password' },
  forbidden: { code: 70650, status: 403, text: 'rbac permission check failed' },
  serverCall: { code: 9999, status: 503, text: 'call cluster-Server failed' },
} as const satisfies Record<string, TiemError>;

export interface Page {
  page: number;
  pageSize: number;
  total: number;
}

export const ok = (data: unknown, page?: Page): SimResponse => json(200, { code: 0, data, message: 'OK', ...(page ? { page } : {}) });

/** `detail` replaces the code's generic text when there is something more specific to say. */
export const fail = (error: TiemError, detail?: string): SimResponse => json(error.status, { code: error.code, data: null, message: detail ?? error.text });

export const missingField = (field: string): SimResponse => fail(ERR.parameterInvalid, `parameter is invalid: ${field} is required`);

export const invalidField = (field: string, why: string): SimResponse => fail(ERR.parameterInvalid, `parameter is invalid: ${field} ${why}`);

/** The envelope for errors the runtime raises (faults, unknown routes, bad JSON, crashes). */
export function errorForStatus(status: number, message: string): SimResponse {
  const byStatus: Record<number, TiemError> = {
    400: ERR.parameterInvalid,
    401: ERR.unauthorized,
    403: ERR.forbidden,
    404: { ...ERR.unrecognized, status: 404 },
    405: { ...ERR.unrecognized, status: 405 },
    409: ERR.maintenanceConflict,
  };
  const known = byStatus[status] ?? (status >= 502 ? ERR.serverCall : ERR.unrecognized);
  return json(status, { code: known.code, data: null, message });
}
