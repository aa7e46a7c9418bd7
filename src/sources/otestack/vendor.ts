import { NotFoundError } from '../../model/errors.js';
import type { OperationResult } from '../../model/operations.js';
import type { RequestScope } from '../scope.js';
import { isNotFound, type OteClient } from './client.js';
import {
  BUSINESS_STATUSES,
  type OteApplicationInput,
  type OteBusinessInput,
  type OteExternalRepositoryInput,
  type OteUserInput,
  type OteUserStatus,
  USER_STATUSES,
} from './inputs.js';
import {
  type OteApplication,
  type OteBusiness,
  type OteExternalRepository,
  type OteImage,
  type OteImageProject,
  type OteImageTag,
  type OteUser,
  toApplication,
  toBusiness,
  toExternalRepository,
  toImage,
  toImageProject,
  toImageTag,
  toUser,
} from './map.js';
import { chartUpload, checkPassword, createAppBody, createUserBody, numericId } from './requests.js';

/**
 * OTE-stack's own capabilities, beyond the unified readers and operations
 * (docs/vendor-capabilities.md): the application catalogue, the image repositories
 * (Harbor projects, images and tags, and the pull secrets of external registries), the
 * platform's users and its business namespaces. Each write is checked (requests.ts),
 * then sent once; the vendor does each when it answers, so none has a workflow.
 * Catalogue and account records have no global id (they are no `Node`): a write answers
 * no target, and what it made is found in the root's lists by its name.
 */
export interface OtestackVendor {
  /** The application catalogue: every version of every application, names containing `nameContains` where given. */
  applications(scope: RequestScope, nameContains?: string): Promise<OteApplication[]>;
  /** One application version by its native id; null when there is none. */
  application(scope: RequestScope, id: string): Promise<OteApplication | null>;
  imageProjects(scope: RequestScope): Promise<OteImageProject[]>;
  /** The images of one project (the vendor requires one), names containing `nameContains` where given. */
  images(scope: RequestScope, projectName: string, nameContains?: string): Promise<OteImage[]>;
  imageTags(scope: RequestScope, imageName: string): Promise<OteImageTag[]>;
  externalRepositories(scope: RequestScope): Promise<OteExternalRepository[]>;
  /** The platform's users, as its administrators see them (the vendor refuses anyone else). */
  users(scope: RequestScope): Promise<OteUser[]>;
  businesses(scope: RequestScope, nameContains?: string): Promise<OteBusiness[]>;
  /** One business with its introduction, objective and scale; null when there is none. */
  business(scope: RequestScope, id: string): Promise<OteBusiness | null>;

  createApplication(scope: RequestScope, input: OteApplicationInput): Promise<OperationResult>;
  /** Creates an application version from a Helm chart, given as base64. */
  uploadHelmChart(scope: RequestScope, name: string, version: string, chartBase64: string): Promise<OperationResult>;
  /** The vendor refuses one a live deployment runs. */
  deleteApplication(scope: RequestScope, id: string): Promise<OperationResult>;
  createImageProject(scope: RequestScope, name: string, isPublic: boolean): Promise<OperationResult>;
  /** The vendor refuses a project that still holds images. */
  deleteImageProject(scope: RequestScope, id: string): Promise<OperationResult>;
  deleteImage(scope: RequestScope, imageName: string): Promise<OperationResult>;
  deleteImageTag(scope: RequestScope, imageName: string, tag: string): Promise<OperationResult>;
  createExternalRepository(scope: RequestScope, input: OteExternalRepositoryInput): Promise<OperationResult>;
  /** Deployments already pulling with it keep running ("It won't affect existing deployment"). */
  deleteExternalRepository(scope: RequestScope, repositoryId: string): Promise<OperationResult>;
  /** A user in the source account's business namespace (Create Sub-User), approved at once. */
  createUser(scope: RequestScope, input: OteUserInput): Promise<OperationResult>;
  deleteUser(scope: RequestScope, id: string): Promise<OperationResult>;
  /** Audit User: approves a registration, refuses it, or forbids the user. */
  setUserStatus(scope: RequestScope, id: string, status: OteUserStatus): Promise<OperationResult>;
  resetUserPassword(scope: RequestScope, id: string, password: string): Promise<OperationResult>;
  /** A business namespace applied for by the source's account, pending until audited. */
  createBusiness(scope: RequestScope, input: OteBusinessInput): Promise<OperationResult>;
  /** Audit Business: approval creates the namespace ns<id> on every edge cluster. */
  decideBusiness(scope: RequestScope, id: string, approve: boolean, comment: string): Promise<OperationResult>;
}

/** The types NotFoundError names for OTE-stack's records, which have no global id. */
const TYPE = {
  application: 'OtestackApplication',
  project: 'OtestackImageProject',
  image: 'OtestackImage',
  tag: 'OtestackImageTag',
  repository: 'OtestackExternalRepository',
  user: 'OtestackUser',
  business: 'OtestackBusiness',
} as const;

export const otestackVendor = (client: OteClient, sourceId: string): OtestackVendor => {
  const done: OperationResult = {};

  /**
   * One write to record `id` of `what`: a vendor 404 is that record missing (the call
   * names it, so it is not a list that merely mentioned it). `send` gets the numeric id
   * where the vendor numbers the kind; an id of another shape names nothing.
   */
  async function toRecord(what: keyof typeof TYPE, id: string, send: () => Promise<void>): Promise<OperationResult> {
    try {
      await send();
    } catch (err) {
      throw isNotFound(err) ? new NotFoundError(TYPE[what], id) : err;
    }
    return done;
  }
  const numbered = (what: keyof typeof TYPE, id: string): number => {
    const n = numericId(id);
    if (n === undefined) throw new NotFoundError(TYPE[what], id);
    return n;
  };
  /** A read of something the caller named: a 404 is it missing, as for a write. */
  const named = async <T>(what: keyof typeof TYPE, id: string, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (err) {
      throw isNotFound(err) ? new NotFoundError(TYPE[what], id) : err;
    }
  };

  return {
    applications: async (scope, nameContains) => (await client.applications(scope, nameContains)).map((app) => toApplication(sourceId, app)),
    async application(scope, id) {
      const n = numericId(id);
      const app = n === undefined ? null : await client.app(scope, n);
      return app ? toApplication(sourceId, app) : null;
    },
    imageProjects: async (scope) => (await client.projects(scope)).map(toImageProject),
    images: async (scope, projectName, nameContains) =>
      (await named('project', projectName, () => client.images(scope, projectName, nameContains))).map(toImage),
    imageTags: async (scope, imageName) => (await named('image', imageName, () => client.imageTags(scope, imageName))).map(toImageTag),
    externalRepositories: async (scope) => (await client.externalRepos(scope)).map(toExternalRepository),
    users: async (scope) => (await client.users(scope)).map(toUser),
    businesses: async (scope, nameContains) => (await client.businesses(scope, nameContains)).map(toBusiness),
    async business(scope, id) {
      const n = numericId(id);
      const business = n === undefined ? null : await client.business(scope, n);
      return business ? toBusiness(business) : null;
    },

    async createApplication(scope, input) {
      await client.createApp(createAppBody(input), scope.signal);
      return done;
    },
    async uploadHelmChart(scope, name, version, chartBase64) {
      const { appName, chart } = chartUpload(name, version, chartBase64);
      await client.uploadChart(appName, version, chart, scope.signal);
      return done;
    },
    deleteApplication: (scope, id) => toRecord('application', id, () => client.deleteApps([numbered('application', id)], scope.signal)),

    async createImageProject(scope, name, isPublic) {
      await client.createProject(name, isPublic, scope.signal);
      return done;
    },
    deleteImageProject: (scope, id) => toRecord('project', id, () => client.deleteProjects([numbered('project', id)], scope.signal)),
    deleteImage: (scope, imageName) => toRecord('image', imageName, () => client.deleteImages([imageName], scope.signal)),
    deleteImageTag: (scope, imageName, tag) => toRecord('tag', `${imageName}:${tag}`, () => client.deleteImageTags(imageName, [tag], scope.signal)),
    async createExternalRepository(scope, input) {
      const { repositoryId, address, user, password } = input;
      await client.createExternalRepo({ repositoryId, address, user, password }, scope.signal);
      return done;
    },
    deleteExternalRepository: (scope, repositoryId) => toRecord('repository', repositoryId, () => client.deleteExternalRepos([repositoryId], scope.signal)),

    async createUser(scope, input) {
      await client.createUser(createUserBody(input), scope.signal);
      return done;
    },
    deleteUser: (scope, id) => toRecord('user', id, () => client.deleteUser(numbered('user', id), scope.signal)),
    setUserStatus: (scope, id, status) => toRecord('user', id, () => client.auditUser(numbered('user', id), USER_STATUSES[status], scope.signal)),
    async resetUserPassword(scope, id, password) {
      checkPassword(password, 'password');
      return await toRecord('user', id, () => client.resetPassword(numbered('user', id), password, scope.signal));
    },

    async createBusiness(scope, input) {
      const { name, introduction, objective, scale } = input;
      await client.createBusiness({ name, introduce: introduction, objective, scale }, scope.signal);
      return done;
    },
    decideBusiness: (scope, id, approve, comment) =>
      toRecord('business', id, () =>
        client.auditBusiness(numbered('business', id), approve ? BUSINESS_STATUSES.APPROVED : BUSINESS_STATUSES.DISAPPROVED, comment, scope.signal),
      ),
  };
};
