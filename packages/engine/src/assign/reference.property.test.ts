import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { highsAssignment } from './highs-reference.ts';
import type { OptimalOptions } from './optimal.ts';
import { type AssignInput, solveAndCertify } from './solve.ts';

// Every solver path against references that share no code with the engine: an exact integer
// min-cost flow written here (successive shortest paths found by Bellman–Ford, BigInt
// arithmetic, a big-M drop arc per tutee for "most assigned first"), and HiGHS. Costs are drawn
// in cents so the reference is exact: outliers (1e9, 1e12), tiny negatives next to huge
// positives, and many ties.

interface Arc {
  to: number;
  cap: number;
  cost: bigint;
  rev: number;
}

/** Exact optimum (assigned, total cost in cents) by an integer min-cost flow, independent of the engine. */
function referenceOptimum(input: AssignInput): { assigned: number; cents: bigint } {
  const cents = (x: number) => BigInt(Math.round(x * 100));
  const n = input.tutees.length;
  const m = input.tutors.length;
  const S = 0;
  const T = n + m + 1;
  const graph: Arc[][] = Array.from({ length: n + m + 2 }, () => []);
  const addArc = (from: number, to: number, cost: bigint) => {
    graph[from]?.push({ to, cap: 1, cost, rev: graph[to]?.length ?? 0 });
    graph[to]?.push({ to: from, cap: 0, cost: -cost, rev: (graph[from]?.length ?? 1) - 1 });
  };
  let spread = 1n;
  const tuteeIndex = new Map(input.tutees.map((t, i) => [t.id, 1 + i]));
  const tutorIndex = new Map(input.tutors.map((t, j) => [t.id, 1 + n + j]));
  for (const e of input.edges) {
    const c = cents(e.cost);
    spread += c < 0n ? -c : c;
    addArc(tuteeIndex.get(e.tutee) as number, tutorIndex.get(e.tutor) as number, c);
  }
  input.tutors.forEach((t, j) => {
    for (let k = 0; k < t.capacity; k++) {
      const c = cents(t.loadCosts?.[k] ?? 0);
      spread += c < 0n ? -c : c;
      addArc(1 + n + j, T, c);
    }
  });
  const M = 2n * spread + 1n; // dropping a tutee outweighs any difference of cost
  for (let i = 0; i < n; i++) {
    addArc(S, 1 + i, 0n);
    addArc(1 + i, T, M);
  }
  let total = 0n;
  for (let unit = 0; unit < n; unit++) {
    // Bellman–Ford from S on the residual graph (no negative cycle: the flow stays optimal).
    const dist: (bigint | null)[] = graph.map(() => null);
    const via: [number, number][] = graph.map(() => [-1, -1]);
    dist[S] = 0n;
    for (let changed = true; changed; ) {
      changed = false;
      graph.forEach((arcs, u) => {
        const du = dist[u];
        if (du === null || du === undefined) return;
        arcs.forEach((a, k) => {
          if (a.cap === 0) return;
          const d = du + a.cost;
          const old = dist[a.to];
          if (old === null || old === undefined || d < old) {
            dist[a.to] = d;
            via[a.to] = [u, k];
            changed = true;
          }
        });
      });
    }
    total += dist[T] as bigint;
    for (let v = T; v !== S; ) {
      const [u, k] = via[v] as [number, number];
      const a = graph[u]?.[k] as Arc;
      a.cap -= 1;
      (graph[v]?.[a.rev] as Arc).cap += 1;
      v = u;
    }
  }
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    for (const a of graph[1 + i] ?? []) if (a.to === T && a.cost === M && a.cap === 0) dropped++;
  }
  return { assigned: n - dropped, cents: total - BigInt(dropped) * M };
}

/** Costs in cents: ordinary, tied, outliers (1e9, 1e12), tiny negatives. */
const centsArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -500, max: 2000 }) },
  { weight: 3, arbitrary: fc.constantFrom(0, 100, 100, 200) },
  { weight: 1, arbitrary: fc.constantFrom(1e11, 1e14, 1e14 + 1) },
  { weight: 1, arbitrary: fc.constantFrom(-1, -2, -100) },
);
const tiesArb = fc.constantFrom(0, 100);

function instanceArb(cost: fc.Arbitrary<number>, complete: boolean) {
  return fc
    .record({ n: fc.integer({ min: 0, max: 7 }), m: fc.integer({ min: 1, max: 4 }) })
    .chain(({ n, m }) =>
      fc.record({
        capacities: fc.array(fc.integer({ min: complete ? 1 : 0, max: 3 }), { minLength: m, maxLength: m }),
        loads: fc.array(fc.option(fc.array(cost, { minLength: 3, maxLength: 3 }), { nil: undefined }), {
          minLength: m,
          maxLength: m,
        }),
        pairs: fc.array(complete ? cost : fc.option(cost, { nil: undefined, freq: 3 }), {
          minLength: n * m,
          maxLength: n * m,
        }),
        n: fc.constant(n),
      }),
    )
    .map(({ capacities, loads, pairs, n }) => {
      const m = capacities.length;
      if (complete) {
        // Room for everyone: the dense solver's shape.
        const room = capacities.reduce((s, c) => s + c, 0);
        if (room < n) capacities[0] = (capacities[0] as number) + n - room;
      }
      const input: AssignInput = {
        tutors: capacities.map((capacity, j) => {
          const load = loads[j];
          if (!load) return { id: `T${j}`, capacity };
          const sorted = Array.from({ length: capacity }, (_, k) => load[Math.min(k, 2)] as number).sort(
            (a, b) => a - b,
          );
          return { id: `T${j}`, capacity, loadCosts: sorted.map((c) => c / 100) };
        }),
        tutees: Array.from({ length: n }, (_, i) => ({ id: `t${i}` })),
        edges: [],
      };
      pairs.forEach((c, p) => {
        if (c !== undefined)
          input.edges.push({ tutee: `t${Math.floor(p / m)}`, tutor: `T${p % m}`, cost: c / 100 });
      });
      return input;
    });
}

const paths: OptimalOptions[] = [
  {},
  { path: 'whole' },
  { path: 'candidates', candidates: 1 },
  { path: 'candidates', candidates: 2 },
];

function checkAgainstReference(input: AssignInput, options: OptimalOptions[]) {
  const expected = referenceOptimum(input);
  for (const option of options) {
    const { output, certificate } = solveAndCertify(input, option);
    const what = `${JSON.stringify(option)}: ${JSON.stringify(input)}`;
    assert.equal(output.assigned, expected.assigned, `assigned, ${what}`);
    assert.equal(output.cost, Number(expected.cents) / 100, `cost, ${what}`);
    assert.equal(certificate.exact, true);
    assert.equal(output.assignment.length + output.unassigned.length, input.tutees.length);
  }
}

test('every path equals an exact integer min-cost flow: outlier costs (1e9, 1e12), tiny negatives, ties', () => {
  fc.assert(
    fc.property(instanceArb(centsArb, false), (input) => checkAgainstReference(input, paths)),
    { numRuns: 400 },
  );
});

test('every path equals the exact reference when all costs tie (0 or 1)', () => {
  fc.assert(
    fc.property(instanceArb(tiesArb, false), (input) => checkAgainstReference(input, paths)),
    { numRuns: 200 },
  );
});

test('the dense solver (forced) equals the exact reference on complete graphs with room, outliers included', () => {
  fc.assert(
    fc.property(instanceArb(fc.oneof(centsArb, tiesArb), true), (input) =>
      checkAgainstReference(input, [...paths, { path: 'dense' }]),
    ),
    { numRuns: 300 },
  );
});

/** Deterministic PRNG (mulberry32) for the larger instances. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('larger crowded instances with a 1e12 pair: candidate rounds, whole graph and dense equal the reference', () => {
  for (let seed = 1; seed <= 6; seed++) {
    const rand = mulberry32(seed);
    const n = 24 + Math.floor(rand() * 12);
    const m = 6 + Math.floor(rand() * 4);
    const score = Array.from({ length: m }, () => Math.floor(rand() * 8));
    const input: AssignInput = {
      tutors: Array.from({ length: m }, (_, j) => ({ id: `T${j}`, capacity: 4 + (j % 2) })),
      tutees: Array.from({ length: n }, (_, i) => ({ id: `t${i}` })),
      edges: [],
    };
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        input.edges.push({
          tutee: `t${i}`,
          tutor: `T${j}`,
          cost: (score[j] as number) + Math.floor(rand() * 3),
        });
      }
    }
    (input.edges[Math.floor(rand() * input.edges.length)] as AssignInput['edges'][number]).cost = 1e12;
    (input.edges[Math.floor(rand() * input.edges.length)] as AssignInput['edges'][number]).cost = -0.01;
    const complete = input.tutors.reduce((s, t) => s + t.capacity, 0) >= n;
    checkAgainstReference(input, [
      ...paths,
      { path: 'candidates', candidates: 3 },
      ...(complete ? [{ path: 'dense' as const }] : []),
    ]);
  }
});

test('every path matches HiGHS on instances full of ties and tiny negative costs', async () => {
  const highs = await (await import('highs')).default();
  const tiny = fc.oneof(fc.constantFrom(-0.01, 0, 0.01, 1), fc.integer({ min: -3, max: 3 }));
  fc.assert(
    fc.property(instanceArb(tiny, false), (input) => {
      const reference = highsAssignment(highs, input);
      for (const option of paths) {
        const { output } = solveAndCertify(input, option);
        assert.equal(output.assigned, reference.assigned);
        assert.ok(
          Math.abs(output.cost - reference.cost) <= 1e-6,
          `${output.cost} vs HiGHS ${reference.cost}`,
        );
      }
    }),
    { numRuns: 150 },
  );
});
