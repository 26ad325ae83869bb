import { parseJsonInput } from '../cli/json.ts';
import type { EngineCommand } from '../cli/types.ts';
import type { AssignInput } from './input.ts';
import { solveAndCertify } from './solve.ts';

/**
 * `compagnon engine assign [--verify]`: JSON in, {@link solveAndCertify}'s result out. Every answer
 * is checked; with `--verify` the output also carries the check's result as `"certificate"`.
 */
export const command: EngineCommand = {
  name: 'assign',
  run({ stdin, args }) {
    const { output, certificate } = solveAndCertify(parseJsonInput(stdin) as AssignInput);
    return args.includes('--verify') ? { ...output, certificate } : output;
  },
};
