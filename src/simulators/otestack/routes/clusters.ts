import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, type SimRequest } from '../../kit/http.js';
import { handler, notFound, success, unixSeconds } from '../envelope.js';
import { isString, labelName, list, paginate, str } from '../params.js';
import { ALL, clusterLabels, labelsChanged } from '../rollout.js';
import type { Cluster, OteState } from '../state.js';

export function clusterRoutes(env: SimEnv, state: OteState): Route[] {
  const cluster = (name: string): Cluster => {
    const found = state.clusterByName.get(name);
    if (!found) throw notFound(`cluster ${name} not found`);
    return found;
  };

  /** Add and Delete Label share their body: a label and the clusters it applies to. */
  const relabel = (mode: 'add' | 'delete') =>
    handler((req: SimRequest) => {
      const body = bodyObject(req);
      const label = mode === 'add' ? labelName(body, 'clusterLabel') : str(body, 'clusterLabel');
      // Every name is checked before anything changes, so a bad one leaves all labels as they were.
      const clusters = list(body, 'clusterName', isString, 'cluster names', { required: true }).map(cluster);
      if (mode === 'add') {
        for (const c of clusters) if (!c.labels.has(label)) c.labels.set(label, env.clock.now());
      } else {
        const bare = clusters.find((c) => !c.labels.has(label));
        if (bare) throw notFound(`cluster ${bare.name} has no label ${label}`);
        for (const c of clusters) c.labels.delete(label);
      }
      labelsChanged(state);
      return success();
    });

  return [
    {
      method: 'GET',
      path: '/v1/cluster',
      handle: handler((req) => {
        const label = req.query.get('clusterLabel') || ALL;
        const matching = label === ALL ? state.clusters : state.clusters.filter((c) => c.labels.has(label));
        const data = paginate(matching, req.query, 0).map((c) => ({
          clusterName: c.name,
          nodeCount: state.nodesByCluster.get(c.name)?.length ?? 0,
          isReady: c.isReady,
        }));
        return success({ data, total: matching.length });
      }),
    },
    { method: 'POST', path: '/v1/cluster/label', handle: relabel('add') },
    { method: 'DELETE', path: '/v1/cluster/label', handle: relabel('delete') },
    {
      method: 'GET',
      path: '/v1/cluster/label',
      handle: handler(() => success({ data: [...clusterLabels(state)].sort() })),
    },
    {
      method: 'GET',
      path: '/v1/cluster/label/{clusterName}',
      handle: handler((req) => {
        const labels = [...cluster(req.params.clusterName ?? '').labels.entries()]
          .sort(([a, at], [b, bt]) => at - bt || a.localeCompare(b))
          .map(([clusterLabel, at]) => ({ clusterLabel, createTime: unixSeconds(at) }));
        return success({ data: paginate(labels, req.query, 10), total: labels.length });
      }),
    },
  ];
}
