import type { Certificate } from './certificate.ts';
import { type AssignInput, readAssignInput } from './input.ts';
import { decimalPlaces } from './integer.ts';
import type { Network } from './network.ts';
import { type OptimalOptions, optimalAssignment, type SolverPath } from './optimal.ts';

export type { AssignEdge, AssignInput, AssignTutor } from './input.ts';

/** Output of `assign` (shared/formats/ENGINE-CLI.md). */
export interface AssignOutput {
  /** Number of assigned tutees: the largest possible. */
  assigned: number;
  /** Sum of the chosen pairs' costs and of the tutors' load costs: the least possible for that number. */
  cost: number;
  /** One entry per assigned tutee, in the input order of tutees. */
  assignment: { tutee: string; tutor: string }[];
  /** Ids of the other tutees, in input order. */
  unassigned: string[];
}

/**
 * Capacitated minimum-cost assignment. Among all assignments that use only listed pairs and give
 * no tutor more tutees than its capacity, returns one with the **largest number of assigned
 * tutees** and, among those, the **least total cost** (pair costs, which may be negative, plus
 * convex load costs) — an exact optimum, not a heuristic (see {@link optimalAssignment} and
 * successiveShortestPaths for the proof and the complexity), checked by
 * {@link certifyAssignment} before it is returned (a failed check throws a CertificateError).
 *
 * Validates `input` first and throws an InputError naming the offending field (JSON pointer).
 * Costs are solved as integers (× 10^decimals); the reported cost is the exact decimal sum
 * (0.1 + 0.2 gives 0.3).
 */
export function solveAssignment(input: AssignInput, options: OptimalOptions = {}): AssignOutput {
  return solveAndCertify(input, options).output;
}

/** {@link solveAssignment}, with the certificate that proved the answer optimal and the path used. */
export function solveAndCertify(
  input: AssignInput,
  options: OptimalOptions = {},
): { output: AssignOutput; certificate: Certificate & { path: SolverPath; rounds: number } } {
  const { tuteeIds, tutorIds, net, original } = readAssignInput(input, keptArrays);
  const result = optimalAssignment(net, options);
  const { tutorOf, certificate } = result;

  const assignment: { tutee: string; tutor: string }[] = [];
  const unassigned: string[] = [];
  for (let i = 0; i < net.nTutees; i++) {
    const j = tutorOf[i] as number;
    const tutee = tuteeIds[i] as string;
    if (j < 0) unassigned.push(tutee);
    else assignment.push({ tutee, tutor: tutorIds[j] as string });
  }
  // Exact costs: the certificate's exact total. Rounded ones: the total of the given costs.
  const cost = original ? givenCost(net, tutorOf, original) : certificate.cost;
  return {
    output: { assigned: assignment.length, cost, assignment, unassigned },
    certificate: { ...certificate, path: result.path, rounds: result.rounds },
  };
}

/** Total of the input's own costs (before rounding) for the assignment. */
function givenCost(
  net: Network,
  tutorOf: Int32Array,
  original: { cost: Float64Array; loadCost: Float64Array },
): number {
  const terms: number[] = [];
  const load = new Int32Array(net.nTutors);
  for (let i = 0; i < net.nTutees; i++) {
    const j = tutorOf[i] as number;
    if (j < 0) continue;
    const end = net.start[i + 1] as number;
    for (let e = net.start[i] as number; e < end; e++) {
      if (net.tutor[e] === j) terms.push(original.cost[e] as number);
    }
    const s = net.loadStart[j] as number;
    if (s >= 0) terms.push(original.loadCost[s + (load[j] as number)] as number);
    load[j] = (load[j] as number) + 1;
  }
  return sum(terms);
}

/**
 * The edge arrays of the previous solve, lent to the next one. A large solve (millions of pairs)
 * would otherwise allocate tens of megabytes outside the JavaScript heap each time, and that much
 * makes the garbage collector run a full collection, which walks the caller's whole input (about
 * half a second for 4.8 million pairs). Held weakly: the collector may take them back whenever it
 * runs. Lending is safe because a solve is synchronous and keeps nothing that refers to them.
 */
let kept: WeakRef<{ tutor: Int32Array; cost: Float64Array }> | undefined;

function keptArrays(edges: number): { tutor: Int32Array; cost: Float64Array } {
  const last = kept?.deref();
  if (last && last.tutor.length >= edges) {
    return { tutor: last.tutor.subarray(0, edges), cost: last.cost.subarray(0, edges) };
  }
  const made = { tutor: new Int32Array(edges), cost: new Float64Array(edges) };
  kept = new WeakRef(made);
  return made;
}

/**
 * Sum of finite numbers without float noise where possible: when every term has at most 15
 * decimals and the scaled total stays a safe integer, the sum is computed in integers and is the
 * double closest to the exact decimal sum; otherwise a compensated (Neumaier) sum.
 */
export function sum(terms: readonly number[]): number {
  let decimals = 0;
  let scale = 1;
  for (const t of terms) {
    // Most terms have no more decimals than those before: checked without printing them.
    if (Math.round(t * scale) / scale === t) continue;
    decimals = Math.max(decimals, decimalPlaces(t));
    if (decimals > 15) break;
    scale = 10 ** decimals;
  }
  if (decimals <= 15) {
    let total = 0;
    let exact = true;
    for (const t of terms) {
      const scaled = Math.round(t * scale);
      total += scaled;
      if (!Number.isSafeInteger(scaled) || !Number.isSafeInteger(total)) {
        exact = false;
        break;
      }
    }
    if (exact) return total / scale;
  }
  let s = 0;
  let c = 0;
  for (const t of terms) {
    const u = s + t;
    c += Math.abs(s) >= Math.abs(t) ? s - u + t : t - u + s;
    s = u;
  }
  return s + c;
}
