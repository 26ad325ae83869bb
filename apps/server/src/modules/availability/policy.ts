import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { loadOrganisationFor } from '../programmes/service.ts';

/**
 * Everyone keeps their own availability (rules, calendars, feed) in each organisation they belong
 * to, and only their own: nobody reads or changes anyone else's. Others see it only as busy times,
 * through the slot finder and the matching. An organisation out of the actor's scope, and a rule or
 * calendar of someone else, are not found.
 */
export async function ownAvailabilityIn(ctx: AppContext, actor: UserActor, orgId: string) {
  return loadOrganisationFor(ctx, actor, orgId);
}

/** The same rule without loading the organisation, for a removal (which only ever touches the actor's rows). */
export function assertInScope(actor: UserActor, orgId: string) {
  if (!scopeFor(actor).orgIds.includes(orgId)) throw notFound('organisation');
}
