import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { command as assign } from '../assign/command.ts';
import { command as busy } from '../busy/command.ts';
import { InputError } from '../errors.ts';
import { command as slots } from '../slots/command.ts';
import { command as stable } from '../stable/command.ts';
import type { EngineCommand } from './types.ts';

const commands: Record<string, EngineCommand> = { assign, stable, slots, busy };

const USAGE =
  'usage: compagnon engine assign|stable|slots|busy [--input FILE] [options] < input > output (assign: --verify prints the certificate)';

/**
 * Runs `compagnon engine <command> …` per shared/formats/ENGINE-CLI.md: one JSON document out on
 * stdout, nothing else; on invalid input exit code 2 and a single line on stderr naming the field.
 * Returns the process exit code.
 */
export function runEngineCli(argv: string[], io: CliIo = defaultIo): number {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.stderr(name ? `unknown engine command "${name}"; ${USAGE}` : USAGE);
    return 2;
  }
  let args = rest;
  let stdin: string;
  try {
    const i = rest.indexOf('--input');
    if (i >= 0) {
      const file = rest[i + 1];
      if (!file) throw new InputError('', '--input needs a file name');
      // npx runs from the package root; a relative path means the caller's own directory.
      stdin = readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8');
      args = [...rest.slice(0, i), ...rest.slice(i + 2)];
    } else {
      stdin = io.readStdin();
    }
    const out = command.run({ stdin, args });
    io.stdout(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof InputError) {
      const where = err.pointer === '' ? '' : `${err.pointer}: `;
      io.stderr(`invalid input: ${where}${err.message}`.replace(/\s*\n\s*/g, ' '));
      return 2;
    }
    if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr(`cannot read input: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

export interface CliIo {
  readStdin(): string;
  stdout(s: string): void;
  stderr(line: string): void;
}

export const defaultIo: CliIo = {
  readStdin: () => readFileSync(0, 'utf8'),
  stdout: (s) => {
    process.stdout.write(s);
  },
  stderr: (s) => {
    process.stderr.write(`${s}\n`);
  },
};
