import { highsLp, solve as highsSolve } from '../../packages/engine/src/assign/highs-reference.ts';
import type { AssignInput } from '../../packages/engine/src/assign/input.ts';
import { readAssignInput } from '../../packages/engine/src/assign/input.ts';
import { optimalAssignment } from '../../packages/engine/src/assign/optimal.ts';
import { solveAssignment } from '../../packages/engine/src/assign/solve.ts';
import { successiveShortestPaths } from '../../packages/engine/src/assign/ssp.ts';
import { type BenchCase, measure } from '../harness.ts';

/** Deterministic PRNG (mulberry32): the same instances on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** [name, latitude, longitude, weight ~ population in hundred thousands]. */
export type City = [string, number, number, number];

export const AUVERGNE_RHONE_ALPES: City[] = [
  ['Lyon', 45.764, 4.8357, 14],
  ['Grenoble', 45.1885, 5.7245, 5],
  ['Saint-Étienne', 45.4397, 4.3872, 4],
  ['Clermont-Ferrand', 45.7772, 3.087, 3],
  ['Annecy', 45.8992, 6.1294, 2],
  ['Valence', 44.9334, 4.8924, 1],
  ['Chambéry', 45.5646, 5.9178, 1],
  ['Bourg-en-Bresse', 46.2052, 5.2255, 1],
];

export const FRANCE: City[] = [
  ['Paris', 48.8566, 2.3522, 60],
  ['Lyon', 45.764, 4.8357, 14],
  ['Marseille', 43.2965, 5.3698, 12],
  ['Toulouse', 43.6047, 1.4442, 9],
  ['Lille', 50.6292, 3.0573, 9],
  ['Bordeaux', 44.8378, -0.5792, 8],
  ['Nice', 43.7102, 7.262, 6],
  ['Nantes', 47.2184, -1.5536, 6],
  ['Strasbourg', 48.5734, 7.7521, 5],
  ['Montpellier', 43.6108, 3.8767, 5],
  ['Rennes', 48.1173, -1.6778, 5],
  ['Grenoble', 45.1885, 5.7245, 5],
  ['Rouen', 49.4432, 1.0999, 4],
  ['Tours', 47.3941, 0.6848, 3],
  ['Dijon', 47.322, 5.0415, 3],
  ['Clermont-Ferrand', 45.7772, 3.087, 3],
  ['Brest', 48.3904, -4.4861, 2],
  ['Limoges', 45.8336, 1.2611, 2],
  ['Reims', 49.2583, 4.0317, 2],
  ['Besançon', 47.2378, 6.0241, 2],
  ['Poitiers', 46.5802, 0.3404, 1],
  ['Caen', 49.1829, -0.3707, 2],
  ['Amiens', 49.894, 2.2958, 1],
  ['Perpignan', 42.6887, 2.8948, 1],
];

/** Random points around the cities (Gaussian spread in km), in km on a local plane. */
function places(rand: () => number, cities: City[], count: number, spreadKm: number): [number, number][] {
  const total = cities.reduce((s, c) => s + c[3], 0);
  const lat0 = (46 * Math.PI) / 180;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: count }, () => {
    let r = rand() * total;
    let city = cities[0] as City;
    for (const c of cities) {
      city = c;
      r -= c[3];
      if (r <= 0) break;
    }
    const x = city[2] * 111.32 * Math.cos(lat0) + gauss() * spreadKm;
    const y = city[1] * 110.57 + gauss() * spreadKm;
    return [x, y];
  });
}

/**
 * Every pair allowed; cost = road-ish distance in km (straight line × 1.3, to 0.1 km) plus a small
 * penalty (0, 5 or 10) for a poorer fit of specialty; tutors get a balanced-workload load cost.
 */
export function instance(
  seed: number,
  cities: City[],
  nTutees: number,
  nTutors: number,
  capacities: number[],
): AssignInput {
  const rand = prng(seed);
  const tuteePlaces = places(rand, cities, nTutees, 20);
  const tutorPlaces = places(rand, cities, nTutors, 20);
  const load = [0, 0, 0, 5, 15, 30];
  const tutors = tutorPlaces.map((_, j) => {
    const capacity = capacities[Math.floor(rand() * capacities.length)] as number;
    return { id: `tutor-${j}`, capacity, loadCosts: load.slice(0, capacity) };
  });
  const tutees = tuteePlaces.map((_, i) => ({ id: `tutee-${i}` }));
  const edges: AssignInput['edges'] = [];
  for (let i = 0; i < nTutees; i++) {
    const [x, y] = tuteePlaces[i] as [number, number];
    const tutee = (tutees[i] as { id: string }).id;
    for (let j = 0; j < nTutors; j++) {
      const [u, v] = tutorPlaces[j] as [number, number];
      const km = Math.round(13 * Math.hypot(x - u, y - v)) / 10;
      const penalty = 5 * Math.floor(rand() * 3);
      // Ids shared with the lists, as when a server builds the input from its records.
      edges.push({ tutee, tutor: (tutors[j] as { id: string }).id, cost: km + penalty });
    }
  }
  return { tutors, tutees, edges };
}

/**
 * Baseline for the national case: each tutee in input order takes the tutor with the least
 * marginal cost (pair cost + next load cost) that still has room. Reads the same JSON-shaped input.
 */
export function greedy(input: AssignInput): { assigned: number; cost: number } {
  const tutorIndex = new Map(input.tutors.map((t, j) => [t.id, j]));
  const tuteeIndex = new Map(input.tutees.map((t, i) => [t.id, i]));
  const room = Int32Array.from(input.tutors, (t) => t.capacity);
  const load = new Int32Array(input.tutors.length);
  const n = input.tutees.length;
  const first = new Int32Array(n + 1);
  for (const e of input.edges) {
    const i = tuteeIndex.get(e.tutee) as number;
    first[i + 1] = (first[i + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) first[i + 1] = (first[i + 1] as number) + (first[i] as number);
  const fill = first.slice(0, n);
  const order = new Int32Array(input.edges.length);
  input.edges.forEach((e, k) => {
    const i = tuteeIndex.get(e.tutee) as number;
    const at = fill[i] as number;
    fill[i] = at + 1;
    order[at] = k;
  });
  let assigned = 0;
  let cost = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let p = first[i] as number; p < (first[i + 1] as number); p++) {
      const e = input.edges[order[p] as number] as AssignInput['edges'][number];
      const j = tutorIndex.get(e.tutor) as number;
      if ((room[j] as number) === 0) continue;
      const c = e.cost + (input.tutors[j]?.loadCosts?.[load[j] as number] ?? 0);
      if (c < bestCost) {
        bestCost = c;
        best = j;
      }
    }
    if (best < 0) continue;
    room[best] = (room[best] as number) - 1;
    load[best] = (load[best] as number) + 1;
    assigned++;
    cost += bestCost;
  }
  return { assigned, cost };
}

/**
 * Adversarial: every tutee ranks the tutors the same way (identical cost rows: one popularity
 * score per tutor, 0–600), capacities 3–5 with the balanced-workload load costs. Every tutor's
 * favourites are everyone's, so augmenting paths are long and ties everywhere.
 */
export function crowdedInstance(seed: number, nTutees: number, nTutors: number): AssignInput {
  const rand = prng(seed);
  const score = Array.from({ length: nTutors }, () => Math.round(rand() * 6000) / 10);
  const load = [0, 0, 0, 5, 15];
  const tutors = score.map((_, j) => {
    const capacity = 3 + Math.floor(rand() * 3);
    return { id: `tutor-${j}`, capacity, loadCosts: load.slice(0, capacity) };
  });
  const tutees = Array.from({ length: nTutees }, (_, i) => ({ id: `tutee-${i}` }));
  const edges: AssignInput['edges'] = [];
  for (const { id: tutee } of tutees) {
    tutors.forEach((t, j) => {
      edges.push({ tutee, tutor: t.id, cost: score[j] as number });
    });
  }
  return { tutors, tutees, edges };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * Median CPU time (user + system, ms) of `fn` over `runs` runs: less sensitive than wall time to
 * other processes on a shared machine (it still counts this process's garbage-collector threads).
 */
function cpuMs(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return Number((times[Math.floor(runs / 2)] as number).toFixed(2));
}

export const cases: BenchCase[] = [
  {
    name: 'assign-department',
    async run() {
      // 300 tutees × 80 tutors of one region, capacities 3–6, all 24,000 pairs allowed.
      const input = instance(2027, AUVERGNE_RHONE_ALPES, 300, 80, [3, 4, 5, 6]);
      const capacity = input.tutors.reduce((s, t) => s + t.capacity, 0);
      if (capacity < 300) throw new Error(`capacity ${capacity} < 300`);
      const ours = solveAssignment(input);

      // Every tutee can be assigned here (all pairs, enough capacity), so one LP solve suffices.
      const highs = await (await import('highs')).default();
      const lp = highsLp(input, 'all');
      const reference = highsSolve(highs, lp);
      // Both warmed up first (compiled and optimised: steady state, as in a running server), then
      // measured in alternation (7 rounds: a median of ours, one HiGHS solve), so that both see
      // the same load on a shared machine; each figure is the median of its rounds.
      await measure(() => solveAssignment(input), { minRuns: 100, minMs: 300, maxRuns: 1000, warmup: 0 });
      highsSolve(highs, lp);
      const oursRounds: number[] = [];
      const highsRounds: number[] = [];
      for (let round = 0; round < 7; round++) {
        oursRounds.push(await measure(() => solveAssignment(input), { minRuns: 10, minMs: 70, warmup: 1 }));
        highsRounds.push(
          await measure(() => highsSolve(highs, lp), { minRuns: 1, minMs: 0, maxRuns: 1, warmup: 0 }),
        );
      }
      const ms = median(oursRounds);
      const baselineMs = median(highsRounds);
      const buildMs = await measure(() => highsLp(input, 'all'), { minRuns: 5, minMs: 0 });
      const relative = Math.abs(ours.cost - reference) / Math.max(1, Math.abs(reference));
      if (ours.assigned !== 300 || relative > 1e-6) {
        throw new Error(`assign ${ours.assigned} / ${ours.cost} differs from HiGHS ${reference}`);
      }
      return {
        ms,
        baselineMs,
        notes: {
          baseline: 'HiGHS LP solve only (LP text built beforehand); ours includes validating the input',
          highsBuildLpMs: Number(buildMs.toFixed(2)),
          ratioWithLpBuild: Number(((baselineMs + buildMs) / ms).toFixed(1)),
          cpuMs: cpuMs(() => solveAssignment(input), 41),
          highsCpuMs: cpuMs(() => highsSolve(highs, lp), 5),
          assigned: ours.assigned,
          cost: ours.cost,
          highsCost: reference,
          relativeDifference: relative,
          capacity,
        },
      };
    },
  },
  {
    name: 'assign-national',
    async run() {
      // 4,000 tutees × 1,200 tutors across France, capacities 3–5, all 4.8 M pairs allowed.
      const input = instance(1789, FRANCE, 4000, 1200, [3, 4, 5]);
      const capacity = input.tutors.reduce((s, t) => s + t.capacity, 0);
      const ours = solveAssignment(input);
      const ms = await measure(() => solveAssignment(input), { minRuns: 5, minMs: 0, maxRuns: 5 });
      const base = greedy(input);
      const baselineMs = await measure(() => greedy(input), { minRuns: 3, minMs: 0, maxRuns: 3 });

      // Where the time goes, and how much of the graph the exact solve needed.
      let t = performance.now();
      const indexed = readAssignInput(input);
      const readMs = performance.now() - t;
      t = performance.now();
      const detail = optimalAssignment(indexed.net);
      const solveMs = performance.now() - t;
      const memory = process.memoryUsage();
      return {
        ms,
        baselineMs,
        notes: {
          baseline: 'greedy: each tutee in order takes its cheapest tutor with room',
          cpuMs: cpuMs(() => solveAssignment(input), 3),
          greedyCpuMs: cpuMs(() => greedy(input), 3),
          assigned: ours.assigned,
          cost: ours.cost,
          greedyAssigned: base.assigned,
          greedyCost: Math.round(base.cost * 10) / 10,
          greedyGapPercent: Number(((100 * (base.cost - ours.cost)) / Math.abs(ours.cost)).toFixed(2)),
          capacity,
          readAndValidateMs: Math.round(readMs),
          solveMs: Math.round(solveMs),
          solveRounds: detail.rounds,
          pairsUsed: detail.pairsUsed,
          peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
          heapUsedMiB: mib(memory.heapUsed),
          arrayBuffersMiB: mib(memory.arrayBuffers),
        },
      };
    },
  },
  {
    name: 'assign-crowded',
    async run() {
      // 2,000 tutees × 600 tutors, all 1.2 M pairs, every cost row the same.
      const input = crowdedInstance(4, 2000, 600);
      const ours = solveAssignment(input);
      const ms = await measure(() => solveAssignment(input), { minRuns: 3, minMs: 0, maxRuns: 3 });
      const { net } = readAssignInput(input);
      const detail = optimalAssignment(net);
      // Baseline: the same exact method on the whole graph at once (no candidate pairs).
      let whole: { tutorOf: Int32Array; pairCost: Float64Array } = {
        tutorOf: new Int32Array(0),
        pairCost: new Float64Array(0),
      };
      const baselineMs = await measure(
        () => {
          whole = successiveShortestPaths(readAssignInput(input).net);
        },
        { minRuns: 1, minMs: 0, maxRuns: 1, warmup: 0 },
      );
      let wholeCost = 0;
      const load = new Int32Array(net.nTutors);
      whole.tutorOf.forEach((j, i) => {
        if (j < 0) return;
        wholeCost += (whole.pairCost[i] as number) + (input.tutors[j]?.loadCosts?.[load[j] as number] ?? 0);
        load[j] = (load[j] as number) + 1;
      });
      if (Math.abs(wholeCost - ours.cost) > 1e-6 * Math.abs(ours.cost)) {
        throw new Error(`crowded: ${ours.cost} differs from the whole-graph solve ${wholeCost}`);
      }
      return {
        ms,
        baselineMs,
        notes: {
          baseline: 'the same shortest-path method on the whole graph (read included on both sides)',
          cpuMs: cpuMs(() => solveAssignment(input), 3),
          assigned: ours.assigned,
          cost: ours.cost,
          solveRounds: detail.rounds,
          pairsUsed: detail.pairsUsed,
        },
      };
    },
  },
];
