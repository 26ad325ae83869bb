import { DateTime } from 'luxon';
import { z } from 'zod';
import { readJson } from '../../db/json.ts';

/**
 * A person's constraint as stored: a weekly, fortnightly or monthly pattern, or a run of dates
 * (absence).
 */
export interface Rule {
  category: string;
  kind: 'busy' | 'ifNeedBe';
  pattern: 'weekly' | 'fortnightly' | 'monthly' | 'dates';
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** Monthly: the nth such weekday of the month (1–4), or -1 for the last. */
  nth: number | null;
  /** Local clock `HH:MM`; an end at or before the start runs past midnight ("24:00" ends at midnight). */
  startTime: string;
  endTime: string;
  /**
   * Inclusive local dates bounding the rule (required for `dates`). Fortnightly: `fromDate` is
   * required and its week (Monday to Sunday) is the first week on; every other week after it too.
   */
  fromDate: string | null;
  toDate: string | null;
  /** The day after each occurrence counts as if-need-be (repos de sécurité after a night shift). */
  restAfter: boolean;
}

/** A rule as stored (a row of `availability_rules`). */
export const toRule = (r: {
  category: string;
  kind: string;
  pattern: string;
  weekdays: string;
  nth: number | null;
  start_time: string;
  end_time: string;
  from_date: string | null;
  to_date: string | null;
  rest_after: number;
}): Rule => ({
  category: r.category,
  kind: r.kind as Rule['kind'],
  pattern: r.pattern as Rule['pattern'],
  weekdays: readJson(z.array(z.number().int().min(1).max(7)), r.weekdays, 'availability_rules.weekdays'),
  nth: r.nth,
  startTime: r.start_time,
  endTime: r.end_time,
  fromDate: r.from_date,
  toDate: r.to_date,
  restAfter: r.rest_after === 1,
});

export const intervalSchema = z.object({ start: z.string(), end: z.string() });
export type Interval = z.infer<typeof intervalSchema>;
/** A calendar's busy times as stored (calendar_sources.busy). */
export const busyTimesSchema = z.array(intervalSchema);

const hm = (t: string) => {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return { hour: h, minute: m };
};

/**
 * Whole weeks between the ISO weeks of two local dates (`YYYY-MM-DD`), counted on the calendar:
 * the days between their Mondays, read as UTC dates so no clock change makes a day 23 or 25 hours.
 */
export function weeksBetween(from: string, to: string): number {
  const monday = (iso: string) => {
    const d = DateTime.fromISO(iso, { zone: 'utc' });
    return d.minus({ days: d.weekday - 1 });
  };
  return Math.round(monday(to).diff(monday(from), 'days').days / 7);
}

function occursOn(rule: Rule, day: DateTime): boolean {
  const date = day.toISODate() as string;
  if (rule.fromDate && date < rule.fromDate) return false;
  if (rule.toDate && date > rule.toDate) return false;
  if (rule.pattern === 'dates') return !!rule.fromDate;
  if (!rule.weekdays.includes(day.weekday)) return false;
  if (rule.pattern === 'weekly') return true;
  if (rule.pattern === 'fortnightly') return !!rule.fromDate && weeksBetween(rule.fromDate, date) % 2 === 0;
  if (rule.nth === -1) return day.day + 7 > (day.daysInMonth as number);
  return Math.ceil(day.day / 7) === rule.nth;
}

/** Start and end instants of the occurrence on a local date, read on the clock of `zone`. */
function occurrence(rule: Rule, day: DateTime): { start: DateTime; end: DateTime } {
  const start = day.set({ ...hm(rule.startTime), second: 0, millisecond: 0 });
  let end: DateTime;
  if (rule.endTime === '24:00') end = day.plus({ days: 1 }).startOf('day');
  else {
    end = day.set({ ...hm(rule.endTime), second: 0, millisecond: 0 });
    // A shift from 18:30 to 08:30 ends the next morning (on that day's clock, so across a clock
    // change it still ends at 08:30).
    if (end <= start) end = day.plus({ days: 1 }).set({ ...hm(rule.endTime), second: 0, millisecond: 0 });
  }
  return { start, end };
}

/**
 * Busy and if-need-be intervals of a person's rules between two instants, each occurrence placed on
 * the local clock of `zone` (so "8h–18h30" stays 8h–18h30 on both sides of a clock change). The
 * day after an occurrence with `restAfter` is if-need-be from the end of the occurrence to the end
 * of that next day.
 */
export function expandRules(rules: Rule[], range: { from: string; to: string; zone: string }) {
  const busy: Interval[] = [];
  const ifNeedBe: Interval[] = [];
  const from = DateTime.fromISO(range.from, { zone: range.zone });
  const to = DateTime.fromISO(range.to, { zone: range.zone });
  // One day of margin each side: a night shift that started the evening before still counts.
  for (let day = from.startOf('day').minus({ days: 2 }); day < to; day = day.plus({ days: 1 })) {
    for (const rule of rules) {
      if (!occursOn(rule, day)) continue;
      const { start, end } = occurrence(rule, day);
      if (end > from && start < to) {
        (rule.kind === 'busy' ? busy : ifNeedBe).push({ start: iso(start), end: iso(end) });
      }
      if (rule.restAfter) {
        const nextDay = day.plus({ days: 1 });
        // biome-ignore lint/complexity/useMathMinMax: luxon DateTimes; Math.max would give a number
        const restStart = end > nextDay ? end : nextDay;
        const restEnd = nextDay.plus({ days: 1 });
        if (restEnd > from && restStart < to && restStart < restEnd) {
          ifNeedBe.push({ start: iso(restStart), end: iso(restEnd) });
        }
      }
    }
  }
  return { busy, ifNeedBe };
}

const iso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true }) as string;
