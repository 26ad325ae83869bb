import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  cli,
  contractDir,
  readContract as read,
  testInvalidInputs,
  testMalformedInputs,
} from '../cli/testing.ts';
import { type StableInput, type StableOutput, stableMatching } from './stable.ts';

test('contract example: exactly the expected matching', () => {
  const r = cli(['stable'], read('stable.input.json'));
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
  assert.deepEqual(JSON.parse(r.out), JSON.parse(read('stable.output.json')));
});

test('contract example through --input FILE', () => {
  const r = cli(['stable', '--input', join(contractDir, 'stable.input.json')], '');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), JSON.parse(read('stable.output.json')));
});

test('a pair is acceptable only if both list each other; capacity 0 takes nobody', () => {
  const out = stableMatching({
    tutees: [
      { id: 'x', prefs: ['a', 'b'] },
      { id: 'y', prefs: ['b'] },
      { id: 'z', prefs: ['c'] },
    ],
    tutors: [
      { id: 'a', capacity: 2, prefs: ['y'] }, // x lists a, but a does not list x
      { id: 'b', capacity: 1, prefs: ['x', 'y'] },
      { id: 'c', capacity: 0, prefs: ['z'] },
    ],
  });
  assert.deepEqual(out, { assignment: [{ tutee: 'x', tutor: 'b' }], unassigned: ['y', 'z'] });
});

test('tutee-proposing: with two stable matchings the tutees get their favourites', () => {
  // Tutees and tutors have opposite tastes: both "everyone gets their first choice" matchings
  // are stable; the tutee-optimal one is returned.
  const out = stableMatching({
    tutees: [
      { id: 'x', prefs: ['a', 'b'] },
      { id: 'y', prefs: ['b', 'a'] },
    ],
    tutors: [
      { id: 'a', capacity: 1, prefs: ['y', 'x'] },
      { id: 'b', capacity: 1, prefs: ['x', 'y'] },
    ],
  });
  assert.deepEqual(out.assignment, [
    { tutee: 'x', tutor: 'a' },
    { tutee: 'y', tutor: 'b' },
  ]);
});

test('a full tutor drops the tutee it ranks lowest for a better one', () => {
  const out = stableMatching({
    tutees: [
      { id: 'x', prefs: ['a'] },
      { id: 'y', prefs: ['a'] },
      { id: 'z', prefs: ['a'] },
    ],
    tutors: [{ id: 'a', capacity: 2, prefs: ['z', 'x', 'y'] }],
  });
  assert.deepEqual(out, {
    assignment: [
      { tutee: 'x', tutor: 'a' },
      { tutee: 'z', tutor: 'a' },
    ],
    unassigned: ['y'],
  });
});

/** Small instances: ≤ 5 tutees, ≤ 3 tutors, capacities 0–2, random partial rankings. */
const small = fc
  .record({ nTutees: fc.integer({ min: 0, max: 5 }), nTutors: fc.integer({ min: 0, max: 3 }) })
  .chain(({ nTutees, nTutors }) => {
    const tuteeIds = Array.from({ length: nTutees }, (_, i) => `t${i}`);
    const tutorIds = Array.from({ length: nTutors }, (_, j) => `T${j}`);
    const ranking = (ids: string[]) => fc.shuffledSubarray(ids);
    return fc.record({
      tutees: fc.tuple(...tuteeIds.map((id) => fc.record({ id: fc.constant(id), prefs: ranking(tutorIds) }))),
      tutors: fc.tuple(
        ...tutorIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            capacity: fc.integer({ min: 0, max: 2 }),
            prefs: ranking(tuteeIds),
          }),
        ),
      ),
    });
  })
  .map((r) => r as StableInput);

type Matching = Map<string, string>; // tutee → tutor

/** Tutees and tutors who list each other and would both rather be together than as matched. */
function blockingPairs(input: StableInput, matching: Matching): [string, string][] {
  const tutorById = new Map(input.tutors.map((t) => [t.id, t]));
  const held = new Map<string, string[]>();
  for (const [tutee, tutor] of matching) held.set(tutor, [...(held.get(tutor) ?? []), tutee]);
  const out: [string, string][] = [];
  for (const tutee of input.tutees) {
    const current = matching.get(tutee.id);
    const limit = current === undefined ? tutee.prefs.length : tutee.prefs.indexOf(current);
    for (const tutorId of tutee.prefs.slice(0, limit)) {
      const tutor = tutorById.get(tutorId);
      if (!tutor?.prefs.includes(tutee.id)) continue;
      const mine = held.get(tutorId) ?? [];
      const wantsMe =
        mine.length < tutor.capacity ||
        mine.some((other) => tutor.prefs.indexOf(other) > tutor.prefs.indexOf(tutee.id));
      if (wantsMe) out.push([tutee.id, tutorId]);
    }
  }
  return out;
}

/** Every matching of acceptable pairs within capacities, by exhaustive search. */
function allMatchings(input: StableInput): Matching[] {
  const out: Matching[] = [];
  const load = new Map<string, number>();
  const current: Matching = new Map();
  const tutorById = new Map(input.tutors.map((t) => [t.id, t]));
  const visit = (i: number) => {
    const tutee = input.tutees[i];
    if (!tutee) {
      out.push(new Map(current));
      return;
    }
    visit(i + 1);
    for (const tutorId of tutee.prefs) {
      const tutor = tutorById.get(tutorId);
      if (!tutor?.prefs.includes(tutee.id)) continue;
      const l = load.get(tutorId) ?? 0;
      if (l >= tutor.capacity) continue;
      load.set(tutorId, l + 1);
      current.set(tutee.id, tutorId);
      visit(i + 1);
      current.delete(tutee.id);
      load.set(tutorId, l);
    }
  };
  visit(0);
  return out;
}

const asMatching = (out: StableOutput): Matching => new Map(out.assignment.map((a) => [a.tutee, a.tutor]));
/** Position of the tutee's match in its ranking; unmatched ranks last. */
const rankOf = (input: StableInput, tutee: string, matching: Matching) => {
  const prefs = input.tutees.find((t) => t.id === tutee)?.prefs ?? [];
  const tutor = matching.get(tutee);
  return tutor === undefined ? prefs.length : prefs.indexOf(tutor);
};

test('stable and tutee-optimal against all matchings (brute force)', () => {
  fc.assert(
    fc.property(small, (input) => {
      const out = stableMatching(input);
      const result = asMatching(out);
      assert.deepEqual(blockingPairs(input, result), [], 'no blocking pair');
      const stable = allMatchings(input).filter((m) => blockingPairs(input, m).length === 0);
      assert.ok(stable.length > 0);
      for (const other of stable) {
        for (const tutee of input.tutees) {
          assert.ok(
            rankOf(input, tutee.id, result) <= rankOf(input, tutee.id, other),
            `${tutee.id} does better in another stable matching`,
          );
        }
        // Same tutees matched in every stable matching (rural hospitals theorem).
        assert.deepEqual([...other.keys()].sort(), [...result.keys()].sort());
      }
      // Output shape: assignment and unassigned partition the tutees, both in input order.
      const order = input.tutees.map((t) => t.id);
      assert.deepEqual(
        out.assignment.map((a) => a.tutee),
        order.filter((id) => result.has(id)),
      );
      assert.deepEqual(
        out.unassigned,
        order.filter((id) => !result.has(id)),
      );
    }),
    { numRuns: 500 },
  );
});

test('the result does not depend on the order of tutees and tutors in the input', () => {
  fc.assert(
    fc.property(small, fc.integer(), (input, seed) => {
      const shuffle = <T>(xs: T[]) =>
        xs
          .map((x, k) => [Math.sin(seed + k * 7.1), x] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, x]) => x);
      const again = stableMatching({ tutees: shuffle(input.tutees), tutors: shuffle(input.tutors) });
      assert.deepEqual(asMatching(again), asMatching(stableMatching(input)));
    }),
    { numRuns: 200 },
  );
});

test('larger random instance: stable, capacities respected', () => {
  let s = 7;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const shuffled = <T>(xs: T[]) =>
    xs
      .map((x) => [rand(), x] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x);
  const tuteeIds = Array.from({ length: 400 }, (_, i) => `t${i}`);
  const tutorIds = Array.from({ length: 60 }, (_, j) => `T${j}`);
  const input: StableInput = {
    tutees: tuteeIds.map((id) => ({ id, prefs: shuffled(tutorIds).slice(0, 10) })),
    tutors: tutorIds.map((id) => ({
      id,
      capacity: 1 + Math.floor(rand() * 8),
      prefs: shuffled(tuteeIds).slice(0, 300),
    })),
  };
  const out = stableMatching(input);
  const result = asMatching(out);
  assert.deepEqual(blockingPairs(input, result), []);
  const load = new Map<string, number>();
  for (const tutor of result.values()) load.set(tutor, (load.get(tutor) ?? 0) + 1);
  for (const t of input.tutors) assert.ok((load.get(t.id) ?? 0) <= t.capacity);
  assert.equal(out.assignment.length + out.unassigned.length, tuteeIds.length);
});

const base = () =>
  ({
    tutees: [
      { id: 'x', prefs: ['a', 'b'] },
      { id: 'y', prefs: ['a'] },
    ],
    tutors: [
      { id: 'a', capacity: 1, prefs: ['y', 'x'] },
      { id: 'b', capacity: 1, prefs: ['x'] },
    ],
  }) as { tutees: Record<string, unknown>[]; tutors: Record<string, unknown>[] };

testInvalidInputs('stable', [
  ['not an object', () => 'x', '', /expected an object/],
  ['tutees not an array', () => ({ ...base(), tutees: {} }), '/tutees', /expected an array/],
  [
    'unknown tutor in a tutee ranking',
    () => {
      const d = base();
      (d.tutees[0] as { prefs: string[] }).prefs = ['a', 'q'];
      return d;
    },
    '/tutees/0/prefs/1',
    /unknown tutor "q"/,
  ],
  [
    'tutor ranks a tutee twice',
    () => {
      const d = base();
      (d.tutors[0] as { prefs: string[] }).prefs = ['y', 'x', 'y'];
      return d;
    },
    '/tutors/0/prefs/2',
    /"y" is already ranked at \/tutors\/0\/prefs\/0/,
  ],
  [
    'prefs missing',
    () => {
      const d = base();
      delete d.tutees[1]?.prefs;
      return d;
    },
    '/tutees/1/prefs',
    /expected an array of tutor ids/,
  ],
  [
    'capacity not an integer',
    () => {
      const d = base();
      (d.tutors[1] as { capacity: unknown }).capacity = '1';
      return d;
    },
    '/tutors/1/capacity',
    /integer ≥ 0/,
  ],
  [
    'duplicate tutee id',
    () => {
      const d = base();
      (d.tutees[1] as { id: string }).id = 'x';
      return d;
    },
    '/tutees/1/id',
    /duplicate tutee id "x"/,
  ],
]);

testMalformedInputs(base, ['tutees', 'tutors'], ['id', 'capacity', 'prefs'], (doc) =>
  stableMatching(doc as unknown as StableInput),
);
