/**
 * Timestamps as the vendors print them, in UTC. Worked out from the epoch by arithmetic
 * (the civil-from-days algorithm) instead of through `Date#toISOString`: a list renders
 * every record's times on each call, and a sorted list of a large fleet every record's,
 * where `toISOString` and the cutting that follows cost five times as much.
 */

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const MS_PER_DAY = 86_400_000;
// Years 0..9999 print as four digits; `toISOString` writes others with a sign and six.
const FIRST_MS = -62_167_219_200_000; // 0000-01-01T00:00:00Z
const LAST_MS = 253_402_300_800_000; // 10000-01-01T00:00:00Z

/** `2018-02-10T14:28:14`: the date and time to the second, without a zone. */
function dateTime(time: number): string {
  // A Date holds whole milliseconds, cut toward zero: simulated time can be fractional.
  const ms = Math.trunc(time);
  if (!(ms >= FIRST_MS && ms < LAST_MS)) return new Date(ms).toISOString().slice(0, -5);
  const days = Math.floor(ms / MS_PER_DAY);
  const secondOfDay = Math.floor((ms - days * MS_PER_DAY) / 1000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay - hour * 3600) / 60);
  const second = secondOfDay - hour * 3600 - minute * 60;
  return `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}`;
}

/** `2018-02-10T14:28:14Z`: RFC 3339 to the second, as DC/OS and DWS print times. */
export const isoSeconds = (ms: number): string => `${dateTime(ms)}Z`;

/** `2022-10-27T04:18:57`: to the second without a zone designator (DWS snapshots' `updated`). */
export const isoLocal = dateTime;

/** `2018-02-10T14:28:14.123Z`: what `Date#toISOString` prints. */
export const isoMillis = (ms: number): string => {
  const millis = ((Math.trunc(ms) % 1000) + 1000) % 1000;
  return `${dateTime(ms)}.${String(millis).padStart(3, '0')}Z`;
};
