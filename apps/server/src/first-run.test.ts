import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { typescriptArgs } from '../../../scripts/typescript.mjs';
import { ROOT } from './config.ts';
import { openSqlite } from './db/sqlite.ts';
import { createPostgresDatabase } from './test/harness.ts';

// The README's first run, as processes: `compagnon admin create` from one folder, the server
// started from another, both on the same database; a database holding a real organisation gets no
// demo; the temporary password opens only its own replacement; `compagnon backup` from the root.

const kind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
const scratch = mkdtempSync(join(tmpdir(), 'compagnon-first-run-'));
// A DATA_DIR relative to the repository's root, as the README's default `./data` is.
const dataDir = relative(ROOT, join(scratch, 'data'));
let databaseUrl = '';
let dropDatabase: (() => Promise<void>) | undefined;
let server: ChildProcess | undefined;
let serverLog = '';
let baseUrl = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    DEMO: 'auto',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_FORMAT: 'json',
    SMTP_URL: '',
    SMTP_HOST: '',
    ...extra,
  };
}

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'apps/server/bin/compagnon.js'), ...args], {
    cwd,
    env: env(baseUrl ? { PUBLIC_URL: baseUrl } : {}),
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Waits until the server says it is ready, or reports what it printed if it stopped. That line is its
 * last at start-up, written once it listens; the lines before it come on the same stream, in order,
 * so they are in `serverLog` too. (Its health route answers before that line reaches this process.)
 */
async function waitForServer(): Promise<void> {
  while (!/Compagnon is ready on/.test(serverLog)) {
    if (server?.exitCode !== null) throw new Error(`The server stopped:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function call(method: string, path: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    cookie: res.headers.get('set-cookie')?.split(';')[0],
  };
}

before(async () => {
  if (kind === 'postgres')
    ({ url: databaseUrl, drop: dropDatabase } = await createPostgresDatabase('compagnon_fr'));
  baseUrl = `http://127.0.0.1:${await freePort()}`;
});

after(async () => {
  if (server && server.exitCode === null) {
    const stopped = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    await stopped;
  }
  await dropDatabase?.();
  rmSync(scratch, { recursive: true, force: true });
});

let temporaryPassword = '';
let signInLink = '';

test('admin create, run from apps/server, makes an administrator with a temporary password and a link', () => {
  const r = cli(
    ['admin', 'create', '--org', 'DMG Test', '--email', 'referent@dmg.test', '--name', 'Dr Durand'],
    join(ROOT, 'apps/server'),
  );
  assert.equal(r.status, 0, r.stderr);
  temporaryPassword = /Temporary password: (\S+)/.exec(r.stdout)?.[1] ?? '';
  signInLink = /Sign-in link[^:]*: (\S+)/.exec(r.stdout)?.[1] ?? '';
  assert.ok(temporaryPassword.length >= 12, r.stdout);
  assert.match(signInLink, /\/connexion\/lien\?token=/);
  if (kind === 'sqlite') {
    // The database named at the top is the one under the repository's root, not the current folder's.
    assert.match(r.stderr, new RegExp(`Database: ${join(ROOT, dataDir, 'compagnon.sqlite')}`));
    assert.ok(existsSync(join(ROOT, dataDir, 'compagnon.sqlite')));
    assert.ok(!existsSync(join(ROOT, 'apps/server', dataDir)));
  }
});

test('admin create again on the same e-mail says so and changes nothing', () => {
  const r = cli(
    ['admin', 'create', '--org', 'DMG Test', '--email', 'referent@dmg.test', '--name', 'Dr Durand'],
    ROOT,
  );
  assert.equal(r.status, 1);
  assert.match(
    r.stdout,
    /already administrator of "DMG Test" \([^)]+\)\. Nothing changed; the password stays as it was/,
  );
  assert.doesNotMatch(r.stdout, /Temporary password/);
});

test('the server, started from the root on a database with a real organisation, creates no demo', async () => {
  // As `npm start` runs it: the sources as they are where Node.js strips types (so the Node.js 24
  // run proves that start), through tsx elsewhere.
  server = spawn(process.execPath, [...typescriptArgs, join(ROOT, 'apps/server/src/main.ts')], {
    cwd: ROOT,
    env: env({ PORT: new URL(baseUrl).port, HOST: '127.0.0.1', PUBLIC_URL: baseUrl }),
  });
  server.stdout?.on('data', (d) => {
    serverLog += d;
  });
  server.stderr?.on('data', (d) => {
    serverLog += d;
  });
  await waitForServer();
  assert.match(serverLog, /No demo: this database holds a real organisation/);
  const session = await call('GET', '/api/session');
  assert.equal(session.status, 200);
  assert.deepEqual(session.body, { user: null, demo: false });
  for (const email of ['coordination@dmg.demo', 'admin@dmg.demo', 'interne1@dmg.demo']) {
    const r = await call('POST', '/api/auth/sign-in', { email, password: 'demo-compagnon' });
    assert.equal(r.status, 401, `${email} does not exist`);
  }
});

test('the temporary password opens only its replacement, then everything', async () => {
  const signIn = await call('POST', '/api/auth/sign-in', {
    email: 'referent@dmg.test',
    password: temporaryPassword,
  });
  assert.equal(signIn.status, 200);
  assert.equal(signIn.body.passwordChangeRequired, true);
  const cookie = signIn.cookie as string;
  const blocked = await call('GET', '/api/notifications', undefined, cookie);
  assert.equal(blocked.status, 403);
  assert.equal(blocked.body.error.code, 'password_change_required');
  assert.equal((await call('GET', '/api/me', undefined, cookie)).status, 200);
  // The printed sign-in link works once (a new password would cancel it).
  const token = new URL(signInLink).searchParams.get('token');
  assert.equal((await call('POST', '/api/auth/magic-link/consume', { token })).status, 200);
  assert.equal((await call('POST', '/api/auth/magic-link/consume', { token })).status, 400);
  const wrong = await call(
    'POST',
    '/api/me/password',
    { current: 'not-it', password: 'un-mot-de-passe-à-moi' },
    cookie,
  );
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.error.code, 'wrong_password');
  const changed = await call(
    'POST',
    '/api/me/password',
    { current: temporaryPassword, password: 'un-mot-de-passe-à-moi' },
    cookie,
  );
  assert.equal(changed.status, 200);
  assert.equal((await call('GET', '/api/notifications', undefined, cookie)).status, 200);
  const me = await call('GET', '/api/me', undefined, cookie);
  assert.equal(me.body.passwordChangeRequired, false);
  assert.equal(me.body.organisations[0].name, 'DMG Test');
  assert.equal(me.body.organisations[0].isAdmin, true);
});

test('compagnon backup, run from the root while the server runs, copies the same database', {
  skip: kind === 'postgres' ? 'PostgreSQL is backed up with pg_dump' : false,
}, () => {
  const out = join(scratch, 'backup.sqlite');
  const r = cli(['backup', '--out', out], ROOT);
  assert.equal(r.status, 0, r.stderr);
  const copy = openSqlite(out, { readonly: true });
  const orgs = copy.database.prepare('SELECT name, is_demo FROM organisations').all([]);
  copy.close();
  assert.deepEqual(orgs, [{ name: 'DMG Test', is_demo: 0 }]);
  const again = cli(['backup', '--out', out], ROOT);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /already exists/);
  const missing = cli(['backup', '--out', join(scratch, 'nowhere', 'b.sqlite')], ROOT);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, new RegExp(`The folder ${join(scratch, 'nowhere')} does not exist`));
});
