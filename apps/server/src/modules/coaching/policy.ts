import type { TutorCoachingTable } from '../../db/tables-coaching.ts';
import type { Programme } from '../../db/types.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import type { CoachingRelation } from '../../policy/confidentiality-teams.ts';
import { managesProgramme } from '../programmes/policy.ts';

/**
 * Coaching of new tutors is the programme's coordination's to arrange and end, and its two tutors'
 * to live: the coordination (programme coordinators, organisation admins) pairs a tutor in their
 * first year with an experienced tutor of the programme; the two read each other's contact details
 * and may end it early; other tutors learn nothing of it; tutees and experts are refused (403),
 * another organisation sees nothing (404).
 */
export const managesCoaching = (actor: UserActor, p: Programme, use: 'read' | 'write') =>
  managesProgramme(actor, p, use);

export const seesCoaching = (actor: UserActor, p: Programme) =>
  managesCoaching(actor, p, 'read') || rolesIn(actor, p.id).has('tutor');

/** A tutor is experienced after a year as a tutor in the organisation; before, they are new. */
export const EXPERIENCE_MONTHS = 12;
/** A coaching lasts a year from its start. */
export const COACHING_MONTHS = 12;

type Coaching = Pick<TutorCoachingTable, 'coach_id' | 'new_tutor_id'>;

/** The viewer's relation to a coaching, as the confidentiality table reads it. */
export function coachingRelation(actor: UserActor, p: Programme, c: Coaching): CoachingRelation {
  if (actor.id === c.coach_id) return 'coach';
  if (actor.id === c.new_tutor_id) return 'newTutor';
  if (managesCoaching(actor, p, 'read')) return 'coordinator';
  return rolesIn(actor, p.id).has('tutor') ? 'otherTutor' : 'none';
}

/** Who may end a coaching before its term: its two tutors and the coordination (not archived). */
export const mayEnd = (relation: CoachingRelation, actor: UserActor, p: Programme) =>
  !p.archived_at && (relation === 'coach' || relation === 'newTutor' || managesCoaching(actor, p, 'write'));
