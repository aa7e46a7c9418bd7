import type { Route } from '../../kit/definition.js';
import { bodyObject, json, type SimRequest } from '../../kit/http.js';
import { DwsRequestError, invalid, missing, notFound } from '../errors.js';
import { asObject, intField, optionalString, requireObject, requireString } from '../validate.js';
import { type DwsContext, param, route } from './shared.js';

/** One cluster's resource management (5.4): the switch, its plans and its resource pools. */
interface Workload {
  switch: 'on' | 'off';
  maxConcurrency: number;
  /** Plan names, each with its logical cluster ('' outside logical cluster mode). */
  plans: Map<string, string>;
  /** Resource pools keyed by logical cluster and name, with their resource settings. */
  queues: Map<string, { logicalCluster: string; name: string; resources: { resource_name: string; resource_value: number }[] }>;
}

/** "The function is enabled by default for new clusters"; 60 concurrent queries is the example's. */
const DEFAULT_MAX_CONCURRENCY = 60;

/** Every answer carries the result code and text; 0 is success. */
const ok = (extra: Record<string, unknown> = {}, text = '') => json(200, { ...extra, workload_res_code: 0, workload_res_str: text });

const queueKey = (logicalCluster: string, name: string) => `${logicalCluster}/${name}`;

/** Pool names follow the database's object naming: a letter or underscore, then letters, digits and underscores. */
const POOL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function workloadRoutes(ctx: DwsContext): Route[] {
  const { store } = ctx;
  const states = new Map<string, Workload>();
  /** Created on first use, so that a fleet of any size starts without it. */
  const workload = (req: SimRequest): Workload => {
    const c = store.cluster(param(req, 'cluster_id'));
    let w = states.get(c.id);
    if (!w) states.set(c.id, (w = { switch: 'on', maxConcurrency: DEFAULT_MAX_CONCURRENCY, plans: new Map(), queues: new Map() }));
    return w;
  };
  const logicalCluster = (v: string | undefined) => v ?? '';

  return [
    route('GET', '/v2/{project_id}/clusters/{cluster_id}/workload', (req) => {
      const w = workload(req);
      return ok({ workload_status: { workload_switch: w.switch, max_concurrency_num: w.maxConcurrency } }, 'Success get workload manager status.');
    }),
    route('POST', '/v2/{project_id}/clusters/{cluster_id}/workload/plans', (req) => {
      const w = workload(req);
      const body = bodyObject(req);
      const name = requireString(body, 'plan_name', 'plan_name');
      if (!POOL_NAME.test(name)) throw invalid('DWS.5065', 'plan_name', 'a letter or underscore, then letters, digits and underscores, at most 63 characters');
      if (w.plans.has(name)) throw invalid('DWS.5065', 'plan_name', `the plan ${name} already exists`);
      w.plans.set(name, logicalCluster(optionalString(body, 'logical_cluster_name', 'logical_cluster_name')));
      return ok();
    }),
    route('GET', '/v2/{project_id}/clusters/{cluster_id}/workload/queues', (req) => {
      const w = workload(req);
      const lc = logicalCluster(req.query.get('logical_cluster_name') || undefined);
      const names = [...w.queues.values()].filter((q) => q.logicalCluster === lc).map((q) => q.name);
      return ok({ workload_queue_name_list: names });
    }),
    route('PUT', '/v2/{project_id}/clusters/{cluster_id}/workload/queues', (req) => {
      const w = workload(req);
      const q = requireObject(bodyObject(req), 'workload_queue');
      const name = requireString(q, 'workload_queue_name', 'workload_queue.workload_queue_name');
      if (!POOL_NAME.test(name))
        throw invalid('DWS.5065', 'workload_queue.workload_queue_name', 'a letter or underscore, then letters, digits and underscores, at most 63 characters');
      const lc = logicalCluster(optionalString(q, 'logical_cluster_name', 'workload_queue.logical_cluster_name'));
      const items = q.workload_resource_item_list;
      if (items === undefined || items === null || (Array.isArray(items) && items.length === 0)) throw missing('workload_queue.workload_resource_item_list');
      if (!Array.isArray(items))
        throw invalid('DWS.5065', 'workload_queue.workload_resource_item_list', 'an array of {resource_name, resource_value} is expected');
      const resources = items.map((item, i) => {
        const path = `workload_queue.workload_resource_item_list[${i}]`;
        const o = asObject(item);
        if (!o) throw invalid('DWS.5065', path, 'an object is expected');
        // -1 and 0 mean "no limit" in the example (storage -1, memory 0).
        return {
          resource_name: requireString(o, 'resource_name', `${path}.resource_name`),
          resource_value: intField(o, 'resource_value', `${path}.resource_value`, { min: -1, required: true }) as number,
        };
      });
      if (w.queues.has(queueKey(lc, name)))
        throw new DwsRequestError('DWS.5065', `Parameter workload_queue.workload_queue_name: the resource pool ${name} already exists.`);
      w.queues.set(queueKey(lc, name), { logicalCluster: lc, name, resources });
      return ok();
    }),
    route('DELETE', '/v2/{project_id}/clusters/{cluster_id}/workload/queues', (req) => {
      const w = workload(req);
      const name = req.query.get('workload_queue_name');
      if (!name) throw missing('workload_queue_name');
      const key = queueKey(logicalCluster(req.query.get('logical_cluster_name') || undefined), name);
      if (!w.queues.delete(key)) throw notFound('resource pool', name);
      return ok();
    }),
    route('POST', '/v2/{project_id}/clusters/{cluster_id}/workload', (req) => {
      const w = workload(req);
      const body = bodyObject(req);
      // workload_status is optional in the table; without it nothing changes.
      if (body.workload_status === undefined) return ok();
      const s = requireObject(body, 'workload_status');
      const sw = requireString(s, 'workload_switch', 'workload_status.workload_switch');
      if (sw !== 'on' && sw !== 'off') throw invalid('DWS.5065', 'workload_status.workload_switch', 'it must be on or off');
      const max = intField(s, 'max_concurrency_num', 'workload_status.max_concurrency_num', { min: -1 });
      w.switch = sw;
      if (max !== undefined) w.maxConcurrency = max;
      return ok();
    }),
  ];
}
