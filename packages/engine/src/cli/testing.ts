import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../errors.ts';
import { runEngineCli } from './main.ts';

// Helpers shared by the tests of the JSON commands (assign, stable, slots, busy): the contract's
// examples, the CLI run in-process, and the invalid- and malformed-input checks.

/** Directory of the contract's examples (a copy of shared/formats/examples). */
export const contractDir = join(import.meta.dirname, '../../fixtures/contract');

/** Text of one of the contract's examples. */
export const readContract = (name: string) => readFileSync(join(contractDir, name), 'utf8');

/** Runs the CLI in-process with the given stdin and captures exit code, stdout and stderr. */
export function cli(argv: string[], stdin: string) {
  let out = '';
  let err = '';
  const code = runEngineCli(argv, {
    readStdin: () => stdin,
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += `${s}\n`;
    },
  });
  return { code, out, err };
}

/** What is wrong, the document, the JSON pointer the error must name, and its expected wording. */
export type InvalidCase = [what: string, make: () => unknown, pointer: string, message: RegExp];

/**
 * One test per case: `compagnon engine <command>` on the document exits 2, prints nothing on
 * stdout and one line on stderr that starts with the pointer and matches the message.
 */
export function testInvalidInputs(command: string, cases: InvalidCase[]): void {
  for (const [what, make, pointer, message] of cases) {
    test(`invalid input (${what}): exit 2, nothing on stdout, one line naming ${pointer || 'the document'}`, () => {
      const r = cli([command], JSON.stringify(make()));
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      const lines = r.err.trimEnd().split('\n');
      assert.equal(lines.length, 1);
      const line = lines[0] ?? '';
      assert.ok(line.startsWith(`invalid input: ${pointer ? `${pointer}: ` : ''}`), line);
      assert.match(line, message);
    });
  }
}

type Doc = Record<string, unknown[]>;

/**
 * A copy of `doc` in which item `index` of the list `list` is replaced by `value` (`key` empty),
 * or has its field `key` set to `value` (when the item exists).
 */
export function withField<T extends Doc>(
  doc: T,
  list: keyof T,
  index: number,
  key: string,
  value: unknown,
): T {
  const items = [...(doc[list] as unknown[])];
  if (key === '') items[index] = value;
  else if (items[index]) items[index] = { ...(items[index] as Record<string, unknown>), [key]: value };
  return { ...doc, [list]: items };
}

/**
 * Property test: a valid document (`base()`, with a `tutees` list) with any value put in any item
 * or field of its lists gives either an InputError or a result that accounts for every tutee
 * (assigned or unassigned), never another failure.
 */
export function testMalformedInputs<T extends Doc>(
  base: () => T,
  lists: (keyof T & string)[],
  keys: string[],
  run: (doc: T) => { assignment: unknown[]; unassigned: unknown[] },
): void {
  test('malformed input of any shape gives an InputError, never another failure', () => {
    const longest = Math.max(...lists.map((l) => base()[l]?.length ?? 0));
    fc.assert(
      fc.property(
        fc.constantFrom(...lists),
        fc.nat(longest),
        fc.constantFrom('', ...keys),
        fc.anything(),
        (list, index, key, value) => {
          const doc = withField(base(), list, index, key, value);
          try {
            const out = run(doc);
            assert.equal(out.assignment.length + out.unassigned.length, doc.tutees?.length);
          } catch (err) {
            assert.ok(err instanceof InputError, String(err));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
}
