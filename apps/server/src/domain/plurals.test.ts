import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) yield p;
  }
}

test('server texts say plurals in full, never "(s)"', () => {
  const found: string[] = [];
  for (const file of sources(root)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?<=[\s}])[a-zéèêàç]+\((?:s|es|e)\)/g)) {
      found.push(`${file.slice(root.length)}: ${m[0]}`);
    }
  }
  assert.deepEqual(found, []);
});
