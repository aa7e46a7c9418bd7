import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { GatewayError } from './model/errors.js';
import { SOURCE_ID_PATTERN } from './model/ids.js';
import { SOURCE_KINDS, type SourceKind } from './model/source-kind.js';
import { POLL_DEFAULTS } from './workflows/poller.js';

/** A configuration problem, naming the field (`sources[1].url`) or variable at fault. */
export class ConfigError extends GatewayError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('BAD_CONFIG', `${field}: ${message}`);
  }
}

/**
 * Secrets are never literal text in a config file: they name an environment variable
 * or a file (a mounted Kubernetes secret, say). The file's text is trimmed of its
 * trailing newline, which editors and `echo` add.
 */
const secretRef = z.union([
  z.object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') }).strict(),
  z.object({ file: z.string().min(1) }).strict(),
]);
type SecretRef = z.infer<typeof secretRef>;

const roleSchema = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof roleSchema>;

const sourceSchema = z
  .object({
    id: z.string().regex(SOURCE_ID_PATTERN, 'must be lower-case letters, digits and dashes, starting with a letter'),
    kind: z.enum(SOURCE_KINDS),
    name: z.string().min(1).optional(),
    url: z.url({ protocol: /^https?$/ }),
    /** Where the vendor's login lives when it is another service (DWS IAM, DC/OS users). */
    authUrl: z.url({ protocol: /^https?$/ }).optional(),
    timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
    retries: z.number().int().min(0).max(5).default(2),
    /** Vendor calls this source may have in flight for one batch. */
    concurrency: z.number().int().min(1).max(256).default(8),
    /** Consecutive failures that open the circuit, and how long it stays open before a trial call. */
    breaker: z
      .object({ threshold: z.number().int().min(1).max(1000).default(5), halfOpenAfterMs: z.number().int().min(10).max(600_000).default(10_000) })
      .strict()
      .default({ threshold: 5, halfOpenAfterMs: 10_000 }),
    /**
     * Keep this source's successful reads for ttlMs and answer identical reads from them;
     * absent (the default), reads are shared only while in flight. A write drops them.
     */
    cache: z
      .object({ ttlMs: z.number().int().min(1).max(3_600_000) })
      .strict()
      .optional(),
    credentials: z.record(z.string(), secretRef).default({}),
  })
  .strict();

/** Limits on what one request may ask; each refused before any vendor call is made. */
const limitsSchema = z
  .object({
    maxDepth: z.number().int().min(2).max(100).default(12),
    maxAliases: z.number().int().min(1).max(1000).default(30),
    maxTokens: z.number().int().min(100).max(100_000).default(5_000),
    maxPageSize: z.number().int().min(1).max(500).default(200),
    /** Estimated vendor fetches; see plugins/limits.ts. */
    maxFanout: z.number().int().min(10).max(1_000_000).default(5_000),
    maxBodyBytes: z
      .number()
      .int()
      .min(1_024)
      .max(100 * 1024 * 1024)
      .default(1024 * 1024),
    /** The whole request, headers and body, must have arrived within this: a body trickled in byte by byte is cut off with a 408. */
    requestTimeoutMs: z.number().int().min(100).max(600_000).default(30_000),
    /** Subscriptions open at once on one graphql-ws connection. */
    maxSubscriptionsPerConnection: z.number().int().min(1).max(10_000).default(100),
    /** Subscriptions open at once under one API token, over every connection and SSE stream. */
    maxSubscriptionsPerToken: z.number().int().min(1).max(100_000).default(1_000),
    /** Updates a subscriber may have waiting before its stream is closed as too slow; see workflows/mailbox.ts. */
    maxPendingUpdates: z.number().int().min(10).max(100_000).default(1_000),
  })
  .strict();
export type Limits = z.infer<typeof limitsSchema>;
export const DEFAULT_LIMITS: Limits = limitsSchema.parse({});

/** Names a browser may know the gateway by: `localhost`, `127.0.0.1` and `::1`. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/**
 * The Host names the gateway answers GraphQL on, when the config lists none: the
 * loopback names, and the address it listens on unless that is every address.
 */
export function defaultHosts(listenHost: string): string[] {
  const wildcard = listenHost === '0.0.0.0' || listenHost === '::' || listenHost === '';
  return [...new Set([...LOOPBACK_HOSTS, ...(wildcard ? [] : [listenHost.toLowerCase()])])];
}

/** `https://app.example.com`: what a browser sends as `Origin`, exactly. */
const originSchema = z.string().refine(
  (text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
    } catch {
      return false;
    }
  },
  { message: 'must be an origin as browsers send it: scheme, lower-case host and port only, e.g. https://app.example.com' },
);

/** How often subscriptions' pollers look at a vendor: `minIntervalMs` after a change, backing off to `maxIntervalMs`. */
const pollSchema = z
  .object({
    minIntervalMs: z.number().int().min(10).max(60_000).default(POLL_DEFAULTS.minIntervalMs),
    maxIntervalMs: z.number().int().min(10).max(600_000).default(POLL_DEFAULTS.maxIntervalMs),
  })
  .strict()
  .refine((p) => p.minIntervalMs <= p.maxIntervalMs, { path: ['maxIntervalMs'], message: 'must not be less than minIntervalMs' });
export type PollSettings = z.infer<typeof pollSchema>;

const fileSchema = z
  .object({
    server: z
      .object({
        port: z.number().int().min(0).max(65_535).default(4000),
        host: z.string().default('0.0.0.0'),
        graphiql: z.boolean().default(true),
        introspection: z.boolean().default(true),
        limits: limitsSchema.default(limitsSchema.parse({})),
        /**
         * Only the operations in `file` run (sent by hash, as `extensions.persistedQuery`);
         * tokens of the roles in `allowArbitrary` may still send any (GraphiQL, say).
         */
        trustedDocuments: z
          .object({ file: z.string().min(1), allowArbitrary: z.array(roleSchema).default([]) })
          .strict()
          .optional(),
        /** Host names GraphQL is served under; anything else is refused, so a DNS-rebinding page cannot reach it. `*`: any. */
        hosts: z
          .array(z.string().regex(/^(\*|[A-Za-z0-9.-]+|[0-9A-Fa-f:.]+)$/, 'must be a host name or IP address without port, or *'))
          .min(1, 'list at least one host name, or * for any')
          .optional(),
        /** Web pages on these origins may call the API from a browser; none may by default. */
        cors: z
          .object({ origins: z.array(originSchema).default([]) })
          .strict()
          .default({ origins: [] }),
      })
      .strict()
      .default({ port: 4000, host: '0.0.0.0', graphiql: true, introspection: true, limits: limitsSchema.parse({}), cors: { origins: [] } }),
    sources: z.array(sourceSchema).min(1, 'list at least one source'),
    /** Gateway API keys: who may call Fleetgate, and as what. */
    tokens: z
      .array(z.object({ name: z.string().min(1), role: roleSchema, token: secretRef }).strict())
      .min(1, 'configure at least one API token: the gateway does not serve anonymous callers'),
    /** Without `url`, REDIS_URL; `prefix` starts every Redis key and channel (replicas of one gateway share it). */
    redis: z
      .object({
        url: secretRef.optional(),
        prefix: z
          .string()
          .regex(/^\S{1,100}$/, 'must be 1 to 100 characters without spaces')
          .optional(),
      })
      .strict()
      .optional(),
    poll: pollSchema.default(pollSchema.parse({})),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `"${s.id}" is used by two sources` });
      seen.add(s.id);
    });
  });

export interface SourceConfig {
  id: string;
  kind: SourceKind;
  name: string;
  url: string;
  authUrl?: string;
  timeoutMs: number;
  retries: number;
  concurrency: number;
  breaker?: { threshold: number; halfOpenAfterMs: number };
  cache?: { ttlMs: number };
  /** Resolved secret values; each adapter checks it has the ones it needs. */
  credentials: Record<string, string>;
}

export interface GatewayConfig {
  port: number;
  host: string;
  graphiql: boolean;
  introspection: boolean;
  limits: Limits;
  /** Host names (lower case, no port) GraphQL answers under; `*` is any. */
  hosts: string[];
  /** Origins whose pages may call the API from a browser (CORS), without credentials. */
  corsOrigins: string[];
  sources: SourceConfig[];
  tokens: { name: string; role: Role; token: string }[];
  redisUrl?: string;
  /** Starts every Redis key and channel; absent: `fleetgate:`. */
  redisPrefix?: string;
  /** Absent: the poller's defaults (demo mode, tests that build a config by hand). */
  poll?: PollSettings;
  /** Started by demo mode: the in-process simulators. */
  demo: boolean;
  trustedDocuments?: { file: string; allowArbitrary: Role[] };
}

type Env = Record<string, string | undefined>;

function resolveSecret(ref: SecretRef, field: string, env: Env): string {
  if ('env' in ref) {
    const value = env[ref.env];
    if (value === undefined || value === '') throw new ConfigError(field, `environment variable ${ref.env} is not set`);
    return value;
  }
  try {
    return readFileSync(ref.file, 'utf8').replace(/\r?\n$/, '');
  } catch (err) {
    throw new ConfigError(field, `cannot read ${ref.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Validates a parsed config document and resolves its secrets. */
export function parseConfig(document: unknown, env: Env = process.env): GatewayConfig {
  const parsed = fileSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(fieldPath(issue?.path ?? []) || '(config)', issue?.message ?? 'invalid');
  }
  const file = parsed.data;
  const port = env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : file.server.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError('PORT', `"${env.PORT}" is not a port number`);
  const redisUrl = file.redis?.url ? resolveSecret(file.redis.url, 'redis.url', env) : env.REDIS_URL || undefined;
  return {
    port,
    host: file.server.host,
    graphiql: file.server.graphiql,
    introspection: file.server.introspection,
    limits: file.server.limits,
    hosts: file.server.hosts?.map((h) => h.toLowerCase()) ?? defaultHosts(file.server.host),
    corsOrigins: file.server.cors.origins,
    sources: file.sources.map((s, i) => ({
      ...s,
      name: s.name ?? s.id,
      credentials: Object.fromEntries(Object.entries(s.credentials).map(([key, ref]) => [key, resolveSecret(ref, `sources[${i}].credentials.${key}`, env)])),
    })),
    tokens: file.tokens.map((t, i) => ({ ...t, token: resolveSecret(t.token, `tokens[${i}].token`, env) })),
    ...(redisUrl ? { redisUrl } : {}),
    ...(file.redis?.prefix ? { redisPrefix: file.redis.prefix } : {}),
    poll: file.poll,
    demo: false,
    ...(file.server.trustedDocuments ? { trustedDocuments: file.server.trustedDocuments } : {}),
  };
}

/** Reads `--config FILE` (YAML or JSON, by extension; YAML otherwise). */
export function loadConfigFile(path: string, env: Env = process.env): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('--config', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let document: unknown;
  try {
    document = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ConfigError(path, `not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
  return parseConfig(document, env);
}

/** Checks that a source's resolved credentials hold what its adapter needs. */
export function requireCredentials<K extends string>(source: SourceConfig, names: readonly K[]): Record<K, string> {
  const missing = names.find((n) => !source.credentials[n]);
  if (missing) {
    throw new ConfigError(`sources[${source.id}].credentials.${missing}`, `a ${source.kind} source needs ${names.join(', ')}`);
  }
  return Object.fromEntries(names.map((n) => [n, source.credentials[n] as string])) as Record<K, string>;
}
