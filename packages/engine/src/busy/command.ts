import type { EngineCommand } from '../cli/types.ts';

export const command: EngineCommand = {
  name: 'busy',
  run() {
    throw new Error('busy: not implemented yet');
  },
};
