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
  withField,
} from '../cli/testing.ts';
import { type AssignInput, type AssignOutput, solveAssignment, sum } from './solve.ts';

for (const name of ['assign', 'assign-load']) {
  test(`contract example ${name}: same count, cost and assignment`, () => {
    const r = cli(['assign'], read(`${name}.input.json`));
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    const expected = JSON.parse(read(`${name}.output.json`)) as AssignOutput;
    const actual = JSON.parse(r.out) as AssignOutput;
    assert.equal(actual.assigned, expected.assigned);
    assert.equal(actual.cost, expected.cost);
    assert.deepEqual(actual.unassigned, expected.unassigned);
    // These two examples have a single optimum.
    assert.deepEqual(actual.assignment, expected.assignment);
  });
}

test('contract example through --input FILE', () => {
  const r = cli(['assign', '--input', join(contractDir, 'assign.input.json')], '');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), JSON.parse(read('assign.output.json')));
});

test('more tutees assigned beats a lower cost', () => {
  // x alone on a costs 1; but then y has no tutor. Assigning both costs 100 + 1000.
  const out = solveAssignment({
    tutors: [
      { id: 'a', capacity: 1 },
      { id: 'b', capacity: 1 },
    ],
    tutees: [{ id: 'x' }, { id: 'y' }],
    edges: [
      { tutee: 'x', tutor: 'a', cost: 1 },
      { tutee: 'x', tutor: 'b', cost: 100 },
      { tutee: 'y', tutor: 'a', cost: 1000 },
    ],
  });
  assert.equal(out.assigned, 2);
  assert.equal(out.cost, 1100);
  assert.deepEqual(out.assignment, [
    { tutee: 'x', tutor: 'b' },
    { tutee: 'y', tutor: 'a' },
  ]);
});

test('a later tutee can push out an earlier one when it is cheaper', () => {
  const out = solveAssignment({
    tutors: [{ id: 'a', capacity: 1 }],
    tutees: [{ id: 'x' }, { id: 'y' }],
    edges: [
      { tutee: 'x', tutor: 'a', cost: 10 },
      { tutee: 'y', tutor: 'a', cost: -1 },
    ],
  });
  assert.deepEqual(out, {
    assigned: 1,
    cost: -1,
    assignment: [{ tutee: 'y', tutor: 'a' }],
    unassigned: ['x'],
  });
});

test('capacity 0, no edges, no tutors, no tutees', () => {
  assert.deepEqual(solveAssignment({ tutors: [], tutees: [], edges: [] }), {
    assigned: 0,
    cost: 0,
    assignment: [],
    unassigned: [],
  });
  const out = solveAssignment({
    tutors: [{ id: 'a', capacity: 0, loadCosts: [] }],
    tutees: [{ id: 'x' }, { id: 'y' }],
    edges: [{ tutee: 'x', tutor: 'a', cost: -5 }],
  });
  assert.deepEqual(out, { assigned: 0, cost: 0, assignment: [], unassigned: ['x', 'y'] });
});

test('load costs spread tutees when the load penalty outweighs the distance', () => {
  const input: AssignInput = {
    tutors: [
      { id: 'near', capacity: 3, loadCosts: [0, 10, 20] },
      { id: 'far', capacity: 3 },
    ],
    tutees: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
    edges: ['x', 'y', 'z'].flatMap((t) => [
      { tutee: t, tutor: 'near', cost: 1 },
      { tutee: t, tutor: 'far', cost: 12 },
    ]),
  };
  const out = solveAssignment(input);
  // near takes 2 (1 + 1 + 0 + 10) and far 1 (12): 24; near 1 and far 2: 25; near 3: 33.
  assert.equal(out.assigned, 3);
  assert.equal(out.cost, 24);
});

test('negative load costs count too', () => {
  const out = solveAssignment({
    tutors: [{ id: 'a', capacity: 2, loadCosts: [-3, -1] }],
    tutees: [{ id: 'x' }],
    edges: [{ tutee: 'x', tutor: 'a', cost: 2 }],
  });
  assert.equal(out.cost, -1);
});

test('fractional costs are summed without float noise', () => {
  const out = solveAssignment({
    tutors: [{ id: 'a', capacity: 3 }],
    tutees: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
    edges: [
      { tutee: 'x', tutor: 'a', cost: 0.1 },
      { tutee: 'y', tutor: 'a', cost: 0.2 },
      { tutee: 'z', tutor: 'a', cost: 0.4 },
    ],
  });
  assert.equal(out.cost, 0.7);
  assert.equal(sum([0.1, 0.2]), 0.3);
  assert.equal(sum([1e-7, 2.5e-7]), 3.5e-7);
  assert.equal(sum([1e300, 1, -1e300]), 1);
});

test('decimal terms sum to the double nearest their exact decimal sum, whatever their order', () => {
  // Magnitudes that keep the scaled total a safe integer (beyond, a compensated sum is used).
  const term = fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 7 }));
  fc.assert(
    fc.property(fc.array(term, { maxLength: 40 }), (parts) => {
      // Exact reference: every term as an integer count of 10^-7, summed in BigInt.
      let exact = 0n;
      const terms = parts.map(([digits, decimals]) => {
        exact += BigInt(digits) * 10n ** BigInt(7 - decimals);
        return Number(`${digits}e-${decimals}`);
      });
      const negative = exact < 0n;
      const abs = (negative ? -exact : exact).toString().padStart(8, '0');
      const expected = Number(`${negative ? '-' : ''}${abs.slice(0, -7)}.${abs.slice(-7)}`);
      assert.equal(sum(terms), expected);
      assert.equal(sum([...terms].reverse()), expected);
    }),
    { numRuns: 500 },
  );
});

test('edges may come in any order and the assignment follows the tutees order', () => {
  const out = solveAssignment({
    tutors: [
      { id: 'a', capacity: 1 },
      { id: 'b', capacity: 1 },
    ],
    tutees: [{ id: 'x' }, { id: 'y' }],
    edges: [
      { tutee: 'y', tutor: 'b', cost: 1 },
      { tutee: 'x', tutor: 'a', cost: 1 },
      { tutee: 'y', tutor: 'a', cost: 5 },
    ],
  });
  assert.deepEqual(out.assignment, [
    { tutee: 'x', tutor: 'a' },
    { tutee: 'y', tutor: 'b' },
  ]);
});

type Doc = { tutors: unknown[]; tutees: unknown[]; edges: unknown[] };
const base = (): Doc => ({
  tutors: [
    { id: 'a', capacity: 2 },
    { id: 'b', capacity: 1 },
  ],
  tutees: [{ id: 'x' }, { id: 'y' }],
  edges: [
    { tutee: 'x', tutor: 'a', cost: 3 },
    { tutee: 'y', tutor: 'b', cost: 1 },
  ],
});
/** `base()` with one element of one list replaced (or appended at index = length). */
const withItem = (list: keyof Doc, index: number, item: unknown) => () =>
  withField(base(), list, index, '', item);

testInvalidInputs('assign', [
  ['not an object', () => [1, 2], '', /expected an object/],
  ['tutors missing', () => ({ ...base(), tutors: undefined }), '/tutors', /expected an array/],
  ['tutor not an object', withItem('tutors', 1, 'b'), '/tutors/1', /expected a tutor object/],
  ['empty id', withItem('tutees', 0, { id: '' }), '/tutees/0/id', /non-empty string/],
  [
    'duplicate tutor id',
    withItem('tutors', 1, { id: 'a', capacity: 1 }),
    '/tutors/1/id',
    /duplicate tutor id "a"/,
  ],
  [
    'fractional capacity',
    withItem('tutors', 1, { id: 'b', capacity: 1.5 }),
    '/tutors/1/capacity',
    /integer ≥ 0/,
  ],
  [
    'negative capacity',
    withItem('tutors', 0, { id: 'a', capacity: -1 }),
    '/tutors/0/capacity',
    /integer ≥ 0/,
  ],
  [
    'loadCosts of the wrong length',
    withItem('tutors', 0, { id: 'a', capacity: 2, loadCosts: [0] }),
    '/tutors/0/loadCosts',
    /exactly 2 numbers \(one per unit of capacity\), got 1/,
  ],
  [
    'loadCosts decreasing',
    withItem('tutors', 0, { id: 'a', capacity: 2, loadCosts: [5, 1] }),
    '/tutors/0/loadCosts/1',
    /non-decreasing/,
  ],
  [
    'loadCosts not a number',
    withItem('tutors', 0, { id: 'a', capacity: 2, loadCosts: [0, '1'] }),
    '/tutors/0/loadCosts/1',
    /finite number/,
  ],
  [
    'unknown tutee',
    withItem('edges', 1, { tutee: 'q', tutor: 'a', cost: 1 }),
    '/edges/1/tutee',
    /unknown tutee "q"/,
  ],
  [
    'unknown tutor',
    withItem('edges', 0, { tutee: 'x', tutor: 'q', cost: 1 }),
    '/edges/0/tutor',
    /unknown tutor "q"/,
  ],
  [
    'cost not a number',
    withItem('edges', 0, { tutee: 'x', tutor: 'a', cost: '3' }),
    '/edges/0/cost',
    /finite number/,
  ],
  ['cost missing', withItem('edges', 0, { tutee: 'x', tutor: 'a' }), '/edges/0/cost', /finite number/],
  ['tutee missing', withItem('edges', 0, { tutor: 'a', cost: 1 }), '/edges/0/tutee', /id of a tutee/],
  ['tutee missing later', withItem('edges', 1, { tutor: 'a', cost: 1 }), '/edges/1/tutee', /id of a tutee/],
  ['edge is an array', withItem('edges', 1, ['y', 'b', 1]), '/edges/1', /expected an object/],
  [
    'repeated pair',
    () => {
      const doc = base();
      doc.edges.push({ tutee: 'y', tutor: 'a', cost: 1 }, { tutee: 'x', tutor: 'a', cost: 2 });
      return doc;
    },
    '/edges/3',
    /repeated pair: tutee "x" and tutor "a" already at \/edges\/0/,
  ],
]);

test('invalid JSON: exit 2', () => {
  const r = cli(['assign'], '{"tutors": [');
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /not valid JSON/);
});

testMalformedInputs(
  base,
  ['tutors', 'tutees', 'edges'],
  ['id', 'capacity', 'loadCosts', 'tutee', 'tutor', 'cost'],
  (doc) => solveAssignment(doc as unknown as AssignInput),
);

test('a solve after a larger one (its edge arrays lent on) gives the same answer as on its own', () => {
  const complete = (n: number, m: number, seed: number): AssignInput => {
    const tutors = Array.from({ length: m }, (_, j) => ({ id: `T${j}`, capacity: 2 }));
    const tutees = Array.from({ length: n }, (_, i) => ({ id: `t${i}` }));
    const edges = tutees.flatMap((t, i) =>
      tutors.map((u, j) => ({ tutee: t.id, tutor: u.id, cost: ((i * 7919 + j * 104729 + seed) % 97) / 4 })),
    );
    return { tutors, tutees, edges };
  };
  const small = complete(5, 3, 1);
  // Not grouped by tutee: read through the other path.
  const shuffled: AssignInput = { ...small, edges: [...small.edges].reverse() };
  const alone = solveAssignment(small);
  const aloneShuffled = solveAssignment(shuffled);
  solveAssignment(complete(60, 40, 2));
  assert.deepEqual(solveAssignment(small), alone);
  solveAssignment(complete(60, 40, 3));
  assert.deepEqual(solveAssignment(shuffled), aloneShuffled);
  assert.equal(aloneShuffled.cost, alone.cost);
});
