import { createRequire } from 'node:module';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The embedded database's driver. Node.js 22 and later have SQLite built in (`node:sqlite`): no
 * native module, nothing compiled at install. Node.js 20 has not, and uses better-sqlite3, which
 * the optional package `@compagnon/sqlite-node20` brings there only (npm skips it on Node ≥ 22).
 * Both are wrapped in the interface Kysely's SqliteDialect expects, so queries do not know which
 * one runs.
 */
export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';
export type SqliteDriverChoice = 'auto' | SqliteDriverName;

export interface SqliteFile {
  /** What Kysely's SqliteDialect takes. */
  database: SqliteDatabase;
  driver: SqliteDriverName;
  /** Runs statements without results (pragmas, VACUUM INTO); parameters are bound, never spliced. */
  run(statement: string, ...params: (string | number | null)[]): void;
  close(): void;
}

const require = createRequire(import.meta.url);

type Param = string | number | bigint | null | Uint8Array;
type Row = Record<string, unknown>;

interface NodeStatement {
  columns(): unknown[];
  all(...params: Param[]): Row[];
  run(...params: Param[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...params: Param[]): IterableIterator<Row>;
}
interface NodeDatabase {
  prepare(sql: string): NodeStatement;
  exec(sql: string): void;
  close(): void;
}
interface NodeSqliteModule {
  DatabaseSync: new (path: string, options?: { readOnly?: boolean }) => NodeDatabase;
  StatementSync: { prototype: Partial<NodeStatement> };
}

interface BetterStatement extends SqliteStatement {
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
}
interface BetterDatabase {
  prepare(sql: string): BetterStatement;
  close(): void;
}
type BetterSqliteConstructor = new (
  path: string,
  options?: { readonly?: boolean; fileMustExist?: boolean },
) => BetterDatabase;

let nodeSqlite: NodeSqliteModule | null | undefined;

/** `node:sqlite` when this Node.js has it with `columns()` (22.16, 23.11, 24 and later), else null. */
function loadNodeSqlite(): NodeSqliteModule | null {
  if (nodeSqlite !== undefined) return nodeSqlite;
  // Node 22 announces the module as experimental on first load; it is the supported path here.
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite/i.test(text)) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const mod = require('node:sqlite') as NodeSqliteModule;
    nodeSqlite = typeof mod.StatementSync?.prototype?.columns === 'function' ? mod : null;
  } catch {
    nodeSqlite = null;
  } finally {
    process.emitWarning = emit;
  }
  return nodeSqlite;
}

function loadBetterSqlite(): BetterSqliteConstructor {
  try {
    return require('@compagnon/sqlite-node20') as BetterSqliteConstructor;
  } catch (err) {
    throw new Error(
      `This Node.js (${process.version}) has no built-in node:sqlite and better-sqlite3 is not installed ` +
        `(${err instanceof Error ? err.message.split('\n')[0] : String(err)}). Use Node.js 22.16 or later, ` +
        'or run `npm install` again on Node.js 20 with python3, make and g++ available.',
    );
  }
}

/** Which driver `auto` resolves to on this Node.js. */
export function defaultSqliteDriver(): SqliteDriverName {
  return loadNodeSqlite() ? 'node:sqlite' : 'better-sqlite3';
}

/** Prepared statements kept per connection, most recently used last. */
const STATEMENTS_KEPT = 500;

/**
 * Prepares each distinct SQL text once per connection: Kysely asks the driver to prepare on every
 * query, and preparing was a fifth of the time a request spent in SQLite. A statement can be run
 * again with new parameters; SQLite prepares it again by itself after a schema change. Kysely runs
 * one query at a time per connection, so a kept statement is never in use twice at once.
 */
function keepPrepared<T>(prepare: (sql: string) => T): (sql: string) => T {
  const kept = new Map<string, T>();
  return (sql) => {
    let stmt = kept.get(sql);
    if (stmt === undefined) {
      stmt = prepare(sql);
      if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
    } else {
      kept.delete(sql);
    }
    kept.set(sql, stmt);
    return stmt;
  };
}

function wrapNodeStatement(stmt: NodeStatement): SqliteStatement {
  // A statement returns rows when it has result columns (SELECT, … RETURNING, some pragmas).
  const reader = stmt.columns().length > 0;
  return {
    reader,
    // Rows come with a null prototype; callers (and deepEqual in tests) expect plain objects.
    all: (params) => stmt.all(...(params as Param[])).map((row) => ({ ...row })),
    run: (params) => stmt.run(...(params as Param[])),
    *iterate(params) {
      for (const row of stmt.iterate(...(params as Param[]))) yield { ...row };
    },
  };
}

function openNode(mod: NodeSqliteModule, file: string, readonly: boolean): SqliteFile {
  const db = new mod.DatabaseSync(file, { readOnly: readonly });
  return {
    driver: 'node:sqlite',
    database: {
      prepare: keepPrepared((sql) => wrapNodeStatement(db.prepare(sql))),
      close: () => db.close(),
    },
    run: (statement, ...params) => {
      db.prepare(statement).run(...params);
    },
    close: () => db.close(),
  };
}

function openBetter(file: string, readonly: boolean): SqliteFile {
  const Database = loadBetterSqlite();
  const db = new Database(file, readonly ? { readonly: true, fileMustExist: true } : undefined);
  return {
    driver: 'better-sqlite3',
    database: { prepare: keepPrepared((sql) => db.prepare(sql)), close: () => db.close() },
    run: (statement, ...params) => {
      const stmt = db.prepare(statement);
      if (stmt.reader) stmt.all(params);
      else stmt.run(...params);
    },
    close: () => db.close(),
  };
}

/**
 * Opens a SQLite file (or `:memory:`). `readonly` opens an existing file without writing to it.
 * Writable files get WAL, foreign keys and a busy timeout, as the server and the CLI share them.
 */
export function openSqlite(
  file: string,
  opts: { driver?: SqliteDriverChoice; readonly?: boolean } = {},
): SqliteFile {
  const choice = opts.driver ?? 'auto';
  const mod = choice === 'better-sqlite3' ? null : loadNodeSqlite();
  if (choice === 'node:sqlite' && !mod)
    throw new Error(`SQLITE_DRIVER=node:sqlite: this Node.js (${process.version}) has no usable node:sqlite`);
  const handle = mod ? openNode(mod, file, opts.readonly ?? false) : openBetter(file, opts.readonly ?? false);
  if (!opts.readonly) {
    if (file !== ':memory:') handle.run('PRAGMA journal_mode = WAL');
    handle.run('PRAGMA foreign_keys = ON');
    handle.run('PRAGMA busy_timeout = 5000');
  }
  return handle;
}
