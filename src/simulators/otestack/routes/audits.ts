import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, type SimRequest } from '../../kit/http.js';
import { decideAudit } from '../audit-flow.js';
import { handler, invalid, notFound, OteError, success, unixSeconds } from '../envelope.js';
import { oneOf, ordered, paginate, str } from '../params.js';
import { AUDIT, type Audit, type OteState, ROLE } from '../state.js';
import type { Sessions } from './auth.js';

const auditView = (a: Audit) => ({
  id: a.id,
  businessName: a.businessName,
  appName: a.appName,
  version: a.version,
  cluster: a.cluster,
  deployId: a.deployId,
  deployType: a.deployType,
  status: a.status,
  comment: a.comment,
  createTime: unixSeconds(a.createdAt),
  updateTime: unixSeconds(a.updatedAt),
});

export function auditRoutes(env: SimEnv, state: OteState, sessions: Sessions): Route[] {
  const administrator = (req: SimRequest) => sessions.atLeast(req, ROLE.businessAdmin, 'audit deployments');

  const decide = handler((req) => {
    administrator(req);
    const body = bodyObject(req);
    const id = body.id;
    if (id === undefined || id === null) throw invalid('id is required');
    if (typeof id !== 'number' || !Number.isInteger(id)) throw invalid('id must be an integer');
    const status = oneOf(body, 'status', { [AUDIT.pending]: 'pending', [AUDIT.approved]: 'approved', [AUDIT.disapproved]: 'disapproved' });
    const comment = str(body, 'comment', { allowEmpty: true });
    const audit = state.audits.find((a) => a.id === id);
    if (!audit) throw notFound(`audit ${id} not found`);
    if (audit.status !== AUDIT.pending) throw new OteError(422, `audit ${id} has already been ${audit.status === AUDIT.approved ? 'approved' : 'disapproved'}`);
    // The document's own example sends status 0: the audit stays pending with the comment noted.
    if (status === AUDIT.pending) {
      audit.comment = comment;
      audit.updatedAt = env.clock.now();
      return success();
    }
    const fails = status === AUDIT.approved && env.operationFails();
    decideAudit(env, state, audit, { status, comment, at: env.clock.now(), fails }, env.rng);
    return success();
  });

  return [
    {
      method: 'GET',
      path: '/v1/admin/deploy',
      handle: handler((req) => {
        administrator(req);
        const business = req.query.get('businessName');
        const found = ordered(
          state.audits.filter((a) => !business || a.businessName === business),
          req.query,
          'desc',
        );
        return success({ data: paginate(found, req.query, 10).map(auditView), total: found.length });
      }),
    },
    { method: 'PUT', path: '/v1/admin/deploy', handle: decide },
    // The heading says PUT, the example POSTs.
    { method: 'POST', path: '/v1/admin/deploy', handle: decide },
  ];
}
