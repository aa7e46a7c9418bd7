import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { handler, invalid, notFound, OteError, success } from '../envelope.js';
import { isString, list, ordered, paginate, str } from '../params.js';
import type { OteState } from '../state.js';

/** The id names the image pull secret on the edge clusters, a Kubernetes object name. */
const REPOSITORY_ID = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Pull secrets for registries outside the platform's Harbor. */
export function externalRepoRoutes(env: SimEnv, state: OteState): Route[] {
  const create = handler((req) => {
    const body = bodyObject(req);
    const repositoryId = str(body, 'repositoryId');
    if (!REPOSITORY_ID.test(repositoryId)) throw invalid('repositoryId must be lower-case letters, digits and -, at most 63 characters');
    const address = str(body, 'address');
    const user = str(body, 'user');
    const password = str(body, 'password');
    if (state.externalRepos.some((r) => r.repositoryId === repositoryId)) throw new OteError(422, `repository ${repositoryId} already exists`);
    state.externalRepos.push({ id: state.nextId.externalRepo++, repositoryId, address, user, password, createdAt: env.clock.now() });
    return success();
  });

  // Deleting a record leaves applications that name it as they are ("won't affect existing deployment").
  const remove = handler((req) => {
    const ids = list(bodyObject(req), 'repositoryId', isString, 'repository ids', { required: true });
    const missing = ids.find((id) => !state.externalRepos.some((r) => r.repositoryId === id));
    if (missing) throw notFound(`repository ${missing} not found`);
    state.externalRepos = state.externalRepos.filter((r) => !ids.includes(r.repositoryId));
    return success();
  });

  return [
    { method: 'POST', path: '/v1/repository/third', handle: create },
    // The headings say /v1/repository/third, the create and delete examples call /v1/repository: both are served.
    { method: 'POST', path: '/v1/repository', handle: create },
    { method: 'DELETE', path: '/v1/repository/third', handle: remove },
    { method: 'DELETE', path: '/v1/repository', handle: remove },
    {
      method: 'GET',
      path: '/v1/repository/third',
      handle: handler((req) => {
        const found = ordered(state.externalRepos, req.query, 'asc');
        const data = paginate(found, req.query, 10).map((r) => ({ id: r.id, repositoryId: r.repositoryId, address: r.address, user: r.user }));
        return success({ data, total: found.length });
      }),
    },
    {
      method: 'GET',
      path: '/v1/repository/third/{repoId}',
      handle: handler((req) => {
        const found = state.externalRepos.find((r) => r.repositoryId === req.params.repoId);
        if (!found) throw notFound(`repository ${req.params.repoId} not found`);
        return success({ data: { repositoryId: found.repositoryId, address: found.address, user: found.user } });
      }),
    },
  ];
}
