/**
 * The vendor kinds Fleetgate has an adapter (and a simulator) for. A kind names a
 * vendor's API, not a configured source: one deployment may configure two sources of
 * the same kind.
 */
export const SOURCE_KINDS = ['tiem', 'hci', 'dcos', 'dws', 'otestack'] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

export function isSourceKind(value: string): value is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(value);
}
