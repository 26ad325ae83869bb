import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { migrate, openDatabase } from '../db/index.ts';
import { buildApp } from '../http/app.ts';
import { SESSION_COOKIE } from '../http/session.ts';
import { fixedClock } from '../lib/clock.ts';
import { hashSecret, newId, newSecret } from '../lib/ids.ts';
import { MemoryMailer } from '../notify/mailer.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

/**
 * One database per test file (a temporary SQLite file, or a fresh PostgreSQL database when the
 * runner says TEST_DATABASE=postgres), migrated, with an in-memory mailer and a controllable clock.
 * Tests inside a file share it but each builds its own organisation, so none depends on another.
 */
export async function setupTestServer() {
  const kind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'compagnon-test-'));
  if (kind === 'postgres') {
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE=postgres needs DATABASE_URL');
    const name = `compagnon_t_${newId().replace(/-/g, '').slice(-16)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DEMO: 'off',
    PUBLIC_URL: 'http://compagnon.test',
  } as NodeJS.ProcessEnv);
  const handle = openDatabase({ databaseUrl, dataDir });
  await migrate(handle.db);
  const mailer = new MemoryMailer();
  const clock = fixedClock(new Date('2026-11-16T09:00:00Z'));
  const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config, mailer, clock };
  const app = await buildApp(ctx);
  await app.ready();
  after(async () => {
    await app.close();
    await handle.close();
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, ctx, db: handle.db, mailer, clock, kind };
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
