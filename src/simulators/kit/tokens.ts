import type { Rng } from './rng.js';
import type { SimClock } from './clock.js';

export interface IssuedToken {
  token: string;
  subject: string;
  issuedAt: number;
  expiresAt: number;
}

export type TokenCheck = { ok: true; issued: IssuedToken } | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'revoked' };

/**
 * Bearer tokens with lifetimes in simulated time, so a 1-hour vendor token expires in
 * two minutes of a demo at speed 30, and a test can expire every token at once
 * (`expireTokens` fault) to prove the gateway logs in again.
 */
export class TokenStore {
  #tokens = new Map<string, IssuedToken>();
  #revoked = new Set<string>();
  #expiredBefore = -Infinity;

  constructor(
    private readonly clock: SimClock,
    private readonly rng: Rng,
  ) {}

  issue(subject: string, ttlMs: number, format: (rng: Rng) => string = (r) => r.alnum(48)): IssuedToken {
    const issuedAt = this.clock.now();
    const issued = { token: format(this.rng), subject, issuedAt, expiresAt: issuedAt + ttlMs };
    this.#tokens.set(issued.token, issued);
    return issued;
  }

  check(token: string | undefined | null): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    if (this.#revoked.has(token)) return { ok: false, reason: 'revoked' };
    const issued = this.#tokens.get(token);
    if (!issued) return { ok: false, reason: 'unknown' };
    if (issued.issuedAt <= this.#expiredBefore || this.clock.now() >= issued.expiresAt) {
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, issued };
  }

  revoke(token: string): void {
    this.#revoked.add(token);
  }

  /** Makes every token issued so far expired; tokens issued afterwards are unaffected. */
  expireAll(): void {
    this.#expiredBefore = this.clock.now();
  }
}
