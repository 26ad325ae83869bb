#!/usr/bin/env node
// npm test: engine tests, server tests on SQLite (and on PostgreSQL when DATABASE_URL is set), and
// the browser specs in the system Chromium. `npm test -- engine|server|e2e` runs one part.
//
// The browser specs run as E2E_SERVERS lists (2 unless set) side by side, each list in one
// Playwright worker against its own server, and the server suites beside them at the lowest
// priority (`--one-by-one` runs the parts in turn). The output of everything that runs beside the
// first list is held and printed whole when it ends, so the log reads part by part.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundleTests, groupBundles } from './test-bundle.mjs';
import { typescriptArgs } from './typescript.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const oneByOne = process.argv.includes('--one-by-one');
const want = (part) => only.length === 0 || only.includes(part);
// A zone that is neither UTC nor Paris, so code that forgets the organisation's zone fails loudly.
const TZ = 'America/New_York';
const E2E_SERVERS = Math.max(1, Number(process.env.E2E_SERVERS ?? 2));
// Server test files per test process (scripts/test-bundle.mjs, groupBundles).
const FILES_PER_PROCESS = 6;

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
        console.log(`\n━━ ${label} (ran beside the one above) ━━`);
        process.stdout.write(Buffer.concat(output));
      }
      results.push({ label, ok: code === 0, seconds });
      resolve(code === 0);
    });
  });
}

// Where it exists, `nice` lowers the priority of the server suites while they run beside the browser
// specs: the specs wait on pages and stay as quick as when alone, the suites take the CPU they leave.
const NICE = ['/usr/bin/nice', '/bin/nice'].find((p) => existsSync(p));

/** A part that finds nothing to run is a broken layout or glob, never a pass. */
function noFiles(label) {
  console.log(`\n━━ ${label}: NO TEST FILES FOUND ━━`);
  results.push({ label, ok: false, seconds: '0' });
  return false;
}

/**
 * Runs test files through `node --test`: `files` from their TypeScript sources, `bundled` as the
 * JavaScript bundles they are (see serverTests).
 */
async function nodeTests(label, { files = [], bundled = [] }, env, background = false) {
  if (files.length + bundled.length === 0) return noFiles(label);
  const sets = [];
  if (files.length > 0)
    sets.push({ name: 'from source', args: [...typescriptArgs, '--test', '--test-concurrency=2', ...files] });
  if (bundled.length > 0)
    sets.push({
      name: 'bundled',
      args: ['--enable-source-maps', '--test', '--test-concurrency=2', ...bundled],
    });
  let ok = true;
  for (const { name, args } of sets) {
    const part = sets.length > 1 ? `${label} (${name})` : label;
    const passed =
      background && NICE
        ? await run(part, NICE, ['-n', '19', process.execPath, ...args], env, true)
        : await run(part, process.execPath, args, env, background);
    ok = passed && ok;
  }
  return ok;
}

/**
 * The server's test files run bundled into plain JavaScript (scripts/test-bundle.mjs says what that
 * spares each test process), made once per run under apps/server/node_modules so that their
 * packages resolve.
 */
async function serverTests(background = false) {
  const files = testFiles('apps/server/src');
  if (files.length === 0) return noFiles('server');
  const caches = join(root, 'apps/server/node_modules/.cache');
  mkdirSync(caches, { recursive: true });
  const cache = mkdtempSync(join(caches, 'compagnon-tests-'));
  try {
    let tests;
    try {
      const bundles = await bundleTests(root, files, cache);
      tests = { files: bundles.fromSource, bundled: groupBundles(root, bundles, cache, FILES_PER_PROCESS) };
    } catch (err) {
      console.log(`\n━━ server: THE TEST FILES DID NOT BUNDLE ━━\n${err.message}`);
      results.push({ label: 'server · bundle', ok: false, seconds: '0' });
      return false;
    }
    await nodeTests('server · SQLite', tests, { DATABASE_URL: '', TEST_DATABASE: 'sqlite' }, background);
    if (process.env.DATABASE_URL) {
      await nodeTests('server · PostgreSQL', tests, { TEST_DATABASE: 'postgres' }, background);
    } else {
      console.log('\n━━ server · PostgreSQL: skipped (set DATABASE_URL=postgres://… to run it) ━━');
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** The system Chromium: its headless shell where Debian's package for it is installed (the same
 * engine without the windowing layers, so each page costs less CPU), else the full browser. */
function findChromium() {
  return [
    process.env.CHROME_PATH,
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].find((p) => p && existsSync(p));
}

/**
 * Spec files in `groups` lists of about equal running time, longest first into the shortest list.
 * `e2e/durations.json` holds each spec's seconds in a quiet run; it only balances the lists, so a
 * stale or missing figure (a new spec counts as the median) costs time, never a test. Each list runs
 * against its own server with a fresh demo database: a list never sees another list's changes.
 */
function specGroups(groups) {
  const known = JSON.parse(readFileSync(join(root, 'e2e/durations.json'), 'utf8'));
  const figures = Object.values(known).sort((a, b) => a - b);
  const median = figures[Math.floor(figures.length / 2)] ?? 1;
  const files = readdirSync(join(root, 'e2e'))
    .filter((f) => f.endsWith('.spec.ts'))
    .map((f) => ({ file: `e2e/${f}`, seconds: known[f] ?? median }))
    .sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  const lists = Array.from({ length: groups }, () => ({ files: [], seconds: 0 }));
  for (const f of files) {
    const shortest = lists.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    shortest.files.push(f.file);
    shortest.seconds += f.seconds;
  }
  return lists.map((l) => l.files.sort());
}

function browserTests() {
  const chrome = findChromium();
  if (!chrome) {
    const msg =
      'NO CHROMIUM FOUND (CHROME_PATH, /usr/bin/chromium-headless-shell or /usr/bin/chromium): BROWSER TESTS NOT RUN';
    console.log(`\n${'!'.repeat(msg.length + 8)}\n!!! ${msg} !!!\n${'!'.repeat(msg.length + 8)}`);
    results.push({ label: 'e2e', ok: process.env.REQUIRE_E2E !== '1', seconds: '0', skipped: true });
    return null;
  }
  return async () => {
    // The web app is built once, and every server serves that build.
    const web = mkdtempSync(join(tmpdir(), 'compagnon-e2e-web-'));
    const built = await run(
      'e2e · web app build',
      'npm',
      ['run', 'build', '-w', '@compagnon/web', '--', '--outDir', web, '--emptyOutDir'],
      { NODE_ENV: 'production' },
    );
    if (!built) return false;
    const basePort = Number(process.env.E2E_PORT ?? 3999);
    const cli = join(root, 'node_modules/@playwright/test/cli.js');
    const lists = specGroups(E2E_SERVERS);
    const list = (files, i) =>
      run(
        `e2e · Chromium · list ${i + 1} of ${lists.length}`,
        process.execPath,
        [cli, 'test'],
        {
          CHROME_PATH: chrome,
          E2E_PORT: String(basePort - i),
          E2E_WEB_DIST: web,
          E2E_SPECS: files.map((f) => f.replace(/^e2e\//, '')).join(','),
        },
        i > 0,
      );
    const ok = (await Promise.all(lists.map(list))).every(Boolean);
    rmSync(web, { recursive: true, force: true });
    return ok;
  };
}

const started = Date.now();
if (want('engine')) await nodeTests('engine', { files: testFiles('packages/engine/src') });
const browser = want('e2e') ? browserTests() : null;
if (want('server') && browser && !oneByOne) {
  // The browser specs leave about one core of two idle while pages load and render: the server
  // suites run beside them at the lowest priority and take that core.
  await Promise.all([serverTests(true), browser()]);
} else {
  if (want('server')) await serverTests();
  if (browser) await browser();
}

console.log('\n━━ summary ━━');
for (const r of results)
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label}${r.skipped ? ' (skipped)' : ''} ${r.seconds}s`);
console.log(`all parts: ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
