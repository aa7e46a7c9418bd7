import type { Route, SimEnv } from '../../kit/definition.js';
import { errors } from '../envelope.js';
import { taskProgress } from '../hosts.js';
import { requiredQuery, route } from '../params.js';
import { findCluster, findHost, type HciState } from '../state.js';

/**
 * Host task progress (0..1): joining the cluster, an agent upgrade, or deploying a
 * cloud manager VM on the host. A failed task answers HTTP 200 with a non-zero `scode`
 * and the progress it reached: the query worked, the task did not.
 */
export function taskRoutes(env: SimEnv, state: HciState): Route[] {
  return [
    route('GET', '/v1/cluster/host/task/progress', 'scode', (req) => {
      const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
      const host = findHost(cluster, requiredQuery(req, 'host_uuid'));
      const progress = taskProgress(host.task, env.clock.now());
      if (host.task?.outcome === 'failed') {
        if (host.task.job === 'cvm') {
          throw errors.hostTaskFailed(progress, `deploy cloud manager vm on ${host.ip}: image import timed out`, `主机${host.ip}部署云管服务失败`);
        }
        throw errors.hostTaskFailed(progress, `install hyper-agent on ${host.ip}: exit status 1`, `主机${host.ip}安装hyper-agent失败`);
      }
      return { progress };
    }),
  ];
}
