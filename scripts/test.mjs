#!/usr/bin/env node
// npm test: engine tests, server tests on SQLite (and on PostgreSQL when DATABASE_URL is set),
// then the browser specs in the system Chromium. `npm test -- engine|server|e2e` runs one part.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (part) => only.length === 0 || only.includes(part);
// A zone that is neither UTC nor Paris, so code that forgets the organisation's zone fails loudly.
const TZ = 'America/New_York';

function testFiles(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
    .map((f) => relative(root, join(abs, f)))
    .sort();
}

const results = [];
function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ label, ok: r.status === 0, seconds });
  return r.status === 0;
}

function nodeTests(label, files, env) {
  if (files.length === 0) {
    // A part that finds nothing to run is a broken layout or glob, never a pass.
    console.log(`\n━━ ${label}: NO TEST FILES FOUND ━━`);
    results.push({ label, ok: false, seconds: '0' });
    return;
  }
  run(label, process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], env);
}

if (want('engine')) nodeTests('engine', testFiles('packages/engine/src'));
if (want('server')) {
  const files = testFiles('apps/server/src');
  nodeTests('server · SQLite', files, { DATABASE_URL: '', TEST_DATABASE: 'sqlite' });
  if (process.env.DATABASE_URL) {
    nodeTests('server · PostgreSQL', files, { TEST_DATABASE: 'postgres' });
  } else {
    console.log('\n━━ server · PostgreSQL: skipped (set DATABASE_URL=postgres://… to run it) ━━');
  }
}
if (want('e2e')) {
  const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && existsSync(p),
  );
  if (!chrome) {
    const msg = 'NO CHROMIUM FOUND (/usr/bin/chromium or CHROME_PATH): BROWSER TESTS NOT RUN';
    console.log(`\n${'!'.repeat(msg.length + 8)}\n!!! ${msg} !!!\n${'!'.repeat(msg.length + 8)}`);
    results.push({ label: 'e2e', ok: process.env.REQUIRE_E2E !== '1', seconds: '0', skipped: true });
  } else {
    run('e2e · Chromium', process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test'], {
      CHROME_PATH: chrome,
    });
  }
}

console.log('\n━━ summary ━━');
for (const r of results)
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label}${r.skipped ? ' (skipped)' : ''} ${r.seconds}s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
