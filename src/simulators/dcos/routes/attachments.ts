import type { Route } from '../../kit/definition.js';
import { bodyObject, json, type SimRequest } from '../../kit/http.js';
import { assertOperable, type Ctx, requireCluster } from '../context.js';
import { CODE, DcosError, guarded } from '../errors.js';
import { idList } from '../fields.js';
import { embedRegistry } from '../registries.js';
import type { Cluster, DcosState } from '../state.js';

/** A terminated or terminating cluster keeps what it had: nothing is attached to or detached from it. */
const GONE = ['TERMINATING', 'TERMINATED'] as const;

/** What a cluster can have attached by id: the catalogue it comes from and the cluster's list of them. */
interface Attachable {
  what: string;
  path: string;
  notFound: (typeof CODE)[keyof typeof CODE];
  known(state: DcosState, id: string): boolean;
  attached(cluster: Cluster): string[];
  attach(state: DcosState, cluster: Cluster, id: string): void;
  detach(cluster: Cluster, id: string): void;
}

const PUBKEYS: Attachable = {
  what: 'pubkey',
  path: '/v1/cluster/{cluster_id}/pubkey',
  notFound: CODE.pubkeyQuery,
  known: (state, id) => state.pubkeys.has(id),
  attached: (c) => c.pubkeyId,
  attach: (_, c, id) => {
    c.pubkeyId = [...c.pubkeyId, id];
  },
  detach: (c, id) => {
    c.pubkeyId = c.pubkeyId.filter((p) => p !== id);
  },
};

const REGISTRIES: Attachable = {
  what: 'dockerregistry',
  path: '/v1/cluster/{cluster_id}/registry',
  notFound: CODE.registryQuery,
  known: (state, id) => state.registries.has(id),
  attached: (c) => c.dockerRegistries.map((r) => r._id),
  attach: (state, c, id) => {
    c.dockerRegistries = [...c.dockerRegistries, embedRegistry(state, { _id: id })];
  },
  detach: (c, id) => {
    c.dockerRegistries = c.dockerRegistries.filter((r) => r._id !== id);
  },
};

/**
 * `POST|DELETE /v1/cluster/{cluster_id}/pubkey` and `.../registry` with `{"ids": [...]}`:
 * every id is checked before anything changes, so a bad list changes nothing. Attaching
 * what is already attached is a no-op; detaching what is not attached is refused.
 */
export function attachmentRoutes(ctx: Ctx): Route[] {
  const { env, state } = ctx;
  return [PUBKEYS, REGISTRIES].flatMap((kind): Route[] => {
    const change = (detaching: boolean) =>
      guarded((req: SimRequest) => {
        const cluster = requireCluster(state, req.params.cluster_id);
        assertOperable(cluster, GONE);
        const ids = idList(bodyObject(req));
        const attached = new Set(kind.attached(cluster));
        for (const id of ids) {
          if (!kind.known(state, id)) throw new DcosError(kind.notFound, `${kind.what} ${id} not found`);
          if (detaching && !attached.has(id)) throw new DcosError(kind.notFound, `${kind.what} ${id} is not attached to cluster ${cluster.id}`);
        }
        for (const id of ids) {
          if (detaching) kind.detach(cluster, id);
          else if (!attached.has(id)) kind.attach(state, cluster, id);
        }
        cluster.updatedAt = env.clock.now();
        return json(200, { success: true });
      });
    return [
      { method: 'POST', path: kind.path, handle: change(false) },
      { method: 'DELETE', path: kind.path, handle: change(true) },
    ];
  });
}
