#!/usr/bin/env node
// npm test: engine tests, server tests on SQLite (and on PostgreSQL when DATABASE_URL is set), and
// the browser specs in the system Chromium. `npm test -- engine|server|e2e` runs one part.
//
// The browser specs run as E2E_SERVERS lists (2 unless set) side by side, each list in one
// Playwright worker against its own server; the output of all lists but the first is held and
// printed whole when it ends, so the log reads list by list.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { typescriptArgs } from './typescript.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (part) => only.length === 0 || only.includes(part);
// A zone that is neither UTC nor Paris, so code that forgets the organisation's zone fails loudly.
const TZ = 'America/New_York';
const E2E_SERVERS = Math.max(1, Number(process.env.E2E_SERVERS ?? 2));

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

function nodeTests(label, files, env) {
  if (files.length === 0) {
    // A part that finds nothing to run is a broken layout or glob, never a pass.
    console.log(`\n━━ ${label}: NO TEST FILES FOUND ━━`);
    results.push({ label, ok: false, seconds: '0' });
    return Promise.resolve(false);
  }
  return run(label, process.execPath, [...typescriptArgs, '--test', '--test-concurrency=2', ...files], env);
}

async function serverTests() {
  const files = testFiles('apps/server/src');
  await nodeTests('server · SQLite', files, { DATABASE_URL: '', TEST_DATABASE: 'sqlite' });
  if (process.env.DATABASE_URL) {
    await nodeTests('server · PostgreSQL', files, { TEST_DATABASE: 'postgres' });
  } else {
    console.log('\n━━ server · PostgreSQL: skipped (set DATABASE_URL=postgres://… to run it) ━━');
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
 * Spec files in `groups` lists of about equal weight (a file's size stands for its running time),
 * largest first into the lightest list. Each list runs against its own server with a fresh demo
 * database, so the specs of one list never see another list's changes.
 */
function specGroups(groups) {
  const files = readdirSync(join(root, 'e2e'))
    .filter((f) => f.endsWith('.spec.ts'))
    .map((f) => ({ file: `e2e/${f}`, size: statSync(join(root, 'e2e', f)).size }))
    .sort((a, b) => b.size - a.size || a.file.localeCompare(b.file));
  const lists = Array.from({ length: groups }, () => ({ files: [], size: 0 }));
  for (const f of files) {
    const lightest = lists.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.files.push(f.file);
    lightest.size += f.size;
  }
  return lists.map((l) => l.files.sort());
}

function browserTests() {
  const chrome = findChromium();
  if (!chrome) {
    const msg = 'NO CHROMIUM FOUND (/usr/bin/chromium or CHROME_PATH): BROWSER TESTS NOT RUN';
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
    const list = async (files, i) => {
      const label = `e2e · Chromium · list ${i + 1} of ${lists.length}`;
      const env = { CHROME_PATH: chrome, E2E_PORT: String(basePort - i), E2E_WEB_DIST: web };
      const held = i > 0;
      const ok = await run(label, process.execPath, [cli, 'test', '--project=chromium', ...files], env, held);
      // A spec that lets months pass on the server's clock runs after the others of its list, on
      // a server of its own (playwright.config.ts, project time-travel).
      const late = await run(
        `${label} · time-travel`,
        process.execPath,
        [cli, 'test', '--project=time-travel', '--no-deps', '--pass-with-no-tests', ...files],
        env,
        held,
      );
      return ok && late;
    };
    const ok = (await Promise.all(lists.map(list))).every(Boolean);
    rmSync(web, { recursive: true, force: true });
    return ok;
  };
}

const started = Date.now();
// The parts run one after the other: each of them keeps the machine's cores busy on its own, and
// two of them side by side on a small machine only slow each other down. The browser specs are the
// exception inside their part: one server and one browser leave a core idle while pages load, so
// they run as two lists, each against its own server.
if (want('engine')) await nodeTests('engine', testFiles('packages/engine/src'));
if (want('server')) await serverTests();
if (want('e2e')) {
  const browser = browserTests();
  if (browser) await browser();
}

console.log('\n━━ summary ━━');
for (const r of results)
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label}${r.skipped ? ' (skipped)' : ''} ${r.seconds}s`);
console.log(`all parts: ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
