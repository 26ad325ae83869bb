import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { managesProgramme } from '../programmes/policy.ts';

// Who does what with leave and replacement. An absence is its tutor's and the coordination's
// (anyone else: 404); a request to stand in is also its backup's. The reason is read by the tutor
// and the coordination only — never by the tutees or the teammates.

type ProgrammeRef = { id: string; org_id: string; archived_at: string | null };
type AbsenceRef = { user_id: string; start_on: string; end_on: string; cancelled_at: string | null };
type CoverRef = { backup_user_id: string | null; state: string };

/** A tutor of a live programme declares their own absences. */
export const declaresAbsence = (actor: UserActor, p: ProgrammeRef) =>
  !p.archived_at && rolesIn(actor, p.id).has('tutor');

export const readsCoordination = (actor: UserActor, p: ProgrammeRef) => managesProgramme(actor, p, 'read');
export const namesBackups = (actor: UserActor, p: ProgrammeRef) => managesProgramme(actor, p, 'write');

/** Who sees an absence at all: its tutor and the coordination. */
export const seesAbsence = (actor: UserActor, p: ProgrammeRef, a: AbsenceRef) =>
  a.user_id === actor.id || readsCoordination(actor, p);

export const statusOf = (
  a: { start_on: string; end_on: string },
  today: string,
): 'past' | 'current' | 'upcoming' =>
  a.end_on < today ? 'past' : a.start_on <= today ? 'current' : 'upcoming';

/**
 * What the tutor may do with their absence: change or cancel it until its first day (cancelled on
 * its first day too, for someone who is not leaving after all), shorten it while it runs, send the
 * proposals once.
 */
export function absenceActions(
  actor: UserActor,
  p: ProgrammeRef,
  a: AbsenceRef & { sent_at: string | null },
  today: string,
) {
  const own = a.user_id === actor.id && !p.archived_at && !a.cancelled_at;
  const status = statusOf(a, today);
  return {
    edit: own && status === 'upcoming',
    cancel: own && a.start_on >= today,
    shorten: own && status === 'current',
    send: own && status !== 'past' && !a.sent_at,
  };
}

/** The backup asked answers while the absence is not over. */
export const answersCover = (actor: UserActor, c: CoverRef, a: AbsenceRef, today: string) =>
  c.backup_user_id === actor.id && c.state === 'asked' && !a.cancelled_at && a.end_on >= today;

/** Who sees a cover: the absent tutor, the backup it is addressed to, the coordination. */
export const seesCover = (actor: UserActor, p: ProgrammeRef, c: CoverRef, a: AbsenceRef) =>
  a.user_id === actor.id || c.backup_user_id === actor.id || readsCoordination(actor, p);

/** A team's continuity and leave: its members and the programme's coordination. */
export const readsTeam = (actor: UserActor, p: ProgrammeRef, memberIds: string[]) =>
  memberIds.includes(actor.id) || readsCoordination(actor, p);
