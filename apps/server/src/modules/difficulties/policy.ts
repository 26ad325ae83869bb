import type { UserActor } from '../../policy/actor.ts';
import { escalationAccess, type Relation } from '../../policy/confidentiality.ts';
import { coordinatesOrganisation, managesProgramme } from '../programmes/policy.ts';
import { type DifficultyState, difficultyStates } from './schema.ts';

// Who reads a difficulty and what they may do with it. The confidentiality table's "escalations"
// row decides what each one reads (policy/confidentiality.ts, escalationAccess).

type ProgrammeRef = { id: string; org_id: string; archived_at: string | null };
type DifficultyRef = {
  org_id: string;
  author_id: string | null;
  anonymised: number;
  scope: string;
  state: string;
  source_id: string | null;
  programme_id: string | null;
};

/**
 * Whether the actor handles a difficulty: its programme's coordinators and admins, or, for one with
 * no programme attached (a copy forwarded by another organisation), those who coordinate in its
 * organisation.
 */
export function handles(actor: UserActor, d: DifficultyRef, programme: ProgrammeRef | null): boolean {
  if (d.programme_id === null) return coordinatesOrganisation(actor, d.org_id);
  return !!programme && managesProgramme(actor, programme, 'read');
}

/** The viewer's relation to the difficulty's author, for the confidentiality table. */
export function relationTo(actor: UserActor, d: DifficultyRef, programme: ProgrammeRef | null): Relation {
  if (d.author_id !== null && d.author_id === actor.id) return 'self';
  return handles(actor, d, programme) ? 'coordinator' : 'none';
}

export interface DifficultyAccess {
  relation: Relation;
  authorNamed: boolean;
  /** Instants are shown (else days only): never to the coordination of an anonymised difficulty. */
  precise: boolean;
  handles: boolean;
  actions: { reply: boolean; moveTo: DifficultyState[]; forward: boolean };
}

/** What the actor may read and do with a difficulty; null when it is not theirs to see (a 404). */
export function difficultyAccess(
  actor: UserActor,
  d: DifficultyRef,
  programme: ProgrammeRef | null,
): DifficultyAccess | null {
  const relation = relationTo(actor, d, programme);
  const read = escalationAccess(relation, d.anonymised === 1);
  if (!read) return null;
  const manager = handles(actor, d, programme);
  const copy = d.source_id !== null || d.programme_id === null;
  const open = d.state !== 'closed';
  const index = difficultyStates.indexOf(d.state as DifficultyState);
  return {
    relation,
    authorNamed: read.authorNamed,
    precise: relation === 'self' || d.anonymised !== 1,
    handles: manager,
    actions: {
      // A copy has no author to answer: its organisation follows it through its states.
      reply: open && !copy && (relation === 'self' || manager),
      moveTo: manager && open ? difficultyStates.slice(index + 1) : [],
      forward: manager && !copy && d.scope === 'systemic',
    },
  };
}

/** Who raises a difficulty in a programme: any of its members (not an admin who is not one). */
export const mayRaiseIn = (actor: UserActor, p: ProgrammeRef) =>
  !p.archived_at && actor.memberships.some((m) => m.programmeId === p.id);
