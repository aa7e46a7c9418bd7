import { CODE, DcosError } from './errors.js';
import { isoSeconds } from '../kit/time.js';
import { type DcosState, PROVIDER_TYPES, type Provider, type ProviderType } from './state.js';

/** Each type's settings block: its field in a provider record and the docker-machine options it holds. */
const BLOCKS: Record<ProviderType, { field: string; keys: readonly string[]; required: readonly string[] }> = {
  openstack: {
    field: 'openstackInfo',
    keys: [
      'openstack-auth-url',
      'openstack-username',
      'openstack-password',
      'openstack-tenant-name',
      'openstack-flavor-name',
      'openstack-image-name',
      'openstack-ssh-user',
      'openstack-sec-groups',
      'openstack-floatingip-pool',
      'openstack-nova-network',
    ],
    required: ['openstack-auth-url', 'openstack-username', 'openstack-password', 'openstack-tenant-name'],
  },
  amazonec2: {
    field: 'awsEc2Info',
    keys: [
      'amazonec2-access-key',
      'amazonec2-secret-key',
      'amazonec2-ami',
      'amazonec2-instance-type',
      'amazonec2-root-size',
      'amazonec2-region',
      'amazonec2-vpc-id',
      'amazonec2-ssh-user',
    ],
    required: ['amazonec2-access-key', 'amazonec2-secret-key', 'amazonec2-region'],
  },
  google: {
    field: 'googleInfo',
    keys: [
      'google-project',
      'google-zone',
      'google-machine-type',
      'google-machine-image',
      'google-network',
      'google-username',
      'google-disk-size',
      'google-disk-type',
      'google-use-internal-ip',
      'google-tags',
      'google-application-credentials',
    ],
    required: ['google-project', 'google-zone'],
  },
};

/** The fields of a provider request beyond its name and owner. */
export interface ProviderSettings {
  type: ProviderType;
  sshUser: string;
  info: Record<string, string>;
}

/**
 * `type`, `sshUser` and the type's block. Only the block's known keys are kept: the
 * document's own request spells `google-applocation-credentials`, which the service
 * does not know, and its response accordingly shows empty credentials.
 */
export function parseSettings(body: Record<string, unknown>): ProviderSettings {
  const type = typeof body.type === 'string' ? body.type : '';
  if (!(PROVIDER_TYPES as readonly string[]).includes(type))
    throw new DcosError(CODE.invalidType, `Invalid provider type ${type}: one of ${PROVIDER_TYPES.join(', ')}`);
  const block = BLOCKS[type as ProviderType];
  const sshUser = typeof body.sshUser === 'string' ? body.sshUser.trim() : '';
  if (!sshUser) throw new DcosError(CODE.invalid, 'sshUser is required');
  const raw = body[block.field];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new DcosError(CODE.invalid, `${block.field} is required for a ${type} provider`);
  const given = raw as Record<string, unknown>;
  const info: Record<string, string> = {};
  for (const key of block.keys) {
    const v = given[key];
    if (v !== undefined && v !== null && typeof v !== 'string') throw new DcosError(CODE.invalid, `${block.field}.${key} must be a string`);
    info[key] = typeof v === 'string' ? v : '';
  }
  const missing = block.required.find((key) => !info[key]);
  if (missing) throw new DcosError(CODE.invalid, `${block.field}.${missing} is required`);
  return { type: type as ProviderType, sshUser, info };
}

/** A cluster that is not terminated runs on nodes of the provider. */
export const providerInUse = (state: DcosState, id: string): boolean =>
  [...state.clusters.values()].some((c) => c.providerId === id && c.status !== 'TERMINATED');

/** Every type's block, empty but for the provider's own, as the document's responses show. */
function blocks(p: Provider): Record<string, Record<string, string>> {
  return Object.fromEntries(
    (['openstack', 'amazonec2', 'google'] as const).map((t) => [
      BLOCKS[t].field,
      t === p.type ? { ...p.info } : Object.fromEntries(BLOCKS[t].keys.map((k) => [k, ''])),
    ]),
  );
}

/** A provider as create and detail show it; the list adds `isuse` (see `providerListView`). */
export const providerView = (p: Provider) => ({
  _id: p.id,
  name: p.name,
  type: p.type,
  sshUser: p.sshUser,
  ...blocks(p),
  user_id: p.userId,
  tenant_id: p.tenantId,
  time_create: isoSeconds(p.createdAt),
  time_update: isoSeconds(p.updatedAt),
});

export const providerListView = (state: DcosState, p: Provider) => {
  const { time_create, time_update, ...rest } = providerView(p);
  return { ...rest, isuse: providerInUse(state, p.id), time_create, time_update };
};
