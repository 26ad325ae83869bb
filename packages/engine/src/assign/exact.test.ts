import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli } from '../cli/testing.ts';
import { InputError } from '../errors.ts';
import { CertificateError, certifyAssignment } from './certificate.ts';
import { readAssignInput } from './input.ts';
import { optimalAssignment, type SolverPath } from './optimal.ts';
import { type AssignInput, solveAndCertify, solveAssignment } from './solve.ts';
import { successiveShortestPaths } from './ssp.ts';
import { hugeCostInstance } from './testing.ts';

test('a 1e12 pair no longer hides small improvements: 10750 on every path, certified', () => {
  const input = hugeCostInstance();
  for (const path of [undefined, 'dense', 'whole', 'candidates'] as (SolverPath | undefined)[]) {
    const { output, certificate } = solveAndCertify(input, path ? { path } : {});
    assert.equal(output.assigned, 500, `path ${path}`);
    assert.equal(output.cost, 10750, `path ${path}`);
    assert.equal(certificate.cost, 10750);
    assert.equal(certificate.exact, true);
    if (path) assert.equal(certificate.path, path);
  }
});

test('--verify prints the certificate with the answer; without it, the contract output only', () => {
  const input = JSON.stringify({
    tutors: [
      { id: 'a', capacity: 2, loadCosts: [0, 0.5] },
      { id: 'b', capacity: 1 },
    ],
    tutees: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
    edges: [
      { tutee: 'x', tutor: 'a', cost: 0.1 },
      { tutee: 'x', tutor: 'b', cost: 0.2 },
      { tutee: 'y', tutor: 'a', cost: 1e12 },
      { tutee: 'z', tutor: 'b', cost: -0.3 },
    ],
  });
  const verified = cli(['assign', '--verify'], input);
  assert.equal(verified.code, 0, verified.err);
  const out = JSON.parse(verified.out);
  assert.equal(out.assigned, 3);
  assert.equal(out.cost, 1e12 + 0.3);
  assert.deepEqual(
    { ...out.certificate, pairsChecked: undefined },
    {
      optimal: true,
      exact: true,
      decimals: 1,
      assigned: 3,
      unassigned: 0,
      cost: 1e12 + 0.3,
      pairsChecked: undefined,
      path: 'whole', // not a complete graph
      rounds: 1,
    },
  );
  const plain = JSON.parse(cli(['assign'], input).out);
  assert.deepEqual(Object.keys(plain), ['assigned', 'cost', 'assignment', 'unassigned']);
});

test('costs become integers: decimals kept exactly, float noise rounded below 1e-9, too wide refused', () => {
  const base = (costs: number[]): AssignInput => ({
    tutors: [
      { id: 'a', capacity: 1 },
      { id: 'b', capacity: 1 },
    ],
    tutees: [{ id: 'x' }, { id: 'y' }],
    edges: costs.map((cost, k) => ({ tutee: k < 2 ? 'x' : 'y', tutor: k % 2 === 0 ? 'a' : 'b', cost })),
  });
  // Two decimals next to 1e9: exact, and a difference of 0.01 decides (x–b and y–a).
  const costs = [1e9, 1e9 + 0.01, 0.01, 0.03];
  const cents = readAssignInput(base(costs));
  assert.equal(cents.net.scale, 100);
  assert.equal(cents.net.exact, true);
  const out = solveAssignment(base(costs));
  assert.equal(out.cost, 1000000000.02);
  assert.deepEqual(out.assignment, [
    { tutee: 'x', tutor: 'b' },
    { tutee: 'y', tutor: 'a' },
  ]);
  // Float noise (0.1 + 0.2): rounded to a fine grid, flagged, total of the given costs.
  const noisy = solveAndCertify(base([0.1 + 0.2, 0.3, 0.3, 0.1 + 0.2]));
  assert.equal(noisy.certificate.exact, false);
  assert.ok((noisy.certificate.costWithin ?? 1) <= 1e-9);
  assert.equal(noisy.output.cost, 0.1 + 0.2 + 0.3);
  // Ten decimals next to 1e12 cannot be held in 53 bits: refused, naming the large cost.
  assert.throws(
    () => solveAssignment(base([1e12, 0.0000000001, 1, 2])),
    (err: unknown) => err instanceof InputError && err.pointer === '/edges/0/cost',
  );
  const r = cli(['assign'], JSON.stringify(base([1e300, 0, 1, 2])));
  assert.equal(r.code, 2);
  assert.match(r.err, /^invalid input: \/edges\/0\/cost: costs too far apart/);
});

test('the certificate refuses a worse assignment, an over-full tutor and a missing pair', () => {
  const { net } = readAssignInput({
    tutors: [
      { id: 'a', capacity: 1 },
      { id: 'b', capacity: 1 },
    ],
    tutees: [{ id: 'x' }, { id: 'y' }],
    edges: [
      { tutee: 'x', tutor: 'a', cost: 1 },
      { tutee: 'x', tutor: 'b', cost: 5 },
      { tutee: 'y', tutor: 'a', cost: 2 },
    ],
  });
  const flow = successiveShortestPaths(net);
  assert.deepEqual([...flow.tutorOf], [1, 0]);
  assert.equal(certifyAssignment(net, flow.tutorOf, flow).cost, 7);
  const refuse = (tutorOf: number[], message: RegExp) =>
    assert.throws(
      () => certifyAssignment(net, Int32Array.from(tutorOf), flow),
      (err: unknown) => {
        return err instanceof CertificateError && message.test(err.message);
      },
    );
  refuse([0, -1], /./); // fewer assigned: some reduced cost is negative
  refuse([0, 0], /capacity/);
  refuse([1, 1], /without an allowed pair/);
  // Potentials that do not prove anything: shifted by one on a tutor.
  const potQ = Float64Array.from(flow.potQ);
  potQ[net.nTutees] = (potQ[net.nTutees] as number) + 1;
  assert.throws(() => certifyAssignment(net, flow.tutorOf, { ...flow, potQ }), CertificateError);
  // Non-integer potentials are not a proof in exact arithmetic.
  potQ[net.nTutees] = 0.5;
  assert.throws(() => certifyAssignment(net, flow.tutorOf, { ...flow, potQ }), CertificateError);
});

test('every path reports its certificate (the candidate path forced on a small graph)', () => {
  const input = hugeCostInstance();
  input.tutees = input.tutees.slice(0, 60);
  input.edges = input.edges.slice(0, 60 * 101);
  const { net } = readAssignInput(input);
  const paths: SolverPath[] = ['dense', 'whole', 'candidates'];
  const costs = paths.map((path) => {
    const r = optimalAssignment(net, { path, candidates: 2 });
    assert.equal(r.path, path);
    assert.equal(r.certificate.pairsChecked, 60 * 101);
    return r.certificate.cost;
  });
  assert.equal(new Set(costs).size, 1);
});
