import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, type SimRequest } from '../../kit/http.js';
import { handler, invalid, notFound, OteError, success, unixSeconds } from '../envelope.js';
import { bool, oneOf, ordered, paginate, password, pathId, str } from '../params.js';
import { type OteState, ROLE, type User, USER_STATUS } from '../state.js';
import type { Sessions } from './auth.js';

const userView = (u: User) => ({
  id: u.id,
  user: u.user,
  status: u.status,
  realName: u.realName,
  phone: u.phone,
  createTime: unixSeconds(u.createdAt),
  updateTime: unixSeconds(u.updatedAt),
});

const USER_NAME = /^[A-Za-z0-9._-]{2,32}$/;
/** Every phone number in the document has 11 digits (a mainland mobile number). */
const PHONE = /^\d{11}$/;

const STATUS_NAMES = {
  [USER_STATUS.pending]: 'pending',
  [USER_STATUS.approved]: 'approved',
  [USER_STATUS.notApproved]: 'not approved',
  [USER_STATUS.forbidden]: 'forbidden',
};

export function userRoutes(env: SimEnv, state: OteState, sessions: Sessions): Route[] {
  /** Create User and Create Sub-User take the same body. */
  const newUser = (req: SimRequest, placement: (isAdmin: boolean) => Pick<User, 'role' | 'status' | 'businessId'>) => {
    const body = bodyObject(req);
    const user = str(body, 'user');
    if (!USER_NAME.test(user)) throw invalid('user may only use letters, numbers, ".", "_" and "-" (2 to 32 characters)');
    const secret = password(body, 'password');
    const phone = str(body, 'phone');
    if (!PHONE.test(phone)) throw invalid('phone must be an 11-digit phone number');
    const isAdmin = bool(body, 'isAdmin');
    const realName = str(body, 'realName');
    if (state.users.some((u) => u.user === user)) throw new OteError(422, `user ${user} already exists`);
    const now = env.clock.now();
    state.users.push({ id: state.nextId.user++, user, password: secret, realName, phone, isAdmin, ...placement(isAdmin), createdAt: now, updatedAt: now });
    return success();
  };

  /**
   * The user a path names, as an administrator may act on it: a general administrator
   * only within its own business namespace, and no one on themselves or the system
   * administrator through these calls.
   */
  const managed = (req: SimRequest, what: string, param: 'userId' | 'userid') => {
    const actor = sessions.atLeast(req, ROLE.businessAdmin, what);
    const id = pathId(req.params[param], param);
    const target = state.users.find((u) => u.id === id);
    if (!target || (actor.role !== ROLE.systemAdmin && target.businessId !== actor.businessId)) throw notFound(`user ${id} not found`);
    if (target === actor) throw new OteError(422, 'an administrator cannot do this to its own account');
    if (target.role === ROLE.systemAdmin) throw new OteError(422, 'the system administrator cannot be changed this way');
    return target;
  };

  return [
    {
      method: 'POST',
      path: '/v1/user',
      public: true,
      // A registration waits for the system administrator.
      handle: handler((req) => newUser(req, () => ({ role: ROLE.waiting, status: USER_STATUS.pending }))),
    },
    {
      method: 'PUT',
      path: '/v1/user',
      handle: handler((req) => {
        const user = sessions.user(req);
        const body = bodyObject(req);
        const old = str(body, 'oldPassword');
        const next = password(body, 'password');
        if (old !== user.password) throw new OteError(422, 'old password is incorrect');
        user.password = next;
        user.updatedAt = env.clock.now();
        return success();
      }),
    },
    {
      method: 'DELETE',
      path: '/v1/admin/user/{userid}',
      handle: handler((req) => {
        const target = managed(req, 'delete users', 'userid');
        state.users = state.users.filter((u) => u !== target);
        return success();
      }),
    },
    {
      method: 'PUT',
      path: '/v1/admin/user/{userId}/password',
      handle: handler((req) => {
        const target = managed(req, 'reset passwords', 'userId');
        target.password = password(bodyObject(req), 'password');
        target.updatedAt = env.clock.now();
        return success();
      }),
    },
    {
      method: 'GET',
      path: '/v1/admin/user',
      handle: handler((req) => {
        const actor = sessions.atLeast(req, ROLE.businessAdmin, 'list users');
        const visible = actor.role === ROLE.systemAdmin ? state.users : state.users.filter((u) => u.businessId === actor.businessId);
        const found = ordered(visible, req.query, 'asc', { user_name: (a, b) => a.user.localeCompare(b.user) });
        return success({ data: paginate(found, req.query, 10).map(userView), total: found.length });
      }),
    },
    {
      method: 'PUT',
      path: '/v1/admin/user/{userId}',
      handle: handler((req) => {
        sessions.atLeast(req, ROLE.systemAdmin, 'audit users');
        const status = oneOf(bodyObject(req), 'status', STATUS_NAMES);
        const target = managed(req, 'audit users', 'userId');
        target.status = status;
        // Approval lets a registration in; sending it back to pending takes that away again.
        if (status === USER_STATUS.approved && target.role === ROLE.waiting) target.role = ROLE.approved;
        if (status === USER_STATUS.pending && target.businessId === undefined) target.role = ROLE.waiting;
        target.updatedAt = env.clock.now();
        return success();
      }),
    },
    {
      method: 'POST',
      path: '/v1/admin/user',
      handle: handler((req) => {
        const actor = sessions.atLeast(req, ROLE.businessAdmin, 'create sub-users');
        const businessId = actor.businessId;
        // A sub-user joins the administrator's business namespace, approved at once.
        return newUser(req, (isAdmin) => ({
          role: businessId === undefined ? ROLE.approved : isAdmin ? ROLE.businessAdmin : ROLE.general,
          status: USER_STATUS.approved,
          ...(businessId === undefined ? {} : { businessId }),
        }));
      }),
    },
  ];
}
