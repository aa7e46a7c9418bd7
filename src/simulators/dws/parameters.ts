/**
 * The database parameters a cluster's parameter template holds (5.12.2): name, type,
 * range and defaults for CNs and DNs. The first is the document's example; the others
 * are common GaussDB(DWS) parameters with their documented defaults.
 */
export interface ParameterDef {
  name: string;
  type: 'boolean' | 'string' | 'integer' | 'float' | 'list';
  unit: string | null;
  readonly: boolean;
  /** `on|off`, `min~max` for numbers, `a|b|c` for lists. */
  valueRange: string;
  restartRequired: boolean;
  description: string;
  defaults: { cn: string; dn: string };
}

export const PARAMETERS: readonly ParameterDef[] = [
  {
    name: 'enable_constraint_optimization',
    type: 'boolean',
    unit: null,
    readonly: false,
    valueRange: 'on|off',
    restartRequired: false,
    description: 'Specifies whether the informational constraint optimization execution plan can be used for an HDFS foreign table.',
    defaults: { cn: 'on', dn: 'on' },
  },
  {
    name: 'max_active_statements',
    type: 'integer',
    unit: null,
    readonly: false,
    valueRange: '-1~2147483647',
    restartRequired: false,
    description: 'Specifies the maximum number of concurrent jobs of a resource pool.',
    defaults: { cn: '60', dn: '60' },
  },
  {
    name: 'session_timeout',
    type: 'integer',
    unit: 's',
    readonly: false,
    valueRange: '0~86400',
    restartRequired: false,
    description: 'Specifies the longest duration allowed when no operations are performed on a client after it is connected to the server.',
    defaults: { cn: '600', dn: '600' },
  },
  {
    name: 'max_connections',
    type: 'integer',
    unit: null,
    readonly: false,
    valueRange: '10~262143',
    restartRequired: true,
    description: 'Specifies the maximum number of concurrent connections to the database.',
    defaults: { cn: '800', dn: '5000' },
  },
  {
    name: 'enable_resource_track',
    type: 'boolean',
    unit: null,
    readonly: false,
    valueRange: 'on|off',
    restartRequired: false,
    description: 'Specifies whether to enable the real-time resource monitoring function.',
    defaults: { cn: 'on', dn: 'on' },
  },
  {
    name: 'behavior_compat_options',
    type: 'list',
    unit: null,
    readonly: false,
    valueRange: 'display_leading_zero|end_month_calculate|strict_concat_functions|strict_text_concat_td',
    restartRequired: false,
    description: 'Specifies database compatibility behavior.',
    defaults: { cn: '', dn: '' },
  },
  {
    name: 'autovacuum_vacuum_scale_factor',
    type: 'float',
    unit: null,
    readonly: false,
    valueRange: '0~100',
    restartRequired: false,
    description: 'Specifies the fraction of the table size added to autovacuum_vacuum_threshold when deciding whether to vacuum a table.',
    defaults: { cn: '0.2', dn: '0.2' },
  },
  {
    name: 'wal_level',
    type: 'string',
    unit: null,
    readonly: true,
    valueRange: '',
    restartRequired: true,
    description: 'Specifies the level of the information that is written to WALs.',
    defaults: { cn: 'hot_standby', dn: 'hot_standby' },
  },
];

export const findParameter = (name: string) => PARAMETERS.find((p) => p.name === name);

/** Whether `value` is in the parameter's range; undefined when it is, else why not. */
export function outOfRange(p: ParameterDef, value: string): string | undefined {
  const numeric = p.type === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
  switch (p.type) {
    case 'boolean':
      return value === 'on' || value === 'off' ? undefined : 'on or off is expected';
    case 'integer':
    case 'float': {
      const [min, max] = p.valueRange.split('~').map(Number) as [number, number];
      const n = Number(value);
      return numeric.test(value) && n >= min && n <= max ? undefined : `a${p.type === 'integer' ? 'n integer' : ' number'} from ${min} to ${max} is expected`;
    }
    case 'list': {
      const allowed = p.valueRange.split('|');
      return value === '' || value.split(',').every((v) => allowed.includes(v)) ? undefined : `a comma-separated list of ${allowed.join(', ')} is expected`;
    }
    default:
      return undefined;
  }
}
