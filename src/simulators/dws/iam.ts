import type { Route, SimEnv } from '../kit/definition.js';
import { bodyObject, header, json, type SimRequest, type SimResponse } from '../kit/http.js';
import { REGION } from './catalog.js';
import { dwsBody, dwsError } from './errors.js';
import type { Project } from './model.js';
import { keystoneTime } from './time.js';

/** "A token is valid for 24 hours" (3.2). */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * IAM's token API (Keystone v3 password authentication). Real DWS sends this to the
 * region's IAM host; the simulator serves it on its own port so one URL is enough.
 * IAM errors keep Keystone's `{error: {code, title, message}}` shape; DWS's own APIs
 * answer `{error_code, error_msg}`.
 */
const keystoneError = (code: number, title: string, message: string) => json(code, { error: { code, title, message } });
const badRequest = (message: string) => keystoneError(400, 'Bad Request', message);
const unauthorized = (message: string) => keystoneError(401, 'Unauthorized', message);

const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** Walks `auth.identity.password.user` style paths, naming the first missing link. */
function dig(root: Record<string, unknown>, path: string[]): { value?: Record<string, unknown>; missing?: string } {
  let cur: Record<string, unknown> = root;
  for (let i = 0; i < path.length; i++) {
    const next = obj(cur[path[i] as string]);
    if (!next) return { missing: path.slice(0, i + 1).join('.') };
    cur = next;
  }
  return { value: cur };
}

export function projectResource(project: Project) {
  return { domain: { id: project.domainId, name: project.domainName }, id: project.id, name: project.name };
}

export function iamRoutes(env: SimEnv, project: Project): Route[] {
  const creds = env.credentials;
  const login = (req: SimRequest): SimResponse => {
    const body = bodyObject(req);
    const auth = dig(body, ['auth', 'identity']);
    if (!auth.value) return badRequest(`Expecting to find ${auth.missing} in the request body.`);
    const methods = auth.value.methods;
    if (!Array.isArray(methods) || !methods.includes('password')) {
      return badRequest('auth.identity.methods must contain "password": only password authentication is supported.');
    }
    const user = dig(auth.value, ['password', 'user']);
    if (!user.value) return badRequest(`Expecting to find auth.identity.${user.missing} in the request body.`);
    const u = user.value;
    for (const field of ['name', 'password'] as const) {
      if (typeof u[field] !== 'string' || u[field] === '') return badRequest(`Expecting to find auth.identity.password.user.${field} in the request body.`);
    }
    const domain = obj(u.domain);
    if (!domain || (typeof domain.name !== 'string' && typeof domain.id !== 'string')) {
      return badRequest('Expecting to find auth.identity.password.user.domain (name or id) in the request body.');
    }
    const domainOk = domain.name === project.domainName || domain.id === project.domainId;
    if (!domainOk || u.name !== creds.user || u.password !== creds.password) {
      return unauthorized('The username or password is wrong.');
    }
    const scope = dig(body, ['auth', 'scope', 'project']);
    if (!scope.value) return badRequest('auth.scope.project is required: DWS APIs take a project-scoped token.');
    if (scope.value.name !== project.name && scope.value.id !== project.id) {
      return unauthorized(`The project ${String(scope.value.name ?? scope.value.id)} does not exist or you have no access to it.`);
    }
    const issued = env.tokens.issue(project.userId, TOKEN_TTL_MS, (r) => `MIIT${r.alnum(8).toUpperCase()}${r.alnum(320)}`);
    const url = `http://${header(req, 'host') ?? '127.0.0.1'}`;
    const token = {
      expires_at: keystoneTime(issued.expiresAt),
      issued_at: keystoneTime(issued.issuedAt),
      methods: ['password'],
      catalog: [
        {
          type: 'dws',
          id: `${project.id.slice(0, 16)}dwsendpoint00`,
          name: 'dws',
          endpoints: [{ id: `${project.id.slice(8, 24)}dwspublic00000`, interface: 'public', region: REGION, region_id: REGION, url }],
        },
        {
          type: 'identity',
          id: `${project.id.slice(0, 16)}iamendpoint00`,
          name: 'iam',
          endpoints: [{ id: `${project.id.slice(8, 24)}iampublic00000`, interface: 'public', region: '*', region_id: '*', url: `${url}/v3` }],
        },
      ],
      project: projectResource(project),
      roles: [
        { id: '0', name: 'op_gated_dws' },
        { id: project.domainId.slice(0, 32), name: 'te_admin' },
      ],
      user: { domain: { id: project.domainId, name: project.domainName }, id: project.userId, name: project.userName, password_expires_at: '' },
    };
    return json(201, { token }, { 'x-subject-token': issued.token });
  };

  return [
    { method: 'POST', path: '/v3/auth/tokens', public: true, handle: login },
    {
      method: 'GET',
      path: '/v3/projects',
      handle: (req) => {
        const url = `http://${header(req, 'host') ?? '127.0.0.1'}/v3/projects`;
        return json(200, {
          projects: [
            {
              domain_id: project.domainId,
              is_domain: false,
              parent_id: project.domainId,
              name: project.name,
              description: '',
              links: { next: null, previous: null, self: `${url}/${project.id}` },
              id: project.id,
              enabled: true,
            },
          ],
          links: { next: null, previous: null, self: url },
        });
      },
    },
  ];
}

const TOKEN_PROBLEMS = {
  missing: 'Incorrect IAM authentication information: x-auth-token not found',
  unknown: 'Incorrect IAM authentication information: decrypt token fail',
  expired: 'Incorrect IAM authentication information: token expires',
  revoked: 'Incorrect IAM authentication information: the token has been revoked',
} as const;

/**
 * Checks `X-Auth-Token`, then that the project in the path is the token's project:
 * a token is scoped to one project, and DWS refuses another tenant's (DWS.5045).
 */
export function authenticator(env: SimEnv, project: Project) {
  return (req: SimRequest): SimResponse | undefined => {
    const check = env.tokens.check(header(req, 'x-auth-token'));
    if (!check.ok) return json(401, dwsBody('APIGW.0301', TOKEN_PROBLEMS[check.reason]));
    const pathProject = req.params.project_id;
    if (pathProject !== undefined && pathProject !== project.id) {
      return dwsError('DWS.5045', `The token is scoped to project ${project.id}, not ${pathProject}.`);
    }
    return undefined;
  };
}
