import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { demoAbsences } from './absences.ts';
import { demoCoaching } from './coaching.ts';
import { demoDifficulties } from './difficulties.ts';
import { demoFeedback } from './feedback.ts';
import { demoFollowup } from './followup.ts';
import { matchingDemo } from './matching.ts';
import { demoMeetings } from './meetings.ts';
import { demoNetworks } from './networks.ts';
import { demoPortfolio } from './portfolio.ts';
import { demoTeams } from './teams.ts';

/**
 * Each capability adds the demo data it needs (meetings, matching drafts, alerts …) after the
 * organisations, programmes and people of seed.ts exist, inside the same transaction. Find demo
 * records by organisation slug ('dmg-demo', 'cpts-demo') and by e-mail.
 */
export type DemoExtension = (db: Db, ctx: AppContext) => Promise<void>;

export const demoExtensions: DemoExtension[] = [
  matchingDemo,
  demoMeetings,
  demoFollowup,
  demoDifficulties,
  demoPortfolio,
  // The teams first: the feedback's and absences' demo data join « Équipe Amiens Nord ».
  demoTeams,
  demoFeedback,
  demoAbsences,
  demoCoaching,
  // After the teams: the regional network joins « Équipe Amiens Nord » and a CPTS team.
  demoNetworks,
];
