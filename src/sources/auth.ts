import type { SourceAuth } from './http.js';

export interface IssuedCredential {
  /** Headers that carry the credential, e.g. `{ authorization: 'Bearer …' }`. */
  headers: Record<string, string>;
  /** When the vendor says it expires (ms since epoch); unknown → kept until refused. */
  expiresAt?: number;
}

export interface TokenAuthOptions {
  /**
   * Logs in from scratch. One login serves every caller waiting for it; `signal` aborts
   * only when all of them have gone away.
   */
  login(signal?: AbortSignal): Promise<IssuedCredential>;
  /** Extends a still-valid credential where the vendor can (OTE-stack's PUT). */
  refresh?(current: IssuedCredential, signal?: AbortSignal): Promise<IssuedCredential>;
  /** Renew this long before the vendor's expiry, so no call carries a dying token. */
  marginMs?: number;
  now?: () => number;
}

/**
 * A cached vendor credential with single-flight renewal: however many calls are in
 * flight when a token expires or is refused, the vendor sees one login. `renew` is
 * passed the headers a refused call used, so a late 401 for a token we have already
 * replaced does not trigger a second login.
 */
export class TokenAuth implements SourceAuth {
  #current?: IssuedCredential;
  #pending?: PendingLogin;
  readonly #margin: number;
  readonly #now: () => number;

  constructor(private readonly options: TokenAuthOptions) {
    this.#margin = options.marginMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  async headers(signal?: AbortSignal): Promise<Record<string, string>> {
    const current = this.#current;
    if (current && (current.expiresAt === undefined || current.expiresAt - this.#margin > this.#now())) {
      return current.headers;
    }
    return (await this.#wait(this.#obtain(current), signal)).headers;
  }

  async renew(used: Record<string, string>, signal?: AbortSignal): Promise<void> {
    if (this.#current && !sameHeaders(this.#current.headers, used)) return;
    // Refused means dead: log in again rather than asking the vendor to extend it.
    this.#current = undefined;
    await this.#wait(this.#obtain(undefined), signal);
  }

  #obtain(current: IssuedCredential | undefined): PendingLogin {
    if (!this.#pending) {
      const { login, refresh } = this.options;
      const controller = new AbortController();
      const { signal } = controller;
      const attempt = current && refresh ? refresh(current, signal).catch(() => login(signal)) : login(signal);
      const pending: PendingLogin = {
        controller,
        waiters: 0,
        credential: attempt
          .then((credential) => {
            this.#current = credential;
            return credential;
          })
          .finally(() => {
            if (this.#pending === pending) this.#pending = undefined;
          }),
      };
      this.#pending = pending;
    }
    return this.#pending;
  }

  /**
   * Waits for a login as one of its callers. A caller whose client goes away stops
   * waiting at once; the login itself is abandoned only when no caller is left, so one
   * client leaving never fails the others' requests.
   */
  #wait(pending: PendingLogin, signal?: AbortSignal): Promise<IssuedCredential> {
    pending.waiters++;
    if (!signal) return pending.credential;
    return new Promise<IssuedCredential>((resolve, reject) => {
      const leave = () => {
        reject(signal.reason);
        if (--pending.waiters === 0) pending.controller.abort(signal.reason);
      };
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave, { once: true });
      pending.credential.then(
        (credential) => {
          signal.removeEventListener('abort', leave);
          resolve(credential);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(err);
        },
      );
    });
  }
}

interface PendingLogin {
  credential: Promise<IssuedCredential>;
  controller: AbortController;
  /** Callers still waiting for it. */
  waiters: number;
}

function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Static credentials (an API key the operator configured) that never change. */
export function staticAuth(headers: Record<string, string>): SourceAuth {
  return { headers: async () => headers, renew: async () => undefined };
}
