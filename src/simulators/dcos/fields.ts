import { CODE, DcosError, type ErrorCode } from './errors.js';
import { isObjectId } from './ids.js';
import { type DcosState, findUser, type User } from './state.js';

/**
 * Request fields as the catalogue services (registries, providers, public keys, SMTP)
 * read them: strings trimmed, a missing required one named, ids checked to be ObjectIds
 * before they are looked up.
 */

type Body = Record<string, unknown>;

/** A catalogue entry's name: what the web console accepts (letters, digits, `_`, `.`, `-`). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** A string field, trimmed; '' when absent or not a string. */
export const text = (body: Body, field: string): string => (typeof body[field] === 'string' ? (body[field] as string).trim() : '');

export function requiredText(body: Body, field: string, code: ErrorCode = CODE.invalid): string {
  const value = text(body, field);
  if (!value) throw new DcosError(code, `${field} is required`);
  return value;
}

export function requiredName(body: Body, field = 'name'): string {
  const name = requiredText(body, field, CODE.invalidName);
  if (!NAME.test(name)) throw new DcosError(CODE.invalidName, `Invalid ${field}: letters, digits, '_', '.' and '-', at most 64 characters`);
  return name;
}

/** `user_id`: required, an ObjectId, and a user the user-management service knows. */
export function requiredOwner(state: DcosState, body: Body): User {
  const id = requiredText(body, 'user_id');
  if (!isObjectId(id)) throw new DcosError(CODE.invalid, 'Invalid userid,not a object id');
  const user = findUser(state, id);
  if (!user) throw new DcosError(CODE.callUsermgmt, `get user by id failed: no user ${id}`);
  return user;
}

/** `{"ids": [...]}` of attach and detach calls: a non-empty list of ObjectIds, each once. */
export function idList(body: Body): string[] {
  const ids = body.ids;
  if (!Array.isArray(ids) || ids.length === 0) throw new DcosError(CODE.invalid, 'ids is required: a list of ids');
  for (const id of ids) {
    if (typeof id !== 'string' || !isObjectId(id)) throw new DcosError(CODE.invalid, `Invalid id ${JSON.stringify(id)},not a object id`);
  }
  return [...new Set(ids as string[])];
}

/** A record by the id in the path, or the service's not-found error. */
export function requireRecord<T>(records: ReadonlyMap<string, T>, id: string | undefined, what: string, code: ErrorCode): T {
  if (!id || !isObjectId(id)) throw new DcosError(CODE.invalid, `Invalid ${what} id.`);
  const found = records.get(id);
  if (!found) throw new DcosError(code, `${what} ${id} not found`);
  return found;
}
