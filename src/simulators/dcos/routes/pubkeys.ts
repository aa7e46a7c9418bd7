import type { Route } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import type { Ctx } from '../context.js';
import { CODE, DcosError, guarded, success } from '../errors.js';
import { requiredName, requiredOwner, requiredText, requireRecord } from '../fields.js';
import { isoSeconds } from '../../kit/time.js';
import { isObjectId } from '../ids.js';
import { isPublicKey, privateKeyPem, publicKeyValue } from '../keys.js';
import { listResponse } from '../query.js';
import type { DcosState, Pubkey, User } from '../state.js';

const BASE = '/v1/pubkey';

/** A cluster that is not terminated has the key installed on its nodes. */
const pubkeyInUse = (state: DcosState, id: string) => [...state.clusters.values()].some((c) => c.status !== 'TERMINATED' && c.pubkeyId.includes(id));

const pubkeyView = (state: DcosState, k: Pubkey) => ({
  _id: k.id,
  pubkeyValue: k.value,
  name: k.name,
  owner: k.owner,
  user_id: k.userId,
  isuse: pubkeyInUse(state, k.id),
  tenant_id: k.tenantId,
  time_create: isoSeconds(k.createdAt),
  time_update: isoSeconds(k.updatedAt),
});

/** SSH public keys (`/v1/pubkey`): uploaded, or generated with the private half kept for one download route. */
export function pubkeyRoutes({ env, state }: Ctx): Route[] {
  /** A new key of `owner` named `name` (unique among the owner's keys). */
  const addKey = (owner: User, name: string, value: string): Pubkey => {
    if ([...state.pubkeys.values()].some((k) => k.userId === owner.id && k.name === name))
      throw new DcosError(CODE.pubkeyNameExists, `Conflict pubkey name ${name}`);
    const now = env.clock.now();
    const key: Pubkey = {
      id: state.ids.clusters.next(now),
      name,
      value,
      owner: owner.username,
      userId: owner.id,
      tenantId: owner.tenantId,
      createdAt: now,
      updatedAt: now,
    };
    state.pubkeys.set(key.id, key);
    return key;
  };
  return [
    {
      method: 'POST',
      path: BASE,
      handle: guarded((req) => {
        const body = bodyObject(req);
        const value = requiredText(body, 'pubkeyValue');
        if (!isPublicKey(value)) throw new DcosError(CODE.pubkeyInvalid, 'Invalid pubkeyValue: an OpenSSH public key (ssh-rsa AAAA... comment) expected');
        return success(pubkeyView(state, addKey(requiredOwner(state, body), requiredName(body), value)));
      }),
    },
    {
      method: 'GET',
      path: BASE,
      handle: guarded((req) => {
        const name = req.query.get('name')?.trim();
        const userId = req.query.get('user_id')?.trim();
        const rows = [...state.pubkeys.values()].filter((k) => (!name || k.name === name) && (!userId || k.userId === userId));
        return listResponse(rows, req.query, (k) => pubkeyView(state, k));
      }),
    },
    {
      method: 'GET',
      path: `${BASE}/{pubkey_id}`,
      handle: guarded((req) => success(pubkeyView(state, requireRecord(state.pubkeys, req.params.pubkey_id, 'pubkey', CODE.pubkeyQuery)))),
    },
    {
      method: 'POST',
      path: `${BASE}/userSelfCreate`,
      handle: guarded((req) => {
        const body = bodyObject(req);
        const owner = requiredOwner(state, body);
        const name = requiredName(body);
        addKey(owner, name, publicKeyValue(env.rng, `${owner.username}@linker-dcos`));
        // One pending private key per user: the newest pair's, which the download route serves.
        state.privateKeys.set(owner.id, privateKeyPem(env.rng));
        // The document answers with the user's id: the key to download the private half with.
        return success(owner.id);
      }),
    },
    {
      method: 'GET',
      path: `${BASE}/downLoadKey/{user_id}`,
      handle: guarded((req) => {
        const userId = req.params.user_id ?? '';
        if (!isObjectId(userId)) throw new DcosError(CODE.invalid, 'Invalid userid,not a object id');
        const pem = state.privateKeys.get(userId);
        if (!pem) throw new DcosError(CODE.pubkeyQuery, `no generated key pair for user ${userId}: create one with ${BASE}/userSelfCreate`);
        return { status: 200, text: pem, headers: { 'content-type': 'application/x-pem-file' } };
      }),
    },
  ];
}
