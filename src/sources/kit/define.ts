import type { SourceConfig } from '../../config.js';
import type { AdapterFactory, SourceAdapter } from '../adapter.js';
import { type SourceHttp, type SourceHttpOptions, sourceHttpSettings } from '../http.js';
import { type SignIn, signedInHttp } from './sign-in.js';

/** What a vendor folder's index.ts says of its source; `defineSource` adds what every source has alike. */
export interface SourceDefinition<S extends SignIn> {
  entities: SourceAdapter['capabilities']['entities'];
  isNativeId: SourceAdapter['isNativeId'];
  /** How the vendor's error answers read, and which of its 500s may pass if asked again. */
  errors: Pick<SourceHttpOptions, 'readVendorError' | 'transient500'>;
  /** The auth its calls carry, over the http its login goes to (kit/sign-in.ts), and whatever else the login tells. */
  signIn(source: SourceConfig, loginHttp: () => SourceHttp): S;
  /** The vendor's own parts, over the signed-in http. */
  build(source: SourceConfig, http: SourceHttp, signedIn: S): Pick<SourceAdapter, 'session' | 'operations' | 'vendor' | 'probe'>;
}

/**
 * The AdapterFactory of a source: its SourceHttp signed in as the definition says, and
 * `info`, `capabilities`, `health` and `close` made the same way for every vendor.
 */
export function defineSource<S extends SignIn>(definition: SourceDefinition<S>): AdapterFactory {
  return (source, deps) => {
    const signedIn = signedInHttp({ ...sourceHttpSettings(source, deps), ...definition.errors }, source, (loginHttp) => definition.signIn(source, loginHttp));
    const { http } = signedIn;
    return {
      info: { id: source.id, kind: source.kind, name: source.name, url: source.url },
      capabilities: { entities: definition.entities },
      isNativeId: definition.isNativeId,
      ...definition.build(source, http, signedIn),
      health: () => http.health(),
      close: signedIn.close,
    };
  };
}
