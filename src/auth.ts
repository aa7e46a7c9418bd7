import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from './config.js';
import type { Viewer } from './context.js';
import { GatewayError } from './model/errors.js';

export class UnauthenticatedError extends GatewayError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message);
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Gateway API keys. Tokens are compared as SHA-256 digests in constant time, so neither
 * the comparison's timing nor a stray log of this object tells anyone a token.
 */
export class ApiKeys {
  readonly #keys: { name: string; role: Role; digest: Buffer }[];

  constructor(tokens: readonly { name: string; role: Role; token: string }[]) {
    this.#keys = tokens.map((t) => ({ name: t.name, role: t.role, digest: digest(t.token) }));
  }

  /** The viewer an `Authorization: Bearer …` header names; UnauthenticatedError otherwise. */
  viewerFor(authorization: string | null | undefined): Viewer {
    if (!authorization) throw new UnauthenticatedError('send an API token as "Authorization: Bearer <token>"');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    const presented = digest(match[1]);
    const key = this.#keys.find((k) => timingSafeEqual(k.digest, presented));
    if (!key) throw new UnauthenticatedError('the API token is not valid');
    return { name: key.name, role: key.role };
  }
}

/** What a role may do beyond reading, as the schema's `authScopes` name it. */
export const scopesOf = (role: Role): { operator: boolean; admin: boolean } => ({ operator: role !== 'viewer', admin: role === 'admin' });

/** A fresh admin token for demo mode when FLEETGATE_TOKEN is not set. */
export const generateToken = () => `fg_${randomBytes(24).toString('base64url')}`;
