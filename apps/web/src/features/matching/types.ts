import type {
  eventView,
  mineView,
  overviewView,
  reasonView,
} from '@compagnon/server/modules/matching/schema.ts';
import type { z } from 'zod';

// Shapes of the matching screens, from the server's response schemas.
export type Overview = z.infer<typeof overviewView>;
export type Mine = z.infer<typeof mineView>;
export type Reason = z.infer<typeof reasonView>;
export type PairingEvent = z.infer<typeof eventView>;
export type Proposal = NonNullable<Overview['draft']>['proposals'][number];
export type Summary = NonNullable<Overview['draft']>['summary'];
export type Weights = Overview['weights'];
export type Mode = Overview['defaultMode'];
// The criteria and modes the server knows, in the order the screens show them.
export { modes, weightKeys } from '@compagnon/server/modules/matching/keys.ts';
