import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli } from './testing.ts';

test('unknown command exits 2 with one usage line and nothing on stdout', () => {
  const r = cli(['frobnicate'], '{}');
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /unknown engine command "frobnicate"/);
  assert.equal(r.err.trim().split('\n').length, 1);
});

test('missing --input file exits 2', () => {
  const r = cli(['assign', '--input', '/nonexistent/file.json'], '');
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
});
