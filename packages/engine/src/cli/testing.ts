import { join } from 'node:path';
import { runEngineCli } from './main.ts';

/** Directory of the contract's examples (a copy of shared/formats/examples). */
export const contractDir = join(import.meta.dirname, '../../fixtures/contract');

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
