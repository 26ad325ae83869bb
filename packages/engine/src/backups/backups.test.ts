import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type BackupCandidate, nextBackup, proposeBackups } from './backups.ts';

/** The largest final ratio load / capacity over the candidates, as a fraction [num, den]. */
function maxRatio(candidates: readonly BackupCandidate[], extra: number[]): [number, number] {
  let best: [number, number] = [0, 1];
  candidates.forEach((c, i) => {
    const r: [number, number] = [c.load + (extra[i] as number), c.capacity];
    if (r[0] * best[1] > best[0] * r[1]) best = r;
  });
  return best;
}

/** Every assignment of the tasks (each to a candidate with room, or left out): the best (covered, max ratio). */
function exhaustive(n: number, candidates: readonly BackupCandidate[]) {
  let best: { covered: number; ratio: [number, number] } | null = null;
  const extra = candidates.map(() => 0);
  const walk = (k: number, covered: number) => {
    if (k === n) {
      const ratio = maxRatio(candidates, extra);
      const better =
        !best ||
        covered > best.covered ||
        (covered === best.covered && ratio[0] * best.ratio[1] < best.ratio[0] * ratio[1]);
      if (better) best = { covered, ratio };
      return;
    }
    walk(k + 1, covered);
    candidates.forEach((c, i) => {
      if (c.load + (extra[i] as number) >= c.capacity) return;
      extra[i] = (extra[i] as number) + 1;
      walk(k + 1, covered + 1);
      extra[i] = (extra[i] as number) - 1;
    });
  };
  walk(0, 0);
  return best as unknown as { covered: number; ratio: [number, number] };
}

const candidate = fc
  .record({ capacity: fc.integer({ min: 0, max: 6 }), load: fc.integer({ min: 0, max: 7 }) })
  .map((c) => ({ ...c, load: Math.min(c.load, c.capacity + 1) }));

test('water-filling covers as many tutees as possible and minimises the largest ratio (exhaustive search)', () => {
  fc.assert(
    fc.property(
      fc.array(candidate, { minLength: 0, maxLength: 4 }),
      fc.integer({ min: 0, max: 5 }),
      (cs, n) => {
        const candidates = cs.map((c, i) => ({ id: `c${i}`, ...c }));
        const tasks = Array.from({ length: n }, (_, i) => `t${i}`);
        const out = proposeBackups(tasks, candidates);
        const extra = candidates.map((c) => out.filter((o) => o.backup === c.id).length);
        candidates.forEach((c, i) => {
          assert.ok(
            (extra[i] as number) === 0 || c.load + (extra[i] as number) <= c.capacity,
            'within capacity',
          );
        });
        const covered = out.filter((o) => o.backup !== null).length;
        const best = exhaustive(n, candidates);
        assert.equal(covered, best.covered);
        const mine = maxRatio(candidates, extra);
        assert.equal(mine[0] * best.ratio[1], best.ratio[0] * mine[1], 'same largest ratio as the best');
      },
    ),
    { numRuns: 400 },
  );
});

test('the lightest teammate relative to capacity takes the first tutee; two tutees spread', () => {
  const team = [
    { id: 'busy', load: 5, capacity: 6 },
    { id: 'light', load: 1, capacity: 4 },
    { id: 'big', load: 4, capacity: 12 },
  ];
  assert.deepEqual(
    proposeBackups(['a', 'b', 'c'], team).map((p) => p.backup),
    // (1+1)/4 = 0.5 vs (4+1)/12 ≈ 0.42: big first; then big 6/12 = 0.5 vs light 0.5, light has the smaller load.
    ['big', 'light', 'big'],
  );
});

test('nobody with room: the tutee is left uncovered; a decline moves to the next best', () => {
  const full = [{ id: 'x', load: 3, capacity: 3 }];
  assert.deepEqual(proposeBackups(['a'], full), [{ task: 'a', backup: null }]);
  const team = [
    { id: 'first', load: 0, capacity: 4 },
    { id: 'second', load: 1, capacity: 4 },
  ];
  assert.equal(nextBackup(team, new Set()), 'first');
  assert.equal(nextBackup(team, new Set(['first'])), 'second');
  assert.equal(nextBackup(team, new Set(['first', 'second'])), null);
});
