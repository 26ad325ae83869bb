import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { defaultSqliteDriver, openSqlite } from './sqlite.ts';

// Each connection keeps its prepared statements (db/sqlite.ts): a statement prepared again gives the
// same answers as a new one, after a schema change and past the number kept.

const scratch = mkdtempSync(join(tmpdir(), 'compagnon-statements-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// The driver of this Node.js: node:sqlite from 22.16, better-sqlite3 on 20 (CI runs both lines).
const driver = defaultSqliteDriver();
test(`${driver}: a kept statement answers as a new one would`, () => {
  const file = openSqlite(join(scratch, `${driver.replace(':', '-')}.sqlite`), { driver });
  try {
    const db = file.database;
    file.run('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const insert = 'INSERT INTO people (name) VALUES (?)';
    const all = 'SELECT * FROM people ORDER BY id';
    for (const name of ['Ana', 'Bo']) db.prepare(insert).run([name]);
    assert.equal(db.prepare(insert), db.prepare(insert), 'the same SQL is prepared once');
    assert.deepEqual(db.prepare(all).all([]), [
      { id: 1, name: 'Ana' },
      { id: 2, name: 'Bo' },
    ]);
    // A column added after the statement was prepared is in its next answer.
    file.run("ALTER TABLE people ADD COLUMN site TEXT NOT NULL DEFAULT 'Nord'");
    assert.deepEqual(db.prepare(all).all([]), [
      { id: 1, name: 'Ana', site: 'Nord' },
      { id: 2, name: 'Bo', site: 'Nord' },
    ]);
    // Many distinct statements: the oldest are let go, and preparing them again still works.
    for (let i = 0; i < 600; i++) db.prepare(`SELECT ${i} AS n`).all([]);
    assert.deepEqual(db.prepare('SELECT 0 AS n').all([]), [{ n: 0 }]);
    assert.equal(db.prepare(all).all([]).length, 2);
  } finally {
    file.close();
  }
});
