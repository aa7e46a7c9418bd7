/**
 * How one vendor writes its times. Every vendor sends some of: RFC 3339 text (any
 * offset, any number of fraction digits, a space for `T`, no zone meaning UTC), epoch
 * seconds or milliseconds as numbers or digit strings. What differs is below.
 */
export interface TimeRules {
  /**
   * Epoch numbers from this one up are milliseconds, those below it seconds. The
   * default, 1e11, is the year 5138 in seconds and 1973 in milliseconds.
   */
  millisFrom?: number;
  /**
   * Which times are the vendor's "not set", each including the ones before it:
   * `none`, every readable time is one; `zero`, an epoch number of 0 or below;
   * `go-zero`, also Go's zero time (`0001-01-01T00:00:00Z`, a year-1 text time);
   * `epoch`, any time at or before 1970-01-01T00:00:00Z. Default `zero`.
   */
  unset?: 'none' | 'zero' | 'go-zero' | 'epoch';
}

const UNSET_ORDER = { none: 0, zero: 1, 'go-zero': 2, epoch: 3 } as const;

/** RFC 3339 as vendors really write it; other text (the documents' `"string"` placeholders) is no time. */
const TEXT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DIGITS = /^\d+(\.\d+)?$/;

/** A vendor's time as ISO-8601 UTC with milliseconds; undefined when absent, unreadable or, by `rules`, not set. */
export function vendorTime(value: unknown, rules: TimeRules = {}): string | undefined {
  const unset = UNSET_ORDER[rules.unset ?? 'zero'];
  const text = typeof value === 'string' ? value.trim() : undefined;
  let ms: number;
  if (typeof value === 'number' || (text !== undefined && DIGITS.test(text))) {
    const n = Number(value);
    if (!Number.isFinite(n) || (unset >= UNSET_ORDER.zero && n <= 0)) return undefined;
    ms = n < (rules.millisFrom ?? 1e11) ? n * 1000 : n;
  } else {
    const m = text === undefined ? null : TEXT.exec(text);
    if (!m) return undefined;
    const [, year, month, day, hour, minute, second = '00', fraction = '', zone = 'Z'] = m;
    if (unset >= UNSET_ORDER['go-zero'] && Number(year) <= 1) return undefined;
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
  }
  if (unset >= UNSET_ORDER.epoch && ms <= 0) return undefined;
  const date = new Date(ms);
  // An impossible date (month 13) or one past what a Date holds is unreadable, not an error.
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
