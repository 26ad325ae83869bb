import { parseJsonInput } from '../cli/json.ts';
import type { EngineCommand } from '../cli/types.ts';
import type { AssignInput } from './input.ts';
import { solveAssignment } from './solve.ts';

/** `compagnon engine assign`: JSON in, {@link solveAssignment}'s result out. */
export const command: EngineCommand = {
  name: 'assign',
  run({ stdin }) {
    return solveAssignment(parseJsonInput(stdin) as AssignInput);
  },
};
