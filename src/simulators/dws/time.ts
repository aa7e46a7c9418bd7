/** The time formats DWS responses use, each as the document's examples write it. */

/** Keystone's `2024-05-22T09:03:40.123000Z` (microsecond precision). */
export const keystoneTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}000Z`;

/**
 * Parses the alarm API's `time_zone` (`GMT`, `GMT+08:00`, `GMT-05:30`) into an offset in
 * minutes; undefined when it is not such a value.
 */
export function parseGmtOffset(zone: string): number | undefined {
  if (zone === 'GMT' || zone === 'UTC') return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (minutes > 14 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/** `2022-10-27 08:11:29` in the zone `offsetMinutes` east of UTC. */
export const zonedDateTime = (ms: number, offsetMinutes: number) => new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
