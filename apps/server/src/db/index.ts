import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresDialect,
  SqliteDialect,
} from 'kysely';
import pg from 'pg';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_matching.ts';
import * as m0003 from './migrations/0003_meetings.ts';
import * as m0004 from './migrations/0004_followup.ts';
import * as m0005 from './migrations/0005_followup_sources.ts';
import * as m0006 from './migrations/0006_first_run.ts';
import * as m0007 from './migrations/0007_unsubscribe_hashed.ts';
import * as m0008 from './migrations/0008_report_visibility_web_links.ts';
import * as m0009 from './migrations/0009_programme_invitations.ts';
import * as m0010 from './migrations/0010_data_rights.ts';
import * as m0011 from './migrations/0011_sign_in_limits.ts';
import * as m0012 from './migrations/0012_audit_retention.ts';
import * as m0013 from './migrations/0013_import_mapping.ts';
import * as m0014 from './migrations/0014_poll_nudges.ts';
import * as m0016 from './migrations/0016_wellbeing.ts';
import * as m0017 from './migrations/0017_difficulties_consultations.ts';
import * as m0018 from './migrations/0018_phone_choices.ts';
import * as m0020 from './migrations/0020_pair_threads.ts';
import * as m0021 from './migrations/0021_portfolio.ts';
import * as m0022 from './migrations/0022_agreements.ts';
import * as m0023 from './migrations/0023_join_requests.ts';
import * as m0024 from './migrations/0024_end_reviews.ts';
import * as m0025 from './migrations/0025_teams.ts';
import * as m0026 from './migrations/0026_team_work.ts';
import * as m0027 from './migrations/0027_absences.ts';
import * as m0028 from './migrations/0028_tutor_feedback.ts';
import * as m0029 from './migrations/0029_guides_announcements.ts';
import * as m0030 from './migrations/0030_training.ts';
import * as m0031 from './migrations/0031_coaching.ts';
import * as m0032 from './migrations/0032_networks.ts';
import { openSqlite, type SqliteDriverChoice, type SqliteDriverName } from './sqlite.ts';
import type { Database } from './types.ts';

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** Where the data is, for start-up messages: the SQLite file, or the PostgreSQL server (no password). */
  location: string;
  /** The SQLite driver in use (none for PostgreSQL). */
  driver?: SqliteDriverName;
  close(): Promise<void>;
}

/** The SQLite file of a data folder: the server and every CLI command open this one. */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'compagnon.sqlite');
}

/** Read and written by the server's own user only: the database holds every person's data. */
export const PRIVATE_FILE = 0o600;
const PRIVATE_FOLDER = 0o700;

/**
 * Makes the data folder private (created so, or tightened when an older version left it open), and
 * the SQLite file too, before SQLite opens it: SQLite gives its write-ahead log and shared-memory
 * files the database file's own permissions, so they are private as well. Side files left by an
 * earlier, more open version are tightened here.
 */
function makePrivate(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER });
  try {
    chmodSync(dataDir, PRIVATE_FOLDER);
  } catch (err) {
    // A folder owned by someone else (a shared mount): its owner decides; the files are still private.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
  if (file === ':memory:') return;
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(path)) chmodSync(path, PRIVATE_FILE);
  }
}

/** Opens PostgreSQL when a URL is given, else the embedded SQLite file `<dataDir>/compagnon.sqlite`. */
export function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  sqliteFile?: string;
  sqliteDriver?: SqliteDriverChoice;
}): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection closed by the server (restart, failover, a dropped test database) is
    // reported here; without a listener node-postgres would crash the process. The pool replaces it.
    pool.on('error', (err) => {
      process.stderr.write(`PostgreSQL connection lost: ${err.message}\n`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(opts.databaseUrl);
    url.password = '';
    return { db, kind: 'postgres', location: url.toString(), close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? sqliteFileIn(opts.dataDir);
  try {
    makePrivate(opts.dataDir, file);
  } catch (err) {
    throw new Error(`Cannot prepare the data folder ${opts.dataDir}: ${(err as Error).message}`);
  }
  let sqlite: ReturnType<typeof openSqlite>;
  try {
    sqlite = openSqlite(file, { driver: opts.sqliteDriver });
  } catch (err) {
    throw new Error(`Cannot open the database ${file}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite.database }) });
  return { db, kind: 'sqlite', location: file, driver: sqlite.driver, close: () => db.destroy() };
}

// Migrations are listed in code (not discovered on disk) so they run the same under tsx and bundlers.
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_matching': m0002,
  '0003_meetings': m0003,
  '0004_followup': m0004,
  '0005_followup_sources': m0005,
  '0006_first_run': m0006,
  '0007_unsubscribe_hashed': m0007,
  '0008_report_visibility_web_links': m0008,
  '0009_programme_invitations': m0009,
  '0010_data_rights': m0010,
  '0011_sign_in_limits': m0011,
  '0012_audit_retention': m0012,
  '0013_import_mapping': m0013,
  '0016_wellbeing': m0016,
  '0017_difficulties_consultations': m0017,
  '0014_poll_nudges': m0014,
  '0020_pair_threads': m0020,
  '0018_phone_choices': m0018,
  '0021_portfolio': m0021,
  '0024_end_reviews': m0024,
  '0023_join_requests': m0023,
  '0022_agreements': m0022,
  '0025_teams': m0025,
  '0026_team_work': m0026,
  '0028_tutor_feedback': m0028,
  '0029_guides_announcements': m0029,
  '0030_training': m0030,
  '0031_coaching': m0031,
  '0027_absences': m0027,
  '0032_networks': m0032,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: Db): Promise<void> {
  // Capabilities add their migrations independently; order between them does not matter.
  const { error, results } = await new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
