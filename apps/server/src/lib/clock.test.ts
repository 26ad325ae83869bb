import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../config.ts';
import { shiftedClock } from './clock.ts';

const YEAR = 365 * 86_400_000;

test('the shifted clock adds the offset its file holds, and none without the file', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'compagnon-clock-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'clock');
  const clock = shiftedClock(file);
  // Compared with the system time around the call: the offset is whole years, the call takes far less.
  const offsetNow = () => {
    const before = Date.now();
    const at = clock.now().getTime();
    return Math.round((at - before) / YEAR);
  };
  assert.equal(offsetNow(), 0);
  writeFileSync(file, String(YEAR));
  assert.equal(offsetNow(), 1);
  writeFileSync(file, String(3 * YEAR));
  assert.equal(offsetNow(), 3);
  rmSync(file);
  assert.equal(offsetNow(), 0);
});

test('a clock file is refused outside the browser specs', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', TEST_CLOCK_FILE: '/tmp/clock' } as NodeJS.ProcessEnv),
    /TEST_CLOCK_FILE/,
  );
  assert.equal(
    loadConfig({ NODE_ENV: 'test', TEST_CLOCK_FILE: '/tmp/clock' } as NodeJS.ProcessEnv).TEST_CLOCK_FILE,
    '/tmp/clock',
  );
});
