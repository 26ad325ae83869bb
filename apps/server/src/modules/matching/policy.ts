import type { Programme } from '../../db/types.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import type { Relation } from '../../policy/confidentiality.ts';
import { managesProgramme, programmeActions } from '../programmes/policy.ts';
import type { ProgrammeRules } from '../programmes/templates.ts';

/**
 * Running, editing, publishing or discarding the matching, choice rounds and the roll-over, and
 * changing any pairing: whoever manages the programme's people (its managers, while it is live).
 */
export const managesMatching = (actor: UserActor, p: Programme) => programmeActions(actor, p).managePeople;

export type PairingSide = 'tutor' | 'tutee' | null;

/**
 * The actor's access to a pairing: its tutor or its tutee (`side`), a manager of the programme
 * (`manage`, for changes; `read`: its managers still read an archived programme's pairings). Anyone else,
 * inside the organisation or not, does not see it.
 */
export function pairingAccess(
  actor: UserActor,
  p: Programme,
  pairing: { tutor_user_id: string; tutee_user_id: string },
) {
  const manage = managesProgramme(actor, p, 'write');
  const side: PairingSide =
    pairing.tutor_user_id === actor.id ? 'tutor' : pairing.tutee_user_id === actor.id ? 'tutee' : null;
  const read = managesProgramme(actor, p, 'read');
  return { visible: !!side || read, manage, read, side };
}

/**
 * Whether a tutee may stop taking part: always in an optional programme; once the compulsory
 * meetings are attended where only the first N are (`first-n`); never where all are compulsory.
 */
export function mayOptOut(rules: ProgrammeRules, attended: number): boolean {
  const { mode, firstN } = rules.participation;
  if (mode === 'optional') return true;
  return mode === 'first-n' && attended >= (firstN ?? 0);
}

/**
 * Who may change a pairing's state: a manager, any change (`manage`); its tutee, leaving the
 * programme where its rule allows it (`optOut`, recorded as such); nobody else (`null`).
 */
export function pairingChange(
  access: { manage: boolean; side: PairingSide },
  to: string,
  rules: ProgrammeRules,
  attended: number,
): 'manage' | 'optOut' | null {
  if (access.manage) return 'manage';
  return access.side === 'tutee' && to === 'ended' && mayOptOut(rules, attended) ? 'optOut' : null;
}

/** Either side of a pairing, or a manager, may ask for another pairing. */
export const mayAskForRepair = (access: { manage: boolean; side: PairingSide }) =>
  access.manage || !!access.side;

/**
 * The reason given with a request for another pairing is for the coordination (the form says so):
 * its managers and the person who wrote it read it; the other side learns only that it was asked.
 */
export const mayReadEventReason = (
  access: { read: boolean },
  actorId: string,
  event: { kind: string; actor_id: string | null },
) => event.kind !== 'repair-requested' || access.read || event.actor_id === actorId;

/** A conflict or an acquaintance is declared by a manager, or by the tutor or the tutee about themselves. */
export const mayDeclareConstraint = (
  actor: UserActor,
  p: Programme,
  b: { tutorId: string; tuteeId: string },
) => managesProgramme(actor, p, 'write') || b.tutorId === actor.id || b.tuteeId === actor.id;

/** What a manager may do with a pairing of the programme, in its state. */
export function pairingActions(manage: boolean, state: string, live: readonly string[]) {
  return {
    pause: manage && state === 'active',
    resume: manage && state === 'paused',
    complete: manage && live.includes(state),
    end: manage && live.includes(state),
  };
}

/** What a member may do with their own pairing. */
export function ownPairingActions(
  as: 'tutor' | 'tutee',
  live: boolean,
  repairRequested: boolean,
  rules: ProgrammeRules,
  attended: number,
) {
  return {
    optOut: as === 'tutee' && live && mayOptOut(rules, attended),
    requestRepair: live && !repairRequested,
    history: true,
  };
}

/**
 * The member's relation to the other side of their pairing: the tutor's own tutee, or the tutee's
 * own tutor, while the pairing lives. After opting out, a tutee keeps their tutor as theirs: they
 * may come back at any time. Once a pairing is over, the other is one more member of the programme.
 */
export function counterpartRelation(
  as: 'tutor' | 'tutee',
  live: boolean,
  endReason: string | null,
): Relation {
  if (as === 'tutor') return live ? 'tutor' : 'otherTutor';
  return live || endReason === 'opt-out' ? 'ownTutor' : 'peer';
}

/**
 * The side on which the actor ranks in an open round: in a tutees' round (after the tutors'
 * showcase), a tutee without a live pairing; in a tutors' round, a tutor with a free place. Nobody
 * else is asked to rank: a tutor in a tutees' round, or a full tutor, would rank for nothing.
 */
export function rankingSide(
  actor: UserActor,
  p: Programme,
  round: { kind: string },
  me: { hasLivePairing: boolean; hasFreePlace: boolean },
): 'tutee' | 'tutor' | null {
  const roles = rolesIn(actor, p.id);
  if (round.kind === 'tutee-choice') return roles.has('tutee') && !me.hasLivePairing ? 'tutee' : null;
  if (round.kind === 'tutor-choice') return roles.has('tutor') && me.hasFreePlace ? 'tutor' : null;
  return null;
}

/** Everyone `rankingSide` asks to rank in a round of this kind, among the cohort of the programme. */
export function rankersIn(
  cohort: { tutees: { userId: string }[]; tutors: { userId: string; capacity: number; load: number }[] },
  kind: string,
): string[] {
  if (kind === 'tutee-choice') return cohort.tutees.map((t) => t.userId);
  return cohort.tutors.filter((t) => t.capacity > t.load).map((t) => t.userId);
}
