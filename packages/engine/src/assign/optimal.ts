import type { Network } from './network.ts';
import { type Flow, successiveShortestPaths } from './ssp.ts';

export interface OptimalOptions {
  /**
   * How many of each tutee's cheapest pairs the first solve uses when the graph is dense; the
   * answer is exact whatever the value, only the time changes. Default 16.
   */
  candidates?: number;
}

export interface OptimalResult {
  /** Tutor of each tutee, −1 when unassigned. */
  tutorOf: Int32Array;
  /** Cost of the pair (tutee, its tutor), for assigned tutees. */
  pairCost: Float64Array;
  /** Number of solves: 1 when the first candidate set already held an optimum. */
  rounds: number;
  /** Pairs the last solve used. */
  pairsUsed: number;
}

/**
 * Exact lexicographic optimum (most tutees assigned, then least total cost) of `net`.
 *
 * On a dense graph (many pairs per tutee) the optimum mostly uses cheap pairs, so it first solves
 * on each tutee's `candidates` cheapest pairs with {@link successiveShortestPaths}, then checks
 * the optimality certificate (the potentials) against every pair of the full graph. Pairs with
 * negative reduced cost (at most `candidates` per tutee and round, the most negative first) join
 * the candidate set and the solve is repeated. When none is left, no residual cycle of the full
 * graph is negative, so the flow is optimal on the full graph too. The candidate set only grows,
 * so this ends, at worst with the full graph. A pair counts as negative below −1e-11 × the largest
 * absolute cost, far inside the contract's 1e-9 relative.
 *
 * Cost: O(E log k) to pick the candidates, O(E) per check, plus the solves on candidate graphs.
 */
export function optimalAssignment(net: Network, options: OptimalOptions = {}): OptimalResult {
  const k = Math.max(1, Math.floor(options.candidates ?? 16));
  const n = net.nTutees;
  const total = net.tutor.length;
  if (total <= 2 * k * n) {
    const { tutorOf, pairCost } = successiveShortestPaths(net);
    return { tutorOf, pairCost, rounds: 1, pairsUsed: total };
  }

  const candidates = new Candidates(net, k);
  const tolerance = 1e-11 * costScale(net);
  for (let rounds = 1; ; rounds++) {
    const sub = candidates.network();
    const flow = successiveShortestPaths(sub);
    if (candidates.addNegativePairs(flow, tolerance) === 0) {
      return { tutorOf: flow.tutorOf, pairCost: flow.pairCost, rounds, pairsUsed: sub.tutor.length };
    }
  }
}

/** Per tutee, the pairs (indices into the full network) the next solve may use. */
class Candidates {
  /** `k` slots per tutee, −1 when the tutee has fewer usable pairs. */
  private readonly cheapest: Int32Array;
  private readonly extra: (number[] | undefined)[];
  // Scratch: a heap of (key, pair) for the best-k selections, and a per-tutor mark.
  private readonly heapKey: Float64Array;
  private readonly heapPair: Int32Array;
  private readonly mark: Int32Array;

  constructor(
    private readonly net: Network,
    private readonly k: number,
  ) {
    this.cheapest = new Int32Array(net.nTutees * k).fill(-1);
    this.extra = new Array(net.nTutees);
    this.heapKey = new Float64Array(k);
    this.heapPair = new Int32Array(k);
    this.mark = new Int32Array(net.nTutors).fill(-1);
    // The k cheapest usable pairs of each row, kept in a max-heap by cost.
    const { start, cost, tutor, capacity } = net;
    const hk = this.heapKey;
    const hp = this.heapPair;
    for (let i = 0; i < net.nTutees; i++) {
      let size = 0;
      const end = start[i + 1] as number;
      for (let e = start[i] as number; e < end; e++) {
        const c = cost[e] as number;
        if (size === k) {
          if (c >= (hk[0] as number) || (capacity[tutor[e] as number] as number) === 0) continue;
          // Replace the most expensive kept pair and sift it down.
          let at = 0;
          for (;;) {
            let child = 2 * at + 1;
            if (child >= k) break;
            if (child + 1 < k && (hk[child + 1] as number) > (hk[child] as number)) child++;
            if ((hk[child] as number) <= c) break;
            hk[at] = hk[child] as number;
            hp[at] = hp[child] as number;
            at = child;
          }
          hk[at] = c;
          hp[at] = e;
        } else if ((capacity[tutor[e] as number] as number) > 0) {
          let at = size++;
          while (at > 0) {
            const parent = (at - 1) >> 1;
            if ((hk[parent] as number) >= c) break;
            hk[at] = hk[parent] as number;
            hp[at] = hp[parent] as number;
            at = parent;
          }
          hk[at] = c;
          hp[at] = e;
        }
      }
      const slot = i * k;
      for (let t = 0; t < size; t++) this.cheapest[slot + t] = hp[t] as number;
    }
  }

  /** Keeps the k smallest keys seen (a max-heap on key); returns the new size. */
  private offer(size: number, key: number, pair: number): number {
    const { heapKey: hk, heapPair: hp, k } = this;
    if (size < k) {
      let at = size;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if ((hk[parent] as number) >= key) break;
        hk[at] = hk[parent] as number;
        hp[at] = hp[parent] as number;
        at = parent;
      }
      hk[at] = key;
      hp[at] = pair;
      return size + 1;
    }
    if (key >= (hk[0] as number)) return size;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= k) break;
      if (child + 1 < k && (hk[child + 1] as number) > (hk[child] as number)) child++;
      if ((hk[child] as number) <= key) break;
      hk[at] = hk[child] as number;
      hp[at] = hp[child] as number;
      at = child;
    }
    hk[at] = key;
    hp[at] = pair;
    return size;
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
   * reduced cost under `flow`'s potentials is negative (most negative first). Returns how many.
   */
  addNegativePairs(flow: Flow, tolerance: number): number {
    const { net, k, cheapest, extra, mark, heapPair } = this;
    const { nTutees: n, start, tutor, cost, capacity } = net;
    const { potP, potQ } = flow;
    let added = 0;
    for (let i = 0; i < n; i++) {
      for (let s = i * k; s < (i + 1) * k && (cheapest[s] as number) >= 0; s++) {
        mark[tutor[cheapest[s] as number] as number] = i;
      }
      const more = extra[i];
      if (more) for (const e of more) mark[tutor[e] as number] = i;
      const piP = potP[i] as number;
      const piQ = potQ[i] as number;
      let size = 0;
      const end = start[i + 1] as number;
      for (let e = start[i] as number; e < end; e++) {
        const j = tutor[e] as number;
        const rP = piP - (potP[n + j] as number);
        if (rP > 0) continue;
        const rQ = (cost[e] as number) + piQ - (potQ[n + j] as number);
        if (rP === 0 && rQ >= -tolerance) continue;
        if (mark[j] === i || (capacity[j] as number) === 0) continue;
        // A negative primary part (a pair that would assign one more tutee) outranks any cost.
        size = this.offer(size, rP < 0 ? Number.NEGATIVE_INFINITY : rQ, e);
      }
      if (size === 0) continue;
      const list = more ?? [];
      for (let t = 0; t < size; t++) list.push(heapPair[t] as number);
      extra[i] = list;
      added += size;
    }
    return added;
  }
}

function costScale(net: Network): number {
  let scale = 0;
  for (let e = 0; e < net.cost.length; e++) scale = Math.max(scale, Math.abs(net.cost[e] as number));
  for (let e = 0; e < net.loadCost.length; e++) scale = Math.max(scale, Math.abs(net.loadCost[e] as number));
  return scale;
}
