import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase } from './harness.ts';

// npm run bench [-- --json] [name …]: every case in bench/cases, each against its baseline run in
// this same process on the same input; ratio = baselineMs / ms (above 1 means faster than baseline).
const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));
const dir = join(dirname(fileURLToPath(import.meta.url)), 'cases');

const cases: BenchCase[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { cases?: BenchCase[] };
  cases.push(...(mod.cases ?? []));
}

const rows: string[][] = [];
for (const c of cases) {
  if (only.length > 0 && !only.includes(c.name)) continue;
  const r = await c.run();
  if ('skipped' in r) {
    process.stderr.write(`SKIPPED ${c.name}: ${r.skipped}\n`);
    if (r.notes) process.stderr.write(`${c.name}: ${JSON.stringify(r.notes)}\n`);
    if (!json) rows.push([c.name, '-', '-', '-', '-', `SKIPPED: ${r.skipped}`]);
    continue;
  }
  const ratio = r.baselineMs / r.ms;
  if (json) {
    const line = { name: c.name, ms: r.ms, baselineMs: r.baselineMs, ratio, baseline: r.baseline };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    if (r.notes) process.stderr.write(`${c.name}: ${JSON.stringify(r.notes)}\n`);
  } else {
    rows.push([
      c.name,
      r.ms.toFixed(2),
      r.baselineMs.toFixed(2),
      `${ratio.toFixed(1)}×`,
      r.baseline,
      JSON.stringify(r.notes ?? {}),
    ]);
    process.stderr.write(`done ${c.name}\n`);
  }
}
if (!json) {
  const head = ['name', 'ms', 'baseline ms', 'ratio', 'baseline', 'notes'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  for (const r of all) console.log(r.map((c, i) => (i < 5 ? c.padEnd(widths[i] ?? 0) : c)).join('  '));
}
