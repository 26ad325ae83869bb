import type { UserActor } from '../../policy/actor.ts';

/**
 * Who decides on an erasure: an admin of each organisation the person belongs to, never the person
 * themselves (an admin's own request waits for another admin of the organisation).
 */
export const mayDecideErasure = (actor: UserActor, orgId: string, subjectId: string): boolean =>
  actor.adminOf.has(orgId) && actor.id !== subjectId;

/** Everyone may export their own data and ask for its erasure: the routes act on the actor only. */
export const mayActOnOwnData = (actor: UserActor): boolean => actor.kind === 'user';

/** A person with no organisation has nobody to confirm: the request runs after this many days. */
export const GRACE_DAYS = 7;
