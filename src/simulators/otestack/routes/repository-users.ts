import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { harborHandler, OteError, success } from '../envelope.js';
import { password, str } from '../params.js';
import type { OteState } from '../state.js';
import type { Sessions } from './auth.js';

/** Harbor user names: no spaces or special characters beyond ".", "_" and "-". */
const HARBOR_USER = /^[A-Za-z0-9._-]{1,255}$/;

/** The logged-in user's Harbor account ("hasRepoAccount" in Get Authorization Information). */
export function repositoryUserRoutes(env: SimEnv, state: OteState, sessions: Sessions): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/repository/user',
      handle: harborHandler((req) => {
        const owner = sessions.user(req);
        const body = bodyObject(req);
        const user = str(body, 'user');
        if (!HARBOR_USER.test(user)) throw new OteError(400, 'user may only use letters, numbers, ".", "_" and "-"');
        // Harbor's own password policy is the platform's: 8-20 characters, upper, lower and a digit.
        const secret = password(body, 'password');
        if (owner.repoAccount) throw new OteError(409, `user ${owner.user} already has the repository account ${owner.repoAccount.user}`);
        if (state.users.some((u) => u.repoAccount?.user === user)) throw new OteError(409, `repository user ${user} already exists`);
        owner.repoAccount = { user, password: secret };
        owner.updatedAt = env.clock.now();
        return success();
      }),
    },
    {
      method: 'PUT',
      path: '/v1/repository/user',
      handle: harborHandler((req) => {
        const owner = sessions.user(req);
        const secret = password(bodyObject(req), 'password');
        if (!owner.repoAccount) throw new OteError(400, `user ${owner.user} has no repository account`);
        owner.repoAccount.password = secret;
        return success();
      }),
    },
  ];
}
