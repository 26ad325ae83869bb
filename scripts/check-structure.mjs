#!/usr/bin/env node
// The house rules of docs/ARCHITECTURE.md, checked: every server capability has its routes, service,
// schema and policy files; routes (routes.ts and the routes-<topic>.ts it registers) are HTTP only
// (no database, no SQL); no source file grows past 400 lines and no function (declaration,
// expression, arrow or method) past 80 lines outside tests, migrations and fixtures; CSV is written
// only by lib/csv.ts. `node scripts/check-structure.mjs`; CI runs it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const modules = join(root, 'apps/server/src/modules');
const MAX_LINES = 400;
const MAX_FUNCTION_LINES = 80;
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
  // routes.ts, and the route files by topic it registers (routes-<topic>.ts).
  for (const file of readdirSync(dir).filter((f) => /^routes(-[a-z-]+)?\.ts$/.test(f))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const checks = [
      [/\bctx\.db\b|\btrx\b/, 'uses the database'],
      [/from ['"]kysely['"]/, 'imports kysely'],
      [/from ['"](\.\.\/)+db\//, 'imports the database layer'],
      [/\b(selectFrom|insertInto|updateTable|deleteFrom)\(/, 'writes SQL'],
    ];
    for (const [pattern, what] of checks) {
      if (pattern.test(text)) problems.push(`modules/${name}/${file} ${what}: routes are HTTP only`);
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

// The functions of a file longer than MAX_FUNCTION_LINES, as `path:line name N lines`.
function longFunctions(path, text) {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const visit = (node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_FUNCTION_LINES) found.push(`${path}:${first + 1} ${functionName(node)} ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// A function's own name, or the name it is given (variable, property, call it is passed to).
function functionName(node) {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText();
  if (parent && ts.isCallExpression(parent)) {
    const callee = parent.expression.getText().replace(/\s+/g, ' ');
    return `(passed to ${callee.length > 40 ? `${callee.slice(0, 40)}…` : callee})`;
  }
  return '(anonymous)';
}

for (const file of [...sources(join(root, 'apps/server/src')), ...sources(join(root, 'apps/web/src'))]) {
  const path = relative(root, file);
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').length;
  if (lines > MAX_LINES) problems.push(`${path}: ${lines} lines (at most ${MAX_LINES})`);
  for (const entry of longFunctions(path, text)) problems.push(`${entry} (at most ${MAX_FUNCTION_LINES})`);
  // Every CSV the server writes goes through lib/csv.ts, which neutralises formulas in cells.
  if (/\bunparse\(/.test(text) && !file.endsWith('apps/server/src/lib/csv.ts'))
    problems.push(`${path}: writes CSV itself; use toCsv from apps/server/src/lib/csv.ts`);
}

if (problems.length > 0) {
  console.error(
    `Structure check: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(
  `Structure check: every module has its files, routes are HTTP only, no file over ${MAX_LINES} lines, no function over ${MAX_FUNCTION_LINES} lines.`,
);
