import { parseSlotsInput, type SlotsInput, type SlotsProblem } from './input.ts';
import { DAY, formatInZone } from './local-time.ts';

export interface Slot {
  /** ISO-8601 with the offset of `timeZone` at that instant. */
  start: string;
  end: string;
  /** Participant ids in input order. */
  free: string[];
  ifNeedBe: string[];
  busy: string[];
}

export interface SlotsResult {
  slots: Slot[];
}

/**
 * Best meeting slots for a group (shared/formats/ENGINE-CLI.md, `slots`).
 *
 * Guarantee: the result is exactly the first `limit` eligible candidates in the contract's order —
 * more participants free or if-need-be, then fewer if-need-be, then earlier start — where the
 * candidates are every `window.start + k × step` whose meeting `[start, start + duration)` lies in
 * the window and during which a clock in `timeZone` shows one and the same date and a time within
 * `dayHours` throughout. Durations are elapsed time. On the spring-forward day the missing hour is
 * never shown, so it cannot be inside `dayHours`; on the fall-back day a meeting may run through
 * the repeated hour (the day has 25 hours), and a `dayHours` bound inside that hour excludes the
 * instants whose clock reading lies outside the hours. Intervals are half-open, so one ending at
 * a slot's start does not overlap it and an empty one overlaps nothing. Throws InputError (with a
 * JSON pointer) for invalid input; defaults are listed on {@link SlotsInput}.
 *
 * Cost: O(days + candidates × participants + intervals log intervals), candidates kept in a bounded
 * heap of size `limit`.
 */
export function findSlots(input: SlotsInput): SlotsResult {
  return solveSlots(parseSlotsInput(input));
}

/**
 * Local-day spans of the window: the instants at which the clock of the zone shows a time within
 * `[dayStart, dayEnd)`, as disjoint ascending `[lo, hi)` pairs, each within one local date. Between
 * two offset changes the clock runs linearly, so each such stretch contributes one interval per day,
 * and intervals of the same day that touch across a change are joined.
 */
export function daySpans(p: SlotsProblem): number[] {
  const { zone, windowStart, windowEnd, dayStart, dayEnd } = p;
  const cuts = [
    windowStart,
    ...zone.transitionsIn(windowStart, windowEnd).filter((t) => t > windowStart),
    windowEnd,
  ];
  const spans: number[] = [];
  let lastDay = Number.NaN;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const o = zone.offsetAt(a);
    const first = Math.floor((a + o) / DAY);
    const last = Math.floor((b - 1 + o) / DAY);
    for (let d = first; d <= last; d++) {
      const lo = Math.max(a, d * DAY + dayStart - o);
      const hi = Math.min(b, d * DAY + dayEnd - o);
      if (lo >= hi) continue;
      const n = spans.length;
      if (n > 0 && d === lastDay && spans[n - 1] === lo) spans[n - 1] = hi;
      else spans.push(lo, hi);
      lastDay = d;
    }
  }
  return spans;
}

/** Index of the first interval (pair index × 2) whose end is after `t`. */
function firstEndingAfter(iv: Float64Array, t: number): number {
  let lo = 0;
  let hi = iv.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((iv[2 * mid + 1] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

function overlaps(iv: Float64Array, s: number, e: number): boolean {
  const i = firstEndingAfter(iv, s);
  return i < iv.length && (iv[i] as number) < e;
}

/** {@link findSlots} on validated input. */
export function solveSlots(p: SlotsProblem): SlotsResult {
  const { windowStart: ws, duration, step, participants, limit } = p;
  const n = participants.length;
  const busy = participants.map((q) => q.busy);
  const ifNeedBe = participants.map((q) => q.ifNeedBe);
  const required = participants.map((q) => q.required);
  const pb = new Int32Array(n);
  const pi = new Int32Array(n);

  // Bounded min-heap of the best `limit` candidates; the root is the worst kept. A candidate's key
  // encodes (available desc, ifNeedBe asc); starts arrive in increasing order, so among equal keys
  // the kept one is always the earlier.
  const heapKey: number[] = [];
  const heapStart: number[] = [];
  const worse = (i: number, j: number) =>
    (heapKey[i] as number) < (heapKey[j] as number) ||
    (heapKey[i] === heapKey[j] && (heapStart[i] as number) > (heapStart[j] as number));
  const swap = (i: number, j: number) => {
    const k = heapKey[i] as number;
    heapKey[i] = heapKey[j] as number;
    heapKey[j] = k;
    const s = heapStart[i] as number;
    heapStart[i] = heapStart[j] as number;
    heapStart[j] = s;
  };

  const spans = daySpans(p);
  for (let x = 0; x < spans.length; x += 2) {
    const lo = spans[x] as number;
    const hi = spans[x + 1] as number;
    if (hi - lo < duration) continue;
    const kLo = Math.ceil((lo - ws) / step);
    const kHi = Math.floor((hi - duration - ws) / step);
    for (let k = kLo; k <= kHi; k++) {
      const s = ws + k * step;
      const e = s + duration;
      let available = 0;
      let ifn = 0;
      let eligible = true;
      for (let j = 0; j < n; j++) {
        const B = busy[j] as Float64Array;
        let b = pb[j] as number;
        while (b < B.length && (B[b + 1] as number) <= s) b += 2;
        pb[j] = b;
        if (b < B.length && (B[b] as number) < e) {
          if (required[j]) {
            eligible = false;
            break;
          }
          continue;
        }
        const I = ifNeedBe[j] as Float64Array;
        let c = pi[j] as number;
        while (c < I.length && (I[c + 1] as number) <= s) c += 2;
        pi[j] = c;
        available++;
        if (c < I.length && (I[c] as number) < e) ifn++;
      }
      if (!eligible) continue;
      const key = available * (n + 1) + (n - ifn);
      if (heapKey.length < limit) {
        heapKey.push(key);
        heapStart.push(s);
        for (let i = heapKey.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!worse(i, parent)) break;
          swap(i, parent);
          i = parent;
        }
      } else if (key > (heapKey[0] as number)) {
        heapKey[0] = key;
        heapStart[0] = s;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heapKey.length && worse(l, m)) m = l;
          if (r < heapKey.length && worse(r, m)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
    }
  }

  const order = heapKey.map((_, i) => i);
  order.sort(
    (i, j) =>
      (heapKey[j] as number) - (heapKey[i] as number) || (heapStart[i] as number) - (heapStart[j] as number),
  );
  return {
    slots: order.map((i) => {
      const s = heapStart[i] as number;
      const e = s + duration;
      const slot: Slot = {
        start: formatInZone(s, p.zone),
        end: formatInZone(e, p.zone),
        free: [],
        ifNeedBe: [],
        busy: [],
      };
      for (const q of participants) {
        if (overlaps(q.busy, s, e)) slot.busy.push(q.id);
        else if (overlaps(q.ifNeedBe, s, e)) slot.ifNeedBe.push(q.id);
        else slot.free.push(q.id);
      }
      return slot;
    }),
  };
}
