import { parseJsonInput } from '../cli/json.ts';
import type { EngineCommand } from '../cli/types.ts';
import { type StableInput, stableMatching } from './stable.ts';

/** `compagnon engine stable`: JSON in, {@link stableMatching}'s result out. */
export const command: EngineCommand = {
  name: 'stable',
  run({ stdin }) {
    return stableMatching(parseJsonInput(stdin) as StableInput);
  },
};
