import { isLivePairing } from '../../domain/pairings.ts';
import type { UserActor } from '../../policy/actor.ts';
import { pairThreadReadable, type Relation } from '../../policy/confidentiality.ts';
import { managesProgramme } from '../programmes/policy.ts';

// Who reads and writes a pair's thread: the confidentiality table's "pairThread" row decides
// (policy/confidentiality.ts), the tutee being the thread's subject and the pair's tutor its other
// reader. Writing needs the pair to be live and its programme not archived.

export type PairingRef = {
  tutor_user_id: string;
  tutee_user_id: string;
  state: string;
  programme_id: string;
  org_id: string;
  archived_at: string | null;
};

/** The viewer's relation to the thread's subject (the pair's tutee). */
export function relationToThread(actor: UserActor, p: PairingRef): Relation {
  if (actor.id === p.tutee_user_id) return 'self';
  if (actor.id === p.tutor_user_id) return 'tutor';
  const programme = { id: p.programme_id, org_id: p.org_id, archived_at: p.archived_at };
  return managesProgramme(actor, programme, 'read') ? 'coordinator' : 'none';
}

export const mayReadThread = (actor: UserActor, p: PairingRef) =>
  pairThreadReadable(relationToThread(actor, p));

/** Whether the two may still write: the pair is live and its programme open. */
export const threadOpen = (p: PairingRef) => isLivePairing(p.state) && p.archived_at === null;
