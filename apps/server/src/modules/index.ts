import type { AppContext } from '../context.ts';
import type { Api } from '../http/types.ts';
import { absenceRoutes } from './absences/routes.ts';
import { agreementRoutes } from './agreements/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { availabilityRoutes } from './availability/routes.ts';
import { consultationRoutes } from './consultations/routes.ts';
import { difficultyRoutes } from './difficulties/routes.ts';
import { followupRoutes } from './followup/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { matchingRoutes } from './matching/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { portfolioRoutes } from './portfolio/routes.ts';
import { programmeRoutes } from './programmes/routes.ts';
import { requestRoutes } from './requests/routes.ts';
import { retentionRoutes } from './retention/routes.ts';
import { reviewRoutes } from './reviews/routes.ts';
import { rightsRoutes } from './rights/routes.ts';
import { threadRoutes } from './threads/routes.ts';
import { wellbeingRoutes } from './wellbeing/routes.ts';

/** Every capability registers its routes here, one line each. */
export function registerModules(api: Api, ctx: AppContext): void {
  authRoutes(api, ctx);
  programmeRoutes(api, ctx);
  peopleRoutes(api, ctx);
  importRoutes(api, ctx);
  auditRoutes(api, ctx);
  followupRoutes(api, ctx);
  notificationRoutes(api, ctx);
  availabilityRoutes(api, ctx);
  meetingRoutes(api, ctx);
  matchingRoutes(api, ctx);
  rightsRoutes(api, ctx);
  retentionRoutes(api, ctx);
  wellbeingRoutes(api, ctx);
  difficultyRoutes(api, ctx);
  consultationRoutes(api, ctx);
  threadRoutes(api, ctx);
  portfolioRoutes(api, ctx);
  reviewRoutes(api, ctx);
  requestRoutes(api, ctx);
  agreementRoutes(api, ctx);
  absenceRoutes(api, ctx);
}
