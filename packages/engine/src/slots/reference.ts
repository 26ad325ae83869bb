import { DateTime } from 'luxon';
import { DEFAULT_LIMIT, type IsoInterval, type SlotsInput } from './input.ts';

// A deliberately naive slot finder, for the property tests and as the benchmark's baseline: every
// candidate on the grid, luxon for the local clock of each one, every interval of every participant
// checked one by one, all eligible candidates sorted. Shares nothing with find.ts but the types.

export interface ReferenceSlot {
  start: number;
  end: number;
  free: string[];
  ifNeedBe: string[];
  busy: string[];
}

const MINUTE = 60_000;

function ms(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * True when a clock in `zone` shows one date and a time within `[dayStart, dayEnd)` (ms after
 * midnight) at every instant of `[s, e)`. Without a clock change inside the meeting the clock runs
 * linearly, so its first and last millisecond decide; across a change, the clock is read every
 * minute (changes, day-hour bounds and test grids all fall on whole minutes).
 */
function withinDay(zone: string, s: number, e: number, dayStart: number, dayEnd: number): boolean {
  const first = DateTime.fromMillis(s, { zone });
  const last = DateTime.fromMillis(e - 1, { zone });
  const date = first.toISODate();
  const clockOf = (t: DateTime) => ((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.millisecond;
  const ok = (t: DateTime) => t.toISODate() === date && clockOf(t) >= dayStart && clockOf(t) < dayEnd;
  if (first.offset === last.offset) return ok(first) && ok(last);
  for (let t = s; t < e; t += MINUTE) if (!ok(DateTime.fromMillis(t, { zone }))) return false;
  return ok(last);
}

function overlapsAny(list: [number, number][], s: number, e: number): boolean {
  // Half-open: an empty interval [a, a) contains no instant and overlaps nothing.
  for (const [a, b] of list) if (a < b && a < e && b > s) return true;
  return false;
}

const parsed = (list: IsoInterval[] | undefined): [number, number][] =>
  (list ?? []).map((iv) => [ms(iv.start), ms(iv.end)]);

/** All eligible candidates, best first, cut at `limit`. Expects valid input. */
export function referenceSlots(input: SlotsInput): ReferenceSlot[] {
  const ws = ms(input.window.start);
  const we = ms(input.window.end);
  const step = input.stepMinutes * MINUTE;
  const dur = input.durationMinutes * MINUTE;
  const dayStart = minutesOf(input.dayHours?.start ?? '00:00') * MINUTE;
  const dayEnd = minutesOf(input.dayHours?.end ?? '24:00') * MINUTE;
  const people = input.participants.map((p) => ({
    ...p,
    busy: parsed(p.busy),
    ifNeedBe: parsed(p.ifNeedBe),
  }));
  const all: ReferenceSlot[] = [];
  for (let s = ws; s + dur <= we; s += step) {
    const e = s + dur;
    if (!withinDay(input.timeZone, s, e, dayStart, dayEnd)) continue;
    const slot: ReferenceSlot = { start: s, end: e, free: [], ifNeedBe: [], busy: [] };
    let eligible = true;
    for (const p of people) {
      if (overlapsAny(p.busy, s, e)) {
        slot.busy.push(p.id);
        if (p.required) eligible = false;
      } else if (overlapsAny(p.ifNeedBe, s, e)) slot.ifNeedBe.push(p.id);
      else slot.free.push(p.id);
    }
    if (eligible) all.push(slot);
  }
  const score = (x: ReferenceSlot) => x.free.length + x.ifNeedBe.length;
  all.sort((a, b) => score(b) - score(a) || a.ifNeedBe.length - b.ifNeedBe.length || a.start - b.start);
  return all.slice(0, input.limit ?? DEFAULT_LIMIT);
}
