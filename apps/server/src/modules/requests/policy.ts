import type { Programme } from '../../db/types.ts';
import type { UserActor } from '../../policy/actor.ts';
import { access } from '../../policy/confidentiality.ts';
import { managesProgramme } from '../programmes/policy.ts';
import type { RequestState } from './schema.ts';

/**
 * Requests to join are the coordination's: the programme's coordinators and the organisation's
 * admins read the queue (an archived programme's too), decide and open or close the public page
 * while the programme is live. Other members see the programme, not who asked to join it (403).
 * The person who asked acts only through their private link, on their own request.
 */
export const readsQueue = (actor: UserActor, p: Programme) =>
  managesProgramme(actor, p, 'read') && access('joinRequest', 'coordinator') === 'full';
export const managesRequests = (actor: UserActor, p: Programme) => managesProgramme(actor, p, 'write');

/** What the coordination may do with a request: decide it once it is confirmed and still waiting. */
export function requestActions(actor: UserActor, p: Programme, r: { state: string }) {
  const open = managesRequests(actor, p) && r.state === 'pending';
  return { accept: open, decline: open };
}

/** What the person may do from their link: confirm it once, withdraw it until it is decided. */
export function linkActions(state: RequestState) {
  return { confirm: state === 'unconfirmed', withdraw: state === 'unconfirmed' || state === 'pending' };
}
