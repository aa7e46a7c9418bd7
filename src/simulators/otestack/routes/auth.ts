import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, header, type SimRequest, type SimResponse } from '../../kit/http.js';
import { failure, handler, OteError, success } from '../envelope.js';
import { str } from '../params.js';
import { type OteState, ROLE, type User, USER_STATUS } from '../state.js';

/** "During the validity period (1 hour)". */
export const TOKEN_TTL_MS = 60 * 60_000;

const REFUSALS = {
  missing: 'Authorization header is required, please log in first',
  unknown: 'invalid token, please log in again',
  expired: 'token is expired, please log in again',
  revoked: 'token has been logged out, please log in again',
  /** The token is fine but its user was deleted or is no longer approved. */
  disabled: 'user has been deleted or disabled, please contact the administrator',
} as const;

/** Why a login is refused for a user that is not approved, by user status. */
const NOT_APPROVED: Record<number, string> = {
  [USER_STATUS.pending]: 'user is waiting for the system administrator to approve',
  [USER_STATUS.notApproved]: 'user registration was not approved',
  [USER_STATUS.forbidden]: 'user is forbidden',
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The document's tokens start with "eyJ": a JWT carrying the user and its expiry. The
 * token is sent raw in `Authorization`, without a "Bearer" prefix.
 */
export class Sessions {
  constructor(
    private readonly env: SimEnv,
    private readonly state: OteState,
  ) {}

  issue(user: User): string {
    const exp = Math.floor((this.env.clock.now() + TOKEN_TTL_MS) / 1000);
    return this.env.tokens.issue(user.user, TOKEN_TTL_MS, (rng) => {
      const claims = { uid: user.id, user: user.user, role: user.role, exp, jti: rng.hex(16) };
      return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${Buffer.from(rng.hex(64), 'hex').toString('base64url')}`;
    }).token;
  }

  refuse(req: SimRequest): SimResponse | undefined {
    const check = this.env.tokens.check(header(req, 'authorization'));
    if (!check.ok) return failure(401, REFUSALS[check.reason]);
    const user = this.state.users.find((u) => u.user === check.issued.subject);
    return user?.status === USER_STATUS.approved ? undefined : failure(401, REFUSALS.disabled);
  }

  /** The logged-in user of an already authenticated request. */
  user(req: SimRequest): User {
    const check = this.env.tokens.check(header(req, 'authorization'));
    const user = check.ok ? this.state.users.find((u) => u.user === check.issued.subject) : undefined;
    if (!user) throw new OteError(401, REFUSALS.unknown);
    return user;
  }

  /** The logged-in user, if its role is at least `role`; `what` names the action refused otherwise. */
  atLeast(req: SimRequest, role: number, what: string): User {
    const user = this.user(req);
    if (user.role < role) {
      const who = role === ROLE.systemAdmin ? 'the system administrator' : 'general administrators and the system administrator';
      throw new OteError(403, `only ${who} can ${what}`);
    }
    return user;
  }
}

export function authRoutes(env: SimEnv, state: OteState, sessions: Sessions): Route[] {
  const logout = handler((req) => {
    sessions.user(req);
    env.tokens.revoke(header(req, 'authorization') ?? '');
    return success();
  });
  return [
    {
      method: 'POST',
      path: '/v1/authorization',
      public: true,
      handle: handler((req) => {
        const body = bodyObject(req);
        const name = str(body, 'user');
        const password = str(body, 'password');
        const user = state.users.find((u) => u.user === name);
        if (!user || user.password !== password) return failure(401, 'user name or password is incorrect');
        const refused = NOT_APPROVED[user.status];
        if (refused) return failure(401, refused);
        return success({ token: sessions.issue(user) });
      }),
    },
    {
      method: 'PUT',
      path: '/v1/authorization',
      handle: handler((req) => success({ token: sessions.issue(sessions.user(req)) })),
    },
    { method: 'DELETE', path: '/v1/authorization', handle: logout },
    // The Logout example calls the plural path; both are served.
    { method: 'DELETE', path: '/v1/authorizations', handle: logout },
    {
      method: 'GET',
      path: '/v1/authorization',
      handle: handler((req) => {
        const user = sessions.user(req);
        const admin = user.role === ROLE.systemAdmin;
        return success({
          data: {
            displayName: user.user,
            hasRepoAccount: user.repoAccount !== undefined,
            role: user.role,
            privateProject: true,
            enableIngress: false,
            enableAlert: true,
            enableAdminAutoDeploy: admin,
          },
        });
      }),
    },
  ];
}
