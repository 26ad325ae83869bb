import type { Db } from '../../db/index.ts';

/**
 * Availability overlap, read from the weekly patterns people keep for their meetings (rotas,
 * internship days, night shifts: the `availability_rules` table, read only here). A typical week
 * is cut into slots — morning, afternoon and evening, Monday to Saturday — and a slot is free when
 * no weekly busy pattern covers half of it. Monthly patterns and date ranges are occasional: they
 * do not decide a weekly habit. Without any weekly pattern, a person's week is unknown, and the
 * criterion says nothing about their pairs.
 */

export const parts = ['evening', 'morning', 'afternoon'] as const;
export type Part = (typeof parts)[number];
const partTimes: Record<Part, [number, number]> = {
  morning: [8 * 60, 12 * 60],
  afternoon: [13 * 60 + 30, 18 * 60],
  evening: [18 * 60 + 30, 21 * 60],
};
const DAYS = [1, 2, 3, 4, 5, 6];

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

export interface WeeklyRule {
  kind: string;
  pattern: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
  restAfter: boolean;
}

const minutes = (t: string) => {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Busy minutes of each weekday (1–7) from the weekly busy rules; a night runs into the next day. */
function busyByDay(rules: WeeklyRule[]): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  const add = (day: number, from: number, to: number) => {
    const d = ((day - 1) % 7) + 1;
    if (to > from) out.set(d, [...(out.get(d) ?? []), [from, to]]);
  };
  for (const r of rules) {
    if (r.pattern !== 'weekly' || r.kind !== 'busy') continue;
    const start = minutes(r.startTime);
    const end = r.endTime === '24:00' ? 1440 : minutes(r.endTime);
    for (const d of r.weekdays) {
      if (end > start) add(d, start, end);
      else {
        add(d, start, 1440);
        add(d + 1, 0, end);
      }
      // The rest day after a night shift is if-need-be: not a usual time to meet.
      if (r.restAfter) add(d + 1, end > start ? 0 : end, 1440);
    }
  }
  return out;
}

/** The free slots of a typical week, or null when the person keeps no weekly pattern. */
export function freeSlots(rules: WeeklyRule[]): Set<Slot> | null {
  if (!rules.some((r) => r.pattern === 'weekly')) return null;
  const busy = busyByDay(rules);
  const free = new Set<Slot>();
  for (const d of DAYS) {
    for (const p of parts) {
      const [from, to] = partTimes[p];
      const covered = (busy.get(d) ?? []).reduce(
        (s, [a, b]) => s + Math.max(0, Math.min(b, to) - Math.max(a, from)),
        0,
      );
      if (covered * 2 < to - from) free.add(`${d}-${p}`);
    }
  }
  return free;
}

/** The slots both are free, the most usable first; null when either week is unknown. */
export function commonSlots(a: Set<Slot> | null | undefined, b: Set<Slot> | null | undefined): Slot[] | null {
  if (!a || !b) return null;
  return allSlots.filter((s) => a.has(s) && b.has(s));
}

/** Read-only: the weekly patterns of the given people in the organisation, as free slots. */
export async function availabilityOf(db: Db, orgId: string, userIds: string[]) {
  const out = new Map<string, Set<Slot> | null>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('availability_rules')
    .select(['user_id', 'kind', 'pattern', 'weekdays', 'start_time', 'end_time', 'rest_after'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', userIds)
    .execute();
  const byUser = new Map<string, WeeklyRule[]>();
  for (const r of rows) {
    let weekdays: number[] = [];
    try {
      weekdays = (JSON.parse(r.weekdays) as unknown[]).map(Number).filter((n) => n >= 1 && n <= 7);
    } catch {
      weekdays = [];
    }
    byUser.set(r.user_id, [
      ...(byUser.get(r.user_id) ?? []),
      {
        kind: r.kind,
        pattern: r.pattern,
        weekdays,
        startTime: r.start_time,
        endTime: r.end_time,
        restAfter: r.rest_after === 1,
      },
    ]);
  }
  for (const [id, rules] of byUser) out.set(id, freeSlots(rules));
  return out;
}
