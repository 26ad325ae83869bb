import type { Highs } from 'highs';
import type { AssignInput } from './input.ts';

/**
 * Independent reference for `assign`, used by the tests and the benchmark: the same problem as a
 * linear program for the HiGHS solver (WebAssembly). The constraint matrix is that of a network
 * flow, so the LP optimum equals the integer optimum.
 *
 * x_e ∈ [0, 1] per edge; per tutor, y_jk ∈ [0, 1] per unit of capacity with cost loadCosts[k]
 * and Σ_e x_e − Σ_k y_jk = 0 (convexity makes the cheapest units fill first); per tutee
 * Σ_e x_e ≤ 1. The lexicographic objective takes two solves: the largest Σ x, then the least
 * cost with Σ x fixed to it. `target`: `'count'` builds the first LP, `{ assigned }` the second,
 * and `'all'` a single least-cost LP with every tutee assigned (Σ_e x_e = 1), for instances known
 * to allow it.
 */
export function highsLp(input: AssignInput, target: 'count' | { assigned: number } | 'all'): string {
  const tuteeIndex = new Map(input.tutees.map((t, i) => [t.id, i]));
  const tutorIndex = new Map(input.tutors.map((t, j) => [t.id, j]));
  const byTutee: number[][] = input.tutees.map(() => []);
  const byTutor: number[][] = input.tutors.map(() => []);
  input.edges.forEach((e, k) => {
    byTutee[tuteeIndex.get(e.tutee) as number]?.push(k);
    byTutor[tutorIndex.get(e.tutor) as number]?.push(k);
  });
  const term = (c: number, v: string) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${v}`;
  const lines = (terms: string[]) => {
    const out: string[] = [];
    for (let i = 0; i < terms.length; i += 12) out.push(`  ${terms.slice(i, i + 12).join(' ')}`);
    return out.length > 0 ? out.join('\n') : '  0 x_none';
  };

  const out: string[] = [];
  const objective: string[] = [];
  if (target === 'count') {
    out.push('Maximize');
    input.edges.forEach((_, k) => {
      objective.push(term(1, `x${k}`));
    });
  } else {
    out.push('Minimize');
    input.edges.forEach((e, k) => {
      if (e.cost !== 0) objective.push(term(e.cost, `x${k}`));
    });
    input.tutors.forEach((t, j) => {
      // A tutor without pairs has no constraint nor bounds for its units: leave them out.
      if ((byTutor[j] as number[]).length === 0) return;
      t.loadCosts?.forEach((c, k) => {
        if (c !== 0) objective.push(term(c, `y${j}_${k}`));
      });
    });
  }
  out.push(` obj:\n${lines(objective)}`, 'Subject To');
  byTutee.forEach((edges, i) => {
    if (edges.length === 0) return;
    out.push(
      ` tutee${i}:\n${lines(edges.map((k) => term(1, `x${k}`)))}\n  ${target === 'all' ? '=' : '<='} 1`,
    );
  });
  input.tutors.forEach((t, j) => {
    const edges = byTutor[j] as number[];
    if (edges.length === 0) return;
    const slots = Array.from({ length: t.capacity }, (_, k) => term(-1, `y${j}_${k}`));
    out.push(` tutor${j}:\n${lines([...edges.map((k) => term(1, `x${k}`)), ...slots])}\n  = 0`);
  });
  if (typeof target === 'object' && input.edges.length > 0) {
    out.push(` count:\n${lines(input.edges.map((_, k) => term(1, `x${k}`)))}\n  = ${target.assigned}`);
  }
  out.push('Bounds');
  input.edges.forEach((_, k) => {
    out.push(` 0 <= x${k} <= 1`);
  });
  input.tutors.forEach((t, j) => {
    if ((byTutor[j] as number[]).length === 0) return;
    for (let k = 0; k < t.capacity; k++) out.push(` 0 <= y${j}_${k} <= 1`);
  });
  out.push('End');
  return out.join('\n');
}

/** Largest number of assigned tutees and least cost for it, by HiGHS (two LP solves). */
export function highsAssignment(highs: Highs, input: AssignInput): { assigned: number; cost: number } {
  if (input.edges.length === 0) return { assigned: 0, cost: 0 };
  const first = solve(highs, highsLp(input, 'count'));
  const assigned = Math.round(first);
  if (assigned === 0) return { assigned: 0, cost: 0 };
  return { assigned, cost: solve(highs, highsLp(input, { assigned })) };
}

/** Objective value of an LP given in CPLEX LP format; throws unless HiGHS reports it optimal. */
export function solve(highs: Highs, lp: string): number {
  const result = highs.solve(lp, { output_flag: false });
  if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
  return result.ObjectiveValue;
}
