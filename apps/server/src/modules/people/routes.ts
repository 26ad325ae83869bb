import type { AppContext } from '../../context.ts';
import type { Api } from '../../http/types.ts';
import { groupAndPhoneRoutes } from './routes-group.ts';
import { invitationRoutes } from './routes-invitations.ts';
import { memberRoutes } from './routes-members.ts';
import { profileRoutes } from './routes-profile.ts';

/** The people capability's routes, one file per topic. */
export function peopleRoutes(api: Api, ctx: AppContext) {
  memberRoutes(api, ctx);
  invitationRoutes(api, ctx);
  profileRoutes(api, ctx);
  groupAndPhoneRoutes(api, ctx);
}
