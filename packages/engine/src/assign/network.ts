/**
 * The assignment problem in index form, as the solver works on it: tutees `0…nTutees-1`, tutors
 * `0…nTutors-1`, allowed pairs in compressed rows by tutee (CSR), everything in typed arrays so
 * that millions of pairs cost a few bytes each and the hot loops allocate nothing.
 */
export interface Network {
  nTutees: number;
  nTutors: number;
  /** Capacity of each tutor, already clamped to `nTutees` (more can never be used). */
  capacity: Int32Array;
  /**
   * Load costs of tutor `j` are `loadCost[loadStart[j] + k]` for `k < capacity[j]`
   * (non-decreasing in `k`); `loadStart[j] === -1` means all zero.
   */
  loadStart: Int32Array;
  loadCost: Float64Array;
  /** Pairs of tutee `i` are the indices `start[i] … start[i+1]-1` of `tutor` and `cost`. */
  start: Int32Array;
  tutor: Int32Array;
  cost: Float64Array;
  /**
   * `cost` and `loadCost` hold integers: the input's costs × `scale` (10^decimals), so that every
   * sum and comparison the solvers make is exact (see `integer.ts`). 1 for integer costs.
   */
  scale: number;
  /**
   * Whether every input cost is exactly its integer / `scale`. False only when the input's costs
   * carry more digits than double precision can hold together (e.g. float noise such as
   * 0.30000000000000004): they are then rounded to the grid 1 / scale (≤ 1e-9), and the answer is
   * exact for the rounded costs.
   */
  exact: boolean;
}

/** Cost of the (k+1)-th tutee given to tutor `j`. */
export function loadCostOf(net: Network, j: number, k: number): number {
  const s = net.loadStart[j] as number;
  return s < 0 ? 0 : (net.loadCost[s + k] as number);
}
