#!/usr/bin/env node
// The house rules of docs/ARCHITECTURE.md, checked: every server capability has its routes, service,
// schema and policy files; routes are HTTP only (no database, no SQL); no source file grows past
// 400 lines outside tests, migrations and fixtures; CSV is written only by lib/csv.ts. `node scripts/check-structure.mjs`; CI runs it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const modules = join(root, 'apps/server/src/modules');
const MAX_LINES = 400;
const REQUIRED = ['routes.ts', 'service.ts', 'schema.ts', 'policy.ts'];

// A module without one of the files above says why here; nothing else is exempt.
const EXEMPT = {
  'notifications/policy.ts':
    'every route reads or changes the signed-in person’s own notifications, or acts for the holder of an unsubscribe link',
};

const problems = [];

for (const name of readdirSync(modules).sort()) {
  const dir = join(modules, name);
  if (!statSync(dir).isDirectory()) continue;
  for (const file of REQUIRED) {
    if (!existsSync(join(dir, file)) && !EXEMPT[`${name}/${file}`]) {
      problems.push(`modules/${name}: no ${file} (docs/ARCHITECTURE.md, "one folder per capability")`);
    }
  }
  const routes = join(dir, 'routes.ts');
  if (existsSync(routes)) {
    const text = readFileSync(routes, 'utf8');
    const checks = [
      [/\bctx\.db\b|\btrx\b/, 'uses the database'],
      [/from ['"]kysely['"]/, 'imports kysely'],
      [/from ['"](\.\.\/)+db\//, 'imports the database layer'],
      [/\b(selectFrom|insertInto|updateTable|deleteFrom)\(/, 'writes SQL'],
    ];
    for (const [pattern, what] of checks) {
      if (pattern.test(text)) problems.push(`modules/${name}/routes.ts ${what}: routes are HTTP only`);
    }
  }
}

function sources(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (['node_modules', 'dist', 'fixtures', 'migrations', 'test'].includes(entry.name)) continue;
      out.push(...sources(path));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

for (const file of [...sources(join(root, 'apps/server/src')), ...sources(join(root, 'apps/web/src'))]) {
  const lines = readFileSync(file, 'utf8').split('\n').length;
  if (lines > MAX_LINES) problems.push(`${relative(root, file)}: ${lines} lines (at most ${MAX_LINES})`);
  // Every CSV the server writes goes through lib/csv.ts, which neutralises formulas in cells.
  if (/\bunparse\(/.test(readFileSync(file, 'utf8')) && !file.endsWith('apps/server/src/lib/csv.ts'))
    problems.push(`${relative(root, file)}: writes CSV itself; use toCsv from apps/server/src/lib/csv.ts`);
}

if (problems.length > 0) {
  console.error(
    `Structure check: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('Structure check: every module has its files, routes are HTTP only, no file over 400 lines.');
