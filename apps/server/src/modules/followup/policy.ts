import type { Programme } from '../../db/types.ts';
import type { UserActor } from '../../policy/actor.ts';
import { managesProgramme } from '../programmes/policy.ts';

/** What a manager of the programme may do here: read it, and change it unless it is archived. */
export type Manager = { reads: boolean; writes: boolean };
export const managerOf = (actor: UserActor, p: Programme): Manager => ({
  reads: managesProgramme(actor, p, 'read'),
  writes: managesProgramme(actor, p, 'write'),
});

/** The dashboard and the yearly review are the programme's managers', archived or not. */
export const mayReviewFollowup = (actor: UserActor, p: Programme) => managesProgramme(actor, p, 'read');

/** An alert is seen by the programme's managers and by the tutor of its pair; others are told it does not exist. */
export const seesAlert = (manager: Manager, actor: UserActor, alert: { tutor_id: string }) =>
  manager.reads || alert.tutor_id === actor.id;

/** Snoozing, closing and messaging the tutor about an alert: a manager of a live programme. */
export const managesAlerts = (manager: Manager) => manager.writes;

/** The coordinator's closing note is for coordinators; it is about handling, not about the tutee. */
export const seesCloseNote = (manager: Manager) => manager.reads;

/** What the actor may do with an alert they see. */
export function alertActions(manager: Manager, actor: UserActor, alert: { state: string; tutor_id: string }) {
  const live = alert.state === 'open' || alert.state === 'snoozed';
  return {
    snooze: manager.writes && live,
    close: manager.writes && live,
    messageTutor: manager.writes,
    logActivity: manager.writes || alert.tutor_id === actor.id,
  };
}

/**
 * Logging a contact for a pair: its tutor, or a manager of the programme (who may not write once it
 * is archived). `hidden` for someone who may not see the pair (404), `refused` for a manager of an
 * archived programme (403).
 */
export function activityAccess(
  actor: UserActor,
  p: Programme,
  pairing: { tutor_user_id: string },
): 'allowed' | 'hidden' | 'refused' {
  if (pairing.tutor_user_id === actor.id) return 'allowed';
  if (!managesProgramme(actor, p, 'read')) return 'hidden';
  return managesProgramme(actor, p, 'write') ? 'allowed' : 'refused';
}
