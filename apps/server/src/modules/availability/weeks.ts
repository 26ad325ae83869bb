import { DateTime } from 'luxon';
import type { Db } from '../../db/index.ts';
import { dayIn } from '../../domain/days.ts';
import { orgZone } from '../meetings/policy.ts';
import { currentCohortStart } from './queries.ts';
import type { Interval } from './rules.ts';
import type { Times } from './sources.ts';
import { timesOf } from './times.ts';

/**
 * Availability overlap, read from everything the meeting-date finder reads: each person's rules
 * (weekly, monthly, date ranges … expanded by rules.ts), their uploaded and subscribed
 * calendars (busy times only), the programme's busy events and their confirmed meetings.
 *
 * These are laid over the coming `HORIZON_WEEKS` weeks from the reference date (today, or the start
 * of the programme's current cohort when it is later), on the organisation's clock, and folded back
 * into a typical week of slots — morning, afternoon and evening, Monday to Saturday. Each week, a
 * slot is busy when busy times cover half of it, if need be when busy and if-need-be times together
 * do (the rest day after a night shift), and free otherwise.
 *
 * A pair is free together at a slot when, week by week, both are free — a week where either is only
 * free if need be counts half — in at least `COMMON_SHARE` of the weeks. A course on the first
 * Thursday of the month leaves Thursday a usual time to meet, but after the slots they share every
 * week; a second monthly commitment, a three-week absence or a calendar busy most Thursdays takes it
 * away. A person who keeps no rule and no calendar of their own is unknown, and the criterion says
 * nothing about their pairs.
 */

/** Eight weeks: two occurrences of a monthly pattern, four of a fortnightly one. */
export const HORIZON_WEEKS = 8;
/** Free together in three weeks out of four. */
export const COMMON_SHARE = 0.75;

export const parts = ['evening', 'morning', 'afternoon'] as const;
export type Part = (typeof parts)[number];
const partTimes: Record<Part, [number, number]> = {
  morning: [8 * 60, 12 * 60],
  afternoon: [13 * 60 + 30, 18 * 60],
  evening: [18 * 60 + 30, 21 * 60],
};
/** Parts in the order of the day. */
const dayParts: Part[] = ['morning', 'afternoon', 'evening'];

/** "2-evening": Tuesday evening. */
export type Slot = `${number}-${Part}`;

/**
 * Every slot of the week, the most usable first: weekday evenings, then Saturday, then weekday
 * daytime (when most are at work).
 */
export const allSlots: Slot[] = [
  ...[1, 2, 3, 4, 5].map((d) => `${d}-evening` as Slot),
  ...parts.map((p) => `6-${p}` as Slot),
  ...[1, 2, 3, 4, 5].flatMap((d) => (['morning', 'afternoon'] as const).map((p) => `${d}-${p}` as Slot)),
];
const slotIndex = new Map<string, number>(allSlots.map((s, i) => [s, i]));

/** The horizon, and every occurrence of a slot in it, in time order. */
export interface Horizon {
  from: string;
  to: string;
  zone: string;
  weeks: number;
  /** Occurrence k runs from starts[k] to ends[k] (epoch milliseconds), in week week[k]. */
  starts: Float64Array;
  ends: Float64Array;
  /** Index of the occurrence's slot in `allSlots`. */
  slot: Uint8Array;
  week: Uint8Array;
}

/** The weeks after `referenceDate` (YYYY-MM-DD), each slot placed on the clock of `zone`. */
export function horizonOf(referenceDate: string, zone: string, weeks = HORIZON_WEEKS): Horizon {
  const n = Math.max(1, Math.min(31, Math.floor(weeks)));
  const first = DateTime.fromISO(referenceDate, { zone }).startOf('day');
  const starts: number[] = [];
  const ends: number[] = [];
  const slot: number[] = [];
  const week: number[] = [];
  for (let i = 0; i < n * 7; i++) {
    const day = first.plus({ days: i });
    if (day.weekday === 7) continue;
    for (const p of dayParts) {
      const [a, b] = partTimes[p];
      const at = (m: number) =>
        day.set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 }).toMillis();
      starts.push(at(a));
      ends.push(at(b));
      slot.push(slotIndex.get(`${day.weekday}-${p}`) as number);
      week.push(Math.floor(i / 7));
    }
  }
  const iso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true }) as string;
  return {
    from: iso(first),
    to: iso(first.plus({ days: n * 7 })),
    zone,
    weeks: n,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    slot: Uint8Array.from(slot),
    week: Uint8Array.from(week),
  };
}

/**
 * A person's typical week over the horizon: for each slot of `allSlots`, one bit per week when it
 * is free that week (`free`), and when it is free or free if need be (`usable`).
 */
export interface Week {
  weeks: number;
  free: Uint32Array;
  usable: Uint32Array;
}

/** Intervals clipped to [lo, hi), sorted and merged: [start0, end0, start1, end1, …]. */
function merged(lists: Interval[][], lo: number, hi: number): Float64Array {
  const raw: [number, number][] = [];
  for (const list of lists) {
    for (const iv of list) {
      const s = Math.max(lo, Date.parse(iv.start));
      const e = Math.min(hi, Date.parse(iv.end));
      if (e > s) raw.push([s, e]);
    }
  }
  raw.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of raw) {
    const last = out.length - 1;
    if (last > 0 && s <= (out[last] as number)) out[last] = Math.max(out[last] as number, e);
    else out.push(s, e);
  }
  return Float64Array.from(out);
}

/** Minutes of [s, e) covered by merged intervals, from the first one that ends after `s`. */
function covered(m: Float64Array, from: number, s: number, e: number): number {
  let sum = 0;
  for (let i = from; i < m.length && (m[i] as number) < e; i += 2) {
    sum += Math.min(e, m[i + 1] as number) - Math.max(s, m[i] as number);
  }
  return sum;
}

/** Folds a person's busy and if-need-be times over the horizon into their typical week. */
export function weekOf(times: Times, h: Horizon): Week {
  const count = h.starts.length;
  const lo = count ? (h.starts[0] as number) : 0;
  const hi = count ? (h.ends[count - 1] as number) : 0;
  const busy = merged([times.busy], lo, hi);
  const any = merged([times.busy, times.ifNeedBe], lo, hi);
  const free = new Uint32Array(allSlots.length);
  const usable = new Uint32Array(allSlots.length);
  let b = 0;
  let a = 0;
  for (let k = 0; k < count; k++) {
    const s = h.starts[k] as number;
    const e = h.ends[k] as number;
    const half = (e - s) / 2;
    while (b < busy.length && (busy[b + 1] as number) <= s) b += 2;
    while (a < any.length && (any[a + 1] as number) <= s) a += 2;
    if (covered(busy, b, s, e) >= half) continue;
    const bit = 1 << (h.week[k] as number);
    const i = h.slot[k] as number;
    usable[i] = (usable[i] as number) | bit;
    if (covered(any, a, s, e) < half) free[i] = (free[i] as number) | bit;
  }
  return { weeks: h.weeks, free, usable };
}

function bits(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The share of the weeks a person is free at a slot, a week free only if need be counting half. */
export function freeShare(w: Week, slot: Slot): number {
  const i = slotIndex.get(slot);
  if (i === undefined) return 0;
  const free = bits(w.free[i] as number);
  return (free + (bits(w.usable[i] as number) - free) / 2) / w.weeks;
}

/**
 * The slots both are free in most weeks: first those they share every week, then the others, each
 * group the most usable first; null when either week is unknown.
 */
export function commonSlots(a: Week | null | undefined, b: Week | null | undefined): Slot[] | null {
  if (!a || !b) return null;
  const weeks = Math.min(a.weeks, b.weeks);
  const every: Slot[] = [];
  const most: Slot[] = [];
  for (let i = 0; i < allSlots.length; i++) {
    const both = bits((a.free[i] as number) & (b.free[i] as number));
    const either = bits((a.usable[i] as number) & (b.usable[i] as number)) - both;
    if (both + either / 2 < COMMON_SHARE * weeks) continue;
    (both === weeks ? every : most).push(allSlots[i] as Slot);
  }
  return [...every, ...most];
}

/**
 * Read-only: the typical weeks of the given people of a programme, null for those who keep no rule
 * and no calendar. A few queries for the whole cohort, one expansion per person.
 */
export async function availabilityOf(
  db: Db,
  p: { id: string; org_id: string },
  userIds: string[],
  now: Date,
): Promise<Map<string, Week | null>> {
  const out = new Map<string, Week | null>();
  if (userIds.length === 0) return out;
  const [zone, current] = await Promise.all([orgZone(db, p.org_id), currentCohortStart(db, p.id)]);
  const today = dayIn(now, zone);
  const reference = current && current > today ? current : today;
  const h = horizonOf(reference, zone);
  const times = await timesOf(db, p.org_id, p.id, userIds, { from: h.from, to: h.to, zone });
  for (const [id, t] of times) out.set(id, t.declared ? weekOf(t, h) : null);
  return out;
}
