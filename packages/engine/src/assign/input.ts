import { InputError } from '../errors.ts';
import { toIntegerCosts } from './integer.ts';
import type { Network } from './network.ts';

/** Input of `assign` (shared/formats/ENGINE-CLI.md). */
export interface AssignInput {
  tutors: AssignTutor[];
  tutees: { id: string }[];
  edges: AssignEdge[];
}
export interface AssignTutor {
  id: string;
  /** Integer ≥ 0. */
  capacity: number;
  /** Non-decreasing, exactly `capacity` numbers; `loadCosts[k]` is paid for the (k+1)-th tutee. */
  loadCosts?: number[];
}
export interface AssignEdge {
  tutee: string;
  tutor: string;
  cost: number;
}

/** A validated input: ids by index and the network the solver works on. */
export interface IndexedAssignment {
  tuteeIds: string[];
  tutorIds: string[];
  /** All pairs, by tutee, costs as integers (see `net.scale`). */
  net: Network;
  /**
   * The input's own costs, kept only when they had to be rounded to integers (`net.exact` false),
   * so that the reported total is that of the given costs.
   */
  original?: { cost: Float64Array; loadCost: Float64Array };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function list(root: Record<string, unknown>, key: string): unknown[] {
  const value = root[key];
  if (!Array.isArray(value)) throw new InputError(`/${key}`, 'expected an array');
  return value;
}

function ids(items: unknown[], listName: string, what: string): Ids {
  const index = new Map<string, number>();
  const out: string[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isObject(item)) throw new InputError(`/${listName}/${i}`, `expected a ${what} object with an "id"`);
    const id = item.id;
    if (typeof id !== 'string' || id === '') {
      throw new InputError(`/${listName}/${i}/id`, 'expected a non-empty string');
    }
    const first = index.get(id);
    if (first !== undefined) {
      throw new InputError(
        `/${listName}/${i}/id`,
        `duplicate ${what} id "${id}" (also /${listName}/${first}/id)`,
      );
    }
    index.set(id, i);
    out[i] = id;
  }
  return { ids: out, index };
}

/**
 * Where the edges of a read are written: two arrays of exactly `edges` elements, every one of which
 * the read overwrites (so they may hold anything before).
 */
export type EdgeArrays = (edges: number) => { tutor: Int32Array; cost: Float64Array };

const freshArrays: EdgeArrays = (edges) => ({ tutor: new Int32Array(edges), cost: new Float64Array(edges) });

/**
 * Checks `value` against the `assign` contract and converts it to index form. Throws an
 * {@link InputError} naming the first offending field: ids non-empty and unique, capacity an
 * integer ≥ 0, `loadCosts` finite, non-decreasing and exactly `capacity` long, every edge naming a
 * known tutee and tutor with a finite cost, and at most one edge per (tutee, tutor) pair (a repeated
 * pair is ambiguous, so it is refused rather than guessed). O(tutors + tutees + edges).
 */
export function readAssignInput(value: unknown, arrays: EdgeArrays = freshArrays): IndexedAssignment {
  if (!isObject(value)) throw new InputError('', 'expected an object with "tutors", "tutees" and "edges"');
  const tutorItems = list(value, 'tutors');
  const tuteeItems = list(value, 'tutees');
  const edgeItems = list(value, 'edges');
  const tutors = ids(tutorItems, 'tutors', 'tutor');
  const tutees = ids(tuteeItems, 'tutees', 'tutee');
  const n = tuteeItems.length;
  const m = tutorItems.length;

  const capacity = new Int32Array(m);
  const loadStart = new Int32Array(m).fill(-1);
  const loads: number[] = [];
  for (let j = 0; j < m; j++) {
    const t = tutorItems[j] as Record<string, unknown>;
    const cap = t.capacity;
    if (typeof cap !== 'number' || !Number.isSafeInteger(cap) || cap < 0) {
      throw new InputError(`/tutors/${j}/capacity`, 'expected an integer ≥ 0');
    }
    capacity[j] = Math.min(cap, n);
    const lc = t.loadCosts;
    if (lc === undefined) continue;
    const at = `/tutors/${j}/loadCosts`;
    if (!Array.isArray(lc))
      throw new InputError(at, 'expected an array of numbers, one per unit of capacity');
    if (lc.length !== cap) {
      throw new InputError(
        at,
        `expected exactly ${cap} numbers (one per unit of capacity), got ${lc.length}`,
      );
    }
    loadStart[j] = loads.length;
    for (let k = 0; k < lc.length; k++) {
      const x = lc[k];
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new InputError(`${at}/${k}`, 'expected a finite number');
      if (k > 0 && x < (lc[k - 1] as number)) {
        throw new InputError(
          `${at}/${k}`,
          `expected a non-decreasing list: ${x} is less than the previous ${lc[k - 1]}`,
        );
      }
      if (k < (capacity[j] as number)) loads.push(x);
    }
  }

  const { tutor, cost, start } = readEdges(edgeItems, tutees, tutors, arrays);
  const repeat = repeatedPair(start, tutor, m);
  if (repeat !== null) {
    throw repeated(edgeItems, tutees.ids[repeat[0]] as string, tutors.ids[repeat[1]] as string);
  }

  const loadCost = Float64Array.from(loads);
  const pointerOf = (index: number) => {
    if (index < cost.length) {
      let i = 0;
      while ((start[i + 1] as number) <= index) i++;
      const tuteeId = tutees.ids[i];
      const tutorId = tutors.ids[tutor[index] as number];
      const e = edgeItems.findIndex((x) => {
        const edge = x as Record<string, unknown>;
        return edge.tutee === tuteeId && edge.tutor === tutorId;
      });
      return `/edges/${e}/cost`;
    }
    const at = index - cost.length;
    let j = 0;
    for (let t = 0; t < m; t++) if ((loadStart[t] as number) >= 0 && (loadStart[t] as number) <= at) j = t;
    return `/tutors/${j}/loadCosts/${at - (loadStart[j] as number)}`;
  };
  const { scale, exact, original } = toIntegerCosts(cost, loadCost, n, m, pointerOf);

  return {
    tuteeIds: tutees.ids,
    tutorIds: tutors.ids,
    net: { nTutees: n, nTutors: m, capacity, loadStart, loadCost, start, tutor, cost, scale, exact },
    ...(original ? { original } : {}),
  };
}

interface Ids {
  ids: string[];
  index: Map<string, number>;
}

/**
 * The edges in index form, as rows by tutee (CSR: `start`, `tutor`, `cost`). Edges grouped by
 * tutee (the usual case) already are rows; otherwise they are regrouped afterwards. Few large
 * arrays: big off-heap allocations make the garbage collector walk the caller's (possibly huge)
 * input. The loops are separate small functions so that the engine optimises each on its own
 * feedback (one large function optimised inside its first loop is dropped at the next).
 */
function readEdges(
  edgeItems: unknown[],
  tutees: Ids,
  tutors: Ids,
  arrays: EdgeArrays,
): { tutor: Int32Array; cost: Float64Array; start: Int32Array } {
  const E = edgeItems.length;
  const n = tutees.ids.length;
  const { tutor, cost } = arrays(E);
  const degree = new Int32Array(n + 1);
  const grouped = indexEdges(edgeItems, 0, tutees, tutors, tutor, cost, degree, null);
  let tuteeOf: Int32Array | null = null;
  if (grouped < E) {
    // Not grouped by tutee from edge `grouped` on: note each edge's tutee and read on.
    tuteeOf = groupedTutees(degree, E);
    indexEdges(edgeItems, grouped, tutees, tutors, tutor, cost, degree, tuteeOf);
  }
  prefixSums(degree);
  if (tuteeOf === null) return { tutor, cost, start: degree };
  return { ...byTutee(degree, tuteeOf, tutor, cost), start: degree };
}

/**
 * Reads edges from `from` into `tutor`, `cost` and the per-tutee counts `degree[i + 1]`. Without
 * `tuteeOf`, stops at the first edge whose tutee comes before the previous edge's (the edges are
 * not grouped by tutee) and returns its index; with it, reads every edge and records its tutee.
 * Returns the number of edges when all were read.
 */
function indexEdges(
  edgeItems: unknown[],
  from: number,
  tutees: Ids,
  tutors: Ids,
  tutor: Int32Array,
  cost: Float64Array,
  degree: Int32Array,
  tuteeOf: Int32Array | null,
): number {
  const E = edgeItems.length;
  const m = tutors.ids.length;
  const tuteeIndex = tutees.index;
  const tutorIndex = tutors.index;
  const tutorIds = tutors.ids;
  let lastTuteeId: unknown = NO_ID;
  let lastTutee = -1;
  let guess = 0; // edges often list the tutors in the same order for every tutee
  for (let e = from; e < E; e++) {
    const edge = edgeItems[e];
    if (typeof edge !== 'object' || edge === null || Array.isArray(edge)) throw badEdge(e);
    const { tutee: tu, tutor: tr, cost: c } = edge as Record<string, unknown>;
    let i = lastTutee;
    if (tu !== lastTuteeId) {
      const found = typeof tu === 'string' ? tuteeIndex.get(tu) : undefined;
      if (found === undefined) throw unknownId(e, 'tutee', tu);
      if (tuteeOf === null && found < lastTutee) return e;
      i = found;
      lastTuteeId = tu;
      lastTutee = i;
    }
    let j = guess;
    if (tr !== tutorIds[guess]) {
      const found = typeof tr === 'string' ? tutorIndex.get(tr) : undefined;
      if (found === undefined) throw unknownId(e, 'tutor', tr);
      j = found;
    }
    guess = j + 1 < m ? j + 1 : 0;
    if (typeof c !== 'number' || !Number.isFinite(c)) throw badCost(e);
    tutor[e] = j;
    cost[e] = c;
    degree[i + 1] = (degree[i + 1] as number) + 1;
    if (tuteeOf !== null) tuteeOf[e] = i;
  }
  return E;
}

function badEdge(e: number): InputError {
  return new InputError(`/edges/${e}`, 'expected an object with "tutee", "tutor" and "cost"');
}

function unknownId(e: number, what: 'tutee' | 'tutor', id: unknown): InputError {
  return new InputError(`/edges/${e}/${what}`, unknown(what, id));
}

function badCost(e: number): InputError {
  return new InputError(`/edges/${e}/cost`, 'expected a finite number');
}

/** Counts at [1 … n] to row starts, in place. */
function prefixSums(counts: Int32Array): void {
  for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
}

/** The edges regrouped by tutee (stable), given each edge's tutee and the row starts. */
function byTutee(
  start: Int32Array,
  tuteeOf: Int32Array,
  tutor: Int32Array,
  cost: Float64Array,
): { tutor: Int32Array; cost: Float64Array } {
  const E = tutor.length;
  const byTuteeTutor = new Int32Array(E);
  const byTuteeCost = new Float64Array(E);
  const fill = start.slice(0, start.length - 1);
  for (let e = 0; e < E; e++) {
    const i = tuteeOf[e] as number;
    const at = fill[i] as number;
    fill[i] = at + 1;
    byTuteeTutor[at] = tutor[e] as number;
    byTuteeCost[at] = cost[e] as number;
  }
  return { tutor: byTuteeTutor, cost: byTuteeCost };
}

/** A (tutee, tutor) pair listed twice (a tutor seen twice in one row), or null. */
function repeatedPair(start: Int32Array, tutor: Int32Array, m: number): [number, number] | null {
  const mark = new Int32Array(m).fill(-1);
  for (let i = 0; i + 1 < start.length; i++) {
    const end = start[i + 1] as number;
    for (let e = start[i] as number; e < end; e++) {
      const j = tutor[e] as number;
      if (mark[j] === i) return [i, j];
      mark[j] = i;
    }
  }
  return null;
}

/**
 * Tutee of each edge so far, when the edges turn out not to be grouped by tutee: up to now they
 * were, so `counts[i + 1]` consecutive edges belong to tutee `i`.
 */
function groupedTutees(counts: Int32Array, total: number): Int32Array {
  const tuteeOf = new Int32Array(total);
  let e = 0;
  for (let i = 0; i + 1 < counts.length; i++) {
    const c = counts[i + 1] as number;
    tuteeOf.fill(i, e, e + c);
    e += c;
  }
  return tuteeOf;
}

/** Matches no `tutee` field, not even a missing one. */
const NO_ID = Symbol('no id');

function unknown(what: string, id: unknown): string {
  return typeof id === 'string' ? `unknown ${what} "${id}"` : `expected the id of a ${what} (a string)`;
}

function repeated(edges: unknown[], tutee: string, tutor: string): InputError {
  let first = -1;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as Record<string, unknown>;
    if (edge.tutee !== tutee || edge.tutor !== tutor) continue;
    if (first < 0) first = e;
    else {
      return new InputError(
        `/edges/${e}`,
        `repeated pair: tutee "${tutee}" and tutor "${tutor}" already at /edges/${first} (one edge per pair)`,
      );
    }
  }
  return new InputError('/edges', `repeated pair: tutee "${tutee}" and tutor "${tutor}"`);
}
