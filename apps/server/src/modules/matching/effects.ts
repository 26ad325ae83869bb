import { type Cohort, facts, type Person, pairCost, type Tutor, type Weights } from './criteria.ts';

/**
 * What moving one tutee would cost the others. Moving a tutee from tutor A to tutor B:
 * - B has a free place: nobody else changes, and a place opens at A;
 * - B is full: someone at B must leave. The best exchange is the one that costs least: one of B's
 *   tutees (not locked) goes to A's freed place (a swap) or to another tutor with room (and A's
 *   place stays free). If none can, the move is impossible without exceeding B's capacity.
 * Alternatives are ranked by the total change of cost, the others' included.
 */

export interface Move {
  tuteeId: string;
  tuteeName: string;
  fromName: string;
  toName: string;
  deltaKm: number | null;
}

export interface Alternative {
  tutorId: string;
  name: string;
  km: number | null;
  deltaKm: number | null;
  /** Change of the tutee's own pair cost. */
  deltaCost: number;
  /** Change of the cohort's cost, the exchange included; null when the move is impossible. */
  totalDeltaCost: number | null;
  full: boolean;
  /** The tutor who gets a free place, when nobody takes it. */
  frees: string | null;
  moves: Move[];
  blocked: boolean;
}

export interface Placed {
  tuteeId: string;
  tutorId: string;
  locked: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const kmDelta = (a: number | null, b: number | null) => (a !== null && b !== null ? round2(a - b) : null);

/**
 * `base` is the cohort without the draft's proposals (live loads only); `draft` is the cohort as
 * the draft leaves it (loads include the proposals); `placed` are the draft's proposals.
 */
export function alternativesOf(
  base: Cohort,
  draft: Cohort,
  placed: Placed[],
  tutee: Person,
  current: Tutor,
  w: Weights,
  limit = 3,
): Alternative[] {
  const own = facts(base, current, tutee);
  const ownCost = pairCost(own, w);
  const tutees = new Map(base.tutees.map((t) => [t.userId, t]));
  const free = (t: Tutor) => t.capacity - t.load;
  const out: Alternative[] = [];
  for (const b of draft.tutors) {
    if (b.userId === current.userId) continue;
    const f = facts(base, b, tutee);
    if (f.conflict) continue;
    const deltaCost = round2(pairCost(f, w) - ownCost);
    const alt: Alternative = {
      tutorId: b.userId,
      name: b.name,
      km: f.km,
      deltaKm: kmDelta(f.km, own.km),
      deltaCost,
      totalDeltaCost: deltaCost,
      full: free(b) <= 0,
      frees: current.name,
      moves: [],
      blocked: false,
    };
    if (alt.full) {
      // The cheapest way to make room at B: one of its movable tutees to A or to a tutor with room.
      let best: { move: Move; delta: number; toCurrent: boolean } | null = null;
      for (const p of placed) {
        if (p.tutorId !== b.userId || p.locked || p.tuteeId === tutee.userId) continue;
        const x = tutees.get(p.tuteeId);
        if (!x) continue;
        const fx = facts(base, b, x);
        const xCost = pairCost(fx, w);
        for (const c of draft.tutors) {
          if (c.userId === b.userId) continue;
          const toCurrent = c.userId === current.userId;
          if (!toCurrent && free(c) <= 0) continue;
          const fc = facts(base, c, x);
          if (fc.conflict) continue;
          const delta = pairCost(fc, w) - xCost;
          if (!best || delta < best.delta) {
            best = {
              delta,
              toCurrent,
              move: {
                tuteeId: x.userId,
                tuteeName: x.name,
                fromName: b.name,
                toName: c.name,
                deltaKm: kmDelta(fc.km, fx.km),
              },
            };
          }
        }
      }
      if (best) {
        alt.moves = [best.move];
        alt.totalDeltaCost = round2(deltaCost + best.delta);
        alt.frees = best.toCurrent ? null : current.name;
      } else {
        alt.blocked = true;
        alt.frees = null;
        alt.totalDeltaCost = null;
      }
    }
    out.push(alt);
  }
  const score = (a: Alternative) => a.totalDeltaCost ?? Number.POSITIVE_INFINITY;
  return out.sort((a, b) => score(a) - score(b)).slice(0, limit);
}
