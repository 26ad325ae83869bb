import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { backup } from '../admin/commands.ts';
import { migrate, openDatabase, sqliteFileIn } from './index.ts';
import { openSqlite } from './sqlite.ts';

// The SQLite file holds every person's data: readable by the server's own user only, and so are
// its write-ahead log, its shared memory, the folder that holds them and the backups.

const postgres = process.env.TEST_DATABASE === 'postgres';
const skip = postgres ? 'PostgreSQL keeps its files under its own server' : false;
const scratch = mkdtempSync(join(tmpdir(), 'compagnon-files-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

test('a new data folder, its database and the database’s side files are private', { skip }, async () => {
  const dataDir = join(scratch, 'new', 'data');
  const handle = openDatabase({ dataDir });
  await migrate(handle.db);
  const file = sqliteFileIn(dataDir);
  try {
    assert.equal(mode(dataDir).toString(8), '700');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      assert.ok(existsSync(path), `${path} exists while the database is open`);
      assert.equal(mode(path).toString(8), '600', path);
    }
  } finally {
    await handle.close();
  }
});

test('an existing database left readable by others is made private when opened', { skip }, async () => {
  const dataDir = join(scratch, 'old');
  mkdirSync(dataDir, { mode: 0o755 });
  chmodSync(dataDir, 0o755);
  const file = sqliteFileIn(dataDir);
  writeFileSync(file, '');
  chmodSync(file, 0o644);
  const handle = openDatabase({ dataDir });
  await migrate(handle.db);
  try {
    assert.equal(mode(dataDir).toString(8), '700');
    for (const path of [file, `${file}-wal`, `${file}-shm`])
      assert.equal(mode(path).toString(8), '600', path);
  } finally {
    await handle.close();
  }
});

test('compagnon backup writes a copy only its owner can read', { skip }, async () => {
  const dataDir = join(scratch, 'backed-up');
  const handle = openDatabase({ dataDir });
  await migrate(handle.db);
  await handle.close();
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = '';
  const out = join(scratch, 'backup.sqlite');
  try {
    assert.equal(await backup({ out }), 0);
    // A backup never overwrites: the same --out again is refused.
    assert.equal(await backup({ out }), 2);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  assert.equal(mode(out).toString(8), '600');
  // …and it is a whole database.
  const copy = openSqlite(out, { readonly: true });
  const tables = copy.database.prepare("SELECT name FROM sqlite_master WHERE name = 'organisations'").all([]);
  copy.close();
  assert.equal(tables.length, 1);
});
