/**
 * The matching criteria (each with a 0–10 weight) and the pairing modes, with no dependency, so
 * that the server's schemas and the web app's screens share one list.
 */
export const weightKeys = [
  'distance',
  'sameSite',
  'project',
  'themes',
  'language',
  'faculty',
  'load',
  'knows',
  'choice',
  'availability',
] as const;
export type WeightKey = (typeof weightKeys)[number];

export const modes = ['optimal', 'tutee-choice', 'tutor-choice', 'manual'] as const;
