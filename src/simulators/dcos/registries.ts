import type { DcosState, Registry } from './state.js';

/** Go's zero `time.Time`, which a registry copied into a cluster record carries. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * The registry as a cluster record embeds it. A registry the service knows (by `_id`)
 * is copied from its catalogue, whatever else the request said (the document's create
 * request names it `registry_name`, the response `linkerRegistry`); an unknown one is
 * kept as the request gave it, credentials included, with the missing fields defaulted.
 */
export function embedRegistry(state: DcosState, given: Record<string, unknown>): Registry {
  const id = typeof given._id === 'string' ? given._id : '';
  const known = state.registries.get(id);
  const source = known ?? given;
  return {
    _id: id,
    name: str(source.name),
    registry: str(source.registry),
    secure: source.secure === true,
    ca_text: str(source.ca_text),
    username: str(source.username),
    password: str(source.password),
    user_id: '',
    tenant_id: '',
    isUse: false,
    isSystemRegistry: source.isSystemRegistry === true,
    TimeCreate: ZERO_TIME,
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A cluster that is not terminated and pulls from the registry. */
export const registryInUse = (state: DcosState, id: string): boolean =>
  [...state.clusters.values()].some((c) => c.status !== 'TERMINATED' && c.dockerRegistries.some((r) => r._id === id));

/** A catalogue registry as `/v1/dockerregistries` shows it: `isUse` is whether a live cluster pulls from it. */
export const registryView = (state: DcosState, r: Registry): Registry => ({ ...r, isUse: registryInUse(state, r._id) });
