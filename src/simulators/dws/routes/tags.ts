import type { Route } from '../../kit/definition.js';
import { bodyObject, json } from '../../kit/http.js';
import { DwsRequestError, invalid, missing } from '../errors.js';
import type { Tag } from '../model.js';
import { tagField } from '../validate.js';
import { MAX_TAGS } from './clusters.js';
import { type DwsContext, param, route } from './shared.js';

function readTagList(body: Record<string, unknown>): Tag[] {
  const tags = body.tags;
  if (tags === undefined || tags === null) throw missing('tags');
  if (!Array.isArray(tags)) throw invalid('DWS.5065', 'tags', 'an array of {key, value} is expected');
  if (tags.length === 0) throw missing('tags');
  return tags.map((t, i) => tagField(t, `tags[${i}]`));
}

/** The batch APIs answer 200 with no body ("Example Responses: None"). */
const NO_BODY = json(200, undefined);

/** Cluster tags (5.11). Adding a tag whose key exists replaces its value, as resource tags do. */
export function tagRoutes(ctx: DwsContext): Route[] {
  const { store, env } = ctx;
  return [
    route('GET', '/v1.0/{project_id}/tags', () => {
      const byKey = new Map<string, Set<string>>();
      for (const c of store.clusters.values()) for (const t of c.tags) (byKey.get(t.key) ?? byKey.set(t.key, new Set()).get(t.key))?.add(t.value);
      return json(200, { tags: [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, values]) => ({ key, values: [...values].sort() })) });
    }),
    route('GET', '/v1.0/{project_id}/clusters/{cluster_id}/tags', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      return json(200, { tags: c.tags.map((t) => ({ key: t.key, value: t.value })) });
    }),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/tags/batch-create', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      const tags = readTagList(bodyObject(req));
      const merged = new Map(c.tags.map((t) => [t.key, t.value]));
      for (const t of tags) merged.set(t.key, t.value);
      if (merged.size > MAX_TAGS) throw new DwsRequestError('DWS.5194', `Parameter tags: a cluster has at most ${MAX_TAGS} tags.`);
      c.tags = [...merged.entries()].map(([key, value]) => ({ key, value }));
      c.updatedAt = env.clock.now();
      return NO_BODY;
    }),
    route('POST', '/v1.0/{project_id}/clusters/{cluster_id}/tags/batch-delete', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      const tags = readTagList(bodyObject(req));
      for (const t of tags) {
        if (!c.tags.some((x) => x.key === t.key && x.value === t.value))
          throw new DwsRequestError('DWS.5191', `Tag ${t.key}=${t.value} is not set on cluster ${c.id}.`);
      }
      c.tags = c.tags.filter((x) => !tags.some((t) => t.key === x.key && t.value === x.value));
      c.updatedAt = env.clock.now();
      return NO_BODY;
    }),
  ];
}
