import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { hugeCostInstance } from './testing.ts';

// The command line as a user runs it: `bin/compagnon engine assign` in its own process, JSON on
// standard input, exit code and both output streams checked.

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'apps/server/bin/compagnon.js');

function run(args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'engine', ...args], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

test('bin/compagnon engine assign --verify: the 1e12 instance solved to 10750 and certified', async () => {
  const r = await run(['assign', '--verify'], JSON.stringify(hugeCostInstance()));
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
  const out = JSON.parse(r.out);
  assert.equal(out.assigned, 500);
  assert.equal(out.cost, 10750);
  assert.equal(out.assignment.length, 500);
  assert.deepEqual(out.unassigned, []);
  assert.equal(out.certificate.optimal, true);
  assert.equal(out.certificate.exact, true);
  assert.equal(out.certificate.cost, 10750);
  assert.equal(out.certificate.pairsChecked, 500 * 101);
});

test('bin/compagnon engine assign: contract output only; invalid input exits 2 with one line naming the field', async () => {
  const input = {
    tutors: [{ id: 'a', capacity: 1 }],
    tutees: [{ id: 'x' }, { id: 'y' }],
    edges: [
      { tutee: 'x', tutor: 'a', cost: 2.5 },
      { tutee: 'y', tutor: 'a', cost: 1.25 },
    ],
  };
  const ok = await run(['assign'], JSON.stringify(input));
  assert.equal(ok.code, 0, ok.err);
  assert.deepEqual(JSON.parse(ok.out), {
    assigned: 1,
    cost: 1.25,
    assignment: [{ tutee: 'y', tutor: 'a' }],
    unassigned: ['x'],
  });
  const bad = await run(
    ['assign', '--verify'],
    JSON.stringify({ ...input, edges: [{ tutee: 'x', tutor: 'b', cost: 1 }] }),
  );
  assert.equal(bad.code, 2);
  assert.equal(bad.out, '');
  assert.equal(bad.err, 'invalid input: /edges/0/tutor: unknown tutor "b"\n');
});
