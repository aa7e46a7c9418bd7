import type { RequestScope } from '../scope.js';
import type { OteClient } from './client.js';
import { type OteApplication, toApplication } from './map.js';

/** OTE-stack's own capabilities, beyond the unified readers and operations (docs/vendor-capabilities.md). */
export interface OtestackVendor {
  /** The application catalogue: every version of every application, names containing `nameContains` where given. */
  applications(scope: RequestScope, nameContains?: string): Promise<OteApplication[]>;
}

export const otestackVendor = (client: OteClient, sourceId: string): OtestackVendor => ({
  applications: async (scope, nameContains) => (await client.applications(scope, nameContains)).map((app) => toApplication(sourceId, app)),
});
