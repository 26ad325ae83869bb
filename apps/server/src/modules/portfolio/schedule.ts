import { DateTime } from 'luxon';
import { addDays, daysBetween } from '../../domain/days.ts';
import { semesterOf } from '../../domain/periods.ts';

// The portfolio's calendar, pure: the internship of a semester, due dates staggered over it, and
// the week a tutor is asked to review a trace under the programme's weekly cap. Days are calendar
// days (YYYY-MM-DD) in the organisation's zone, so a clock change never moves one.

/** The first and last day of a semester ("2026-2027 S1": 1 November 2026 to 30 April 2027). */
export function semesterDays(label: string): { startsOn: string; endsOn: string } {
  const m = /^(\d{4})-(\d{4}) S([12])$/.exec(label);
  if (!m) throw new Error(`not a semester: ${label}`);
  const first = Number(m[1]);
  if (m[3] === '1') return { startsOn: `${first}-11-01`, endsOn: `${first + 1}-04-30` };
  return { startsOn: `${first + 1}-05-01`, endsOn: `${first + 1}-10-31` };
}

/** The semester of a calendar day. */
export function semesterOfDay(day: string): string {
  const [y, mo] = day.split('-').map(Number) as [number, number];
  return semesterOf(y, mo).label;
}

const parse = (day: string) => DateTime.fromISO(day, { zone: 'UTC' });
const fmt = (d: DateTime) => d.toISODate() as string;

/** Monday of a day's week (ISO weeks start on Monday). */
export const mondayOf = (day: string): string => fmt(parse(day).startOf('week'));

/** The instant a reminder for a day is sent: 9:00 on that day in the organisation's zone. */
export function morningOf(day: string, zone: string): Date {
  return DateTime.fromISO(`${day}T09:00:00`, { zone }).toJSDate();
}

export interface PlannedItem {
  typeId: string;
  seq: number;
}

/**
 * Orders the traces a semester expects so that types interleave: each type's traces sit at even
 * places over the semester ((k + ½) / count), and the whole list is sorted by place, ties kept
 * in the framework's order of types. Two RSCA and four traces give trace, RSCA, trace, trace,
 * RSCA, trace — not the four traces first.
 */
export function interleave(counts: Array<{ typeId: string; count: number }>): PlannedItem[] {
  const placed = counts.flatMap(({ typeId, count }, order) =>
    Array.from({ length: count }, (_, k) => ({ typeId, seq: k + 1, at: (k + 0.5) / count, order })),
  );
  placed.sort((a, b) => a.at - b.at || a.order - b.order);
  return placed.map(({ typeId, seq }) => ({ typeId, seq }));
}

/**
 * Due dates spread evenly over the internship: n traces on the n slots that cut it into n + 1
 * equal parts, none in the first weeks and the last one well before the end — never everything in
 * the last week. A date on a Saturday or Sunday moves to the Friday before.
 */
export function staggeredDueDates(startsOn: string, endsOn: string, n: number): string[] {
  const span = daysBetween(startsOn, endsOn);
  return Array.from({ length: n }, (_, i) => {
    const d = parse(startsOn).plus({ days: Math.round(((i + 1) * span) / (n + 1)) });
    const back = d.weekday === 6 ? 1 : d.weekday === 7 ? 2 : 0;
    return fmt(d.minus({ days: back }));
  });
}

/**
 * The week a tutor is asked to review a newly submitted trace: the first week from `fromWeek` on
 * with fewer than `cap` reviews already asked of them. `asked` maps a Monday to that count.
 */
export function reviewWeekFor(asked: ReadonlyMap<string, number>, fromWeek: string, cap: number): string {
  let week = fromWeek;
  while ((asked.get(week) ?? 0) >= cap) week = addDays(week, 7);
  return week;
}
