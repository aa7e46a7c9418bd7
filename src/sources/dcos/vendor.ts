import { NotFoundError, ValidationError } from '../../model/errors.js';
import type { OperationResult } from '../../model/operations.js';
import type { RequestScope } from '../scope.js';
import { type Attachment, CATALOGUE_NOT_FOUND, type DcosClient, NO_COMPONENTS, refusedWith } from './client.js';
import { isObjectId } from './ids.js';
import {
  componentsAt,
  type DcosComponent,
  type DcosProvider,
  type DcosPublicKey,
  type DcosRegistry,
  type DcosSmtpServer,
  toComponents,
  toProvider,
  toPublicKey,
  toRegistry,
  toSmtpServer,
} from './map.js';
import type { DcosProviderType, DcosPublicKeyInput, DcosRegistryInput, DcosSmtpInput } from './inputs.js';
import { idsBody, pubkeyBody, registryBody, smtpBody } from './requests.js';

/**
 * DC/OS's own capabilities, beyond the unified readers and operations
 * (docs/vendor-capabilities.md): its nodes' component health, and the catalogues clusters
 * draw on (docker registries, SSH public keys, cloud providers) with the SMTP servers
 * alerts go out through. Each write is checked (requests.ts), then sent once; changes are
 * done when the vendor answers, so none has a workflow.
 */
export interface DcosVendor {
  /** The system components on the node of the cluster with these addresses, with their health (none while no master runs); one call per cluster and request. */
  hostComponents(scope: RequestScope, clusterId: string, addresses: readonly string[]): Promise<DcosComponent[]>;
  registries(scope: RequestScope): Promise<DcosRegistry[]>;
  publicKeys(scope: RequestScope): Promise<DcosPublicKey[]>;
  smtpServers(scope: RequestScope): Promise<DcosSmtpServer[]>;
  /** The providers createCluster could create nodes on, of one type where given. */
  providers(scope: RequestScope, type?: DcosProviderType): Promise<DcosProvider[]>;
  createRegistry(scope: RequestScope, input: DcosRegistryInput): Promise<OperationResult>;
  /** The vendor refuses one a live cluster pulls from. */
  deleteRegistry(scope: RequestScope, registryId: string): Promise<OperationResult>;
  addPublicKey(scope: RequestScope, input: DcosPublicKeyInput): Promise<OperationResult>;
  /** Attaches catalogue entries (registries or public keys) to a cluster, or with `attach` false detaches them. */
  attach(scope: RequestScope, clusterId: string, what: Attachment, ids: readonly string[], attach: boolean): Promise<OperationResult>;
  /** Adds an SMTP server, or with `smtpId` replaces that one's settings. */
  setSmtpServer(scope: RequestScope, smtpId: string | undefined, input: DcosSmtpInput): Promise<OperationResult>;
  deleteSmtpServer(scope: RequestScope, smtpId: string): Promise<OperationResult>;
}

export interface DcosVendorDeps {
  client: DcosClient;
  /** Whom the source's credentials act as, when known: the owner of what is added without one. */
  loggedInUser(signal?: AbortSignal): Promise<string | undefined>;
}

/** The types NotFoundError names for catalogue entries, which have no global id. */
const TYPE = { registry: 'DcosDockerRegistry', pubkey: 'DcosPublicKey', smtp: 'DcosSmtpServer' } as const;
/** The argument of the attach mutations that names the entries. */
const IDS_ARGUMENT: Record<Attachment, string> = { registry: 'registryIds', pubkey: 'publicKeyIds' };

export function dcosVendor({ client, loggedInUser }: DcosVendorDeps): DcosVendor {
  const done: OperationResult = {};

  /** One write to catalogue entry `id` of `what`; the vendor's "no such entry" becomes NotFoundError. */
  async function toEntry(what: keyof typeof TYPE, id: string, write: () => Promise<void>): Promise<OperationResult> {
    // The vendor would answer "invalid id": for the caller it names nothing, as an unknown one does.
    if (!isObjectId(id)) throw new NotFoundError(TYPE[what], id);
    try {
      await write();
    } catch (err) {
      if (refusedWith(err, CATALOGUE_NOT_FOUND[what])) throw new NotFoundError(TYPE[what], id);
      throw err;
    }
    return done;
  }

  return {
    async hostComponents(scope, clusterId, addresses) {
      try {
        return componentsAt(toComponents(await client.components(scope, clusterId)), addresses);
      } catch (err) {
        // Installing, failed or terminated: nothing runs on the node, which is the answer.
        if (refusedWith(err, NO_COMPONENTS)) return [];
        throw err;
      }
    },
    registries: async (scope) => (await client.registries(scope)).map(toRegistry),
    publicKeys: async (scope) => (await client.pubkeys(scope)).map(toPublicKey),
    smtpServers: async (scope) => (await client.smtpServers(scope)).map(toSmtpServer),
    providers: async (scope, type) => (await client.providers(scope, type)).flatMap((p) => toProvider(p) ?? []),

    async createRegistry(scope, input) {
      const body = registryBody(input, input.ownerId ?? (await loggedInUser(scope.signal)));
      await client.createRegistry(body, scope.signal);
      return done;
    },

    deleteRegistry: (scope, id) => toEntry('registry', id, () => client.deleteRegistry(id, scope.signal)),

    async addPublicKey(scope, input) {
      const body = pubkeyBody(input, input.ownerId ?? (await loggedInUser(scope.signal)));
      await client.uploadPubkey(body, scope.signal);
      return done;
    },

    async attach(scope, clusterId, what, ids, attach) {
      const body = idsBody(ids, IDS_ARGUMENT[what]);
      try {
        await client.attachment(attach ? 'POST' : 'DELETE', clusterId, what, body, scope.signal);
      } catch (err) {
        // An unknown id, or on detaching one the cluster does not have: the argument is wrong, not the cluster.
        if (refusedWith(err, CATALOGUE_NOT_FOUND[what])) throw new ValidationError(IDS_ARGUMENT[what], (err as Error).message);
        throw err;
      }
      return { target: { type: 'Cluster', nativeId: clusterId } };
    },

    async setSmtpServer(scope, smtpId, input) {
      const body = smtpBody(input);
      if (smtpId === undefined) {
        await client.createSmtp(body, scope.signal);
        return done;
      }
      return toEntry('smtp', smtpId, () => client.updateSmtp(smtpId, body, scope.signal));
    },

    deleteSmtpServer: (scope, id) => toEntry('smtp', id, () => client.deleteSmtp(id, scope.signal)),
  };
}
