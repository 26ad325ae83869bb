import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { migrate, openDatabase } from '../db/index.ts';
import { buildApp } from '../http/app.ts';
import { SESSION_COOKIE } from '../http/session.ts';
import { runDueJobs } from '../jobs/index.ts';
import { fixedClock } from '../lib/clock.ts';
import { hashSecret, newId, newSecret } from '../lib/ids.ts';
import { type PasswordAlgorithm, passwordHasher } from '../lib/passwords.ts';
import { MemoryMailer } from '../notify/mailer.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

/**
 * A fresh PostgreSQL database on the server of DATABASE_URL, named `<prefix>_<random>`, and how to
 * drop it (connections closed by force).
 */
export async function createPostgresDatabase(
  prefix: string,
  opts: { migrated?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE=postgres needs DATABASE_URL');
  const name = `${prefix}_${newId().replace(/-/g, '').slice(-16)}`;
  const template = opts.migrated ? await migratedTemplate(base) : null;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  // A test database is thrown away at the end of its file: its commits need not wait for the disk.
  // Durability is PostgreSQL's, not the product's, to test; the wait was two thirds of the suite's time.
  await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  await admin.end();
  return {
    url: databaseAt(base, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const databaseAt = (base: string, name: string) => {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * A PostgreSQL database migrated to the current migrations, for test databases to be copied from:
 * migrating a fresh database costs seconds, copying it a fraction of one. Its name carries a hash of
 * the migrations' sources, so a changed migration makes a new one (the older ones are dropped); the
 * test processes running at once take turns through an advisory lock.
 */
async function migratedTemplate(base: string): Promise<string> {
  const dir = fileURLToPath(new URL('../db/migrations/', import.meta.url));
  const hash = createHash('sha256');
  for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  const name = `compagnon_template_${hash.digest('hex').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(704512)');
    const found = await admin.query(
      `SELECT datname, shobj_description(oid, 'pg_database') AS made FROM pg_database WHERE datname LIKE 'compagnon_template_%'`,
    );
    const rows = found.rows as { datname: string; made: string | null }[];
    if (!rows.some((r) => r.datname === name)) {
      // Templates of other migrations a day old are gone: another checkout may still copy a newer one.
      const dayAgo = Date.now() - 86_400_000;
      for (const old of rows.filter((r) => !r.made || Date.parse(r.made) < dayAgo))
        await admin.query(`DROP DATABASE IF EXISTS ${old.datname} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.query(`COMMENT ON DATABASE ${name} IS '${new Date().toISOString()}'`);
      const handle = openDatabase({ databaseUrl: databaseAt(base, name), dataDir: tmpdir() });
      await migrate(handle.db);
      await handle.close();
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(704512)');
    await admin.end();
  }
  return name;
}

/**
 * One database per test file (a temporary SQLite file, or a fresh PostgreSQL database when the
 * runner says TEST_DATABASE=postgres), migrated, with an in-memory mailer and a controllable clock.
 * Tests inside a file share it but each builds its own organisation, so none depends on another.
 * `settings` adds environment settings; `passwordAlgorithm` replaces Argon2 behind the bounded hasher
 * (a test that must hold hashes in flight).
 * Settings such as RATE_LIMIT=on or TRUST_PROXY=… go in `settings`.
 */
export async function setupTestServer(
  opts: { settings?: Record<string, string>; passwordAlgorithm?: PasswordAlgorithm } = {},
) {
  const kind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'compagnon-test-'));
  if (kind === 'postgres')
    ({ url: databaseUrl, drop: dropDatabase } = await createPostgresDatabase('compagnon_t', {
      migrated: true,
    }));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DEMO: 'off',
    PUBLIC_URL: 'http://compagnon.test',
    ...opts.settings,
  } as NodeJS.ProcessEnv);
  const handle = openDatabase({ databaseUrl, dataDir });
  // As for PostgreSQL above: a test database is thrown away at the end of its file, so its commits
  // need not wait for the disk.
  if (handle.kind === 'sqlite') await sql`PRAGMA synchronous = OFF`.execute(handle.db);
  await migrate(handle.db);
  const mailer = new MemoryMailer();
  const clock = fixedClock(new Date('2026-11-16T09:00:00Z'));
  const passwords = passwordHasher({
    concurrency: config.PASSWORD_HASH_CONCURRENCY,
    queue: config.PASSWORD_HASH_QUEUE,
    algorithm: opts.passwordAlgorithm,
  });
  const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config, mailer, clock, passwords };
  // No time limit on the plugins' start: the suites run at the lowest priority beside the browser
  // specs, and a starved process may take many seconds to load one; the test waits for the state.
  const app = await buildApp(ctx, { pluginTimeout: 0 });
  await app.ready();
  after(async () => {
    await app.close();
    await handle.close();
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });
  /** Runs the jobs due now (e-mails are jobs): call it before reading what the mailer received. */
  const deliver = () => runDueJobs(ctx, { now: clock.now(), schedules: false });
  return { app, ctx, db: handle.db, mailer, clock, kind, deliver };
}

/** Opens a session for the user directly (password hashing is tested once, in the auth tests). */
export async function sessionCookie(ctx: AppContext, userId: string): Promise<string> {
  const token = newSecret();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('sessions')
    .values({
      id: hashSecret(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
      last_seen_at: now.toISOString(),
      ip: null,
      user_agent: null,
    })
    .execute();
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * Every row of every table except sessions (whose last-seen time moves on each request), to prove
 * a refused request changed nothing. Tables are listed from the database itself, so a capability's
 * new table is covered without anyone remembering to add it here.
 */
export async function snapshot(ctx: AppContext): Promise<Record<string, string>> {
  const tables = (await ctx.db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => name !== 'sessions')
    .sort();
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rows = await (ctx.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .selectFrom(t)
      .selectAll()
      .execute();
    out[t] = JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
  }
  return out;
}

/**
 * A log of row changes kept by the database itself: triggers on every table except sessions record
 * the table name of each row inserted, deleted or actually changed. `changedSince(mark)` lists the
 * tables written since `mark()`. It answers what `snapshot` answers, in constant time whatever the
 * size of the database, so a test can check hundreds of refusals against a growing database.
 * Tables are listed from the database once, when the log is installed (after the migrations).
 */
export async function changeLog(ctx: AppContext) {
  const db = ctx.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const tables = (await ctx.db.introspection.getTables()).filter((t) => t.name !== 'sessions');
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const run = (statement: string) => sql.raw(statement).execute(ctx.db);
  if (ctx.dbKind === 'postgres') {
    await run('CREATE TABLE test_changes (id bigserial PRIMARY KEY, tbl text NOT NULL)');
    await run(`CREATE FUNCTION test_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_changes (tbl) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
    for (const t of tables) {
      await run(`CREATE TRIGGER test_changes_write AFTER INSERT OR DELETE ON ${q(t.name)}
        FOR EACH ROW EXECUTE FUNCTION test_change()`);
      await run(`CREATE TRIGGER test_changes_update AFTER UPDATE ON ${q(t.name)}
        FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION test_change()`);
    }
  } else {
    await run('CREATE TABLE test_changes (id INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL)');
    for (const [i, t] of tables.entries()) {
      const log = `INSERT INTO test_changes (tbl) VALUES ('${t.name.replace(/'/g, "''")}');`;
      const changed = t.columns.map((c) => `OLD.${q(c.name)} IS NOT NEW.${q(c.name)}`).join(' OR ');
      await run(`CREATE TRIGGER test_changes_${i}_i AFTER INSERT ON ${q(t.name)} BEGIN ${log} END`);
      await run(`CREATE TRIGGER test_changes_${i}_d AFTER DELETE ON ${q(t.name)} BEGIN ${log} END`);
      await run(
        `CREATE TRIGGER test_changes_${i}_u AFTER UPDATE ON ${q(t.name)} WHEN ${changed} BEGIN ${log} END`,
      );
    }
  }
  return {
    async mark(): Promise<number> {
      const row = await db
        .selectFrom('test_changes')
        .select((eb) => eb.fn.max('id').as('last'))
        .executeTakeFirst();
      return Number(row?.last ?? 0);
    },
    async changedSince(mark: number): Promise<string[]> {
      const rows = await db.selectFrom('test_changes').select('tbl').where('id', '>', mark).execute();
      return [...new Set(rows.map((r) => String(r.tbl)))].sort();
    },
  };
}
