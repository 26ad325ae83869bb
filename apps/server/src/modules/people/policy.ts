import type { Db } from '../../db/index.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import type { Relation } from '../../policy/confidentiality.ts';
import { coveredTutees } from '../absences/queries.ts';
import { managesProgramme, programmeActions } from '../programmes/policy.ts';

// Who sees whom in a programme, and who changes its memberships.

type ProgrammeRef = { id: string; org_id: string; archived_at: string | null };

/** Adding, changing and removing a membership: whoever manages the programme's people. */
export const personActions = (actor: UserActor, p: ProgrammeRef) => {
  const manage = programmeActions(actor, p).managePeople;
  return { edit: manage, remove: manage };
};

/** Whether a person has signed in yet (invited or active) is shown to the programme's managers only. */
export const seesSignInStatus = (actor: UserActor, p: ProgrammeRef) => managesProgramme(actor, p, 'read');

/**
 * A live pair shown on a person's card: to the coordinators every pair, to a member only the
 * pairs they are in.
 */
export const seesPair = (actor: UserActor, relation: Relation, tutorId: string, tuteeId: string) =>
  relation === 'coordinator' || tutorId === actor.id || tuteeId === actor.id;

/**
 * The viewer's relation to every person of a programme, computed with one query on pairings.
 * Admins of the organisation and the programme's coordinators see as coordinators. A teammate
 * standing in for a tutee's absent tutor is their `backup` while the absence runs (`now`).
 */
export async function relationsInProgramme(
  db: Db,
  actor: UserActor,
  programme: ProgrammeRef,
  subjectIds: string[],
  now: Date,
): Promise<Map<string, Relation>> {
  const roles = rolesIn(actor, programme.id);
  const coordinator = managesProgramme(actor, programme, 'read');
  const pairings = coordinator
    ? []
    : await db
        .selectFrom('pairings')
        .select(['tutor_user_id', 'tutee_user_id'])
        .where('programme_id', '=', programme.id)
        .where('state', 'in', LIVE_PAIRING_STATES)
        .where((eb) => eb.or([eb('tutor_user_id', '=', actor.id), eb('tutee_user_id', '=', actor.id)]))
        .execute();
  const myTutees = new Set(pairings.filter((p) => p.tutor_user_id === actor.id).map((p) => p.tutee_user_id));
  const myTutors = new Set(pairings.filter((p) => p.tutee_user_id === actor.id).map((p) => p.tutor_user_id));
  const covered =
    coordinator || !roles.has('tutor')
      ? new Set<string>()
      : await coveredTutees(db, programme, actor.id, now);
  const out = new Map<string, Relation>();
  for (const id of subjectIds) {
    let r: Relation;
    if (id === actor.id) r = 'self';
    else if (coordinator) r = 'coordinator';
    else if (myTutees.has(id)) r = 'tutor';
    else if (covered.has(id)) r = 'backup';
    else if (myTutors.has(id)) r = 'ownTutor';
    else if (roles.has('tutor')) r = 'otherTutor';
    else if (roles.has('tutee')) r = 'peer';
    else if (roles.has('expert')) r = 'expert';
    else r = 'none';
    out.set(id, r);
  }
  return out;
}
