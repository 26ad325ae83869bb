import ICAL from 'ical.js';
import { InputError } from '../errors.ts';
import { DAY, utcMs } from '../slots/local-time.ts';

export type Time = InstanceType<typeof ICAL.Time>;
export type Recur = InstanceType<typeof ICAL.Recur>;

/** Clock reading of an iCalendar date or date-time, as epoch-like milliseconds (zone not applied). */
export function wallOf(t: Time): number {
  return t.isDate ? utcMs(t.year, t.month, t.day) : utcMs(t.year, t.month, t.day, t.hour, t.minute, t.second);
}

/** A floating ical.js time at a clock reading, so ical.js compares readings and never applies a zone. */
export function floatingTime(wall: number, isDate: boolean): Time {
  const d = new Date(wall);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: isDate ? 0 : d.getUTCHours(),
    minute: isDate ? 0 : d.getUTCMinutes(),
    second: isDate ? 0 : d.getUTCSeconds(),
    isDate,
  });
}

/**
 * RRULE's UNTIL, applied by us rather than by ical.js, which compares readings of unresolved or
 * floating zones as if they were UTC. A UTC UNTIL bounds the occurrence's instant; a date bounds
 * its local date (inclusive); a floating date-time bounds its clock reading.
 */
export interface Until {
  utc: boolean;
  /** Inclusive bound: an instant when `utc`, else a clock reading. */
  limit: number;
}

export function untilOf(rule: Recur): Until | null {
  const u = rule.until;
  if (!u) return null;
  if (u.isDate) return { utc: false, limit: wallOf(u) + DAY - 1 };
  return { utc: u.zone === ICAL.Timezone.utcTimezone, limit: wallOf(u) };
}

const SAFE_WEEKLY_PARTS = new Set(['BYDAY']);
const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * Length in days of a period after which the rule repeats exactly, when the rule may safely be
 * restarted at a later occurrence; null otherwise. Only rules without COUNT (which counts from
 * DTSTART) qualify: DAILY without BY-parts (INTERVAL days), DAILY or WEEKLY with plain BYDAY (7 ×
 * INTERVAL days), and DTSTART must itself match the rule so that the restarted series begins with a
 * real occurrence.
 */
function restartPeriodDays(rule: Recur, start: Time): number | null {
  if (rule.count) return null;
  const parts = Object.keys(rule.parts ?? {}).filter(
    (k) => (rule.parts as Record<string, unknown[]>)[k]?.length,
  );
  const interval = rule.interval || 1;
  if (parts.some((p) => !SAFE_WEEKLY_PARTS.has(p))) return null;
  const byday = (rule.parts as Record<string, string[]>).BYDAY;
  if (byday && byday.length > 0) {
    if (!byday.every((d) => DAY_CODES.includes(d))) return null;
    if (!byday.includes(DAY_CODES[new Date(wallOf(start)).getUTCDay()] as string)) return null;
    return rule.freq === 'DAILY' || rule.freq === 'WEEKLY' ? 7 * interval : null;
  }
  if (rule.freq === 'DAILY') return interval;
  if (rule.freq === 'WEEKLY') return 7 * interval;
  return null;
}

/** Guards against rules that would run for seconds (FREQ=MINUTELY since 1990 and the like). */
export const MAX_OCCURRENCES = 100_000;

/**
 * Clock readings of a rule's occurrences in order, from DTSTART (or, when the rule allows it, from
 * its last occurrence at or before `skipBefore`, a clock reading), without UNTIL, which the caller
 * applies. ical.js does the calendar arithmetic on floating times.
 */
export function* ruleReadings(
  rule: Recur,
  start: Time,
  skipBefore: number,
  label: string,
): Generator<number> {
  const free = rule.clone();
  free.until = null;
  let first = wallOf(start);
  const period = restartPeriodDays(rule, start);
  if (period !== null && skipBefore > first) {
    const k = Math.floor((skipBefore - first) / (period * DAY));
    first += k * period * DAY;
  }
  const it = free.iterator(floatingTime(first, start.isDate));
  let n = 0;
  for (let t = it.next(); t; t = it.next()) {
    if (++n > MAX_OCCURRENCES) {
      throw new InputError(
        '',
        `${label}: its RRULE gives more than ${MAX_OCCURRENCES} occurrences before the end of the range`,
      );
    }
    yield wallOf(t);
  }
}
