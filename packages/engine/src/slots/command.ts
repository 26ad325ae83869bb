import { parseJsonInput } from '../cli/json.ts';
import type { EngineCommand } from '../cli/types.ts';
import { InputError } from '../errors.ts';
import { solveSlots } from './find.ts';
import { parseSlotsInput } from './input.ts';

export const command: EngineCommand = {
  name: 'slots',
  run({ stdin, args }) {
    if (args.length > 0) throw new InputError('', `slots takes no options (got ${args.join(' ')})`);
    return solveSlots(parseSlotsInput(parseJsonInput(stdin)));
  },
};
