import type { Route } from '../../kit/definition.js';
import { bodyObject, json, type SimRequest } from '../../kit/http.js';
import { invalid, missing, notFound } from '../errors.js';
import type { DwsCluster } from '../model.js';
import { findParameter, outOfRange, PARAMETERS } from '../parameters.js';
import { PARAMETER_GROUP } from '../present.js';
import { asObject, requireString } from '../validate.js';
import { type DwsContext, param, route } from './shared.js';

/**
 * Parameter configurations (5.12). A cluster is associated with the example's five
 * templates; its parameterGroup is the one the cluster detail names, and the only one
 * whose parameters are listed and modified here. A modification is a cluster task
 * (SETTING_CONFIGURATION) during which the template is Applying; it ends In-Sync, or
 * Pending-Reboot when a changed parameter needs a restart (the next restart syncs it).
 */
const FIXED_TEMPLATES = [
  { id: '509be37f-5420-40fb-89c2-0c5c9b8c90f6', name: 'defaultGUConfig', type: 'GUConfig' },
  { id: '93cb2c86-a598-48ca-8c2c-0389f4b78511', name: 'defaultOBSConfig', type: 'OBSConfig' },
  { id: 'd8f9ec5a-8235-4000-9433-187409738e8b', name: 'security-paragroup-dws', type: 'securityParameterGroup' },
] as const;

const FAILED = 'Failed to apply the parameters. Contact the customer service or try again later.';

type Values = Map<string, { cn: string; dn: string }>;

export function configurationRoutes(ctx: DwsContext): Route[] {
  const { store, ops, env } = ctx;
  /** Each cluster's changed values; defaults are not stored. */
  const changed = new Map<string, Values>();
  const valuesOf = (c: DwsCluster) => {
    let v = changed.get(c.id);
    if (!v) changed.set(c.id, (v = new Map()));
    return v;
  };
  /** The example's five templates: the hidden per-cluster group's id comes from the cluster's own random stream. */
  const templates = (c: DwsCluster) => [
    FIXED_TEMPLATES[0],
    { id: env.rng.fork(`hidden-parameter-group-${c.id}`).uuid(), name: `parameterGroupFor_${c.id}`, type: 'hiddenParameterGroup' },
    FIXED_TEMPLATES[1],
    { ...PARAMETER_GROUP, type: 'parameterGroup' },
    FIXED_TEMPLATES[2],
  ];
  const template = (req: SimRequest) => {
    const c = store.cluster(param(req, 'cluster_id'));
    const id = param(req, 'configuration_id');
    const t = templates(c).find((x) => x.id === id);
    if (!t) throw notFound('parameter template', id);
    return { c, t };
  };

  return [
    route('GET', '/v1.0/{project_id}/clusters/{cluster_id}/configurations', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      return json(200, {
        configurations: templates(c).map((t) => ({
          ...t,
          status: t.type === 'parameterGroup' ? c.parameterGroupStatus : 'In-Sync',
          // The example writes the absent reason as the string "null".
          fail_reason: t.type === 'parameterGroup' && c.parameterGroupStatus === 'Sync-Failure' ? FAILED : 'null',
        })),
      });
    }),
    route('GET', '/v1.0/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}', (req) => {
      const { c, t } = template(req);
      if (t.type !== 'parameterGroup') return json(200, { configurations: [] });
      const values = valuesOf(c);
      return json(200, {
        configurations: PARAMETERS.map((p) => {
          const v = values.get(p.name) ?? p.defaults;
          return {
            name: p.name,
            values: (['cn', 'dn'] as const).map((type) => ({ type, value: v[type], default_value: p.defaults[type] })),
            unit: p.unit,
            type: p.type,
            readonly: p.readonly,
            value_range: p.valueRange,
            restart_required: p.restartRequired,
            description: p.description,
          };
        }),
      });
    }),
    route('PUT', '/v2/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}', (req) => {
      const { c, t } = template(req);
      if (t.type !== 'parameterGroup') throw invalid('DWS.5054', 'configuration_id', `the ${t.type} template cannot be modified through this API`);
      const list = bodyObject(req).configurations;
      if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) throw missing('configurations');
      if (!Array.isArray(list)) throw invalid('DWS.5065', 'configurations', 'an array of {type, name, value} is expected');
      const seen = new Set<string>();
      const updates = list.map((item, i) => {
        const path = `configurations[${i}]`;
        const o = asObject(item);
        if (!o) throw invalid('DWS.5065', path, 'an object is expected');
        const type = requireString(o, 'type', `${path}.type`);
        if (type !== 'cn' && type !== 'dn') throw invalid('DWS.5065', `${path}.type`, 'it must be cn or dn');
        const name = requireString(o, 'name', `${path}.name`);
        const p = findParameter(name);
        if (!p) throw invalid('DWS.5037', `${path}.name`, `${name} is not a parameter of this template`);
        if (p.readonly) throw invalid('DWS.5065', `${path}.name`, `${name} is read-only`);
        if (seen.has(`${type}/${name}`)) throw invalid('DWS.5039', path, `${name} is set twice for ${type}`);
        seen.add(`${type}/${name}`);
        const value = o.value;
        if (typeof value !== 'string')
          throw value === undefined || value === null ? missing(`${path}.value`) : invalid('DWS.5065', `${path}.value`, 'a string is expected');
        const why = outOfRange(p, value);
        if (why) throw invalid('DWS.5038', `${path}.value`, why);
        return { p, type, value } as const;
      });
      ops.task(
        c,
        {
          name: 'SETTING_CONFIGURATION',
          progressKey: 'SETTING_CONFIGURATION',
          minutes: [1, 3],
          events: ['setConfigurationStart', 'setConfigurationSuccess', 'setConfigurationFailure'],
        },
        () => {
          const values = valuesOf(c);
          for (const u of updates) values.set(u.p.name, { ...(values.get(u.p.name) ?? u.p.defaults), [u.type]: u.value });
          c.parameterGroupStatus = updates.some((u) => u.p.restartRequired) ? 'Pending-Reboot' : 'In-Sync';
        },
        () => {
          c.parameterGroupStatus = 'Sync-Failure';
        },
      );
      c.parameterGroupStatus = 'Applying';
      // "Example Responses: None".
      return json(200, undefined);
    }),
  ];
}
