import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { certifyAssignment } from '../../packages/engine/src/assign/certificate.ts';
import type { AssignInput } from '../../packages/engine/src/assign/input.ts';
import { readAssignInput } from '../../packages/engine/src/assign/input.ts';
import { loadCostOf, type Network } from '../../packages/engine/src/assign/network.ts';
import { optimalAssignment } from '../../packages/engine/src/assign/optimal.ts';
import { solveAndCertify, solveAssignment } from '../../packages/engine/src/assign/solve.ts';
import { successiveShortestPaths } from '../../packages/engine/src/assign/ssp.ts';
import { type BenchCase, measure } from '../harness.ts';
import { type LemonResult, lemonNetworkSimplex } from '../lemon.ts';

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
      const tenthsOfKm = Math.round(13 * Math.hypot(x - u, y - v));
      const penalty = 5 * Math.floor(rand() * 3);
      // One decimal, as JSON would carry it (km + penalty in doubles would add float noise).
      const cost = (tenthsOfKm + 10 * penalty) / 10;
      // Ids shared with the lists, as when a server builds the input from its records.
      edges.push({ tutee, tutor: (tutors[j] as { id: string }).id, cost });
    }
  }
  return { tutors, tutees, edges };
}

/**
 * The greedy a capable engineer would write for the national case, on typed arrays (the engine's
 * integer network: no Map lookup per edge): each tutee in input order takes the tutor with the
 * least marginal cost (pair cost + next load cost) that still has room. Cost in the network's
 * integer units.
 */
export function greedy(net: Network): { assigned: number; cost: number } {
  const { nTutees: n, nTutors: m, start, tutor, cost, capacity } = net;
  const load = new Int32Array(m);
  let assigned = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    const end = start[i + 1] as number;
    for (let e = start[i] as number; e < end; e++) {
      const j = tutor[e] as number;
      const l = load[j] as number;
      if (l >= (capacity[j] as number)) continue;
      const c = (cost[e] as number) + loadCostOf(net, j, l);
      if (c < bestCost) {
        bestCost = c;
        best = j;
      }
    }
    if (best < 0) continue;
    load[best] = (load[best] as number) + 1;
    assigned++;
    total += bestCost;
  }
  return { assigned, cost: total };
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

/** Ours and LEMON's optimum must be the same (same count, same integer cost). */
function checkSame(
  what: string,
  ours: { assigned: number; cost: number },
  scale: number,
  lemon: LemonResult,
) {
  const oursScaled = Math.round(ours.cost * scale);
  if (ours.assigned !== lemon.assigned || oursScaled !== lemon.cost) {
    throw new Error(
      `${what}: ours ${ours.assigned} / ${oursScaled} differs from LEMON ${lemon.assigned} / ${lemon.cost}`,
    );
  }
}

/** Time of the first solve in a fresh Node.js process (instance built there first, not timed). */
function firstSolveInFreshProcess(): { ms: number; cpuMs: number } {
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'first-solve.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  return JSON.parse(out) as { ms: number; cpuMs: number };
}

const departmentInstance = () => instance(2027, AUVERGNE_RHONE_ALPES, 300, 80, [3, 4, 5, 6]);
export const nationalInstance = () => instance(1789, FRANCE, 4000, 1200, [3, 4, 5]);

export const cases: BenchCase[] = [
  {
    name: 'assign-department',
    async run() {
      // 300 tutees × 80 tutors of one region, capacities 3–6, all 24,000 pairs allowed.
      const input = departmentInstance();
      const capacity = input.tutors.reduce((s, t) => s + t.capacity, 0);
      if (capacity < 300) throw new Error(`capacity ${capacity} < 300`);
      const { output: ours, certificate } = solveAndCertify(input);
      const { net } = readAssignInput(input);
      const lemon = lemonNetworkSimplex(net, 21);
      if ('missing' in lemon) return { skipped: `LEMON NetworkSimplex: ${lemon.missing}` };
      checkSame('assign-department', ours, net.scale, lemon);
      // Ours from the JSON-shaped input (validation and certificate included) to the answer;
      // LEMON's graph build + solve from arrays, median of 21 runs inside its driver.
      const ms = await measure(() => solveAssignment(input), { minRuns: 50, minMs: 500, maxRuns: 1000 });
      return {
        ms,
        baselineMs: lemon.ms,
        baseline: 'LEMON NetworkSimplex',
        notes: {
          baseline:
            'LEMON 1.3 NetworkSimplex (g++ -O2), graph build + solve from arrays; ours from the JSON-shaped input, validation and certificate included',
          assigned: ours.assigned,
          cost: ours.cost,
          lemonCost: lemon.cost / net.scale,
          path: certificate.path,
          certified: certificate.optimal && certificate.exact,
          cpuMs: cpuMs(() => solveAssignment(input), 41),
          lemonCpuMs: Number(lemon.cpuMs.toFixed(2)),
          capacity,
        },
      };
    },
  },
  {
    name: 'assign-department-lsa',
    async run() {
      // The same instance against the JavaScript package a TypeScript developer would reach for:
      // a rectangular linear sum assignment (Jonker–Volgenant) on the capacity-expanded matrix,
      // one column per unit of capacity (pair cost + that unit's load cost).
      let lsa: (
        m: number[][],
        o: { maximaze: boolean },
      ) => { rowAssignments: ArrayLike<number>; gain: number };
      try {
        const name = 'linear-sum-assignment';
        const mod = (await import(name)) as { linearSumAssignment?: typeof lsa; default?: typeof lsa };
        const fn = mod.linearSumAssignment ?? mod.default;
        if (typeof fn !== 'function') throw new Error('linear-sum-assignment exports no function');
        lsa = fn;
      } catch {
        return {
          skipped:
            'linear-sum-assignment is not installed: add it as a root devDependency (npm i -D linear-sum-assignment)',
        };
      }
      const input = departmentInstance();
      const ours = solveAssignment(input);
      const { net } = readAssignInput(input);
      const buildMatrix = () => {
        const rows: number[][] = [];
        for (let i = 0; i < net.nTutees; i++) {
          const row: number[] = [];
          for (let e = net.start[i] as number; e < (net.start[i + 1] as number); e++) {
            const j = net.tutor[e] as number;
            for (let k = 0; k < (net.capacity[j] as number); k++) {
              row.push(((net.cost[e] as number) + loadCostOf(net, j, k)) / net.scale);
            }
          }
          rows.push(row);
        }
        return rows;
      };
      const matrix = buildMatrix();
      const result = lsa(matrix, { maximaze: false });
      if (Math.abs(result.gain - ours.cost) > 1e-6 * Math.abs(ours.cost)) {
        throw new Error(`linear-sum-assignment ${result.gain} differs from ours ${ours.cost}`);
      }
      const ms = await measure(() => solveAssignment(input), { minRuns: 50, minMs: 500, maxRuns: 1000 });
      const baselineMs = await measure(() => lsa(matrix, { maximaze: false }), { minRuns: 3, minMs: 300 });
      return {
        ms,
        baselineMs,
        baseline: 'linear-sum-assignment',
        notes: {
          baseline: 'linear-sum-assignment (npm) on the 300 × capacity matrix built beforehand',
          columns: matrix[0]?.length,
          matrixBuildMs: Number((await measure(buildMatrix, { minRuns: 3, minMs: 0 })).toFixed(2)),
          cost: ours.cost,
          lsaCost: result.gain,
        },
      };
    },
  },
  {
    name: 'assign-national',
    async run() {
      // 4,000 tutees × 1,200 tutors across France, capacities 3–5, all 4.8 M pairs allowed.
      const input = nationalInstance();
      const capacity = input.tutors.reduce((s, t) => s + t.capacity, 0);
      const first = firstSolveInFreshProcess();
      const { output: ours, certificate } = solveAndCertify(input);
      const ms = await measure(() => solveAssignment(input), { minRuns: 5, minMs: 0, maxRuns: 5 });

      // Where the time goes, and how much of the graph the exact solve needed.
      let t = performance.now();
      const { net } = readAssignInput(input);
      const readMs = performance.now() - t;
      t = performance.now();
      const detail = optimalAssignment(net);
      const solveMs = performance.now() - t;
      const memory = process.memoryUsage();
      const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);

      const base = greedy(net);
      const greedyMs = await measure(() => greedy(net), { minRuns: 5, minMs: 0 });
      const oursScaled = Math.round(ours.cost * net.scale);
      const greedyGapPercent = Number(((100 * (base.cost - oursScaled)) / Math.abs(oursScaled)).toFixed(2));
      const notes = {
        assigned: ours.assigned,
        cost: ours.cost,
        path: certificate.path,
        certified: certificate.optimal && certificate.exact,
        certificateMs: Number(detail.certifyMs.toFixed(1)),
        certificateWarmMs: Number(
          (
            await measure(() => certifyAssignment(net, detail.tutorOf, detail.duals), {
              minRuns: 7,
              minMs: 0,
            })
          ).toFixed(1),
        ),
        certificateWarmCpuMs: cpuMs(() => certifyAssignment(net, detail.tutorOf, detail.duals), 7),
        solveWarmCpuMs: cpuMs(() => optimalAssignment(net), 3),
        firstSolveFreshProcessMs: Math.round(first.ms),
        firstSolveFreshProcessCpuMs: Math.round(first.cpuMs),
        capacity,
        readAndValidateMs: Math.round(readMs),
        solveMs: Math.round(solveMs),
        solveRounds: detail.rounds,
        pairsUsed: detail.pairsUsed,
        typedArrayGreedyMs: Number(greedyMs.toFixed(1)),
        greedyAssigned: base.assigned,
        greedyCost: base.cost / net.scale,
        greedyGapPercent,
        peakRssMiB,
        heapUsedMiB: mib(memory.heapUsed),
        arrayBuffersMiB: mib(memory.arrayBuffers),
      };
      const lemon = lemonNetworkSimplex(net, 1);
      if ('missing' in lemon) return { skipped: `LEMON NetworkSimplex: ${lemon.missing}`, notes };
      checkSame('assign-national', ours, net.scale, lemon);
      return {
        ms,
        baselineMs: lemon.ms,
        baseline: 'LEMON NetworkSimplex',
        notes: {
          baseline:
            'LEMON 1.3 NetworkSimplex (g++ -O2), graph build + solve from arrays, one run; ours warm, from the JSON-shaped input, validation and certificate included',
          lemonCost: lemon.cost / net.scale,
          lemonCpuMs: Math.round(lemon.cpuMs),
          cpuMs: cpuMs(() => solveAssignment(input), 3),
          ...notes,
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
        wholeCost += (whole.pairCost[i] as number) + loadCostOf(net, j, load[j] as number);
        load[j] = (load[j] as number) + 1;
      });
      wholeCost /= net.scale; // integer costs → input units
      if (Math.abs(wholeCost - ours.cost) > 1e-9 * Math.abs(ours.cost)) {
        throw new Error(`crowded: ${ours.cost} differs from the whole-graph solve ${wholeCost}`);
      }
      return {
        ms,
        baselineMs,
        baseline: 'same method, whole graph',
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
