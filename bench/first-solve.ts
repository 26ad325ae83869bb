import { performance } from 'node:perf_hooks';
import { solveAndCertify } from '../packages/engine/src/assign/solve.ts';
import { nationalInstance } from './cases/assign.ts';

// Run by the assign-national case in a fresh process: the first solve, before the engine has
// compiled or optimised anything (the instance is built first and not timed). Wall and CPU time.
const input = nationalInstance();
const cpu = process.cpuUsage();
const t = performance.now();
solveAndCertify(input);
const ms = performance.now() - t;
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 })}\n`);
