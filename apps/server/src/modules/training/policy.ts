import type { TrainingSessionTable } from '../../db/tables-training.ts';
import type { Programme } from '../../db/types.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { managesProgramme } from '../programmes/policy.ts';

/**
 * Training sessions are the tutors' and their coordination's: the programme's coordinators and the
 * organisation's admins publish, change, cancel them, see who registered and record attendance;
 * the programme's tutors see the sessions and register. Tutees and experts of the programme see
 * the programme, not its training (403 on its list, 404 on a session); another organisation sees
 * nothing (404).
 */
export const managesTraining = (actor: UserActor, p: Programme, use: 'read' | 'write') =>
  managesProgramme(actor, p, use);

export const isTutorIn = (actor: UserActor, p: Programme) => rolesIn(actor, p.id).has('tutor');

export const seesTraining = (actor: UserActor, p: Programme) =>
  managesTraining(actor, p, 'read') || isTutorIn(actor, p);

type Session = Pick<TrainingSessionTable, 'starts_at' | 'ends_at' | 'cancelled_at' | 'registration_deadline'>;

/** Registrations are open while the session is not cancelled, not started, before its deadline. */
export const registrationOpen = (s: Session, p: Programme, now: Date) =>
  !s.cancelled_at &&
  !p.archived_at &&
  now.toISOString() < s.starts_at &&
  (!s.registration_deadline || now.toISOString() < s.registration_deadline);

/** What the actor may do with a session they see, given their own place in it. */
export function sessionActions(
  actor: UserActor,
  p: Programme,
  s: Session,
  mine: 'registered' | 'waiting' | 'none',
  now: Date,
) {
  const started = now.toISOString() >= s.starts_at;
  const write = managesTraining(actor, p, 'write') && !s.cancelled_at;
  return {
    register: isTutorIn(actor, p) && mine === 'none' && registrationOpen(s, p, now),
    cancelRegistration: mine !== 'none' && !started && !s.cancelled_at,
    manage: write && !started,
    recordAttendance: write && started,
  };
}
