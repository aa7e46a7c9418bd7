import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log.js';
import { decodeGlobalId, encodeGlobalId, NODE_TYPES } from '../../src/model/ids.js';
import { SOURCE_KINDS } from '../../src/model/source-kind.js';
import type { DcosState } from '../../src/simulators/dcos/state.js';
import { TokenStore } from '../../src/simulators/kit/tokens.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { tiemCreateInput } from '../helpers/inputs.js';
import { subscribe } from '../helpers/live.js';

/**
 * Issue 5: secrets in vendor payloads and credentials never appear in any response or
 * log line. The test drives the whole product (five simulators, the gateway over HTTP
 * and WebSocket) through every readable field, the mutations that carry secrets and the
 * error paths, keeps every response body and every log line (level trace), and then
 * looks for every secret it knows of in all of them.
 *
 * The secrets come from where they live, not from a list kept here: the simulators'
 * credentials, the tokens they issue, the simulators' own state (captured as each one
 * builds it, below), the documents' example bodies (test/fixtures), and what this test
 * sends in mutations.
 */

// ---- The simulators' state, captured as each simulator builds it (and rebuilds it on reset) ----

const captured = vi.hoisted(() => {
  const states: { kind: string; state: unknown }[] = [];
  return { states, keep: <T>(kind: string, state: T): T => (states.push({ kind, state }), state) };
});

vi.mock('../../src/simulators/tiem/state.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/simulators/tiem/state.js')>();
  return { ...mod, newState: () => captured.keep('tiem', mod.newState()) };
});
vi.mock('../../src/simulators/hci/state.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/simulators/hci/state.js')>();
  return { ...mod, generateState: (...a: Parameters<typeof mod.generateState>) => captured.keep('hci', mod.generateState(...a)) };
});
vi.mock('../../src/simulators/dcos/state.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/simulators/dcos/state.js')>();
  return { ...mod, emptyState: (...a: Parameters<typeof mod.emptyState>) => captured.keep('dcos', mod.emptyState(...a)) };
});
vi.mock('../../src/simulators/dws/model.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/simulators/dws/model.js')>();
  class RecordedStore extends mod.DwsStore {
    constructor(...a: ConstructorParameters<typeof mod.DwsStore>) {
      super(...a);
      captured.keep('dws', this);
    }
  }
  return { ...mod, DwsStore: RecordedStore };
});
vi.mock('../../src/simulators/otestack/generate.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/simulators/otestack/generate.js')>();
  return { ...mod, generateState: (...a: Parameters<typeof mod.generateState>) => captured.keep('otestack', mod.generateState(...a)) };
});

/** Every token any simulator hands out (vendor logins of the gateway). */
const issue = vi.spyOn(TokenStore.prototype, 'issue');

// ---- What counts as a secret ----

/**
 * Field names the vendor documents use for secrets: `password`, `passwd` (DC/OS SMTP),
 * `user_pwd`/`db_password`/`new_password` (DWS), `dbPassword`/`TiUPUserPassword`/
 * `userPassword` (TiEM), `privateKey` (DC/OS hosts), `amazonec2-secret-key` and
 * `google-application-credentials` (DC/OS providers), tokens.
 */
const SECRET_KEY = /pass(word|wd)?|pwd|private_?key|secret|credential|token/i;

/** Long and distinctive enough not to match by accident: no plain words ("password", "string") or masks. */
function distinctive(value: string): boolean {
  return value.length >= 6 && !/^[a-z]+$/.test(value) && !/^[*x.]+$/i.test(value) && value !== '[redacted]';
}

interface Secret {
  value: string;
  from: string;
}

class Secrets {
  readonly all = new Map<string, Secret>();

  add(value: string, from: string): void {
    // A multi-line secret (a PEM key) is also looked for line by line: a leak may be partial.
    const pieces = [value, ...(value.includes('\n') ? value.split('\n').map((l) => l.trim()) : [])];
    for (const piece of pieces) if (distinctive(piece) && !this.all.has(piece)) this.all.set(piece, { value: piece, from });
  }

  /**
   * Every string stored under a secret-named key anywhere in `root` (objects, arrays,
   * Maps, Sets, class instances); an array takes the name of the key that holds it.
   */
  harvest(root: unknown, from: string): void {
    const seen = new WeakSet<object>();
    const walk = (value: unknown, path: string, key: string): void => {
      if (typeof value === 'string') {
        if (SECRET_KEY.test(key)) this.add(value, `${from}: ${path}`);
        return;
      }
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      if (Array.isArray(value) || value instanceof Set) {
        [...value].forEach((v, i) => walk(v, `${path}[${i}]`, key));
        return;
      }
      const entries = value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
      for (const [k, v] of entries) walk(v, `${path}.${k}`, k);
    };
    walk(root, '$', '');
  }

  count(from: RegExp): number {
    return [...this.all.values()].filter((s) => from.test(s.from)).length;
  }
}

/** The forms a secret takes in text: as it is, and escaped inside a JSON string. */
function forms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return escaped === secret ? [secret] : [secret, escaped];
}

function findLeaks(secrets: Secrets, texts: { where: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { value, from } of secrets.all.values()) {
    for (const { where, text } of texts) {
      const form = forms(value).find((f) => text.includes(f));
      if (!form) continue;
      const at = text.indexOf(form);
      found.push(`${JSON.stringify(value.slice(0, 40))} (${from}) in ${where}: …${text.slice(Math.max(0, at - 120), at + form.length + 40)}…`);
    }
  }
  return found;
}

/** The documents' example bodies, as the fixtures keep them. */
function documentExamples(): { file: string; body: unknown }[] {
  const root = join(import.meta.dirname, '..', 'fixtures');
  return SOURCE_KINDS.flatMap((kind) =>
    readdirSync(join(root, kind))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ file: `${kind}/${f}`, body: JSON.parse(readFileSync(join(root, kind, f), 'utf8')) as unknown })),
  );
}

// ---- What this test sends: secrets of its own, each used once ----

const pem = (tag: string) => `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretsE2e${tag}Qm9xTGV5S2V5Rm9yVGVzdGluZ0xlYWtz\n-----END RSA PRIVATE KEY-----`;
const SENT = {
  dwsAdmin: 'Dw5!Adm1n-e2e',
  /** Passes the gateway's rules (3 classes, no user name), refused by DWS: under 8 characters. */
  dwsTooShort: 'Qz7!kpw',
  /** Contains the administrator name: the gateway refuses it itself. */
  dwsWithUser: 'Xdbadmin#7Q',
  dwsRestore: 'R3store#Dws-66',
  /** In a createCluster input graphql-js refuses (a required field missing). */
  dwsInvalidVariable: 'Var1able#Dws-77',
  tiemDb: 'T1dbRoot#e2e-7Q',
  tiemDuplicateDb: 'T1dbRoot#dup-8R',
  tiemTakeoverDb: 'T4keover#Db9',
  tiemSsh: 'Ssh#Ctl-42x',
  tiemRestoreDb: 'R3store#Db-55',
  /** A password sent as a list where a String is expected. */
  tiemInvalidVariable: 'L1st#Pass-88',
  dcosKey: pem('CreateA'),
  dcosDuplicateKey: pem('DuplicateB'),
  dcosRefusedKey: pem('RefusedC'),
  dcosScaleKey: pem('ScaleD'),
  dcosDownKey: pem('WhileDownE'),
  dcosRegistry: 'Reg1stry#Pull-31',
  dcosSmtp: 'Smtp#Alerts-32',
  /** For an address already configured: DC/OS refuses it. */
  dcosSmtpRefused: 'Smtp#Again-33',
};

/** A DC/OS cluster's hosts, each with the same private key. */
const hosts = (key: string, net: number) => ({
  masters: [{ ip: `172.31.${net}.1`, sshUser: 'root', privateKey: key }],
  shared: [{ ip: `172.31.${net}.2`, sshUser: 'root', privateKey: key }],
});

// ---- Driving the gateway, keeping every answer ----

const responses: { where: string; text: string }[] = [];
const logLines: string[] = [];
let demo: DemoGateway;
let schema: GraphQLSchema;

async function post(where: string, query: string, variables: Record<string, unknown> = {}, token: string | null = demo.token) {
  const res = await fetch(`${demo.gateway.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  responses.push({ where, text });
  return JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function get(path: string) {
  const res = await fetch(`${demo.gateway.url}${path}`);
  const text = await res.text();
  responses.push({ where: `GET ${path}`, text });
  return text;
}

/** Nesting: the type asked for, plus two levels of related objects below it. */
const MAX_OBJECT_DEPTH = 3;
/** Each nested list is one short page, to keep the walk cheap. */
const NESTED_PAGE = 2;
const ROOT_PAGE = 3;

/** Objects that are things (they implement Node); connections, edges and value objects are free. */
const isEntity = (t: GraphQLNamedType) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node');

/**
 * A selection of every scalar and enum field of `type` (JSON ones such as rawData
 * included) and of its object fields, `MAX_OBJECT_DEPTH` entities deep; fields with a
 * required argument are left out, and nested lists ask for one short page.
 */
function selection(type: GraphQLNamedType, depth: number, hops = 0, conflicts: ReadonlySet<string> = new Set()): string {
  if (isLeafType(type) || hops > 10) return '';
  if (isAbstractType(type)) {
    // Members may share a field name with different types (String! here, String there):
    // those are aliased apart, and only those (aliases are limited per request).
    const typesOf = new Map<string, Set<string>>();
    for (const t of schema.getPossibleTypes(type)) {
      for (const f of Object.values(t.getFields())) typesOf.set(f.name, (typesOf.get(f.name) ?? new Set()).add(String(f.type)));
    }
    const clashing = new Set([...typesOf].filter(([, types]) => types.size > 1).map(([name]) => name));
    const parts = schema.getPossibleTypes(type).map((t) => {
      const inner = selection(t, depth, hops, clashing);
      return inner ? `... on ${t.name} { ${inner} }` : '';
    });
    return ['__typename', ...parts].filter(Boolean).join(' ');
  }
  if (!isObjectType(type)) return '';
  const level = depth + (isEntity(type) ? 1 : 0);
  if (level > MAX_OBJECT_DEPTH) return '';
  const parts: string[] = ['__typename'];
  const alias = (name: string) => (conflicts.has(name) ? `${type.name}_${name}: ${name}` : name);
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(alias(field.name));
      continue;
    }
    const inner = selection(named, level, hops + 1);
    if (!inner || inner === '__typename') continue;
    const page = field.args.some((a) => a.name === 'first') ? `(first: ${NESTED_PAGE})` : '';
    parts.push(`${alias(field.name)}${page} { ${inner} }`);
  }
  return parts.join(' ');
}

/**
 * node(id) selecting in full the type the id names: the whole Node interface at once,
 * every type's fields side by side, passes the gateway's token limit. An id that does
 * not decode asks for its type name only.
 */
function nodeQuery(id: string): string {
  let type: string;
  try {
    type = decodeGlobalId(id).type;
  } catch {
    return 'query($id: ID!) { node(id: $id) { __typename } }';
  }
  return `query($id: ID!) { node(id: $id) { __typename ... on ${type} { ${selection(schema.getType(type)!, 0)} } } }`;
}

/** One mutation with every member of its result union selected in full. */
async function mutate(where: string, field: string, args: Record<string, { type: string; value: unknown }>) {
  const mutationType = schema.getMutationType();
  const resultType = mutationType?.getFields()[field]?.type;
  if (!resultType) throw new Error(`no mutation ${field}`);
  const decl = Object.entries(args).map(([name, a]) => `$${name}: ${a.type}`);
  const pass = Object.keys(args).map((name) => `${name}: $${name}`);
  const query = `mutation(${decl.join(', ')}) { ${field}(${pass.join(', ')}) { ${selection(getNamedType(resultType), 0)} } }`;
  const res = await post(where, query, Object.fromEntries(Object.entries(args).map(([k, a]) => [k, a.value])));
  expect(res.errors, `${where}: ${JSON.stringify(res.errors)}`).toBeUndefined();
  const result = res.data[field] as { __typename: string; [key: string]: any };
  if (typeof result.targetId === 'string') targets.add(result.targetId);
  if (typeof result.workflow?.id === 'string') targets.add(result.workflow.id);
  return result;
}

/** What the mutations created or started (clusters, workflows): read back below. */
const targets = new Set<string>();

/** Ids seen in answers, one per (type, source). */
const idsSeen = new Map<string, string>();
function collectIds(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) collectIds(v);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'id' && typeof v === 'string') {
      try {
        const { type, sourceId } = decodeGlobalId(v);
        if (!idsSeen.has(`${type}:${sourceId}`)) idsSeen.set(`${type}:${sourceId}`, v);
      } catch {
        // not a global id
      }
    } else collectIds(v);
  }
}

const sourceIds = () => demo.config.sources.map((s) => s.id);

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim() !== ''),
      );
      done();
    },
  });
  demo = await startDemoGateway({ logger: createLogger('trace', sink) });
  const introspection = await post('introspection', getIntrospectionQuery());
  schema = buildClientSchema(introspection.data as IntrospectionQuery);
});
afterAll(() => demo?.close());

describe('no vendor secret in any response or log line', () => {
  it('mutations that carry secrets: success, the gateway’s refusals and the vendor’s', async () => {
    const CREATE = 'CreateClusterInput!';
    // DWS: a cluster created with an administrator password; one refused by the
    // gateway's rules, one by DWS itself; a restore with a password DWS cannot take.
    const dwsInput = (name: string, adminPassword: string) => ({
      type: CREATE,
      value: {
        sourceId: 'dws',
        name,
        dws: {
          nodeType: 'dws.m3.xlarge',
          nodes: 3,
          vpcId: '85b20d7e-9eb7-4b2a-98f3-3c8843ea3574',
          subnetId: '374eca02-cfc4-4de7-8ab5-dbebf7d9a720',
          securityGroupId: 'dc3ec145-9029-4b39-b5a3-ace5a01f772b',
          availabilityZone: 'cn-north-4a',
          adminUser: 'dbadmin',
          adminPassword,
        },
      },
    });
    expect(await mutate('dws create', 'createCluster', { input: dwsInput('secrets-dws', SENT.dwsAdmin) })).toMatchObject({ __typename: 'OperationPayload' });
    expect(await mutate('dws create, name in password', 'createCluster', { input: dwsInput('secrets-dws-2', SENT.dwsWithUser) })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.dws.adminPassword',
    });
    expect(await mutate('dws create, short password', 'createCluster', { input: dwsInput('secrets-dws-3', SENT.dwsTooShort) })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: 'DWS.5144',
    });
    /** Restores one of the source's available snapshots into a new cluster, with a password. */
    const restore = async (sourceId: string, clusterName: string, dbPassword: string) => {
      const snapshots = await post(
        `${sourceId} snapshots`,
        `{ snapshots(first: 50, filter: { sourceIds: ["${sourceId}"], status: [AVAILABLE] }) { edges { node { id } } } }`,
      );
      return mutate(`${sourceId} restore`, 'restoreSnapshot', {
        id: { type: 'ID!', value: snapshots.data.snapshots.edges[0].node.id as string },
        clusterName: { type: 'String!', value: clusterName },
        dbPassword: { type: 'String', value: dbPassword },
      });
    };
    expect(await restore('dws', 'secrets-dws-r', SENT.dwsRestore)).toMatchObject({ __typename: 'ValidationError', field: 'dbPassword' });

    // TiEM: create (and the same name again: the vendor refuses), take over, restore.
    const tiemInput = (name: string, dbPassword: string) => ({ type: CREATE, value: tiemCreateInput(name, dbPassword) });
    expect(await mutate('tiem create', 'createCluster', { input: tiemInput('secrets-tiem', SENT.tiemDb) })).toMatchObject({ __typename: 'OperationPayload' });
    expect(await mutate('tiem create again', 'createCluster', { input: tiemInput('secrets-tiem', SENT.tiemDuplicateDb) })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: '20101',
    });
    const takeOver = {
      type: 'TakeOverClusterInput!',
      value: {
        sourceId: 'tiem',
        name: 'secrets-taken',
        dbPassword: SENT.tiemTakeoverDb,
        controlHostIp: '172.16.4.147',
        controlHostUser: 'root',
        controlHostPassword: SENT.tiemSsh,
      },
    };
    expect(await mutate('tiem take over', 'takeOverCluster', { input: takeOver })).toMatchObject({ __typename: 'OperationPayload' });
    expect(await restore('tiem', 'secrets-tiem-r', SENT.tiemRestoreDb)).toMatchObject({ __typename: 'OperationPayload' });

    // DC/OS: hosts with private keys; the same name again (the vendor refuses); an HA
    // cluster of too few masters (the gateway refuses); hosts added while it installs.
    const dcos = (name: string, block: Record<string, unknown>) => ({ type: CREATE, value: { sourceId: 'dcos', name, dcos: block } });
    const created = await mutate('dcos create', 'createCluster', { input: dcos('secrets-dcos', hosts(SENT.dcosKey, 1)) });
    expect(created).toMatchObject({ __typename: 'OperationPayload' });
    expect(await mutate('dcos create again', 'createCluster', { input: dcos('secrets-dcos', hosts(SENT.dcosDuplicateKey, 2)) })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: 'E50003',
    });
    expect(await mutate('dcos create ha', 'createCluster', { input: dcos('secrets-ha', { type: 'ha', ...hosts(SENT.dcosRefusedKey, 3) }) })).toMatchObject({
      __typename: 'ValidationError',
    });
    const scaled = await mutate('dcos add hosts', 'scaleCluster', {
      id: { type: 'ID!', value: created.targetId },
      input: { type: 'ScaleClusterInput!', value: { addHosts: [{ ip: '172.31.1.3', sshUser: 'root', privateKey: SENT.dcosScaleKey }] } },
    });
    expect(['OperationPayload', 'SourceError']).toContain(scaled.__typename);

    // DC/OS's own: a registry with its login, an SMTP server, the same address again (the vendor refuses).
    const dcosSource = { type: 'String!', value: 'dcos' };
    const registry = { name: 'secrets-registry', address: 'secrets.e2e.local:5000', username: 'pull', password: SENT.dcosRegistry };
    expect(
      await mutate('dcos registry', 'dcosCreateDockerRegistry', { sourceId: dcosSource, input: { type: 'DcosDockerRegistryInput!', value: registry } }),
    ).toMatchObject({
      __typename: 'OperationPayload',
    });
    const smtp = (password: string) => ({ type: 'DcosSmtpServerInput!', value: { user: 'alerts', address: 'secrets.e2e.local:465', password } });
    expect(await mutate('dcos smtp', 'dcosSetSmtpServer', { sourceId: dcosSource, input: smtp(SENT.dcosSmtp) })).toMatchObject({
      __typename: 'OperationPayload',
    });
    expect(await mutate('dcos smtp again', 'dcosSetSmtpServer', { sourceId: dcosSource, input: smtp(SENT.dcosSmtpRefused) })).toMatchObject({
      __typename: 'SourceError',
      vendorCode: 'E50501',
    });
  });

  it('every root field, walked from the schema, with every scalar two levels deep', async () => {
    const query = schema.getQueryType();
    if (!query) throw new Error('no Query type');
    const clustersPerSource = new Map<string, number>();
    for (const field of Object.values(query.getFields())) {
      if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue; // node, nodes: below
      const inner = selection(getNamedType(field.type), 0);
      const filter = field.args.find((a) => a.name === 'filter');
      const filterType = filter && getNamedType(filter.type);
      const bySource = isInputObjectType(filterType) && 'sourceIds' in filterType.getFields();
      const runs = bySource ? sourceIds().map((id) => ({ id, args: `(first: ${ROOT_PAGE}, filter: { sourceIds: ["${id}"] })` })) : [{ id: '', args: '' }];
      for (const run of runs) {
        const res = await post(`${field.name} ${run.id}`, `{ ${field.name}${run.args} { ${inner} } }`);
        expect(res.errors, `${field.name} ${run.id}: ${JSON.stringify(res.errors)}`).toBeUndefined();
        collectIds(res.data);
        if (field.name === 'clusters') clustersPerSource.set(run.id, res.data.clusters.edges.length);
      }
    }
    // Real data came back: every kind's clusters, and ids of every type to look up.
    for (const id of sourceIds()) expect(clustersPerSource.get(id), `clusters of ${id}`).toBeGreaterThan(0);
    for (const type of ['Source', 'Cluster', 'Host', 'Snapshot', 'Event', 'Workflow', 'Deployment']) {
      expect(
        [...idsSeen.keys()].some((k) => k.startsWith(`${type}:`)),
        `a ${type} id`,
      ).toBe(true);
    }

    // node(id) for one id of each type from each source; for what the mutations made
    // (the secrets they carried went into these); and for the DC/OS clusters whose
    // records embed a registry with its password (the one secret DC/OS serves on reads).
    const dcos = captured.states.filter((s) => s.kind === 'dcos').at(-1)?.state as DcosState;
    const withRegistryPassword = [...dcos.clusters.values()].filter((c) => c.dockerRegistries.some((r) => typeof r.password === 'string' && r.password !== ''));
    expect(withRegistryPassword.length).toBeGreaterThan(0);
    const lookups: [string, string][] = [
      ...idsSeen,
      ...[...targets].map((id): [string, string] => [`made by a mutation`, id]),
      ...withRegistryPassword
        .slice(0, 2)
        .map((c): [string, string] => ['DC/OS cluster with a registry password', encodeGlobalId({ type: 'Cluster', sourceId: 'dcos', nativeId: c.id })]),
    ];
    expect(targets.size).toBeGreaterThanOrEqual(6);
    for (const [what, id] of lookups) {
      const res = await post(`node ${what} ${id}`, nodeQuery(id), { id });
      expect(res.errors, `node ${what}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      expect(res.data.node, `node ${what}`).not.toBeNull();
    }
  });

  it('a subscription’s first message', async () => {
    const active = await post('active workflows', `{ workflows(first: 1, filter: { active: true, sourceIds: ["dws"] }) { edges { node { id } } } }`);
    const id = active.data.workflows.edges[0].node.id as string;
    const query = `subscription($id: ID!) { workflowProgress(id: $id) { ${selection(schema.getType('WorkflowUpdate')!, 0)} } }`;
    const stream = subscribe<{ workflow: { id: string } }>(demo.gateway.url, demo.token, query, { id }, 'workflowProgress');
    try {
      for (let i = 0; i < 200 && stream.updates.length === 0 && !stream.completed; i++) await new Promise((r) => setTimeout(r, 25));
      responses.push({ where: 'subscription workflowProgress', text: JSON.stringify(stream.updates) });
      expect(stream.updates[0]).toMatchObject({ workflow: { id } });
    } finally {
      await stream.dispose();
    }
  });

  it('answers that are errors: bad ids, bad requests, a source down', async () => {
    const bad = ['not an id!', encodeGlobalId({ type: 'Cluster', sourceId: 'nosuch', nativeId: 'x' })];
    for (const type of NODE_TYPES) for (const sourceId of sourceIds()) bad.push(encodeGlobalId({ type, sourceId, nativeId: 'no-such-object-e2e' }));
    for (const id of bad) {
      const res = await post(`node bad ${id}`, nodeQuery(id), { id });
      expect(res.data?.node ?? null).toBeNull();
    }
    // A variable graphql-js refuses: its messages quote the offending value, here the dws block with its password.
    const invalid = await post('invalid variable', `mutation($input: CreateClusterInput!) { createCluster(input: $input) { __typename } }`, {
      input: {
        sourceId: 'dws',
        name: 'secrets-bad',
        dws: {
          nodeType: 'dws.m3.xlarge',
          vpcId: 'v',
          subnetId: 's',
          securityGroupId: 'g',
          availabilityZone: 'z',
          adminUser: 'dbadmin',
          adminPassword: SENT.dwsInvalidVariable,
        },
      },
    });
    expect(invalid.errors?.[0]?.message).toContain('input.dws');
    const wrongType = await post(
      'invalid variable type',
      `mutation($id: ID!, $p: String) { restoreSnapshot(id: $id, clusterName: "x", dbPassword: $p) { __typename } }`,
      {
        id: 'x',
        p: [SENT.tiemInvalidVariable],
      },
    );
    expect(wrongType.errors).toBeDefined();
    expect((await post('syntax error', '{ clusters(first: 1) { edges { node { id }')).errors).toBeDefined();
    expect((await post('unknown field', '{ clusters(first: 1) { edges { node { password } } } }')).errors).toBeDefined();
    expect((await post('no token', '{ sources { id } }', {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post('wrong token', '{ sources { id } }', {}, 'e2e-wrong-token')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Every vendor answers garbage just as the gateway has to log in again: the login
    // answer (which holds the new session token) must not be quoted back.
    for (const kind of SOURCE_KINDS) {
      const sim = demo.fleet.simulators[kind];
      sim.setFaults({ malformed: true, expireTokens: true });
      try {
        const res = await post(`clusters, ${kind} malformed`, `{ clusters(first: 2, filter: { sourceIds: ["${kind}"] }) { edges { node { id } } } }`);
        expect(
          res.errors?.some((e) => e.extensions?.sourceId === kind),
          `${kind} malformed: ${JSON.stringify(res.errors)}`,
        ).toBe(true);
      } finally {
        sim.setFaults({ malformed: false });
      }
    }

    const dcos = demo.fleet.simulators.dcos;
    const clusterId = idsSeen.get('Cluster:dcos')!;
    dcos.setFaults({ down: true });
    try {
      const list = await post(
        'clusters, dcos down',
        `{ clusters(first: 5, filter: { sourceIds: ["dcos", "dws"] }) { ${selection(getNamedType(schema.getQueryType()!.getFields().clusters!.type), 0)} } }`,
      );
      expect(list.errors?.some((e) => e.extensions?.sourceId === 'dcos')).toBe(true);
      await post('node, dcos down', nodeQuery(clusterId), { id: clusterId });
      const down = await mutate('dcos create, down', 'createCluster', {
        input: {
          type: 'CreateClusterInput!',
          value: { sourceId: 'dcos', name: 'secrets-down', dcos: hosts(SENT.dcosDownKey, 9) },
        },
      });
      expect(down).toMatchObject({ __typename: 'SourceError' });
      await get('/readyz');
    } finally {
      dcos.setFaults({ down: false });
    }
    await get('/healthz');
    await get('/metrics');
  });

  it('finds none of the secrets it knows in any response body or log line', () => {
    const secrets = new Secrets();
    for (const kind of SOURCE_KINDS) {
      const sim = demo.fleet.simulators[kind];
      for (const [name, value] of Object.entries(sim.credentials)) if (SECRET_KEY.test(name)) secrets.add(value, `${kind} credentials.${name}`);
    }
    for (const result of issue.mock.results) if (result.type === 'return') secrets.add(result.value.token, 'a token a simulator issued');
    for (const { kind, state } of captured.states) secrets.harvest(state, `${kind} simulator state`);
    for (const { file, body } of documentExamples()) secrets.harvest(body, `document example ${file}`);
    for (const [name, value] of Object.entries(SENT)) secrets.add(value, `sent by this test (${name})`);
    secrets.add(demo.token, 'the gateway token this test uses');

    // The list is not empty where it must not be: each source of secrets gave some.
    expect(secrets.count(/credentials\.password$/)).toBeGreaterThanOrEqual(3); // DC/OS, DWS, OTE-stack
    expect(secrets.count(/restoreDbPassword/)).toBe(1);
    expect(secrets.count(/token a simulator issued/)).toBeGreaterThanOrEqual(4); // TiEM, DC/OS, DWS, OTE-stack logins
    expect(secrets.count(/dcos simulator state.*privateKey/)).toBeGreaterThan(0);
    expect(secrets.count(/dcos simulator state.*password/)).toBeGreaterThan(0); // registry passwords
    expect(secrets.count(/dws simulator state.*userPwd/)).toBeGreaterThan(0);
    expect(secrets.count(/otestack simulator state.*password/)).toBeGreaterThan(0);
    expect(secrets.count(/document example/)).toBeGreaterThan(0);
    expect(new Set(captured.states.map((s) => s.kind))).toEqual(new Set(SOURCE_KINDS));

    // The haystack is real: data of every kind, and logs with the errors in them.
    expect(responses.length).toBeGreaterThan(50);
    expect(logLines.length).toBeGreaterThan(100);
    const parsed = logLines.map((l) => JSON.parse(l) as { level: number; [k: string]: unknown });
    // A source's failure is logged at warn with its source and code (plugins/logging.ts).
    expect(parsed.some((l) => l.level === 40 && l.sourceId === 'dcos' && typeof l.code === 'string' && l.code.startsWith('SOURCE_'))).toBe(true);

    const leaks = [
      ...findLeaks(secrets, responses),
      ...findLeaks(
        secrets,
        logLines.map((text, i) => ({ where: `log line ${i}`, text })),
      ),
    ];
    expect(leaks, leaks.join('\n\n')).toEqual([]);
  });
});
