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

const PLAIN_DAYS = new Set(['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']);
// BY-parts that only filter (or, for the time parts, repeat within a day) for these frequencies, so
// the series looks the same from any start on its grid.
const RESTARTABLE: Record<string, { unit: number; parts: string[] }> = {
  DAILY: { unit: DAY, parts: ['BYDAY', 'BYMONTH', 'BYMONTHDAY', 'BYHOUR', 'BYMINUTE', 'BYSECOND'] },
  WEEKLY: { unit: 7 * DAY, parts: ['BYDAY', 'BYMONTH', 'BYHOUR', 'BYMINUTE', 'BYSECOND'] },
  HOURLY: { unit: 3_600_000, parts: [] },
  MINUTELY: { unit: 60_000, parts: [] },
  SECONDLY: { unit: 1000, parts: [] },
};

/**
 * The grid step (clock milliseconds) on which the rule may be restarted, or null. A restart point
 * `DTSTART + k × step` gives the same occurrences from there on, except that ical.js returns the
 * start itself first without checking it against the rule, so the caller drops that one value.
 * Rules with COUNT (counted from DTSTART), numbered BYDAY (`1TH`), BYSETPOS and MONTHLY or YEARLY
 * frequencies are never restarted.
 */
function restartStep(rule: Recur): number | null {
  const r = RESTARTABLE[rule.freq];
  if (!r || rule.count) return null;
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  for (const [k, v] of Object.entries(parts)) {
    if (!v || v.length === 0) continue;
    if (!r.parts.includes(k)) return null;
    if (k === 'BYDAY' && !v.every((d) => PLAIN_DAYS.has(String(d)))) return null;
  }
  return (rule.interval || 1) * r.unit;
}

/**
 * How many occurrences of its series a file may give before the end of the range, all its events
 * together: a few kilobytes of FREQ=MINUTELY rules would otherwise cost seconds of computation.
 */
export const MAX_OCCURRENCES = 50_000;

/** A file whose series give more occurrences than the limit; `events` is how many VEVENTs it has. */
export class OccurrenceLimitError extends InputError {
  readonly events: number;
  readonly limit: number;
  constructor(events: number, limit: number) {
    super(
      '',
      `the file's ${events === 1 ? '1 event repeats' : `${events} events repeat`} into more than ${limit} occurrences before the end of the range`,
    );
    this.events = events;
    this.limit = limit;
    this.name = 'OccurrenceLimitError';
  }
}

/** The occurrences a file may still give, shared by all its events. */
export class OccurrenceBudget {
  private used = 0;
  readonly limit: number;
  readonly events: number;
  constructor(limit: number, events: number) {
    this.limit = limit;
    this.events = events;
  }

  spend(): void {
    if (++this.used > this.limit) throw new OccurrenceLimitError(this.events, this.limit);
  }
}

/**
 * Clock readings of a rule's occurrences in order, from DTSTART or, when the rule allows it, from
 * a restart point at or before `skipBefore` (a clock reading: occurrences before it are not needed),
 * so that a series begun years ago costs no more than a recent one. UNTIL is left to the caller.
 * ical.js does the calendar arithmetic, on floating times; each reading is spent from `budget`.
 */
export function* ruleReadings(
  rule: Recur,
  start: Time,
  skipBefore: number,
  budget: OccurrenceBudget,
): Generator<number> {
  const free = rule.clone();
  free.until = null;
  let first = wallOf(start);
  let restarted = false;
  const step = restartStep(rule);
  if (step !== null && skipBefore - first > step) {
    // Strictly before skipBefore: the value dropped below must not be one the caller needs.
    first += (Math.ceil((skipBefore - first) / step) - 1) * step;
    restarted = true;
  }
  const it = free.iterator(floatingTime(first, start.isDate));
  let n = 0;
  for (let t = it.next(); t; t = it.next()) {
    if (restarted && n === 0 && wallOf(t) === first) {
      n++;
      continue;
    }
    budget.spend();
    yield wallOf(t);
  }
}
