import { type Certificate, certifyAssignment, type Duals } from './certificate.ts';
import { denseAssignment } from './dense.ts';
import type { Network } from './network.ts';
import { createFlowSolver, type Flow, successiveShortestPaths } from './ssp.ts';

export interface OptimalOptions {
  /**
   * How many of each tutee's cheapest pairs the first solve uses when the graph is dense; the
   * answer is exact whatever the value, only the time changes. Default 16.
   */
  candidates?: number;
  /**
   * Graphs with at most this many pairs (or at most 2 × candidates per tutee) are solved whole,
   * which is as fast at that size. Default 50,000.
   */
  wholeGraphUpTo?: number;
  /**
   * Whether a complete graph solved whole whose capacities hold every tutee goes to the dense
   * solver ({@link denseAssignment}); default true. Same optimum, only the time changes.
   */
  dense?: boolean;
  /**
   * Forces one solver path (tests, benchmarks): `'dense'` (complete graphs with room for every
   * tutee only; throws otherwise), `'whole'` or `'candidates'` (even on small graphs).
   */
  path?: SolverPath;
}

export type SolverPath = 'dense' | 'whole' | 'candidates';

export interface OptimalResult {
  /** Tutor of each tutee, −1 when unassigned. */
  tutorOf: Int32Array;
  /** Cost of the pair (tutee, its tutor), for assigned tutees. */
  pairCost: Float64Array;
  /** Number of solves: 1 when the first candidate set already held an optimum. */
  rounds: number;
  /** Pairs the last solve used. */
  pairsUsed: number;
  /** Tutees routed again after a check, without solving afresh (summed over rounds). */
  rerouted: number;
  /** The path that produced the answer. */
  path: SolverPath;
  /** The optimality check every path ends with ({@link certifyAssignment}). */
  certificate: Certificate;
  /** Milliseconds the check took. */
  certifyMs: number;
  /** The potentials that prove the answer optimal (the certificate's input). */
  duals: Duals;
}

/**
 * Exact lexicographic optimum (most tutees assigned, then least total cost) of `net`.
 *
 * Graphs of at most `wholeGraphUpTo` pairs are solved whole: by {@link denseAssignment} when every
 * pair is allowed and the capacities hold every tutee, else by {@link successiveShortestPaths}.
 * (packages/engine/README.md compares the three paths.)
 *
 * On a dense graph (many pairs per tutee) the optimum mostly uses cheap pairs, so it first solves
 * on a candidate subgraph (each tutee's `candidates` cheapest pairs, each tutor's 2·capacity + 2
 * cheapest) with {@link successiveShortestPaths}, then checks the optimality certificate (the
 * potentials) against every pair of the full graph. Pairs with negative reduced cost (at most
 * `candidates` per tutee and round, the most negative first) join the candidate set, and the
 * tutees that gained pairs are routed again (released and re-augmented when they are few, else
 * the subgraph is solved afresh; when over a third of the tutees gained pairs, the whole graph is
 * solved instead). When no negative pair is left, no residual cycle of the full
 * graph is negative, so the flow is optimal on the full graph too. The candidate set only grows,
 * so this ends, at worst with the full graph. Costs are integers (`net.scale`), so "negative" is
 * exact: no tolerance.
 *
 * Every path ends with {@link certifyAssignment}: the potentials are checked against every pair of
 * the full graph in exact arithmetic, and a failure throws instead of returning a wrong answer.
 *
 * Cost: O(E log k) to pick the candidates, O(E) per check, plus the solves on candidate graphs.
 * Fast when costs have locality (distances: each tutee's optimum is among its cheap pairs); slow
 * when all tutees prefer the same few tutors (long augmenting paths, several rounds).
 */
export function optimalAssignment(net: Network, options: OptimalOptions = {}): OptimalResult {
  const solved = solve(net, options);
  const t = performance.now();
  const certificate = certifyAssignment(net, solved.tutorOf, solved.duals);
  const certifyMs = performance.now() - t;
  return { ...solved, certificate, certifyMs };
}

type Solved = Omit<OptimalResult, 'certificate' | 'certifyMs'>;

function solve(net: Network, options: OptimalOptions): Solved {
  const k = Math.max(1, Math.floor(options.candidates ?? 16));
  const n = net.nTutees;
  const total = net.tutor.length;
  const forced = options.path;
  if (forced === 'dense') {
    const dense = denseAssignment(net, 16, false);
    if (!dense) throw new Error('the dense solver needs a complete graph with room for every tutee');
    return { ...dense, rounds: 1, pairsUsed: total, rerouted: 0, path: 'dense' };
  }
  if (forced === 'whole') return whole(net, 1, 0);
  if (forced !== 'candidates' && total <= Math.max(2 * k * n, options.wholeGraphUpTo ?? 50_000)) {
    const dense = options.dense === false ? null : denseAssignment(net);
    if (dense) return { ...dense, rounds: 1, pairsUsed: total, rerouted: 0, path: 'dense' };
    return whole(net, 1, 0);
  }

  const candidates = new Candidates(net, k);
  let sub = candidates.network();
  let solver = createFlowSolver(sub);
  for (let s = 0; s < n; s++) solver.augment(s);
  let rerouted = 0;
  for (let rounds = 1; ; rounds++) {
    const flow = solver.flow();
    const changed = candidates.addNegativePairs(flow);
    if (changed.length === 0) {
      return {
        tutorOf: flow.tutorOf,
        pairCost: flow.pairCost,
        duals: flow,
        rounds,
        pairsUsed: sub.tutor.length,
        rerouted,
        path: 'candidates',
      };
    }
    if (changed.length * 3 > n) {
      // Most tutees want pairs outside the candidates (e.g. all favour the same few tutors):
      // the subgraph does not help, solve the whole graph.
      return whole(net, rounds + 1, rerouted);
    }
    if (changed.length * 32 <= n) {
      // Few tutees gained pairs: route only them again (each release searches much of the
      // graph, so for many of them solving afresh is cheaper).
      for (const i of changed) solver.release(i);
      sub = candidates.network();
      solver.setNetwork(sub);
      for (const i of changed) solver.augment(i);
      rerouted += changed.length;
    } else {
      sub = candidates.network();
      solver = createFlowSolver(sub);
      for (let s = 0; s < n; s++) solver.augment(s);
    }
  }
}

function whole(net: Network, rounds: number, rerouted: number): Solved {
  const flow = successiveShortestPaths(net);
  return {
    tutorOf: flow.tutorOf,
    pairCost: flow.pairCost,
    duals: flow,
    rounds,
    pairsUsed: net.tutor.length,
    rerouted,
    path: 'whole',
  };
}

/**
 * Per tutee, the pairs (indices into the full network) the next solve may use: the tutee's k
 * cheapest pairs, and for every tutor its 2·capacity + 2 cheapest pairs, so that the capacity of
 * every tutor is within reach even when all tutees favour the same few. Ties in cost are broken
 * by a hash of the pair, so that equal costs do not all pick the same tutors.
 */
class Candidates {
  /** `k` slots per tutee, −1 when the tutee has fewer usable pairs. */
  private readonly cheapest: Int32Array;
  private readonly extra: (number[] | undefined)[];
  // Scratch for selections of the best k of a row, and a per-tutor mark.
  private readonly heap: BoundedHeaps;
  private readonly mark: Int32Array;

  private readonly net: Network;
  private readonly k: number;
  constructor(net: Network, k: number) {
    this.net = net;
    this.k = k;
    const { nTutees: n, nTutors: m, start, cost, tutor, capacity } = net;
    this.cheapest = new Int32Array(n * k).fill(-1);
    this.extra = new Array(n);
    this.heap = new BoundedHeaps(k);
    this.mark = new Int32Array(m).fill(-1);

    // Tutor side: one bounded heap per tutor, all in flat arrays.
    const base = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) {
      const c = capacity[j] as number;
      base[j + 1] = (base[j] as number) + (c > 0 ? Math.min(n, 2 * c + 2) : 0);
    }
    const byTutor = new BoundedHeaps(base[m] as number);
    const size = new Int32Array(m);

    const row = this.heap;
    const rowKeys = row.keys;
    for (let i = 0; i < n; i++) {
      let rowSize = 0;
      const end = start[i + 1] as number;
      for (let e = start[i] as number; e < end; e++) {
        const j = tutor[e] as number;
        const at = base[j] as number;
        const room = (base[j + 1] as number) - at;
        if (room === 0) continue; // capacity 0
        const c = cost[e] as number;
        // Most pairs cost more than the worst kept on both sides: skip them without hashing.
        const full = rowSize === k;
        const sj = size[j] as number;
        if (full && c > (rowKeys[0] as number) && sj === room && c > (byTutor.keys[at] as number)) continue;
        const tie = pairHash(e);
        rowSize = row.offer(0, k, rowSize, c, tie, e);
        size[j] = byTutor.offer(at, room, sj, c, tie, e);
      }
      for (let t = 0; t < rowSize; t++) this.cheapest[i * k + t] = row.items[t] as number;
    }

    // Tutor-side picks that are not among their tutee's cheapest join its extra list.
    const picked: number[] = [];
    for (let j = 0; j < m; j++) {
      const at = base[j] as number;
      for (let t = 0; t < (size[j] as number); t++) picked.push(byTutor.items[at + t] as number);
    }
    picked.sort((a, b) => a - b); // pair indices are grouped by tutee
    let p = 0;
    for (let i = 0; i < n && p < picked.length; i++) {
      const end = start[i + 1] as number;
      if ((picked[p] as number) >= end) continue;
      this.markCandidates(i);
      for (; p < picked.length && (picked[p] as number) < end; p++) {
        const e = picked[p] as number;
        if (this.mark[tutor[e] as number] === i) continue;
        let list = this.extra[i];
        if (!list) {
          list = [];
          this.extra[i] = list;
        }
        list.push(e);
      }
    }
  }

  /** Marks the tutors of tutee i's current candidates with i. */
  private markCandidates(i: number) {
    const { k, cheapest, extra, mark, net } = this;
    for (let s = i * k; s < (i + 1) * k && (cheapest[s] as number) >= 0; s++) {
      mark[net.tutor[cheapest[s] as number] as number] = i;
    }
    const more = extra[i];
    if (more) for (const e of more) mark[net.tutor[e] as number] = i;
  }

  /** The sub-network of the current candidates. */
  network(): Network {
    const { net, k, cheapest, extra } = this;
    const n = net.nTutees;
    let count = 0;
    for (let i = 0; i < n; i++) {
      for (let s = i * k; s < (i + 1) * k && (cheapest[s] as number) >= 0; s++) count++;
      count += extra[i]?.length ?? 0;
    }
    const start = new Int32Array(n + 1);
    const tutor = new Int32Array(count);
    const cost = new Float64Array(count);
    let at = 0;
    const put = (e: number) => {
      tutor[at] = net.tutor[e] as number;
      cost[at] = net.cost[e] as number;
      at++;
    };
    for (let i = 0; i < n; i++) {
      start[i] = at;
      for (let s = i * k; s < (i + 1) * k && (cheapest[s] as number) >= 0; s++) put(cheapest[s] as number);
      for (const e of extra[i] ?? []) put(e);
    }
    start[n] = at;
    return { ...net, start, tutor, cost };
  }

  /**
   * Adds, per tutee, up to k pairs of the full network that are not candidates yet and whose
   * reduced cost under `flow`'s potentials is negative (most negative first). Returns the tutees
   * that gained pairs.
   */
  addNegativePairs(flow: Flow): number[] {
    const { net, k, extra, mark, heap } = this;
    const { nTutees: n, start, tutor, cost, capacity } = net;
    const { potP, potQ } = flow;
    const changed: number[] = [];
    for (let i = 0; i < n; i++) {
      this.markCandidates(i);
      const piP = potP[i] as number;
      const piQ = potQ[i] as number;
      let size = 0;
      const end = start[i + 1] as number;
      for (let e = start[i] as number; e < end; e++) {
        const j = tutor[e] as number;
        const rP = piP - (potP[n + j] as number);
        if (rP > 0) continue;
        const rQ = (cost[e] as number) + piQ - (potQ[n + j] as number);
        // Integer costs and potentials: exact (the final certificate re-checks in any case).
        if (rP === 0 && rQ >= 0) continue;
        if (mark[j] === i || (capacity[j] as number) === 0) continue;
        // A negative primary part (a pair that would assign one more tutee) outranks any cost.
        size = heap.offer(0, k, size, rP < 0 ? Number.NEGATIVE_INFINITY : rQ, pairHash(e), e);
      }
      if (size === 0) continue;
      const list = extra[i] ?? [];
      for (let t = 0; t < size; t++) list.push(heap.items[t] as number);
      extra[i] = list;
      changed.push(i);
    }
    return changed;
  }
}

/**
 * Max-heaps of bounded size that keep the entries with the smallest (key, tie), stored in flat
 * arrays so that many heaps (one per tutor) share them: heap h occupies [at, at + room).
 */
class BoundedHeaps {
  readonly keys: Float64Array;
  readonly ties: Float64Array;
  readonly items: Int32Array;

  constructor(length: number) {
    this.keys = new Float64Array(length);
    this.ties = new Float64Array(length);
    this.items = new Int32Array(length);
  }

  /** Offers an entry to the heap at `at` with `size` entries of `room`; returns the new size. */
  offer(at: number, room: number, size: number, key: number, tie: number, item: number): number {
    const { keys, ties, items } = this;
    let i: number;
    if (size < room) {
      i = size;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const pk = keys[at + parent] as number;
        if (pk > key || (pk === key && (ties[at + parent] as number) > tie)) break;
        keys[at + i] = pk;
        ties[at + i] = ties[at + parent] as number;
        items[at + i] = items[at + parent] as number;
        i = parent;
      }
    } else {
      const top = keys[at] as number;
      if (key > top || (key === top && tie >= (ties[at] as number))) return size;
      i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= room) break;
        if (child + 1 < room) {
          const a = keys[at + child] as number;
          const b = keys[at + child + 1] as number;
          if (b > a || (b === a && (ties[at + child + 1] as number) > (ties[at + child] as number))) child++;
        }
        const ck = keys[at + child] as number;
        if (ck < key || (ck === key && (ties[at + child] as number) < tie)) break;
        keys[at + i] = ck;
        ties[at + i] = ties[at + child] as number;
        items[at + i] = items[at + child] as number;
        i = child;
      }
    }
    keys[at + i] = key;
    ties[at + i] = tie;
    items[at + i] = item;
    return size < room ? size + 1 : size;
  }
}

/** A fixed pseudo-random number per pair, to break ties in cost without favouring low indices. */
function pairHash(e: number): number {
  let h = Math.imul(e ^ (e >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
