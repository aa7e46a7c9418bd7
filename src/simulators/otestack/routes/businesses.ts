import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, type SimRequest } from '../../kit/http.js';
import { handler, notFound, OteError, success, unixSeconds } from '../envelope.js';
import { oneOf, ordered, paginate, pathId, str } from '../params.js';
import { type Business, BUSINESS_STATUS, type OteState, ROLE } from '../state.js';
import type { Sessions } from './auth.js';

const listView = (b: Business) => ({
  name: b.name,
  userId: b.userId,
  comment: b.comment,
  id: b.id,
  status: b.status,
  createTime: unixSeconds(b.createdAt),
  updateTime: unixSeconds(b.updatedAt),
});

const detailView = (b: Business) => ({
  name: b.name,
  userId: b.userId,
  introduce: b.introduce,
  objective: b.objective,
  scale: b.scale,
  comment: b.comment,
  id: b.id,
  status: b.status,
  createTime: unixSeconds(b.createdAt),
  updateTime: unixSeconds(b.updatedAt),
});

/** A business that is pending or approved: its owner has one and may not apply again. */
const live = (b: Business) => b.status === BUSINESS_STATUS.pending || b.status === BUSINESS_STATUS.approved;

export function businessRoutes(env: SimEnv, state: OteState, sessions: Sessions): Route[] {
  const byId = (req: SimRequest) => {
    const id = pathId(req.params.id, 'id');
    const business = state.businesses.find((b) => b.id === id);
    if (!business) throw notFound(`business ${id} not found`);
    return business;
  };

  return [
    {
      method: 'POST',
      path: '/v1/business',
      handle: handler((req) => {
        const user = sessions.user(req);
        const body = bodyObject(req);
        const name = str(body, 'name');
        const introduce = str(body, 'introduce');
        const objective = str(body, 'objective');
        const scale = str(body, 'scale');
        if (!user.isAdmin && user.role !== ROLE.systemAdmin) throw new OteError(403, 'only administrators can create a business');
        const own = state.businesses.find((b) => b.userId === user.id && live(b));
        if (own) throw new OteError(422, `user ${user.user} has already created business ${own.name}`);
        if (state.businesses.some((b) => b.name === name && live(b))) throw new OteError(422, `business ${name} already exists`);
        const now = env.clock.now();
        state.businesses.push({
          id: state.nextId.business++,
          name,
          userId: user.id,
          introduce,
          objective,
          scale,
          comment: '',
          status: BUSINESS_STATUS.pending,
          createdAt: now,
          updatedAt: now,
        });
        return success();
      }),
    },
    {
      method: 'GET',
      path: '/v1/business',
      handle: handler((req) => {
        const name = req.query.get('name');
        const found = ordered(
          state.businesses.filter((b) => !name || b.name.includes(name)),
          req.query,
          'asc',
        );
        return success({ data: paginate(found, req.query, 10).map(listView), total: found.length });
      }),
    },
    { method: 'GET', path: '/v1/business/id/{id}', handle: handler((req) => success({ data: detailView(byId(req)) })) },
    {
      method: 'PUT',
      path: '/v1/business/id/{id}',
      handle: handler((req) => {
        sessions.atLeast(req, ROLE.systemAdmin, 'audit businesses');
        const business = byId(req);
        const body = bodyObject(req);
        const comment = str(body, 'comment', { allowEmpty: true });
        const status = oneOf(body, 'status', { [BUSINESS_STATUS.approved]: 'approved', [BUSINESS_STATUS.disapproved]: 'disapproved' });
        if (business.status === BUSINESS_STATUS.deleted) throw new OteError(422, `business ${business.name} has been deleted`);
        // Approval creates the namespace ns<id> on every edge cluster; it is not taken back.
        if (business.status === BUSINESS_STATUS.approved && status === BUSINESS_STATUS.disapproved) {
          throw new OteError(422, `business ${business.name} is approved and its namespace ns${business.id} exists`);
        }
        business.status = status;
        business.comment = comment;
        business.updatedAt = env.clock.now();
        const owner = state.users.find((u) => u.id === business.userId);
        if (status === BUSINESS_STATUS.approved && owner && owner.role < ROLE.businessAdmin) {
          owner.role = ROLE.businessAdmin;
          owner.businessId = business.id;
        }
        return success();
      }),
    },
  ];
}
