import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, firstMissing, header, type SimRequest, type SimResponse } from '../../kit/http.js';
import { ERR, fail, missingField, ok } from '../errors.js';

/** TiEM tokens live four hours. */
export const TOKEN_TTL_MS = 4 * 60 * 60 * 1000;

export interface Account {
  userName: string;
  password: string;
  userId: string;
  tenantId: string;
}

/** The token from `Authorization: Bearer <token>`; a bare token is accepted as TiEM's UI sends it. */
const bearer = (req: SimRequest): string | undefined =>
  header(req, 'authorization')
    ?.replace(/^Bearer\s+/i, '')
    .trim() || undefined;

export function authenticate(env: SimEnv, req: SimRequest): SimResponse | undefined {
  const check = env.tokens.check(bearer(req));
  if (check.ok) return undefined;
  if (check.reason === 'expired') return fail(ERR.tokenExpired);
  return fail(ERR.unauthorized, check.reason === 'missing' ? 'unauthorized: missing Authorization header' : 'unauthorized: invalid token');
}

export function authRoutes(env: SimEnv, account: Account): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/user/login',
      public: true,
      handle: (req) => {
        const body = bodyObject(req);
        const missing = firstMissing(body, ['userName', 'userPassword']);
        if (missing) return missingField(missing);
        if (body.userName !== account.userName || body.userPassword !== account.password) return fail(ERR.loginFailed);
        const issued = env.tokens.issue(account.userId, TOKEN_TTL_MS, (rng) => rng.hex(32));
        return ok({ passwordExpired: false, tenantId: account.tenantId, token: issued.token, userId: account.userId });
      },
    },
    {
      method: 'POST',
      path: '/api/v1/user/logout',
      handle: (req) => {
        const token = bearer(req);
        if (token) env.tokens.revoke(token);
        return ok({ userId: account.userId });
      },
    },
  ];
}
