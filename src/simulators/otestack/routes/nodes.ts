import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, type SimRequest } from '../../kit/http.js';
import { handler, notFound, OteError, success } from '../envelope.js';
import { isString, labelName, list, optBool, paginate, project, str } from '../params.js';
import { labelsChanged, launchOperation, targetClusters } from '../rollout.js';
import { type EdgeNode, type OteState, STATUS } from '../state.js';

const nodeView = (n: EdgeNode) => ({
  nodeName: n.name,
  clusterName: n.clusterName,
  operatingSystem: n.operatingSystem,
  kernelVersion: n.kernelVersion,
  ip: n.ip,
  memory: n.memory,
  cpu: n.cpu,
  gpu: n.gpu,
  disk: n.disk,
  isReady: n.isReady,
});

export function nodeRoutes(env: SimEnv, state: OteState): Route[] {
  /** The nodes a label request names, all checked before anything changes. */
  const labelTargets = (req: SimRequest) => {
    const body = bodyObject(req);
    const nodeLabel = labelName(body, 'nodeLabel');
    const clusterName = str(body, 'clusterName');
    const names = list(body, 'nodeName', isString, 'node names', { required: true });
    if (!state.clusterByName.has(clusterName)) throw notFound(`cluster ${clusterName} not found`);
    const nodes = names.map((name) => {
      const node = state.nodesByCluster.get(clusterName)?.find((n) => n.name === name);
      if (!node) throw notFound(`node ${name} not found in cluster ${clusterName}`);
      return node;
    });
    return { body, nodeLabel, clusterName, nodes };
  };

  return [
    {
      method: 'GET',
      path: '/v1/node',
      handle: handler((req) => {
        const q = req.query;
        const label = q.get('nodeLabel');
        const cluster = q.get('clusterName');
        const name = q.get('nodeName');
        const matching = state.nodes.filter(
          (n) => (!label || n.labels.has(label)) && (!cluster || n.clusterName === cluster) && (!name || n.name.includes(name)),
        );
        const data = paginate(matching, q, 10).map((n) => project(nodeView(n), q));
        return success({ data, meta: { readyNodeCount: matching.filter((n) => n.isReady).length }, total: matching.length });
      }),
    },
    {
      method: 'POST',
      path: '/v1/node/label',
      handle: handler((req) => {
        const { nodeLabel, nodes } = labelTargets(req);
        for (const n of nodes) n.labels.add(nodeLabel);
        labelsChanged(state);
        return success();
      }),
    },
    {
      method: 'DELETE',
      path: '/v1/node/label',
      handle: handler((req) => {
        const { body, nodeLabel, clusterName, nodes } = labelTargets(req);
        const bare = nodes.find((n) => !n.labels.has(nodeLabel));
        if (bare) throw notFound(`node ${bare.name} has no label ${nodeLabel}`);
        // Removing the label would orphan the pods of deployments placed by it.
        const placed = state.deployments.filter(
          (d) => d.nodeLabel === nodeLabel && d.status !== STATUS.deleted && targetClusters(state, d.cluster).some((c) => c.name === clusterName),
        );
        const deleteDeploy = optBool(body, 'deleteDeploy', false);
        const first = placed[0];
        if (first && !deleteDeploy) {
          throw new OteError(422, `node label ${nodeLabel} is used by deployment ${first.deployName}; set deleteDeploy to true to remove it`);
        }
        for (const n of nodes) n.labels.delete(nodeLabel);
        labelsChanged(state);
        for (const d of placed) launchOperation(env, state, d, 'delete', `node label ${nodeLabel} removed from ${clusterName}`);
        return success();
      }),
    },
    {
      method: 'GET',
      path: '/v1/node/label',
      handle: handler((req) => {
        const cluster = req.query.get('clusterName');
        if (cluster && !state.clusterByName.has(cluster)) throw notFound(`cluster ${cluster} not found`);
        const labels = state.nodes.filter((n) => !cluster || n.clusterName === cluster).flatMap((n) => [...n.labels]);
        return success({ data: [...new Set(labels)].sort() });
      }),
    },
  ];
}
