import { performance } from 'node:perf_hooks';

export interface BenchResult {
  ms: number;
  baselineMs: number;
  /** The competitor's name, printed in the JSON line. */
  baseline: string;
  /** Free-form figures worth reporting (objective values, gaps, memory); printed on stderr. */
  notes?: Record<string, unknown>;
}

/** A comparison that cannot run here (a missing compiler or package): said, never faked. */
export interface BenchSkipped {
  skipped: string;
  notes?: Record<string, unknown>;
}

export interface BenchCase {
  name: string;
  run(): Promise<BenchResult | BenchSkipped> | BenchResult | BenchSkipped;
}

/**
 * Median wall time of `fn` in milliseconds over at least `minRuns` runs and `minMs` of total time
 * (after one warm-up run), so short operations are measured over many repetitions.
 */
export async function measure(
  fn: () => unknown,
  { minRuns = 5, minMs = 300, maxRuns = 200, warmup = 1 } = {},
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - started < minMs)) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
