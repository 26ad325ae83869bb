import { InputError } from '../errors.ts';

/** Input of `stable` (shared/formats/ENGINE-CLI.md): strict rankings, best first. */
export interface StableInput {
  tutees: { id: string; prefs: string[] }[];
  tutors: { id: string; capacity: number; prefs: string[] }[];
}

/** Output of `stable`. */
export interface StableOutput {
  /** One entry per matched tutee, in the input order of tutees. */
  assignment: { tutee: string; tutor: string }[];
  /** Ids of the other tutees, in input order. */
  unassigned: string[];
}

/**
 * The tutee-optimal stable matching, by deferred acceptance with tutees proposing and tutors
 * holding up to `capacity` proposals (Gale–Shapley, college-admissions form).
 *
 * Guarantee: the result is stable — no tutee and tutor who list each other would both rather be
 * together (the tutor having a free place, or holding someone it ranks lower) — and every tutee
 * gets the best tutor it has in any stable matching. That matching is unique, and the result does
 * not depend on the order in which proposals are made.
 *
 * A pair is acceptable only if each lists the other; other names in a list are skipped. Every
 * list is walked at most once: a tutee's list by its proposals, a tutor's list by a pointer to the
 * worst tutee it holds, which only moves up once the tutor is full. O(total length of the lists)
 * with hashing for rank lookups.
 *
 * Validates `input` and throws an InputError naming the field: ids non-empty and unique, capacity
 * an integer ≥ 0, every listed id known, no id twice in one list.
 */
export function stableMatching(input: StableInput): StableOutput {
  const { tuteeIds, tutorIds, tuteePrefs, tutorPrefs, capacity } = readStableInput(input);
  const n = tuteeIds.length;
  const m = tutorIds.length;

  // Tutor lists flattened: tutor j ranks tutorList[off[j] + r] at rank r.
  const off = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) off[j + 1] = (off[j] as number) + (tutorPrefs[j] as number[]).length;
  const tutorList = new Int32Array(off[m] as number);
  const rankAt = new Map<number, number>(); // key j·n + i → position of tutee i in tutor j's list
  for (let j = 0; j < m; j++) {
    const list = tutorPrefs[j] as number[];
    const base = off[j] as number;
    for (let r = 0; r < list.length; r++) {
      const i = list[r] as number;
      tutorList[base + r] = i;
      rankAt.set(j * n + i, r);
    }
  }

  // Tutee lists reduced to acceptable pairs, each with the tutee's rank at that tutor.
  const proposals: { tutor: number; rank: number }[][] = tuteePrefs.map((list, i) => {
    const out: { tutor: number; rank: number }[] = [];
    for (const j of list) {
      const rank = rankAt.get(j * n + i);
      if (rank !== undefined) out.push({ tutor: j, rank });
    }
    return out;
  });

  const next = new Int32Array(n); // next position to propose to in the tutee's list
  const tutorOf = new Int32Array(n).fill(-1);
  const held = new Uint8Array(tutorList.length); // tutor list positions currently held
  const heldCount = new Int32Array(m);
  const worst = Int32Array.from({ length: m }, (_, j) => (off[j + 1] as number) - 1);
  const free: number[] = [];
  for (let i = n - 1; i >= 0; i--) free.push(i);

  while (free.length > 0) {
    const i = free.pop() as number;
    const list = proposals[i] as { tutor: number; rank: number }[];
    let placed = false;
    while (!placed && (next[i] as number) < list.length) {
      const { tutor: j, rank } = list[next[i] as number] as { tutor: number; rank: number };
      next[i] = (next[i] as number) + 1;
      const cap = capacity[j] as number;
      if (cap === 0) continue;
      const at = (off[j] as number) + rank;
      if ((heldCount[j] as number) < cap) {
        held[at] = 1;
        heldCount[j] = (heldCount[j] as number) + 1;
        tutorOf[i] = j;
        placed = true;
        continue;
      }
      // Full: find the worst tutee held; it only improves from now on, so the pointer only rises.
      let w = worst[j] as number;
      while (held[w] === 0) w--;
      worst[j] = w;
      if (at > w) continue; // rejected: ranked below everyone held
      const loser = tutorList[w] as number;
      held[w] = 0;
      held[at] = 1;
      tutorOf[loser] = -1;
      free.push(loser);
      tutorOf[i] = j;
      placed = true;
    }
  }

  const assignment: { tutee: string; tutor: string }[] = [];
  const unassigned: string[] = [];
  for (let i = 0; i < n; i++) {
    const j = tutorOf[i] as number;
    if (j >= 0) assignment.push({ tutee: tuteeIds[i] as string, tutor: tutorIds[j] as string });
    else unassigned.push(tuteeIds[i] as string);
  }
  return { assignment, unassigned };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface IndexedStable {
  tuteeIds: string[];
  tutorIds: string[];
  tuteePrefs: number[][];
  tutorPrefs: number[][];
  capacity: Int32Array;
}

function readStableInput(value: unknown): IndexedStable {
  if (!isObject(value)) throw new InputError('', 'expected an object with "tutees" and "tutors"');
  const tutees = side(value, 'tutees', 'tutee');
  const tutors = side(value, 'tutors', 'tutor');
  const capacity = new Int32Array(tutors.items.length);
  tutors.items.forEach((t, j) => {
    const cap = t.capacity;
    if (typeof cap !== 'number' || !Number.isSafeInteger(cap) || cap < 0) {
      throw new InputError(`/tutors/${j}/capacity`, 'expected an integer ≥ 0');
    }
    capacity[j] = Math.min(cap, tutees.items.length);
  });
  return {
    tuteeIds: tutees.ids,
    tutorIds: tutors.ids,
    tuteePrefs: tutees.items.map((t, i) => ranking(t.prefs, `/tutees/${i}/prefs`, tutors.index, 'tutor')),
    tutorPrefs: tutors.items.map((t, j) => ranking(t.prefs, `/tutors/${j}/prefs`, tutees.index, 'tutee')),
    capacity,
  };
}

function side(root: Record<string, unknown>, key: string, what: string) {
  const list = root[key];
  if (!Array.isArray(list)) throw new InputError(`/${key}`, 'expected an array');
  const index = new Map<string, number>();
  const ids: string[] = [];
  const items = list.map((item, k) => {
    if (!isObject(item))
      throw new InputError(`/${key}/${k}`, `expected a ${what} object with "id" and "prefs"`);
    const id = item.id;
    if (typeof id !== 'string' || id === '')
      throw new InputError(`/${key}/${k}/id`, 'expected a non-empty string');
    const first = index.get(id);
    if (first !== undefined) {
      throw new InputError(`/${key}/${k}/id`, `duplicate ${what} id "${id}" (also /${key}/${first}/id)`);
    }
    index.set(id, k);
    ids.push(id);
    return item;
  });
  return { items, ids, index };
}

/** A strict ranking of known ids, as indices. */
function ranking(value: unknown, at: string, index: Map<string, number>, what: string): number[] {
  if (!Array.isArray(value)) throw new InputError(at, `expected an array of ${what} ids, best first`);
  const seen = new Map<number, number>();
  return value.map((id, r) => {
    const k = typeof id === 'string' ? index.get(id) : undefined;
    if (k === undefined) {
      throw new InputError(
        `${at}/${r}`,
        typeof id === 'string' ? `unknown ${what} "${id}"` : `expected the id of a ${what} (a string)`,
      );
    }
    const first = seen.get(k);
    if (first !== undefined) {
      throw new InputError(`${at}/${r}`, `"${id}" is already ranked at ${at}/${first} (rankings are strict)`);
    }
    seen.set(k, r);
    return k;
  });
}
