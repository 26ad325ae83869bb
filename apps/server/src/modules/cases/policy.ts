import { rolesIn, type UserActor } from '../../policy/actor.ts';
import type { Relation } from '../../policy/confidentiality.ts';
import { teamCaseAccess } from '../../policy/confidentiality-teams.ts';
import { managesProgramme } from '../programmes/policy.ts';

// Who brings a case to a team, who reads and acts on it. The confidentiality table's "teamCase" row
// decides what each one reads (policy/confidentiality-teams.ts, teamCaseAccess).

type ProgrammeRef = { id: string; org_id: string; archived_at: string | null };
type CaseRef = { author_id: string | null; state: string; shared_at: string | null };

/** A member of a live team who is a tutor of its programme brings a case (not in an archived programme). */
export const mayBringCase = (actor: UserActor, p: ProgrammeRef) =>
  !p.archived_at && rolesIn(actor, p.id).has('tutor');

/** The viewer's relation to the case's author, for the confidentiality table. */
function relationOf(actor: UserActor, c: CaseRef, p: ProgrammeRef, teammate: boolean): Relation {
  if (c.author_id === actor.id) return 'self';
  if (teammate) return 'otherTutor';
  if (managesProgramme(actor, p, 'read')) return 'coordinator';
  return 'none';
}

export type CaseStanding = 'author' | 'teammate' | 'coordination';

/**
 * What the actor reads of a case and may do with it; null when it is not theirs (a 404). `teammate`:
 * the actor is a member of the case's team now.
 */
export function caseAccessFor(actor: UserActor, c: CaseRef, p: ProgrammeRef, teammate: boolean) {
  const relation = relationOf(actor, c, p, teammate);
  const read = teamCaseAccess(relation, { teammate, shared: !!c.shared_at });
  if (!read) return null;
  const standing: CaseStanding =
    relation === 'self' ? 'author' : relation === 'otherTutor' ? 'teammate' : 'coordination';
  const member = standing !== 'coordination' && (standing === 'teammate' || teammate) && !p.archived_at;
  const open = c.state === 'open';
  return {
    standing,
    subject: read.subject,
    actions: {
      reply: member && open,
      decide: member && open,
      reopen: member && !open,
      share: standing === 'author',
      askExpert: member && open && rolesIn(actor, p.id).has('tutor'),
    },
  };
}
