import type { EngineCommand } from '../cli/types.ts';

export const command: EngineCommand = {
  name: 'slots',
  run() {
    throw new Error('slots: not implemented yet');
  },
};
