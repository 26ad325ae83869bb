import type { Duals } from './certificate.ts';
import { loadCostOf, type Network } from './network.ts';

/**
 * Exact min-cost assignment of a **complete** network (every tutee may go to every tutor) whose
 * capacities hold every tutee, by successive shortest paths searched over the tutors only, on a
 * dense cost matrix. Returns null when the network is not of that shape (or, with `giveUp`, when
 * the instance turns out to be of the slow kind described below).
 *
 * Then every tutee is assigned in every optimum, so only costs matter (no lexicographic pairs).
 * It is the same primal–dual method as {@link successiveShortestPaths} (Hungarian / Jonker–Volgenant
 * shortest augmenting paths, generalised to capacities and convex load costs), specialised:
 *
 * - Only tutors carry a potential π(j). A tutee x held by tutor j sits on a tight arc, so its
 *   potential is implied, π(x) = π(j) − c(x, j), and the reduced cost of moving x from j to j' is
 *   c(x, j') − c(x, j) + π(j) − π(j'). Dijkstra therefore runs on the m tutors: settling a tutor
 *   scans the rows of the tutees it holds against the tutors not yet settled (kept in a compact
 *   list), and the next tutor is the nearest unsettled one (a linear scan, m is small).
 * - A tutor with room ends a path at its distance plus the reduced cost of its next unit of
 *   capacity (its next load cost); the search stops once no unsettled tutor is nearer than the
 *   best end found (ties stop it at the first one found).
 * - Potentials only decrease, so bounds measured once stay valid: per assigned tutee, a lower bound
 *   on C[x][u] − π(u) over the other tutors (its row is skipped when even that cannot beat the
 *   best end), and its `nearestCount` cheapest tutors in cost order with the least cost of the
 *   others (only those are read, and only until one cannot beat the best end, unless the others
 *   might). A new tutee likewise reads only its nearest tutors when the others cannot win.
 * - After each search, settled tutors move by (distance − D), D the length of the path, which
 *   keeps every residual arc's reduced cost ≥ 0 (the invariant of the method) and makes the path
 *   tight; the tutees along it then move one tutor further along it.
 *
 * Each search is O(m + Σ over settled tutors of (1 + load) · m) ≤ O(m · (m + n)); in total
 * O(n · m · (m + n)) at worst, in practice a few settled tutors per tutee. The worst case is real
 * when every tutee ranks the tutors alike (each time a tutor fills, every assigned tutee is nearer
 * than the next free unit), so with `giveUp` the solver returns null once it has settled more
 * than 12 tutors per tutee or read more than 4 rows whole per tutee (the department instance
 * needs 3.6 and 0.4), leaving such instances to the candidate-pair solver. Memory: the n × m
 * matrix (8 bytes a pair) and O(n + m) besides. No allocation inside the loops.
 */
export function denseAssignment(
  net: Network,
  nearestCount = 16,
  giveUp = true,
): { tutorOf: Int32Array; pairCost: Float64Array; duals: Duals } | null {
  const { nTutees: n, nTutors: m, capacity, start, tutor, cost } = net;
  if (tutor.length !== n * m) return null;
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = (slotStart[j] as number) + (capacity[j] as number);
  if ((slotStart[m] as number) < n) return null;
  for (let i = 0; i < n; i++) if ((start[i + 1] as number) - (start[i] as number) !== m) return null;

  // Row i of the matrix: c(i, j) at i·m + j (a row lists each tutor once: input validation).
  // Rows that already list the tutors in order (the usual input) are the matrix as they are.
  let ordered = true;
  for (let e = 0; e < n * m && ordered; e += m) {
    for (let j = 0; j < m; j++) {
      if ((tutor[e + j] as number) !== j) {
        ordered = false;
        break;
      }
    }
  }
  const C = ordered ? cost : matrix(net);

  const INF = Number.POSITIVE_INFINITY;
  const pot = new Float64Array(m);
  // Sink potential ≤ every first unit's cost, so that every tutor → sink arc starts non-negative.
  let sinkPot = INF;
  for (let j = 0; j < m; j++)
    if ((capacity[j] as number) > 0) sinkPot = Math.min(sinkPot, loadCostOf(net, j, 0));
  const load = new Int32Array(m);
  const nextUnit = new Float64Array(m);
  for (let j = 0; j < m; j++) nextUnit[j] = (capacity[j] as number) > 0 ? loadCostOf(net, j, 0) : INF;
  // Tutees held by tutor j: held[slotStart[j] … slotStart[j] + load[j] − 1]; slotOf[x] its place.
  const held = new Int32Array(slotStart[m] as number);
  const slotOf = new Int32Array(n);
  const tutorOf = new Int32Array(n).fill(-1);

  const dist = new Float64Array(m);
  const via = new Int32Array(m);
  const short = new Int32Array(m);
  const inShort = new Int32Array(m).fill(-1);
  const settled = new Int32Array(m);
  const settledIn = new Int32Array(m).fill(-1);
  // dist[u] and via[u] hold for the current search only when seen[u] is its source.
  const seen = new Int32Array(m).fill(-1);
  // Per assigned tutee x, a lower bound on C[x][u] − pot[u] over the tutors u other than its own:
  // potentials only decrease, so a bound once measured stays valid while x keeps its tutor.
  const otherBound = new Float64Array(n);
  // Largest tutor potential: potentials only decrease, so 0 bounds it until recomputed.
  let topPot = 0;

  // Each tutee's k cheapest tutors (picked when first needed) and the least cost of the others.
  const k = Math.max(1, Math.min(m, nearestCount));
  const near_ = new Int32Array(n * k);
  const nearest = new Int32Array(n); // 0 = not picked yet, else 1 + count
  const threshold = new Float64Array(n);
  const pick = new Nearest(k);

  // Work so far: tutors settled, and rows read whole (each m pairs).
  let settles = 0;
  let fullRows = 0;
  for (let s = 0; s < n; s++) {
    // Distances from s (π(s) = 0 in this frame: only arcs out of s may be negative).
    const rowS = s * m;
    let best = INF;
    let bestTutor = -1;
    let min1 = INF;
    let min2 = INF;
    let arg1 = -1;
    // s's nearest tutors first; the others only when they might beat the best end found.
    if (nearest[s] === 0) pick.of(C, m, s, near_, nearest, threshold);
    const nearEnd = s * k + (nearest[s] as number) - 1;
    let c = s * k;
    let u = -1;
    let full = false;
    let scannedNear = 0;
    // Lower bound on C[s][u] − pot[u] for the tutors u not scanned.
    let unseen = (threshold[s] as number) - topPot;
    for (;;) {
      if (c < nearEnd) {
        u = near_[c++] as number;
        const lowest = (C[rowS + u] as number) - topPot;
        if (lowest >= best) {
          unseen = lowest; // this one and every later one (by cost) are that far at least
          break;
        }
        scannedNear++;
      } else if (!full) {
        if (unseen >= best) break;
        full = true;
        fullRows++;
        unseen = INF;
        u = 0;
      } else if (++u >= m) break;
      if (full && seen[u] === s) continue;
      const d = (C[rowS + u] as number) - (pot[u] as number);
      seen[u] = s;
      dist[u] = d;
      via[u] = s;
      if (d < min2) {
        if (d < min1) {
          min2 = min1;
          min1 = d;
          arg1 = u;
        } else min2 = d;
      }
      const unit = nextUnit[u] as number;
      if (unit !== INF) {
        const end = d + unit + (pot[u] as number) - sinkPot;
        if (end < best) {
          best = end;
          bestTutor = u;
        }
      }
    }
    // Tutors that may still be settled (nearer than the best end): the only ones to pick from.
    let nShort = 0;
    const scanned = full ? m : scannedNear;
    for (let q = 0; q < scanned; q++) {
      const j = full ? q : (near_[s * k + q] as number);
      if ((dist[j] as number) >= best) continue;
      short[nShort++] = j;
      inShort[j] = s;
    }
    let nSettled = 0;
    for (;;) {
      let at = -1;
      let near = best;
      for (let q = 0; q < nShort; ) {
        const d = dist[short[q] as number] as number;
        if (d >= best) {
          // Never settled in this search any more: best only decreases.
          inShort[short[q] as number] = -1;
          short[q] = short[--nShort] as number;
          continue;
        }
        if (d < near) {
          near = d;
          at = q;
        }
        q++;
      }
      if (at < 0) break;
      const j = short[at] as number;
      short[at] = short[--nShort] as number;
      inShort[j] = -1;
      settled[nSettled++] = j;
      settledIn[j] = s;
      settles++;
      const lift = near + (pot[j] as number);
      const slotEnd = (slotStart[j] as number) + (load[j] as number);
      for (let t = slotStart[j] as number; t < slotEnd; t++) {
        const x = held[t] as number;
        const rowX = x * m;
        const base = lift - (C[rowX + j] as number);
        // x's other tutors are at least `otherBound[x]` away, up to its own offset: when even
        // that cannot beat the best end, x's row is not needed (best only decreases).
        if (base + (otherBound[x] as number) >= best) continue;
        if (nearest[x] === 0) pick.of(C, m, x, near_, nearest, threshold);
        // Every tutor outside x's nearest is at least `threshold` away: when that cannot beat
        // the best end, only the nearest are read (cheapest first, and no further than needed);
        // otherwise the whole row, measuring x's bound on the way.
        const nearOnly = base + (threshold[x] as number) - topPot >= best;
        const from = nearOnly ? x * k : 0;
        const to = nearOnly ? x * k + (nearest[x] as number) - 1 : m;
        let other = INF;
        for (let c = from; c < to; c++) {
          const u = nearOnly ? (near_[c] as number) : c;
          const cost = C[rowX + u] as number;
          const v = cost - (pot[u] as number);
          if (nearOnly) {
            if (base + cost - topPot >= best) break; // so is every later one
          } else if (u !== j && v < other) other = v;
          if (settledIn[u] === s) continue;
          const d = base + v;
          if (seen[u] === s && d >= (dist[u] as number)) continue;
          seen[u] = s;
          dist[u] = d;
          via[u] = x;
          if (d >= best) continue;
          if (inShort[u] !== s) {
            short[nShort++] = u;
            inShort[u] = s;
          }
          const unit = nextUnit[u] as number;
          if (unit === INF) continue;
          const end = d + unit + (pot[u] as number) - sinkPot;
          if (end < best) {
            best = end;
            bestTutor = u;
          }
        }
        if (!nearOnly) {
          fullRows++;
          otherBound[x] = other;
        }
      }
    }

    // Past this much work the instance is of the kind where the method is slow (see above):
    // give up and let the caller use the candidate-pair solver.
    if (giveUp && (settles > 12 * n + m || fullRows > 4 * n + m)) return null;
    for (let k = 0; k < nSettled; k++) {
      const j = settled[k] as number;
      pot[j] = (pot[j] as number) + (dist[j] as number) - best;
    }
    if (nSettled > 0) {
      topPot = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < m; j++) if ((pot[j] as number) > topPot) topPot = pot[j] as number;
    }

    // The last tutor takes one more tutee; walk back, each tutee moving to the tutor it reached.
    let j = bestTutor;
    const l = (load[j] as number) + 1;
    load[j] = l;
    nextUnit[j] = l < (capacity[j] as number) ? loadCostOf(net, j, l) : INF;
    let place = (slotStart[j] as number) + l - 1; // the new place in j
    for (;;) {
      const x = via[j] as number;
      const from = tutorOf[x] as number; // −1 only for s: every other tutee is assigned
      const old = slotOf[x] as number;
      held[place] = x;
      slotOf[x] = place;
      tutorOf[x] = j;
      if (from < 0) {
        otherBound[x] = Math.min(arg1 === j ? min2 : min1, unseen);
        break;
      }
      otherBound[x] = Number.NEGATIVE_INFINITY; // to be measured when next needed
      // x leaves `from`; its place there goes to the tutee that reached `from`.
      place = old;
      j = from;
    }
  }

  // The proof: tutor potentials as kept, each tutee's implied by its tight arc, no primary part.
  const pairCost = new Float64Array(n);
  const potQ = new Float64Array(n + m);
  for (let j = 0; j < m; j++) potQ[n + j] = pot[j] as number;
  for (let i = 0; i < n; i++) {
    const j = tutorOf[i] as number;
    pairCost[i] = C[i * m + j] as number;
    potQ[i] = (pot[j] as number) - (pairCost[i] as number);
  }
  const sinkQ = sinkPot === INF ? 0 : sinkPot;
  return { tutorOf, pairCost, duals: { potP: null, potQ, sinkP: 0, sinkQ } };
}

/** Row i of the matrix (c(i, j) at i·m + j) of a complete network whose rows list each tutor once. */
function matrix(net: Network): Float64Array {
  const { nTutees: n, nTutors: m, start, tutor, cost } = net;
  const C = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    const end = start[i + 1] as number;
    for (let e = start[i] as number; e < end; e++) C[row + (tutor[e] as number)] = cost[e] as number;
  }
  return C;
}

/**
 * The k cheapest tutors of a row, cheapest first (ties: lower index first), and the (k+1)-th
 * least cost, which bounds the others: one pass keeping a sorted list of k + 1 (most costs are
 * refused by one comparison with the last kept).
 */
class Nearest {
  private readonly costs: Float64Array;
  private readonly tutors: Int32Array;

  private readonly k: number;
  constructor(k: number) {
    this.k = k;
    this.costs = new Float64Array(k + 1);
    this.tutors = new Int32Array(k + 1);
  }

  /** Writes row x's list at near[x·k …], its length + 1 at nearest[x], the bound at threshold[x]. */
  of(C: Float64Array, m: number, x: number, near: Int32Array, nearest: Int32Array, threshold: Float64Array) {
    const { k, costs, tutors } = this;
    const keep = Math.min(k + 1, m);
    const row = x * m;
    let size = 0;
    for (let u = 0; u < m; u++) {
      const v = C[row + u] as number;
      if (size === keep && v >= (costs[keep - 1] as number)) continue;
      let at = size < keep ? size++ : keep - 1;
      while (at > 0 && (costs[at - 1] as number) > v) {
        costs[at] = costs[at - 1] as number;
        tutors[at] = tutors[at - 1] as number;
        at--;
      }
      costs[at] = v;
      tutors[at] = u;
    }
    const count = Math.min(k, m);
    const base = x * k;
    for (let q = 0; q < count; q++) near[base + q] = tutors[q] as number;
    nearest[x] = count + 1;
    threshold[x] = m > k ? (costs[k] as number) : Number.POSITIVE_INFINITY;
  }
}
