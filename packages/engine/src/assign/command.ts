import type { EngineCommand } from '../cli/types.ts';

export const command: EngineCommand = {
  name: 'assign',
  run() {
    throw new Error('assign: not implemented yet');
  },
};
