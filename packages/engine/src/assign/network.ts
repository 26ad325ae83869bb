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
}

/** Cost of the (k+1)-th tutee given to tutor `j`. */
export function loadCostOf(net: Network, j: number, k: number): number {
  const s = net.loadStart[j] as number;
  return s < 0 ? 0 : (net.loadCost[s + k] as number);
}
