import { errors } from './envelope.js';

/**
 * A cluster's compute scheduling settings (DRS and DPM) and its over-allocation
 * thresholds. Every cluster starts from the same defaults (shared, frozen) and gets
 * its own copy when a setting is changed, so an untouched fleet holds none.
 */

export interface DrsSettings {
  Enabled: boolean;
  MaxStep: number;
  MaxConcurrentMigration: number;
  MaxHostConcurrentMigration: number;
  /** 1..5: most conservative .. most aggressive. */
  ThresholdLevel: number;
  MinBenefitLevel: number;
}

export interface DpmSettings {
  Enabled: boolean;
  /** Resource usage, as a share (the example's 0.8 and 0.45), though the table says 0~100%. */
  HighThreshold: number;
  LowThreshold: number;
}

export interface DrsConfig {
  DRS: DrsSettings;
  DPM: DpmSettings;
}

/** The drsconfig/get example's values. */
export const DEFAULT_DRS_CONFIG: DrsConfig = Object.freeze({
  DRS: Object.freeze({ Enabled: true, MaxStep: 4, MaxConcurrentMigration: 4, MaxHostConcurrentMigration: 2, ThresholdLevel: 3, MinBenefitLevel: 3 }),
  DPM: Object.freeze({ Enabled: false, HighThreshold: 0.8, LowThreshold: 0.45 }),
});

type Fields = Record<string, unknown>;

const object = (value: unknown, name: string): Fields | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw errors.paramInvalid(name, 'must be an object');
  return value as Fields;
};

const bool = (input: Fields, key: string, path: string, current: boolean): boolean => {
  const v = input[key];
  if (v === undefined) return current;
  if (typeof v !== 'boolean') throw errors.paramInvalid(`${path}.${key}`, 'must be true or false');
  return v;
};

const int = (input: Fields, key: string, path: string, current: number, min: number, max: number): number => {
  const v = input[key];
  if (v === undefined) return current;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw errors.paramInvalid(`${path}.${key}`, `must be an integer from ${min} to ${max}`);
  }
  return v;
};

const share = (input: Fields, key: string, path: string, current: number): number => {
  const v = input[key];
  if (v === undefined) return current;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw errors.paramInvalid(`${path}.${key}`, 'must be a number from 0 to 1');
  return v;
};

/**
 * Applies a drsconfig/update `config`. The example sends only `DRS`, so each part and
 * each field is optional and keeps its current value; `config` itself is required.
 */
export function updateDrsConfig(current: DrsConfig, config: unknown): DrsConfig {
  const input = object(config, 'config');
  if (!input) throw errors.paramRequired('config');
  const drs = object(input.DRS, 'config.DRS') ?? {};
  const dpm = object(input.DPM, 'config.DPM') ?? {};
  const c = current;
  const next: DrsConfig = {
    DRS: {
      Enabled: bool(drs, 'Enabled', 'config.DRS', c.DRS.Enabled),
      MaxStep: int(drs, 'MaxStep', 'config.DRS', c.DRS.MaxStep, 1, 100),
      MaxConcurrentMigration: int(drs, 'MaxConcurrentMigration', 'config.DRS', c.DRS.MaxConcurrentMigration, 1, 64),
      MaxHostConcurrentMigration: int(drs, 'MaxHostConcurrentMigration', 'config.DRS', c.DRS.MaxHostConcurrentMigration, 1, 16),
      ThresholdLevel: int(drs, 'ThresholdLevel', 'config.DRS', c.DRS.ThresholdLevel, 1, 5),
      MinBenefitLevel: int(drs, 'MinBenefitLevel', 'config.DRS', c.DRS.MinBenefitLevel, 1, 5),
    },
    DPM: {
      Enabled: bool(dpm, 'Enabled', 'config.DPM', c.DPM.Enabled),
      HighThreshold: share(dpm, 'HighThreshold', 'config.DPM', c.DPM.HighThreshold),
      LowThreshold: share(dpm, 'LowThreshold', 'config.DPM', c.DPM.LowThreshold),
    },
  };
  if (next.DPM.LowThreshold >= next.DPM.HighThreshold) throw errors.paramInvalid('config.DPM.LowThreshold', 'must be below HighThreshold');
  return next;
}

const OVER_ALLOCATION_FIELDS = [
  'StorOverAllocationThreshold',
  'CPUOverAllocationThreshold',
  'MemOverAllocationThreshold',
  'USDOverAllocationThreshold',
] as const;
export type OverAllocation = Record<(typeof OVER_ALLOCATION_FIELDS)[number], number>;

/** Usage caps as shares; the example sets 0.7 (storage) and 0.8 (cpu). */
export const DEFAULT_OVER_ALLOCATION: OverAllocation = Object.freeze({
  StorOverAllocationThreshold: 0.9,
  CPUOverAllocationThreshold: 0.9,
  MemOverAllocationThreshold: 0.9,
  USDOverAllocationThreshold: 0.9,
});

/**
 * Applies set/global/config. The table marks all four thresholds required, but the
 * example sends two: the ones sent change, at least one must be sent, each a share in (0, 1].
 */
export function updateOverAllocation(current: OverAllocation, body: Fields): OverAllocation {
  const next = { ...current };
  let sent = 0;
  for (const key of OVER_ALLOCATION_FIELDS) {
    const v = body[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) throw errors.paramInvalid(key, 'must be a number above 0 and at most 1');
    next[key] = v;
    sent++;
  }
  if (sent === 0) throw errors.paramRequired(OVER_ALLOCATION_FIELDS.join(' or '));
  return next;
}
