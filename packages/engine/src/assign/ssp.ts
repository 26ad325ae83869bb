import { loadCostOf, type Network } from './network.ts';

/**
 * An optimal flow with its certificate. Node potentials are pairs (primary, secondary) compared
 * lexicographically; tutee `i` is node `i`, tutor `j` is node `nTutees + j`, the sink has its own.
 */
export interface Flow {
  /** Tutor of each tutee, −1 when unassigned. */
  tutorOf: Int32Array;
  /** Cost of the pair (tutee, its tutor), for assigned tutees. */
  pairCost: Float64Array;
  potP: Float64Array;
  potQ: Float64Array;
  sinkP: number;
  sinkQ: number;
}

/**
 * Lexicographic min-cost assignment on `net` by successive shortest augmenting paths, one tutee at
 * a time (the primal–dual Hungarian method generalised to capacities and convex load costs).
 *
 * Model. Source → tutee (capacity 1) → tutor (allowed pair, its cost) → sink; tutor `j` reaches the
 * sink through `capacity[j]` parallel unit arcs of costs `loadCosts[0…]`. Each tutee also has a
 * private "drop" arc to the sink. Costs are pairs (p, q) ordered lexicographically: the drop arc
 * costs (1, 0), every other arc (0, its cost). Every tutee is routed (assigned or dropped), so the
 * total cost is (number unassigned, total cost): minimising it lexicographically is exactly "most
 * tutees assigned, then least cost". Pairs form an ordered abelian group, so Dijkstra, reduced
 * costs and LP duality work with them unchanged, and no big-M constant spoils float precision.
 *
 * Invariant (Johnson potentials π): every residual arc u→v has reduced cost c + π(u) − π(v) ≥ 0.
 * Hence the residual graph has no negative cycle, and the current flow is a min-cost routing of
 * the tutees processed so far. Adding tutee s (its source arc stays saturated until it is
 * released, so no residual arc enters the source) and augmenting along a shortest s→sink path
 * keeps it optimal: after π(v) += min(d(v), D), with D the length of that path, all residual arcs
 * stay non-negative and the path becomes tight, so its reversal is non-negative too. At the end
 * all tutees are routed at minimum lexicographic cost. Releasing a tutee is the mirror image: a
 * shortest path from the sink back to it, with the same potential update.
 *
 * Convex load costs need no extra nodes: only the cheapest unused unit arc of a tutor matters,
 * and because `loadCosts` is non-decreasing the arc that opens after a tutor's load grows costs at
 * least as much as the tight arc just used, so its reduced cost is ≥ 0. An augmenting path moves
 * tutees between tutors and only its last tutor gains one (or a tutee is dropped in exchange for
 * the newcomer); a release frees the last unit of one tutor, the reverse of a tight arc.
 *
 * Dijkstra runs from the new tutee (binary heap with decrease-key, typed arrays, no allocation
 * per step) and stops as soon as no node left can beat the best path to the sink found so far;
 * a tutor with room is noticed when it is reached, so among equally short paths (equal costs) the
 * first one found ends the search.
 * A tutor hands its distance to the tutees it holds (their only incoming arc); those reached
 * through a tight arc are settled at once, without the heap. While no tutee has been dropped all
 * primary potentials are 0 and any path to a free tutor beats any drop, so a one-number search
 * is used until the first drop. Work per tutee is O(a log b) for the a pairs scanned and b nodes
 * reached, O(E log m) at worst; O(n·E log m) in total at worst, typically far less.
 *
 * The returned potentials certify optimality on any larger graph (more allowed pairs) in which
 * the extra pairs have non-negative reduced cost too (used by `optimalAssignment`).
 */
export function successiveShortestPaths(net: Network): Flow {
  const solver = createFlowSolver(net);
  for (let s = 0; s < net.nTutees; s++) solver.augment(s);
  return solver.flow();
}

/** A min-cost flow kept optimal while tutees are added ({@link FlowSolver.augment}) or removed. */
export interface FlowSolver {
  /** Routes unprocessed tutee `s` along a shortest augmenting path (assigned or dropped). */
  augment(s: number): void;
  /**
   * Un-routes processed tutee `x` along a shortest path from the sink, so that the flow stays
   * optimal for the others; `x` is unprocessed afterwards.
   */
  release(x: number): void;
  /**
   * Switches to a network with the same tutees, tutors and capacities whose pairs differ only
   * for unprocessed tutees.
   */
  setNetwork(net: Network): void;
  flow(): Flow;
}

/**
 * State of {@link successiveShortestPaths}, for callers that grow the graph between solves: release
 * the tutees whose pairs change, switch networks, augment them again. Same guarantee.
 */
export function createFlowSolver(initial: Network): FlowSolver {
  let net = initial;
  const { nTutees: n, nTutors: m, capacity } = net;
  let { start, tutor, cost } = net;
  const N = n + m;
  const potP = new Float64Array(N);
  const potQ = new Float64Array(N);
  // Sink potential ≤ every first load cost, so that every tutor→sink arc starts non-negative.
  let sinkP = 0;
  let sinkQ = 0;
  for (let j = 0; j < m; j++) {
    if ((capacity[j] as number) > 0) sinkQ = Math.min(sinkQ, loadCostOf(net, j, 0));
  }

  const tutorOf = new Int32Array(n).fill(-1);
  const processed = new Uint8Array(n);
  const heldCost = new Float64Array(n); // cost of the pair (i, tutorOf[i])
  const load = new Int32Array(m);
  // Cost of the next unit of each tutor's capacity, +∞ when full.
  const nextUnit = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    nextUnit[j] = (capacity[j] as number) > 0 ? loadCostOf(net, j, 0) : Number.POSITIVE_INFINITY;
  }
  // Tutees held by each tutor: doubly linked lists.
  const head = new Int32Array(m).fill(-1);
  const nextHeld = new Int32Array(n);
  const prevHeld = new Int32Array(n);

  const distP = new Float64Array(N);
  const distQ = new Float64Array(N);
  // Per search: `stamp` once a node has a tentative distance, `stamp + 1` once settled.
  const mark = new Int32Array(N);
  let stamp = 0;
  const viaTutee = new Int32Array(m);
  const viaCost = new Float64Array(m);
  const settled = new Int32Array(N);
  let nSettled = 0;
  // Tutees reached through a tight arc: settled next, without going through the heap.
  const ready = new Int32Array(n);
  let nReady = 0;

  // Binary heap of nodes with their keys stored inline (primary, secondary).
  const heap = new Int32Array(N);
  const heapP = new Float64Array(N);
  const heapQ = new Float64Array(N);
  const heapPos = new Int32Array(N);
  let heapSize = 0;
  const siftUp = (v: number, p: number, q: number, at: number) => {
    let i = at;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pp = heapP[parent] as number;
      const pq = heapQ[parent] as number;
      if (p > pp || (p === pp && q >= pq)) break;
      const u = heap[parent] as number;
      heap[i] = u;
      heapP[i] = pp;
      heapQ[i] = pq;
      heapPos[u] = i;
      i = parent;
    }
    heap[i] = v;
    heapP[i] = p;
    heapQ[i] = q;
    heapPos[v] = i;
  };
  const removeMin = () => {
    heapSize--;
    if (heapSize === 0) return;
    const v = heap[heapSize] as number;
    const p = heapP[heapSize] as number;
    const q = heapQ[heapSize] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= heapSize) break;
      let cp = heapP[c] as number;
      let cq = heapQ[c] as number;
      const r = c + 1;
      if (r < heapSize) {
        const rp = heapP[r] as number;
        const rq = heapQ[r] as number;
        if (rp < cp || (rp === cp && rq < cq)) {
          c = r;
          cp = rp;
          cq = rq;
        }
      }
      if (cp > p || (cp === p && cq >= q)) break;
      const u = heap[c] as number;
      heap[i] = u;
      heapP[i] = cp;
      heapQ[i] = cq;
      heapPos[u] = i;
      i = c;
    }
    heap[i] = v;
    heapP[i] = p;
    heapQ[i] = q;
    heapPos[v] = i;
  };

  const unlink = (x: number, j: number) => {
    const p = prevHeld[x] as number;
    const q = nextHeld[x] as number;
    if (p >= 0) nextHeld[p] = q;
    else head[j] = q;
    if (q >= 0) prevHeld[q] = p;
  };
  const link = (x: number, j: number) => {
    const h = head[j] as number;
    prevHeld[x] = -1;
    nextHeld[x] = h;
    if (h >= 0) prevHeld[h] = x;
    head[j] = x;
  };

  const NONE = 0;
  const TO_TUTOR = 1;
  const DROP = 2;
  let bestP = 0;
  let bestQ = 0;
  let bestKind = NONE;
  let bestNode = -1;

  /**
   * Shortest path from s while no tutee has been dropped yet: then every primary potential is 0,
   * any path to a free tutor beats any drop, and distances are plain numbers. When no free tutor
   * is reachable, the cheapest drop among the (then all settled) reachable tutees ends the path.
   */
  const searchCostOnly = (s: number) => {
    stamp += 2;
    const seenMark = stamp;
    const settledMark = stamp + 1;
    const start_ = start;
    const tutor_ = tutor;
    const cost_ = cost;
    bestKind = NONE;
    bestP = 0;
    bestQ = Number.POSITIVE_INFINITY;
    distQ[s] = 0;
    mark[s] = seenMark;
    ready[nReady++] = s;
    for (;;) {
      let top: number;
      if (nReady > 0) {
        top = ready[--nReady] as number;
        if ((distQ[top] as number) >= bestQ) break;
      } else {
        if (heapSize === 0 || (heapQ[0] as number) >= bestQ) break;
        top = heap[0] as number;
        removeMin();
      }
      const tQ = distQ[top] as number;
      mark[top] = settledMark;
      settled[nSettled++] = top;
      if (top < n) {
        const pxQ = potQ[top] as number;
        const end = start_[top + 1] as number;
        for (let e = start_[top] as number; e < end; e++) {
          const j = tutor_[e] as number;
          const u = n + j;
          const st = mark[u] as number;
          // Also skips the tutee's own tutor: it was settled before the tutee was reached.
          if (st === settledMark) continue;
          const c = cost_[e] as number;
          const nQ = tQ + c + pxQ - (potQ[u] as number);
          if (nQ >= bestQ) continue;
          if (st !== seenMark) {
            mark[u] = seenMark;
            siftUp(u, 0, nQ, heapSize++);
          } else if (nQ < (distQ[u] as number)) {
            siftUp(u, 0, nQ, heapPos[u] as number);
          } else continue;
          distQ[u] = nQ;
          viaTutee[j] = top;
          viaCost[j] = c;
          // A free unit of capacity ends a path here; seen now rather than when the tutor is
          // settled, so that among equally short paths the search stops at the first one.
          const end = tQ + c + pxQ + (nextUnit[j] as number) - sinkQ;
          if (end < bestQ) {
            bestQ = end;
            bestKind = TO_TUTOR;
            bestNode = j;
          }
        }
      } else {
        // A tutor (full, or not ending the best path): pass on to the tutees it holds.
        const j = top - n;
        const puQ = potQ[top] as number;
        for (let x = head[j] as number; x >= 0; x = nextHeld[x] as number) {
          const nQ = tQ - (heldCost[x] as number) + puQ - (potQ[x] as number);
          if (nQ >= bestQ) continue;
          mark[x] = seenMark;
          distQ[x] = nQ;
          if (nQ <= tQ) ready[nReady++] = x;
          else siftUp(x, 0, nQ, heapSize++);
        }
      }
    }
    for (let k = 0; k < nSettled; k++) distP[settled[k] as number] = 0;
    if (bestKind !== NONE) return;
    // No free tutor reachable: every reachable tutee is settled; drop the cheapest.
    bestP = 1;
    for (let k = 0; k < nSettled; k++) {
      const x = settled[k] as number;
      if (x >= n) continue;
      const cQ = (distQ[x] as number) + (potQ[x] as number) - sinkQ;
      if (cQ < bestQ) {
        bestQ = cQ;
        bestKind = DROP;
        bestNode = x;
      }
    }
  };

  /** Shortest path from s with pair distances (once a tutee has been dropped). */
  const searchLexicographic = (s: number) => {
    stamp += 2;
    const seenMark = stamp;
    const settledMark = stamp + 1;
    const start_ = start;
    const tutor_ = tutor;
    const cost_ = cost;
    bestKind = NONE;
    bestP = Number.POSITIVE_INFINITY;
    bestQ = Number.POSITIVE_INFINITY;
    distP[s] = 0;
    distQ[s] = 0;
    mark[s] = seenMark;
    ready[nReady++] = s;
    for (;;) {
      let top: number;
      if (nReady > 0) {
        top = ready[--nReady] as number;
        const rP = distP[top] as number;
        if (rP > bestP || (rP === bestP && (distQ[top] as number) >= bestQ)) break;
      } else {
        if (heapSize === 0) break;
        const hP = heapP[0] as number;
        if (hP > bestP || (hP === bestP && (heapQ[0] as number) >= bestQ)) break;
        top = heap[0] as number;
        removeMin();
      }
      const tP = distP[top] as number;
      const tQ = distQ[top] as number;
      mark[top] = settledMark;
      settled[nSettled++] = top;
      if (top < n) {
        // A tutee: its drop arc, then its pairs (the one it holds is skipped as settled).
        const pxP = potP[top] as number;
        const pxQ = potQ[top] as number;
        const cP = tP + 1 + pxP - sinkP;
        const cQ = tQ + pxQ - sinkQ;
        if (cP < bestP || (cP === bestP && cQ < bestQ)) {
          bestP = cP;
          bestQ = cQ;
          bestKind = DROP;
          bestNode = top;
        }
        const end = start_[top + 1] as number;
        for (let e = start_[top] as number; e < end; e++) {
          const j = tutor_[e] as number;
          const u = n + j;
          const st = mark[u] as number;
          if (st === settledMark) continue;
          const nP = tP + pxP - (potP[u] as number);
          const c = cost_[e] as number;
          const nQ = tQ + c + pxQ - (potQ[u] as number);
          if (!(nP < bestP || (nP === bestP && nQ < bestQ))) continue;
          if (st !== seenMark) {
            mark[u] = seenMark;
            siftUp(u, nP, nQ, heapSize++);
          } else {
            const oP = distP[u] as number;
            if (!(nP < oP || (nP === oP && nQ < (distQ[u] as number)))) continue;
            siftUp(u, nP, nQ, heapPos[u] as number);
          }
          distP[u] = nP;
          distQ[u] = nQ;
          viaTutee[j] = top;
          viaCost[j] = c;
          const unit = nextUnit[j] as number;
          if (unit === Number.POSITIVE_INFINITY) continue;
          const endP = tP + pxP - sinkP;
          const endQ = tQ + c + pxQ + unit - sinkQ;
          if (endP < bestP || (endP === bestP && endQ < bestQ)) {
            bestP = endP;
            bestQ = endQ;
            bestKind = TO_TUTOR;
            bestNode = j;
          }
        }
      } else {
        // A tutor: pass on to the tutees it holds.
        const j = top - n;
        const puP = potP[top] as number;
        const puQ = potQ[top] as number;
        for (let x = head[j] as number; x >= 0; x = nextHeld[x] as number) {
          const nP = tP + puP - (potP[x] as number);
          const nQ = tQ - (heldCost[x] as number) + puQ - (potQ[x] as number);
          if (!(nP < bestP || (nP === bestP && nQ < bestQ))) continue;
          mark[x] = seenMark;
          distP[x] = nP;
          distQ[x] = nQ;
          if (nP < tP || (nP === tP && nQ <= tQ)) ready[nReady++] = x;
          else siftUp(x, nP, nQ, heapSize++);
        }
      }
    }
  };

  let dropped = false; // once a tutee has been dropped, primary potentials differ

  const augment = (s: number) => {
    const sStart = start[s] as number;
    const sEnd = start[s + 1] as number;

    // s has no incoming arc yet, so any π(s) keeps Dijkstra exact (only arcs out of s may be
    // negative) and its arcs non-negative after the update; take one that keeps distances small.
    if (sStart < sEnd) {
      const u = n + (tutor[sStart] as number);
      potP[s] = potP[u] as number;
      potQ[s] = (potQ[u] as number) - (cost[sStart] as number);
    } else {
      potP[s] = sinkP - 1;
      potQ[s] = sinkQ;
    }
    processed[s] = 1;

    nSettled = 0;
    nReady = 0;
    heapSize = 0;
    if (dropped) searchLexicographic(s);
    else searchCostOnly(s);

    // Potentials: settled nodes move by their distance, all others (and the sink) by D; the
    // common shift by D is dropped since only differences matter.
    for (let k = 0; k < nSettled; k++) {
      const v = settled[k] as number;
      potP[v] = (potP[v] as number) + (distP[v] as number) - bestP;
      potQ[v] = (potQ[v] as number) + (distQ[v] as number) - bestQ;
    }

    // Augment: walk back from the end of the path to s.
    let j: number;
    if (bestKind === TO_TUTOR) {
      j = bestNode;
      const l = (load[j] as number) + 1;
      load[j] = l;
      nextUnit[j] = l < (capacity[j] as number) ? loadCostOf(net, j, l) : Number.POSITIVE_INFINITY;
    } else {
      dropped = true;
      const x = bestNode;
      if (x === s) return; // s stays unassigned
      j = tutorOf[x] as number;
      unlink(x, j);
      tutorOf[x] = -1;
    }
    while (j >= 0) {
      const y = viaTutee[j] as number;
      const from = tutorOf[y] as number;
      if (from >= 0) unlink(y, from);
      tutorOf[y] = j;
      heldCost[y] = viaCost[j] as number;
      link(y, j);
      j = from;
    }
  };

  /**
   * Removing tutee x's unit of flow is augmenting from the sink back to x: Dijkstra from the sink
   * over the residual graph (reverse sink arcs of loaded tutors, reverse drop arcs of dropped
   * tutees, then as usual) until x is settled; potentials are updated as in `augment`, so every
   * residual arc stays non-negative and the flow stays optimal for the remaining tutees.
   */
  const release = (x: number) => {
    processed[x] = 0;
    const held = tutorOf[x] as number;
    // A dropped tutee's only residual arcs now start at x itself, which nothing reaches any more.
    if (held < 0) return;

    stamp += 2;
    const seenMark = stamp;
    const settledMark = stamp + 1;
    nSettled = 0;
    heapSize = 0;
    const push = (v: number, p: number, q: number) => {
      distP[v] = p;
      distQ[v] = q;
      mark[v] = seenMark;
      siftUp(v, p, q, heapSize++);
    };
    for (let j = 0; j < m; j++) {
      const l = load[j] as number;
      if (l === 0) continue;
      const u = n + j;
      viaTutee[j] = -1;
      push(u, sinkP - (potP[u] as number), sinkQ - loadCostOf(net, j, l - 1) - (potQ[u] as number));
    }
    for (let y = 0; y < n; y++) {
      if (processed[y] === 0 || (tutorOf[y] as number) >= 0) continue;
      push(y, sinkP - 1 - (potP[y] as number), sinkQ - (potQ[y] as number));
    }
    for (;;) {
      const top = heap[0] as number;
      removeMin();
      mark[top] = settledMark;
      settled[nSettled++] = top;
      if (top === x) break;
      const tP = distP[top] as number;
      const tQ = distQ[top] as number;
      if (top < n) {
        const pyP = potP[top] as number;
        const pyQ = potQ[top] as number;
        const end = start[top + 1] as number;
        for (let e = start[top] as number; e < end; e++) {
          const j = tutor[e] as number;
          const u = n + j;
          const st = mark[u] as number;
          if (st === settledMark) continue; // includes the tutee's own tutor
          const c = cost[e] as number;
          const nP = tP + pyP - (potP[u] as number);
          const nQ = tQ + c + pyQ - (potQ[u] as number);
          if (st !== seenMark) {
            mark[u] = seenMark;
            siftUp(u, nP, nQ, heapSize++);
          } else {
            const oP = distP[u] as number;
            if (!(nP < oP || (nP === oP && nQ < (distQ[u] as number)))) continue;
            siftUp(u, nP, nQ, heapPos[u] as number);
          }
          distP[u] = nP;
          distQ[u] = nQ;
          viaTutee[j] = top;
          viaCost[j] = c;
        }
      } else {
        const puP = potP[top] as number;
        const puQ = potQ[top] as number;
        for (let y = head[top - n] as number; y >= 0; y = nextHeld[y] as number) {
          push(y, tP + puP - (potP[y] as number), tQ - (heldCost[y] as number) + puQ - (potQ[y] as number));
        }
      }
    }
    const dP = distP[x] as number;
    const dQ = distQ[x] as number;
    for (let k = 0; k < nSettled; k++) {
      const v = settled[k] as number;
      potP[v] = (potP[v] as number) + (distP[v] as number) - dP;
      potQ[v] = (potQ[v] as number) + (distQ[v] as number) - dQ;
    }
    sinkP -= dP;
    sinkQ -= dQ;

    // Walk back from x to the sink: each tutor on the path takes the tutee that reached it.
    unlink(x, held);
    tutorOf[x] = -1;
    let j = held;
    for (;;) {
      const y = viaTutee[j] as number;
      if (y < 0) {
        const l = (load[j] as number) - 1;
        load[j] = l;
        nextUnit[j] = loadCostOf(net, j, l);
        return;
      }
      const from = tutorOf[y] as number;
      if (from >= 0) unlink(y, from);
      tutorOf[y] = j;
      heldCost[y] = viaCost[j] as number;
      link(y, j);
      if (from < 0) return; // y was dropped and is assigned again
      j = from;
    }
  };

  return {
    augment,
    release,
    setNetwork(next: Network) {
      net = next;
      start = next.start;
      tutor = next.tutor;
      cost = next.cost;
    },
    flow: () => ({ tutorOf, pairCost: heldCost, potP, potQ, sinkP, sinkQ }),
  };
}
