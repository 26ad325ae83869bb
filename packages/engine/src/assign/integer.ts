import { InputError } from '../errors.ts';

/** How the costs were turned into integers (see {@link toIntegerCosts}). */
export interface IntegerCosts {
  /** 10^decimals: integer cost = input cost × scale. */
  scale: number;
  decimals: number;
  /** Whether every input cost is exactly its integer / scale (else rounded to 1 / scale ≤ 1e-9). */
  exact: boolean;
  /** The costs as given, kept when they had to be rounded. */
  original?: { cost: Float64Array; loadCost: Float64Array };
}

/** When costs cannot be held exactly, they may be rounded to a grid no coarser than 10^-9. */
const FEWEST_DECIMALS_WHEN_ROUNDED = 9;
/** 10^22 is the largest power of ten a double holds exactly. */
const MOST_DECIMALS = 22;

/**
 * Turns the costs (`cost` and `loadCost`, in place) into integers so that the solvers compute
 * exactly: costs × 10^d, d the most decimal places any cost has (shortest decimal form, as JSON
 * writes it). The solvers add and subtract along augmenting paths and keep node potentials; a
 * path alternates tutees and tutors, so it holds at most 2·(min(n, m) + 2) costs, and integers
 * up to `Number.MAX_SAFE_INTEGER` / that many keep every intermediate value a safe integer
 * (the certificate checks the result exactly in any case).
 *
 * - Costs with few decimals (the contract's case: integers, cents, tenths of a km): exact.
 * - Costs with more digits than fit together (float noise such as 0.30000000000000004, or 17
 *   significant digits) are rounded to the finest grid 10^-d that fits, provided d ≥ 9; `exact`
 *   is then false and the answer is optimal for the rounded costs (within 2·n·10^-d of the
 *   optimum of the given ones).
 * - Otherwise (a cost so large next to the others' decimals that even a 10^-9 grid does not fit,
 *   e.g. 1e12 next to costs with 10 decimals) an {@link InputError} names the largest cost.
 *
 * O(number of costs); nothing is rewritten when every cost is already an integer.
 * `pointerOf(index)` names cost `index` (indices past `cost.length` are load costs).
 */
export function toIntegerCosts(
  cost: Float64Array,
  loadCost: Float64Array,
  nTutees: number,
  nTutors: number,
  pointerOf: (index: number) => string,
): IntegerCosts {
  let decimals = 0;
  let scale = 1;
  let maxAbs = 0;
  let widest = -1;
  const scan = (values: Float64Array, offset: number) => {
    for (let e = 0; e < values.length; e++) {
      const x = values[e] as number;
      const a = x < 0 ? -x : x;
      if (a > maxAbs) {
        maxAbs = a;
        widest = offset + e;
      }
      // Most costs have no more decimals than those before: checked without printing them.
      if (decimals > 15 || Math.round(x * scale) / scale === x) continue;
      decimals = Math.max(decimals, decimalPlaces(x));
      scale = 10 ** Math.min(decimals, MOST_DECIMALS);
    }
  };
  scan(cost, 0);
  scan(loadCost, cost.length);
  if (maxAbs === 0) return { scale: 1, decimals: 0, exact: true };

  const headroom = 2 * (Math.min(nTutees, nTutors) + 2);
  const limit = Number.MAX_SAFE_INTEGER / headroom;
  // Most decimals that keep the largest cost within the limit.
  // (Tiny costs such as 5e-324 give an infinite logarithm: capped first.)
  let fit = Math.min(Math.floor(Math.log10(limit / maxAbs)), MOST_DECIMALS);
  while (fit > -400 && maxAbs * 10 ** fit > limit) fit--;

  let d: number;
  let original: IntegerCosts['original'];
  if (decimals <= 15 && decimals <= fit) d = decimals;
  else if (fit >= FEWEST_DECIMALS_WHEN_ROUNDED) {
    d = fit;
    original = { cost: Float64Array.from(cost), loadCost: Float64Array.from(loadCost) };
  } else {
    const largest = widest < cost.length ? cost[widest] : loadCost[widest - cost.length];
    const places = decimals > 15 ? 'more than 15 decimals' : `${decimals} decimals`;
    throw new InputError(
      pointerOf(widest),
      `costs too far apart to be compared exactly: ${largest} next to costs with ${places} ` +
        `(with ${nTutees} tutees and ${nTutors} tutors, |cost| × 10^decimals must stay below ` +
        `${Math.floor(limit)}); give fewer decimals or a smaller cost`,
    );
  }
  if (d === 0 && decimals === 0) return { scale: 1, decimals: 0, exact: true };

  scale = 10 ** d;
  let exact = true;
  const round = (values: Float64Array) => {
    for (let e = 0; e < values.length; e++) {
      const x = values[e] as number;
      const s = Math.round(x * scale);
      if (exact && s / scale !== x) exact = false;
      values[e] = s;
    }
  };
  round(cost);
  round(loadCost);
  return exact ? { scale, decimals: d, exact } : { scale, decimals: d, exact, original };
}

/** Decimal places of the shortest representation of `x` ("1.25" → 2, "3e-7" → 7). */
export function decimalPlaces(x: number): number {
  if (Number.isInteger(x)) return 0;
  const text = String(x);
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - exponent);
}

/**
 * The double nearest to `total` / 10^decimals, `total` an exact integer (a safe number or a
 * bigint): the decimal text is parsed, which rounds correctly.
 */
export function fromScaled(total: number | bigint, decimals: number): number {
  if (decimals === 0) return Number(total);
  return Number(`${total}e-${decimals}`);
}
