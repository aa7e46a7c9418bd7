import type { Route } from '../../kit/definition.js';
import { bodyObject, json } from '../../kit/http.js';
import type { Ctx } from '../context.js';
import { CODE, DcosError, guarded, success } from '../errors.js';
import { requiredText, requireRecord } from '../fields.js';
import { listResponse } from '../query.js';
import { seal } from '../seal.js';
import type { DcosState, SmtpServer } from '../state.js';

const BASE = '/v1/smtp';
/** `host[:port]`. */
const ADDRESS = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/;
const smtpView = (s: SmtpServer) => ({ _id: s.id, name: s.name, address: s.address, passwd: s.sealed });

/** `name`, `address`, `passwd`, each required; an address may be configured once. */
function parseServer(state: DcosState, body: Record<string, unknown>, except?: string): Omit<SmtpServer, 'id'> {
  const name = requiredText(body, 'name');
  const address = requiredText(body, 'address');
  if (!ADDRESS.test(address)) throw new DcosError(CODE.invalid, `Invalid address ${address}: host[:port] expected`);
  const passwd = requiredText(body, 'passwd');
  if ([...state.smtp.values()].some((s) => s.address === address && s.id !== except))
    throw new DcosError(CODE.smtpAddressExists, `Conflict smtp address ${address}`);
  return { name, address, sealed: seal(passwd) };
}

/** The SMTP servers (`/v1/smtp`) alert mail goes out through. */
export function smtpRoutes({ env, state }: Ctx): Route[] {
  const find = (id: string | undefined) => requireRecord(state.smtp, id, 'smtp', CODE.smtpQuery);
  return [
    {
      method: 'POST',
      path: BASE,
      handle: guarded((req) => {
        const fields = parseServer(state, bodyObject(req));
        const server: SmtpServer = { id: state.ids.clusters.next(env.clock.now()), ...fields };
        state.smtp.set(server.id, server);
        return success(smtpView(server));
      }),
    },
    {
      method: 'GET',
      path: BASE,
      handle: guarded((req) => {
        const address = req.query.get('address')?.trim();
        const rows = [...state.smtp.values()].filter((s) => !address || s.address === address);
        return listResponse(rows, req.query, smtpView);
      }),
    },
    {
      method: 'PUT',
      path: `${BASE}/{smtp_id}`,
      handle: guarded((req) => {
        const server = find(req.params.smtp_id);
        Object.assign(server, parseServer(state, bodyObject(req), server.id));
        return success({ created: false, url: `${BASE}/${server.id}` });
      }),
    },
    {
      method: 'DELETE',
      path: `${BASE}/{smtp_id}`,
      handle: guarded((req) => {
        state.smtp.delete(find(req.params.smtp_id).id);
        return json(200, { success: true, data: null });
      }),
    },
  ];
}
