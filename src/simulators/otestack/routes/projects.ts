import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { harborHandler, notFound, OteError, success, unixSeconds } from '../envelope.js';
import { bool, isId, list, paginate, str, triState } from '../params.js';
import { type OteState, type Project, ROLE, type User } from '../state.js';
import type { Sessions } from './auth.js';

/** Harbor's project name rule. */
const PROJECT_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Harbor shows a user the public projects and its own; the system administrator sees all. */
export const canSee = (user: User, p: Project) => p.public || p.ownerId === user.id || user.role === ROLE.systemAdmin;

/** Only a project's owner or the system administrator may delete from it. */
export function mayChange(user: User, p: Project): void {
  if (p.ownerId !== user.id && user.role !== ROLE.systemAdmin) throw new OteError(403, `user ${user.user} may not change project ${p.name}`);
}

export function projectRoutes(env: SimEnv, state: OteState, sessions: Sessions): Route[] {
  const imageCount = (p: Project) => state.images.filter((i) => i.projectId === p.id).length;

  return [
    {
      method: 'GET',
      path: '/v1/repository/project',
      handle: harborHandler((req) => {
        const user = sessions.user(req);
        const name = req.query.get('projectName');
        const isPublic = triState(req.query, 'public', ['true', 'false', 'all']);
        const found = state.projects.filter((p) => canSee(user, p) && (!name || p.name.includes(name)) && (isPublic === undefined || p.public === isPublic));
        const data = paginate(found, req.query, 10).map((p) => ({
          projectId: p.id,
          projectName: p.name,
          createTime: unixSeconds(p.createdAt),
          updateTime: unixSeconds(p.updatedAt),
          imageCount: imageCount(p),
          public: p.public,
        }));
        return success({ data, total: found.length });
      }),
    },
    {
      method: 'POST',
      path: '/v1/repository/project',
      handle: harborHandler((req) => {
        const user = sessions.user(req);
        const body = bodyObject(req);
        const name = str(body, 'projectName');
        if (name.length > 255 || !PROJECT_NAME.test(name))
          throw new OteError(400, 'projectName must be lower-case letters and digits, separated by ".", "_" or "-"');
        const isPublic = bool(body, 'public');
        if (state.projects.some((p) => p.name === name)) throw new OteError(409, `project ${name} already exists`);
        const now = env.clock.now();
        state.projects.push({ id: state.nextId.project++, name, public: isPublic, ownerId: user.id, createdAt: now, updatedAt: now });
        return success();
      }),
    },
    {
      method: 'DELETE',
      path: '/v1/repository/project',
      handle: harborHandler((req) => {
        const user = sessions.user(req);
        const ids = list(bodyObject(req), 'projectId', isId, 'project ids', { required: true });
        // Every project is checked before any is deleted.
        const doomed = ids.map((id) => {
          const project = state.projects.find((p) => p.id === id && canSee(user, p));
          if (!project) throw notFound(`project ${id} not found`);
          mayChange(user, project);
          const images = imageCount(project);
          if (images > 0) throw new OteError(409, `project ${project.name} still holds ${images} images, delete them first`);
          return project;
        });
        state.projects = state.projects.filter((p) => !doomed.includes(p));
        return success();
      }),
    },
  ];
}
