import type { Route } from '../../kit/definition.js';
import { bodyObject, json } from '../../kit/http.js';
import type { Ctx } from '../context.js';
import { CODE, DcosError, guarded, success } from '../errors.js';
import { requiredName, requiredOwner, requiredText, requireRecord, text } from '../fields.js';
import { isoSeconds } from '../../kit/time.js';
import { isObjectId } from '../ids.js';
import { listResponse } from '../query.js';
import { registryInUse, registryView } from '../registries.js';
import type { DcosState, Registry } from '../state.js';

/** `host[:port][/path]`, as docker names a registry. */
const ADDRESS = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?(\/[A-Za-z0-9._-]+)*$/;

const nameTaken = (state: DcosState, name: string, userId: string) =>
  [...state.registries.values()].some((r) => r.name === name && (!userId || r.user_id === userId));

/** The docker registry catalogue: `/v1/dockerregistries`, whose entries clusters pull from. */
export function registryRoutes({ env, state }: Ctx): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/dockerregistries',
      handle: guarded((req) => {
        const body = bodyObject(req);
        const name = requiredName(body);
        const address = requiredText(body, 'registry');
        if (!ADDRESS.test(address)) throw new DcosError(CODE.invalid, `Invalid registry ${address}: host[:port] expected`);
        const owner = requiredOwner(state, body);
        if (nameTaken(state, name, owner.id)) throw new DcosError(CODE.registryNameExists, `Conflict registry name ${name}`);
        const now = env.clock.now();
        const registry: Registry = {
          _id: state.ids.clusters.next(now),
          name,
          registry: address,
          secure: body.secure === true,
          ca_text: text(body, 'ca_text'),
          username: text(body, 'username'),
          password: text(body, 'password'),
          user_id: owner.id,
          tenant_id: owner.tenantId,
          isUse: false,
          isSystemRegistry: body.isSystemRegistry === true,
          TimeCreate: isoSeconds(now),
        };
        state.registries.set(registry._id, registry);
        return success(registryView(state, registry));
      }),
    },
    {
      method: 'GET',
      path: '/v1/dockerregistries',
      handle: guarded((req) => {
        const userId = req.query.get('user_id')?.trim();
        const rows = [...state.registries.values()].filter((r) => !userId || r.user_id === userId);
        return listResponse(rows, req.query, (r) => registryView(state, r));
      }),
    },
    {
      method: 'GET',
      path: '/v1/dockerregistries/registryValidate',
      handle: guarded((req) => {
        const q = req.query;
        const type = q.get('type')?.trim() ?? '';
        if (type !== 'name' && type !== 'used') throw new DcosError(CODE.invalid, 'Invalid parameter type: name or used');
        const name = requiredName({ name: q.get('name') ?? '' });
        const userId = q.get('user_id')?.trim() ?? '';
        if (userId && !isObjectId(userId)) throw new DcosError(CODE.invalid, 'Invalid userid,not a object id');
        if (type === 'name' && nameTaken(state, name, userId)) throw new DcosError(CODE.registryNameExists, `Conflict registry name ${name}`);
        if (type === 'used') {
          const used = [...state.registries.values()].find((r) => r.name === name && (!userId || r.user_id === userId) && registryInUse(state, r._id));
          if (used) throw new DcosError(CODE.registryInUse, `registry ${name} is used by a cluster`);
        }
        return json(200, { success: true, data: null });
      }),
    },
    {
      method: 'GET',
      path: '/v1/dockerregistries/{registry_id}',
      handle: guarded((req) => success(registryView(state, requireRecord(state.registries, req.params.registry_id, 'dockerregistry', CODE.registryQuery)))),
    },
    {
      method: 'DELETE',
      path: '/v1/dockerregistries/{registry_id}',
      handle: guarded((req) => {
        const registry = requireRecord(state.registries, req.params.registry_id, 'dockerregistry', CODE.registryQuery);
        if (registryInUse(state, registry._id))
          throw new DcosError(CODE.registryInUse, `registry ${String(registry.name)} is used by a cluster: detach it first`);
        state.registries.delete(registry._id);
        return json(200, { success: true });
      }),
    },
  ];
}
