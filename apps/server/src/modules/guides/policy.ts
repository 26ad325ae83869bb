import type { UserActor } from '../../policy/actor.ts';
import { coordinatesOrganisation } from '../programmes/policy.ts';

// Who does what with an organisation's guides library. Reading it is being of the organisation
// (the scope: anyone else gets a 404); these decide the rest.

/** Creating, editing, archiving guides and deciding suggestions: the organisation's coordination. */
export const mayManageGuides = (actor: UserActor, orgId: string) => coordinatesOrganisation(actor, orgId);

/** Suggesting a guide or a change: a tutor of one of the organisation's programmes. */
export const maySuggestGuides = (actor: UserActor, orgId: string) =>
  actor.memberships.some((m) => m.orgId === orgId && m.role === 'tutor');

/** A suggestion is read by its author and by the coordination. */
export const mayReadSuggestion = (actor: UserActor, s: { org_id: string; author_id: string | null }) =>
  s.author_id === actor.id || mayManageGuides(actor, s.org_id);
