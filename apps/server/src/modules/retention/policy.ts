import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../policy/actor.ts';
import { loadOrganisationFor } from '../programmes/service.ts';

/**
 * Who reads and sets an organisation's retention periods: its administrators (the organisation's
 * `update` action). Out of scope is a 404, a member who is not an administrator a 403.
 */
export function organisationWhoseRetentionIsSet(ctx: AppContext, actor: UserActor, orgId: string) {
  return loadOrganisationFor(ctx, actor, orgId, 'update');
}
