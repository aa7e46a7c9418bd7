import { z } from 'zod';
import { SOURCE_KINDS, type SourceKind } from '../../model/source-kind.js';
import { SimulatorConfigError } from './errors.js';
import { SIM_DEFAULTS, type SimulatorOptions } from './server.js';

const intInRange = (min: number, max: number) => z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));
const ratio = z.string().transform(Number).pipe(z.number().min(0).max(1));

const envSchema = z.object({
  SIM_SEED: z.string().min(1).optional(),
  SIM_CLUSTERS: intInRange(1, 100_000).optional(),
  SIM_SPEED: z.string().transform(Number).pipe(z.number().positive().max(1_000_000)).optional(),
  SIM_FAILURE_RATE: ratio.optional(),
  SIM_EPOCH: z.iso
    .datetime({ offset: true })
    .transform((s) => Date.parse(s))
    .optional(),
  /** Where the simulators listen; 0.0.0.0 when a gateway in another container reads them. */
  SIM_HOST: z.union([z.ipv4(), z.ipv6(), z.literal('localhost')]).optional(),
  ...Object.fromEntries(SOURCE_KINDS.map((k) => [`SIM_${k.toUpperCase()}_PORT`, intInRange(0, 65_535).optional()])),
});

export interface FleetOptionsFromEnv {
  common: SimulatorOptions;
  ports: Partial<Record<SourceKind, number>>;
}

/**
 * Reads SIM_SEED, SIM_CLUSTERS, SIM_SPEED, SIM_FAILURE_RATE, SIM_EPOCH, SIM_HOST and
 * SIM_<KIND>_PORT. A bad value is an error naming the variable, not a silent default.
 */
export function simOptionsFromEnv(env: Record<string, string | undefined> = process.env): FleetOptionsFromEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('SIM_') && v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SimulatorConfigError(String(issue?.path[0] ?? 'SIM_*'), issue?.message ?? 'invalid value');
  }
  const v = parsed.data as Record<string, number | string | undefined>;
  const common: SimulatorOptions = {
    seed: (v.SIM_SEED as string | undefined) ?? SIM_DEFAULTS.seed,
    clusters: (v.SIM_CLUSTERS as number | undefined) ?? SIM_DEFAULTS.clusters,
    speed: (v.SIM_SPEED as number | undefined) ?? SIM_DEFAULTS.speed,
    operationFailureRate: (v.SIM_FAILURE_RATE as number | undefined) ?? SIM_DEFAULTS.operationFailureRate,
    env,
    ...(v.SIM_EPOCH !== undefined ? { epochMs: v.SIM_EPOCH as number } : {}),
    ...(v.SIM_HOST !== undefined ? { host: v.SIM_HOST as string } : {}),
  };
  const ports: Partial<Record<SourceKind, number>> = {};
  for (const kind of SOURCE_KINDS) {
    const port = v[`SIM_${kind.toUpperCase()}_PORT`];
    if (typeof port === 'number') ports[kind] = port;
  }
  return { common, ports };
}
