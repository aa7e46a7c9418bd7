import { type SourceAuth, SourceHttp, type SourceHttpOptions } from '../http.js';

/** How a source signs in: the auth its calls carry (none for a vendor without sign-in, or a token sent as a header), and whatever else the login tells. */
export interface SignIn {
  auth?: SourceAuth;
}

/**
 * The source's SourceHttp, signed in as `signIn` says, and the one its login goes over:
 * its own for `authUrl`, made at the first login, else the source's http itself (a
 * login is sent with `auth: false`, so it never waits for the token it fetches).
 * `signIn` is handed the login http as a getter because without `authUrl` that is the
 * http built with the auth `signIn` returns; a login only runs at a call, once both exist.
 */
export function signedInHttp<S extends SignIn>(
  options: Omit<SourceHttpOptions, 'url' | 'auth'>,
  urls: { url: string; authUrl?: string | undefined },
  signIn: (loginHttp: () => SourceHttp) => S,
): S & { http: SourceHttp; close(): Promise<void> } {
  const { authUrl } = urls;
  let own: SourceHttp | undefined;
  const lines: { http?: SourceHttp } = {};
  const signedIn = signIn(() => (authUrl ? (own ??= new SourceHttp({ ...options, url: authUrl })) : (lines.http as SourceHttp)));
  const http = new SourceHttp({ ...options, url: urls.url, ...(signedIn.auth ? { auth: signedIn.auth } : {}) });
  lines.http = http;
  return {
    ...signedIn,
    http,
    close: async () => {
      await Promise.all([http.close(), own?.close()]);
    },
  };
}
