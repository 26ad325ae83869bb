import type { Programme } from '../../db/types.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { managesProgramme } from '../programmes/policy.ts';
import type { Party } from './schema.ts';

// Who may do what with a pair's agreement. Seeing it at all is the pairing's own rule (its two
// people and its programme's managers: matching/policy.ts pairingAccess); these decide the rest.

export interface PairAccess {
  side: 'tutor' | 'tutee' | null;
  manage: boolean;
  read: boolean;
}

/**
 * The party the actor signs as: the mentor or the mentee for themselves; the organisation by a
 * coordinator of the programme (an organisation's administrator who coordinates nothing does not).
 */
export function signingParty(actor: UserActor, p: Programme, a: PairAccess): Party | null {
  if (a.side === 'tutor') return 'mentor';
  if (a.side === 'tutee') return 'mentee';
  if (a.manage && rolesIn(actor, p.id).has('coordinator')) return 'organisation';
  return null;
}

/** The signed charter's PDF: the pair and the programme's managers, once the three signed. */
export const mayDownload = (a: PairAccess, complete: boolean) => complete && (!!a.side || a.read);

/** The end day is moved by the coordination only. */
export const mayMoveEnd = (a: PairAccess, live: boolean) => a.manage && live;

/**
 * The coordination may end a live pair before its end day; so may either party where the programme
 * has them sign a charter (the agreement is theirs to end). Elsewhere the matching's participation
 * rule decides whether a tutee may leave (matching/policy.ts).
 */
export const mayEndEarly = (a: PairAccess, live: boolean, charter: boolean) =>
  live && (a.manage || (!!a.side && charter));

/** A party asks the coordination for help about their own pair. */
export const mayAskHelp = (a: PairAccess, live: boolean) => live && !!a.side;

/** Writing a new version of the charter: the programme's managers, while it is live. */
export const mayPublishCharter = (actor: UserActor, p: Programme) => managesProgramme(actor, p, 'write');

/** Reading the charter: any member of the programme and its managers. */
export const mayReadCharter = (actor: UserActor, p: Programme) =>
  managesProgramme(actor, p, 'read') || rolesIn(actor, p.id).size > 0;
