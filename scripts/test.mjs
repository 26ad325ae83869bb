#!/usr/bin/env node
// npm test: engine tests, server tests on SQLite (and on PostgreSQL when DATABASE_URL is set), and
// the browser specs in the system Chromium. `npm test -- engine|server|e2e` runs one part.
//
// The browser specs run in one Playwright worker against one server, waiting on pages far more than
// computing, so the server suites run beside them rather than after them; their output is held and
// printed whole when each ends, so the log reads part by part. `--one-by-one` runs the parts in turn.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { typescriptArgs } from './typescript.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const oneByOne = process.argv.includes('--one-by-one');
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
/** Runs one part; with `held`, its output is kept and printed whole once it ends. */
function run(label, cmd, args, env = {}, held = false) {
  if (!held) console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, TZ, ...env },
    });
    const output = [];
    if (held) for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => output.push(d));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (held) {
        console.log(`\n━━ ${label} (ran beside the browser specs) ━━`);
        process.stdout.write(Buffer.concat(output));
      }
      results.push({ label, ok: code === 0, seconds });
      resolve(code === 0);
    });
  });
}

function nodeTests(label, files, env, held) {
  if (files.length === 0) {
    // A part that finds nothing to run is a broken layout or glob, never a pass.
    console.log(`\n━━ ${label}: NO TEST FILES FOUND ━━`);
    results.push({ label, ok: false, seconds: '0' });
    return Promise.resolve(false);
  }
  return run(
    label,
    process.execPath,
    [...typescriptArgs, '--test', '--test-concurrency=2', ...files],
    env,
    held,
  );
}

async function serverTests(held) {
  const files = testFiles('apps/server/src');
  await nodeTests('server · SQLite', files, { DATABASE_URL: '', TEST_DATABASE: 'sqlite' }, held);
  if (process.env.DATABASE_URL) {
    await nodeTests('server · PostgreSQL', files, { TEST_DATABASE: 'postgres' }, held);
  } else {
    console.log('\n━━ server · PostgreSQL: skipped (set DATABASE_URL=postgres://… to run it) ━━');
  }
}

function browserTests() {
  const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && existsSync(p),
  );
  if (!chrome) {
    const msg = 'NO CHROMIUM FOUND (/usr/bin/chromium or CHROME_PATH): BROWSER TESTS NOT RUN';
    console.log(`\n${'!'.repeat(msg.length + 8)}\n!!! ${msg} !!!\n${'!'.repeat(msg.length + 8)}`);
    results.push({ label: 'e2e', ok: process.env.REQUIRE_E2E !== '1', seconds: '0', skipped: true });
    return null;
  }
  return () =>
    run('e2e · Chromium', process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test'], {
      CHROME_PATH: chrome,
    });
}

const started = Date.now();
if (want('engine')) await nodeTests('engine', testFiles('packages/engine/src'));
const browser = want('e2e') ? browserTests() : null;
if (want('server') && browser && !oneByOne) {
  await Promise.all([serverTests(true), browser()]);
} else {
  if (want('server')) await serverTests(false);
  if (browser) await browser();
}

console.log('\n━━ summary ━━');
for (const r of results)
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label}${r.skipped ? ' (skipped)' : ''} ${r.seconds}s`);
console.log(`all parts: ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
