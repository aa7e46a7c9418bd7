import type { Route } from '../../kit/definition.js';
import { bodyObject, json } from '../../kit/http.js';
import type { Ctx } from '../context.js';
import { CODE, DcosError, guarded, success } from '../errors.js';
import { requiredName, requiredOwner, requireRecord } from '../fields.js';
import { listResponse } from '../query.js';
import { parseSettings, providerInUse, providerListView, providerView } from '../providers.js';
import { type DcosState, PROVIDER_TYPES, type Provider } from '../state.js';

const BASE = '/v1/provider';

/** A provider name is unique per user (across users when no user is named); `except` is the one being renamed. */
const nameTaken = (state: DcosState, name: string, userId: string, except?: string) =>
  [...state.providers.values()].some((p) => p.name === name && p.id !== except && (!userId || p.userId === userId));

/** The cloud platforms (`/v1/provider`) that non-customized clusters create their nodes on. */
export function providerRoutes({ env, state }: Ctx): Route[] {
  const find = (id: string | undefined) => requireRecord(state.providers, id, 'provider', CODE.providerQuery);
  return [
    {
      method: 'POST',
      path: BASE,
      handle: guarded((req) => {
        const body = bodyObject(req);
        const name = requiredName(body);
        const owner = requiredOwner(state, body);
        if (nameTaken(state, name, owner.id)) throw new DcosError(CODE.providerNameExists, `Conflict provider name ${name}`);
        const settings = parseSettings(body);
        const now = env.clock.now();
        const provider: Provider = {
          id: state.ids.clusters.next(now),
          name,
          ...settings,
          userId: owner.id,
          tenantId: owner.tenantId,
          createdAt: now,
          updatedAt: now,
        };
        state.providers.set(provider.id, provider);
        return success(providerView(provider));
      }),
    },
    {
      method: 'GET',
      path: BASE,
      handle: guarded((req) => {
        const q = req.query;
        const type = q.get('type')?.trim();
        if (type && !(PROVIDER_TYPES as readonly string[]).includes(type)) throw new DcosError(CODE.invalidType, `Invalid parameter type: ${type}`);
        const userId = q.get('user_id')?.trim();
        const rows = [...state.providers.values()].filter((p) => (!type || p.type === type) && (!userId || p.userId === userId));
        return listResponse(rows, q, (p) => providerListView(state, p));
      }),
    },
    {
      method: 'GET',
      path: `${BASE}/validate`,
      handle: guarded((req) => {
        const name = requiredName({ provider_name: req.query.get('provider_name') ?? '' }, 'provider_name');
        if (nameTaken(state, name, '')) throw new DcosError(CODE.providerNameExists, `Conflict provider name ${name}`);
        return json(200, { success: true, data: null });
      }),
    },
    { method: 'GET', path: `${BASE}/{provider_id}`, handle: guarded((req) => success(providerView(find(req.params.provider_id)))) },
    {
      method: 'PUT',
      path: `${BASE}/{provider_id}`,
      handle: guarded((req) => {
        const provider = find(req.params.provider_id);
        const body = bodyObject(req);
        if (body._id !== undefined && body._id !== provider.id)
          throw new DcosError(CODE.invalid, `_id ${String(body._id)} does not match the provider in the path`);
        const name = requiredName(body);
        const owner = requiredOwner(state, body);
        if (nameTaken(state, name, owner.id, provider.id)) throw new DcosError(CODE.providerNameExists, `Conflict provider name ${name}`);
        const settings = parseSettings(body);
        // Nodes already created stay where they are: a provider in use keeps its platform.
        if (settings.type !== provider.type && providerInUse(state, provider.id)) {
          throw new DcosError(CODE.providerInUse, `provider ${provider.name} is used by a cluster: its type cannot change`);
        }
        Object.assign(provider, { name, ...settings, userId: owner.id, tenantId: owner.tenantId, updatedAt: env.clock.now() });
        return success({ created: false, url: `${BASE}/${provider.id}` });
      }),
    },
    {
      method: 'DELETE',
      path: `${BASE}/{provider_id}`,
      handle: guarded((req) => {
        const provider = find(req.params.provider_id);
        if (providerInUse(state, provider.id)) throw new DcosError(CODE.providerInUse, `provider ${provider.name} is used by a cluster`);
        state.providers.delete(provider.id);
        return json(200, { success: true });
      }),
    },
  ];
}
