import type { AppContext } from '../../context.ts';
import type { Api } from '../../http/types.ts';
import { contactRoutes } from './routes-contacts.ts';
import { eventRoutes } from './routes-events.ts';
import { invitationRoutes } from './routes-invitations.ts';
import { pollRoutes } from './routes-polls.ts';
import { reportRoutes } from './routes-reports.ts';
import { schedulingRoutes } from './routes-scheduling.ts';

/** The meetings capability's routes, one file per topic. */
export function meetingRoutes(api: Api, ctx: AppContext) {
  invitationRoutes(api, ctx);
  eventRoutes(api, ctx);
  schedulingRoutes(api, ctx);
  pollRoutes(api, ctx);
  reportRoutes(api, ctx);
  contactRoutes(api, ctx);
}
