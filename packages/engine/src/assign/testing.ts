import type { AssignInput } from './input.ts';

// Instances shared by the assign tests.

/** The instance of issue 13: one pair at 1e12 once hid improvements of 2 (10752 for 10750). */
export function hugeCostInstance(): AssignInput {
  let a = 3;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const n = 500;
  const m = 101;
  const score = Array.from({ length: m }, () => Math.floor(r() * 40));
  const tutors = Array.from({ length: m }, (_, j) => ({ id: `T${j}`, capacity: 5 }));
  const tutees = Array.from({ length: n }, (_, i) => ({ id: `t${i}` }));
  const edges: AssignInput['edges'] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      edges.push({ tutee: `t${i}`, tutor: `T${j}`, cost: (score[j] as number) + Math.floor(r() * 4) });
    }
  }
  (edges[0] as AssignInput['edges'][number]).cost = 1e12;
  return { tutors, tutees, edges };
}
