import { parseJsonInput } from '../cli/json.ts';
import type { EngineCommand } from '../cli/types.ts';
import { InputError } from '../errors.ts';
import { findSlots } from './find.ts';

export const command: EngineCommand = {
  name: 'slots',
  run({ stdin, args }) {
    if (args.length > 0) throw new InputError('', `slots takes no options (got ${args.join(' ')})`);
    return findSlots(parseJsonInput(stdin));
  },
};
