import type { Db } from '../../db/index.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import type { Relation } from '../../policy/confidentiality.ts';
import { managesProgramme } from '../programmes/policy.ts';

const LIVE_PAIRING = ['active', 'paused'];

/**
 * The viewer's relation to every person of a programme, computed with one query on pairings.
 * Admins of the organisation and the programme's coordinators see as coordinators.
 */
export async function relationsInProgramme(
  db: Db,
  actor: UserActor,
  programme: { id: string; org_id: string; archived_at: string | null },
  subjectIds: string[],
): Promise<Map<string, Relation>> {
  const roles = rolesIn(actor, programme.id);
  const coordinator = managesProgramme(actor, programme, 'read');
  const pairings = coordinator
    ? []
    : await db
        .selectFrom('pairings')
        .select(['tutor_user_id', 'tutee_user_id'])
        .where('programme_id', '=', programme.id)
        .where('state', 'in', LIVE_PAIRING)
        .where((eb) => eb.or([eb('tutor_user_id', '=', actor.id), eb('tutee_user_id', '=', actor.id)]))
        .execute();
  const myTutees = new Set(pairings.filter((p) => p.tutor_user_id === actor.id).map((p) => p.tutee_user_id));
  const myTutors = new Set(pairings.filter((p) => p.tutee_user_id === actor.id).map((p) => p.tutor_user_id));
  const out = new Map<string, Relation>();
  for (const id of subjectIds) {
    let r: Relation;
    if (id === actor.id) r = 'self';
    else if (coordinator) r = 'coordinator';
    else if (myTutees.has(id)) r = 'tutor';
    else if (myTutors.has(id)) r = 'ownTutor';
    else if (roles.has('tutor')) r = 'otherTutor';
    else if (roles.has('tutee')) r = 'peer';
    else if (roles.has('expert')) r = 'expert';
    else r = 'none';
    out.set(id, r);
  }
  return out;
}
