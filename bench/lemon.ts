import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Network } from '../packages/engine/src/assign/network.ts';

// LEMON's NetworkSimplex as a benchmark baseline: bench/lemon/assign.cpp compiled with g++ into a
// temporary directory the first time it is needed. Needs g++ and LEMON's headers
// (Debian/Ubuntu: apt-get install -y g++ liblemon-dev); without them the cases say so and skip
// that comparison rather than invent a figure.

const source = join(dirname(fileURLToPath(import.meta.url)), 'lemon', 'assign.cpp');
let built: { binary: string; dir: string } | { missing: string } | undefined;

/** The compiled driver, or why it cannot be built. */
function driver(): { binary: string; dir: string } | { missing: string } {
  if (built) return built;
  const gpp = spawnSync('g++', ['--version'], { encoding: 'utf8' });
  if (gpp.status !== 0) {
    built = { missing: 'g++ not found (apt-get install -y g++ liblemon-dev)' };
    return built;
  }
  const headers = ['/usr/include', '/usr/local/include'].some((d) =>
    existsSync(join(d, 'lemon', 'network_simplex.h')),
  );
  if (!headers) {
    built = { missing: 'LEMON headers not found (apt-get install -y liblemon-dev)' };
    return built;
  }
  const dir = mkdtempSync(join(tmpdir(), 'compagnon-lemon-'));
  const binary = join(dir, 'assign');
  const r = spawnSync('g++', ['-O2', '-DNDEBUG', '-o', binary, source], { encoding: 'utf8' });
  if (r.status !== 0) {
    built = { missing: `g++ could not compile bench/lemon/assign.cpp: ${r.stderr.trim().split('\n')[0]}` };
    return built;
  }
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  built = { binary, dir };
  return built;
}

export interface LemonResult {
  assigned: number;
  /** Optimum in the network's integer costs (input costs × net.scale). */
  cost: number;
  /** Median time of graph build + NetworkSimplex run inside the driver (wall, and CPU). */
  ms: number;
  cpuMs: number;
  runs: number;
}

/**
 * Solves `net` (the engine's integer network: the same instance, the same integer costs) with
 * LEMON's NetworkSimplex `repeat` times; null with the reason when the driver is unavailable.
 */
export function lemonNetworkSimplex(net: Network, repeat: number): LemonResult | { missing: string } {
  const d = driver();
  if ('missing' in d) return d;
  const { nTutees: n, nTutors: m, start, tutor, cost, capacity, loadStart, loadCost } = net;
  const head = new BigInt64Array([BigInt(n), BigInt(m), BigInt(tutor.length), BigInt(loadCost.length)]);
  const file = join(d.dir, 'instance.bin');
  const parts = [head, capacity, loadStart, loadCost, start, tutor, cost].map((a) =>
    Buffer.from(a.buffer, a.byteOffset, a.byteLength),
  );
  writeFileSync(file, Buffer.concat(parts));
  const out = execFileSync(d.binary, [file, String(repeat)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as LemonResult;
}
