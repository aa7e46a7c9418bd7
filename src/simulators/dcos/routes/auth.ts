import type { Route } from '../../kit/definition.js';
import { bodyObject, firstMissing, header, type SimRequest, type SimResponse } from '../../kit/http.js';
import type { Ctx } from '../context.js';
import { CODE, DcosError, failure, guarded, success } from '../errors.js';

/** The document gives no lifetime; eight simulated hours, a working day, as a session lasts. */
export const TOKEN_TTL_MS = 8 * 60 * 60 * 1000;

/**
 * `POST /v1/token`, which the real product serves from its user-management service
 * (our one port serves both). The token is an ObjectId like every other id.
 */
export function authRoutes({ env, state }: Ctx): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/token',
      public: true,
      handle: guarded((req) => {
        const body = bodyObject(req);
        const missing = firstMissing(body, ['email', 'password', 'tenantname']);
        if (missing) throw new DcosError(CODE.invalid, `${missing} is required`);
        const user = state.users.find((u) => u.email === body.email && u.tenantName === body.tenantname);
        if (!user?.password || user.password !== body.password) {
          return failure(CODE.unauthorized, 'login failed: wrong email, password or tenantname', 401);
        }
        const issued = env.tokens.issue(user.id, TOKEN_TTL_MS, () => state.ids.users.next(env.clock.now()));
        return success({
          id: issued.token,
          expire: Math.floor(issued.expiresAt / 1000),
          user: { id: user.id, username: user.username, email: user.email },
          tenant: { id: user.tenantId, tenantname: user.tenantName },
          role: { rolename: user.role },
        });
      }),
    },
  ];
}

const REASONS = {
  missing: 'X-Auth-Token header is required',
  unknown: 'invalid token',
  expired: 'token is expired',
  revoked: 'token is revoked',
} as const;

/**
 * The document does not say how a bad token is answered. We answer in the vendor's
 * error envelope with the common "unauthorized" code E12004 and HTTP 401 (not the 500
 * of business errors), so a client can tell "log in again" from "request refused".
 */
export function authenticate({ env }: Ctx, req: SimRequest): SimResponse | undefined {
  // The examples send `X-Auth-Token`; every request heading writes `X_Auth_Token`, which a client may copy as it is.
  const check = env.tokens.check(header(req, 'x-auth-token') ?? header(req, 'x_auth_token'));
  return check.ok ? undefined : failure(CODE.unauthorized, REASONS[check.reason], 401);
}
