import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { harborHandler, invalid, notFound, success, unixSeconds } from '../envelope.js';
import { isString, list, ordered, paginate, str } from '../params.js';
import { REGISTRY } from '../catalog.js';
import type { Image, OteState, User } from '../state.js';
import type { Sessions } from './auth.js';
import { canSee, mayChange } from './projects.js';

const address = (image: Image) => `${REGISTRY}/${image.name}`;

export function imageRoutes(env: SimEnv, state: OteState, sessions: Sessions): Route[] {
  const projectOf = (image: Image) => state.projects.find((p) => p.id === image.projectId);
  /** An image the user can see, by its `project/repository` name. */
  const image = (user: User, name: string) => {
    const found = state.images.find((i) => i.name === name);
    const project = found && projectOf(found);
    if (!found || !project || !canSee(user, project)) throw notFound(`image ${name} not found`);
    return { image: found, project };
  };

  return [
    {
      method: 'GET',
      path: '/v1/repository/image',
      handle: harborHandler((req) => {
        const user = sessions.user(req);
        const projectName = req.query.get('projectName');
        const imageName = req.query.get('imageName');
        const project = projectName ? state.projects.find((p) => p.name === projectName && canSee(user, p)) : undefined;
        if (projectName && !project) throw notFound(`project ${projectName} not found`);
        const found = state.images.flatMap((i) => {
          const owner = projectOf(i);
          const wanted = owner && canSee(user, owner) && (!project || owner === project) && (!imageName || i.name.includes(imageName));
          return wanted ? [{ image: i, project: owner }] : [];
        });
        const data = paginate(ordered(found, req.query, 'desc'), req.query, 10).map(({ image: i, project: p }) => ({
          projectName: p.name,
          public: p.public,
          imageName: i.name,
          imageAddress: address(i),
          createTime: unixSeconds(i.createdAt),
          updateTime: unixSeconds(i.updatedAt),
        }));
        return success({ data, total: found.length });
      }),
    },
    {
      method: 'GET',
      path: '/v1/repository/image/tag',
      handle: harborHandler((req) => {
        const name = req.query.get('imageName');
        if (!name) throw invalid('imageName is required');
        const { image: found } = image(sessions.user(req), name);
        const data = paginate(found.tags, req.query, 10).map((t) => ({
          tag: t.tag,
          imageAddress: address(found),
          createTime: unixSeconds(t.createdAt),
          updateTime: unixSeconds(t.updatedAt),
        }));
        return success({ data, total: found.tags.length });
      }),
    },
    {
      method: 'DELETE',
      path: '/v1/repository/image',
      handle: harborHandler((req) => {
        const user = sessions.user(req);
        const names = list(bodyObject(req), 'imageName', isString, 'image names', { required: true });
        // Every image is checked before any is deleted.
        const doomed = names.map((name) => {
          const found = image(user, name);
          mayChange(user, found.project);
          return found.image;
        });
        state.images = state.images.filter((i) => !doomed.includes(i));
        return success();
      }),
    },
    {
      method: 'DELETE',
      path: '/v1/repository/image/tag',
      handle: harborHandler((req) => {
        const user = sessions.user(req);
        const body = bodyObject(req);
        const name = str(body, 'imageName');
        const tags = list(body, 'tag', isString, 'tags', { required: true });
        const found = image(user, name);
        mayChange(user, found.project);
        const missing = tags.find((t) => !found.image.tags.some((x) => x.tag === t));
        if (missing) throw notFound(`image ${name} has no tag ${missing}`);
        found.image.tags = found.image.tags.filter((t) => !tags.includes(t.tag));
        found.image.updatedAt = env.clock.now();
        return success();
      }),
    },
  ];
}
