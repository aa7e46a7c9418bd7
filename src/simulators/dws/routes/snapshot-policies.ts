import type { Route } from '../../kit/definition.js';
import { bodyObject, json, type SimRequest } from '../../kit/http.js';
import { type Cron, nextFire, parseCron } from '../cron.js';
import { DwsRequestError, invalid, missing, notFound } from '../errors.js';
import type { DwsCluster } from '../model.js';
import { isoLocal } from '../../kit/time.js';
import { asObject, intField, optionalString } from '../validate.js';
import { type DwsContext, param, route } from './shared.js';

interface Strategy {
  id: string;
  name: string;
  cron: string;
  type: 'full' | 'increment';
  level: 'cluster';
  updatedAt: number;
}

/** One cluster's snapshot policy (5.5.4): retention, where backups go, and the strategies. */
interface Policy {
  keepDay: number;
  device: 'OBS' | 'NBU' | 'NFS';
  serverIps: string[] | null;
  serverPort: string | null;
  backupParam: string | null;
  strategies: Strategy[];
}

/** "Maximum number of cluster-level snapshots in this policy" and the schema-level one, as in the example. */
const CLUSTER_LEVEL_LIMIT = 10;
const SCHEMA_LEVEL_LIMIT = 50;
const POLICY_NAME = /^[A-Za-z][A-Za-z0-9_-]{3,91}$/;
const DEVICES = ['OBS', 'NBU', 'NFS'] as const;

/**
 * A cluster's policy as DWS sets it up at creation: the example's weekly full and
 * every-eight-hours incremental strategies, kept 3 days. Created on first use, with ids
 * drawn from the cluster's own random stream so they do not depend on call order.
 */
function defaultPolicy(ctx: DwsContext, c: DwsCluster): Policy {
  const rng = ctx.env.rng.fork(`snapshot-policy-${c.id}`);
  return {
    keepDay: 3,
    device: 'OBS',
    serverIps: null,
    serverPort: null,
    backupParam: null,
    strategies: [
      { id: rng.uuid(), name: 'apie-default-full-strategy', cron: '0 0 2 ? * 1', type: 'full', level: 'cluster', updatedAt: c.createdAt },
      { id: rng.uuid(), name: 'apie-default-increment-strategy', cron: '0 7 2/8 ? * 2,3,4,5,6,7', type: 'increment', level: 'cluster', updatedAt: c.createdAt },
    ],
  };
}

function oneOf<T extends string>(v: string | undefined, allowed: readonly T[], path: string): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw invalid('DWS.5065', path, `it must be one of ${allowed.join(', ')}`);
  return v as T;
}

function readCron(o: Record<string, unknown>, path: string): string | undefined {
  const cron = optionalString(o, 'backup_strategy', path);
  if (cron !== undefined && !parseCron(cron)) throw invalid('DWS.5018', path, `${cron} is not a cron expression such as "0 0 3 ? * 1,2,3,4,5,6,7"`);
  return cron;
}

export function snapshotPolicyRoutes(ctx: DwsContext): Route[] {
  const { store, env } = ctx;
  const policies = new Map<string, Policy>();
  const policyOf = (req: SimRequest) => {
    const c = store.cluster(param(req, 'cluster_id'));
    let p = policies.get(c.id);
    if (!p) policies.set(c.id, (p = defaultPolicy(ctx, c)));
    return p;
  };

  /** Applies one BackupStrategyRequest: with a known policy_id it edits that strategy, without one it adds a strategy. */
  const applyStrategy = (p: Policy, raw: unknown, path: string) => {
    const o = asObject(raw);
    if (!o) throw invalid('DWS.5065', path, 'an object is expected');
    const id = optionalString(o, 'policy_id', `${path}.policy_id`);
    const name = optionalString(o, 'policy_name', `${path}.policy_name`);
    const cron = readCron(o, `${path}.backup_strategy`);
    const type = oneOf(optionalString(o, 'backup_type', `${path}.backup_type`), ['full', 'increment'] as const, `${path}.backup_type`);
    oneOf(optionalString(o, 'backup_level', `${path}.backup_level`), ['cluster'] as const, `${path}.backup_level`);
    if (name !== undefined && !POLICY_NAME.test(name)) {
      throw invalid('DWS.5065', `${path}.policy_name`, '4 to 92 characters, a letter first, then letters, digits, hyphens (-) and underscores (_)');
    }
    const clash = name !== undefined && p.strategies.find((s) => s.name.toLowerCase() === name.toLowerCase() && s.id !== id);
    if (clash) throw invalid('DWS.5065', `${path}.policy_name`, `a policy named ${clash.name} already exists`);
    const now = env.clock.now();
    if (id !== undefined) {
      const s = p.strategies.find((x) => x.id === id);
      if (!s) throw notFound('snapshot policy', id);
      Object.assign(s, { ...(name !== undefined ? { name } : {}), ...(cron !== undefined ? { cron } : {}), ...(type ? { type } : {}), updatedAt: now });
      return;
    }
    if (name === undefined) throw missing(`${path}.policy_name`);
    if (cron === undefined) throw missing(`${path}.backup_strategy`);
    if (p.strategies.length >= CLUSTER_LEVEL_LIMIT)
      throw new DwsRequestError('DWS.5065', `Parameter ${path}: a cluster has at most ${CLUSTER_LEVEL_LIMIT} cluster-level policies.`);
    p.strategies.push({ id: env.rng.uuid(), name, cron, type: type ?? 'full', level: 'cluster', updatedAt: now });
  };

  return [
    route('GET', '/v2/{project_id}/clusters/{cluster_id}/snapshot-policies', (req) => {
      const p = policyOf(req);
      const now = env.clock.now();
      return json(200, {
        keep_day: p.keepDay,
        backup_strategies: p.strategies.map((s) => ({
          policy_id: s.id,
          policy_name: s.name,
          backup_strategy: s.cron,
          backup_type: s.type,
          backup_level: s.level,
          // Strategies are validated when they are set, so they parse.
          next_fire_time: String(nextFire(parseCron(s.cron) as Cron, now, 0)),
          update_time: isoLocal(s.updatedAt),
          time_zone_offset: 0,
        })),
        device_name: p.device,
        server_ips: p.serverIps,
        server_port: p.serverPort,
        backup_param: p.backupParam,
        auto_backup: p.strategies.length > 0,
        backup_strategy_cluster_type_limit_num: CLUSTER_LEVEL_LIMIT,
        backup_strategy_schema_type_limit_num: SCHEMA_LEVEL_LIMIT,
      });
    }),
    route('DELETE', '/v1.0/{project_id}/clusters/{cluster_id}/snapshot-policies/{id}', (req) => {
      const p = policyOf(req);
      const id = param(req, 'id');
      const at = p.strategies.findIndex((s) => s.id === id);
      if (at < 0) throw notFound('snapshot policy', id);
      p.strategies.splice(at, 1);
      // "Example Responses: None".
      return json(200, undefined);
    }),
    route('PUT', '/v2/{project_id}/clusters/{cluster_id}/snapshot-policies', (req) => {
      const current = policyOf(req);
      const body = bodyObject(req);
      // Validated on a copy, so that a refused request changes nothing.
      const p: Policy = { ...current, strategies: current.strategies.map((s) => ({ ...s })) };
      const keepDay = intField(body, 'keep_day', 'keep_day', { min: 1, max: 31, code: 'DWS.5017' });
      const device = oneOf(optionalString(body, 'device_name', 'device_name'), DEVICES, 'device_name') ?? p.device;
      const ips = body.server_ips;
      if (ips !== undefined && ips !== null && (!Array.isArray(ips) || ips.some((ip) => typeof ip !== 'string')))
        throw invalid('DWS.5065', 'server_ips', 'an array of IP addresses is expected');
      const serverPort = optionalString(body, 'server_port', 'server_port');
      const backupParam = optionalString(body, 'backup_param', 'backup_param');
      const serverIps = Array.isArray(ips) && ips.length ? (ips as string[]) : null;
      if (device !== 'OBS' && !serverIps) throw missing('server_ips');
      if (device === 'NBU' && serverPort === undefined) throw missing('server_port');
      if (device === 'NBU' && backupParam === undefined) throw missing('backup_param');
      const strategies = body.backup_strategies;
      if (strategies !== undefined && strategies !== null) {
        if (!Array.isArray(strategies)) throw invalid('DWS.5065', 'backup_strategies', 'an array of policies is expected');
        strategies.forEach((s, i) => applyStrategy(p, s, `backup_strategies[${i}]`));
      }
      Object.assign(current, {
        ...p,
        keepDay: keepDay ?? p.keepDay,
        device,
        serverIps: device === 'OBS' ? null : serverIps,
        serverPort: device === 'NBU' ? (serverPort ?? null) : null,
        backupParam: device === 'NBU' ? (backupParam ?? null) : null,
      });
      return json(200, {});
    }),
  ];
}
