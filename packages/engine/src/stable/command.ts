import type { EngineCommand } from '../cli/types.ts';

export const command: EngineCommand = {
  name: 'stable',
  run() {
    throw new Error('stable: not implemented yet');
  },
};
