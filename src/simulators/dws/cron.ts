/**
 * The Quartz cron expressions snapshot policies use (`0 7 2/8 ? * 2,3,4,5,6,7`: second,
 * minute, hour, day of month, month, day of week with 1 = Sunday). Only the forms a
 * daily or weekly policy needs are accepted: fixed second and minute, an hour as `N`,
 * `N/step` or `*`, `?` or `*` for the day of month, `*` for the month, and days of week
 * as `*`, `?`, a list and ranges.
 */
export interface Cron {
  second: number;
  minute: number;
  hours: number[];
  /** 0 = Sunday, as Date.getUTCDay counts. */
  days: Set<number>;
}

function range(text: string, min: number, max: number): number[] | undefined {
  if (text === '*' || text === '?') return Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const step = /^(\d+)\/(\d+)$/.exec(text);
  if (step) {
    const [from, by] = [Number(step[1]), Number(step[2])];
    if (from < min || from > max || by < 1) return undefined;
    const out: number[] = [];
    for (let v = from; v <= max; v += by) out.push(v);
    return out;
  }
  const out: number[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return undefined;
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (a < min || b > max || a > b) return undefined;
    for (let v = a; v <= b; v++) out.push(v);
  }
  return out;
}

export function parseCron(text: string): Cron | undefined {
  const f = text.trim().split(/\s+/);
  if (f.length !== 6) return undefined;
  const [sec, min, hour, dom, month, dow] = f as [string, string, string, string, string, string];
  if (!/^\d+$/.test(sec) || !/^\d+$/.test(min) || Number(sec) > 59 || Number(min) > 59) return undefined;
  if ((dom !== '?' && dom !== '*') || month !== '*') return undefined;
  const hours = range(hour, 0, 23);
  const days = range(dow, 1, 7);
  if (!hours || !days) return undefined;
  return { second: Number(sec), minute: Number(min), hours, days: new Set(days.map((d) => d - 1)) };
}

const HOUR = 3_600_000;

/** The first firing after `now`, reading the expression in the zone `offsetHours` east of UTC. */
export function nextFire(cron: Cron, now: number, offsetHours: number): number {
  const local = now + offsetHours * HOUR;
  const dayStart = local - (local % (24 * HOUR));
  for (let d = 0; d <= 7; d++) {
    const day = dayStart + d * 24 * HOUR;
    if (!cron.days.has(new Date(day).getUTCDay())) continue;
    for (const h of cron.hours) {
      const at = day + h * HOUR + cron.minute * 60_000 + cron.second * 1000;
      if (at > local) return at - offsetHours * HOUR;
    }
  }
  return now + 7 * 24 * HOUR;
}
