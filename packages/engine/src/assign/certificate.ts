import { fromScaled } from './integer.ts';
import { loadCostOf, type Network } from './network.ts';

/**
 * Node potentials of a solve: pairs (primary, secondary) compared lexicographically, tutee `i` at
 * index `i`, tutor `j` at `nTutees + j`, and the sink's. `potP` null means every primary part is
 * 0 (no tutee dropped). Integers, in the network's integer costs.
 */
export interface Duals {
  potP: Float64Array | null;
  potQ: Float64Array;
  sinkP: number;
  sinkQ: number;
}

/** What {@link certifyAssignment} proved. */
export interface Certificate {
  /** Always true: a failed check throws. */
  optimal: true;
  /** False when the costs had to be rounded to integers (then optimal for the rounded costs). */
  exact: boolean;
  /** Decimal places the costs were scaled by (integer costs = costs × 10^decimals). */
  decimals: number;
  assigned: number;
  unassigned: number;
  /** Total cost of the assignment (pairs and load units), summed exactly. */
  cost: number;
  /** Pairs checked (every allowed pair; those to a tutor of capacity 0 need no bound). */
  pairsChecked: number;
  /** When `exact` is false: the answer's cost is within this of the optimum for the given costs. */
  costWithin?: number;
}

/** A solve whose result fails its optimality check: a bug, reported loudly instead of a wrong answer. */
export class CertificateError extends Error {
  constructor(message: string) {
    super(`assignment not proven optimal: ${message}`);
    this.name = 'CertificateError';
  }
}

/**
 * Checks, in exact integer arithmetic, that `tutorOf` is an optimal assignment of `net`
 * (most tutees assigned, then least cost) with `duals` as the proof; throws a
 * {@link CertificateError} otherwise. O(pairs + tutees + tutors).
 *
 * The flow network is that of the solvers (source → tutee → tutor → unit arcs → sink, one "drop"
 * arc per tutee costing (1, 0)); a flow is of least lexicographic cost exactly when some
 * potentials make every residual arc's reduced cost c + π(from) − π(to) ≥ 0. Checked:
 *
 * - feasibility: each tutee is unassigned or on one of its allowed pairs, no tutor over capacity;
 * - every pair not used: reduced cost ≥ 0; every pair used: ≤ 0 (its reverse arc ≥ 0);
 * - every drop arc: ≥ 0 when the tutee is assigned, ≤ 0 when it is not;
 * - per tutor with load L: its L-th unit arc ≤ 0 and its (L+1)-th ≥ 0 (load costs are
 *   non-decreasing, so all used units are ≤ 0 and all unused ≥ 0).
 *
 * Pairs to a tutor of capacity 0 lie on no cycle (nothing leaves that tutor), so they are skipped.
 * Sums are computed in doubles while they are safe integers, else in BigInt: never rounded.
 */
export function certifyAssignment(net: Network, tutorOf: Int32Array, duals: Duals): Certificate {
  const { nTutees: n, nTutors: m, capacity, start, tutor, cost } = net;
  const { potQ, sinkP, sinkQ } = duals;
  const potP = duals.potP ?? new Float64Array(n + m);
  const fail = (message: string): never => {
    throw new CertificateError(message);
  };
  if (tutorOf.length !== n) fail(`${tutorOf.length} tutees in the answer, ${n} in the input`);
  if (potQ.length < n + m || potP.length < n + m) fail('potentials missing');
  let maxPot = Math.abs(sinkQ);
  for (let v = 0; v < n + m; v++) {
    const q = potQ[v] as number;
    if (!Number.isInteger(q)) fail(`potential ${q} of node ${v} is not an integer`);
    if (!Number.isSafeInteger(potP[v])) fail(`primary potential of node ${v}`);
    maxPot = Math.max(maxPot, Math.abs(q));
  }
  if (!Number.isInteger(sinkQ) || !Number.isSafeInteger(sinkP)) fail('sink potential');
  let maxCost = 0;
  for (let e = 0; e < cost.length; e++) {
    const c = cost[e] as number;
    if (!Number.isInteger(c)) fail(`cost ${c} is not an integer`);
    maxCost = Math.max(maxCost, Math.abs(c));
  }
  // When |c| + 2·max|π| is a safe integer, c + π(i) − π(j) is computed exactly in doubles for
  // every pair (the fast loop); otherwise each sum is checked and redone in BigInt when needed.
  const plain = maxCost + 2 * maxPot <= Number.MAX_SAFE_INTEGER;

  const load = new Int32Array(m);
  let assigned = 0;
  let total = 0;
  let bigTotal: bigint | null = null;
  const add = (c: number) => {
    if (bigTotal !== null) {
      bigTotal += BigInt(c);
      return;
    }
    const t = total + c;
    if (Number.isSafeInteger(t)) total = t;
    else bigTotal = BigInt(total) + BigInt(c);
  };
  let pairsChecked = 0;
  for (let i = 0; i < n; i++) {
    const held = tutorOf[i] as number;
    if (held < -1 || held >= m) fail(`tutee ${i} has tutor ${held}`);
    const pi = potP[i] as number;
    const qi = potQ[i] as number;
    const from = start[i] as number;
    const end = start[i + 1] as number;
    // Every pair not used: reduced cost ≥ 0 (primary first). The used one is checked below.
    let usedAt = -1;
    for (let e = from; e < end; e++) {
      const j = tutor[e] as number;
      if (j === held) {
        usedAt = e;
        continue;
      }
      if ((capacity[j] as number) === 0) continue;
      const u = n + j;
      const rP = pi - (potP[u] as number);
      if (rP > 0) continue;
      if (rP < 0) fail(`pair ${i}–${j} would assign one more tutee`);
      const c = cost[e] as number;
      if (plain ? c + qi - (potQ[u] as number) < 0 : sign(c, qi, potQ[u] as number) < 0) {
        fail(`pair ${i}–${j} has a negative reduced cost: a cheaper assignment exists`);
      }
    }
    pairsChecked += end - from;
    if (held >= 0) {
      if (usedAt < 0 || (capacity[held] as number) === 0) {
        fail(`tutee ${i} assigned to tutor ${held} without an allowed pair`);
      }
      // Used: its reverse arc must be non-negative, i.e. reduced cost ≤ 0.
      const c = cost[usedAt] as number;
      const u = n + held;
      const rP = pi - (potP[u] as number);
      if (rP > 0 || (rP === 0 && sign(c, qi, potQ[u] as number) > 0))
        fail(`used pair ${i}–${held} not tight`);
      add(c);
    }
    // Drop arc (1, 0) from the tutee to the sink.
    const dP = 1 + pi - sinkP;
    const dQ = sign(0, qi, sinkQ);
    if (held >= 0) {
      assigned++;
      load[held] = (load[held] as number) + 1;
      if (dP < 0 || (dP === 0 && dQ < 0)) fail(`dropping tutee ${i} would be cheaper`);
    } else if (dP > 0 || (dP === 0 && dQ > 0)) fail(`dropped tutee ${i} not on a tight arc`);
  }
  for (let j = 0; j < m; j++) {
    const l = load[j] as number;
    const cap = capacity[j] as number;
    if (l > cap) fail(`tutor ${j} holds ${l} tutees, capacity ${cap}`);
    if (cap === 0) continue;
    const u = n + j;
    const rP = (potP[u] as number) - sinkP;
    const qu = potQ[u] as number;
    if (l > 0) {
      const c = loadCostOf(net, j, l - 1);
      for (let k = 0; k < l; k++) add(loadCostOf(net, j, k));
      if (rP > 0 || (rP === 0 && sign(c, qu, sinkQ) > 0)) fail(`tutor ${j}'s last unit not tight`);
    }
    if (l < cap) {
      const r = sign(loadCostOf(net, j, l), qu, sinkQ);
      if (rP < 0 || (rP === 0 && r < 0)) fail(`tutor ${j}'s next unit has a negative reduced cost`);
    }
  }
  const decimals = Math.round(Math.log10(net.scale));
  const certificate: Certificate = {
    optimal: true,
    exact: net.exact,
    decimals,
    assigned,
    unassigned: n - assigned,
    cost: fromScaled(bigTotal ?? total, decimals),
    pairsChecked,
  };
  if (!net.exact) certificate.costWithin = (2 * n) / net.scale;
  return certificate;
}

/** Sign of a + b − c for integers, exactly (doubles while safe, else BigInt). */
function sign(a: number, b: number, c: number): number {
  const s = a + b;
  if (Number.isSafeInteger(s)) {
    const t = s - c;
    if (Number.isSafeInteger(t)) return t;
  }
  const r = BigInt(a) + BigInt(b) - BigInt(c);
  return r > 0n ? 1 : r < 0n ? -1 : 0;
}
