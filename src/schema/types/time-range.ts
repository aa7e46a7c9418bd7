/** `since`/`until` filter fields, shared by every list that filters on a time. */
export const timeRangeFields = (t: any, verb: string) => ({
  since: t.field({ type: 'DateTime', description: `Only those ${verb} at or after this instant` }),
  until: t.field({ type: 'DateTime', description: `Only those ${verb} at or before this instant` }),
});

export function timeRange(input: { since?: string | null; until?: string | null }): { since?: string; until?: string } {
  return { ...(input.since ? { since: input.since } : {}), ...(input.until ? { until: input.until } : {}) };
}
